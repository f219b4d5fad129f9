"""The grid map's areas: grid polygons filled by town, village and town outlines drawn heavier, and the
names of grids, villages and towns, one level at a time, the finest whose names fit on screen."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainterPath, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsScene, QGraphicsSimpleTextItem

from client_api.intake_messages import GridPolygon
from widgets.map_geometry import Ring, centroid, outline_edges, union_centroid

TOWN_COLORS = ("#cfe3f7", "#d7efd0", "#fbe3c4", "#e7d7f3", "#f7d4d9", "#d3f0ee", "#f2efc4", "#e0e0e0")
Z_GRID, Z_VILLAGE_LINE, Z_TOWN_LINE, Z_LABEL = 0.0, 2.0, 3.0, 10.0
# level -> (outline colour, width in px, label colour, label point size or 0 for the default, bold)
STYLE = {
    "grid": ("#6b7780", 0.0, "#37424a", 0, False),
    "village": ("#4a5a66", 1.6, "#24313a", 11, True),
    "town": ("#1f2a33", 2.8, "#10181e", 14, True),
}
ToScene = Callable[[float, float], QPointF]


@dataclass(slots=True)
class _Label:
    item: QGraphicsSimpleTextItem
    width: float  # of the area it names, in scene units

    def fits(self, zoom: float) -> bool:
        return self.width * zoom > self.item.boundingRect().width() + 8


def fixed_size(item: QGraphicsItem, z: float) -> QGraphicsItem:
    """Keep the item's size on screen whatever the zoom."""
    item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
    item.setZValue(z)
    return item


