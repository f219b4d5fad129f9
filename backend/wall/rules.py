"""Wall rules: saving (checked field by field) and deleting them, with the ``wall_rule.changed`` event.
What a rule does when it fires is switching.py's and schedule.py's."""

from __future__ import annotations

import re

import msgspec
import sqlalchemy as sa

from backend import schema
from backend.events import StoredEvent, append_event
from backend.wall import checks
from backend.wall.records import find_preset, list_rules
from backend.wall.state import read_state
from client_api import messages as m
from client_api import wall_messages as wm
from client_api.alert_messages import CAP_CATEGORIES, CAP_SEVERITIES

MAX_CAMERAS = 16
LOCATED = ("alert", "case")  # triggers that carry a place: they may switch cameras
_HH_MM = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


def save_rule(
    conn: sa.Connection, req: wm.SaveWallRule, operator: m.Operator, now: float
) -> tuple[wm.WallRule, list[StoredEvent]]:
    """Insert or replace the rule of that name."""
    rule = checked(conn, req.rule)
    table = schema.wall_rules
    conn.execute(sa.delete(table).where(table.c.name == rule.name))
    conn.execute(
        sa.insert(table).values(
            name=rule.name,
            rule=msgspec.json.encode(rule).decode(),
            updated_by=operator.username,
            updated_at=now,
        )
    )
    return rule, [changed(conn, now)]


def delete_rule(
    conn: sa.Connection, req: wm.DeleteByName, operator: m.Operator, now: float
) -> tuple[wm.Deleted, list[StoredEvent]]:
    table = schema.wall_rules
    if not conn.execute(sa.delete(table).where(table.c.name == req.name)).rowcount:
        raise checks.not_found("name", f"there is no wall rule {req.name!r}")
    return wm.Deleted(name=req.name), [changed(conn, now)]


def changed(conn: sa.Connection, now: float) -> StoredEvent:
    return append_event(conn, "wall_rule.changed", wm.WallRulesChanged(rules=list_rules(conn)), now)


def checked(conn: sa.Connection, rule: wm.WallRule) -> wm.WallRule:
    """``rule`` with its name and categories trimmed, or invalid_field naming what is wrong."""
    name = checks.name(rule.name, "rule.name", "the rule's name")
    trigger = rule.trigger
    if trigger not in wm.RULE_TRIGGERS:
        raise checks.invalid(
            "rule.trigger", f"trigger {trigger!r} is not one of {', '.join(wm.RULE_TRIGGERS)}"
        )
    categories = _categories(conn, trigger, rule.categories)
    if rule.min_severity is not None:
        if trigger != "alert":
            raise checks.invalid("rule.min_severity", "min_severity is for alert rules only")
        if rule.min_severity not in CAP_SEVERITIES:
            raise checks.invalid(
                "rule.min_severity",
                f"min_severity {rule.min_severity!r} is not one of {', '.join(CAP_SEVERITIES)}",
            )
    if trigger == "schedule":
        if rule.at is None or not _HH_MM.fullmatch(rule.at):
            raise checks.invalid(
                "rule.at", f"a schedule rule needs at as HH:MM (00:00 to 23:59), not {rule.at!r}"
            )
    elif rule.at is not None:
        raise checks.invalid("rule.at", "at is for schedule rules only")
    if not 1 <= rule.cameras <= MAX_CAMERAS:
        raise checks.invalid("rule.cameras", f"cameras is 1 to {MAX_CAMERAS}, not {rule.cameras}")
    if rule.switch_cameras and trigger not in LOCATED:
        raise checks.invalid("rule.switch_cameras", f"a {trigger} rule has no place to switch cameras to")
    state = read_state(conn)
    if rule.monitor is not None:
        checks.find_monitor(state, rule.monitor, "rule.monitor")
    if rule.preset is not None:
        preset = find_preset(conn, rule.preset, "rule.preset")
        if preset.scope == "monitor" and rule.monitor is None:
            raise checks.invalid("rule.monitor", f"preset {preset.name!r} is for one monitor: say which")
    elif not rule.switch_cameras:
        what = "a preset" if trigger not in LOCATED else "a preset or switch_cameras"
        raise checks.invalid("rule.preset", f"the rule does nothing: give it {what}")
    return msgspec.structs.replace(rule, name=name, categories=categories)


def _categories(conn: sa.Connection, trigger: str, given: list[str]) -> list[str]:
    words = [word.strip() for word in given]
    if trigger not in LOCATED:
        if words:
            raise checks.invalid("rule.categories", f"a {trigger} rule has no categories")
        return []
    if trigger == "alert":
        for word in words:
            if word not in CAP_CATEGORIES:
                raise checks.invalid(
                    "rule.categories", f"category {word!r} is not one of {', '.join(CAP_CATEGORIES)}"
                )
        return words
    codes = list(conn.execute(sa.select(schema.categories.c.code)).scalars())
    for word in words:
        if not word or not any(code.startswith(word) for code in codes):
            raise checks.invalid("rule.categories", f"no case category code starts with {word!r}")
    return words
