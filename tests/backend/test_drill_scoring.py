"""Scoring a drill from its scenario's rubric and a log (a pure function): each deduction says what
happened and what was expected; the same log gives the same scores; an inject nobody took counts
against every trainee; running scores leave open items out."""

from __future__ import annotations

from typing import Any

import msgspec
import pytest

from backend.drill.drill_log import entry
from backend.drill.scenario import parse_scenario
from backend.drill.scenario_model import Scenario
from backend.drill.scoring import score_drill
from client_api.drill_messages import Assignment, LogEntry, TraineeScore
from tests.backend.test_drill_engine_support import SMALL

ASSIGNED = (Assignment("seat-1", "op1"), Assignment("seat-2", "op2"))
NAMES = {
    "E0502": "自来水管破裂",
    "E0101": "私搭乱建",
    "P0101": "上水井盖",
    "P0102": "污水井盖",
    "D-SW": "区水务局",
    "D-CG": "区城市管理局",
    "32099900100101": "滨江社区第1网格",
    "32099900100102": "滨江社区第2网格",
}
FILLED = {
    "reporter_phone": "13800000001",
    "address": "滨江路8号",
    "reporter_name": "王先生",
    "description": "水管",
}


@pytest.fixture(scope="module")
def small() -> Scenario:
    return parse_scenario(SMALL, "small.yaml")


def numbered(*drafts: LogEntry) -> list[LogEntry]:
    return [msgspec.structs.replace(d, seq=i) for i, d in enumerate(drafts, 1)]


def fired(ref: str, t: float, kind: str = "call") -> LogEntry:
    return entry(t, 0.0, "engine", f"inject.{kind}", "", ref=ref, data={"outcome": "fired"})


def act(user: str, kind: str, ref: str | None, t: float, **data: Any) -> LogEntry:
    return entry(t, 0.0, user, kind, "", ref=ref, data=data)


def case(
    user: str, ref: str, t: float, case_id: int, category: str, grid: str = "32099900100101", **over: Any
) -> LogEntry:
    fields = FILLED | {"case_no": f"C{case_id}", "category_code": category, "grid_code": grid} | over
    return act(user, "case.created", ref, t, case_id=case_id, **fields)


def a_good_drill() -> list[LogEntry]:
    """op1 does call-1 and the alert right; op2 merges call-2 and files call-3 under the wrong code."""
    return numbered(
        fired("call-1", 5),
        act("op1", "call.answered", "call-1", 9),
        case("op1", "call-1", 40, 1, "E0502"),
        fired("call-2", 10),
        act("op2", "call.answered", "call-2", 12),
        act("op1", "case.dispatched", "call-1", 50, case_id=1, department="D-SW"),
        act("op2", "case.merged", "call-2", 55, case_id=1, case_no="C1"),
        fired("cap-1", 20, "cap"),
        act("op1", "alert.acked", "cap-1", 30),
        fired("call-3", 25),
        act("op2", "call.answered", "call-3", 60),
        case("op2", "call-3", 80, 2, "P0102", grid="32099900100201"),
    )


def by_user(scores: list[TraineeScore]) -> dict[str, TraineeScore]:
    return {s.username: s for s in scores}


def reasons(score: TraineeScore) -> list[str]:
    return [d.reason for d in score.deductions]


def test_each_trainee_is_judged_on_what_they_took(small: Scenario) -> None:
    op1, op2 = score_drill(small, ASSIGNED, a_good_drill(), NAMES)
    assert (op1.total, op1.max, op1.deductions) == (13.0, 13.0, ())
    # op2 answered both calls in time and merged the duplicate; only call-3's category is wrong
    assert (op2.total, op2.max) == (6.0, 9.0)
    assert reasons(op2) == ["来电 call-3：分类为 P0102（污水井盖），应为 P0101（上水井盖）"]


def test_the_same_log_gives_the_same_scores(small: Scenario) -> None:
    log = a_good_drill()
    again = msgspec.json.decode(msgspec.json.encode(log), type=list[LogEntry])  # as read back from the store
    first = score_drill(small, ASSIGNED, log, NAMES)
    assert score_drill(small, ASSIGNED, again, NAMES) == first
    assert score_drill(small, ASSIGNED, log, NAMES) == first


