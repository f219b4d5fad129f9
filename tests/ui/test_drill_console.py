"""The trainer console on a real exercise backend: the Drill place only on trainer seats; it starts a
shipped scenario with seats assigned, pauses, resumes, changes the speed, injects a call by hand and stops;
every seat shows the drill banner while it runs; the review shows the scores afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.bundled_backend import BundledBackend
from app.drill_service import DrillService
from client_api import drill_messages as dm
from tests.e2e.seat_driver import Seat, type_text
from ui.drill.inject_dialog import InjectDialog
from ui.main_window import MainWindow

SCENARIO = "public-safety-market"
TITLE = "滨江农贸市场聚集斗殴"
CALLER_WORDS = "喂，滨江路口有辆电动车着火了"


@pytest.fixture
def drill_backend(tmp_path: Path) -> Iterator[BundledBackend]:
    backend = BundledBackend(tmp_path / "drill", exercise=True)
    backend.start()
    yield backend
    backend.stop()


def click(qtbot: Any, widget: Any) -> None:
    assert widget.isEnabled(), f"{widget.text()} is disabled"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def tab_titles(window: MainWindow) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def wait_state(qtbot: Any, drill: DrillService, state: str, speed: float | None = None) -> dm.DrillState:
    qtbot.waitUntil(
        lambda: (
            drill.drill is not None
            and drill.drill.state == state
            and (speed is None or drill.drill.speed == speed)
        ),
        timeout=10000,
    )
    assert drill.drill is not None
    return drill.drill


def test_trainer_console_runs_a_drill_and_trainees_see_only_the_banner(
    qtbot: Any, aio: Any, drill_backend: BundledBackend
) -> None:
    trainer, trainee = Seat(qtbot, drill_backend.url), Seat(qtbot, drill_backend.url)
    window = trainer.log_in("trainer1", "demo", "T-1")
    seat = trainee.log_in("operator1", "demo", "S-1")
    try:
        screen = window.drill_seat.screen
        assert screen is not None and "Drill" in tab_titles(window)
        assert seat.drill_seat.screen is None and "Drill" not in tab_titles(seat)  # no rubric, no scores
        run = screen.run
        window.tabs.setCurrentWidget(screen)
        qtbot.waitUntil(lambda: run.scenarios.model.rowCount() >= 5, timeout=10000)
        assert not run.scenarios.errors.isVisible()
        assert run.scenarios.choose(SCENARIO)
        # the scenario's own trainer seat is not assigned
        assert [s.id for s in run.seats.slots] == ["seat-1", "seat-2", "seat-3"]
        for slot, username in (("seat-1", "operator1"), ("seat-2", "operator2"), ("seat-3", "supervisor1")):
            run.seats.set_username(slot, username)
        speed = run.controls.speed
        speed.setCurrentIndex(speed.findData(10.0))
        click(qtbot, run.controls.start)
        drill = wait_state(qtbot, window.drill, "running", 10.0)
        assert drill.scenario_id == SCENARIO
        assert [(a.slot_id, a.username) for a in drill.assignments][:2] == [
            ("seat-1", "operator1"),
            ("seat-2", "operator2"),
        ]
        assert not run.controls.start.isEnabled() and run.controls.pause.isEnabled()
        # Every seat is marked; the trainee's shows the drill's title.
        banner = seat.drill_seat.banner
        qtbot.waitUntil(banner.isVisible, timeout=10000)
        assert banner.text() == f"演练进行中：{TITLE}"
        assert run.live.model.rowCount() == 3
        # The first call fires at 0:30 (3 s at ×10): the live view counts it.
        qtbot.waitUntil(lambda: len(window.drill.fired) >= 1, timeout=15000)
        assert "c1" in run.live.last_inject.text()
        assert run.live.fired.value() >= 1

        click(qtbot, run.controls.pause)
        paused = wait_state(qtbot, window.drill, "paused")
        qtbot.waitUntil(lambda: "paused" in banner.text(), timeout=10000)
        assert run.live.clock.text().endswith(" / 15:00")
        assert run.controls.resume.isEnabled() and not run.controls.pause.isEnabled()
        click(qtbot, run.controls.resume)
        wait_state(qtbot, window.drill, "running")
        speed.setCurrentIndex(speed.findData(2.0))
        speed.activated.emit(speed.currentIndex())  # the trainer picks ×2 while it runs
        resumed = wait_state(qtbot, window.drill, "running", 2.0)
        assert resumed.elapsed_s >= paused.elapsed_s

        # An extra call by hand: the caller's number and words.
        click(qtbot, run.controls.inject)
        qtbot.waitUntil(lambda: run.inject_dialog is not None and run.inject_dialog.isVisible())
        dialog = run.inject_dialog
        assert isinstance(dialog, InjectDialog)
        dialog.set_kind("call")
        type_text(qtbot, dialog.fields["call"]["caller_number"], "13700001111")
        type_text(qtbot, dialog.fields["call"]["says"], CALLER_WORDS)
        assert dialog.inject() == {"kind": "call", "caller_number": "13700001111", "says": [CALLER_WORDS]}
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
        qtbot.waitUntil(
            lambda: any(f.kind == "call" and f.inject_id not in ("c1", "c2") for f in window.drill.fired),
            timeout=10000,
        )

        click(qtbot, run.controls.stop)
        ended = wait_state(qtbot, window.drill, "ended")
        qtbot.waitUntil(lambda: not banner.isVisible(), timeout=10000)
        assert run.controls.start.isEnabled() and not run.controls.stop.isEnabled()
        # The review shows the drill that just ended, with a score per trainee.
        review = screen.review
        qtbot.waitUntil(
            lambda: review.result is not None and review.result.drill.id == ended.id, timeout=10000
        )
        assert review.result is not None and review.log is not None
        assert {s.username for s in review.result.trainees} >= {"operator1"}
        assert review.replay.model.rowCount() == len(review.log.entries) > 0
        assert review.export.isEnabled()
    finally:
        for s in (trainer, trainee):
            if s.window is not None:
                s.window.close()
            aio.run(s.service.close())


def test_a_refused_start_is_told_and_changes_nothing(qtbot: Any, aio: Any, drill_backend: Any) -> None:
    from app import message

    trainer = Seat(qtbot, drill_backend.url)
    window = trainer.log_in("trainer1", "demo", "T-1")
    try:
        screen = window.drill_seat.screen
        assert screen is not None
        run = screen.run
        qtbot.waitUntil(lambda: run.scenarios.model.rowCount() >= 5, timeout=10000)
        run.scenarios.choose(SCENARIO)
        run.seats.set_username("seat-1", "nobody-here")
        with qtbot.waitSignal(message.global_bridge().shown, timeout=10000) as shown:
            click(qtbot, run.controls.start)
        assert shown.args[0].text.startswith("The drill was not started: ")
        assert window.drill.drill is None
        assert run.controls.start.isEnabled()
    finally:
        window.close()
        aio.run(trainer.service.close())
