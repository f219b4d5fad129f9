"""Frames to pictures: planar, semi-planar and packed frames with odd widths (line padding) come out in
the right colours at the size asked for."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage

from widgets.video_frames import FrameConverter, fitted
from widgets.video_multimedia import QVideoFrame, QVideoFrameFormat

PF = QVideoFrameFormat.PixelFormat
RED_YUV = (81, 90, 240)  # BT.601, video range


def fill(frame: QVideoFrame, plane: int, pattern: bytes) -> None:
    bits = memoryview(frame.bits(plane))
    size = frame.mappedBytes(plane)
    bits[:size] = (pattern * (size // len(pattern) + 1))[:size]


def make_frame(pixel_format: QVideoFrameFormat.PixelFormat, width: int, height: int) -> QVideoFrame:
    frame = QVideoFrame(QVideoFrameFormat(QSize(width, height), pixel_format))
    assert frame.map(QVideoFrame.MapMode.WriteOnly)
    y, u, v = RED_YUV
    if pixel_format == PF.Format_YUV420P:
        fill(frame, 0, bytes([y]))
        fill(frame, 1, bytes([u]))
        fill(frame, 2, bytes([v]))
    elif pixel_format == PF.Format_NV12:
        fill(frame, 0, bytes([y]))
        fill(frame, 1, bytes([u, v]))
    else:  # BGRA
        fill(frame, 0, bytes([0, 0, 255, 255]))
    frame.unmap()
    return frame


def close_to(colour: QColor, expected: QColor, slack: int = 12) -> bool:
    got = (colour.red(), colour.green(), colour.blue())
    want = (expected.red(), expected.green(), expected.blue())
    return all(abs(a - b) <= slack for a, b in zip(got, want, strict=True))


@pytest.mark.parametrize("pixel_format", [PF.Format_YUV420P, PF.Format_NV12, PF.Format_BGRA8888])
def test_converts_and_scales_in_one_pass(qapp: Any, pixel_format: QVideoFrameFormat.PixelFormat) -> None:
    converter = FrameConverter()
    frame = make_frame(pixel_format, 650, 366)  # not a multiple of 32: Qt's and FFmpeg's strides differ
    image = converter.to_image(frame, QSize(325, 183))
    assert image is not None
    assert image.size() == QSize(325, 183) and image.format() == QImage.Format.Format_RGB32
    for x, y in ((0, 0), (162, 91), (324, 182)):
        assert close_to(image.pixelColor(x, y), QColor(255, 0, 0)), image.pixelColor(x, y).name()
    assert converter.fallbacks == 0


def test_an_empty_size_or_frame_gives_nothing(qapp: Any) -> None:
    converter = FrameConverter()
    assert converter.to_image(make_frame(PF.Format_YUV420P, 64, 36), QSize()) is None
    assert converter.to_image(QVideoFrame(), QSize(64, 36)) is None


def test_fitted_keeps_the_aspect_ratio() -> None:
    assert fitted(QSize(640, 360), QSize(480, 480)) == QSize(480, 270)
    assert fitted(QSize(640, 360), QSize(960, 270)) == QSize(480, 270)
    assert fitted(QSize(640, 360), QSize()) == QSize()
