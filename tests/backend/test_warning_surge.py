"""The surge model (诉求激增): cases of one category in one village within the window, against the
village's own history (Poisson tail)."""

from __future__ import annotations

import math

import pytest

from backend.warnings.models.surge import poisson_tail
from tests.backend.test_warning_support import LEAK, T0, case, engine, evidence, firings

HOUR, DAY = 3600.0, 86_400.0


def history(per_day: int, days: int = 28, village: str = "320999002003") -> list:
    """``per_day`` leak cases a day, evenly spread, over the ``days`` before T0."""
    step = DAY / per_day
    return [case(T0 - days * DAY + i * step, village=village) for i in range(per_day * days)]


def test_poisson_tail() -> None:
    assert poisson_tail(0, 2.0) == 1.0
    assert poisson_tail(1, 2.0) == pytest.approx(1 - math.exp(-2))
    assert poisson_tail(5, 0.2) == pytest.approx(
        1 - sum(math.exp(-0.2) * 0.2**i / math.factorial(i) for i in range(5))
    )
    assert 0 < poisson_tail(60, 0.2) < 1e-80  # no cancellation: a tiny tail stays positive


def test_a_burst_in_a_quiet_village_fires_at_the_fifth_case() -> None:
    models = engine()
    assert firings(models.feed_case, history(1)) == []
    burst = [case(T0 + i * 300) for i in range(7)]  # one every 5 minutes
    fired = firings(models.feed_case, burst)
    assert [(i, f.dedupe_key) for i, f in fired] == [(4, f"surge:320999002003:{LEAK}")]
    firing = fired[0][1]
    assert firing.headline == "渔港村自来水管破裂诉求激增：60分钟内5件"
    assert (firing.severity, firing.grid_code, firing.certainty) == ("Severe", "320999002003", "Likely")
    assert firing.expires_in_s == 3600  # the alert lapses with the window
    shown = evidence(firing)
    assert shown["近60分钟案件数"] == (5, 0.2, "件")  # 28 cases in 28 days: λ under the floor
    assert float(shown["P(X≥k)"][0]) == pytest.approx(poisson_tail(5, 0.2), rel=1e-2)
    assert shown["P(X≥k)"][1] == "< 0.001"
    assert shown["案件编号"][0] == "、".join(c.case_no for c in burst[:5])


def test_the_same_cases_spread_over_a_day_raise_nothing() -> None:
    models = engine()
    spread = [case(T0 + i * 2 * HOUR) for i in range(12)]
    assert firings(models.feed_case, history(1) + spread) == []


def test_a_village_that_always_has_many_leaks_is_judged_against_its_own_history() -> None:
    models = engine()
    busy = history(96)  # 4 an hour for four weeks: λ = 4 per window
    assert firings(models.feed_case, busy) == []
    eight = [case(T0 + i * 450) for i in range(8)]  # P(X ≥ 8 | 4) ≈ 0.05: not a surge here
    assert firings(models.feed_case, eight) == []
    more = [case(T0 + 3600 - 60 + i) for i in range(8)]  # 16 within the hour: P ≈ 2e-5
    assert [i for i, _ in firings(models.feed_case, more)] == [3]  # the 12th case of the window


def test_other_categories_and_villages_are_counted_apart() -> None:
    models = engine()
    mixed = [case(T0 + i * 60, category="E0502" if i % 2 else "E0503") for i in range(8)]
    mixed += [case(T0 + 600 + i * 60, village="320999002002") for i in range(4)]
    assert firings(models.feed_case, mixed) == []


def test_after_the_window_passed_a_new_burst_fires_again() -> None:
    models = engine()
    first = [case(T0 + i * 60) for i in range(6)]
    second = [case(T0 + 3 * HOUR + i * 60) for i in range(6)]
    fired = firings(models.feed_case, first + second)
    assert [i for i, _ in fired] == [4, 10]
    # the first burst is history now: the second one is judged against a higher λ, still a surge
    assert evidence(fired[1][1])["近60分钟案件数"][1] == 0.2


def test_grid_level_counts_per_grid() -> None:
    models = engine(surge={"area_level": "grid", "min_count": 3})
    other_grid = [case(T0 + i * 60, grid="32099900200302") for i in range(2)]
    same = [case(T0 + 200 + i * 60) for i in range(4)]
    fired = firings(models.feed_case, other_grid + same)
    # 3 cases reach min_count but P(X ≥ 3 | 0.2) = 0.0011 is not below p_max; the 4th is (6e-5)
    assert [(i, f.dedupe_key) for i, f in fired] == [(5, f"surge:32099900200301:{LEAK}")]
