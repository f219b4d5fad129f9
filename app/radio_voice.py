"""What the seat hears of the radio: a unit's transmission spoken through the seat's speech queue when
its group (or a group patched with it) is monitored and not muted, and the emergency alarm (the chime
and its words) until every emergency is acknowledged. Text-to-speech voices stand in for radio audio
in drills."""

from __future__ import annotations

import collections
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from app.radio_book import RadioBook
from app.radio_prefs import RadioPrefs, StripPrefs
from client_api import comms_messages as cm

# Radio traffic is spoken as Severe alerts are (heard unless the seat speaks only Extreme alerts),
# emergencies as Extreme ones (always, first, after the chime).
TRANSMISSION_SEVERITY = "Severe"
EMERGENCY_SEVERITY = "Extreme"
EMERGENCY_REPEAT_MS = 30_000
SPOKEN_KEPT = 500


class Announcer(Protocol):
    """What speaks for the radio: the seat's SpeechQueue (app.speech)."""

    def announce(self, text: str, severity: str) -> bool: ...


class RadioVoice(QObject):
    """Signals:
    spoken(object): a Transmission was handed to the speech queue.

    Attributes:
        speech_source: gives the Announcer to speak through now (None: nothing is spoken); asked at
            each announcement, because the seat makes its speech queue only once speech is unmuted.
        alarms: how often an emergency alarm was sounded (first time and repeats).
    """

    spoken = Signal(object)

    def __init__(
        self,
        book: RadioBook,
        prefs: Callable[[], RadioPrefs],
        console_unit: Callable[[], str],
        speech_source: Callable[[], Announcer | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.speech_source = speech_source
        self.alarms = 0
        self._book = book
        self._prefs = prefs
        self._console_unit = console_unit
        self._spoken: collections.deque[int] = collections.deque(maxlen=SPOKEN_KEPT)
        self._alarmed: set[int] = set()
        self._repeat = QTimer(self, interval=EMERGENCY_REPEAT_MS)
        self._repeat.timeout.connect(self._repeat_alarm)

    def heard(self, group_id: str) -> bool:
        """Whether traffic on the group is heard: it, or a group patched with it, is monitored and not
        muted."""
        return any(self._audible(s) for s in self._strips(group_id))

    def volume_heard(self, group_id: str) -> int:
        return max((s.volume for s in self._strips(group_id) if self._audible(s)), default=0)

    def _strips(self, group_id: str) -> list[StripPrefs]:
        prefs = self._prefs()
        return [prefs.for_group(g) for g in [group_id, *self._book.partners(group_id)]]

    @staticmethod
    def _audible(strip: StripPrefs) -> bool:
        return strip.monitored and not strip.muted

    def known(self, transmissions: list[cm.Transmission]) -> None:
        """Transmissions heard before (loaded with the state): not spoken when they come again."""
        self._spoken.extend(t.id for t in transmissions)

    def transmission(self, transmission: cm.Transmission) -> None:
        """Speak a unit's transmission the first time it is seen, when its group is heard."""
        if transmission.id in self._spoken or not transmission.text.strip():
            return
        if transmission.unit_id == self._console_unit() or not self.heard(transmission.group_id):
            return
        self._spoken.append(transmission.id)
        self._speak(transmission, self.volume_heard(transmission.group_id))

    def replay(self, transmission: cm.Transmission, volume: int) -> None:
        """Speak a transmission again (the operator asked), monitored or not."""
        self._spoken.append(transmission.id)
        if transmission.text.strip():
            self._speak(transmission, volume)

    def _speak(self, transmission: cm.Transmission, volume: int) -> None:
        # The speech queue speaks at the seat's speech volume for now; a silent strip says nothing.
        speech = self.speech_source()
        if speech is None or volume <= 0:
            return
        if speech.announce(transmission.text, TRANSMISSION_SEVERITY):
            self.spoken.emit(transmission)

    # --- emergencies ----------------------------------------------------------------------------------

    def emergencies_changed(self) -> None:
        """Sound the alarm for each new unacknowledged emergency; repeat it while any waits."""
        for emergency in self._book.emergencies.values():
            if emergency.id not in self._alarmed:
                self._alarmed.add(emergency.id)
                self._alarm(emergency)
        self._alarmed &= set(self._book.emergencies)
        if not self._book.emergencies:
            self._repeat.stop()
        elif not self._repeat.isActive():
            self._repeat.start()

    def _repeat_alarm(self) -> None:
        oldest = next(iter(self._book.emergencies.values()), None)
        if oldest is not None:
            self._alarm(oldest)

    def _alarm(self, emergency: cm.Emergency) -> None:
        self.alarms += 1
        speech = self.speech_source()
        if speech is not None:  # the queue plays the chime before the words
            text = self.tr("Emergency: {unit} on {group}").format(
                unit=emergency.unit_name, group=self._book.group_name(emergency.group_id)
            )
            speech.announce(text, EMERGENCY_SEVERITY)
