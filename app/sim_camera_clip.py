"""The picture of a simulated camera: a short H.264 clip of a street scene that moves, with the camera's
name and a running clock burned in, drawn with QPainter and encoded with PyAV (libx264).

Every camera id gets its own colours, traffic and speeds, so two tiles never show the same picture. The
clip loops on the wall; its key frames come once a second, like a real camera's, and it has no B-frames.
Drawing text needs a QGuiApplication (fonts); it may run on any thread.
"""

from __future__ import annotations

import math
import random
import zlib
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QLinearGradient, QPainter

WIDTH, HEIGHT, FPS, SECONDS = 640, 360, 25, 10
FONT_FAMILIES = ["WenQuanYi Micro Hei", "Noto Sans CJK SC", "DejaVu Sans"]
ENCODER_OPTIONS = {"preset": "veryfast", "crf": "28", "g": str(FPS), "bframes": "0"}
LANES = 4


@dataclass(frozen=True)
class Look:
    """What makes one camera's scene its own (derived from its id)."""

    hue: int
    horizon: float  # fraction of the height
    speeds: tuple[float, ...]  # px/s of the vehicles, one per lane (negative: right to left)
    offsets: tuple[float, ...]
    hues: tuple[int, ...]
    phase: float  # where the sun is at the clip's start


def look_for(camera_id: str) -> Look:
    rng = random.Random(zlib.crc32(camera_id.encode("utf-8")))
    speeds = tuple(rng.uniform(60, 180) * (1 if lane % 2 else -1) for lane in range(LANES))
    return Look(
        hue=rng.randrange(360),
        horizon=rng.uniform(0.35, 0.5),
        speeds=speeds,
        offsets=tuple(rng.uniform(0, WIDTH) for _ in range(LANES)),
        hues=tuple(rng.randrange(360) for _ in range(LANES)),
        phase=rng.uniform(0, 2 * math.pi),
    )


def clock_text(seconds: float) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"{int(minutes):02d}:{rest:05.2f}"


class SceneRenderer:
    """Draws frame ``index`` of a camera's scene onto one reused QImage (Format_RGB32)."""

    def __init__(self, camera_id: str, name: str, width: int = WIDTH, height: int = HEIGHT) -> None:
        self.camera_id, self.name = camera_id, name
        self.width, self.height = width, height
        self.look = look_for(camera_id)
        self.image = QImage(width, height, QImage.Format.Format_RGB32)
        self.name_font = QFont(FONT_FAMILIES)
        self.name_font.setPixelSize(max(12, height // 16))
        self.clock_font = QFont(["DejaVu Sans Mono", *FONT_FAMILIES])
        self.clock_font.setPixelSize(max(10, height // 20))

    def render(self, index: int, fps: int = FPS) -> QImage:
        seconds = index / fps
        painter = QPainter(self.image)
        try:
            self._scene(painter, seconds)
            self._overlay(painter, seconds, index)
        finally:
            painter.end()
        return self.image

    def _scene(self, painter: QPainter, seconds: float) -> None:
        look, width, height = self.look, self.width, self.height
        horizon = height * look.horizon
        sky = QLinearGradient(0, 0, 0, horizon)
        sky.setColorAt(0, QColor.fromHsv((look.hue + int(seconds * 3)) % 360, 90, 150))
        sky.setColorAt(1, QColor.fromHsv((look.hue + 30) % 360, 60, 200))
        painter.fillRect(QRectF(0, 0, width, horizon), sky)
        painter.fillRect(QRectF(0, horizon, width, height - horizon), QColor.fromHsv(look.hue, 30, 60))
        painter.setPen(Qt.PenStyle.NoPen)
        sun_x = width * (0.5 + 0.4 * math.sin(look.phase + seconds * 2 * math.pi / SECONDS))
        painter.setBrush(QColor(255, 240, 200, 200))
        painter.drawEllipse(QRectF(sun_x - 18, horizon * 0.3, 36, 36))
        lane_height = (height - horizon) / (LANES + 1)
        for lane, (speed, offset, hue) in enumerate(zip(look.speeds, look.offsets, look.hues, strict=True)):
            top = horizon + lane_height * (lane + 0.7)
            painter.fillRect(QRectF(0, top + lane_height * 0.5, width, 2), QColor(220, 220, 200, 90))
            span = width + 120
            x = (offset + speed * seconds) % span - 100
            painter.setBrush(QColor.fromHsv(hue, 190, 230))
            painter.drawRoundedRect(QRectF(x, top, 84, lane_height * 0.42), 4, 4)

    def _overlay(self, painter: QPainter, seconds: float, index: int) -> None:
        width, height = self.width, self.height
        band = QRectF(0, height - height / 9, width, height / 9)
        painter.fillRect(band, QColor(0, 0, 0, 140))
        painter.setPen(QColor("white"))
        painter.setFont(self.name_font)
        text_box = band.adjusted(10, 0, -10, 0)
        flags = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(text_box, flags | Qt.AlignmentFlag.AlignLeft, self.name)
        painter.setFont(self.clock_font)
        clock = f"SIM {self.camera_id}  {clock_text(seconds)}  #{index:04d}"
        painter.drawText(text_box, flags | Qt.AlignmentFlag.AlignRight, clock)


def write_clip(
    path: Path,
    camera_id: str,
    name: str,
    *,
    seconds: float = SECONDS,
    fps: int = FPS,
    size: tuple[int, int] = (WIDTH, HEIGHT),
) -> int:
    """Encode the camera's clip as an H.264 MP4 at ``path`` (overwritten); returns the frame count."""
    if QGuiApplication.instance() is None:
        raise RuntimeError("simulated camera clips are drawn with Qt: create a QGuiApplication first")
    width, height = size
    renderer = SceneRenderer(camera_id, name, width, height)
    frames = max(1, round(seconds * fps))
    with av.open(str(path), "w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=fps, options=ENCODER_OPTIONS)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        for index in range(frames):
            image = renderer.render(index, fps)
            pixels = np.frombuffer(image.constBits(), np.uint8).reshape(height, image.bytesPerLine() // 4, 4)
            frame = av.VideoFrame.from_ndarray(pixels[:, :width], format="bgra")
            frame.pts = index
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    return frames
