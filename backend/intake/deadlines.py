"""Time limits (resources/taxonomy/time_limits.json) and the deadlines they give on the work calendar."""

from __future__ import annotations

import datetime as dt
import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from backend.intake import data
from backend.intake.workcalendar import WorkCalendar, work_calendar

UNITS = ("seconds", "minutes", "hours", "working_hours", "working_days")  # seconds: compressed drills
URGENCIES = ("normal", "urgent", "critical")
# handle: the completion deadline (deadline_at); the others are the limits of one stage of a case.
STAGES = ("handle", "dispatch", "accept", "verify", "callback")


@dataclass(frozen=True, slots=True)
class Limit:
    amount: int
    unit: str
    rule: str


@dataclass(frozen=True, slots=True)
class CategoryInfo:
    code: str
    kind: str  # event | object | appeal
    parent_code: str | None


@dataclass(frozen=True, slots=True)
class Due:
    deadline_at: float
    limit: Limit
    dispatch_deadline_at: float | None  # always set since the '*' row has a dispatch limit
    dispatch_limit: Limit | None


class TimeLimits:
    """Rules keyed by category code, major class, appeal type, ``kind:<kind>`` or ``*``."""

    def __init__(self, rules: dict[str, dict[str, dict[str, Limit]]]) -> None:
        fallback = rules.get("*", {})
        if any(set(fallback.get(stage, {})) != set(URGENCIES) for stage in STAGES):
            raise ValueError("the time-limit table needs a '*' row with every stage for every urgency")
        self.rules = rules

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> TimeLimits:
        rules: dict[str, dict[str, dict[str, Limit]]] = {}
        for key, row in doc["rules"].items():
            unknown = set(row) - {"name", *STAGES}
            if unknown:
                raise ValueError(f"time limit row {key} has unknown stages {sorted(unknown)}")
            rules[key] = {}
            for stage in STAGES:
                for urgency, (amount, unit) in row.get(stage, {}).items():
                    if (
                        urgency not in URGENCIES
                        or unit not in UNITS
                        or not (isinstance(amount, int) and amount > 0)
                    ):
                        raise ValueError(f"time limit {key}.{stage}.{urgency} = {amount} {unit} is not valid")
                    rules[key].setdefault(stage, {})[urgency] = Limit(amount, unit, key)
        return cls(rules)

    def lookup(
        self, stage: str, category: CategoryInfo, urgency: str, appeal_type: str | None
    ) -> Limit | None:
        """The first row that has a limit for this stage and urgency, most specific first."""
        chain = [category.code, category.parent_code, appeal_type, f"kind:{category.kind}", "*"]
        for key in chain:
            if key is not None and urgency in self.rules.get(key, {}).get(stage, {}):
                return self.rules[key][stage][urgency]
        return None


def due_at(calendar: WorkCalendar, start: dt.datetime, limit: Limit) -> dt.datetime:
    if limit.unit == "seconds":
        return start + dt.timedelta(seconds=limit.amount)
    if limit.unit == "minutes":
        return start + dt.timedelta(minutes=limit.amount)
    if limit.unit == "hours":
        return start + dt.timedelta(hours=limit.amount)
    if limit.unit == "working_hours":
        return calendar.add_working_hours(start, limit.amount)
    return calendar.add_working_days(start, limit.amount)


def add(at: float, amount: int, unit: str) -> float:
    """``at`` (Unix time) plus ``amount`` ``unit`` on the work calendar (an extension, for one)."""
    calendar = work_calendar()
    start = dt.datetime.fromtimestamp(at, calendar.tz)
    return due_at(calendar, start, Limit(amount, unit, "")).timestamp()


def stage_limit(stage: str, category: CategoryInfo, urgency: str, appeal_type: str | None) -> Limit:
    found = time_limits().lookup(stage, category, urgency, appeal_type)
    assert found is not None  # the '*' row has every stage
    return found


def stage_deadline(
    stage: str, category: CategoryInfo, urgency: str, at: float, appeal_type: str | None = None
) -> float:
    """When ``stage`` of a case (category, urgency, appeal type) that begins at ``at`` must be done."""
    limit = stage_limit(stage, category, urgency, appeal_type)
    return add(at, limit.amount, limit.unit)


def compute(category: CategoryInfo, urgency: str, at: float, appeal_type: str | None = None) -> Due:
    """The handling deadline of a case received at ``at`` (Unix time) and its dispatch deadline."""
    handle = stage_limit("handle", category, urgency, appeal_type)
    dispatch = stage_limit("dispatch", category, urgency, appeal_type)
    return Due(
        deadline_at=add(at, handle.amount, handle.unit),
        limit=handle,
        dispatch_deadline_at=add(at, dispatch.amount, dispatch.unit),
        dispatch_limit=dispatch,
    )


_override: TimeLimits | None = None


@functools.cache
def _shipped() -> TimeLimits:
    return TimeLimits.from_json(data.load_json(data.TAXONOMY, "time_limits.json"))


def time_limits() -> TimeLimits:
    """The table in force: the shipped one, or the one the backend was started with (``--time-limits``)."""
    return _override or _shipped()


def use_time_limits(path: Path | None) -> TimeLimits:
    """Put the table in ``path`` in force for this process (None: the shipped one again); raises
    ValueError naming what is wrong with the file."""
    global _override
    if path is None:
        _override = None
        return time_limits()
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        table = TimeLimits.from_json(doc)
    except (OSError, json.JSONDecodeError, KeyError, TypeError) as exc:
        raise ValueError(f"{path}: not a time-limit table ({exc})") from None
    _override = table
    return table
