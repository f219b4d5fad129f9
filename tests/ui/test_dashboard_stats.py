"""The dashboards' figures and the map's case colours from a known set of cases (client_api.case_stats,
no Qt)."""

from __future__ import annotations

import datetime as dt

import pytest

from client_api import case_stats
from tests.ui.test_map_support import make_case

NOW = dt.datetime(2026, 3, 10, 14, 30).timestamp()  # local time
HOUR = 3600.0


def at(day: int, hour: int, minute: int = 0) -> float:
    return dt.datetime(2026, 3, day, hour, minute).timestamp()


def test_cases_per_clock_hour_over_the_last_24_hours() -> None:
    cases = [
        make_case(1, created_at=at(10, 14, 5)),  # this hour
        make_case(2, created_at=at(10, 14, 29)),
        make_case(3, created_at=at(10, 13, 59)),  # the hour before
        make_case(4, created_at=at(10, 14, 31)),  # stamped ahead of this clock: counts as now
        make_case(5, created_at=at(9, 15, 10)),  # the first bucket (15:00 yesterday)
        make_case(6, created_at=at(9, 14, 59)),  # too old
    ]
    buckets = case_stats.cases_by_hour(cases, NOW)
    assert len(buckets) == 24
    assert buckets[0].start == at(9, 15) and buckets[-1].start == at(10, 14)
    assert [b.count for b in buckets] == [1] + [0] * 21 + [1, 3]
    assert [b.count for b in case_stats.cases_by_hour(cases, NOW, hours=2)] == [1, 3]
    with pytest.raises(ValueError, match="hours must be at least 1"):
        case_stats.cases_by_hour(cases, NOW, hours=0)


def test_top_categories_and_areas_count_recent_cases_most_first_ties_by_code() -> None:
    codes = ["0301"] * 3 + ["0101"] * 2 + ["0202"] * 2 + ["0909"]
    cases = [make_case(i, category_code=c, created_at=NOW - 60) for i, c in enumerate(codes, 1)]
    cases.append(make_case(99, category_code="0909", created_at=NOW - 30 * HOUR))
    assert case_stats.cases_by_category(cases, since=NOW - 24 * HOUR) == [
        ("0301", 3),
        ("0101", 2),
        ("0202", 2),
        ("0909", 1),
    ]
    assert case_stats.cases_by_category(cases, top=2) == [("0301", 3), ("0101", 2)]
    assert case_stats.cases_by_category(cases)[3] == ("0909", 2)  # no window: every case
    placed = [
        make_case(1, grid_code="G11", village_code="V1", town_code="T1"),
        make_case(2, grid_code="G12", village_code="V1", town_code="T1"),
        make_case(3, grid_code="G12", village_code="V1", town_code="T1"),
        make_case(4, grid_code="G21", village_code="V2", town_code="T1"),
        make_case(5),  # no area: not counted
    ]
    assert case_stats.cases_by_area(placed) == [("G12", 2), ("G11", 1), ("G21", 1)]
    assert case_stats.cases_by_area(placed, "village") == [("V1", 3), ("V2", 1)]
    assert case_stats.cases_by_area(placed, "town", top=1) == [("T1", 4)]
    with pytest.raises(ValueError, match="level must be one of grid, village, town, not 'street'"):
        case_stats.cases_by_area(placed, "street")


def test_on_time_completion_overall_and_per_lead_department() -> None:
    cases = [
        make_case(1, lead_department="CG", deadline_at=100.0, completed_at=90.0),
        make_case(2, lead_department="CG", deadline_at=100.0, completed_at=100.0),  # on the deadline
        make_case(3, lead_department="CG", deadline_at=100.0, completed_at=130.0),
        make_case(4, lead_department="ZJ", deadline_at=100.0, completed_at=150.0),
        make_case(5, lead_department="ZJ", deadline_at=100.0),  # not completed: not judged yet
        make_case(6, lead_department="HB", completed_at=10.0),  # no deadline: not judged
        make_case(7, deadline_at=100.0, completed_at=50.0),  # no lead department: overall only
    ]
    figures = case_stats.sla_compliance(cases)
    assert [(f.key, f.completed, f.on_time) for f in figures] == [("", 5, 3), ("CG", 3, 2), ("ZJ", 1, 0)]
    assert figures[0].rate == pytest.approx(0.6)
    assert figures[2].rate == 0.0
    assert case_stats.sla_compliance(cases, since=1.0) == [case_stats.Compliance("", 0, 0)]
    assert case_stats.Compliance("", 0, 0).rate is None


def test_a_case_marker_says_overdue_then_due_soon_then_urgency() -> None:
    limit = {"created_at": 0.0, "deadline_at": 100.0}
    assert case_stats.map_state(make_case(1, **limit), 10) == "normal"
    assert case_stats.map_state(make_case(1, urgency="urgent", **limit), 10) == "urgent"
    assert case_stats.map_state(make_case(1, urgency="critical", **limit), 10) == "critical"
    assert case_stats.map_state(make_case(1, urgency="critical", **limit), 85) == "due_soon"
    assert case_stats.map_state(make_case(1, **limit), 101) == "overdue"
    assert case_stats.map_state(make_case(1, stage_overdue=True, stage_deadline_at=5.0), 1) == "overdue"
    assert case_stats.is_open(make_case(1, status="verifying"))
    assert not any(case_stats.is_open(make_case(1, status=s)) for s in ("closed", "archived", "voided"))
