"""Helpers of the SLA tests (no tests here): people, cases moved through the lifecycle, rows read and
set behind the store's back."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from backend import schema
from backend.case_writes import case_from_row
from backend.lifecycle.transition import apply_transition
from backend.store import Store
from client_api import messages as m
from client_api.errors import ProtocolError
from client_api.lifecycle_messages import TransitionCase

OPERATOR = m.Operator("operator1", "话务员 王芳", "operator")
SUPERVISOR = m.Operator("supervisor1", "值班长 陈静", "supervisor")
CITY = m.Operator("handler1", "城管局 赵磊", "handler", unit="D-CG")
PEOPLE = {"operator": OPERATOR, "supervisor": SUPERVISOR, "handler": CITY}
# register, dispatch to 区城市管理局, accept: the case is being handled
TO_HANDLING: list[tuple[str, str, dict[str, Any]]] = [
    ("register", "operator", {}),
    ("dispatch", "operator", {"department_code": "D-CG"}),
    ("accept", "handler", {}),
]


def new_case(aio: Any, store: Store, category: str = "E0502", **fields: Any) -> m.CaseRecord:
    request = m.CreateCase(category, "滨江路88号", "水管爆裂", **fields)
    return aio.run(store.create_case(request, OPERATOR, "S1"))


def act(
    aio: Any, store: Store, case_id: int, action: str, who: str | m.Operator, **fields: Any
) -> m.CaseRecord:
    operator = PEOPLE[who] if isinstance(who, str) else who
    request = TransitionCase(case_id=case_id, action=action, **fields)
    case, _from = aio.run(store.run_write(apply_transition, request, operator, "S1"))
    return case


def walk(aio: Any, store: Store, case_id: int, steps: list[tuple[str, str, dict[str, Any]]]) -> m.CaseRecord:
    case: m.CaseRecord | None = None
    for action, who, fields in steps:
        case = act(aio, store, case_id, action, who, **fields)
    assert case is not None
    return case


def handled_case(aio: Any, store: Store, **fields: Any) -> m.CaseRecord:
    case = new_case(aio, store, **fields)
    return walk(aio, store, case.id, TO_HANDLING)


def read_case(aio: Any, store: Store, case_id: int) -> m.CaseRecord:
    async def read() -> m.CaseRecord:
        async with store.engine.connect() as conn:
            row = (await conn.execute(sa.select(schema.cases).where(schema.cases.c.id == case_id))).one()
        return case_from_row(row)

    return aio.run(read())


def set_case(aio: Any, store: Store, case_id: int, **values: Any) -> None:
    """Change a case's columns directly (a deadline in the past, say), as if time had passed."""

    async def write() -> None:
        async with store.write_lock, store.engine.begin() as conn:
            await conn.execute(sa.update(schema.cases).where(schema.cases.c.id == case_id).values(**values))

    aio.run(write())


def timeline(aio: Any, store: Store, case_id: int) -> list[tuple[str, str | None, str | None]]:
    """(action, note, department_code) of each timeline entry, oldest first."""

    async def read() -> list[tuple[str, str | None, str | None]]:
        t = schema.case_timeline
        query = sa.select(t.c.action, t.c.note, t.c.department_code).where(t.c.case_id == case_id)
        async with store.engine.connect() as conn:
            rows = (await conn.execute(query.order_by(t.c.id))).all()
        return [(r.action, r.note, r.department_code) for r in rows]

    return aio.run(read())


def events_of(aio: Any, store: Store, after: int) -> list[tuple[str, bytes]]:
    """(type, payload) of the events after sequence number ``after``."""
    return [(e.type, e.payload) for e in aio.run(store.events_after(after, 1000))]


def write(aio: Any, store: Store, fn: Any, req: Any, who: str | m.Operator = "supervisor") -> Any:
    """Run a write ``fn(conn, req, operator, seat_id)`` as ``who``; its result."""
    operator = PEOPLE[who] if isinstance(who, str) else who
    return aio.run(store.run_write(fn, req, operator, "S1"))


def refused(aio: Any, store: Store, fn: Any, req: Any, who: str | m.Operator = "supervisor") -> ProtocolError:
    """The error a write that must fail raises."""
    try:
        write(aio, store, fn, req, who)
    except ProtocolError as exc:
        return exc
    raise AssertionError(f"{fn.__name__} accepted {req}")


def count(aio: Any, store: Store, table: sa.Table) -> int:
    async def read() -> int:
        async with store.engine.connect() as conn:
            return int((await conn.execute(sa.select(sa.func.count()).select_from(table))).scalar_one())

    return aio.run(read())
