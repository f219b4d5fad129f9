"""The drill's table models: checked with qtmodeltester, updated row by row, showing what they are given."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from client_api import drill_messages as dm
from widgets.drill_deduction_model import DeductionTableModel
from widgets.drill_labels import clock
from widgets.drill_log_model import AHEAD, CURRENT, DrillLogModel
from widgets.drill_progress_model import DrillProgressModel
from widgets.drill_scenario_model import ScenarioTableModel
from widgets.drill_score_model import TraineeScoreModel

SEATS = (dm.SeatSlot("seat-1", "operator", "一号席"), dm.SeatSlot("seat-2", "operator", "二号席"))
ASSIGNED = (dm.Assignment("seat-1", "operator1"), dm.Assignment("seat-2", "operator2"))
NAMES = {"operator1": "王芳", "operator2": "李强"}


def person(username: str) -> str:
    return f"{NAMES[username]} ({username})" if username in NAMES else username


def progress(username: str, slot: str, calls: int, score: float, action: str = "") -> dm.TraineeProgress:
    return dm.TraineeProgress(
        drill_id=7,
        username=username,
        slot_id=slot,
        calls_answered=calls,
        cases_created=calls,
        cases_dispatched=0,
        alerts_acked=0,
        last_action=action,
        score=score,
        max=100,
    )


def entry(seq: int, t: float, actor: str, kind: str, slot: str | None = None) -> dm.LogEntry:
    return dm.LogEntry(
        seq=seq, t=t, at=1e9 + t, actor=actor, slot_id=slot, kind=kind, summary=f"{kind} {seq}"
    )


def texts(model: Any, column: int) -> list[str]:
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_scenarios_show_title_level_theme_duration(qtmodeltester: Any) -> None:
    model = ScenarioTableModel()
    scenario = dm.ScenarioInfo(
        "water", "滨江路供水主管爆裂", "district", "city_management", 900, SEATS, 18, "多名市民来电"
    )
    model.set_scenarios([scenario, dm.ScenarioInfo("flood", "长江汛情", "town", "river", 600, SEATS, 12)])
    qtmodeltester.check(model)
    assert [model.data(model.index(0, c)) for c in range(6)] == [
        "滨江路供水主管爆裂",
        "District",
        "City management",
        "15:00",
        "2",
        "18",
    ]
    assert model.data(model.index(0, 2), Qt.ItemDataRole.ToolTipRole) == "多名市民来电"
    assert model.row_of("flood") == 1 and model.row_of("nope") is None


def test_progress_rows_follow_the_seats_and_change_one_by_one(qtmodeltester: Any, qtbot: Any) -> None:
    model = DrillProgressModel(person)
    model.set_drill(ASSIGNED, {"operator2": progress("operator2", "seat-2", 1, 12, "接听来电")})
    qtmodeltester.check(model)
    assert texts(model, 0) == ["seat-1", "seat-2"]
    assert texts(model, 1) == ["王芳 (operator1)", "李强 (operator2)"]
    assert texts(model, 2) == ["0", "1"]
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b: changed.append((a.row(), b.row())))
    model.update(progress("operator1", "seat-1", 2, 30, "登记工单"))
    assert changed == [(0, 0)]  # only that seat's row
    assert model.data(model.index(0, 2)) == "2"
    assert model.data(model.index(0, 6)).endswith("登记工单")
    assert model.data(model.index(0, 7)) == "30 / 100"
    with qtbot.waitSignal(model.rowsInserted):
        model.update(progress("operator9", "seat-3", 1, 5))  # a trainee the assignments did not list
    assert texts(model, 0) == ["seat-1", "seat-2", "seat-3"]
    qtmodeltester.check(model)


def test_the_log_greys_what_the_replay_has_not_reached(qtmodeltester: Any) -> None:
    model = DrillLogModel(person)
    model.set_entries(
        [
            entry(3, 40, "operator1", "case.created", "seat-1"),
            entry(1, 0, "engine", "inject.call"),
            entry(2, 12, "operator1", "call.answered", "seat-1"),
            entry(4, 40, "engine", "inject.cap"),
        ]
    )
    qtmodeltester.check(model)
    assert [e.seq for e in model.entries()] == [1, 2, 3, 4]  # by time, then the log's order
    assert texts(model, 0) == ["0:00", "0:12", "0:40", "0:40"]
    assert texts(model, 2)[:2] == ["Drill", "王芳 (operator1)"]
    assert model.reached == 4
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b: changed.append((a.row(), b.row())))
    model.set_reached(2)
    assert changed == [(1, 3)]
    background = Qt.ItemDataRole.BackgroundRole
    assert model.data(model.index(1, 0), background).color() == CURRENT
    assert model.data(model.index(0, 0), background) is None
    assert model.data(model.index(2, 0), Qt.ItemDataRole.ForegroundRole).color() == AHEAD
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ForegroundRole) is None
    qtmodeltester.check(model)


def test_scores_and_deductions(qtmodeltester: Any) -> None:
    areas = (dm.AreaScore("classification", 4, 10), dm.AreaScore("call_control", 10, 10))
    reason = "来电 call-3：分类为 P0201，应为 P0101"
    deduction = dm.Deduction("classification", 6, reason, "call-3")
    scores = TraineeScoreModel(person)
    scores.set_scores(
        [
            dm.TraineeScore("operator1", "seat-1", 14, 20, areas, (deduction,)),
            dm.TraineeScore("operator2", "seat-2", 20, 20, areas, ()),
        ]
    )
    qtmodeltester.check(scores)
    assert texts(scores, 0) == ["王芳 (operator1)", "李强 (operator2)"]
    assert texts(scores, 4) == ["70", "100"]
    deductions = DeductionTableModel()
    deductions.set_deductions((deduction,))
    qtmodeltester.check(deductions)
    assert [deductions.data(deductions.index(0, c)) for c in range(3)] == ["Classification", "−6", reason]


def test_scenario_clock_words() -> None:
    assert [clock(s) for s in (0, 59.9, 61, 3600 + 62)] == ["0:00", "0:59", "1:01", "1:01:02"]
