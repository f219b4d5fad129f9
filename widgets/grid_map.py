"""The grid map: the district's unit grids to pick a case's location on, by mouse or by keyboard.

Lat/lon are projected equirectangularly around the district's mean latitude (x = lon·cos(lat0),
y = −lat, times ``SCALE`` so that a scene unit is about 11 m). Borders, markers, the crosshair and the
grid names keep their size on screen while the map zooms. Wheel zooms, dragging pans, a click picks;
arrow keys move a crosshair (Shift: farther), Enter picks under it, + and − zoom, 0 fits the district.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QResizeEvent,
    QShowEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from client_api.intake_messages import GridPolygon

SCALE = 10_000.0
TOWN_COLORS = ("#cfe3f7", "#d7efd0", "#fbe3c4", "#e7d7f3", "#f7d4d9", "#d3f0ee", "#f2efc4", "#e0e0e0")
MIN_ZOOM, MAX_ZOOM = 0.5, 64.0  # relative to the zoom that fits the district
KEY_STEP_PX, KEY_STEP_FAST_PX = 8.0, 48.0

Marker = tuple[float, float, str]  # lat, lon, label


def centroid(ring: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """Area centroid of a closed or open ring of (lat, lon) points (the vertex mean if degenerate)."""
    pts = list(ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else ring)
    area = cy = cx = 0.0
    for (y1, x1), (y2, x2) in zip(pts, pts[1:] + pts[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(area) < 1e-15:
        return sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
    return cy / (3 * area), cx / (3 * area)


def _fixed_size(item: QGraphicsItem, z: float) -> QGraphicsItem:
    item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
    item.setZValue(z)
    return item


class GridMap(QGraphicsView):
    """Draws grid polygons (fill by town), optional case markers, a pick marker and a crosshair."""

    picked = Signal(float, float)  # lat, lon

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setBackgroundBrush(QBrush(QColor("#f4f4f2")))
        self.setMinimumSize(160, 120)
        self._lat0 = 0.0
        self._cos0 = 1.0
        self._grids: list[tuple[GridPolygon, QPainterPath]] = []
        self._labels: list[tuple[QGraphicsSimpleTextItem, float]] = []  # label, grid width in scene units
        self._markers: list[QGraphicsItem] = []
        self._grid_items: list[QGraphicsItem] = []  # polygons and their labels
        self._district = QRectF()
        self._user_zoomed = False
        self._press_pos: QPointF | None = None
        self._pick: tuple[float, float] | None = None
        self._pick_item = _fixed_size(self._pin_item(), 30)
        self._cross_item = _fixed_size(self._cross(), 40)
        self._pick_item.hide()
        self._cross_item.hide()
        self.scene().addItem(self._pick_item)
        self.scene().addItem(self._cross_item)

    # --- data -----------------------------------------------------------------------------------------

    def set_grids(self, grids: Sequence[GridPolygon]) -> None:
        """Draw these grids (replacing any drawn) and fit the district to the view."""
        for item in self._grid_items:
            self.scene().removeItem(item)
        self._grids, self._labels, self._grid_items = [], [], []
        lats = [lat for g in grids for ring in g.rings[:1] for lat, _lon in ring]
        self._lat0 = (min(lats) + max(lats)) / 2 if lats else 0.0
        self._cos0 = math.cos(math.radians(self._lat0))
        towns = sorted({g.town_code for g in grids})
        colors = {town: QColor(TOWN_COLORS[i % len(TOWN_COLORS)]) for i, town in enumerate(towns)}
        border = QPen(QColor("#6b7780"), 0)  # width 0: one pixel at any zoom
        border.setCosmetic(True)
        district = QRectF()
        for grid in grids:
            path = QPainterPath()
            for ring in grid.rings:
                if len(ring) >= 3:
                    path.addPolygon(QPolygonF([self.to_scene(lat, lon) for lat, lon in ring]))
                    path.closeSubpath()
            path.setFillRule(Qt.FillRule.OddEvenFill)
            item = QGraphicsPathItem(path)
            item.setPen(border)
            item.setBrush(QBrush(colors[grid.town_code]))
            item.setToolTip(grid.name)
            item.setZValue(0)
            self.scene().addItem(item)
            self._grid_items.append(item)
            self._grids.append((grid, path))
            district = district.united(path.boundingRect())
            if grid.rings and grid.rings[0]:
                label = QGraphicsSimpleTextItem(grid.name)
                label.setBrush(QBrush(QColor("#37424a")))
                _fixed_size(label, 10)
                rect = label.boundingRect()
                label.setTransform(QTransform.fromTranslate(-rect.width() / 2, -rect.height() / 2))
                label.setPos(self.to_scene(*centroid(grid.rings[0])))
                self.scene().addItem(label)
                self._grid_items.append(label)
                self._labels.append((label, path.boundingRect().width()))
        self._district = district
        if not district.isEmpty():
            margin = max(district.width(), district.height()) * 0.5
            self.setSceneRect(district.adjusted(-margin, -margin, margin, margin))
        self._user_zoomed = False
        self.fit()
        if self._pick is not None:
            self.set_pick(*self._pick)

    def set_markers(self, markers: Sequence[Marker]) -> None:
        """Show cases (or anything else) as small dots with their label as a tooltip."""
        for item in self._markers:
            self.scene().removeItem(item)
        self._markers = []
        pen = QPen(QColor("#ffffff"), 1.5)
        brush = QBrush(QColor("#1f5fbf"))
        for lat, lon, label in markers:
            dot = QGraphicsEllipseItem(-4, -4, 8, 8)
            dot.setPen(pen)
            dot.setBrush(brush)
            dot.setToolTip(label)
            _fixed_size(dot, 20)
            dot.setPos(self.to_scene(lat, lon))
            self.scene().addItem(dot)
            self._markers.append(dot)

    def set_pick(self, lat: float, lon: float) -> None:
        """Show a picked point (without emitting ``picked``) and put the crosshair on it."""
        self._pick = (lat, lon)
        self._pick_item.setPos(self.to_scene(lat, lon))
        self._pick_item.show()
        self._cross_item.setPos(self._pick_item.pos())
        self._cross_item.show()

    def clear_pick(self) -> None:
        self._pick = None
        self._pick_item.hide()

    def pick_point(self) -> tuple[float, float] | None:
        return self._pick

    def crosshair_point(self) -> tuple[float, float] | None:
        """Where the keyboard crosshair is (None until an arrow key was pressed or a point picked)."""
        return self.to_lat_lon(self._cross_item.pos()) if self._cross_item.isVisible() else None

    def grid_at(self, lat: float, lon: float) -> GridPolygon | None:
        """The drawn grid holding the point (None outside all of them)."""
        point = self.to_scene(lat, lon)
        for grid, path in self._grids:
            if path.contains(point):
                return grid
        return None

    # --- projection -----------------------------------------------------------------------------------

    def to_scene(self, lat: float, lon: float) -> QPointF:
        return QPointF(lon * self._cos0 * SCALE, -lat * SCALE)

    def to_lat_lon(self, point: QPointF) -> tuple[float, float]:
        return -point.y() / SCALE, point.x() / (self._cos0 * SCALE)

    # --- zoom -----------------------------------------------------------------------------------------

    def fit(self) -> None:
        """Fit the whole district into the view."""
        if not self._district.isEmpty():
            self.fitInView(self._district, Qt.AspectRatioMode.KeepAspectRatio)
        self._user_zoomed = False
        self._update_labels()

    def zoom_by(self, factor: float) -> None:
        """Zoom about the view's centre (within 0.5× to 64× the fitted zoom)."""
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self._zoom(factor)
        self.setTransformationAnchor(anchor)

    def _zoom(self, factor: float) -> None:
        fit = self._fit_scale()
        current = self.transform().m11()
        if fit > 0:
            factor = min(max(current * factor, fit * MIN_ZOOM), fit * MAX_ZOOM) / current
        self.scale(factor, factor)
        self._user_zoomed = True
        self._update_labels()

    def _fit_scale(self) -> float:
        if self._district.isEmpty():
            return 0.0
        view = self.viewport().rect()
        return min(view.width() / self._district.width(), view.height() / self._district.height())

    def _update_labels(self) -> None:
        """Show a grid's name only when the grid is wide enough on screen to hold it."""
        zoom = self.transform().m11()
        for label, width in self._labels:
            label.setVisible(width * zoom > label.boundingRect().width() + 8)

    # --- events ---------------------------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self._zoom(1.25**steps)  # about the point under the mouse
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press_pos = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press_pos = self._press_pos, None
        if event.button() != Qt.MouseButton.LeftButton or press is None:
            return
        moved = (event.position() - press).manhattanLength()
        if moved < QApplication.startDragDistance():
            self._pick_at(self.mapToScene(event.position().toPoint()))
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        fast = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        step = KEY_STEP_FAST_PX if fast else KEY_STEP_PX
        moves = {
            Qt.Key.Key_Left: (-step, 0.0),
            Qt.Key.Key_Right: (step, 0.0),
            Qt.Key.Key_Up: (0.0, -step),
            Qt.Key.Key_Down: (0.0, step),
        }
        if key in moves:
            dx, dy = moves[Qt.Key(key)]
            self._move_crosshair(dx, dy)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not fast and not self._has_ctrl_or_alt(event):
            if not self._cross_item.isVisible():
                self._move_crosshair(0.0, 0.0)
            if self._pick is not None and self._cross_item.pos() == self._pick_item.pos():
                event.ignore()  # picked here already: a second Enter goes on (to a dialog's default button)
                return
            self._pick_at(self._cross_item.pos())
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self._zoom_on_crosshair(1.5)
        elif key == Qt.Key.Key_Minus:
            self._zoom_on_crosshair(1 / 1.5)
        elif key == Qt.Key.Key_0:
            self.fit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._user_zoomed:
            self.fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._user_zoomed:
            self.fit()

    # --- internals ------------------------------------------------------------------------------------

    def _pick_at(self, scene_point: QPointF) -> None:
        lat, lon = self.to_lat_lon(scene_point)
        self.set_pick(lat, lon)
        self._cross_item.show()
        self.picked.emit(lat, lon)

    def _move_crosshair(self, dx_px: float, dy_px: float) -> None:
        if not self._cross_item.isVisible():
            self._cross_item.setPos(self.mapToScene(self.viewport().rect().center()))
            self._cross_item.show()
        zoom = self.transform().m11() or 1.0
        pos = self._cross_item.pos() + QPointF(dx_px / zoom, dy_px / zoom)
        rect = self.sceneRect()
        pos = QPointF(
            min(max(pos.x(), rect.left()), rect.right()), min(max(pos.y(), rect.top()), rect.bottom())
        )
        self._cross_item.setPos(pos)
        self.ensureVisible(QRectF(pos, pos).adjusted(-1, -1, 1, 1), 40, 40)

    def _zoom_on_crosshair(self, factor: float) -> None:
        if self._cross_item.isVisible():
            self.centerOn(self._cross_item.pos())
        self.zoom_by(factor)

    @staticmethod
    def _has_ctrl_or_alt(event: QKeyEvent) -> bool:
        mods = event.modifiers()
        return bool(mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier))

    @staticmethod
    def _pin_item() -> QGraphicsItem:
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), 7, 7)
        path.moveTo(-11, 0)
        path.lineTo(11, 0)
        path.moveTo(0, -11)
        path.lineTo(0, 11)
        item = QGraphicsPathItem(path)
        pen = QPen(QColor("#d62d20"), 2.5)
        item.setPen(pen)
        item.setBrush(QBrush(QColor(214, 45, 32, 70)))
        return item

    @staticmethod
    def _cross() -> QGraphicsItem:
        path = QPainterPath()
        for x1, y1, x2, y2 in ((-16, 0, -4, 0), (4, 0, 16, 0), (0, -16, 0, -4), (0, 4, 0, 16)):
            path.moveTo(x1, y1)
            path.lineTo(x2, y2)
        item = QGraphicsPathItem(path)
        item.setPen(QPen(QColor("#111111"), 1.5))
        return item
