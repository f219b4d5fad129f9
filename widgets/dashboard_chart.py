"""A bar chart for the wall's dashboards (pyqtgraph): vertical bars over labelled slots, or horizontal
bars with their names on the left, on the wall's dark background. One BarGraphItem, updated in place."""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QWidget

BACKGROUND = "#101820"
TEXT = "#e6edf3"
GRID_ALPHA = 0.15
BAR = "#4c9be8"


class BarChart(pg.PlotWidget):
    """``horizontal``: bars grow to the right, the first value on top, names on the left axis."""

    def __init__(self, horizontal: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent, background=BACKGROUND)
        self.horizontal = horizontal
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        plot = self.getPlotItem()
        plot.showGrid(x=horizontal, y=not horizontal, alpha=GRID_ALPHA)
        font = self._font = QFont(self.font())
        font.setPointSize(11)
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setTextPen(TEXT)
            axis.setPen(TEXT)
            axis.setStyle(tickFont=font)
        # the same keys as set_bars gives: setOpts merges, and a stale x0 would override a new x
        if horizontal:
            self.bars = pg.BarGraphItem(x0=[], y=[], width=[], height=0.7, brushes=[], pen=None)
        else:
            self.bars = pg.BarGraphItem(x=[], y0=[], height=[], width=0.7, brushes=[], pen=None)
        self.addItem(self.bars)
        self._labels: list[str] = []
        self._values: list[float] = []

    def labels(self) -> list[str]:
        return list(self._labels)

    def values(self) -> list[float]:
        return list(self._values)

    def set_axis_titles(self, value_title: str, slot_title: str = "") -> None:
        plot = self.getPlotItem()
        value_axis, slot_axis = ("bottom", "left") if self.horizontal else ("left", "bottom")
        plot.setLabel(value_axis, value_title, color=TEXT)
        if slot_title:
            plot.setLabel(slot_axis, slot_title, color=TEXT)

    def set_bars(
        self,
        labels: Sequence[str],
        values: Sequence[float],
        brushes: Sequence[str] | None = None,
        value_max: float | None = None,
        tick_every: int = 1,
    ) -> None:
        """Draw one bar per label; ``tick_every``: name every n-th slot only (e.g. every third hour)."""
        if len(labels) != len(values):
            raise ValueError(f"{len(labels)} labels for {len(values)} values")
        self._labels, self._values = list(labels), [float(v) for v in values]
        n = len(values)
        slots = [float(n - 1 - i) for i in range(n)] if self.horizontal else [float(i) for i in range(n)]
        brush = list(brushes) if brushes is not None else [BAR] * n
        if self.horizontal:
            self.bars.setOpts(x0=[0.0] * n, y=slots, width=self._values, height=0.7, brushes=brush)
        else:
            self.bars.setOpts(x=slots, y0=[0.0] * n, height=self._values, width=0.7, brushes=brush)
        ticks = [
            (slot, label)
            for i, (slot, label) in enumerate(zip(slots, labels, strict=True))
            if i % tick_every == 0
        ]
        plot = self.getPlotItem()
        slot_axis = plot.getAxis("left" if self.horizontal else "bottom")
        slot_axis.setTicks([ticks])
        if self.horizontal:  # room for the longest name now: the axis would only grow after a paint
            metrics = QFontMetrics(self._font)
            slot_axis.setWidth(max([metrics.horizontalAdvance(label) for label in labels] + [24]) + 16)
        top = max([value_max or 0.0, *self._values, 1.0])
        span = (-0.6, max(n, 1) - 0.4)
        if self.horizontal:
            plot.setRange(xRange=(0, top * 1.05), yRange=span, padding=0)
        else:
            plot.setRange(xRange=span, yRange=(0, top * 1.08), padding=0)
