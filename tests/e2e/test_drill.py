"""Drill mode end to end, on a real backend process started with --exercise and real consoles (offscreen):

a trainer starts a shipped scenario (the epidemic-control day) at ×5 with two trainees at its seats; each
trainee answers one of its calls (the caller's words on the caller card and in the seat's transcript) and
fills the case with key events — one classifies right, the other wrong; the trainer pauses, then stops
the drill; the scores differ accordingly, the wrong classification's deduction names what was chosen and
what was expected; the replay of the log plays the same sequence of events as happened live; the
after-action report exports as HTML and PDF and names both trainees.
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument

from app.bundled_backend import BundledBackend
from client_api import drill_messages as dm
from tests.e2e.seat_driver import Seat, type_text
from ui.drill_screen import DrillScreen
from ui.main_window import MainWindow

SCENARIO = "epidemic-control-day"
# The scenario's first two calls (at 1:00 and 2:00): what the caller says first, and what each trainee
# files. c1 is about a testing site (E0801 核酸检测) and is filed so; c2 is an isolated household's request
# (E0802 隔离管控) and is filed as one about the testing site.
CALLS = {
    "c1": ("你好，我要投诉一下，桃源广场那个核酸点", "E0801", "孙先生", "桃源广场", "核酸点排队两小时"),
    "c2": ("我家在桃源居，居家隔离第五天了", "E0801", "吴女士", "桃源居3幢2单元602", "隔离户米菜快吃完了"),
}
EXPECTED_C2 = "E0802"


class PageText(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


@pytest.fixture
def drill_backend(tmp_path: Path) -> Iterator[BundledBackend]:
    backend = BundledBackend(tmp_path / "drill", exercise=True)
    backend.start()
    yield backend
    backend.stop()


def click(qtbot: Any, widget: Any) -> None:
    assert widget.isEnabled(), f"{widget} is disabled"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def open_drill_place(qtbot: Any, window: MainWindow) -> DrillScreen:
    screen = window.drill_seat.screen
    assert screen is not None
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.tabs.indexOf(screen)).center())
    assert window.tabs.currentWidget() is screen
    return screen


def start_drill(qtbot: Any, screen: DrillScreen) -> None:
    """Pick the scenario by clicking its row, type the trainees' usernames, ×5, Start."""
    run = screen.run
    qtbot.waitUntil(lambda: run.scenarios.model.row_of(SCENARIO) is not None, timeout=10000)
    row = run.scenarios.model.row_of(SCENARIO)
    assert row is not None
    table = run.scenarios.table
    cell = table.visualRect(run.scenarios.model.index(row, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    chosen = run.scenarios.chosen()
    assert chosen is not None and chosen.id == SCENARIO
    for slot, username in (("seat-1", "operator1"), ("seat-2", "operator2")):
        line = run.seats.combos[slot].lineEdit()
        assert line is not None
        line.clear()
        type_text(qtbot, line, username)
    speed = run.controls.speed
    speed.setCurrentIndex(speed.findData(5.0))
    click(qtbot, run.controls.start)


def ringing(seat: Seat) -> bool:
    assert seat.window is not None
    return seat.window.intake.call_panel.property("kind") == "ringing"


def answer(qtbot: Any, seat: Seat) -> str:
    """Answer the call ringing at the seat; returns which inject it is (by the caller's words)."""
    assert seat.window is not None
    intake = seat.window.intake
    click(qtbot, intake.call_panel.answer_button)
    qtbot.waitUntil(lambda: intake.call_panel.property("kind") == "answered", timeout=10000)
    qtbot.waitUntil(intake.caller_card.opening.isVisible, timeout=10000)
    words = intake.caller_card.opening.text()
    inject = next(i for i, (first, *_rest) in CALLS.items() if first in words)
    assert seat.window.drill_seat.voice.transcript[-1][1].startswith(CALLS[inject][0])
    return inject


def choose_category(qtbot: Any, form: Any, text: str) -> None:
    line = form.category.lineEdit()
    line.setFocus()
    qtbot.keyClicks(line, text)
    popup = form.category.completer().popup()
    qtbot.waitUntil(lambda: popup.isVisible() and popup.currentIndex().isValid())
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.category.code() is not None)


def file_case(qtbot: Any, seat: Seat, inject: str) -> None:
    """Fill the case form of the answered call with key events and submit it."""
    assert seat.window is not None
    form = seat.window.intake.form
    _words, category, name, address, description = CALLS[inject]
    type_text(qtbot, form.reporter_name, name)
    choose_category(qtbot, form, category)
    assert form.category.code() == category
    type_text(qtbot, form.address, address)
    type_text(qtbot, form.description, description)
    qtbot.waitUntil(form.submit_button.isEnabled)
    click(qtbot, form.submit_button)
    qtbot.waitUntil(lambda: seat.shows_case(description), timeout=10000)


def is_ready(window: MainWindow) -> bool:
    return window.calls.my_state is not None and window.calls.my_state.state == "ready"


def username_of(seat: Seat) -> str:
    operator = seat.service.operator
    assert operator is not None
    return operator.username


def test_a_drill_from_start_to_report(qtbot: Any, aio: Any, tmp_path: Path, drill_backend: Any) -> None:
    trainer = Seat(qtbot, drill_backend.url)
    trainees = [Seat(qtbot, drill_backend.url), Seat(qtbot, drill_backend.url)]
    window = trainer.log_in("trainer1", "demo", "T-1")
    for seat, username in zip(trainees, ("operator1", "operator2"), strict=True):
        trainee_window = seat.log_in(username, "demo", f"S-{username}")
        assert trainee_window.drill_seat.screen is None  # trainees never see the console
        click(qtbot, trainee_window.intake.call_panel.state_button)  # ready for calls
        qtbot.waitUntil(lambda w=trainee_window: is_ready(w))
    try:
        screen = open_drill_place(qtbot, window)
        start_drill(qtbot, screen)
        drill = window.drill
        qtbot.waitUntil(lambda: drill.active is not None, timeout=10000)
        assert drill.active is not None and drill.active.speed == 5.0
        for seat in trainees:
            assert seat.window is not None
            qtbot.waitUntil(seat.window.drill_seat.banner.isVisible, timeout=10000)

        # c1 rings at one seat (1:00, 12 s at ×5); that trainee takes it and stays on it, so c2 (2:00)
        # rings at the other.
        qtbot.waitUntil(lambda: any(ringing(s) for s in trainees), timeout=30000)
        first = next(s for s in trainees if ringing(s))
        second = next(s for s in trainees if s is not first)
        assert answer(qtbot, first) == "c1"
        qtbot.waitUntil(lambda: ringing(second), timeout=30000)
        assert answer(qtbot, second) == "c2"
        click(qtbot, screen.run.controls.pause)  # the trainer holds the clock while they write
        qtbot.waitUntil(lambda: drill.drill is not None and drill.drill.state == "paused", timeout=10000)
        file_case(qtbot, first, "c1")
        file_case(qtbot, second, "c2")
        progress = screen.run.live.model
        both = ("operator1", "operator2")
        qtbot.waitUntil(
            lambda: all((p := progress.progress_of(u)) and p.cases_created == 1 for u in both), timeout=10000
        )

        click(qtbot, screen.run.controls.stop)
        qtbot.waitUntil(lambda: drill.drill is not None and drill.drill.state == "ended", timeout=10000)
        review = screen.review
        ended = drill.drill
        assert ended is not None
        qtbot.waitUntil(
            lambda: review.result is not None and review.result.drill.id == ended.id, timeout=15000
        )
        assert review.result is not None and review.log is not None

        # Scores: the right classification keeps its points, the wrong one loses them, with the reason.
        right_user, wrong_user = username_of(first), username_of(second)
        scores = {s.username: s for s in review.result.trainees}
        right, wrong = scores[right_user], scores[wrong_user]
        assert right.slot_id != wrong.slot_id

        def area(score: dm.TraineeScore, name: str) -> dm.AreaScore:
            return next(a for a in score.areas if a.area == name)

        assert area(right, "classification").score == area(right, "classification").max > 0
        assert area(wrong, "classification").score < area(wrong, "classification").max
        assert not [d for d in right.deductions if d.area == "classification"]
        (why,) = [d for d in wrong.deductions if d.area == "classification"]
        assert CALLS["c2"][1] in why.reason and EXPECTED_C2 in why.reason and why.ref == "c2"
        assert right.total / right.max > wrong.total / wrong.max
        # The score view shows it: the wrong trainee's deduction listed with its reason.
        view = review.scores
        rows = range(view.trainees.rowCount())
        row = next(r for r in rows if view.trainees.score_at(r).username == wrong_user)
        view.trainee_table.selectRow(row)
        reasons = [view.deductions.deduction_at(r).reason for r in range(view.deductions.rowCount())]
        assert why.reason in reasons

        # The replay plays the whole log in order; the injects it passes are the ones fired live (department
        # responses to dispatches that never came are logged as skipped), in the order they fired, and each
        # seat's actions are the ones it took.
        replay = review.replay.replay
        entries = review.replay.model.entries()
        assert entries == sorted(review.log.entries, key=lambda e: (e.t, e.seq))
        passed: list[dm.LogEntry] = []
        replay.entryPassed.connect(passed.append)
        review.replay.speed.setCurrentIndex(review.replay.speed.findData(20.0))
        with qtbot.waitSignal(replay.finished, timeout=60000):
            click(qtbot, review.replay.play)
        assert passed == entries
        fired_live = [f.inject_id for f in drill.fired]
        injects = [e for e in passed if e.kind.startswith("inject.")]
        fired_replayed = [e.ref for e in injects if e.data.get("outcome") == "fired"]
        assert fired_replayed == fired_live
        assert fired_live[:3] == ["m1", "c1", "c2"]
        for seat, inject in ((first, "c1"), (second, "c2")):
            username = username_of(seat)
            mine = [(e.kind, e.ref) for e in passed if e.actor == username]
            assert ("call.answered", inject) in mine and ("case.created", inject) in mine
            assert mine.index(("call.answered", inject)) < mine.index(("case.created", inject))
        assert review.replay.model.reached == len(entries)

        # The after-action report, HTML and PDF, names both trainees.
        html_path, pdf_path = tmp_path / "drill-report.html", tmp_path / "drill-report.pdf"
        assert aio.run(review.export_to(html_path, pdf_path), timeout=30)
        page = PageText()
        page.feed(html_path.read_text(encoding="utf-8"))
        text = "".join(page.parts)
        assert "演练复盘报告" in text and ended.title in text
        for username in ("operator1", "operator2"):
            assert f"({username})" in text
        assert why.reason in text
        document = QPdfDocument()
        assert document.load(str(pdf_path)) == QPdfDocument.Error.None_
        try:
            assert document.pageCount() >= 1
        finally:
            document.close()
    finally:
        for seat in (trainer, *trainees):
            if seat.window is not None:
                seat.window.close()
            aio.run(seat.service.close())
