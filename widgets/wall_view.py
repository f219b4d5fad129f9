"""One monitor of the wall as it shows: its layout's tiles placed by row, column and span.

A tile whose source did not change keeps its content widget across wall changes (video does not restart
on every ``wall.changed``); a tile whose source moved takes the widget along.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QRect, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget

from client_api import wall_messages as wm
from widgets.tile_factory import SourceKey, TileFactory, source_key
from widgets.video_tile import VideoTile
from widgets.wall_tile_frame import TileFrame

GAP_PX = 2


def tile_rect(tile: wm.Tile, layout: wm.Layout, width: int, height: int, gap: int = 0) -> QRect:
    """The tile's rectangle in a ``width`` × ``height`` area, cells split evenly (edges rounded so that
    neighbouring tiles meet exactly), ``gap`` pixels between tiles."""
    left = round(tile.col * width / layout.cols)
    right = round((tile.col + tile.col_span) * width / layout.cols)
    top = round(tile.row * height / layout.rows)
    bottom = round((tile.row + tile.row_span) * height / layout.rows)
    return QRect(left, top, right - left, bottom - top).adjusted(0, 0, -gap, -gap)


class WallView(QWidget):
    """Shows a Layout; ``show_layout`` places the tiles, reusing content whose source is unchanged.

    Signals:
        tileStateChanged(int, str): tile index, live state of its content (camera tiles: connecting /
            live / no_signal; others: live / offline with the seat's link).

    Attributes: factory (TileFactory), layout_shown (the Layout shown, or None), frames (TileFrame per
    tile index), clock (the one-second timer of the title bars).
    """

    tileStateChanged = Signal(int, str)

    def __init__(self, factory: TileFactory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wallView")
        self.setStyleSheet("#wallView{background:#000;}")
        self.factory = factory
        self.layout_shown: wm.Layout | None = None
        self.frames: list[TileFrame] = []
        self._keys: list[SourceKey] = []
        self._link = "live" if factory.wall.seat.state.value == "connected" else "offline"
        factory.wall.seat.stateChanged.connect(self.on_seat_stateChanged)
        factory.wall.camerasChanged.connect(self.on_wall_camerasChanged)
        self.clock = QTimer(self)
        self.clock.setInterval(1000)
        self.clock.timeout.connect(self._tick)
        self.clock.start()

    def show_layout(self, layout: wm.Layout | None) -> None:
        """Show ``layout`` (None: nothing), keeping the content of tiles whose source is unchanged."""
        if layout == self.layout_shown:
            return
        old: dict[SourceKey, list[TileFrame]] = {}
        for key, frame in zip(self._keys, self.frames, strict=True):
            old.setdefault(key, []).append(frame)
        frames: list[TileFrame] = []
        keys: list[SourceKey] = []
        for tile in layout.tiles if layout is not None else []:
            key = source_key(tile.source)
            kept = old.get(key)
            frame = kept.pop(0) if kept else self._new_frame(tile.source)
            frame.set_title(self.factory.title(tile.source), tile.pinned, tile.alarm)
            frames.append(frame)
            keys.append(key)
        for left in old.values():
            for frame in left:
                self._drop_frame(frame)
        self.frames, self._keys, self.layout_shown = frames, keys, layout
        self._place()
        self._tick()
        for frame in frames:
            frame.show()

    def content_at(self, index: int) -> QWidget:
        return self.frames[index].content

    def refresh_titles(self) -> None:
        """Names again (a camera renamed, an alert's details arrived)."""
        if self.layout_shown is None:
            return
        for tile, frame in zip(self.layout_shown.tiles, self.frames, strict=True):
            frame.set_title(self.factory.title(tile.source), tile.pinned, tile.alarm)

    def stop(self) -> None:
        """Release every tile's content (the window closes)."""
        self.clock.stop()
        for frame in self.frames:
            self._drop_frame(frame)
        self.frames, self._keys, self.layout_shown = [], [], None

    def on_wall_camerasChanged(self, _cameras: list[wm.Camera]) -> None:
        """Camera tiles whose camera appeared, went, or changed its name or stream start over."""
        if self.layout_shown is None:
            return
        cameras = self.factory.wall.cameras
        for tile, frame in zip(self.layout_shown.tiles, self.frames, strict=True):
            if tile.source.kind != "camera":
                continue
            camera, content = cameras.get(tile.source.ref or ""), frame.content
            if isinstance(content, VideoTile) and camera is not None and content.url == camera.url:
                content.name = camera.name
                content.update()
                continue
            fresh = self.factory.create(tile.source)
            old = frame.set_content(fresh)
            self._wire(frame, fresh)
            self.factory.release(old)
            old.deleteLater()
        self.refresh_titles()

    def on_seat_stateChanged(self, state: str) -> None:
        self._link = "live" if state == "connected" else "offline"
        self._tick()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def _new_frame(self, source: wm.TileSource) -> TileFrame:
        content = self.factory.create(source)
        frame = TileFrame(content, self)
        self._wire(frame, content)
        return frame

    def _wire(self, frame: TileFrame, content: QWidget) -> None:
        """A camera draws its own title bar (name, state, time) and says whether it plays."""
        frame.set_bar_visible(not isinstance(content, VideoTile))
        if isinstance(content, VideoTile):
            frame.set_live(content.state)
            content.stateChanged.connect(lambda state, f=frame: self._on_content_state(f, state))

    def _drop_frame(self, frame: TileFrame) -> None:
        self.factory.release(frame.content)
        frame.hide()
        frame.deleteLater()

    def _on_content_state(self, frame: TileFrame, state: str) -> None:
        frame.set_live(state)
        if frame in self.frames:
            self.tileStateChanged.emit(self.frames.index(frame), state)

    def _place(self) -> None:
        if self.layout_shown is None:
            return
        width, height = self.width() + GAP_PX, self.height() + GAP_PX
        for tile, frame in zip(self.layout_shown.tiles, self.frames, strict=True):
            frame.setGeometry(tile_rect(tile, self.layout_shown, width, height, GAP_PX))

    def _tick(self) -> None:
        now = time.strftime("%H:%M:%S")
        for frame in self.frames:
            if not frame.bar.isHidden():
                frame.set_time(now)
                frame.set_live(self._link)
