"""SpeechQueue with the real pyttsx3 + espeak-ng engine on its worker thread.

The speaker of a headless test is a directory: RecordingPlayer copies each WAV it is given there (and can
hold the worker in its first play, so that announcements pile up behind it). The failure paths use the
real WavPlayer with players that do not exist or fail, and engines that cannot start or synthesise.
"""

from __future__ import annotations

import array
import gc
import math
import shutil
import sys
import threading
import wave
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QObject
from pyttsx3.voice import Voice

from app.settings import Settings
from app.speech import SpeechQueue
from app.speech_player import AudioUnavailable, WavPlayer

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="espeak-ng from the loader: Linux"
)

MakeQueue = Callable[..., SpeechQueue]


class RecordingPlayer(WavPlayer):
    """Copies every WAV it plays into ``directory``; with ``hold`` the first play waits for ``release``."""

    def __init__(self, directory: Path, hold: bool = False) -> None:
        super().__init__(commands=())
        self.directory = directory
        self.played: list[Path] = []
        self._gate = threading.Event()
        if not hold:
            self._gate.set()
        self.holding = threading.Event()

    def play(self, path: Path) -> None:
        if self._cancelled:
            return
        copy = self.directory / f"{len(self.played):03d}-{path.name}"
        shutil.copy(path, copy)
        self.played.append(copy)
        self.holding.set()
        self._gate.wait(60)

    def release(self) -> None:
        self._gate.set()

    def cancel(self) -> None:
        super().cancel()
        self._gate.set()

    def speech(self) -> list[Path]:
        return [p for p in self.played if "utterance" in p.name]


@pytest.fixture
def make_queue(qtbot: Any) -> Iterator[MakeQueue]:
    queues: list[SpeechQueue] = []

    def make(**kwargs: Any) -> SpeechQueue:
        queue = SpeechQueue(**kwargs)
        queues.append(queue)
        return queue

    yield make
    for queue in queues:
        queue.stop(timeout=30)
        assert not queue.is_running()


def settle(qtbot: Any, queue: SpeechQueue) -> None:
    """Wait until the worker has nothing left, then deliver what it reported."""
    qtbot.waitUntil(lambda: queue.pending() == 0, timeout=60_000)
    QCoreApplication.processEvents()


def rms(path: Path) -> float:
    with wave.open(str(path), "rb") as wav:
        samples = array.array("h", wav.readframes(wav.getnframes()))
    return math.sqrt(sum(s * s for s in samples) / max(1, len(samples)))


def test_louder_announcements_go_first_in_arrival_order_within_a_severity(
    qtbot: Any, make_queue: MakeQueue, tmp_path: Path
) -> None:
    player = RecordingPlayer(tmp_path, hold=True)
    queue = make_queue(player=player)
    started: list[str] = []
    in_gui_thread: list[bool] = []
    queue.started.connect(started.append)
    queue.started.connect(
        lambda _: in_gui_thread.append(threading.current_thread() is threading.main_thread())
    )
    assert queue.announce("一号：道路积水", "Moderate")
    assert player.holding.wait(60)  # the worker is busy with the first one
    for text, severity in [
        ("二号：路灯损坏", "Moderate"),
        ("三号：燃气泄漏", "Extreme"),
        ("四号：河道漫堤", "Severe"),
        ("五号：噪声扰民", "Moderate"),
        ("六号：楼房倒塌", "Extreme"),
    ]:
        assert queue.announce(text, severity)
    player.release()
    settle(qtbot, queue)
    assert started == [
        "一号：道路积水",
        "三号：燃气泄漏",
        "六号：楼房倒塌",
        "四号：河道漫堤",
        "二号：路灯损坏",
        "五号：噪声扰民",
    ]
    assert queue.received == [
        "一号：道路积水",
        "二号：路灯损坏",
        "三号：燃气泄漏",
        "四号：河道漫堤",
        "五号：噪声扰民",
        "六号：楼房倒塌",
    ]
    assert all(in_gui_thread) and len(in_gui_thread) == 6
    # Each announcement: the chime, then the speech, which is real audio.
    assert ["chime" in p.name for p in player.played] == [True, False] * 6
    assert all(rms(p) > 300 for p in player.speech())


