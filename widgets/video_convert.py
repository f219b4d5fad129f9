"""Frames converted off the GUI thread: one worker thread for every camera tile of the process.

Scaling 16 streams of 25 frames a second to their tiles costs 0.3–1.3 ms a frame (more on a 4K wall),
which on the GUI thread is most of its time. A tile hands its latest frame to the worker (at most one
at a time: frames that arrive meanwhile are skipped, only the newest goes next) and gets a picture of
its size back; painting then only copies it. swscale releases the GIL, so the GUI thread runs while a
frame is scaled. Results come back through one relay QObject that lives as long as the process, so a
tile deleted while its frame is converted is simply not told.
"""

from __future__ import annotations

import atexit
import logging
import queue
import threading
import weakref
from dataclasses import dataclass
from typing import Protocol

import shiboken6
from PySide6.QtCore import QObject, QSize, Signal
from PySide6.QtGui import QImage

from widgets.video_frames import FrameConverter
from widgets.video_multimedia import QVideoFrame

log = logging.getLogger("widgets.video")


class Receiver(Protocol):
    def on_converted(self) -> None: ...


@dataclass
class Job:
    """One frame to convert; the worker fills ``image`` (None: unreadable) and sets ``done``."""

    key: int
    serial: int
    frame: QVideoFrame | None
    size: QSize
    converter: FrameConverter
    image: QImage | None = None
    done: bool = False


class _Relay(QObject):
    """Lives in the GUI thread: the worker's signal is queued to it, and it tells the tile."""

    converted = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.targets: weakref.WeakValueDictionary[int, Receiver] = weakref.WeakValueDictionary()
        self.converted.connect(self.on_converted)

    def on_converted(self, key: int) -> None:
        receiver = self.targets.get(key)
        if receiver is not None and shiboken6.isValid(receiver):
            receiver.on_converted()


class ConvertWorker:
    """The worker thread and its queue; make it on the GUI thread (``worker()`` does)."""

    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self._relay = _Relay()
        self._keys = 0
        self._thread = threading.Thread(target=self._run, name="video-convert", daemon=True)
        self._thread.start()

    def register(self, receiver: Receiver) -> int:
        """A key for ``receiver``'s jobs; it is told (``on_converted()``) when one is done."""
        self._keys += 1
        self._relay.targets[self._keys] = receiver
        return self._keys

    def submit(self, job: Job) -> None:
        self._jobs.put(job)

    def stop(self, timeout: float = 2.0) -> None:
        self._jobs.put(None)
        self._thread.join(timeout)

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            try:
                if job.frame is not None:
                    job.image = job.converter.to_image(job.frame, job.size)
            except Exception:
                log.exception("a video frame could not be converted")
            job.frame = None  # the decoder's buffer goes back now, not when the tile looks
            job.done = True
            self._relay.converted.emit(job.key)


_worker: ConvertWorker | None = None


def worker() -> ConvertWorker:
    """The process's worker, started on first use (from the GUI thread) and stopped at exit."""
    global _worker
    if _worker is None:
        _worker = ConvertWorker()
        atexit.register(_worker.stop)
    return _worker
