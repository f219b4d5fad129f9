"""The trainer console's parts with data built here: the scenario list with the broken files, the seat
assignment, the controls' states, the Inject dialog's events, the drill banner."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from client_api import calls_messages as cm
from client_api import drill_messages as dm
from tests.e2e.seat_driver import type_text
from ui.drill.control_bar import DrillControls
from ui.drill.inject_dialog import InjectDialog
from ui.drill.scenario_panel import ScenarioPanel
from ui.drill.seat_assignment import SeatAssignment
from widgets.drill_banner import DrillBanner

SEATS = (
    dm.SeatSlot("seat-1", "operator", "一号话务席"),
    dm.SeatSlot("seat-2", "operator", "二号话务席"),
    dm.SeatSlot("trainer", "trainer"),
)
SCENARIO = dm.ScenarioInfo(
    "flood", "长江江滨段洪水与沿江转移", "district", "river", 1200, SEATS, 25, "江水漫堤"
)
BROKEN = "river-flood.yaml:42: inject c7 (call): category 'P9999' is not in the taxonomy"


def drill(state: str, speed: float = 5.0) -> dm.DrillState:
    return dm.DrillState(
        id=3,
        scenario_id="flood",
        title=SCENARIO.title,
        state=state,
        speed=speed,
        started_at=0.0,
        elapsed_s=0.0,
        at=0.0,
        duration_s=1200.0,
        assignments=(),
        trainer="trainer1",
    )


def test_scenarios_show_their_description_and_the_broken_files_plainly(qtbot: Any) -> None:
    panel = ScenarioPanel()
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.scenarioChosen):
        panel.set_scenarios([SCENARIO], [BROKEN])
    assert panel.chosen() == SCENARIO
    assert panel.errors.isVisible() and BROKEN in panel.errors.text()
    assert "江水漫堤" in panel.description.text() and "20:00" in panel.description.text()
    panel.set_scenarios([SCENARIO], [])
    assert not panel.errors.isVisible()


def test_seats_are_offered_the_online_operators_but_not_the_trainers_own(qtbot: Any) -> None:
    seats = SeatAssignment(lambda u: f"name of {u}")
    qtbot.addWidget(seats)
    operators = [
        cm.OperatorState("operator2", "ready", 0.0),
        cm.OperatorState("trainer1", "ready", 0.0),
        cm.OperatorState("operator9", "offline", 0.0),
        cm.OperatorState("operator1", "busy", 0.0),
    ]
    seats.set_operators(operators, me="trainer1")
    seats.set_scenario(SCENARIO)
    assert [s.id for s in seats.slots] == ["seat-1", "seat-2"]  # the trainer's own slot is not assigned
    combo = seats.combos["seat-1"]
    assert [combo.itemText(i) for i in range(combo.count())] == ["operator1", "operator2", "operator9"]
    assert combo.itemData(0, Qt.ItemDataRole.ToolTipRole) == "name of operator1"
    assert seats.assignments() == [dm.Assignment("seat-1", "operator1"), dm.Assignment("seat-2", "operator2")]
    line = seats.combos["seat-2"].lineEdit()
    assert line is not None
    line.clear()
    type_text(qtbot, line, "town1")
    assert seats.assignments()[1] == dm.Assignment("seat-2", "town1")
    seats.set_scenario(None)
    assert seats.assignments() == []


def test_controls_enable_what_applies(qtbot: Any) -> None:
    controls = DrillControls()
    qtbot.addWidget(controls)
    buttons = (controls.start, controls.pause, controls.resume, controls.stop)

    def enabled() -> list[bool]:
        return [b.isEnabled() for b in buttons]

    controls.set_drill(None, can_start=True)
    assert enabled() == [True, False, False, False]
    controls.set_drill(drill("running", speed=2.0), can_start=True)
    assert enabled() == [False, True, False, True] and controls.chosen_speed() == 2.0
    controls.set_drill(drill("paused"), can_start=True)
    assert enabled() == [False, False, True, True]
    with qtbot.waitSignal(controls.speedChosen) as chosen:  # the trainer picks ×10 while it runs
        controls.speed.setCurrentIndex(controls.speed.findData(10.0))
        controls.speed.activated.emit(controls.speed.currentIndex())
    assert chosen.args == [10.0]
    controls.set_drill(drill("ended"), can_start=False)
    assert enabled() == [False, False, False, False] and not controls.inject.isEnabled()
    with qtbot.assertNotEmitted(controls.speedChosen):
        controls.speed.activated.emit(0)  # no drill running: the speed is the next start's


def test_the_inject_dialog_gives_each_kind_as_a_scenario_file_would(qtbot: Any) -> None:
    dialog = InjectDialog()
    qtbot.addWidget(dialog)
    dialog.set_kind("cap")
    fields = dialog.fields["cap"]
    type_text(qtbot, fields["event"], "洪水")
    type_text(qtbot, fields["headline"], "长江江滨段水位超警戒")
    type_text(qtbot, fields["area"], "江滨社区沿江一带")
    assert dialog.inject() == {
        "kind": "cap",
        "event": "洪水",
        "headline": "长江江滨段水位超警戒",
        "severity": "Severe",
        "urgency": "Immediate",
        "certainty": "Likely",
        "area": {"desc": "江滨社区沿江一带"},
    }
    dialog.set_kind("radio")
    type_text(qtbot, dialog.fields["radio"]["unit_id"], "unit-03")
    type_text(qtbot, dialog.fields["radio"]["text"], "江堤有渗水")
    assert dialog.inject() == {
        "kind": "radio",
        "unit_id": "unit-03",
        "text": "江堤有渗水",
        "emergency": False,
    }
    dialog.set_kind("call")
    type_text(qtbot, dialog.fields["call"]["caller_number"], "13900000000")
    says = dialog.fields["call"]["says"]
    type_text(qtbot, says, "江水漫上来了")
    qtbot.keyClick(says, Qt.Key.Key_Return)
    type_text(qtbot, says, "码头全是水")
    assert dialog.inject()["says"] == ["江水漫上来了", "码头全是水"]


def test_the_banner_names_the_drill_while_it_runs(qtbot: Any) -> None:
    banner = DrillBanner()
    qtbot.addWidget(banner)
    banner.show_drill(drill("running"))
    assert not banner.isHidden()
    assert banner.text() == "演练进行中：长江江滨段洪水与沿江转移"
    banner.show_drill(drill("paused"))
    assert banner.text().startswith("演练进行中：") and "paused" in banner.text()
    banner.show_drill(drill("ended"))
    assert banner.isHidden()
