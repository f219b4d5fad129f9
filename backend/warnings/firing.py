"""What a warning model says when it fires: the alert to raise, with the evidence that triggered it."""

from __future__ import annotations

from dataclasses import dataclass

from client_api.alert_messages import Evidence


@dataclass(slots=True, kw_only=True)
class Firing:
    """One alert to raise. ``dedupe_key`` names the condition (e.g. ``group_rental:H-0012``): while an
    alert of the same key is open no second one is raised. ``index``: the position in its batch of the
    reading that fired (readings only). An expired alert no longer holds its key: the model may raise it
    again."""

    rule: str  # the rule's name
    kind: str  # its kind (RULE_KINDS): the alert's ``rule``
    dedupe_key: str
    event: str
    headline: str
    description: str
    instruction: str
    severity: str
    urgency: str
    certainty: str
    categories: list[str]
    response_types: list[str]
    evidence: list[Evidence]
    area_desc: str
    grid_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    ts: float = 0.0  # when the item that fired happened
    index: int | None = None
    expires_in_s: float | None = None  # the alert expires this long after it is raised (None: never)
