"""Stage deadlines of the lifecycle (SLA): when each stage of a case must be done."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from backend.lifecycle.rules import Transition


def stage_values(
    conn: sa.Connection, row: sa.Row[Any], rule: Transition, values: dict[str, Any], now: float
) -> dict[str, Any]:
    """The SLA columns of a case entering ``rule.target`` at ``now``."""
    return {"stage_started_at": now, "stage_overdue": False}
