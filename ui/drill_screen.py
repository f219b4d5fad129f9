"""The Drill place, the trainer console (trainer and admin seats only): run a drill — scenario, seats,
speed, start, pause, resume, stop, inject, the live view of each seat — and review it afterwards —
scores with their deductions, the replay of the whole drill, the after-action report."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.drill_service import DrillService
from ui.drill.review_page import DrillReviewPage
from ui.drill.run_page import DrillRunPage


class DrillScreen(QWidget):
    """Attributes: drill (DrillService), pages (QTabWidget), run (DrillRunPage), review (DrillReviewPage)."""

    def __init__(self, drill: DrillService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drillScreen")
        self.drill = drill
        self.pages = QTabWidget(self)
        self.pages.setObjectName("drillPages")
        self.run = DrillRunPage(drill, self)
        self.review = DrillReviewPage(drill, self)
        self.pages.addTab(self.run, self.tr("Run"))
        self.pages.addTab(self.review, self.tr("After-action review"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.pages.currentChanged.connect(self.on_pages_currentChanged)

    def on_pages_currentChanged(self, index: int) -> None:
        if self.pages.widget(index) is self.review and self.review.drills.count() == 0:
            self.review.reload()

    def show_review(self) -> None:
        self.pages.setCurrentWidget(self.review)
