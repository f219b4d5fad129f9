"""Time limits (resources/taxonomy/time_limits.json) and the deadlines they give on the work calendar."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

from backend.intake import data
from backend.intake.workcalendar import WorkCalendar, work_calendar

UNITS = ("minutes", "hours", "working_hours", "working_days")
URGENCIES = ("normal", "urgent", "critical")
STAGES = ("handle", "dispatch")


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
    dispatch_deadline_at: float | None
    dispatch_limit: Limit | None


class TimeLimits:
    """Rules keyed by category code, major class, appeal type, ``kind:<kind>`` or ``*``."""

    def __init__(self, rules: dict[str, dict[str, dict[str, Limit]]]) -> None:
        if "*" not in rules or set(rules["*"].get("handle", {})) != set(URGENCIES):
            raise ValueError("the time-limit table needs a '*' row with a handle limit for every urgency")
        self.rules = rules

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> TimeLimits:
        rules: dict[str, dict[str, dict[str, Limit]]] = {}
        for key, row in doc["rules"].items():
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
    if limit.unit == "minutes":
        return start + dt.timedelta(minutes=limit.amount)
    if limit.unit == "hours":
        return start + dt.timedelta(hours=limit.amount)
    if limit.unit == "working_hours":
        return calendar.add_working_hours(start, limit.amount)
    return calendar.add_working_days(start, limit.amount)


def compute(category: CategoryInfo, urgency: str, at: float, appeal_type: str | None = None) -> Due:
    """The handling deadline of a case received at ``at`` (Unix time), and for city-management cases
    the dispatch deadline."""
    limits, calendar = time_limits(), work_calendar()
    start = dt.datetime.fromtimestamp(at, calendar.tz)
    handle = limits.lookup("handle", category, urgency, appeal_type)
    assert handle is not None  # the '*' row guarantees one
    dispatch = limits.lookup("dispatch", category, urgency, appeal_type)
    return Due(
        deadline_at=due_at(calendar, start, handle).timestamp(),
        limit=handle,
        dispatch_deadline_at=due_at(calendar, start, dispatch).timestamp() if dispatch else None,
        dispatch_limit=dispatch,
    )


@functools.cache
def time_limits() -> TimeLimits:
    return TimeLimits.from_json(data.load_json(data.TAXONOMY, "time_limits.json"))
