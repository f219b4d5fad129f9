"""Radio records: the talk groups (resources/demo/talk_groups.json) and the radio log, where every
transmission, emergency and patch is kept as its JSON record and announced with an event, in one
transaction. A transmission heard on several groups (a patch) has one row and one event per group."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

import msgspec
import sqlalchemy as sa

from backend import schema
from backend.comms.case_record import check_case, record_on_case
from backend.events import StoredEvent, append_event
from backend.intake import data
from client_api import comms_messages as cm
from client_api import messages as m

log_table = schema.radio_log
MAX_PATCH_MINUTES = 480.0  # how far back a patch can still be in force

RadioRecord = cm.Transmission | cm.Emergency | cm.Patch
R = TypeVar("R", cm.Transmission, cm.Emergency, cm.Patch)
_KIND: dict[type, str] = {cm.Transmission: "transmission", cm.Emergency: "emergency", cm.Patch: "patch"}


def load_groups() -> dict[str, str]:
    """Talk group id → name, in the file's order."""
    return dict(_groups())


@functools.cache
def _groups() -> dict[str, str]:
    doc = data.load_json(data.DEMO, "talk_groups.json")
    return {g["id"]: g["name"] for g in doc["groups"]}


@dataclass(frozen=True, slots=True)
class Save:
    """A record to store: a new one (id 0) gets the next id of its kind. A transmission is stored
    and announced once per group in ``heard_on`` (its own group first), with that group's id."""

    record: RadioRecord
    heard_on: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CaseNote:
    case_id: int
    operator: m.Operator
    seat_id: str | None
    note: str


def write_log(
    conn: sa.Connection, saves: Sequence[Save], now: float, notes: Sequence[CaseNote] = ()
) -> tuple[list[RadioRecord], list[StoredEvent]]:
    """Store ``saves`` (the records as stored, in order) and the notes on case timelines."""
    saved: list[RadioRecord] = []
    events: list[StoredEvent] = []
    for save in saves:
        record = save.record
        kind = _KIND[type(record)]
        if record.id == 0:
            if isinstance(record, cm.Transmission) and record.case_id is not None:
                check_case(conn, record.case_id)
            record = msgspec.structs.replace(record, id=_next_id(conn, kind))
        for copy in _copies(record, save.heard_on):
            _upsert(conn, kind, copy)
            events.append(_event(conn, copy, now))
        saved.append(record)
    for note in notes:
        record_on_case(conn, note.case_id, now, note.operator, note.seat_id, "radio", note.note)
    return saved, events


def _copies(record: RadioRecord, heard_on: tuple[str, ...]) -> list[RadioRecord]:
    if not isinstance(record, cm.Transmission):
        return [record]
    groups = heard_on or (record.group_id,)
    return [msgspec.structs.replace(record, group_id=g) for g in groups]


def _next_id(conn: sa.Connection, kind: str) -> int:
    top = conn.execute(sa.select(sa.func.max(log_table.c.ref)).where(log_table.c.kind == kind)).scalar()
    return int(top or 0) + 1


def _group_of(record: RadioRecord) -> str:
    return record.groups[0] if isinstance(record, cm.Patch) else record.group_id


def _upsert(conn: sa.Connection, kind: str, record: RadioRecord) -> None:
    group = _group_of(record)
    text = msgspec.json.encode(record).decode()
    where = (log_table.c.kind == kind, log_table.c.ref == record.id, log_table.c.group_id == group)
    if conn.execute(sa.update(log_table).where(*where).values(record=text)).rowcount:
        return
    at = record.started_at if isinstance(record, cm.Transmission) else record.at
    case_id = record.case_id if isinstance(record, cm.Transmission) else None
    conn.execute(
        sa.insert(log_table).values(
            kind=kind, ref=record.id, group_id=group, at=at, case_id=case_id, record=text
        )
    )


def _event(conn: sa.Connection, record: RadioRecord, now: float) -> StoredEvent:
    if isinstance(record, cm.Transmission):
        return append_event(conn, "radio.transmission", cm.TransmissionUpdated(transmission=record), now)
    if isinstance(record, cm.Emergency):
        return append_event(conn, "radio.emergency", cm.EmergencyUpdated(emergency=record), now)
    return append_event(conn, "radio.patch", cm.PatchUpdated(patch=record), now)


# --- reading the log back ---------------------------------------------------------------------------


def find(conn: sa.Connection, kind: str, ref: int, type_: type[R]) -> R | None:
    query = sa.select(log_table.c.record).where(log_table.c.kind == kind, log_table.c.ref == ref).limit(1)
    text = conn.execute(query).scalar()
    return None if text is None else msgspec.json.decode(text, type=type_)


@dataclass(slots=True)
class LoggedState:
    """What a starting radio service takes over from the log."""

    last: dict[str, cm.Transmission]  # per group, the newest transmission (open ones too)
    emergencies: list[cm.Emergency]  # not acknowledged
    patches: list[cm.Patch]  # not ended


def load_state(conn: sa.Connection, now: float) -> LoggedState:
    newest = (
        sa.select(log_table.c.group_id, sa.func.max(log_table.c.ref).label("ref"))
        .where(log_table.c.kind == "transmission")
        .group_by(log_table.c.group_id)
        .subquery()
    )
    query = sa.select(log_table.c.record).join(
        newest, sa.and_(log_table.c.group_id == newest.c.group_id, log_table.c.ref == newest.c.ref)
    )
    query = query.where(log_table.c.kind == "transmission")
    last = [msgspec.json.decode(t, type=cm.Transmission) for t in conn.execute(query).scalars()]
    emergencies = [e for e in _records(conn, "emergency", cm.Emergency, since=None) if e.acked_at is None]
    patches = [
        p for p in _records(conn, "patch", cm.Patch, since=now - MAX_PATCH_MINUTES * 60) if p.ended_at is None
    ]
    return LoggedState({t.group_id: t for t in last}, emergencies, patches)


def _records(conn: sa.Connection, kind: str, type_: type[R], since: float | None) -> list[R]:
    query = sa.select(log_table.c.record).where(log_table.c.kind == kind).order_by(log_table.c.ref)
    if since is not None:
        query = query.where(log_table.c.at >= since)
    return [msgspec.json.decode(text, type=type_) for text in conn.execute(query).scalars()]
