"""What each seat did when, as a pyqtgraph chart: a row for the drill's injects and one per seat, a point
per log entry at its scenario time coloured by what it is, and a line where the replay stands; what the
replay has not reached yet is drawn faint. Exports itself as PNG for the after-action report."""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QPointF,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QImageWriter
from PySide6.QtWidgets import QWidget

from client_api.drill_messages import LogEntry
from widgets.drill_labels import clock

BACKGROUND = "#ffffff"
TEXT = "#344054"
CURSOR = "#d92d20"
FAINT_ALPHA = 50
ENGINE_ROW = ""  # the row key of the engine's entries (injects)

# (category, colour, symbol, legend): the first prefix an entry's kind starts with decides its category.
CATEGORIES = (
    ("inject.", "#667085", "d", QT_TRANSLATE_NOOP("DrillTimelineChart", "Inject")),
    ("call.", "#2e90fa", "o", QT_TRANSLATE_NOOP("DrillTimelineChart", "Call")),
    ("case.created", "#12b76a", "s", QT_TRANSLATE_NOOP("DrillTimelineChart", "Case created")),
    ("case.dispatched", "#f79009", "t1", QT_TRANSLATE_NOOP("DrillTimelineChart", "Dispatched")),
    ("case.merged", "#7a5af8", "p", QT_TRANSLATE_NOOP("DrillTimelineChart", "Duplicate merged")),
    ("alert.", "#f04438", "star", QT_TRANSLATE_NOOP("DrillTimelineChart", "Alert")),
    ("", "#344054", "x", QT_TRANSLATE_NOOP("DrillTimelineChart", "Other")),
)
# Tick steps of the time axis (seconds): whole minutes where the drill is long enough.
TICK_STEPS = (5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600)


def category_of(kind: str) -> int:
    return next(i for i, (prefix, *_rest) in enumerate(CATEGORIES) if kind.startswith(prefix))


class AxisClock(pg.AxisItem):
    """The time axis in m:ss of scenario time, ticked at whole seconds, minutes and hours."""

    def tickSpacing(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, float]]:  # noqa: N803
        span = max(maxVal - minVal, 1.0)
        most = max(2, int(size / 80))  # a label needs about 80 pixels
        step = next((s for s in TICK_STEPS if span / s <= most), TICK_STEPS[-1])
        return [(float(step), 0.0), (step / 2.0 if step < 60 else step / 4.0, 0.0)]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [clock(v) for v in values]


