"""A trainee's score per rubric area as horizontal pyqtgraph bars: the area's full points in grey, the
points kept over them in green, amber or red by the share kept, and "kept / full" beside each bar."""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QWidget

from client_api.drill_messages import AreaScore
from widgets.drill_labels import area_label, points

BACKGROUND = "#ffffff"
TEXT = "#344054"
FULL = "#eaecf0"
GOOD, FAIR, POOR = "#12b76a", "#f79009", "#f04438"


def bar_colour(score: float, out_of: float) -> str:
    share = 1.0 if out_of <= 0 else score / out_of
    return GOOD if share >= 0.8 else FAIR if share >= 0.5 else POOR


class DrillAreaChart(pg.PlotWidget):
    """Attributes: areas (the AreaScores drawn, top first)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background=BACKGROUND)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        plot = self.getPlotItem()
        plot.invertY(True)
        font = self._font = QFont(self.font())
        font.setPointSize(10)
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setTextPen(TEXT)
            axis.setPen(TEXT)
            axis.setStyle(tickFont=font)
        plot.hideAxis("bottom")
        self.full = pg.BarGraphItem(x0=[], y=[], width=[], height=0.6, brush=FULL, pen=None)
        self.kept = pg.BarGraphItem(x0=[], y=[], width=[], height=0.6, brushes=[], pen=None)
        self.addItem(self.full)
        self.addItem(self.kept)
        self._texts: list[pg.TextItem] = []
        self.areas: list[AreaScore] = []

    def set_areas(self, areas: Sequence[AreaScore]) -> None:
        self.areas = list(areas)
        n = len(self.areas)
        slots = [float(i) for i in range(n)]
        top = max([a.max for a in self.areas] + [1.0])
        self.full.setOpts(x0=[0.0] * n, y=slots, width=[a.max for a in self.areas], height=0.6)
        self.kept.setOpts(
            x0=[0.0] * n,
            y=slots,
            width=[max(0.0, a.score) for a in self.areas],
            height=0.6,
            brushes=[bar_colour(a.score, a.max) for a in self.areas],
        )
        for text in self._texts:
            self.removeItem(text)
        self._texts = []
        for slot, area in zip(slots, self.areas, strict=True):
            text = pg.TextItem(f"{points(area.score)} / {points(area.max)}", color=TEXT, anchor=(0, 0.5))
            text.setFont(self._font)
            text.setPos(area.max + top * 0.02, slot)
            self.addItem(text)
            self._texts.append(text)
        labels = [area_label(a.area) for a in self.areas]
        axis = self.getPlotItem().getAxis("left")
        axis.setTicks([list(zip(slots, labels, strict=True))])
        metrics = QFontMetrics(self._font)
        axis.setWidth(max([metrics.horizontalAdvance(label) for label in labels] + [24]) + 16)
        self.getPlotItem().setRange(xRange=(0, top * 1.25), yRange=(-0.6, max(n, 1) - 0.4), padding=0)
