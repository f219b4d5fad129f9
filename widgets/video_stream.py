"""One camera's stream: a QMediaPlayer into a QVideoSink, watched, and opened again when it fails.

A failure is an error, the end of a live stream, no first frame within ``connect_timeout_s`` (a real
camera's first picture waits for its next key frame), or no frame for ``stall_s`` seconds. After one the
player is released and the stream opened again after 1, 2, 5, then every 10 s. Files and simulated
cameras loop. The sink's signal is queued to the GUI thread: no Python runs on the player's threads (a
direct slot there deadlocks against ``QMediaPlayer.stop()``, which waits for them holding the GIL).

A player whose network stream died uncleanly (a camera that lost power, a server that stops answering)
is stuck in a read until FFmpeg's network timeout (``NETWORK_TIMEOUT_MS``; Qt's default is 20 s), and
``stop()`` alone waits for it on the GUI thread (3–17 s freezes measured). Setting an empty source first
cancels the read: the release takes milliseconds (tests/ui/test_video_release.py). Players on threads
of their own deadlocked here (a Python slot on a player's thread holds the GIL while it waits for a Qt
lock the GUI thread holds while it waits for the GIL), and moving a dying player to a thread of its own
leaves its backend's timers on the GUI thread.
"""

from __future__ import annotations

import concurrent.futures
import logging
import math
import time

from PySide6.QtCore import QObject, QTimer, QUrl, Signal

from app import sim_cameras
from widgets.video_multimedia import QMediaPlayer, QPlaybackOptions, QVideoFrame, QVideoSink, quiet_ffmpeg

log = logging.getLogger("widgets.video")

RETRY_DELAYS_S = (1, 2, 5, 10)  # then every 10 s
STALL_S = 3.0
CONNECT_TIMEOUT_S = 10.0
NETWORK_TIMEOUT_MS = 5000  # FFmpeg's network reads and connects (Qt's default: 20 s)
WATCH_MS = 250


