"""A manual alert (alert.raise): checked field by field, stored as a CAP alert of this backend
(identifier ``manual-<uuid>``, sender ``command-seat@<node>``; status Exercise on a drill backend)."""

from __future__ import annotations

import math
import uuid

import sqlalchemy as sa

from backend import schema
from backend.alerts.apply import mark_exercise
from backend.alerts.draft import AlertDraft, local_sender
from backend.alerts.records import insert_alert
from backend.case_writes import MAX_ADDRESS, MAX_DESCRIPTION, invalid
from backend.events import StoredEvent
from backend.intake.validation import check_point
from client_api import messages as m
from client_api.alert_messages import (
    CAP_CATEGORIES,
    CAP_CERTAINTIES,
    CAP_SEVERITIES,
    CAP_URGENCIES,
    AlertArea,
    AlertRecord,
    Circle,
    Geocode,
    RaiseAlert,
)

MAX_EVENT = 255
MAX_HEADLINE = 500
MAX_EXPIRES_S = 30 * 86400


def _text(value: str, field: str, maximum: int, required: bool = False) -> str:
    value = value.strip()
    if required and not value:
        raise invalid(field, f"the {field} is empty")
    if len(value) > maximum:
        raise invalid(field, f"the {field} is longer than {maximum} characters")
    return value


def _one_of(value: str, field: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise invalid(field, f"{field} {value!r} is not one of {', '.join(allowed)}")
    return value


def checked_draft(req: RaiseAlert, operator: m.Operator, node: str, now: float) -> AlertDraft:
    """The draft of a manual alert; ProtocolError(invalid_field) naming the first bad field."""
    if not req.categories:
        raise invalid("categories", "give at least one CAP category")
    categories = list(dict.fromkeys(_one_of(c, "categories", CAP_CATEGORIES) for c in req.categories))
    point = check_point(req.lat, req.lon)
    expires = None
    if req.expires_in_s is not None:
        if not (math.isfinite(req.expires_in_s) and 0 < req.expires_in_s <= MAX_EXPIRES_S):
            raise invalid("expires_in_s", f"expires_in_s must be more than 0 and at most {MAX_EXPIRES_S} s")
        expires = float(int(now + req.expires_in_s))
    return AlertDraft(
        identifier=f"manual-{uuid.uuid4().hex}",
        sender=local_sender(node),
        sent=float(int(now)),
        event=_text(req.event, "event", MAX_EVENT, required=True),
        headline=_text(req.headline, "headline", MAX_HEADLINE, required=True),
        source="manual",
        categories=categories,
        urgency=_one_of(req.urgency, "urgency", CAP_URGENCIES),
        severity=_one_of(req.severity, "severity", CAP_SEVERITIES),
        certainty=_one_of(req.certainty, "certainty", CAP_CERTAINTIES),
        description=_text(req.description, "description", MAX_DESCRIPTION),
        instruction=_text(req.instruction, "instruction", MAX_DESCRIPTION),
        sender_name=operator.display_name,
        expires=expires,
        lat=point[0] if point else None,
        lon=point[1] if point else None,
        grid_code=req.grid_code,
    )


def store_manual_alert(
    conn: sa.Connection, draft: AlertDraft, area_desc: str, exercise: bool, now: float
) -> tuple[AlertRecord, list[StoredEvent]]:
    """Store a checked draft; its area is ``area_desc`` (default: the name of its grid code)."""
    mark_exercise(draft, exercise)
    area_desc = _text(area_desc, "area_desc", MAX_ADDRESS)
    code = draft.grid_code
    if code is not None:
        name = conn.execute(sa.select(schema.areas.c.name).where(schema.areas.c.code == code)).scalar()
        if name is None:
            raise invalid("grid_code", f"no area with code {code!r}")
        area_desc = area_desc or name
    if area_desc or draft.lat is not None:
        point = []
        if draft.lat is not None and draft.lon is not None:
            point = [Circle(lat=draft.lat, lon=draft.lon, radius_km=0.0)]
        draft.areas = [
            AlertArea(
                area_desc=area_desc,
                circles=point,
                geocodes=[Geocode(value_name="grid", value=code)] if code else [],
            )
        ]
    return insert_alert(conn, draft, now)
