"""KPIs per department (按时办结率, 回退率, 重办率, 满意率, open and overdue) from the timeline: each
entry carries the unit the case was with, so a department is judged on what it did itself."""

from __future__ import annotations

import time
from typing import Any

import sqlalchemy as sa

from backend import schema
from client_api.sla_messages import DepartmentKpi, DepartmentKpis

DISPATCHES = ("dispatch", "subdispatch")
REOPENINGS = ("verify_fail", "callback_unsatisfied")
CALLBACKS = ("callback_done", "callback_unsatisfied")  # callback_done needs 满意 or 基本满意
COUNTED = (*DISPATCHES, "complete", "return", *REOPENINGS, *CALLBACKS)
OPEN = ("dispatched", "handling", "suspended")
ACTED = ("dispatched", "completed", "on_time", "returned", "reopened", "callbacks", "satisfied")


def _count(condition: sa.ColumnElement[bool]) -> sa.ColumnElement[Any]:
    return sa.func.sum(sa.case((condition, 1), else_=0))


def department_kpis(conn: sa.Connection, since: float | None, now: float | None = None) -> DepartmentKpis:
    """Over cases received since ``since`` (None: all); one row per department ever dispatched one."""
    t, c = schema.case_timeline.c, schema.cases.c
    acted = (
        sa.select(
            t.department_code,
            _count(t.action.in_(DISPATCHES)).label("dispatched"),
            _count(t.action == "complete").label("completed"),
            # judged against the deadline in force when it completed (extensions and reopenings move it)
            _count(
                sa.and_(t.action == "complete", t.ts <= sa.func.coalesce(t.deadline_at, c.deadline_at))
            ).label("on_time"),
            _count(t.action == "return").label("returned"),
            _count(t.action.in_(REOPENINGS)).label("reopened"),
            _count(t.action.in_(CALLBACKS)).label("callbacks"),
            _count(t.action == "callback_done").label("satisfied"),
        )
        .join(schema.cases, c.id == t.case_id)
        .where(t.department_code.is_not(None), t.action.in_(COUNTED))
        .group_by(t.department_code)
    )
    held = (
        sa.select(c.lead_department, sa.func.count().label("open"), _count(c.overdue).label("overdue"))
        .where(c.lead_department.is_not(None), c.status.in_(OPEN))
        .group_by(c.lead_department)
    )
    if since is not None:
        acted, held = acted.where(c.created_at >= since), held.where(c.created_at >= since)
    counts: dict[str, dict[str, int]] = {}
    for row in conn.execute(acted):
        counts[row.department_code] = {name: int(getattr(row, name) or 0) for name in ACTED}
    for row in conn.execute(held):
        counts.setdefault(row.lead_department, dict.fromkeys(ACTED, 0))
        counts[row.lead_department] |= {"open": int(row.open), "overdue": int(row.overdue or 0)}
    rows = [kpi(code, n) for code, n in sorted(counts.items()) if n["dispatched"] or n.get("open")]
    total = {name: sum(getattr(r, name) for r in rows) for name in (*ACTED, "open", "overdue")}
    return DepartmentKpis(rows=rows, total=kpi("", total), computed_at=time.time() if now is None else now)


def kpi(code: str, n: dict[str, int]) -> DepartmentKpi:
    return DepartmentKpi(
        department_code=code,
        dispatched=n["dispatched"],
        completed=n["completed"],
        on_time=n["on_time"],
        on_time_rate=_rate(n["on_time"], n["completed"]),
        returned=n["returned"],
        return_rate=_rate(n["returned"], n["dispatched"]),
        reopened=n["reopened"],
        reopen_rate=_rate(n["reopened"], n["completed"]),
        callbacks=n["callbacks"],
        satisfied=n["satisfied"],
        satisfaction_rate=_rate(n["satisfied"], n["callbacks"]),
        open=n.get("open", 0),
        overdue=n.get("overdue", 0),
    )


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None
