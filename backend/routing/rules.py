"""Routing rules (智能分拨) as editable data: category × area → lead department and co-handling units.

A rule matches a case when its category is the case's category or that category's major class (or is
None), and its area is the case's grid, village or town or an area above them (or is None). The most
specific match wins: category and area both set, then the deeper area, then a category set, then the
subcategory over the major class, then the higher priority, then the older rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from backend import schema
from backend.case_writes import check_exists, invalid, split_codes
from backend.events import StoredEvent
from backend.intake import data
from backend.lifecycle.units import MAX_CO_DEPARTMENTS, unit_tree
from client_api.dispatch_messages import RoutingRule
from client_api.errors import ErrorCode, ProtocolError

AREA_DEPTH = {"district": 1, "town": 2, "village": 3, "grid": 4}
MAX_NOTE = 500
rules_table = schema.routing_rules


@dataclass(frozen=True)
class CasePlace:
    """What a rule is matched against: the case's category with its major class, and its areas from
    the most specific up with their depth (grid 4 … district 1)."""

    category_code: str
    major_code: str | None
    areas: dict[str, int]


def rule_from_row(row: sa.Row[Any]) -> RoutingRule:
    return RoutingRule(
        id=row.id,
        category_code=row.category_code,
        area_code=row.area_code,
        department_code=row.department_code,
        co_departments=list(split_codes(row.co_departments)),
        priority=row.priority,
        note=row.note,
    )


def load_rules(conn: sa.Connection) -> list[RoutingRule]:
    return [rule_from_row(r) for r in conn.execute(sa.select(rules_table).order_by(rules_table.c.id))]


def case_place(conn: sa.Connection, case: sa.Row[Any]) -> CasePlace:
    """The category and the chain of areas of a case row."""
    c, a = schema.categories, schema.areas
    major = conn.execute(sa.select(c.c.parent_code).where(c.c.code == case.category_code)).scalar()
    areas: dict[str, int] = {}
    code = case.grid_code or case.village_code or case.town_code
    while code is not None and code not in areas:
        row = conn.execute(sa.select(a.c.level, a.c.parent_code).where(a.c.code == code)).first()
        if row is None:
            break
        areas[code] = AREA_DEPTH.get(row.level, 0)
        code = row.parent_code
    return CasePlace(case.category_code, major, areas)


def specificity(rule: RoutingRule, place: CasePlace) -> tuple[int, ...] | None:
    """How specifically ``rule`` matches the case (larger is better); None if it does not match."""
    if rule.category_code is not None and rule.category_code not in (place.category_code, place.major_code):
        return None
    if rule.area_code is not None and rule.area_code not in place.areas:
        return None
    has_category, has_area = rule.category_code is not None, rule.area_code is not None
    depth = place.areas[rule.area_code] if rule.area_code is not None else 0
    subcategory = rule.category_code == place.category_code and place.major_code is not None
    return (has_category and has_area, depth, has_category, subcategory, rule.priority, -(rule.id or 0))


def best_rule(rules: list[RoutingRule], place: CasePlace) -> RoutingRule | None:
    ranked = [(key, rule) for rule in rules if (key := specificity(rule, place)) is not None]
    return max(ranked, key=lambda pair: pair[0])[1] if ranked else None


def save_rule(conn: sa.Connection, rule: RoutingRule) -> RoutingRule:
    """Insert (``id`` None) or replace a rule after checking every code it names exists."""
    if rule.category_code is not None:
        check_exists(conn, schema.categories, rule.category_code, "category_code")
    if rule.area_code is not None:
        check_exists(conn, schema.areas, rule.area_code, "area_code")
    tree = unit_tree(conn)
    if rule.department_code not in tree:
        raise invalid("department_code", f"no department with code {rule.department_code!r}")
    co = rule.co_departments
    if len(co) > MAX_CO_DEPARTMENTS or len(set(co)) != len(co) or rule.department_code in co:
        raise invalid(
            "co_departments", f"at most {MAX_CO_DEPARTMENTS} distinct co-handling units, not the lead"
        )
    for code in co:
        if code not in tree:
            raise invalid("co_departments", f"no department with code {code!r}")
    if rule.note is not None and len(rule.note) > MAX_NOTE:
        raise invalid("note", f"the note is longer than {MAX_NOTE} characters")
    values = {
        "category_code": rule.category_code,
        "area_code": rule.area_code,
        "department_code": rule.department_code,
        "co_departments": ",".join(co),
        "priority": rule.priority,
        "note": rule.note,
    }
    if rule.id is None:
        rule_id = conn.execute(
            sa.insert(rules_table).values(**values).returning(rules_table.c.id)
        ).scalar_one()
    else:
        done = conn.execute(sa.update(rules_table).where(rules_table.c.id == rule.id).values(**values))
        if done.rowcount == 0:
            raise ProtocolError(ErrorCode.NOT_FOUND, f"no routing rule #{rule.id}", {"field": "id"})
        rule_id = rule.id
    return rule_from_row(conn.execute(sa.select(rules_table).where(rules_table.c.id == rule_id)).one())


def delete_rule(conn: sa.Connection, rule_id: int) -> tuple[int, list[StoredEvent]]:
    """Delete a rule (a write for ``Store.run_write``: no event)."""
    done = conn.execute(sa.delete(rules_table).where(rules_table.c.id == rule_id))
    if done.rowcount == 0:
        raise ProtocolError(ErrorCode.NOT_FOUND, f"no routing rule #{rule_id}", {"field": "id"})
    return rule_id, []


def seed_rules(conn: sa.Connection) -> int:
    """Load resources/taxonomy/routing_rules.json into an empty table; how many rules were added."""
    if conn.execute(sa.select(sa.func.count()).select_from(rules_table)).scalar_one():
        return 0
    rows = data.load_json(data.TAXONOMY, "routing_rules.json")["rules"]
    for row in rows:
        conn.execute(
            sa.insert(rules_table).values(**row | {"co_departments": ",".join(row["co_departments"])})
        )
    return len(rows)
