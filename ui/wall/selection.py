"""What the designer's commands act on: one monitor and some of its tiles (Ctrl+click adds more)."""

from __future__ import annotations

from client_api import wall_messages as wm


class Selection:
    """Attributes: monitor (its index, None before the wall is known), tiles (tile indices, in the
    order they were picked)."""

    def __init__(self) -> None:
        self.monitor: int | None = None
        self.tiles: list[int] = []

    def set(self, monitor: int, tiles: list[int]) -> None:
        self.monitor, self.tiles = monitor, list(dict.fromkeys(tiles))

    def toggle(self, tile: int) -> None:
        if tile in self.tiles:
            self.tiles.remove(tile)
        else:
            self.tiles.append(tile)

    def fit(self, monitors: list[wm.Monitor]) -> None:
        """Keep the selection valid for these monitors (the first monitor's first tile by default)."""
        by_index = {m.index: m for m in monitors}
        if self.monitor not in by_index:
            self.monitor = monitors[0].index if monitors else None
            self.tiles = [0] if monitors else []
        if self.monitor is None:
            return
        count = len(by_index[self.monitor].layout.tiles)
        self.tiles = [t for t in self.tiles if t < count] or [0]

    def next_monitor(self, monitors: list[wm.Monitor], step: int) -> None:
        """The next (step 1) or previous (step −1) monitor, in index order, wrapping around."""
        order = sorted(m.index for m in monitors)
        if not order:
            return
        at = order.index(self.monitor) if self.monitor in order else 0
        self.set(order[(at + step) % len(order)], [0])
