"""What a camera tile draws: the picture letterboxed, its title bar and the dark "no signal" panel.

The title bar is drawn into a cached image that changes at most once a second (the clock), so a tile
showing 25 frames a second draws its text once a second, not 25 times.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter

from widgets.video_frames import fitted

BAR_BACKGROUND = QColor(0, 0, 0, 150)
PANEL_BACKGROUND = QColor("#15171a")
BLACK = QColor("black")
TEXT = QColor("#e4e7ec")
MUTED = QColor("#98a2b3")
STATE_COLOURS = {"live": QColor("#12b76a"), "connecting": QColor("#f79009"), "no_signal": QColor("#f04438")}


def font_for(height: int, bold: bool = False) -> QFont:
    """A font sized for a tile ``height`` pixels high (11–16 px)."""
    font = QFont()
    font.setPixelSize(max(11, min(16, height // 22)))
    font.setBold(bold)
    return font


class TitleBar:
    """The bar over the top of a camera tile: name on the left; state dot, state word and time on the
    right. ``image()`` redraws only when something shown changed."""

    def __init__(self) -> None:
        self._key: tuple[object, ...] | None = None
        self._image = QImage()

    def height(self, tile_height: int) -> int:
        return QFontMetrics(font_for(tile_height)).height() + 8

    def image(self, width: int, tile_height: int, name: str, state: str, word: str, clock: str) -> QImage:
        key = (width, tile_height, name, state, word, clock)
        if key != self._key:
            self._key, self._image = key, self._draw(width, tile_height, name, state, word, clock)
        return self._image

    def _draw(self, width: int, tile_height: int, name: str, state: str, word: str, clock: str) -> QImage:
        height = self.height(tile_height)
        image = QImage(max(1, width), height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(BAR_BACKGROUND)
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            font = font_for(tile_height)
            bold = font_for(tile_height, bold=True)
            metrics, bold_metrics = QFontMetrics(font), QFontMetrics(bold)
            right = width - 8
            painter.setFont(font)
            painter.setPen(TEXT)
            clock_width = metrics.horizontalAdvance(clock)
            middle = Qt.AlignmentFlag.AlignVCenter
            painter.drawText(QRect(right - clock_width, 0, clock_width, height), middle, clock)
            right -= clock_width + 10
            colour = STATE_COLOURS.get(state, MUTED)
            word_width = bold_metrics.horizontalAdvance(word)
            painter.setFont(bold)
            painter.setPen(colour)
            painter.drawText(QRect(right - word_width, 0, word_width, height), middle, word)
            right -= word_width + 6
            dot = max(6, height // 3)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(QRectF(right - dot, (height - dot) / 2, dot, dot))
            right -= dot + 12
            painter.setFont(bold)
            painter.setPen(TEXT)
            shown = bold_metrics.elidedText(name, Qt.TextElideMode.ElideRight, max(0, right - 8))
            painter.drawText(QRect(8, 0, max(0, right - 8), height), middle, shown)
        finally:
            painter.end()
        return image


def paint_panel(painter: QPainter, rect: QRect, state: str, headline: str, lines: list[str]) -> None:
    """The dark panel a tile shows instead of a picture: a headline in the state's colour and the lines
    (reason, last picture, retry) below it, centred."""
    painter.fillRect(rect, PANEL_BACKGROUND)
    big = font_for(rect.height(), bold=True)
    big.setPixelSize(big.pixelSize() * 2)
    small = font_for(rect.height())
    big_height, small_height = QFontMetrics(big).height(), QFontMetrics(small).height()
    top = rect.center().y() - (big_height + small_height * len(lines)) // 2
    flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter
    painter.setFont(big)
    painter.setPen(STATE_COLOURS.get(state, MUTED))
    painter.drawText(QRect(rect.left(), top, rect.width(), big_height), flags, headline)
    painter.setFont(small)
    metrics = QFontMetrics(small)
    for index, line in enumerate(lines):
        painter.setPen(TEXT if index == 0 else MUTED)
        shown = metrics.elidedText(line, Qt.TextElideMode.ElideRight, max(0, rect.width() - 16))
        box = QRect(rect.left(), top + big_height + small_height * index, rect.width(), small_height)
        painter.drawText(box, flags, shown)


def paint_picture(painter: QPainter, rect: QRect, image: QImage) -> None:
    """``image`` centred in ``rect`` with black bars; copied as it is when it was made for this size
    (the usual case), else scaled (a resize waiting for its first picture of the new size)."""
    ratio = image.devicePixelRatio() if image.devicePixelRatio() > 0 else 1.0
    pixels = QSize(image.width(), image.height())
    size = fitted(pixels, QSize(round(rect.width() * ratio), round(rect.height() * ratio)))
    target = QRect(rect.topLeft(), QSize(round(size.width() / ratio), round(size.height() / ratio)))
    target.moveCenter(rect.center())
    for bar in (
        QRect(rect.left(), rect.top(), rect.width(), target.top() - rect.top()),
        QRect(rect.left(), target.bottom() + 1, rect.width(), rect.bottom() - target.bottom()),
        QRect(rect.left(), target.top(), target.left() - rect.left(), target.height()),
        QRect(target.right() + 1, target.top(), rect.right() - target.right(), target.height()),
    ):
        if bar.width() > 0 and bar.height() > 0:
            painter.fillRect(bar, BLACK)
    if size == pixels:
        painter.drawImage(target.topLeft(), image)
    else:
        painter.drawImage(target, image)
