"""Time limits as data, on the 2026 working calendar: weekends, public holidays, make-up working days."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from backend.intake import deadlines
from backend.intake.deadlines import CategoryInfo, time_limits
from backend.intake.workcalendar import work_calendar
from backend.server import Server
from backend.store import Store
from client_api.errors import ErrorCode, ProtocolError
from tests.backend.test_intake_support import create, seats

CST = dt.timezone(dt.timedelta(hours=8))
CONSULTATION = CategoryInfo("A01", "appeal", None)
COMPLAINT = CategoryInfo("A03", "appeal", None)
BURST_MAIN = CategoryInfo("E0502", "event", "E05")


def at(year: int, month: int, day: int, hour: int, minute: int) -> float:
    return dt.datetime(year, month, day, hour, minute, tzinfo=CST).timestamp()


def local(ts: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(ts, CST)


def test_the_reference_figures_are_in_the_table() -> None:
    rules = time_limits().rules
    assert (rules["A01"]["handle"]["normal"].amount, rules["A01"]["handle"]["normal"].unit) == (
        3,
        "working_days",
    )
    assert (rules["A03"]["handle"]["normal"].amount, rules["A03"]["handle"]["normal"].unit) == (
        13,
        "working_days",
    )
    dispatch = rules["kind:event"]["dispatch"]
    assert (dispatch["urgent"].amount, dispatch["urgent"].unit) == (10, "minutes")
    assert (dispatch["normal"].amount, dispatch["normal"].unit) == (30, "minutes")


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (dt.date(2026, 3, 6), True),  # a Friday
        (dt.date(2026, 3, 7), False),  # a Saturday
        (dt.date(2026, 2, 14), True),  # a Saturday worked to make up for the Spring Festival
        (dt.date(2026, 2, 16), False),  # a Monday in the Spring Festival
        (dt.date(2026, 10, 10), True),  # make-up Saturday after National Day
        (dt.date(2026, 4, 6), False),  # Qingming Monday
    ],
)
def test_working_days_of_2026(day: dt.date, working: bool) -> None:
    assert work_calendar().is_working_day(day) is working


@pytest.mark.parametrize(
    ("category", "received", "due"),
    [
        # Friday: the weekend does not count.
        (CONSULTATION, at(2026, 3, 6, 10, 0), dt.datetime(2026, 3, 11, 17, 30, tzinfo=CST)),
        # Thursday before Qingming (Sat 4 – Mon 6 April): weekend and holiday skipped.
        (CONSULTATION, at(2026, 4, 2, 10, 0), dt.datetime(2026, 4, 8, 17, 30, tzinfo=CST)),
        # Friday before the Spring Festival: the make-up Saturday counts, the nine days off do not.
        (CONSULTATION, at(2026, 2, 13, 16, 0), dt.datetime(2026, 2, 25, 17, 30, tzinfo=CST)),
        # Received on a Sunday: counting starts on Monday.
        (CONSULTATION, at(2026, 3, 8, 20, 0), dt.datetime(2026, 3, 11, 17, 30, tzinfo=CST)),
        # Complaint over Mid-Autumn and National Day, with both make-up days.
        (COMPLAINT, at(2026, 9, 24, 9, 0), dt.datetime(2026, 10, 20, 17, 30, tzinfo=CST)),
    ],
)
def test_deadline_in_working_days(category: CategoryInfo, received: float, due: dt.datetime) -> None:
    result = deadlines.compute(category, "normal", received)
    assert local(result.deadline_at) == due
    assert result.dispatch_limit is not None and result.dispatch_limit.rule == "kind:appeal"
    assert result.dispatch_deadline_at is not None and result.dispatch_deadline_at < result.deadline_at


def test_working_hours_stop_at_night_and_over_the_weekend() -> None:
    # Critical consultation: 4 working hours. Friday 16:00 leaves 1.5 h; Monday 08:30 + 2.5 h.
    result = deadlines.compute(CONSULTATION, "critical", at(2026, 3, 6, 16, 0))
    assert (result.limit.amount, result.limit.unit) == (4, "working_hours")
    assert local(result.deadline_at) == dt.datetime(2026, 3, 9, 11, 0, tzinfo=CST)
    # Over the lunch break: 11:00 + 4 h = 12:00, then 13:30 – 16:30.
    lunch = deadlines.compute(CONSULTATION, "critical", at(2026, 3, 10, 11, 0))
    assert local(lunch.deadline_at) == dt.datetime(2026, 3, 10, 16, 30, tzinfo=CST)


def test_city_management_limits_run_on_the_clock() -> None:
    received = at(2026, 2, 17, 3, 0)  # a holiday night: emergencies do not wait for working hours
    result = deadlines.compute(BURST_MAIN, "critical", received)
    assert result.limit.rule == "E05"  # the major class's row
    assert result.deadline_at == received + 30 * 60
    assert result.dispatch_deadline_at == received + 10 * 60
    assert result.dispatch_limit is not None and result.dispatch_limit.rule == "kind:event"
    normal = deadlines.compute(BURST_MAIN, "normal", received)
    assert normal.dispatch_deadline_at == received + 30 * 60


def test_the_most_specific_row_wins() -> None:
    def rule(code: str, kind: str, parent: str | None, urgency: str, appeal_type: str | None) -> str | None:
        found = time_limits().lookup("handle", CategoryInfo(code, kind, parent), urgency, appeal_type)
        return found.rule if found else None

    assert rule("E0101", "event", "E01", "normal", None) == "E0101"  # its own row
    assert rule("E0102", "event", "E01", "normal", "A03") == "E01"  # the major class before the appeal type
    assert rule("X01", "event", None, "normal", "A03") == "A03"
    assert rule("X01", "other", None, "urgent", None) == "*"


def test_a_year_without_calendar_falls_back_to_weekdays() -> None:
    result = deadlines.compute(CONSULTATION, "normal", at(2027, 1, 1, 10, 0))  # a Friday
    assert local(result.deadline_at) == dt.datetime(2027, 1, 6, 17, 30, tzinfo=CST)


def test_insert_case_stores_its_deadline(aio: Any, seeded_store: Store) -> None:
    case = create(aio, seeded_store, urgency="critical")
    assert case.deadline_at == pytest.approx(case.created_at + 30 * 60)
    consult = create(aio, seeded_store, "社保卡怎么补办", category_code="A01")
    expected = deadlines.compute(CONSULTATION, "normal", consult.created_at).deadline_at
    assert consult.deadline_at == expected
    assert aio.run(seeded_store.list_cases(10))[0].deadline_at == expected  # stored, not only returned


def test_deadline_compute_over_the_wire(aio: Any, server: Server) -> None:
    async def scenario() -> tuple[Any, list[str]]:
        async with seats(server, "operator1") as (seat,):
            due = await seat.api.compute_deadline("A01", at=at(2026, 4, 2, 10, 0))
            errors = []
            for args in (
                ("NOPE", "normal", None, None),
                ("A01", "soon", None, None),
                ("A01", "normal", -5.0, None),
            ):
                try:
                    await seat.api.compute_deadline(*args)
                except ProtocolError as exc:
                    errors.append(f"{exc.code}:{exc.details['field']}")
            try:
                await seat.api.compute_deadline("E0502", appeal_type="E0101")
            except ProtocolError as exc:
                errors.append(f"{exc.code}:{exc.details['field']}")
            return due, errors

    due, errors = aio.run(scenario())
    assert local(due.deadline_at) == dt.datetime(2026, 4, 8, 17, 30, tzinfo=CST)
    assert (due.limit.amount, due.limit.unit, due.limit.rule) == (3, "working_days", "A01")
    invalid = ErrorCode.INVALID_FIELD
    assert errors == [
        f"{invalid}:category_code",
        f"{invalid}:urgency",
        f"{invalid}:at",
        f"{invalid}:appeal_type",
    ]
