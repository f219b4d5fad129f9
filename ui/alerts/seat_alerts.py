"""The alert parts of the main window, wired together: the banner above the places and its buttons, the
popups, the alert center, the acknowledge key (Ctrl+Shift+A) and Seat → Alert sound…."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QTabWidget, QWidget
from qasync import asyncSlot

from app import message
from app.alerts_service import AlertsService
from app.qt_async import run_dialog
from app.settings import save_settings
from ui.alerts.alert_actions import AlertActions
from ui.alerts.popup_controller import PopupController
from ui.alerts.speech_dialog import SpeechDialog
from ui.alerts_screen import AlertsScreen
from widgets.alert_banner import AlertBanner
from widgets.toast_area import ToastArea

ACK_KEYS = QKeyCombination(
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier, Qt.Key.Key_A
)


class SeatAlerts(QObject):
    """Attributes: alerts (AlertsService), actions (AlertActions), screen (AlertsScreen, the Alerts place),
    banner (AlertBanner), popups (PopupController), speech_dialog (while open)."""

    def __init__(self, alerts: AlertsService, tabs: QTabWidget, window: QWidget) -> None:
        super().__init__(window)
        self._tabs = tabs
        self._window = window
        self.alerts = alerts
        self.actions = AlertActions(alerts, window)
        self.screen = AlertsScreen(alerts, self.actions, window)
        self.banner = AlertBanner(window)
        self.popups: PopupController | None = None
        self.speech_dialog: SpeechDialog | None = None
        self.banner.ackRequested.connect(self.actions.on_acknowledge)
        self.banner.toCaseRequested.connect(self.actions.on_to_case)
        self.banner.linkRequested.connect(self.actions.on_link)
        self.banner.detailsRequested.connect(self.show_alert)
        self.banner.moreRequested.connect(self.show_unacknowledged)

    def start_popups(self, toasts: ToastArea) -> PopupController:
        """Pop alerts up from now on (the window's toast area exists by then)."""
        self.popups = PopupController(self.alerts, self.banner, toasts, self)
        return self.popups

    def set_exercise(self, exercise: bool) -> None:
        self.banner.exercise = exercise
        self.screen.model.refresh()

    def show_alert(self, alert_id: int) -> None:
        """The alert center with one alert selected (the banner's Details)."""
        self._tabs.setCurrentWidget(self.screen)
        self.screen.select_alert(alert_id)

    def show_unacknowledged(self) -> None:
        """The alert center showing the alerts nobody has acknowledged yet (the banner's "+N more")."""
        self._tabs.setCurrentWidget(self.screen)
        bar = self.screen.filter_bar
        bar.state.setCurrentIndex(max(0, bar.state.findData("active")))

    def acknowledge_top(self) -> None:
        """The reason dialog for the loudest alert on the banner."""
        top = self.banner.top()
        if top is not None:
            self.actions.on_acknowledge(top.id)

    def take_key(self, event: QEvent) -> bool:
        """Ctrl+Shift+A acknowledges the banner's alert while one waits; otherwise the key goes on to the
        case form (attach a file). Taking the shortcut override keeps the two from being ambiguous."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.keyCombination() == ACK_KEYS
            and self.banner.top() is not None
        ):
            event.accept()
            self.acknowledge_top()
            return True
        return False

    @asyncSlot()
    async def on_alert_sound(self) -> None:
        """Seat → Alert sound…: the speech settings, saved to the settings file and applied at once."""
        if self.speech_dialog is not None:
            return
        speech = self.alerts.speech
        voices = await asyncio.to_thread(speech.voices) if speech is not None else []
        dialog = self.speech_dialog = SpeechDialog(self.alerts.settings, voices, self._window)
        try:
            if await run_dialog(dialog) != QDialog.DialogCode.Accepted:
                return
            chosen = dialog.settings()
        finally:
            dialog.deleteLater()
            self.speech_dialog = None
        try:
            await asyncio.to_thread(save_settings, chosen)
        except OSError as exc:
            message.error(self.tr("The alert sound settings could not be saved: {reason}").format(reason=exc))
        self.alerts.apply_settings(chosen)
