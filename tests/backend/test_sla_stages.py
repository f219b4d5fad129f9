"""Stage deadlines: each status the lifecycle enters gets its stage's limit from the time-limit table,
on the working calendar; reopening gives a fresh completion deadline; suspension stops the clock."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from backend.intake import deadlines
from backend.intake.deadlines import CategoryInfo, TimeLimits, time_limits
from backend.store import Store
from tests.backend.sla_support import TO_HANDLING, act, new_case, read_case, set_case, walk

CST = dt.timezone(dt.timedelta(hours=8))
BURST_MAIN = CategoryInfo("E0502", "event", "E05")
COMPLAINT = CategoryInfo("A03", "appeal", None)


def near(expected: float) -> Any:
    """Deadlines go through datetime, which keeps microseconds."""
    return pytest.approx(expected, abs=1e-5)


def at(year: int, month: int, day: int, hour: int, minute: int) -> float:
    return dt.datetime(year, month, day, hour, minute, tzinfo=CST).timestamp()


def test_every_case_has_every_stage_limit() -> None:
    limits = time_limits()
    for stage in deadlines.STAGES:
        for urgency in deadlines.URGENCIES:
            assert limits.lookup(stage, CategoryInfo("X", "other", None), urgency, None) is not None
    accept = limits.rules["*"]["accept"]
    assert [(accept[u].amount, accept[u].unit) for u in deadlines.URGENCIES] == [
        (2, "working_hours"),
        (30, "minutes"),
        (15, "minutes"),
    ]


@pytest.mark.parametrize(
    "rules",
    [
        {"*": {"handle": {"normal": [1, "hours"]}}},  # a stage without every urgency
        {"*": {"handle": {u: [1, "hours"] for u in deadlines.URGENCIES}}},  # stages missing
        {"X": {"acept": {"normal": [1, "hours"]}}},  # a misspelt stage
    ],
)
def test_a_table_without_every_stage_is_refused(rules: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="stage"):
        TimeLimits.from_json({"rules": rules})


def test_stage_limits_honour_the_working_calendar() -> None:
    friday = at(2026, 3, 6, 16, 30)  # 1 working hour left on Friday, then Monday from 08:30
    due = deadlines.stage_deadline("dispatch", COMPLAINT, "normal", friday)
    assert dt.datetime.fromtimestamp(due, CST) == dt.datetime(2026, 3, 9, 9, 30, tzinfo=CST)
    before_qingming = at(2026, 4, 3, 10, 0)  # Friday; Monday 6 April is a holiday
    callback = deadlines.stage_deadline("callback", COMPLAINT, "normal", before_qingming)
    assert dt.datetime.fromtimestamp(callback, CST) == dt.datetime(2026, 4, 7, 17, 30, tzinfo=CST)
    # City management runs on the clock, holiday nights included.
    night = at(2026, 2, 17, 3, 0)
    assert deadlines.stage_deadline("accept", BURST_MAIN, "normal", night) == near(night + 3600)


def test_every_stage_deadline_is_set_on_transitions(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    case = new_case(aio, store)  # 突发事件 (E05 row): city-management clock limits
    assert case.stage_started_at == case.created_at
    assert case.stage_deadline_at == near(case.created_at + 30 * 60)
    assert case.deadline_at == near(case.created_at + 2 * 3600)
    registered = act(aio, store, case.id, "register", "operator")
    assert (registered.stage_started_at, registered.stage_deadline_at) == (
        case.stage_started_at,
        case.stage_deadline_at,
    )  # registering and dispatching are one stage
    seen = {}
    for action, who, fields in [
        *TO_HANDLING[1:],
        ("complete", "handler", {"result": "已更换阀门"}),
        ("verify_pass", "operator", {}),
        ("callback_done", "operator", {"satisfaction": "satisfied"}),
    ]:
        moved = act(aio, store, case.id, action, who, **fields)
        assert moved.stage_started_at is not None and moved.stage_overdue is False
        seen[moved.status] = (moved.stage_started_at, moved.stage_deadline_at)
    assert seen["dispatched"][1] == near(seen["dispatched"][0] + 3600)  # kind:event accept, normal: 1 h
    assert seen["handling"][1] == case.deadline_at  # handling runs to the completion deadline
    assert seen["verifying"][1] == near(seen["verifying"][0] + 3600)  # verification within 1 h
    callback_start = seen["callback"][0]
    assert seen["callback"][1] == deadlines.add(callback_start, 1, "working_days")
    assert seen["closed"][1] is None
    assert read_case(aio, store, case.id).deadline_at == case.deadline_at  # unchanged all along


def test_appeals_count_working_hours_for_their_stages(aio: Any, seeded_store: Store) -> None:
    case = new_case(aio, seeded_store, "A03", urgency="normal")
    assert case.stage_deadline_at == deadlines.add(case.created_at, 2, "working_hours")
    dispatched = walk(aio, seeded_store, case.id, TO_HANDLING[:2])
    assert dispatched.stage_started_at is not None
    assert dispatched.stage_deadline_at == deadlines.add(dispatched.stage_started_at, 2, "working_hours")


def test_a_consultation_closed_at_intake_has_no_stage_deadline(aio: Any, seeded_store: Store) -> None:
    case = new_case(aio, seeded_store, "A01", resolution="已告知办理流程")
    assert case.status == "closed" and case.stage_deadline_at is None


def test_reopening_gives_a_fresh_completion_deadline(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    case = new_case(aio, store)
    walk(aio, store, case.id, [*TO_HANDLING, ("complete", "handler", {"result": "已修复"})])
    set_case(aio, store, case.id, deadline_at=case.created_at - 60, overdue=True)
    reopened = act(aio, store, case.id, "verify_fail", "operator", note="仍在漏水")
    assert reopened.status == "dispatched" and reopened.stage_started_at is not None
    assert reopened.deadline_at == near(reopened.stage_started_at + 2 * 3600)  # E05 normal: 2 h from now
    assert reopened.overdue is False
    assert reopened.stage_deadline_at == near(reopened.stage_started_at + 3600)  # accept again


def test_suspension_stops_the_completion_clock(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    case = new_case(aio, store)
    walk(aio, store, case.id, TO_HANDLING)
    suspended = act(aio, store, case.id, "suspend", "supervisor", note="等待管网改造")
    assert suspended.stage_deadline_at is None
    assert suspended.stage_started_at is not None
    since = suspended.stage_started_at - 3 * 3600  # as if suspended three hours ago
    set_case(aio, store, case.id, stage_started_at=since)
    resumed = act(aio, store, case.id, "resume", "supervisor")
    assert resumed.stage_started_at is not None and case.deadline_at is not None
    assert resumed.deadline_at == case.deadline_at + (resumed.stage_started_at - since)
    assert resumed.overdue is False
