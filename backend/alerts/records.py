"""Alert rows in and out of the store: insert a draft (with its ``alert.raised`` event), read records,
and write a changed record back (with its ``alert.updated`` event)."""

from __future__ import annotations

import time
from typing import Any

import msgspec
import sqlalchemy as sa

from backend import schema
from backend.alerts.draft import AlertDraft
from backend.events import StoredEvent, append_event
from client_api.alert_messages import AlertArea, AlertEvent, AlertRecord, Evidence
from client_api.alert_priority import priority

T = schema.alerts
_JSON_LISTS = ("categories", "response_types", "references")


def _record(row: Any) -> AlertRecord:
    data = dict(row._mapping)
    for key in _JSON_LISTS:
        data[key] = msgspec.json.decode(data[key])
    data["areas"] = msgspec.json.decode(data["areas"], type=list[AlertArea])
    data["evidence"] = msgspec.json.decode(data["evidence"], type=list[Evidence])
    case_no = data.pop("case_no", None)
    for key in ("dedupe_key", "cap_xml"):
        data.pop(key, None)
    return AlertRecord(**data, case_no=case_no)


def _select() -> sa.Select[Any]:
    return sa.select(T, schema.cases.c.case_no).select_from(
        T.outerjoin(schema.cases, schema.cases.c.id == T.c.case_id)
    )


def get_alert(conn: sa.Connection, alert_id: int) -> AlertRecord | None:
    row = conn.execute(_select().where(T.c.id == alert_id)).first()
    return None if row is None else _record(row)


def find_alert(conn: sa.Connection, sender: str, identifier: str) -> AlertRecord | None:
    row = conn.execute(_select().where(T.c.sender == sender, T.c.identifier == identifier)).first()
    return None if row is None else _record(row)


def open_alert_for_key(conn: sa.Connection, dedupe_key: str) -> AlertRecord | None:
    """The active or acknowledged (not cancelled or expired) alert raised under ``dedupe_key``."""
    row = conn.execute(
        _select()
        .where(T.c.dedupe_key == dedupe_key, T.c.state.in_(("active", "acknowledged")))
        .order_by(T.c.id.desc())
        .limit(1)
    ).first()
    return None if row is None else _record(row)


def list_alerts(
    conn: sa.Connection, states: list[str] | None, since: float | None, limit: int
) -> list[AlertRecord]:
    query = _select().order_by(T.c.id.desc()).limit(limit)
    if states is not None:
        query = query.where(T.c.state.in_(states))
    if since is not None:
        query = query.where(T.c.received_at >= since)
    return [_record(row) for row in conn.execute(query)]


def insert_alert(
    conn: sa.Connection, draft: AlertDraft, now: float | None = None
) -> tuple[AlertRecord, list[StoredEvent]]:
    """Store a new alert and its ``alert.raised`` event. The caller checks for duplicates first."""
    now = time.time() if now is None else now
    values = {
        "identifier": draft.identifier,
        "sender": draft.sender,
        "sent": draft.sent,
        "source": draft.source,
        "rule": draft.rule,
        **content_columns(draft),
        "state": "active",
        "escalation_level": 0,
        "references": encode_list(draft.references),
        "received_at": now,
        "updated_at": now,
        "dedupe_key": draft.dedupe_key,
    }
    alert_id = conn.execute(sa.insert(T).values(values).returning(T.c.id)).scalar_one()
    record = get_alert(conn, int(alert_id))
    assert record is not None
    return record, [append_event(conn, "alert.raised", AlertEvent(alert=record), now)]


def content_columns(draft: AlertDraft) -> dict[str, Any]:
    """The columns a CAP Update replaces: the message's content, its priority and the XML received."""
    return {
        "status": draft.status,
        "msg_type": draft.msg_type,
        "scope": draft.scope,
        "language": draft.language,
        "categories": encode_list(draft.categories),
        "event": draft.event,
        "urgency": draft.urgency,
        "severity": draft.severity,
        "certainty": draft.certainty,
        "response_types": encode_list(draft.response_types),
        "headline": draft.headline,
        "description": draft.description,
        "instruction": draft.instruction,
        "sender_name": draft.sender_name,
        "areas": msgspec.json.encode(draft.areas).decode(),
        "expires": draft.expires,
        "priority": priority(draft.urgency, draft.severity, draft.certainty),
        "evidence": msgspec.json.encode(draft.evidence).decode(),
        "lat": draft.lat,
        "lon": draft.lon,
        "grid_code": draft.grid_code,
        "cap_xml": draft.cap_xml,
    }


def encode_list(values: list[str]) -> str:
    """A list column's JSON text."""
    return msgspec.json.encode(values).decode()


def find_referenced(conn: sa.Connection, sender: str, identifier: str) -> AlertRecord | None:
    """The alert a CAP message (sender, identifier) is, or was applied to as an Update or Cancel."""
    found = find_alert(conn, sender, identifier)
    if found is not None:
        return found
    entry = f'"{sender},{identifier},'  # how the entry starts inside the JSON list of references
    row = conn.execute(
        _select().where(T.c.references.contains(entry, autoescape=True)).order_by(T.c.id).limit(1)
    ).first()
    return None if row is None else _record(row)


def update_alert(
    conn: sa.Connection, alert_id: int, values: dict[str, Any], now: float | None = None
) -> tuple[AlertRecord, list[StoredEvent]]:
    """Write ``values`` (column → value; list columns already JSON text) and emit ``alert.updated``."""
    now = time.time() if now is None else now
    conn.execute(sa.update(T).where(T.c.id == alert_id).values(**values, updated_at=now))
    record = get_alert(conn, alert_id)
    assert record is not None
    return record, [append_event(conn, "alert.updated", AlertEvent(alert=record), now)]