class DrillTimelineChart(pg.PlotWidget):
    """Signals:
    seekRequested(float): the chart was clicked at this scenario time.

    Attributes:
        entries: the log in replay order (as given to ``set_log``).
        rows: (key, label) of each row from the top; the key is a slot id, ENGINE_ROW for the injects.
    """

    seekRequested = Signal(float)

    def __init__(self, parent: QWidget | None = None, category_names: Sequence[str] | None = None) -> None:
        """``category_names``: the legend's words for CATEGORIES (the report gives its own)."""
        super().__init__(parent, background=BACKGROUND, axisItems={"bottom": AxisClock("bottom")})
        self._category_names = list(category_names or [])
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=True, y=False)
        self.hideButtons()
        plot = self.getPlotItem()
        plot.showGrid(x=True, y=True, alpha=0.2)
        plot.invertY(True)
        font = QFont(self.font())
        font.setPointSize(10)
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setTextPen(TEXT)
            axis.setPen(TEXT)
            axis.setStyle(tickFont=font)
        self._font = font
        self.entries: list[LogEntry] = []
        self.rows: list[tuple[str, str]] = []
        self._series: list[tuple[pg.ScatterPlotItem, list[int]]] = []
        self._reached = 0
        self.legend = pg.LegendItem(colCount=len(CATEGORIES), labelTextColor=TEXT, labelTextSize="11pt")
        self.legend.setParentItem(self.getPlotItem().vb)
        self.legend.anchor(itemPos=(1, 1), parentPos=(1, 1), offset=(-6, -4))
        self.cursor = pg.InfiniteLine(pos=0, angle=90, pen=pg.mkPen(CURSOR, width=2))
        self.cursor.setVisible(False)
        self.cursor.setZValue(10)
        self.addItem(self.cursor)
        self.scene().sigMouseClicked.connect(self._on_scene_clicked)

    def set_log(self, entries: Sequence[LogEntry], rows: Sequence[tuple[str, str]], duration: float) -> None:
        """Draw ``entries`` (in replay order) on ``rows``; entries of a seat not among the rows get a row
        of their own at the bottom. Every entry is drawn as reached."""
        self.entries = list(entries)
        self.rows = list(rows)
        for key in dict.fromkeys(e.slot_id or ENGINE_ROW for e in self.entries):
            if all(k != key for k, _label in self.rows):
                self.rows.append((key, key))
        row_of = {key: i for i, (key, _label) in enumerate(self.rows)}
        for item, _indices in self._series:
            self.removeItem(item)
        self._series = []
        self.legend.clear()
        by_category: dict[int, list[int]] = {}
        for index, entry in enumerate(self.entries):
            by_category.setdefault(category_of(entry.kind), []).append(index)
        for category, indices in sorted(by_category.items()):
            _prefix, colour, symbol, legend = CATEGORIES[category]
            item = pg.ScatterPlotItem(
                x=[self.entries[i].t for i in indices],
                y=[float(row_of[self.entries[i].slot_id or ENGINE_ROW]) for i in indices],
                symbol=symbol,
                size=11,
                pen=pg.mkPen(colour),
                brush=pg.mkBrush(colour),
            )
            self.addItem(item)
            self.legend.addItem(item, self._legend_name(category, str(legend)))
            self._series.append((item, indices))
        left = self.getPlotItem().getAxis("left")
        left.setTicks([[(float(i), label) for i, (_key, label) in enumerate(self.rows)]])
        # room for the longest name now: the axis would only grow after a paint (and not in an export)
        metrics = QFontMetrics(self._font)
        left.setWidth(max([metrics.horizontalAdvance(label) for _key, label in self.rows] + [24]) + 16)
        end = max([duration, *(e.t for e in self.entries), 1.0])
        self.getPlotItem().setRange(
            xRange=(0, end), yRange=(-0.6, max(len(self.rows), 1) + 0.2), padding=0.02
        )
        self._reached = len(self.entries)

    def _legend_name(self, category: int, source: str) -> str:
        if category < len(self._category_names):
            return self._category_names[category]
        return QCoreApplication.translate("DrillTimelineChart", source)

    def set_position(self, t: float | None, reached: int | None = None) -> None:
        """Where the replay stands (None: not replaying) and how many entries it has passed."""
        self.cursor.setVisible(t is not None)
        if t is not None:
            self.cursor.setValue(t)
        reached = len(self.entries) if reached is None else max(0, min(reached, len(self.entries)))
        if reached != self._reached:
            self._reached = reached
            for item, indices in self._series:
                colour = QColor(CATEGORIES[category_of(self.entries[indices[0]].kind)][1])
                faint = QColor(colour)
                faint.setAlpha(FAINT_ALPHA)
                full, dim = pg.mkBrush(colour), pg.mkBrush(faint)
                item.setBrush([full if i < reached else dim for i in indices])
                item.setPen([pg.mkPen(colour) if i < reached else pg.mkPen(faint) for i in indices])

    def brushes_reached(self) -> int:
        """How many points are drawn at full colour (for tests)."""
        count = 0
        for item, _indices in self._series:
            count += sum(1 for brush in item.data["brush"] if brush.color().alpha() > FAINT_ALPHA)
        return count

    def export_png(self, width: int = 1400) -> bytes:
        """The chart as PNG bytes, drawn by pyqtgraph's image exporter at ``width`` pixels."""
        self.grab()  # lays the plot out at the widget's size, also when it was never shown
        exporter = pyqtgraph.exporters.ImageExporter(self.getPlotItem())
        exporter.parameters()["width"] = width
        image = exporter.export(toBytes=True)
        assert isinstance(image, QImage)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        written = QImageWriter(buffer, QByteArray(b"png")).write(image)
        buffer.close()
        if not written:
            raise OSError("the timeline chart could not be drawn as PNG")
        return bytes(data.data())

    def _on_scene_clicked(self, event: object) -> None:
        pos = getattr(event, "scenePos", None)
        if pos is None or not self.entries:
            return
        point: QPointF = self.getPlotItem().vb.mapSceneToView(pos())
        self.seekRequested.emit(max(0.0, point.x()))
