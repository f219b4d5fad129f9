"""The grid map: the district's towns, villages and grids from GeoJSON, with live cases, alerts and cameras;
in the intake form also a place to pick a case's location on, by mouse or by keyboard.

Lat/lon are projected equirectangularly around the district's mean latitude (x = lon·cos(lat0),
y = −lat, times ``SCALE`` so that a scene unit is about 11 m). Borders, markers, the crosshair and the
names keep their size on screen while the map zooms. Wheel zooms, dragging pans, a click on a marker
says which (``caseClicked``, ``alertClicked``, ``cameraClicked``), elsewhere it picks (when pickable);
arrow keys move a crosshair (Shift: farther), Enter picks under it, + and − zoom, 0 fits the district.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable, Mapping, Sequence

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QWidget,
)

from client_api.alert_messages import AlertRecord
from client_api.intake_messages import GridPolygon
from client_api.messages import CaseRecord
from client_api.wall_messages import Camera
from widgets.map_areas import AreaLayer, fixed_size
from widgets.map_geometry import SCALE, centroid
from widgets.map_live import LiveMarkers
from widgets.map_markers import ID, KIND, crosshair, pick_pin

__all__ = ["SCALE", "GridMap", "Marker", "centroid"]

MIN_ZOOM, MAX_ZOOM = 0.5, 64.0  # relative to the zoom that fits the district
KEY_STEP_PX, KEY_STEP_FAST_PX = 8.0, 48.0

Marker = tuple[float, float, str]  # lat, lon, label


class GridMap(QGraphicsView):
    """The map. ``pickable=False`` (the wall) offers no picking: clicks only open markers.

    Signals:
        picked(float, float): a point was picked (lat, lon).
        caseClicked(int), alertClicked(int), cameraClicked(str): a marker was clicked (its id).

    Attributes:
        clock: the time case colours are judged at (settable for tests).
        live: the LiveMarkers (cases, alerts, cameras; ``live.pulse`` animates Extreme alerts).
    """

    picked = Signal(float, float)
    caseClicked = Signal(int)
    alertClicked = Signal(int)
    cameraClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, pickable: bool = True) -> None:
        super().__init__(parent)
        self.pickable = pickable
        self.clock: Callable[[], float] = time.time
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
        self._areas = AreaLayer(self.scene())
        self._area_names: dict[str, str] = {}
        self._plain: list[tuple[Marker, QGraphicsItem]] = []  # set_markers
        self.live = LiveMarkers(
            self.scene(), self.to_scene, self._areas.area_path, lambda: self.clock(), self.isVisible, self
        )
        self._district = QRectF()
        self._user_zoomed = False
        self._press_pos: QPointF | None = None
        self._pick: tuple[float, float] | None = None
        self._pick_item = fixed_size(pick_pin(), 40)
        self._cross_item = fixed_size(crosshair(), 41)
        self._pick_item.hide()
        self._cross_item.hide()
        self.scene().addItem(self._pick_item)
        self.scene().addItem(self._cross_item)

    # --- data -----------------------------------------------------------------------------------------

    def set_grids(self, grids: Sequence[GridPolygon]) -> None:
        """Draw these grids (replacing any drawn), their villages and towns, and fit the district."""
        lats = [lat for g in grids for ring in g.rings[:1] for lat, _lon in ring]
        self._lat0 = (min(lats) + max(lats)) / 2 if lats else 0.0
        self._cos0 = math.cos(math.radians(self._lat0))
        district = self._areas.build(grids, self.to_scene, self._area_names)
        self._district = district
        if not district.isEmpty():
            margin = max(district.width(), district.height()) * 0.5
            self.setSceneRect(district.adjusted(-margin, -margin, margin, margin))
        for (lat, lon, _label), item in self._plain:  # the projection moved
            item.setPos(self.to_scene(lat, lon))
        self.live.rebuild()
        self._user_zoomed = False
        self.fit()
        if self._pick is not None:
            self.set_pick(*self._pick)

    def set_names(self, categories: Mapping[str, str], areas: Mapping[str, str]) -> None:
        """Names of categories (case tooltips) and of areas (village and town labels), by code."""
        self._area_names = dict(areas)
        self._areas.set_names(self._area_names)
        self._update_labels()
        self.live.set_category_names(dict(categories))

    def set_markers(self, markers: Sequence[Marker]) -> None:
        """Show cases (or anything else) as small dots with their label as a tooltip."""
        for _marker, item in self._plain:
            self.scene().removeItem(item)
        self._plain = []
        pen = QPen(QColor("#ffffff"), 1.5)
        brush = QBrush(QColor("#1f5fbf"))
        for marker in markers:
            dot = QGraphicsEllipseItem(-4, -4, 8, 8)
            dot.setPen(pen)
            dot.setBrush(brush)
            dot.setToolTip(marker[2])
            fixed_size(dot, 20)
            dot.setPos(self.to_scene(marker[0], marker[1]))
            self.scene().addItem(dot)
            self._plain.append((marker, dot))

    def set_cases(self, cases: Iterable[CaseRecord]) -> None:
        """Show the open cases with a location (the first 3000: give them newest first), coloured by
        overdue, due soon, then urgency, and recoloured every minute. Only markers that changed are
        redrawn."""
        self.live.set_cases(cases)

    def set_alerts(self, alerts: Iterable[AlertRecord]) -> None:
        """Show the alerts in force (active or acknowledged): areas, signs, a pulse for active Extreme."""
        self.live.set_alerts(alerts)

    def set_cameras(self, cameras: Iterable[Camera]) -> None:
        self.live.set_cameras(cameras)

    def refresh_case_states(self) -> None:
        """Recolour the shown cases at the current time."""
        self.live.refresh_case_states()

    def marker_counts(self) -> dict[str, int]:
        """How many cases, alerts and cameras are on the map."""
        return self.live.counts()

    def area_counts(self) -> dict[str, int]:
        """How many grids, villages and towns are drawn."""
        return self._areas.counts()

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
        return self._areas.grid_at(self.to_scene(lat, lon))

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
        self._areas.update_labels(self.transform().m11())

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
        point = event.position().toPoint()
        if moved < QApplication.startDragDistance() and not self._open_marker_at(point) and self.pickable:
            self._pick_at(self.mapToScene(point))
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
        picking = self.pickable
        if key in moves and picking:
            dx, dy = moves[Qt.Key(key)]
            self._move_crosshair(dx, dy)
        elif (
            key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and picking and not fast and not _ctrl_or_alt(event)
        ):
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

    def _open_marker_at(self, pos: QPoint) -> bool:
        """Emit the clicked signal of the topmost case, alert or camera under ``pos``, if any."""
        for item in self.items(pos):
            kind, ident = item.data(KIND), item.data(ID)
            if kind == "camera":
                self.cameraClicked.emit(str(ident))
            elif kind == "case":
                self.caseClicked.emit(int(ident))
            elif kind == "alert":
                self.alertClicked.emit(int(ident))
            else:
                continue
            return True
        return False

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


def _ctrl_or_alt(event: QKeyEvent) -> bool:
    mods = event.modifiers()
    return bool(mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier))