class CameraStream(QObject):
    """Attributes:
        url, name: the camera's; player: the QMediaPlayer of the current attempt (None between them).
        reason: why the last attempt failed; retries: retries scheduled so far; retry_delay_s: the
        delay of the retry pending (None: none); last_frame_at: wall-clock time of the last frame.

    Signals:
        frameArrived(QVideoFrame): a valid frame, on the GUI thread.
        failed(str): the stream failed (the reason); a retry is scheduled.
    """

    frameArrived = Signal(object)  # QVideoFrame
    failed = Signal(str)

    def __init__(
        self, url: str, name: str, parent: QObject | None = None, *, stall_s: float = STALL_S
    ) -> None:
        super().__init__(parent)
        self.url, self.name = url, name
        self.stall_s, self.connect_timeout_s = stall_s, max(CONNECT_TIMEOUT_S, stall_s)
        self.player: QMediaPlayer | None = None
        self._sink: QVideoSink | None = None
        self.reason = ""
        self.retries = 0
        self.retry_delay_s: int | None = None
        self.last_frame_at: float | None = None
        self.running = False
        self._pending: concurrent.futures.Future[QUrl] | None = None
        self._failures = 0
        self._opened_at = self._last_frame_mono = self._retry_at = 0.0
        self._got_frame = False
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self.on_watch_timeout)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self.on_retry_timeout)

    def start(self) -> None:
        if not self.running:
            self.running = True
            self._watch.start()
            self._open()

    def stop(self) -> None:
        """Release the player and cancel the retry."""
        self.running = False
        self._watch.stop()
        self._retry.stop()
        self.retry_delay_s, self._pending = None, None
        self._close_player()

    def retry_in_s(self) -> int | None:
        """Whole seconds until the pending retry (None: none pending, an attempt is under way)."""
        if not self._retry.isActive():
            return None
        return max(1, math.ceil(self._retry_at - time.monotonic()))

    def _open(self) -> None:
        self.retry_delay_s = None
        self._opened_at = time.monotonic()
        try:
            ready = sim_cameras.ready(self.url, self.name)
        except ValueError as exc:
            self._fail(str(exc))
            return
        if ready is not None:
            self._play(ready)
        else:  # a simulated camera whose clip is being made
            self._pending = sim_cameras.prepare(self.url, self.name)

    def _play(self, source: QUrl) -> None:
        self._close_player()
        self.player, self._sink = QMediaPlayer(self), QVideoSink(self)
        quiet_ffmpeg()  # Qt's FFmpeg is loaded now
        self.player.setVideoSink(self._sink)
        self._sink.videoFrameChanged.connect(self.on_sink_videoFrameChanged)
        self.player.errorOccurred.connect(self.on_player_errorOccurred)
        self.player.mediaStatusChanged.connect(self.on_player_mediaStatusChanged)
        if source.isLocalFile():
            self.player.setLoops(QMediaPlayer.Loops.Infinite)
        else:
            options = QPlaybackOptions()
            options.setNetworkTimeout(NETWORK_TIMEOUT_MS)
            self.player.setPlaybackOptions(options)
        self._opened_at, self._got_frame = time.monotonic(), False
        self.player.setSource(source)
        self.player.play()

    def _close_player(self) -> None:
        player, sink = self.player, self._sink
        self.player = self._sink = None
        for item in (player, sink):
            if item is not None:
                item.blockSignals(True)
        if player is not None:
            # An empty source first: it cancels FFmpeg's pending network read at once, where stop()
            # alone waits for it until the network timeout when the stream died uncleanly.
            player.setSource(QUrl())
            player.stop()
            player.deleteLater()
        if sink is not None:
            sink.deleteLater()

    def _current(self, current: QObject | None) -> bool:
        """The signal comes from the current attempt's player or sink (not one being released)."""
        return current is not None and self.sender() is current

    def on_sink_videoFrameChanged(self, frame: QVideoFrame) -> None:
        if not self._current(self._sink) or not frame.isValid():
            return
        self._got_frame, self._failures, self.reason = True, 0, ""
        self._last_frame_mono = time.monotonic()
        self.last_frame_at = time.time()
        self.frameArrived.emit(frame)

    def on_player_errorOccurred(self, error: QMediaPlayer.Error, text: str) -> None:
        if not self._current(self.player) or error == QMediaPlayer.Error.NoError:
            return
        reasons = {
            QMediaPlayer.Error.ResourceError: self.tr("The stream could not be opened"),
            QMediaPlayer.Error.FormatError: self.tr("The stream's format is not supported"),
            QMediaPlayer.Error.NetworkError: self.tr("Network error"),
            QMediaPlayer.Error.AccessDeniedError: self.tr("Access to the stream was denied"),
        }
        reason = reasons.get(error, self.tr("The stream failed"))
        self._fail(f"{reason} ({text})" if text else reason)

    def on_player_mediaStatusChanged(self, status: QMediaPlayer.MediaStatus) -> None:
        if not self._current(self.player):
            return
        if status == QMediaPlayer.MediaStatus.EndOfMedia:
            self._fail(self.tr("The stream ended"))
        elif status == QMediaPlayer.MediaStatus.InvalidMedia:
            self._fail(self.tr("The stream could not be played"))

    def on_watch_timeout(self) -> None:
        pending = self._pending
        if pending is not None and pending.done():
            self._pending = None
            try:
                self._play(pending.result())
            except Exception as exc:  # the clip could not be made (disk full, no Qt fonts …)
                self._fail(self.tr("The simulated camera could not be made: {error}").format(error=exc))
            return
        if self.player is None:
            return
        since = time.monotonic() - (self._last_frame_mono if self._got_frame else self._opened_at)
        if not self._got_frame:
            if since > self.connect_timeout_s:
                self._fail(self.tr("No picture for {seconds} s").format(seconds=round(since)))
        elif since > self.stall_s:
            self._fail(self.tr("No picture for {seconds} s").format(seconds=round(since)))

    def on_retry_timeout(self) -> None:
        if self.running:
            log.info("camera %s: retrying %s", self.name, self.url)
            self._open()

    def _fail(self, reason: str) -> None:
        self._close_player()
        self._pending = None
        self.reason = reason
        delay = RETRY_DELAYS_S[min(self._failures, len(RETRY_DELAYS_S) - 1)]
        self._failures += 1
        self.retries += 1
        self.retry_delay_s = delay
        self._retry_at = time.monotonic() + delay
        self._retry.start(delay * 1000)
        level = logging.WARNING if self._failures == 1 else logging.INFO  # once, not every 10 s
        log.log(level, "camera %s (%s): no signal: %s; retrying in %d s", self.name, self.url, reason, delay)
        self.failed.emit(reason)
