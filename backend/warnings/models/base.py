"""What every warning model shares: its rule (params, severity), the names of areas and categories."""

from __future__ import annotations

from typing import Any

from backend.warnings.firing import Firing
from backend.warnings.names import Names
from client_api.alert_messages import WarningRule


class Model:
    """A rule's model. ``configure`` takes the rule's (checked) params; a rule saved later calls it
    again and the state built so far is kept."""

    kind = ""

    def __init__(self, rule: WarningRule, names: Names) -> None:
        self.rule = rule
        self.names = names
        self.configure(rule.params)

    def configure(self, params: dict[str, Any]) -> None:
        raise NotImplementedError

    def set_rule(self, rule: WarningRule) -> None:
        self.rule = rule
        self.configure(rule.params)

    def fire(self, key: str, **fields: Any) -> Firing:
        """A Firing of this rule; ``severity`` defaults to the rule's."""
        fields.setdefault("severity", self.rule.severity)
        return Firing(rule=self.rule.name, kind=self.kind, dedupe_key=f"{self.kind}:{key}", **fields)
