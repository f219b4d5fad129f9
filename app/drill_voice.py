"""The simulated caller's voice in a drill: when this seat answers a drill call, the caller's words (the
call's ``opening``) are spoken through the seat's speech queue, once per call. The intake screen's caller
card shows the same words as the transcript."""

from __future__ import annotations

import collections
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from app.calls_service import CallsService
from app.drill_service import DrillService
from client_api import calls_messages as cm

# Spoken as Severe alerts and radio traffic are: heard unless the seat speaks only Extreme alerts.
CALLER_SEVERITY = "Severe"
SPOKEN_KEPT = 500


class Announcer(Protocol):
    """What speaks: the seat's AlertsService (its speech queue) or a SpeechQueue."""

    def announce(self, text: str, severity: str) -> bool: ...


class DrillCallVoice(QObject):
    """Signals:
    spoken(object): the Call whose caller's words were handed to the speech queue.

    Attributes:
        transcript: (call id, words) of every drill call answered here, in order, spoken or not (muted).
    """

    spoken = Signal(object)

    def __init__(
        self,
        calls: CallsService,
        drill: DrillService,
        speech: Announcer | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._calls = calls
        self._drill = drill
        self._speech = speech
        self._heard: collections.deque[int] = collections.deque(maxlen=SPOKEN_KEPT)
        self.transcript: list[tuple[int, str]] = []
        calls.myCallChanged.connect(self.on_calls_myCallChanged)

    def on_calls_myCallChanged(self, call: cm.Call | None) -> None:
        if call is None or call.id in self._heard or not self._is_drill_call_answered_here(call):
            return
        words = (call.opening or "").strip()
        self._heard.append(call.id)
        self.transcript.append((call.id, words))
        if self._speech is not None and self._speech.announce(words, CALLER_SEVERITY):
            self.spoken.emit(call)

    def _is_drill_call_answered_here(self, call: cm.Call) -> bool:
        return (
            call.state == "answered"
            and call.simulated
            and bool((call.opening or "").strip())
            and call.seat_id is not None
            and call.seat_id == self._calls.seat_id
            and self._drill.active is not None
        )
