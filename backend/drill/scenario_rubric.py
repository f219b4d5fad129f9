"""Reading the rubric: expected actions with weights, each on one inject (or a list of injects, one item
each). What an item compares against comes from the inject's ``expected`` unless the item says it."""

from __future__ import annotations

from collections.abc import Mapping

import yaml

from backend.drill.scenario_intake import expected_fields
from backend.drill.scenario_model import ACTIONS, CapInject, Inject, ReadingsInject, RubricItem
from backend.drill.scenario_nodes import Fields, Issues, suggestion
from backend.drill.scenario_reference import Reference

INFO_FIELDS = ("reporter_name", "reporter_phone", "address", "description")
DEFAULT_INFO = ("reporter_phone", "address")
ANSWER_WITHIN_S = 15.0  # GB/T 33358: calls answered within 15 s
TIMED = ("answer_within", "alert_ack", "dispatch_within")
# Action → the inject kinds it can score.
TARGETS: dict[str, tuple[str, ...]] = {
    "answer_within": ("call",),
    "alert_ack": ("cap", "readings"),
} | dict.fromkeys(
    ("information", "category", "urgency", "location", "department", "duplicate", "dispatch_within"),
    ("call", "report"),
)
# Action → the field of Expected it compares against.
COMPARES = {
    "category": "category",
    "department": "department",
    "location": "grid",
    "urgency": "urgency",
    "duplicate": "duplicate_of",
}
OVERRIDES = ("category", "department", "grid", "urgency")


def read_rubric(
    nodes: list[yaml.Node],
    by_id: Mapping[str, Inject],
    raised: Mapping[str, int],
    issues: Issues,
    ref: Reference,
) -> list[RubricItem]:
    """The items of ``rubric``; ``raised`` counts the alerts each readings inject raises."""
    items: list[RubricItem] = []
    seen: dict[tuple[str, str], int] = {}
    for index, node in enumerate(nodes, 1):
        f = Fields(node, issues, f"rubric item {index}")
        if not f.ok:
            continue
        action = f.choice("action", ACTIONS, required=True)
        f.where = f"rubric item {index} ({action or '?'})"
        targets = f.texts("inject", required=True)
        weight = f.number("weight", required=True, positive=True)
        if action is None:
            f.ignore_rest()
            continue
        within = _within(f, action)
        fields = _fields(f) if action == "information" else ()
        override = expected_fields(f, ref)
        for key in OVERRIDES:
            value = getattr(override, key)
            if value is not None and COMPARES.get(action) != key:
                f.problem(key, f"{key} has no meaning for a {action} item")
        if override.duplicate_of is not None:
            f.problem("duplicate_of", "duplicate_of belongs in the inject's expected, not in the rubric")
        f.finish()
        for target in targets:
            inject = _target(f, action, target, by_id, raised)
            if inject is None or weight is None:
                continue
            value = _value(f, action, inject, getattr(override, COMPARES.get(action, ""), None))
            if (action, target) in seen:
                f.problem(
                    "inject",
                    f"{action} of {target!r} is already scored by rubric item {seen[action, target]}",
                )
                continue
            seen[action, target] = index
            items.append(RubricItem(action, target, weight, ACTIONS[action], within, value, fields, f.line))
    return items


def _within(f: Fields, action: str) -> float | None:
    if action not in TIMED:
        return None
    within = f.duration("within", required=action != "answer_within")
    if within is not None and within <= 0:
        f.problem("within", "within must be more than 0 s")
    return within if within is not None else ANSWER_WITHIN_S if action == "answer_within" else None


def _fields(f: Fields) -> tuple[str, ...]:
    fields = f.texts("fields")
    for field in fields:
        if field not in INFO_FIELDS:
            f.problem(
                "fields",
                f"field {field!r} is not one of {', '.join(INFO_FIELDS)}{suggestion(field, INFO_FIELDS)}",
            )
    return tuple(x for x in fields if x in INFO_FIELDS) or DEFAULT_INFO


def _target(
    f: Fields, action: str, target: str, by_id: Mapping[str, Inject], raised: Mapping[str, int]
) -> Inject | None:
    inject = by_id.get(target)
    if inject is None:
        f.problem("inject", f"inject {target!r} is not an inject of this scenario{suggestion(target, by_id)}")
        return None
    kinds = TARGETS[action]
    if inject.kind not in kinds:
        what = " or ".join(f"a {k}" for k in kinds)
        f.problem("inject", f"{action} scores {what}; {target!r} is a {inject.kind} inject")
        return None
    if isinstance(inject.detail, ReadingsInject) and not raised.get(target):
        f.problem(
            "inject",
            f"{target!r} raises no alert with the {inject.detail.model} model's shipped rules, so there is "
            "nothing to acknowledge",
        )
        return None
    if isinstance(inject.detail, CapInject) and inject.detail.msg_type == "Cancel":
        f.problem("inject", f"{target!r} cancels an alert; there is nothing to acknowledge")
        return None
    return inject


def _value(f: Fields, action: str, inject: Inject, override: str | None) -> str | None:
    key = COMPARES.get(action)
    if key is None:
        return None
    value = override or (getattr(inject.expected, key) if inject.expected else None)
    if value is None:
        word = "duplicate_of" if key == "duplicate_of" else key
        f.problem("inject", f"inject {inject.id!r} has no expected {word}; give it in the inject's expected")
    return value
