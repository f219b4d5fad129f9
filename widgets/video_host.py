"""Where a camera's QMediaPlayer lives: a thread of its own, so that releasing it never blocks the GUI.

Releasing a player whose network stream died uncleanly (a camera that lost power, a server gone) waits
for FFmpeg: Qt's FFmpeg closes the stream (an RTSP TEARDOWN that nobody answers) only after its network
timeout. Measured with a player on the GUI thread: the wall froze for 5 s with a 5 s timeout, 17 s with
Qt's default 20 s. Each attempt at playing a stream therefore gets a PlayerHost on a QThread of its own:
the player and its sink are made, stopped and deleted there. Their signals are re-emitted by the host
(signal to signal: no Python runs on the player's threads) and reach the stream's slots on the GUI
thread, with the host as their sender. A host's thread ends once the host is deleted; threads still
running at exit are waited for.
"""

from __future__ import annotations

import atexit

import shiboken6
from PySide6.QtCore import QObject, Qt, QThread, QUrl, Signal

from widgets.video_multimedia import QMediaPlayer, QPlaybackOptions, QVideoFrame, QVideoSink, quiet_ffmpeg

EXIT_WAIT_MS = 8000
_threads: set[QThread] = set()
_hosts: set[PlayerHost] = set()  # Python owns them: kept until they delete themselves


class PlayerHost(QObject):
    """One attempt at playing a stream. ``open()``/``close()`` are called from the GUI thread; the work
    happens on the host's thread.

    Signals (re-emitted from the player and sink): videoFrameChanged(QVideoFrame),
    errorOccurred(QMediaPlayer.Error, str), mediaStatusChanged(QMediaPlayer.MediaStatus).
    """

    videoFrameChanged = Signal(QVideoFrame)
    errorOccurred = Signal(QMediaPlayer.Error, str)
    mediaStatusChanged = Signal(QMediaPlayer.MediaStatus)
    _openRequested = Signal(QUrl, bool, int)
    _closeRequested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._player: QMediaPlayer | None = None
        self._openRequested.connect(self.on_self_openRequested)
        self._closeRequested.connect(self.on_self_closeRequested)

    def open(self, source: QUrl, loop: bool, network_timeout_ms: int) -> None:
        self._openRequested.emit(source, loop, network_timeout_ms)

    def close(self) -> None:
        """Stop and delete the player, then the host; the thread ends after. Safe to call twice."""
        if shiboken6.isValid(self):
            self._closeRequested.emit()

    def on_self_openRequested(self, source: QUrl, loop: bool, network_timeout_ms: int) -> None:
        player, sink = QMediaPlayer(self), QVideoSink(self)
        quiet_ffmpeg()  # Qt's FFmpeg is loaded now
        player.setVideoSink(sink)
        sink.videoFrameChanged.connect(self.videoFrameChanged)
        player.errorOccurred.connect(self.errorOccurred)
        player.mediaStatusChanged.connect(self.mediaStatusChanged)
        if loop:
            player.setLoops(QMediaPlayer.Loops.Infinite)
        else:
            options = QPlaybackOptions()
            options.setNetworkTimeout(network_timeout_ms)
            player.setPlaybackOptions(options)
        self._player = player
        player.setSource(source)
        player.play()

    def on_self_closeRequested(self) -> None:
        self.blockSignals(True)
        if self._player is not None:
            self._player.stop()
        self.deleteLater()  # with the player and the sink; this may wait for FFmpeg (see the module)


def start_host() -> PlayerHost:
    """A new host on a new thread (call from the GUI thread; connect to its signals, then ``open()``)."""
    thread = QThread()
    thread.setObjectName("camera-player")
    host = PlayerHost()
    host.moveToThread(thread)
    # Direct: quit() is thread-safe, and the GUI thread may be the one waiting for this thread.
    host.destroyed.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    thread.finished.connect(lambda t=thread, h=host: _forget(t, h))
    _threads.add(thread)
    _hosts.add(host)
    thread.start()
    return host


def _forget(thread: QThread, host: PlayerHost) -> None:
    _threads.discard(thread)
    _hosts.discard(host)
    thread.deleteLater()


def running_threads() -> int:
    return len(_threads)


def wait_for_threads(timeout_ms: int = EXIT_WAIT_MS) -> bool:
    """Wait until every host's thread has ended (they end once their player is released); True if all
    did. A QThread destroyed while it runs aborts the process, so this runs at exit (closing the hosts
    still open first)."""
    for host in list(_hosts):
        host.close()
    done = True
    for thread in list(_threads):
        done = thread.wait(timeout_ms) and done
    return done


atexit.register(wait_for_threads)
