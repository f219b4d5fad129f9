"""Working days and hours of the center: weekends, public holidays and make-up working days.

Read from ``resources/taxonomy/calendar_*.json``. Outside the years the files cover, Monday to Friday
are working days (and a warning is logged once per year), so a missing calendar degrades, not fails.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Iterable
from typing import Any

from backend.intake import data

log = logging.getLogger("backend.intake")

Period = tuple[dt.time, dt.time]


class WorkCalendar:
    def __init__(
        self,
        *,
        utc_offset_hours: float,
        periods: list[Period],
        holidays: Iterable[dt.date],
        workdays: Iterable[dt.date],
        years: Iterable[int],
    ) -> None:
        if not periods or any(start >= end for start, end in periods):
            raise ValueError("working hours must be non-empty (start, end) periods")
        self.tz = dt.timezone(dt.timedelta(hours=utc_offset_hours))  # China has no summer time
        self.periods = sorted(periods)
        self.holidays = frozenset(holidays)
        self.workdays = frozenset(workdays)
        self.years = frozenset(years)
        self._warned: set[int] = set()

    @classmethod
    def from_files(cls, docs: list[dict[str, Any]]) -> WorkCalendar:
        if not docs:
            raise ValueError("no calendar file")
        offsets = {doc["utc_offset_hours"] for doc in docs}
        hours = {tuple(map(tuple, doc["working_hours"])) for doc in docs}
        if len(offsets) != 1 or len(hours) != 1:
            raise ValueError("calendar files disagree on the time zone or the working hours")

        def days(key: str) -> list[dt.date]:
            return [dt.date.fromisoformat(d) for doc in docs for group in doc[key] for d in group["days"]]

        return cls(
            utc_offset_hours=offsets.pop(),
            periods=[(dt.time.fromisoformat(a), dt.time.fromisoformat(b)) for a, b in hours.pop()],
            holidays=days("holidays"),
            workdays=days("workdays"),
            years=[year for doc in docs for year in doc["years"]],
        )

    def is_working_day(self, day: dt.date) -> bool:
        if day.year not in self.years and day.year not in self._warned:
            self._warned.add(day.year)
            log.warning("no working calendar for %d: counting Monday to Friday as working days", day.year)
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def local(self, moment: dt.datetime) -> dt.datetime:
        return moment.astimezone(self.tz)

    def end_of_day(self, day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, self.periods[-1][1], self.tz)

    def add_working_days(self, start: dt.datetime, days: int) -> dt.datetime:
        """The end of the ``days``-th working day after the day of ``start`` (the day a case comes in
        does not count, as in 自受理之日起 N 个工作日)."""
        day = self.local(start).date()
        counted = 0
        while counted < days:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                counted += 1
        return self.end_of_day(day)

    def add_working_hours(self, start: dt.datetime, hours: float) -> dt.datetime:
        """``start`` plus ``hours`` counted only within working hours of working days."""
        remaining = dt.timedelta(hours=hours)
        moment = self.local(start)
        day = moment.date()
        while True:
            if self.is_working_day(day):
                for begin, end in self.periods:
                    period_start = dt.datetime.combine(day, begin, self.tz)
                    period_end = dt.datetime.combine(day, end, self.tz)
                    if moment >= period_end:
                        continue
                    moment = max(moment, period_start)
                    available = period_end - moment
                    if remaining <= available:
                        return moment + remaining
                    remaining -= available
                    moment = period_end
            day += dt.timedelta(days=1)
            moment = dt.datetime.combine(day, dt.time(0), self.tz)


@functools.cache
def work_calendar() -> WorkCalendar:
    files = data.list_files(data.TAXONOMY, "calendar_")
    return WorkCalendar.from_files([data.load_json(data.TAXONOMY, name) for name in files])
