"""The repeated calls model (重复来电): one number calling or reporting again and again, or reports from
one place, within the window."""

from __future__ import annotations

from typing import Any

from backend.warnings.models.repeat_calls import SWEEP_EVERY
from client_api.calls_messages import Call
from tests.backend.test_warning_support import T0, case, engine, evidence, firings

MIN = 60.0
PHONE = "13812345678"
HOME = (31.3366, 120.5405)  # 滨江社区第1网格
NEXT_DOOR = (31.3366, 120.54103)  # ~50 m east
FURTHER = (31.3366, 120.5458)  # ~500 m east
GRID = "32099900100101"


def call(call_id: int, at: float, number: str = PHONE) -> Call:
    return Call(id=call_id, caller_number=number, state="ringing", queued_at=at)


def test_three_calls_within_two_hours_fire_at_the_third() -> None:
    models = engine()
    calls = [
        call(1, T0),
        call(2, T0 + 30 * MIN, "13900000000"),
        call(3, T0 + 50 * MIN),
        call(4, T0 + 100 * MIN),
    ]
    calls.append(call(5, T0 + 110 * MIN))
    fired = firings(models.feed_call, calls)
    assert [(i, f.dedupe_key) for i, f in fired] == [(3, f"repeat_calls:phone:{PHONE}")]
    firing = fired[0][1]
    assert PHONE not in firing.headline + firing.description + str(firing.evidence)  # masked
    assert "138****5678" in firing.headline
    shown = evidence(firing)
    assert shown["120分钟内联系次数"] == (3, "< 3", "次")
    assert [shown[f"第{i}次"][0] for i in (1, 2, 3)] == ["热线来电 #1", "热线来电 #3", "热线来电 #4"]


def test_the_same_calls_spread_over_a_day_raise_nothing() -> None:
    models = engine()
    assert firings(models.feed_call, [call(i, T0 + i * 70 * MIN) for i in range(10)]) == []


def test_reports_on_other_channels_count_hotline_cases_do_not() -> None:
    """A hotline case was taken on a call that was counted already."""
    models = engine()
    assert firings(models.feed_call, [call(1, T0)]) == []
    hotline = case(T0 + 5 * MIN, phone=PHONE, channel="hotline")
    app = [case(T0 + 10 * MIN, phone=PHONE, channel="app"), case(T0 + 20 * MIN, phone=PHONE, channel="web")]
    fired = firings(models.feed_case, [hotline, *app])
    assert [(i, f.dedupe_key) for i, f in fired] == [(2, f"repeat_calls:phone:{PHONE}")]
    assert evidence(fired[0][1])["第3次"][0] == f"工单 {app[1].case_no}"


def test_three_reports_from_one_place_fire_once() -> None:
    models = engine()
    here = [case(T0 + i * 10 * MIN, grid=GRID, lat=HOME[0], lon=HOME[1]) for i in range(2)]
    here.append(case(T0 + 30 * MIN, grid=GRID, lat=NEXT_DOOR[0], lon=NEXT_DOOR[1]))
    here.append(case(T0 + 40 * MIN, grid=GRID, lat=HOME[0], lon=HOME[1]))
    fired = firings(models.feed_case, here)
    assert [(i, f.dedupe_key.split(":")[1]) for i, f in fired] == [(2, "place")]
    firing = fired[0][1]
    assert (firing.grid_code, firing.lat, firing.lon) == (GRID, NEXT_DOOR[0], NEXT_DOOR[1])
    shown = evidence(firing)
    assert shown["120分钟内同一地点诉求"] == (3, "< 3", "件")
    assert [f"工单 {c.case_no}" in shown for c in here[:3]] == [True, True, True]


def test_reports_far_apart_or_in_other_grids_are_not_one_place() -> None:
    models = engine()
    apart = [case(T0, grid=GRID, lat=HOME[0], lon=HOME[1])]
    apart.append(case(T0 + MIN, grid=GRID, lat=FURTHER[0], lon=FURTHER[1]))
    apart.append(case(T0 + 2 * MIN, grid="32099900100102", lat=HOME[0], lon=HOME[1]))  # grid decides
    apart.append(case(T0 + 300 * MIN, grid=GRID, lat=HOME[0], lon=HOME[1]))  # the first one left the window
    apart.append(case(T0 + 301 * MIN, grid=GRID, lat=NEXT_DOOR[0], lon=NEXT_DOOR[1]))
    assert firings(models.feed_case, apart) == []


def test_switched_off_by_the_rule() -> None:
    models = engine(repeat_calls={"by_phone": False, "by_place": False})
    items = [
        case(T0 + i * MIN, grid=GRID, lat=HOME[0], lon=HOME[1], phone=PHONE, channel="app") for i in range(4)
    ]
    assert firings(models.feed_case, items) == []
    assert firings(models.feed_call, [call(i, T0 + i * MIN) for i in range(5)]) == []


def test_numbers_not_heard_of_within_the_window_are_forgotten() -> None:
    models = engine()
    model: Any = models.model("repeat_calls")
    for i in range(SWEEP_EVERY):
        model.feed_call(call(i, T0 + i, number=f"1390000{i:04d}"))
    assert len(model._phones) <= SWEEP_EVERY
    model.feed_call(call(SWEEP_EVERY, T0 + 3 * 3600 + SWEEP_EVERY, number="13900009999"))
    for i in range(SWEEP_EVERY - 1):
        model.feed_call(call(SWEEP_EVERY + 1 + i, T0 + 3 * 3600 + SWEEP_EVERY + i, number="13900009999"))
    assert list(model._phones) == ["13900009999"]