def test_minor_alerts_are_not_spoken_by_default(qtbot: Any, make_queue: MakeQueue, tmp_path: Path) -> None:
    queue = make_queue(player=RecordingPlayer(tmp_path))
    assert not queue.announce("轻微：井盖松动", "Minor")
    assert queue.announce("一般：道路积水", "Moderate")
    queue.apply_settings(Settings(speech_min_severity="Minor"))
    assert queue.announce("轻微：井盖松动", "Minor")
    queue.apply_settings(Settings(speech_min_severity="Extreme"))
    assert not queue.announce("严重：河道漫堤", "Severe")
    settle(qtbot, queue)
    assert queue.received == ["一般：道路积水", "轻微：井盖松动"]


def test_mute_silences_what_waits_and_what_plays(qtbot: Any, make_queue: MakeQueue, tmp_path: Path) -> None:
    player = RecordingPlayer(tmp_path, hold=True)
    queue = make_queue(player=player)
    finished: list[str] = []
    queue.finished.connect(finished.append)
    queue.announce("甲", "Severe")
    assert player.holding.wait(60)
    queue.announce("乙", "Severe")
    queue.announce("丙", "Extreme")
    queue.apply_settings(Settings(speech_muted=True))
    assert not queue.announce("丁", "Extreme")
    settle(qtbot, queue)
    assert finished == ["甲"]
    assert len(player.played) == 1  # its chime; the speech after it was cut
    queue.apply_settings(Settings())
    assert queue.announce("戊", "Severe")
    settle(qtbot, queue)
    assert finished == ["甲", "戊"]
    assert queue.received == ["甲", "乙", "丙", "戊"]


def test_full_queue_drops_quieter_announcements_never_extreme(
    qtbot: Any, make_queue: MakeQueue, tmp_path: Path
) -> None:
    player = RecordingPlayer(tmp_path, hold=True)
    queue = make_queue(player=player, capacity=2)
    started: list[str] = []
    queue.started.connect(started.append)
    queue.announce("A", "Moderate")
    assert player.holding.wait(60)
    assert queue.announce("B", "Moderate")
    assert queue.announce("C", "Moderate")
    assert queue.announce("D", "Severe")  # B goes
    assert not queue.announce("E", "Moderate")  # only louder or older ones wait: E goes
    assert queue.announce("F", "Extreme")  # C goes
    assert queue.announce("G", "Extreme")  # D goes
    assert queue.announce("H", "Extreme")  # nothing may go: the backlog grows
    assert queue.backlog.dropped == ["B", "E", "C", "D"]
    player.release()
    settle(qtbot, queue)
    assert started == ["A", "F", "G", "H"]
    assert queue.received == ["A", "B", "C", "D", "F", "G", "H"]


def test_an_engine_that_cannot_start_is_reported_once(qtbot: Any, make_queue: MakeQueue) -> None:
    def no_engine() -> Any:
        raise RuntimeError("no speech driver on this seat")

    queue = make_queue(engine_factory=no_engine)
    failed: list[str] = []
    started: list[str] = []
    queue.failed.connect(failed.append)
    queue.started.connect(started.append)
    for text in ("一", "二", "三"):
        assert queue.announce(text, "Severe")
    settle(qtbot, queue)
    assert failed == ["No speech engine: no speech driver on this seat"]
    assert started == []
    assert queue.is_running()  # it keeps taking announcements (and tries the engine again each time)
    assert queue.voices() == [] and queue.voice_id is None


class BrokenEngine:
    """A pyttsx3-shaped engine with one English voice whose synthesis fails (a damaged SAPI5 voice)."""

    def getProperty(self, name: str) -> Any:
        return [Voice(id="en", name="English", languages=["en"])]

    def connect(self, topic: str, cb: Any) -> dict[str, Any]:
        return {"topic": topic, "cb": cb}

    def disconnect(self, token: dict[str, Any]) -> None:
        pass

    def setProperty(self, name: str, value: Any) -> None:
        pass

    def save_to_file(self, text: str, filename: str) -> None:
        raise OSError("the voice data is damaged")

    def runAndWait(self) -> None:
        pass


