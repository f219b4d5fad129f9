"""A camera tile of the video wall: one camera's stream (``widgets.video_stream``: its own QMediaPlayer
and QVideoSink, watched and reopened), the latest frame painted letterboxed, a title bar (name,
LIVE / NO SIGNAL, time) drawn over it.

A stream that fails shows a dark "no signal" panel with the reason, the time of the last picture and
the retry countdown — never the last frame as if it were live. The latest frame of a visible tile is
scaled to the tile on the conversion worker (``widgets.video_convert``); painting only copies it.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from widgets.video_convert import Job, worker
from widgets.video_frames import FrameConverter, fitted
from widgets.video_multimedia import QVideoFrame
from widgets.video_paint import TitleBar, paint_panel, paint_picture
from widgets.video_stream import STALL_S, CameraStream

BLACK = QColor("black")
STATES = ("connecting", "live", "no_signal")
CLOCK_MS = 500


class VideoTile(QWidget):
    """One camera's picture.

    Attributes:
        name, url: the camera's (``url``: rtsp://, http(s)://, file://, sim://ID or a local path).
        stream: its CameraStream (player, retries, retry_delay_s, last_frame_at).
        state: connecting (first opening), live (frames arrive), no_signal (failed; retrying).
        reason: why there is no signal ("" while live).
        frames_decoded: valid frames the player delivered; frames_shown: distinct frames painted.

    Signals:
        stateChanged(str): the new state.
    """

    stateChanged = Signal(str)

    def __init__(
        self,
        name: str,
        url: str,
        parent: QWidget | None = None,
        *,
        stall_s: float = STALL_S,
        autostart: bool = True,
    ) -> None:
        super().__init__(parent)
        self.name, self.url = name, url
        self.state = "connecting"
        self.reason = ""
        self.frames_decoded = self.frames_shown = 0
        self.stream = CameraStream(url, name, self, stall_s=stall_s)
        self.stream.frameArrived.connect(self.on_stream_frameArrived)
        self.stream.failed.connect(self.on_stream_failed)
        self._frame: QVideoFrame | None = None
        self._frame_serial = 0
        self._image: QImage | None = None
        self._image_serial = self._shown_serial = self._stale_serial = -1
        self._job: Job | None = None
        self._converter = FrameConverter()
        self._key = worker().register(self)
        self._bar = TitleBar()
        self._clock_shown = ""
        self._clock = QTimer(self)  # the panel's clock and retry countdown
        self._clock.setInterval(CLOCK_MS)
        self._clock.timeout.connect(self.on_clock_timeout)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(64, 36)
        if autostart:
            self.start()

    def sizeHint(self) -> QSize:
        return QSize(320, 180)

    @property
    def running(self) -> bool:
        return self.stream.running

    @property
    def retries(self) -> int:
        return self.stream.retries

    @property
    def retry_delay_s(self) -> int | None:
        return self.stream.retry_delay_s

    @property
    def last_frame_at(self) -> float | None:
        return self.stream.last_frame_at

    def start(self) -> None:
        """Open the stream (the constructor does unless ``autostart=False``)."""
        self.stream.start()
        self._clock.start()

    def stop(self) -> None:
        """Release the player; the tile shows nothing live until ``start()``."""
        self.stream.stop()
        self._clock.stop()
        self._drop_picture()
        self.update()

    # --- frames -------------------------------------------------------------------------------------------

    def on_stream_frameArrived(self, frame: QVideoFrame) -> None:
        self.frames_decoded += 1
        self._frame = frame
        self._frame_serial += 1
        if self.state != "live":
            self.reason = ""
            self._set_state("live")
        self._convert()

    def on_stream_failed(self, reason: str) -> None:
        self.reason = reason
        self._drop_picture()
        self._set_state("no_signal")
        self.update()

    def _drop_picture(self) -> None:
        """Never paint a picture of a stream that is gone, nor one of its frames still converting."""
        self._frame, self._image = None, None
        self._stale_serial = self._frame_serial

    def _convert(self) -> None:
        """Hand the latest frame to the worker, unless one is there already or nobody would see it."""
        if self._frame is None or (self._job is not None and not self._job.done) or not self.isVisible():
            return
        if self._image_serial == self._frame_serial and self._image_fits():
            return
        job = Job(self._key, self._frame_serial, self._frame, self._picture_size(), self._converter)
        self._job = job
        worker().submit(job)

    def on_converted(self) -> None:
        """The worker is done with this tile's frame (``widgets.video_convert``)."""
        job = self._job
        if job is None or not job.done:
            return
        if job.image is not None and job.serial > self._stale_serial and self._frame is not None:
            job.image.setDevicePixelRatio(self.devicePixelRatioF())
            self._image, self._image_serial = job.image, job.serial
            self.update()
        self._convert()  # a newer frame came meanwhile, or the tile's size changed

    def _picture_size(self) -> QSize:
        """The frame's size fitted into the tile, in device pixels."""
        ratio = self.devicePixelRatioF()
        box = QSize(round(self.width() * ratio), round(self.height() * ratio))
        return fitted(self._frame.size(), box) if self._frame is not None else QSize()

    def _image_fits(self) -> bool:
        return self._image is not None and self._image.size() == self._picture_size()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._convert()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._convert()

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.stateChanged.emit(state)

    # --- painting -----------------------------------------------------------------------------------------

    def on_clock_timeout(self) -> None:
        if self.state != "live" and time.strftime("%H:%M:%S") != self._clock_shown:
            self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            rect = self.rect()
            if self.state == "live" and self.running:
                if self._image is not None:
                    if self._image_serial != self._shown_serial:
                        self._shown_serial = self._image_serial
                        self.frames_shown += 1
                    paint_picture(painter, rect, self._image)
                else:  # the first picture is being converted
                    painter.fillRect(rect, BLACK)
            else:
                self._paint_panel(painter, rect)
            self._clock_shown = time.strftime("%H:%M:%S")
            shown, word = self._bar_state()
            bar = self._bar.image(rect.width(), rect.height(), self.name, shown, word, self._clock_shown)
            painter.drawImage(0, 0, bar)
        finally:
            painter.end()

    def _bar_state(self) -> tuple[str, str]:
        """What the title bar says: the state (its colour) and its word."""
        if not self.running:
            return "stopped", self.tr("STOPPED")
        words = {"live": self.tr("LIVE"), "no_signal": self.tr("NO SIGNAL")}
        return self.state, words.get(self.state, self.tr("CONNECTING"))

    def _paint_panel(self, painter: QPainter, rect: QRect) -> None:
        lines: list[str] = []
        if not self.running:
            headline = self.tr("Stopped")
        elif self.state == "no_signal":
            headline = self.tr("NO SIGNAL")
            lines.append(self.reason)
            if self.last_frame_at is not None:
                at = time.strftime("%H:%M:%S", time.localtime(self.last_frame_at))
                lines.append(self.tr("Last picture at {time}").format(time=at))
            else:
                lines.append(self.tr("No picture received yet"))
            left = self.stream.retry_in_s()
            if left is not None:
                lines.append(self.tr("Retrying in {seconds} s").format(seconds=left))
            else:
                lines.append(self.tr("Reconnecting…"))
        else:
            headline = self.tr("Connecting…")
        paint_panel(painter, rect, self.state, headline, lines)