def test_a_late_answer_a_wrong_place_and_a_wrong_department_are_explained(small: Scenario) -> None:
    strict = parse_scenario(SMALL.replace("within: 10m}", "within: 15s}", 1), "small.yaml")
    log = numbered(
        fired("call-1", 5),
        act("op1", "call.answered", "call-1", 46),
        case("op1", "call-1", 60, 1, "E0502", grid="32099900100102", reporter_phone=None),
        act("op1", "case.dispatched", "call-1", 70, case_id=1, department="D-CG"),
    )
    op1 = by_user(score_drill(strict, ASSIGNED, log, NAMES))["op1"]
    assert reasons(op1) == [
        "来电 call-1：41 秒后接听，应在 15 秒内",
        "来电 call-1：工单缺少联系电话",
        "来电 call-1：定位在 32099900100102（滨江社区第2网格），应在 32099900100101（滨江社区第1网格）",
        "来电 call-1：派遣至 D-CG（区城市管理局），应为 D-SW（区水务局）",
    ]
    lost = {d.area: d.points for d in op1.deductions}
    assert lost == {"call_control": 2.0, "information": 0.5, "location": 2.0, "dispatch": 3.0}
    assert op1.total == op1.max - 7.5


def test_a_duplicate_filed_as_a_new_case_is_explained(small: Scenario) -> None:
    log = numbered(
        fired("call-1", 5),
        act("op1", "call.answered", "call-1", 8),
        case("op1", "call-1", 20, 1, "E0502"),
        fired("call-2", 10),
        act("op2", "call.answered", "call-2", 12),
        case("op2", "call-2", 30, 2, "E0502"),
    )
    op2 = by_user(score_drill(small, ASSIGNED, log, NAMES))["op2"]
    assert reasons(op2) == ["来电 call-2：新建了工单 C2，应合并到 来电 call-1 的工单 C1"]


def test_an_inject_nobody_took_counts_against_every_trainee(small: Scenario) -> None:
    log = numbered(fired("cap-1", 20, "cap"), act("trainer1", "alert.acked", "cap-1", 25))  # not a trainee
    scores = score_drill(small, ASSIGNED, log, NAMES)
    for score in scores:
        assert (score.total, score.max) == (0.0, 2.0)
        assert reasons(score) == ["预警 cap-1：无人确认（应在 600 秒内确认）"]


def test_running_scores_leave_open_items_out_and_unfired_injects_are_never_judged(small: Scenario) -> None:
    log = numbered(fired("call-1", 5), act("op1", "call.answered", "call-1", 9))
    running = by_user(score_drill(small, ASSIGNED, log, NAMES, final=False, now_t=20))
    assert (running["op1"].total, running["op1"].max) == (2.0, 2.0)  # the case is still to come
    assert (running["op2"].total, running["op2"].max) == (0.0, 0.0)
    final = by_user(score_drill(small, ASSIGNED, log, NAMES))
    assert final["op1"].max == 11.0  # answer, information, category, location, department
    assert "来电 call-1：未建工单（应分类为 E0502（自来水管破裂））" in reasons(final["op1"])
    assert all(d.ref == "call-1" for d in final["op1"].deductions)


UPDATED = SMALL.replace(
    "  - id: dept-1",
    """  - id: cap-2
    at: 60s
    kind: cap
    msg_type: Update
    references: cap-1
    event: 暴雨
    headline: 临江街道暴雨红色预警
    urgency: Immediate
    severity: Extreme
    certainty: Observed
    area: {desc: 临江街道, codes: ['320999001']}
  - id: dept-1""",
).replace("rubric:\n", "rubric:\n  - {action: alert_ack, inject: cap-2, weight: 1, within: 1m}\n")


def test_an_alert_acknowledged_after_its_update_counts_for_both_and_late_for_the_first() -> None:
    scenario = parse_scenario(UPDATED, "small.yaml")
    log = numbered(
        fired("cap-1", 20, "cap"),
        fired("cap-2", 60, "cap"),
        act("op2", "alert.acked", "cap-2", 700, injects=["cap-1", "cap-2"]),
    )
    op2 = by_user(score_drill(scenario, ASSIGNED, log, NAMES))["op2"]
    assert reasons(op2) == [  # in the rubric's order
        "预警 cap-2：640 秒后确认，应在 60 秒内",
        "预警 cap-1：680 秒后确认，应在 600 秒内",
    ]
    assert by_user(score_drill(scenario, ASSIGNED, log, NAMES))["op1"].max == 0.0


def test_an_update_that_leaves_the_alert_acknowledged_needs_no_second_acknowledgement() -> None:
    scenario = parse_scenario(UPDATED, "small.yaml")
    update = entry(
        60, 0.0, "engine", "inject.cap", "", ref="cap-2", data={"outcome": "fired", "still_acked_by": "op1"}
    )
    log = numbered(
        fired("cap-1", 20, "cap"), act("op1", "alert.acked", "cap-1", 30, injects=["cap-1"]), update
    )
    op1 = by_user(score_drill(scenario, ASSIGNED, log, NAMES))["op1"]
    assert (op1.total, op1.max, op1.deductions) == (3.0, 3.0, ())
