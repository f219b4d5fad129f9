"""The dispatch tree of units (区 → 镇 → 村 → 网格) and who may act on a case within it.

An account's unit is ``accounts.department_code``; None is the district center, the root above every
top-level unit (the district departments and the town centers). A unit holds a case when the case's
lead department is the unit or below it, and sees it when the lead or a co-handling unit is.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from backend import schema
from backend.case_writes import invalid, split_codes
from backend.lifecycle.rules import Transition, allowed_actions
from client_api import messages as m
from client_api.errors import ErrorCode, ProtocolError
from client_api.lifecycle_messages import TransitionCase

MAX_CO_DEPARTMENTS = 5
HOLDER_ACTIONS = frozenset({"accept", "return", "complete"})  # the department's own steps
DISPATCHES = frozenset({"dispatch", "subdispatch"})


@dataclass(frozen=True)
class UnitTree:
    """Units by code: parent, name and children (departments do not change at runtime)."""

    parents: dict[str, str | None]
    names: dict[str, str]
    children: dict[str | None, tuple[str, ...]]
    areas: dict[str, str | None]  # the area a unit serves (a town, village or grid; the district)
    levels: dict[str, str]  # district | town | village | grid

    def __contains__(self, code: object) -> bool:
        return code in self.parents

    def subtree(self, code: str | None) -> frozenset[str]:
        """``code`` and every unit below it; None (the district center) gives every unit."""
        if code is None:
            return frozenset(self.parents)
        found, todo = {code}, [code]
        while todo:
            for child in self.children.get(todo.pop(), ()):
                found.add(child)
                todo.append(child)
        return frozenset(found)

    def below(self, code: str | None) -> frozenset[str]:
        """The units strictly below ``code``."""
        return self.subtree(code) - {code} if code is not None else self.subtree(None)

    def is_within(self, code: str | None, ancestor: str | None) -> bool:
        """Whether unit ``code`` is ``ancestor`` or below it (everything is within None)."""
        if ancestor is None:
            return True
        seen: set[str] = set()
        while code is not None and code not in seen:
            if code == ancestor:
                return True
            seen.add(code)
            code = self.parents.get(code)
        return False

    def name(self, code: str | None) -> str:
        return "区指挥中心" if code is None else self.names.get(code, code)


_TREES: weakref.WeakKeyDictionary[sa.Engine, UnitTree] = weakref.WeakKeyDictionary()


def unit_tree(conn: sa.Connection) -> UnitTree:
    """The unit tree of ``conn``'s database, cached per engine once departments exist."""
    tree = _TREES.get(conn.engine)
    if tree is not None:
        return tree
    d = schema.departments
    rows = conn.execute(
        sa.select(d.c.code, d.c.name, d.c.parent_code, d.c.area_code, d.c.level).order_by(d.c.code)
    ).all()
    children: dict[str | None, list[str]] = {}
    for r in rows:
        children.setdefault(r.parent_code, []).append(r.code)
    tree = UnitTree(
        parents={r.code: r.parent_code for r in rows},
        names={r.code: r.name for r in rows},
        children={k: tuple(v) for k, v in children.items()},
        areas={r.code: r.area_code for r in rows},
        levels={r.code: r.level for r in rows},
    )
    if rows:  # an empty database is seeded later: do not remember it empty
        _TREES[conn.engine] = tree
    return tree


def case_units(row: Any) -> frozenset[str]:
    """The units that see a case (row or record): its lead, co-handling units and owning desk."""
    co = row.co_departments
    codes = split_codes(co) if isinstance(co, str) else tuple(co)
    return frozenset(code for code in (row.lead_department, row.owner_unit, *codes) if code)


def sees(scope: frozenset[str] | None, units: Iterable[str]) -> bool:
    """Whether an account whose unit's subtree is ``scope`` (None: everything) sees these units' case."""
    return scope is None or not scope.isdisjoint(units)


def holds(tree: UnitTree, operator: m.Operator, row: Any) -> bool:
    """Whether the operator's unit is the case's lead department or above it (the center holds all)."""
    if operator.unit is None:
        return True
    return row.lead_department is not None and tree.is_within(row.lead_department, operator.unit)


def _forbidden(rule: str, message: str, unit: str | None) -> ProtocolError:
    return ProtocolError(ErrorCode.FORBIDDEN, message, {"rule": rule, "unit": unit or ""})


