"""Figures of the wall's live dashboards and the map's case colours, computed from case records.

Plain Python so that the numbers can be tested without a widget; one pass over the cases per figure.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from client_api import sla_state
from client_api.messages import CaseRecord

HOUR = 3600.0
# What a case marker on the map says, most pressing first.
MAP_STATES = ("overdue", "due_soon", "critical", "urgent", "normal")


@dataclass(frozen=True, slots=True)
class HourBucket:
    start: float  # Unix time of the full hour (local time) the bucket begins at
    count: int


@dataclass(frozen=True, slots=True)
class Compliance:
    """Completed cases with a completion deadline, and how many of them were completed by it."""

    key: str  # a department code; "" for all departments together
    completed: int
    on_time: int

    @property
    def rate(self) -> float | None:
        return self.on_time / self.completed if self.completed else None


def is_open(case: CaseRecord) -> bool:
    """Still being worked on (not closed, archived, voided or suspended)."""
    return case.status not in sla_state.DONE_STATES


def map_state(case: CaseRecord, now: float) -> str:
    """How a case's marker is coloured (MAP_STATES): an overdue or due-soon limit before its urgency."""
    state = sla_state.worst(sla_state.stage_badge(case, now), sla_state.completion_badge(case, now)).state
    if state == "overdue":
        return "overdue"
    if state == "warning":
        return "due_soon"
    return case.urgency if case.urgency in ("critical", "urgent") else "normal"


def hour_start(ts: float) -> float:
    """The start of the local clock hour holding ``ts``."""
    return dt.datetime.fromtimestamp(ts).replace(minute=0, second=0, microsecond=0).timestamp()


def cases_by_hour(cases: Iterable[CaseRecord], now: float, hours: int = 24) -> list[HourBucket]:
    """Cases received per clock hour, oldest first: the current (partial) hour and ``hours - 1`` before."""
    if hours < 1:
        raise ValueError(f"hours must be at least 1, not {hours}")
    current = hour_start(now)
    starts = [current - HOUR * k for k in range(hours - 1, -1, -1)]
    first = starts[0]
    counts = [0] * hours
    for case in cases:
        if case.created_at >= first:  # a case stamped ahead of this seat's clock counts as now
            counts[min(int((case.created_at - first) // HOUR), hours - 1)] += 1
    return [HourBucket(start, count) for start, count in zip(starts, counts, strict=True)]


def top_counts(keys: Iterable[str | None], top: int) -> list[tuple[str, int]]:
    """The ``top`` most frequent keys (None skipped), most frequent first, ties by key."""
    counts = Counter(key for key in keys if key)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top]


def cases_by_category(
    cases: Iterable[CaseRecord], since: float | None = None, top: int = 10
) -> list[tuple[str, int]]:
    """(category code, cases) of the most frequent categories among cases received since ``since``."""
    return top_counts((c.category_code for c in cases if since is None or c.created_at >= since), top)


def cases_by_area(
    cases: Iterable[CaseRecord], level: str = "grid", since: float | None = None, top: int = 10
) -> list[tuple[str, int]]:
    """(area code, cases) of the busiest grids (``level`` "grid"), villages or towns."""
    fields = {"grid": "grid_code", "village": "village_code", "town": "town_code"}
    if level not in fields:
        raise ValueError(f"level must be one of {', '.join(fields)}, not {level!r}")
    name = fields[level]
    return top_counts((getattr(c, name) for c in cases if since is None or c.created_at >= since), top)


def sla_compliance(cases: Iterable[CaseRecord], since: float | None = None) -> list[Compliance]:
    """On-time completion (按时办结率) overall (key "") then per lead department, by department code.

    A case counts once it was completed (``completed_at``) and had a completion deadline; it was on
    time if completed no later than that deadline."""
    completed: dict[str, int] = {}
    on_time: dict[str, int] = {}
    total = total_on_time = 0
    for case in cases:  # up to a seat's 100,000 cases, once a second: kept plain
        done, deadline = case.completed_at, case.deadline_at
        if done is None or deadline is None or (since is not None and case.created_at < since):
            continue
        in_time = done <= deadline
        total += 1
        total_on_time += in_time
        key = case.lead_department
        if key:
            completed[key] = completed.get(key, 0) + 1
            on_time[key] = on_time.get(key, 0) + in_time
    overall = Compliance("", total, total_on_time)
    return [overall, *(Compliance(key, completed[key], on_time[key]) for key in sorted(completed))]
