"""Firings become alerts: one CAP-aligned draft each (source ``rule``), written in one transaction per
batch, skipping a key that already has an open alert (and a key repeated within the batch)."""

from __future__ import annotations

import uuid

import sqlalchemy as sa

from backend.alerts.draft import AlertDraft
from backend.alerts.records import insert_alert, open_alert_for_key
from backend.events import StoredEvent
from backend.warnings.firing import Firing
from client_api.alert_messages import AlertArea, AlertRecord, Circle, Geocode

SENDER_NAME = "预警模型"
AREA_RADIUS_KM = 0.2  # the circle drawn around a firing's point


def draft_of(firing: Firing, *, node: str, exercise: bool, now: float) -> AlertDraft:
    geocodes = [Geocode(value_name="grid", value=firing.grid_code)] if firing.grid_code else []
    circles = []
    if firing.lat is not None and firing.lon is not None:
        circles = [Circle(lat=firing.lat, lon=firing.lon, radius_km=AREA_RADIUS_KM)]
    return AlertDraft(
        identifier=f"rule-{firing.kind}-{uuid.uuid4().hex}",
        sender=f"command-seat@{node}",
        sent=now,
        status="Exercise" if exercise else "Actual",
        scope="Restricted",
        source="rule",
        rule=firing.kind,
        event=firing.event,
        headline=firing.headline,
        description=firing.description,
        instruction=firing.instruction,
        categories=firing.categories,
        urgency=firing.urgency,
        severity=firing.severity,
        certainty=firing.certainty,
        response_types=firing.response_types,
        sender_name=SENDER_NAME,
        areas=[AlertArea(area_desc=firing.area_desc, circles=circles, geocodes=geocodes)],
        evidence=firing.evidence,
        lat=firing.lat,
        lon=firing.lon,
        grid_code=firing.grid_code,
        dedupe_key=firing.dedupe_key,
        expires=None if firing.expires_in_s is None else now + firing.expires_in_s,
    )


def write_alerts(
    conn: sa.Connection, drafts: list[AlertDraft], now: float
) -> tuple[list[AlertRecord], list[StoredEvent]]:
    """Insert the drafts whose key has no open alert (a write for ``Store.run_write``)."""
    records: list[AlertRecord] = []
    events: list[StoredEvent] = []
    seen: set[str] = set()
    for draft in drafts:
        key = draft.dedupe_key
        if key is not None and (key in seen or open_alert_for_key(conn, key) is not None):
            continue
        if key is not None:
            seen.add(key)
        record, raised = insert_alert(conn, draft, now)
        records.append(record)
        events += raised
    return records, events
