"""Linked cases (协调联动): the same incident reported twice, or a parent case and its children."""

from __future__ import annotations

import time
from typing import Any

import sqlalchemy as sa

from backend import schema
from backend.case_writes import case_from_row, invalid
from backend.events import StoredEvent, append_event
from backend.intake.case_intake import add_timeline
from backend.lifecycle.transition import load_case
from backend.lifecycle.units import check_sees
from client_api import messages as m
from client_api.dispatch_messages import LinkCases, UnlinkCases
from client_api.errors import ErrorCode, ProtocolError
from client_api.intake_messages import CaseUpdatedEvent

KINDS = ("same_incident", "parent")
links, cases = schema.case_links, schema.cases
Result = tuple[tuple[m.CaseRecord, m.CaseRecord], list[StoredEvent]]


def link_cases(conn: sa.Connection, req: LinkCases, operator: m.Operator, seat_id: str | None) -> Result:
    """Link two cases; ``parent``: ``case_id`` is the parent. Refuses self-links, a second link between
    the same two cases (either way round) and a parent that is already below its child."""
    if req.kind not in KINDS:
        raise invalid("kind", f"kind must be one of {', '.join(KINDS)}")
    if req.case_id == req.other_case_id:
        raise invalid("other_case_id", "a case cannot be linked to itself")
    one, other = load_case(conn, req.case_id), load_case(conn, req.other_case_id)
    check_sees(conn, operator, one, "link")
    check_sees(conn, operator, other, "link")
    if _link_between(conn, one.id, other.id) is not None:
        raise invalid("other_case_id", f"cases {one.case_no} and {other.case_no} are already linked")
    if req.kind == "parent" and other.id in _ancestors(conn, one.id):
        raise invalid("other_case_id", f"case {other.case_no} is already above {one.case_no}: a loop")
    now = time.time()
    conn.execute(
        sa.insert(links).values(
            case_id=one.id,
            other_case_id=other.id,
            kind=req.kind,
            created_by=operator.username,
            created_at=now,
        )
    )
    return _both(conn, one, other, operator, seat_id, "linked", +1, now)


def unlink_cases(conn: sa.Connection, req: UnlinkCases, operator: m.Operator, seat_id: str | None) -> Result:
    one, other = load_case(conn, req.case_id), load_case(conn, req.other_case_id)
    link_id = _link_between(conn, one.id, other.id)
    if link_id is None:
        raise ProtocolError(
            ErrorCode.NOT_FOUND,
            f"cases {one.case_no} and {other.case_no} are not linked",
            {"field": "other_case_id"},
        )
    conn.execute(sa.delete(links).where(links.c.id == link_id))
    return _both(conn, one, other, operator, seat_id, "unlinked", -1, time.time())


def _link_between(conn: sa.Connection, a: int, b: int) -> int | None:
    either = sa.or_(
        sa.and_(links.c.case_id == a, links.c.other_case_id == b),
        sa.and_(links.c.case_id == b, links.c.other_case_id == a),
    )
    found: int | None = conn.execute(sa.select(links.c.id).where(either)).scalar()
    return found


def _ancestors(conn: sa.Connection, case_id: int) -> set[int]:
    """Every case above ``case_id`` through parent links."""
    found: set[int] = set()
    todo = [case_id]
    while todo:
        query = sa.select(links.c.case_id).where(
            links.c.other_case_id == todo.pop(), links.c.kind == "parent"
        )
        for parent in conn.execute(query).scalars():
            if parent not in found:
                found.add(parent)
                todo.append(parent)
    return found


def _both(
    conn: sa.Connection,
    one: sa.Row[Any],
    other: sa.Row[Any],
    operator: m.Operator,
    seat_id: str | None,
    action: str,
    step: int,
    now: float,
) -> Result:
    """Count, timeline and event on both cases; each entry names the other case."""
    events: list[StoredEvent] = []
    records: list[m.CaseRecord] = []
    for mine, theirs in ((one, other), (other, one)):
        conn.execute(
            sa.update(cases).where(cases.c.id == mine.id).values(link_count=cases.c.link_count + step)
        )
        note = f"案件 {theirs.case_no}"
        add_timeline(
            conn,
            mine.id,
            now,
            operator,
            seat_id,
            action,
            mine.status,
            mine.status,
            note,
            mine.lead_department,
        )
        record = case_from_row(load_case(conn, mine.id))
        records.append(record)
        events.append(append_event(conn, "case.updated", CaseUpdatedEvent(case=record), now))
    return (records[0], records[1]), events
