"""Which unit should take a case (智能分拨), among those the asking account may dispatch it to."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from backend import schema
from backend.lifecycle.transition import load_case
from backend.lifecycle.units import UnitTree, dispatch_targets, unit_tree
from backend.routing.rules import CasePlace, best_rule, case_place, load_rules
from client_api import messages as m
from client_api.dispatch_messages import RoutingRule, RoutingSuggestion


def suggest(conn: sa.Connection, case_id: int, operator: m.Operator) -> RoutingSuggestion:
    row = load_case(conn, case_id)
    tree = unit_tree(conn)
    action = "dispatch" if row.status == "registered" or row.lead_department is None else "subdispatch"
    candidates = dispatch_targets(tree, operator, row, action)
    place = case_place(conn, row)
    rule = best_rule(load_rules(conn), place)
    words = _rule_words(conn, tree, rule) if rule is not None else "没有匹配的分拨规则"
    target = None
    if rule is not None:
        target = _within_reach(tree, rule.department_code, candidates)
    if target is None:
        target = _by_location(tree, place, operator, candidates)
        if target is not None:
            words += f"；按案件所在地 → {tree.name(target)}"
    elif target != (rule.department_code if rule else None):
        words += f"；由 {tree.name(target)} 转派"
    if target is None:
        words += "，请人工选择"
    co = [c for c in (rule.co_departments if rule else []) if c in tree and c != target]
    return RoutingSuggestion(
        department_code=target,
        co_departments=co if target is not None else [],
        rule_id=rule.id if rule is not None else None,
        reason=words,
        candidates=sorted(candidates),
    )


def _within_reach(tree: UnitTree, code: str, candidates: frozenset[str]) -> str | None:
    """The rule's unit if the account may dispatch to it, else its nearest ancestor it may."""
    seen: set[str] = set()
    current: str | None = code
    while current is not None and current not in seen:
        if current in candidates:
            return current
        seen.add(current)
        current = tree.parents.get(current)
    return None


def _by_location(
    tree: UnitTree, place: CasePlace, operator: m.Operator, candidates: frozenset[str]
) -> str | None:
    """The unit serving the case's village or grid that the account may dispatch to, one level below
    its own unit first (a town center: the village station; a village station: the grid member)."""
    local = [
        code for code in candidates if tree.areas.get(code) in place.areas and tree.levels[code] != "district"
    ]
    local.sort(
        key=lambda code: (tree.parents.get(code) != operator.unit, -place.areas[str(tree.areas[code])])
    )
    return local[0] if local else None


def _rule_words(conn: sa.Connection, tree: UnitTree, rule: RoutingRule) -> str:
    """``规则 #12：市容环境 × 临江街道 → 临江街道综合指挥中心``."""
    c, a = schema.categories, schema.areas
    category = "任意类别"
    if rule.category_code is not None:
        category = _name(conn, c, rule.category_code)
    area = "全区"
    if rule.area_code is not None:
        area = _name(conn, a, rule.area_code)
    return f"规则 #{rule.id}：{category} × {area} → {tree.name(rule.department_code)}"


def _name(conn: sa.Connection, table: sa.Table, code: str) -> Any:
    return conn.execute(sa.select(table.c.name).where(table.c.code == code)).scalar() or code
