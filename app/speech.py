"""Spoken alert announcements: a queue the GUI thread fills in microseconds and one worker thread speaks.

The worker (app/speech_worker.py) owns the pyttsx3 engine (app/speech_engine.py) and the player
(app/speech_player.py): loudest first, it synthesises each text to a WAV, plays the chime (app/chime.py)
and then the speech. What it reports reaches the GUI thread through a queued signal, so the public
signals are emitted there.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from app.settings import Settings
from app.speech_backlog import DEFAULT_CAPACITY, SpeechBacklog
from app.speech_engine import create_engine
from app.speech_player import WavPlayer
from app.speech_worker import SpeechWorker
from client_api.alert_priority import should_speak

log = logging.getLogger("app.speech")

# Causes that clear when an announcement is heard again (a headset plugged back in).
TRANSIENT_CAUSES = frozenset({"engine", "synthesis", "audio"})


class SpeechQueue(QObject):
    """Speaks alert announcements on a worker thread; never blocks the caller.

    Attributes:
        received: every text accepted by ``announce``, in order.
        backlog: the announcements waiting (bounded; SpeechBacklog says what is dropped when full).

    Signals:
        started(str): the worker began announcing this text (chime, then speech).
        finished(str): it is done with the text; follows every ``started``, whether or not a speaker
            was there to hear it.
        failed(str): why announcements are not heard (no engine, no voice, no audio output, synthesis
            failed); once per cause. An engine, synthesis or audio failure is told again only after an
            announcement was heard in between, a voice failure after the voice setting changed.
        ready(): the engine is up; ``voices()`` and ``voice_id`` are known (again after the worker had
            to start a new engine).
    """

    started = Signal(str)
    finished = Signal(str)
    failed = Signal(str)
    ready = Signal()
    _worker_event = Signal(str, str, str)  # kind, subject, detail: see app/speech_worker.py

    def __init__(
        self,
        settings: Settings | None = None,
        engine_factory: Callable[[], Any] | None = None,
        parent: QObject | None = None,
        *,
        player: WavPlayer | None = None,
        capacity: int = DEFAULT_CAPACITY,
    ) -> None:
        """``player`` plays the WAVs (default: the system's, see WavPlayer); ``capacity`` bounds the queue."""
        super().__init__(parent)
        self.received: list[str] = []
        self.backlog = SpeechBacklog(capacity)
        self._player = player or WavPlayer()
        self._failed_causes: set[str] = set()
        # Queued: the worker thread emits, the slot (and so every public signal) runs in ours.
        self._worker_event.connect(self._on_worker_event, Qt.ConnectionType.QueuedConnection)
        # The worker holds no reference to the queue, so a queue dropped (or deleted with its parent)
        # without stop() still ends its thread, which would otherwise keep the engine for good.
        this = weakref.ref(self)

        def report(kind: str, subject: str, detail: str) -> None:
            queue = this()
            if queue is not None:
                queue._report(kind, subject, detail)

        self._worker = SpeechWorker(
            self.backlog, self._player, engine_factory or create_engine, settings or Settings(), report
        )
        weakref.finalize(self, self.backlog.close)
        self.destroyed.connect(self.backlog.close)
        self._thread = threading.Thread(target=self._worker.run, name="speech", daemon=True)
        self._thread.start()

    @property
    def _settings(self) -> Settings:
        return self._worker.settings

    @property
    def voice_id(self) -> str | None:
        """The voice in use when ``speech_voice`` is not set: a Mandarin one when installed."""
        return self._worker.voice_id

    def announce(self, text: str, severity: str, volume: float | None = None) -> bool:
        """Queue ``text`` (an alert of CAP ``severity``); False when muted, too minor, or dropped.
        ``volume`` (0–1) scales the seat's speech volume for this one (a radio strip's own)."""
        settings = self._settings
        if settings.speech_muted or not text.strip():
            return False
        if not should_speak(severity, settings.speech_min_severity):
            return False
        if not self.backlog.push(text, severity, volume):
            return False
        self.received.append(text)
        return True

    def apply_settings(self, settings: Settings) -> None:
        """Mute, volume, minimum severity, voice and chime; muting also silences what waits and plays."""
        if settings.speech_voice != self._settings.speech_voice:
            self._failed_causes.discard("voice")
        self._worker.settings = settings
        if settings.speech_muted:
            self._player.cancel()
            cleared = self.backlog.clear()
            if cleared:
                log.info("speech muted: %d waiting announcements dropped", cleared)

    def voices(self) -> list[tuple[str, str]]:
        """(id, name) of the installed voices, Chinese ones first; empty until ``ready``."""
        return list(self._worker.voices)

    def pending(self) -> int:
        """Announcements waiting or being spoken."""
        return self.backlog.pending()

    def is_running(self) -> bool:
        return self._thread.is_alive()

    def stop(self, timeout: float = 5.0) -> None:
        """End the worker (at window close): what waits is dropped, what plays is cut short."""
        self.backlog.close()
        self._player.cancel()
        self._thread.join(timeout)
        if self._thread.is_alive():
            log.warning("speech worker still busy %.1f s after stop", timeout)

    def _report(self, kind: str, subject: str, detail: str) -> None:
        """Called in the worker thread."""
        # RuntimeError: the queue was deleted without stop(), nobody is listening.
        with contextlib.suppress(RuntimeError):
            self._worker_event.emit(kind, subject, detail)

    @Slot(str, str, str)
    def _on_worker_event(self, kind: str, subject: str, detail: str) -> None:
        if kind == "started":
            self.started.emit(subject)
        elif kind == "finished":
            self.finished.emit(subject)
        elif kind == "ready":
            self.ready.emit()
        elif kind == "ok":
            self._failed_causes -= TRANSIENT_CAUSES
        elif kind == "failed" and subject not in self._failed_causes:
            self._failed_causes.add(subject)
            reason = self._reason(subject, detail)
            log.warning("speech: %s", reason)
            self.failed.emit(reason)

    def _reason(self, cause: str, detail: str) -> str:
        if cause == "engine":
            return self.tr("No speech engine: {detail}").format(detail=detail)
        if cause == "no-chinese-voice":
            return self.tr("No Chinese voice is installed; announcements use the voice {voice}").format(
                voice=detail
            )
        if cause == "voice":
            return self.tr("The chosen voice is not installed ({detail})").format(detail=detail)
        if cause == "audio":
            return self.tr("No audio output: {detail}").format(detail=detail)
        return self.tr("Speech synthesis failed: {detail}").format(detail=detail)
