"""Countdown badges: normal until 80% of the time is used, then warning, then overdue."""

from __future__ import annotations

from client_api.messages import CaseRecord
from client_api.sla_state import badge, completion_badge, countdown, stage_badge, worst


def _case(**fields: object) -> CaseRecord:
    base: dict[str, object] = dict(
        id=1,
        case_no="1",
        category_code="E01",
        address="a",
        description="d",
        status="handling",
        created_at=0.0,
        created_by="op",
        seat_id="s",
    )
    return CaseRecord(**(base | fields))  # type: ignore[arg-type]


def test_badge_moves_from_normal_to_warning_at_80_percent_then_overdue() -> None:
    assert badge(0, 100, 10).state == "normal"
    assert badge(0, 100, 79.9).state == "normal"
    assert badge(0, 100, 80).state == "warning"
    assert badge(0, 100, 100).state == "overdue"
    assert badge(0, 100, 50, flagged=True).state == "overdue"
    assert badge(0, None, 50).state == "none"


def test_stage_and_completion_badges_follow_the_case() -> None:
    case = _case(stage_started_at=0.0, stage_deadline_at=10.0, deadline_at=100.0)
    assert stage_badge(case, 9).state == "warning"
    assert completion_badge(case, 9).state == "normal"
    assert worst(stage_badge(case, 11), completion_badge(case, 11)).state == "overdue"
    assert stage_badge(_case(status="closed", stage_deadline_at=1.0), 5).state == "none"
    assert completion_badge(_case(status="verifying", deadline_at=1.0), 5).state == "none"


def test_countdown_text() -> None:
    assert countdown(3725) == "01:02:05"
    assert countdown(-720) == "-00:12:00"
    assert countdown(2 * 86400 + 3 * 3600 + 4 * 60) == "2d 03:04"
    assert countdown(None) == ""