class AreaLayer:
    """Draws grids (with their names) and, from ``names`` of reference areas, village and town names;
    the outlines of villages and towns are always drawn."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self._scene = scene
        self._items: list[QGraphicsItem] = []
        self._name_items: list[QGraphicsItem] = []  # village and town labels
        self.grids: list[tuple[GridPolygon, QPainterPath]] = []
        self._grid_labels: dict[str, list[_Label]] = defaultdict(list)  # by town code
        self._area_labels: dict[str, dict[str, list[_Label]]] = defaultdict(dict)  # town -> level -> labels
        self._to_scene: ToScene | None = None

    def counts(self) -> dict[str, int]:
        """How many grids, villages and towns are drawn (outlines)."""
        return {
            "grid": len(self.grids),
            "village": len({g.village_code for g, _ in self.grids}),
            "town": len({g.town_code for g, _ in self.grids}),
        }

    def build(self, grids: Sequence[GridPolygon], to_scene: ToScene, names: Mapping[str, str]) -> QRectF:
        """Replace what is drawn by these grids; returns the district's bounding rectangle."""
        for item in self._items + self._name_items:
            self._scene.removeItem(item)
        self._items, self._name_items, self.grids = [], [], []
        self._grid_labels.clear()
        self._to_scene = to_scene
        towns = sorted({g.town_code for g in grids})
        colors = {town: QColor(TOWN_COLORS[i % len(TOWN_COLORS)]) for i, town in enumerate(towns)}
        district = QRectF()
        for grid in grids:
            path = QPainterPath()
            for ring in grid.rings:
                if len(ring) >= 3:
                    path.addPolygon(QPolygonF([to_scene(lat, lon) for lat, lon in ring]))
                    path.closeSubpath()
            path.setFillRule(Qt.FillRule.OddEvenFill)
            item = QGraphicsPathItem(path)
            item.setPen(_pen("grid"))
            item.setBrush(QBrush(colors[grid.town_code]))
            item.setToolTip(grid.name)
            item.setZValue(Z_GRID)
            self._add(item)
            self.grids.append((grid, path))
            district = district.united(path.boundingRect())
            if grid.rings and grid.rings[0]:
                label = self._label(grid.name, "grid", centroid(grid.rings[0]), self._items)
                self._grid_labels[grid.town_code].append(_Label(label, path.boundingRect().width()))
        for level, key in (("village", "village_code"), ("town", "town_code")):
            for rings in _group(grids, key).values():
                self._add(self._outline(rings, level))
        self.set_names(names)
        return district

    def set_names(self, names: Mapping[str, str]) -> None:
        """Label villages and towns with these names (by code); areas without a name get no label."""
        for item in self._name_items:
            self._scene.removeItem(item)
        self._name_items = []
        self._area_labels.clear()
        grids = [g for g, _ in self.grids]
        for level, key in (("village", "village_code"), ("town", "town_code")):
            for code, members in _members(grids, key).items():
                name = names.get(code)
                where = union_centroid(g.rings[0] for g in members if g.rings)
                if not name or where is None:
                    continue
                label = self._label(name, level, where, self._name_items)
                width = _width(self.grids, {g.code for g in members})
                self._area_labels[members[0].town_code].setdefault(level, []).append(_Label(label, width))

    def update_labels(self, zoom: float) -> None:
        """Per town: all grid names if they fit (with the town's name), else the village names if they
        all fit, else the town's name if it fits, else whichever grid names fit on their own."""
        for town in {*self._grid_labels, *self._area_labels}:
            grid_labels = self._grid_labels.get(town, [])
            levels = self._area_labels.get(town, {})
            town_label = [label for label in levels.get("town", []) if label.fits(zoom)]
            shown: list[_Label]
            if grid_labels and all(label.fits(zoom) for label in grid_labels):
                shown = grid_labels + town_label  # the town's centre lies between its grids' names
            elif levels.get("village") and all(label.fits(zoom) for label in levels["village"]):
                shown = levels["village"]
            elif town_label:
                shown = town_label
            else:
                shown = [label for label in grid_labels if label.fits(zoom)]
            visible = {id(label) for label in shown}
            for labels in (grid_labels, *levels.values()):
                for label in labels:
                    label.item.setVisible(id(label) in visible)

    def grid_at(self, point: QPointF) -> GridPolygon | None:
        for grid, path in self.grids:
            if path.contains(point):
                return grid
        return None

    def area_path(self, code: str) -> QPainterPath | None:
        """The grids under a grid, village or town code as one path (None for an unknown code)."""
        path = QPainterPath()
        for grid, grid_path in self.grids:
            if code in (grid.code, grid.village_code, grid.town_code):
                path.addPath(grid_path)
        return None if path.isEmpty() else path.simplified()  # one outline around neighbouring grids

    # --- internals ------------------------------------------------------------------------------------

    def _add(self, item: QGraphicsItem) -> None:
        self._scene.addItem(item)
        self._items.append(item)

    def _label(
        self, text: str, level: str, where: tuple[float, float], into: list[QGraphicsItem]
    ) -> QGraphicsSimpleTextItem:
        assert self._to_scene is not None
        label = QGraphicsSimpleTextItem(text)
        _, _, colour, size, bold = STYLE[level]
        label.setBrush(QBrush(QColor(colour)))
        if size or bold:
            font = QFont(label.font())
            if size:
                font.setPointSize(size)
            font.setBold(bold)
            label.setFont(font)
        fixed_size(label, Z_LABEL + (1 if level != "grid" else 0))
        rect = label.boundingRect()
        label.setTransform(QTransform.fromTranslate(-rect.width() / 2, -rect.height() / 2))
        label.setPos(self._to_scene(*where))
        self._scene.addItem(label)
        into.append(label)
        return label

    def _outline(self, rings: list[Ring], level: str) -> QGraphicsPathItem:
        assert self._to_scene is not None
        path = QPainterPath()
        for a, b in outline_edges(rings):
            path.moveTo(self._to_scene(*a))
            path.lineTo(self._to_scene(*b))
        item = QGraphicsPathItem(path)
        item.setPen(_pen(level))
        item.setZValue(Z_TOWN_LINE if level == "town" else Z_VILLAGE_LINE)
        return item


def _pen(level: str) -> QPen:
    colour, width, *_ = STYLE[level]
    pen = QPen(QColor(colour), width)
    pen.setCosmetic(True)  # the same width on screen at any zoom
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _members(grids: Iterable[GridPolygon], key: str) -> dict[str, list[GridPolygon]]:
    members: dict[str, list[GridPolygon]] = defaultdict(list)
    for grid in grids:
        members[getattr(grid, key)].append(grid)
    return members


def _group(grids: Iterable[GridPolygon], key: str) -> dict[str, list[Ring]]:
    """Every ring of the grids, by village or town code."""
    return {code: [ring for g in gs for ring in g.rings] for code, gs in _members(grids, key).items()}


def _width(grids: list[tuple[GridPolygon, QPainterPath]], codes: set[str]) -> float:
    rect = QRectF()
    for grid, path in grids:
        if grid.code in codes:
            rect = rect.united(path.boundingRect())
    return rect.width()
