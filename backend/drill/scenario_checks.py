"""Checks across injects, once all are read: unique ids, times within the scenario, references to other
injects, department responses in a possible order, and the readings run through the real reading checks
and warning models (default rules) to learn which readings injects raise an alert."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from backend.drill.scenario_injects import ReadInject, name
from backend.drill.scenario_model import DepartmentResponse, Inject, ReadingsInject, reading_origin
from backend.drill.scenario_nodes import Issues, suggestion
from backend.drill.scenario_times import format_duration
from backend.warnings.catalog import demo_catalog
from backend.warnings.engine import WarningEngine
from backend.warnings.names import Names
from backend.warnings.readings import ReadingChecker
from backend.warnings.rule_store import default_rules

CASE_KINDS = ("call", "report")
# Reference key → the kinds it may name, and whether the named inject must come first.
REF_RULES: dict[str, tuple[tuple[str, ...], bool]] = {
    "duplicate_of": (CASE_KINDS, True),
    "case": (CASE_KINDS, False),
    "references": (("cap",), True),
}
CLOCK = 1_700_000_000.0  # when a drill starts on the wall clock; only differences matter


def check_injects(read: list[ReadInject], duration_s: float | None, issues: Issues) -> dict[str, Inject]:
    """Ids, times and references of a whole scenario; the injects by id."""
    by_id: dict[str, Inject] = {}
    for item in read:
        inject = item.inject
        first = by_id.get(inject.id)
        if first is not None:
            issues.add(inject.line, f"inject id {inject.id!r} is used twice (first on line {first.line})")
        else:
            by_id[inject.id] = inject
        if duration_s is not None and inject.at_s is not None and inject.at_s > duration_s:
            issues.add(
                item.at_line,
                f"{name(inject.id, 0, inject.kind)}: at {format_duration(inject.at_s)} is after the end "
                f"of the scenario ({format_duration(duration_s)})",
            )
    check_refs(read, by_id, issues)
    _check_responses([item.inject for item in read], issues)
    return by_id


def check_refs(read: Iterable[ReadInject], by_id: Mapping[str, Inject], issues: Issues) -> None:
    for item in read:
        inject = item.inject
        where = name(inject.id, 0, inject.kind)
        for key, target_id, line in item.refs:
            kinds, earlier = REF_RULES[key]
            target = by_id.get(target_id)
            if target is None:
                near = suggestion(target_id, by_id)
                issues.add(line, f"{where}: {key} {target_id!r} is not an inject of this scenario{near}")
            elif target.kind not in kinds:
                what = " or ".join(f"a {k}" for k in kinds)
                issues.add(line, f"{where}: {key} {target_id!r} is a {target.kind} inject, not {what}")
            elif target is inject:
                issues.add(line, f"{where}: {key} names the inject itself")
            elif earlier and _later(target, inject):
                issues.add(line, f"{where}: {key} {target_id!r} comes later; it must come before this inject")
            elif key == "duplicate_of" and target.expected and target.expected.duplicate_of:
                original = target.expected.duplicate_of
                issues.add(
                    line, f"{where}: {target_id!r} is itself a duplicate of {original!r}; name {original!r}"
                )


def _later(target: Inject, inject: Inject) -> bool:
    return target.at_s is not None and inject.at_s is not None and target.at_s > inject.at_s


def _check_responses(injects: list[Inject], issues: Issues) -> None:
    """A department completes only what it accepted first (the lifecycle's handling stage)."""
    responses = [i for i in injects if isinstance(i.detail, DepartmentResponse)]
    for inject in responses:
        detail = inject.detail
        assert isinstance(detail, DepartmentResponse)
        if detail.outcome != "complete":
            continue
        accepted = any(
            isinstance(other.detail, DepartmentResponse)
            and other.detail.outcome == "accept"
            and (other.detail.case, other.detail.department) == (detail.case, detail.department)
            and other.detail.after_s < detail.after_s
            for other in responses
        )
        if not accepted:
            issues.add(
                inject.line,
                f"{name(inject.id, 0, inject.kind)}: {detail.department} completes case {detail.case!r} "
                "without accepting it first (add an accept with a smaller after)",
            )


def run_readings(injects: list[Inject], issues: Issues, duration_s: float = 0.0) -> dict[str, int]:
    """Feed every readings inject, in time order, through the backend's reading checks and the warning
    models with the shipped rules: problems are reported; the answer is alerts raised per inject.
    Readings are stamped as a drill stamps them (scenario_model.reading_origin) and checked at the
    wall time of a drill at ×1, where they are oldest."""
    catalog = demo_catalog()
    checker = ReadingChecker(catalog)
    engine = WarningEngine(catalog, Names.demo(), default_rules())
    raised: dict[str, int] = {}
    timed = [i for i in injects if isinstance(i.detail, ReadingsInject) and i.at_s is not None]
    origin = reading_origin(CLOCK, duration_s)
    for inject in sorted(timed, key=lambda i: i.at_s or 0.0):
        detail = inject.detail
        assert isinstance(detail, ReadingsInject)
        clock = origin + (inject.at_s or 0.0)
        now = CLOCK + (inject.at_s or 0.0)
        count = 0
        for timed_reading in detail.readings:
            reading = timed_reading.at(clock)
            problem = checker.problem(reading, now)
            if problem is not None:
                issues.add(timed_reading.line, f"{name(inject.id, 0, inject.kind)}: {problem}")
                continue
            count += len(engine.feed_reading(reading))
        raised[inject.id] = count
    return raised
