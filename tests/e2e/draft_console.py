"""A real console process (``app.main.main``, the full start-up) with a hand on its keyboard, for the
crash tests: ``type`` fills the case form, prints ``DRAFT SAVED`` once the draft is on disk and waits to
be killed; ``report`` prints the form's fields as start-up left them (the reopened draft) and quits.

Run as ``python -m tests.e2e.draft_console MODE <console options>``.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.drafts import DraftStore
from app.main import main
from ui.intake.case_form import CaseForm
from ui.main_window import MainWindow

DESCRIPTION = "占道经营，尚未提交（崩溃前）"


def form_of_window() -> CaseForm | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible():
            form = widget.intake.form
            return form if form.category.count() > 0 else None  # reference data loaded
    return None


class Hand:
    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.typed = False

    def poll(self) -> None:
        form = form_of_window()
        if form is None:
            return
        if self.mode == "report":
            fields = {
                "category": form.category.code(),
                "address": form.address.text(),
                "description": form.description.toPlainText(),
            }
            print("FORM " + json.dumps(fields, ensure_ascii=False), flush=True)
            form.window().close()
            self.mode = "done"
        elif self.mode == "type" and not self.typed:
            form.category.setCurrentIndex(form.category.findData("E0401"))
            form.address.setText("新桥路5号")
            form.description.setPlainText(DESCRIPTION)
            self.typed = True
        elif self.typed:
            draft = DraftStore().load()
            if draft is not None and draft.description == DESCRIPTION:
                print("DRAFT SAVED", flush=True)
                self.mode = "wait"


if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    hand = Hand(sys.argv[1])
    timer = QTimer(app, interval=100)
    timer.timeout.connect(hand.poll)
    timer.start()
    sys.exit(main(sys.argv[2:]))