def test_failing_synthesis_and_a_missing_chinese_voice_are_each_reported_once(
    qtbot: Any, make_queue: MakeQueue, tmp_path: Path
) -> None:
    queue = make_queue(engine_factory=BrokenEngine, player=RecordingPlayer(tmp_path))
    failed: list[str] = []
    finished: list[str] = []
    queue.failed.connect(failed.append)
    queue.finished.connect(finished.append)
    for text in ("一", "二", "三"):
        queue.announce(text, "Extreme")
    settle(qtbot, queue)
    assert failed == [
        "No Chinese voice is installed; announcements use the voice en",
        "Speech synthesis failed: OSError: the voice data is damaged",
    ]
    assert finished == ["一", "二", "三"]


def test_no_audio_output_is_reported_once_and_speech_goes_on(qtbot: Any, make_queue: MakeQueue) -> None:
    queue = make_queue(player=WavPlayer(commands=(("seat-test-no-such-player",),)))
    failed: list[str] = []
    finished: list[str] = []
    queue.failed.connect(failed.append)
    queue.finished.connect(finished.append)
    for text in ("一号预警", "二号预警", "三号预警"):
        queue.announce(text, "Severe")
    settle(qtbot, queue)
    assert failed == ["No audio output: no audio player program found (looked for seat-test-no-such-player)"]
    assert finished == ["一号预警", "二号预警", "三号预警"]


def test_the_mandarin_voice_is_chosen_and_an_unknown_one_is_reported(
    qtbot: Any, make_queue: MakeQueue, tmp_path: Path
) -> None:
    queue = make_queue(player=RecordingPlayer(tmp_path), settings=Settings(speech_voice="no/such-voice"))
    failed: list[str] = []
    queue.failed.connect(failed.append)
    with qtbot.waitSignal(queue.ready, timeout=60_000):
        pass
    assert queue.voice_id == "sit/cmn"
    assert queue.voices()[0] == ("sit/cmn", "Chinese (Mandarin, latin as English)")
    queue.announce("一", "Severe")
    queue.announce("二", "Severe")
    settle(qtbot, queue)
    assert failed == ["The chosen voice is not installed (no/such-voice → sit/cmn)"]


def test_volume_and_chime_follow_the_settings(qtbot: Any, make_queue: MakeQueue, tmp_path: Path) -> None:
    player = RecordingPlayer(tmp_path)
    queue = make_queue(player=player, settings=Settings(speech_volume=1.0))
    queue.announce("请立即处置", "Severe")
    settle(qtbot, queue)
    queue.apply_settings(Settings(speech_volume=0.2, alert_chime=False))
    queue.announce("请立即处置", "Severe")
    settle(qtbot, queue)
    assert ["chime" in p.name for p in player.played] == [True, False, False]
    loud, quiet = player.speech()
    assert rms(quiet) < 0.5 * rms(loud)


def test_stop_cuts_playback_short_and_joins_the_worker(qtbot: Any, tmp_path: Path) -> None:
    # A real player process that would play for 30 s.
    queue = SpeechQueue(player=WavPlayer(commands=(("sh", "-c", "exec sleep 30", "player"),)))
    with qtbot.waitSignal(queue.started, timeout=60_000):
        queue.announce("一号预警", "Extreme")
    queue.stop(timeout=20)
    assert not queue.is_running()
    assert not queue.announce("二号预警", "Extreme")


def test_player_reports_why_it_could_not_play(tmp_path: Path) -> None:
    from app.chime import chime_path

    with pytest.raises(AudioUnavailable, match=r"false: exit status 1"):
        WavPlayer(commands=(("false",),)).play(chime_path())
    WavPlayer(commands=(("false",), ("true",))).play(chime_path())  # falls back to the next player


def test_a_queue_dropped_without_stop_ends_its_worker(qtbot: Any, tmp_path: Path) -> None:
    """Else its thread would keep the engine (and the one-engine lock) for the rest of the process."""
    queue = SpeechQueue(player=RecordingPlayer(tmp_path))
    thread, backlog = queue._thread, queue.backlog
    queue.announce("一号预警", "Severe")
    qtbot.waitUntil(lambda: backlog.pending() == 0, timeout=60_000)
    del queue
    gc.collect()
    thread.join(30)
    assert not thread.is_alive()


def test_a_queue_deleted_with_its_parent_ends_its_worker(qtbot: Any, tmp_path: Path) -> None:
    parent = QObject()
    queue = SpeechQueue(player=RecordingPlayer(tmp_path), parent=parent)
    thread = queue._thread
    shiboken6.delete(parent)
    thread.join(30)
    assert not thread.is_alive()
