"""The Qt face of alerts: the seat's AlertBook kept live, the alert actions and the speech queue.

Actions are coroutines that never raise for a refusal or a lost link: the reason goes to the message
bridge (app.message) in words for the operator, and they return None.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from app import message
from app.live_state import LiveState
from app.seat_requests import send_or_report
from app.seat_service import SeatService
from app.settings import Settings, load_settings
from client_api import alert_messages as am
from client_api.alert_book import AlertBook
from client_api.client import Event
from client_api.errors import NotConnected, ProtocolError, RequestTimeout
from client_api.messages import CaseRecord

if TYPE_CHECKING:
    from app.speech import SpeechQueue

log = logging.getLogger("app.alerts")

FAILURES = (ProtocolError, NotConnected, RequestTimeout)


class AlertsService(LiveState):
    """Signals:
    alertRaised(object): an AlertRecord this seat had not seen (new, or first seen in an update).
    alertChanged(object): a known alert changed (acknowledged, escalated, linked, updated, cancelled…).
    escalated(object): an alert's escalation level rose (emitted after alertChanged).
    reset(): the book was replaced by a snapshot (after a login or a reconnection).
    settingsChanged(object): new Settings were applied (speech, repeat interval).

    Attributes:
        book: the AlertBook the alert table shows.
        settings: the speech and repeat settings in force.
        speech: the SpeechQueue that speaks announcements (None when no speech module is installed).
    """

    what = "alerts"

    alertRaised = Signal(object)
    alertChanged = Signal(object)
    escalated = Signal(object)
    reset = Signal()
    settingsChanged = Signal(object)

    def __init__(
        self,
        seat: SeatService,
        settings: Settings | None = None,
        speech: SpeechQueue | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(seat, parent)
        self.book = AlertBook()
        self.settings = settings or load_settings()
        # A muted seat starts no speech engine until it is unmuted (apply_settings).
        self.speech = speech if speech is not None or self.settings.speech_muted else self._make_speech()

    @property
    def seat(self) -> SeatService:
        return self._seat

    @property
    def exercise(self) -> bool:
        return self._seat.exercise

    @property
    def role(self) -> str | None:
        operator = self._seat.operator
        return None if operator is None else operator.role

    def _make_speech(self) -> SpeechQueue | None:
        try:
            from app.speech import SpeechQueue
        except ImportError:  # a seat without the speech module still shows every alert
            log.info("no speech module: alerts are shown, not spoken")
            return None
        return SpeechQueue(self.settings, parent=self)

    def announce(self, text: str, severity: str) -> bool:
        """Hand an announcement to the speech queue; False when it is not spoken (muted, too minor)."""
        return self.speech.announce(text, severity) if self.speech is not None else False

    def apply_settings(self, settings: Settings) -> None:
        self.settings = settings
        if self.speech is None and not settings.speech_muted:
            self.speech = self._make_speech()
        if self.speech is not None:
            self.speech.apply_settings(settings)
        self.settingsChanged.emit(settings)

    def stop(self) -> None:
        """End the speech thread (at window close)."""
        if self.speech is not None:
            self.speech.stop()

    # --- following the backend ----------------------------------------------------------------------

    async def load(self) -> None:
        listing: am.AlertList = await self._seat.client.request("alert.list", am.ListAlerts())
        self.book.reset(listing.alerts)
        self.reset.emit()

    def on_seat_eventReceived(self, event: Event) -> None:
        if isinstance(event.payload, am.AlertEvent):
            self.apply(event.payload.alert)

    def apply(self, alert: am.AlertRecord) -> None:
        """Take a record from an event or an answer into the book and say what changed."""
        changed, old = self.book.upsert(alert)
        if not changed:
            return
        if old is None:
            self.alertRaised.emit(alert)
            return
        self.alertChanged.emit(alert)
        if alert.escalation_level > old.escalation_level:
            self.escalated.emit(alert)

    # --- actions --------------------------------------------------------------------------------------

    async def ack(self, alert_id: int, reason: str) -> am.AlertRecord | None:
        request = am.AckAlert(alert_id=alert_id, reason=reason)
        result: am.AlertAcked | None = await self._send(
            "alert.ack", request, self.tr("The alert was not acknowledged")
        )
        if result is None:
            return None
        self.apply(result.alert)
        return result.alert

    async def to_case(self, alert_id: int) -> CaseRecord | None:
        """Make a case from the alert in one action (the backend fills it); its number goes to a toast."""
        request = am.AlertToCase(alert_id=alert_id)
        result: am.AlertCaseCreated | None = await self._send(
            "alert.to_case", request, self.tr("No case was made from the alert")
        )
        if result is None:
            return None
        self.apply(result.alert)
        self._seat.cases.upsert(result.case)  # the event follows; upsert makes it idempotent
        message.info(self.tr("Case {case_no} was made from the alert.").format(case_no=result.case.case_no))
        return result.case

    async def link_case(self, alert_id: int, case_id: int) -> am.AlertRecord | None:
        request = am.LinkAlert(alert_id=alert_id, case_id=case_id)
        result: am.AlertLinked | None = await self._send(
            "alert.link_case", request, self.tr("The alert was not linked")
        )
        if result is None:
            return None
        self.apply(result.alert)
        message.info(self.tr("The alert was linked to case {case_no}.").format(case_no=result.alert.case_no))
        return result.alert

    async def export_cap(self, alert_id: int, path: Path | None = None) -> str | None:
        """The alert as CAP 1.2 XML; written to ``path`` (off the GUI thread) when one is given."""
        result: am.CapXml | None = await self._send(
            "alert.export_cap", am.ExportCap(alert_id=alert_id), self.tr("The alert was not exported")
        )
        if result is None:
            return None
        xml = result.xml
        if path is not None:
            try:
                await asyncio.to_thread(path.write_text, xml, encoding="utf-8")
            except OSError as exc:
                message.error(self.tr("The CAP file could not be written: {reason}").format(reason=exc))
                return None
            message.info(self.tr("The alert was saved as CAP XML in {path}.").format(path=path))
        return xml

    async def _send(self, type_: str, request: Any, failed: str) -> Any:
        """The answer, or None after telling the operator ``failed`` and why (app.seat_requests)."""
        return await send_or_report(self._seat, type_, request, failed)
