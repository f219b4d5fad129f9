"""The group rental model (群租房): usage pointing to far more people than registered raises one alert
for the grid member to verify, with the readings and what the registered occupants would use."""

from __future__ import annotations

import msgspec

from client_api.alert_messages import MeterReading, ParcelCount, Reading
from tests.backend.test_warning_support import T0, engine, evidence, firings

DAY = 86_400.0
HOUSEHOLD = "H-0002"  # registered: 3


def days(
    household: str, people: float, count: int, start: int = 0, parcels: int | None = None
) -> list[Reading]:
    """``count`` days of readings of a household where ``people`` live (the shipped per-person norms)."""
    out: list[Reading] = []
    for day in range(start, start + count):
        ts = T0 + day * DAY
        out += [
            MeterReading(household=household, utility="water", value=round(0.12 * people, 3), ts=ts),
            MeterReading(household=household, utility="electricity", value=round(3.0 * people, 2), ts=ts),
            MeterReading(household=household, utility="gas", value=round(0.25 * people, 3), ts=ts),
            ParcelCount(
                household=household, count=round(0.3 * people) if parcels is None else parcels, ts=ts
            ),
        ]
    return out


def test_a_household_living_as_registered_raises_nothing() -> None:
    models = engine()
    assert firings(models.feed_reading, days(HOUSEHOLD, 3, 10) + days("H-0001", 4, 10)) == []


def test_far_more_people_than_registered_fire_once_when_two_indicators_agree() -> None:
    models = engine()
    stream = days(HOUSEHOLD, 12, 5)
    fired = firings(models.feed_reading, stream)
    # days 1-2 fill the 3-day mean; on day 3 water is the first indicator, electricity the second
    assert [(i, f.dedupe_key) for i, f in fired] == [(9, "group_rental:H-0002")]
    firing = fired[0][1]
    assert (firing.severity, firing.grid_code, firing.kind) == ("Moderate", "32099900100101", "group_rental")
    assert "上门核查" in firing.instruction and firing.headline.startswith("疑似群租房")
    shown = evidence(firing)
    assert shown["登记人数"] == (3, None, "人")
    assert shown["用水（近3日均）"] == (1.44, 0.36, "m³/日")
    assert shown["用电（近3日均）"] == (36.0, 9.0, "kWh/日")
    assert "用气（近3日均）" not in shown  # its third day came after the firing
    assert shown["推算居住人数"] == (12, 3, "人")


def test_one_indicator_alone_is_not_enough() -> None:
    """A home business gets many parcels; water, power and gas are those of three people."""
    models = engine()
    assert firings(models.feed_reading, days(HOUSEHOLD, 3, 6, parcels=30)) == []


def test_the_alert_comes_back_only_after_the_usage_went_back_to_normal() -> None:
    models = engine()
    stream = days(HOUSEHOLD, 12, 4) + days(HOUSEHOLD, 3, 4, start=4) + days(HOUSEHOLD, 12, 3, start=8)
    fired = [i for i, _f in firings(models.feed_reading, stream)]
    # By day 7 the 3-day means are back to three people; on day 9 (3, 3, 12) water and then electricity
    # reach 6 = 3 × 2 people again.
    assert fired == [9, 8 * 4 + 1]


def test_the_threshold_is_both_a_factor_and_a_number_of_extra_people() -> None:
    models = engine()
    # one registered: twice as many (2) is not enough, it takes 1 + 3 = 4
    assert firings(models.feed_reading, days("H-0014", 3.5, 5)) == []
    assert [i for i, _ in firings(models.feed_reading, days("H-0014", 4.2, 3, start=5))] == [9]


def test_a_saved_rule_applies_to_the_next_readings() -> None:
    models = engine()
    assert firings(models.feed_reading, days(HOUSEHOLD, 5, 3)) == []  # 5 < max(3 × 2, 3 + 3)
    rule = models.rules["group_rental"]
    models.apply_rule(msgspec.structs.replace(rule, params=rule.params | {"factor": 1.5, "min_extra": 1}))
    # the state is kept: under the new thresholds (max(4.5, 4)) the means already held point to too many
    # people, so the very next reading fires
    assert [i for i, _ in firings(models.feed_reading, days(HOUSEHOLD, 5, 1, start=3))] == [0]
