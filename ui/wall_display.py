"""A wall display: one physical monitor's layout, frameless and full screen, with no controls.

Driven by the backend's wall state (``wall.changed``). When the link to the backend drops a red band
says so (cameras may still play: they stream from the cameras, not the backend). Opened on the screen
of the monitor's number when the machine has that many screens, else as a plain window (tests, a
single-screen lab).
"""

from __future__ import annotations

import time

import msgspec
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QLabel, QWidget

from app.alerts_service import AlertsService
from app.seat_service import SeatService
from app.settings import Settings
from app.wall_service import WallService
from client_api import wall_messages as wm
from widgets.tile_factory import TileFactory
from widgets.wall_view import WallView
from widgets.watermark import ExerciseWatermark


class WallDisplay(QWidget):
    """Attributes: monitor_index, view (WallView), link_lost (the band shown while the link is down),
    absent (the note shown while the wall has no such monitor), watermark, full_screen (whether it
    took a screen of its own)."""

    def __init__(
        self, wall: WallService, factory: TileFactory, monitor_index: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("wallDisplay")
        self.setStyleSheet("#wallDisplay{background:#000;}")
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.wall = wall
        self.monitor_index = monitor_index
        self.full_screen = False
        self.view = WallView(factory, self)
        self.absent = QLabel(self)
        self.absent.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.absent.setStyleSheet("color:#98a2b3;font-size:24pt;background:#000;")
        self.link_lost = QLabel(self)
        self.link_lost.setObjectName("linkLost")
        self.link_lost.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.link_lost.setWordWrap(True)
        self.link_lost.setStyleSheet(
            "#linkLost{background:rgba(180,20,20,220);color:white;font-size:26pt;font-weight:bold;}"
        )
        self.link_lost.hide()
        self.watermark = ExerciseWatermark(self)
        quit_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Quit), self)
        quit_key.activated.connect(self.close)  # the only key: a wall display has no controls
        wall.wallChanged.connect(self.on_wall_wallChanged)
        wall.seat.stateChanged.connect(self.on_seat_stateChanged)
        wall.seat.serverChanged.connect(lambda server: self.watermark.set_active(server.exercise))
        self.watermark.set_active(wall.seat.exercise)
        self.on_seat_stateChanged(wall.seat.state.value)
        self._show_state(wall.state)

    def place(self, windowed: bool = False) -> None:
        """Take the screen of the monitor's number if the machine has that many, else (or ``windowed``)
        open as a window."""
        screens = QGuiApplication.screens()
        if not windowed and len(screens) >= self.monitor_index:
            self.setScreen(screens[self.monitor_index - 1])
            self.setGeometry(screens[self.monitor_index - 1].geometry())
            self.full_screen = True
            self.showFullScreen()
            return
        self.resize(960, 540)
        self.show()

    def on_wall_wallChanged(self, state: wm.WallState, _change: wm.WallChange | None) -> None:
        self._show_state(state)

    def on_seat_stateChanged(self, state: str) -> None:
        if state == "connected":
            self.link_lost.hide()
            return
        if self.link_lost.isHidden():
            self.link_lost.setText(
                self.tr(
                    "Connection to the backend lost at {time}: the wall may be out of date. Reconnecting…"
                ).format(time=time.strftime("%H:%M:%S"))
            )
        self.link_lost.show()
        self.link_lost.raise_()

    def _show_state(self, state: wm.WallState | None) -> None:
        monitor = (
            None
            if state is None
            else next((m for m in state.monitors if m.index == self.monitor_index), None)
        )
        self.setWindowTitle(self._title(monitor))
        if monitor is None:
            self.view.show_layout(None)
            self.absent.setText(
                self.tr("Waiting for the wall…")
                if state is None
                else self.tr("The wall has no monitor {index}.").format(index=self.monitor_index)
            )
            self.absent.show()
            self.absent.raise_()
            return
        self.absent.hide()
        self.view.show_layout(monitor.layout)
        self.view.refresh_titles()

    def _title(self, monitor: wm.Monitor | None) -> str:
        name = monitor.name if monitor is not None else ""
        return self.tr("Wall — monitor {index} {name}").format(index=self.monitor_index, name=name).strip()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        rect = self.rect()
        self.view.setGeometry(rect)
        self.absent.setGeometry(rect)
        band = max(rect.height() // 8, 60)
        self.link_lost.setGeometry(0, 0, rect.width(), band)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.view.stop()
        super().closeEvent(event)


def open_wall_displays(seat: SeatService, monitors: list[int], settings: Settings) -> list[WallDisplay]:
    """The wall display windows of a seat that drives wall screens, opened and placed.

    They share one wall service and one tile factory; alerts are shown, never spoken (the seats speak).
    """
    wall = WallService(seat)
    alerts = AlertsService(seat, settings=msgspec.structs.replace(settings, speech_muted=True))
    factory = TileFactory(wall, alerts)
    displays = []
    for index in monitors:
        display = WallDisplay(wall, factory, index)
        display.place()
        displays.append(display)
    # The services live as long as the windows: the first display owns them.
    for service in (wall, alerts, factory):
        service.setParent(displays[0] if displays else None)
    return displays