def check_holds(conn: sa.Connection, operator: m.Operator, row: Any, rule: str = "holds") -> None:
    """Refuse (forbidden) an account whose unit neither is nor is above the case's lead department."""
    tree = unit_tree(conn)
    if not holds(tree, operator, row):
        lead = tree.name(row.lead_department) if row.lead_department else "区指挥中心（未派遣）"
        raise _forbidden(
            rule,
            f"rule {rule}: case {row.case_no} is with {lead}, not within {tree.name(operator.unit)}",
            operator.unit,
        )


def dispatch_targets(tree: UnitTree, operator: m.Operator, row: Any, action: str) -> frozenset[str]:
    """The units ``operator`` may (sub)dispatch this case to."""
    if action == "dispatch":
        if operator.unit is None:
            return frozenset(tree.children.get(None, ()))
        if row.owner_unit is None or not tree.is_within(row.owner_unit, operator.unit):
            return frozenset()  # a unit's desk dispatches the cases it (or a unit below it) took
        return tree.below(operator.unit)
    if not holds(tree, operator, row):
        return frozenset()
    return tree.below(operator.unit) - {row.lead_department}


def allowed_for(conn: sa.Connection, operator: m.Operator, row: Any) -> list[str]:
    """The table's actions for the operator's role, narrowed by its unit's place in the tree."""
    tree = unit_tree(conn)
    scope = None if operator.unit is None else tree.subtree(operator.unit)
    found = []
    for action in allowed_actions(row.status, operator.role):
        if action in DISPATCHES:
            if not dispatch_targets(tree, operator, row, action):
                continue
        elif action in HOLDER_ACTIONS:
            if not holds(tree, operator, row):
                continue
        elif not sees(scope, case_units(row)):
            continue
        found.append(action)
    return found


def scoped_values(
    conn: sa.Connection, operator: m.Operator, row: sa.Row[Any], rule: Transition, req: TransitionCase
) -> dict[str, Any]:
    """The columns a dispatch sets (lead and co-handling units), after checking the operator may act
    on this case from its unit; raises forbidden or invalid_field otherwise."""
    tree = unit_tree(conn)
    if rule.action in HOLDER_ACTIONS:
        check_holds(conn, operator, row, rule.action)
        return {}
    if rule.action not in DISPATCHES:
        check_sees(conn, operator, row, rule.action)
        return {}
    if rule.action == "subdispatch":
        check_holds(conn, operator, row, rule.action)
    code = str(req.department_code)
    if code not in tree:
        raise invalid("department_code", f"no department with code {code!r}")
    if code not in dispatch_targets(tree, operator, row, rule.action):
        where = "a top-level unit" if operator.unit is None else f"a unit below {tree.name(operator.unit)}"
        raise _forbidden(
            rule.action, f"rule {rule.action} ({rule.label}): {tree.name(code)} is not {where}", operator.unit
        )
    co = _co_departments(tree, code, req.co_departments)
    if rule.action == "subdispatch" and not req.co_departments:
        co = [c for c in split_codes(row.co_departments) if c != code]  # co-handling units stay on
    return {"lead_department": code, "co_departments": ",".join(co)}


def _co_departments(tree: UnitTree, lead: str, codes: list[str]) -> list[str]:
    if len(codes) > MAX_CO_DEPARTMENTS:
        raise invalid("co_departments", f"at most {MAX_CO_DEPARTMENTS} co-handling units")
    if len(set(codes)) != len(codes):
        raise invalid("co_departments", "a co-handling unit is named twice")
    for code in codes:
        if code not in tree:
            raise invalid("co_departments", f"no department with code {code!r}")
        if code == lead:
            raise invalid("co_departments", f"{code} is the lead department, not a co-handling one")
    return codes


def check_sees(conn: sa.Connection, operator: m.Operator, row: Any, rule: str) -> None:
    """Refuse (forbidden) an account with a unit acting on a case outside its unit's subtree."""
    if operator.unit is None:
        return
    tree = unit_tree(conn)
    if not sees(tree.subtree(operator.unit), case_units(row)):
        raise _forbidden(
            rule, f"rule {rule}: case {row.case_no} is not within {tree.name(operator.unit)}", operator.unit
        )
