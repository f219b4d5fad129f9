"""The write side of cases: validation and the statements of one transaction (sync connection)."""

from __future__ import annotations

import datetime as dt
import time
import uuid
from typing import Any

import msgspec
import sqlalchemy as sa

from backend import schema
from backend.events import StoredEvent, append_event
from backend.inbox.links import link_item_to_case
from backend.intake.case_intake import intake_values, record_intake
from client_api import messages as m
from client_api.errors import ErrorCode, ProtocolError

MAX_ADDRESS = 512
MAX_DESCRIPTION = 4000
URGENCIES = ("normal", "urgent", "critical")
CHANNELS = ("hotline", "inspector", "grid", "app", "web", "enterprise", "iot")


# Built once: statements made per call spend more time in SQLAlchemy than in SQLite (bench/fanout.py).
_INSERT_CASE = sa.insert(schema.cases).returning(schema.cases.c.id)
_SET_CASE_NO = (
    sa.update(schema.cases)
    .where(schema.cases.c.id == sa.bindparam("the_id"))
    .values(case_no=sa.bindparam("the_no"))
)


def invalid(field: str, message: str) -> ProtocolError:
    return ProtocolError(ErrorCode.INVALID_FIELD, message, {"field": field})


def validated_text(req: m.CreateCase) -> tuple[str, str]:
    """The trimmed address and description, or ProtocolError(invalid_field) naming what is wrong."""
    address = req.address.strip()
    description = req.description.strip()
    if not address:
        raise invalid("address", "the address is empty")
    if len(address) > MAX_ADDRESS:
        raise invalid("address", f"the address is longer than {MAX_ADDRESS} characters")
    if not description:
        raise invalid("description", "the description is empty")
    if len(description) > MAX_DESCRIPTION:
        raise invalid("description", f"the description is longer than {MAX_DESCRIPTION} characters")
    return address, description


_EXISTS: dict[str, sa.Select[tuple[str]]] = {}


def check_exists(conn: sa.Connection, table: sa.Table, code: str, field: str) -> None:
    query = _EXISTS.get(table.name)
    if query is None:
        query = _EXISTS[table.name] = sa.select(table.c.code).where(table.c.code == sa.bindparam("code"))
    if conn.execute(query, {"code": code}).first() is None:
        raise invalid(field, f"no {field.removesuffix('_code')} with code {code!r}")


def insert_case(
    conn: sa.Connection, req: m.CreateCase, operator: m.Operator, seat_id: str
) -> tuple[m.CaseRecord, list[StoredEvent]]:
    """Insert a case and its ``case.created`` event in the caller's transaction; also the events of
    what the case links to (its inbox item becomes done), in sequence order."""
    address, description = validated_text(req)
    check_exists(conn, schema.categories, req.category_code, "category_code")
    if req.grid_code is not None:
        check_exists(conn, schema.areas, req.grid_code, "grid_code")
    if req.urgency not in URGENCIES:
        raise invalid("urgency", f"urgency must be one of {', '.join(URGENCIES)}")
    if req.channel not in CHANNELS:
        raise invalid("channel", f"channel must be one of {', '.join(CHANNELS)}")
    now = time.time()
    values = {
        "category_code": req.category_code,
        "address": address,
        "description": description,
        "grid_code": req.grid_code,
        "status": "received",
        "created_at": now,
        "created_by": operator.username,
        "seat_id": seat_id,
        "appeal_type": req.appeal_type,
        "urgency": req.urgency,
        "channel": req.channel,
        "reporter_name": req.reporter_name,
        "reporter_phone": req.reporter_phone,
        "confidential": req.confidential,
        "lat": req.lat,
        "lon": req.lon,
        "object_code": req.object_code,
        "owner_unit": operator.unit,  # a town center's intake stays in the town's sight
    }
    values.update(intake_values(conn, req, address, now))  # location codes, deadline, close at intake
    # The number needs the id; a unique placeholder keeps the constraint until it is set.
    placeholder = f"tmp-{uuid.uuid4().hex[:28]}"
    case_id = conn.execute(_INSERT_CASE, {"case_no": placeholder, **values}).scalar_one()
    case_no = f"{dt.datetime.fromtimestamp(now):%Y%m%d}{case_id:06d}"
    conn.execute(_SET_CASE_NO, {"the_id": case_id, "the_no": case_no})
    if req.attachment_ids:
        from backend.attachments import link_attachments  # attachments import this module

        values["attachment_count"] = link_attachments(conn, req.attachment_ids, operator, case_id)
        conn.execute(
            sa.update(schema.cases)
            .where(schema.cases.c.id == case_id)
            .values(attachment_count=values["attachment_count"])
        )
    record = msgspec.convert({"id": case_id, "case_no": case_no, **values}, m.CaseRecord)
    record_intake(conn, record, req, operator, seat_id)  # first report and timeline
    events = [append_event(conn, "case.created", m.CaseCreatedEvent(case=record), now)]
    if req.intake_item_id is not None:  # same transaction: no case without its item done, nor the reverse
        events.append(link_item_to_case(conn, req.intake_item_id, operator, case_id, now))
    if req.call_id is not None:
        link_call_to_case(conn, req.call_id, case_id)
    return record, events


def link_call_to_case(conn: sa.Connection, call_id: int, case_id: int) -> None:
    """Record which case a call produced (the first one, if the caller reported several problems)."""
    found = conn.execute(sa.select(schema.calls.c.case_id).where(schema.calls.c.id == call_id)).first()
    if found is None:
        raise invalid("call_id", f"no call with id {call_id}")
    if found.case_id is None:
        conn.execute(sa.update(schema.calls).where(schema.calls.c.id == call_id).values(case_id=case_id))


def case_from_row(row: sa.Row[Any]) -> m.CaseRecord:
    """A case as seats see it, from a row of ``cases`` (all columns)."""
    values = {field: getattr(row, field) for field in m.CaseRecord.__struct_fields__}
    values["co_departments"] = split_codes(values["co_departments"])
    return msgspec.convert(values, m.CaseRecord)


def split_codes(joined: str | None) -> tuple[str, ...]:
    """Department codes stored comma-separated (``cases.co_departments``) as a tuple."""
    return tuple(code for code in (joined or "").split(",") if code)
