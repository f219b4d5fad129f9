"""The warning rules in the store: seeded from resources/taxonomy/warning_rules.json when the table is
empty, listed, and changed by supervisors (params checked per kind, see backend.warnings.params)."""

from __future__ import annotations

from typing import Any

import msgspec
import sqlalchemy as sa

from backend import schema
from backend.events import StoredEvent
from backend.intake import data
from backend.warnings.params import ParamError, check_params
from client_api import messages as m
from client_api.alert_messages import CAP_SEVERITIES, SaveWarningRule, WarningRule
from client_api.errors import ErrorCode, ProtocolError

T = schema.warning_rules
RULES_FILE = "warning_rules.json"


def default_rules() -> list[WarningRule]:
    """The shipped rules, each checked (a bad file fails loudly, naming the rule)."""
    rules = []
    for row in data.load_json(data.TAXONOMY, RULES_FILE)["rules"]:
        rule = msgspec.convert(row, WarningRule)
        try:
            rules.append(_checked(rule.name, rule.kind, rule.enabled, rule.params, rule.severity))
        except ProtocolError as exc:
            raise ValueError(f"{RULES_FILE}: rule {rule.name!r}: {exc.message}") from None
    return rules


def _checked(name: str, kind: str, enabled: bool, params: dict[str, Any], severity: str) -> WarningRule:
    if severity not in CAP_SEVERITIES:
        raise ProtocolError(
            ErrorCode.INVALID_FIELD,
            f"severity must be one of {', '.join(CAP_SEVERITIES)}, not {severity!r}",
            {"field": "severity"},
        )
    try:
        full = check_params(kind, params)
    except ParamError as exc:
        raise ProtocolError(
            ErrorCode.INVALID_FIELD, str(exc), {"field": "params", "param": exc.param}
        ) from None
    return WarningRule(name=name, kind=kind, enabled=enabled, params=full, severity=severity)


def _rule(row: Any) -> WarningRule:
    return WarningRule(
        name=row.name,
        kind=row.kind,
        enabled=bool(row.enabled),
        params=msgspec.json.decode(row.params),
        severity=row.severity,
        updated_by=row.updated_by,
        updated_at=row.updated_at,
    )


def seed_rules(conn: sa.Connection) -> tuple[int, list[StoredEvent]]:
    """Load the shipped rules into an empty table (a write for ``Store.run_write``); how many."""
    if conn.execute(sa.select(sa.func.count()).select_from(T)).scalar_one():
        return 0, []
    rules = default_rules()
    for rule in rules:
        conn.execute(sa.insert(T).values(_values(rule)))
    return len(rules), []


def list_rules(conn: sa.Connection) -> list[WarningRule]:
    """Every rule, by name. Params stored by an older version are completed with today's defaults."""
    rules = []
    for row in conn.execute(sa.select(T).order_by(T.c.name)):
        rule = _rule(row)
        try:
            full = check_params(rule.kind, rule.params)
        except ParamError:
            full = check_params(rule.kind, {})
        rules.append(msgspec.structs.replace(rule, params=full))
    return rules


def save_rule(
    conn: sa.Connection, req: SaveWarningRule, operator: m.Operator, now: float
) -> tuple[WarningRule, list[StoredEvent]]:
    """Change an existing rule; unknown name → not_found, bad params or severity → invalid_field.
    The shipped rules are seeded first if the table is still empty."""
    seed_rules(conn)
    row = conn.execute(sa.select(T).where(T.c.name == req.name)).first()
    if row is None:
        raise ProtocolError(ErrorCode.NOT_FOUND, f"no warning rule {req.name!r}", {"field": "name"})
    rule = _checked(req.name, row.kind, req.enabled, req.params, req.severity)
    rule = msgspec.structs.replace(rule, updated_by=operator.username, updated_at=now)
    conn.execute(sa.update(T).where(T.c.name == req.name).values(_values(rule)))
    return rule, []


def _values(rule: WarningRule) -> dict[str, Any]:
    return {
        "name": rule.name,
        "kind": rule.kind,
        "enabled": rule.enabled,
        "params": msgspec.json.encode(rule.params).decode(),
        "severity": rule.severity,
        "updated_by": rule.updated_by,
        "updated_at": rule.updated_at,
    }
