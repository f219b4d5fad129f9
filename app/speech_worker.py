"""The speech worker: the one thread that owns the pyttsx3 engine, synthesises and plays announcements.

No Qt here: it reports through a callback ``report(kind, subject, detail)`` that SpeechQueue turns into
signals in the GUI thread. Kinds: ``ready``, ``started``/``finished`` (subject: the text), ``ok`` (an
announcement was heard), ``failed`` (subject: the cause — engine, no-chinese-voice, voice, synthesis,
audio; detail: the reason).
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.chime import write_chime
from app.settings import Settings
from app.speech_backlog import Announcement, SpeechBacklog
from app.speech_engine import RATE_WPM, SynthesisError, engine_voices, settle, synthesize
from app.speech_player import AudioUnavailable, WavPlayer

log = logging.getLogger("app.speech")

Report = Callable[[str, str, str], None]

# One espeak-ng per process: its synthesis callback is global, so two engines speaking at once would
# take each other's audio. A second worker waits here until the first one has stopped.
ENGINE_LOCK = threading.Lock()


class SpeechWorker:
    """Takes announcements from the backlog until it is closed; run ``run`` in its own thread.

    Attributes:
        settings: what the next announcement follows (the queue replaces it; read once per announcement).
        voices: (id, name) of the engine's voices, Chinese ones first (set once the engine is up).
        voice_id: the default voice: the most Mandarin one installed, else the engine's first.
    """

    def __init__(
        self,
        backlog: SpeechBacklog,
        player: WavPlayer,
        engine_factory: Callable[[], Any],
        settings: Settings,
        report: Report,
    ) -> None:
        self.backlog = backlog
        self.player = player
        self.engine_factory = engine_factory
        self.settings = settings
        self.report = report
        self.voices: list[tuple[str, str]] = []
        self.voice_id: str | None = None
        self._engine: Any = None
        self._workdir: Path | None = None
        self._chimes: dict[int, Path] = {}

    def run(self) -> None:
        while not ENGINE_LOCK.acquire(timeout=0.1):
            if self.backlog.closed:
                return
        self._workdir = Path(tempfile.mkdtemp(prefix="seat-speech-"))
        try:
            self._start_engine()
            while (item := self.backlog.take()) is not None:
                try:
                    self._announce(item)
                finally:
                    self.backlog.done()
        except Exception:  # never die silently: log it; the queue then stops speaking
            log.exception("speech worker crashed")
        finally:
            self._drop_engine()
            shutil.rmtree(self._workdir, ignore_errors=True)
            ENGINE_LOCK.release()

    def _drop_engine(self, cancel: bool = False) -> None:
        if self._engine is not None:
            try:
                settle(self._engine, cancel)
            finally:
                self._engine = None

    def _start_engine(self) -> None:
        try:
            engine = self.engine_factory()
            voices = engine_voices(engine)
        except Exception as exc:
            log.warning("no speech engine: %s", exc)
            self.report("failed", "engine", str(exc) or type(exc).__name__)
            return
        self._engine = engine
        self.voices = [(vid, name) for vid, name, _ in voices]
        mandarin = [vid for vid, _, score in voices if score >= 3]
        chinese = mandarin or [vid for vid, _, score in voices if score > 0]
        self.voice_id = chinese[0] if chinese else (voices[0][0] if voices else None)
        log.info("speech engine up: voice %s of %d", self.voice_id, len(voices))
        if not chinese:
            self.report("failed", "no-chinese-voice", str(self.voice_id))
        self.report("ready", "", "")

    def _voice(self, settings: Settings) -> str | None:
        wanted = settings.speech_voice
        if wanted and wanted != self.voice_id:
            if any(vid == wanted for vid, _ in self.voices):
                return wanted
            self.report("failed", "voice", f"{wanted} → {self.voice_id}")
        return self.voice_id

    def _chime(self, volume: float) -> Path:
        """The chime at ``volume`` (rendered once per volume step into the work dir)."""
        assert self._workdir is not None
        step = round(volume * 100)
        if step not in self._chimes:
            self._chimes[step] = write_chime(self._workdir / f"chime-{step}.wav", step / 100)
        return self._chimes[step]

    def _announce(self, item: Announcement) -> None:
        settings = self.settings
        if settings.speech_muted:  # muted after it was queued
            return
        if self._engine is None:
            self._start_engine()
            if self._engine is None:
                return
        assert self._workdir is not None
        scale = 1.0 if item.volume is None else item.volume
        volume = min(1.0, max(0.0, settings.speech_volume * scale))
        properties: dict[str, Any] = {}
        if voice := self._voice(settings):
            properties["voice"] = voice  # first: a voice brings its own defaults
        properties |= {"rate": RATE_WPM, "volume": volume}
        self.report("started", item.text, item.severity)
        self.player.arm()
        try:
            speech = self._workdir / "utterance.wav"
            synthesize(self._engine, item.text, speech, properties)
            if settings.alert_chime:
                self.player.play(self._chime(volume))
            self.player.play(speech)
            self.report("ok", "", "")
        except SynthesisError as exc:
            log.warning("speech synthesis failed for %r: %s", item.text, exc)
            self._drop_engine(cancel=True)  # a fresh one next time: pyttsx3 may be stuck in its run loop
            self.report("failed", "synthesis", str(exc))
        except AudioUnavailable as exc:
            log.debug("no audio output: %s", exc)
            self.report("failed", "audio", str(exc))
        finally:
            self.report("finished", item.text, item.severity)
