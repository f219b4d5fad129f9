"""Stage deadlines of the lifecycle (SLA): when each stage of a case must be done.

A case's status tells its stage and the limit that runs (resources/taxonomy/time_limits.json):
受理/立案 dispatch (one stage from intake to dispatch), 派遣 accept (签收), 处置中 the completion
deadline itself, 待核查 verify, 待回访 callback; 挂账 and the final states have no stage deadline.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from backend.intake import deadlines
from backend.intake.case_intake import category_info
from backend.lifecycle.rules import Transition

STAGE_OF = {
    "received": "dispatch",
    "registered": "dispatch",
    "dispatched": "accept",
    "verifying": "verify",
    "callback": "callback",
}
STAGE_NAMES = {  # how timeline notes and alerts name a stage
    "dispatch": "派遣",
    "accept": "签收",
    "handle": "处置",
    "verify": "核查",
    "callback": "回访",
}


def stage_name(status: str) -> str:
    """The stage a case in ``status`` is in, as the center says it (派遣 …)."""
    return STAGE_NAMES[STAGE_OF.get(status, "handle")]


def stage_values(
    conn: sa.Connection, row: sa.Row[Any], rule: Transition, values: dict[str, Any], now: float
) -> dict[str, Any]:
    """The SLA columns of a case entering ``rule.target`` at ``now``. A reopening (重办) gives a fresh
    completion deadline from now; resuming a suspended case moves it by the time spent suspended
    (挂账 stops the clock)."""
    if rule.target == "registered" and row.status == "received":
        return {}  # registering and dispatching are one stage, counted from intake
    sla: dict[str, Any] = {"stage_started_at": now, "stage_overdue": False, "stage_deadline_at": None}
    info = category_info(conn, row.category_code)
    assert info is not None  # cases reference their category
    deadline_at = row.deadline_at
    if rule.reopens:
        deadline_at = deadlines.stage_deadline("handle", info, row.urgency, now, row.appeal_type)
        sla |= {"deadline_at": deadline_at, "overdue": False}
    elif row.status == "suspended" and deadline_at is not None and row.stage_started_at is not None:
        deadline_at += max(0.0, now - row.stage_started_at)
        sla |= {"deadline_at": deadline_at, "overdue": row.overdue and deadline_at < now}
    if rule.target == "handling":
        sla["stage_deadline_at"] = deadline_at
    elif rule.target in STAGE_OF:
        stage = STAGE_OF[rule.target]
        sla["stage_deadline_at"] = deadlines.stage_deadline(stage, info, row.urgency, now, row.appeal_type)
    return sla
