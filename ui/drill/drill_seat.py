"""The drill parts of the main window, wired together: the drill banner beside the places' tabs on every
seat, the simulated caller's voice when this seat answers a drill call, and the Drill place (the trainer
console) on trainer and admin seats only: trainees never see the rubric or the scores."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QTabWidget, QWidget

from app.calls_service import CallsService
from app.drill_service import DrillService
from app.drill_voice import Announcer, DrillCallVoice
from ui.drill_screen import DrillScreen
from widgets.drill_banner import DrillBanner


class DrillSeat(QObject):
    """Attributes: drill (DrillService), banner (DrillBanner), voice (DrillCallVoice), screen (the Drill
    place; None on a seat whose operator does not run drills)."""

    def __init__(
        self,
        drill: DrillService,
        calls: CallsService,
        speech: Announcer | None,
        tabs: QTabWidget,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.drill = drill
        self._tabs = tabs
        self._window = window
        self.banner = DrillBanner(tabs)
        tabs.setCornerWidget(self.banner, Qt.Corner.TopRightCorner)
        self.voice = DrillCallVoice(calls, drill, speech, self)
        self.screen: DrillScreen | None = None
        drill.drillChanged.connect(self.banner.show_drill)
        drill.seat.loggedIn.connect(lambda _op: self.update_place())
        self.banner.show_drill(drill.drill)
        self.update_place()

    def update_place(self) -> None:
        """The Drill place is there exactly when the operator logged in runs drills."""
        if self.drill.is_trainer and self.screen is None:
            self.screen = DrillScreen(self.drill, self._window)
            self._tabs.addTab(self.screen, self.tr("Drill"))
        elif not self.drill.is_trainer and self.screen is not None:
            self._tabs.removeTab(self._tabs.indexOf(self.screen))
            self.screen.deleteLater()
            self.screen = None
