"""Which alerts pop up how: Severe and Extreme on the banner until acknowledged, repeated (spoken again
and flashed) every ``alert_repeat_s`` while nobody acknowledges them; the others as toasts. When an
alert escalates, a supervisor's or admin's seat marks it escalated on the banner and announces it;
other seats only see the new state in the alert center."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from app.alerts_service import AlertsService
from client_api.alert_messages import AlertRecord
from client_api.alert_priority import is_banner, severity_rank
from widgets.alert_banner import AlertBanner
from widgets.alert_labels import SEVERITY_COLOURS, announcement
from widgets.toast_area import ToastArea

SUPERVISING_ROLES = frozenset({"supervisor", "admin"})


def banner_worthy(alert: AlertRecord) -> bool:
    return alert.state == "active" and is_banner(alert.severity)


class PopupController(QObject):
    """Signals: announced(str): a text handed to the speech queue (spoken or not, by its settings).

    Attributes: announced_texts (every announcement, in order), repeats (alert id -> its repeat timer),
    toasted (ids of alerts shown as a toast)."""

    announced = Signal(str)

    def __init__(
        self, alerts: AlertsService, banner: AlertBanner, toasts: ToastArea, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._alerts = alerts
        self._banner = banner
        self._toasts = toasts
        self.announced_texts: list[str] = []
        self.repeats: dict[int, QTimer] = {}
        self.toasted: list[int] = []
        alerts.alertRaised.connect(self.on_alerts_alertRaised)
        alerts.alertChanged.connect(self.on_alerts_alertChanged)
        alerts.escalated.connect(self.on_alerts_escalated)
        alerts.reset.connect(self.on_alerts_reset)
        alerts.settingsChanged.connect(lambda _settings: self._retime())

    def supervises(self) -> bool:
        return self._alerts.role in SUPERVISING_ROLES

    # --- the service's news -------------------------------------------------------------------------

    def on_alerts_alertRaised(self, alert: AlertRecord) -> None:
        self._banner.exercise = self._alerts.exercise
        if alert.state != "active":
            return  # first seen when already dealt with (acknowledged, cancelled): nothing to pop up
        if not is_banner(alert.severity):
            self._toast(alert)
            self.say(alert)
            return
        escalated = alert.escalation_level > 0 and self.supervises()
        self._banner.put(alert)
        if escalated:
            self._banner.mark_escalated(alert.id)
        self.say(alert, escalated)
        self._start_repeat(alert.id)

    def on_alerts_alertChanged(self, alert: AlertRecord) -> None:
        if not banner_worthy(alert):
            self._banner.remove(alert.id)
            self._stop_repeat(alert.id)
        elif alert.id in self._banner.alerts:
            self._banner.put(alert)
        else:  # a CAP Update raised its severity: it belongs on the banner now
            self._banner.put(alert)
            self.say(alert)
            self._start_repeat(alert.id)

    def on_alerts_escalated(self, alert: AlertRecord) -> None:
        if not banner_worthy(alert) or not self.supervises():
            return
        self._banner.put(alert)
        self._banner.mark_escalated(alert.id)
        self._banner.flash()
        self.say(alert, escalated=True)
        self._start_repeat(alert.id)  # counts again from the escalation

    def on_alerts_reset(self) -> None:
        """A snapshot: the banner holds exactly the unacknowledged banner alerts; of those this seat had
        not shown yet (raised while it was away), the loudest is announced once."""
        self._banner.exercise = self._alerts.exercise
        wanted = {a.id: a for a in self._alerts.book if banner_worthy(a)}
        for alert_id in list(self._banner.alerts):
            if alert_id not in wanted:
                self._banner.remove(alert_id)
                self._stop_repeat(alert_id)
        unseen = [a for a in wanted.values() if a.id not in self._banner.shown_at]
        for alert in wanted.values():
            self._banner.put(alert)
            if alert.escalation_level > 0 and self.supervises():
                self._banner.mark_escalated(alert.id)
            if alert.id not in self.repeats:
                self._start_repeat(alert.id)
        if unseen:
            loudest = max(unseen, key=lambda a: (severity_rank(a.severity), a.priority, a.id))
            self.say(loudest, loudest.id in self._banner.escalated)

    # --- speaking and repeating ---------------------------------------------------------------------

    def say(self, alert: AlertRecord, escalated: bool = False) -> None:
        text = announcement(alert, self._alerts.exercise, escalated)
        self.announced_texts.append(text)
        self._alerts.announce(text, alert.severity)
        self.announced.emit(text)

    def repeat(self, alert_id: int) -> None:
        """Announce and flash an alert again if nobody has acknowledged it meanwhile."""
        alert = self._alerts.book.get(alert_id)
        if alert is None or not banner_worthy(alert):
            self._stop_repeat(alert_id)
            return
        self._banner.flash()
        self.say(alert, alert_id in self._banner.escalated)

    def _start_repeat(self, alert_id: int) -> None:
        self._stop_repeat(alert_id)
        interval_s = self._alerts.settings.alert_repeat_s
        if interval_s <= 0:
            return
        timer = QTimer(self, interval=max(1, round(interval_s * 1000)))
        timer.timeout.connect(lambda: self.repeat(alert_id))
        timer.start()
        self.repeats[alert_id] = timer

    def _stop_repeat(self, alert_id: int) -> None:
        timer = self.repeats.pop(alert_id, None)
        if timer is not None:
            timer.stop()
            timer.deleteLater()

    def _retime(self) -> None:
        for alert_id in list(self._banner.alerts):
            self._start_repeat(alert_id)

    def _toast(self, alert: AlertRecord) -> None:
        colour = SEVERITY_COLOURS.get(alert.severity, SEVERITY_COLOURS["Minor"])
        text = announcement(alert, self._alerts.exercise)
        self._toasts.show_message("alert", text, f"background:{colour};color:white;")
        self.toasted.append(alert.id)
