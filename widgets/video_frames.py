"""Video frames to pictures: a decoded QVideoFrame converted and scaled to a tile's size in one pass.

QVideoFrame.toImage() converts at the frame's full size and, with no GPU (offscreen, a plain X server),
warns once per thread that it falls back to the CPU. We convert with FFmpeg's swscale (through PyAV)
instead: colour conversion and scaling to the size the tile draws happen together, into a 32-bit image
that QPainter draws without scaling, and swscale runs without holding the GIL.
"""

from __future__ import annotations

import av
import numpy as np
from av.video.plane import VideoPlane
from av.video.reformatter import ColorRange, Colorspace, Interpolation, VideoReformatter
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage

from widgets.video_multimedia import QVideoFrame, QVideoFrameFormat

PF = QVideoFrameFormat.PixelFormat
# Qt's pixel format → (FFmpeg's, the order of Qt's planes in FFmpeg's)
PIXEL_FORMATS: dict[QVideoFrameFormat.PixelFormat, tuple[str, tuple[int, ...]]] = {
    PF.Format_YUV420P: ("yuv420p", (0, 1, 2)),
    PF.Format_YV12: ("yuv420p", (0, 2, 1)),
    PF.Format_YUV422P: ("yuv422p", (0, 1, 2)),
    PF.Format_YUV420P10: ("yuv420p10le", (0, 1, 2)),
    PF.Format_NV12: ("nv12", (0, 1)),
    PF.Format_NV21: ("nv21", (0, 1)),
    PF.Format_P010: ("p010le", (0, 1)),
    PF.Format_P016: ("p016le", (0, 1)),
    PF.Format_UYVY: ("uyvy422", (0,)),
    PF.Format_YUYV: ("yuyv422", (0,)),
    PF.Format_Y8: ("gray", (0,)),
    PF.Format_Y16: ("gray16le", (0,)),
    PF.Format_ARGB8888: ("argb", (0,)),
    PF.Format_XRGB8888: ("0rgb", (0,)),
    PF.Format_BGRA8888: ("bgra", (0,)),
    PF.Format_BGRX8888: ("bgr0", (0,)),
    PF.Format_ABGR8888: ("abgr", (0,)),
    PF.Format_XBGR8888: ("0bgr", (0,)),
    PF.Format_RGBA8888: ("rgba", (0,)),
    PF.Format_RGBX8888: ("rgb0", (0,)),
}
COLOR_SPACES = {
    QVideoFrameFormat.ColorSpace.ColorSpace_BT709: Colorspace.ITU709,
    QVideoFrameFormat.ColorSpace.ColorSpace_BT601: Colorspace.ITU601,
    QVideoFrameFormat.ColorSpace.ColorSpace_BT2020: Colorspace.BT2020,
}
COLOR_RANGES = {
    QVideoFrameFormat.ColorRange.ColorRange_Full: ColorRange.JPEG,
    QVideoFrameFormat.ColorRange.ColorRange_Video: ColorRange.MPEG,
}


def fitted(frame: QSize, box: QSize) -> QSize:
    """The largest size with the frame's aspect ratio inside ``box`` (letterboxed)."""
    if frame.isEmpty() or box.isEmpty():
        return QSize()
    return frame.scaled(box, Qt.AspectRatioMode.KeepAspectRatio)


class FrameConverter:
    """Converts frames of one stream; keeps its swscale context and source frame between calls.

    Attributes:
        fallbacks: frames of a pixel format swscale is not told about, converted by Qt instead.
    """

    def __init__(self) -> None:
        self._reformatter = VideoReformatter()
        self._source: av.VideoFrame | None = None
        self._source_key: tuple[str, int, int] | None = None
        self.fallbacks = 0

    def to_image(self, frame: QVideoFrame, size: QSize) -> QImage | None:
        """The frame as a Format_RGB32 image of exactly ``size`` pixels; None if it cannot be read."""
        if size.isEmpty() or not frame.isValid():
            return None
        known = PIXEL_FORMATS.get(frame.pixelFormat())
        if known is None:
            self.fallbacks += 1
            return frame.toImage().scaled(size).convertToFormat(QImage.Format.Format_RGB32)
        av_format, order = known
        source = self._source_for(av_format, frame.width(), frame.height())
        if not frame.map(QVideoFrame.MapMode.ReadOnly):
            return None
        try:
            for plane, qt_plane in zip(source.planes, order, strict=True):
                copy_plane(frame.bits(qt_plane), frame.bytesPerLine(qt_plane), plane)
        finally:
            frame.unmap()
        surface = frame.surfaceFormat()
        picture = self._reformatter.reformat(
            source,
            width=size.width(),
            height=size.height(),
            format="bgra",
            src_colorspace=COLOR_SPACES.get(surface.colorSpace(), Colorspace.DEFAULT),
            src_color_range=COLOR_RANGES.get(surface.colorRange(), ColorRange.MPEG),
            interpolation=Interpolation.BILINEAR,
        )
        out = picture.planes[0]
        return QImage(bytes(out), size.width(), size.height(), out.line_size, QImage.Format.Format_RGB32)

    def _source_for(self, av_format: str, width: int, height: int) -> av.VideoFrame:
        key = (av_format, width, height)
        if self._source is None or self._source_key != key:
            self._source, self._source_key = av.VideoFrame(width, height, av_format), key
        return self._source


def copy_plane(mapped: bytes | bytearray | memoryview, stride: int, plane: VideoPlane) -> None:
    """Copy one mapped plane of Qt's into PyAV's frame (their line strides may differ)."""
    bits = memoryview(mapped)
    if stride == plane.line_size and bits.nbytes == plane.buffer_size:
        plane.update(bits)  # type: ignore[arg-type]  # any buffer will do
        return
    rows = min(plane.height, bits.nbytes // stride if stride else 0)
    row_bytes = min(stride, plane.line_size)
    source = np.frombuffer(bits, np.uint8, count=rows * stride).reshape(rows, stride)
    target = np.frombuffer(memoryview(plane), np.uint8).reshape(plane.height, plane.line_size)
    target[:rows, :row_bytes] = source[:, :row_bytes]
