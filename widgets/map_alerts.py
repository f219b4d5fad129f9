"""Alerts on the grid map: their areas (polygons, circles, grids by code) tinted by severity, a warning
sign at their point, and a pulsing halo around active Extreme alerts."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QPointF, QRectF, QTimer
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
)

from client_api.alert_messages import AlertRecord
from widgets.alert_labels import SEVERITY_COLOURS, area_text, severity_label, state_label
from widgets.map_areas import fixed_size
from widgets.map_geometry import KM, centroid
from widgets.map_markers import clickable

PULSE = 2  # QGraphicsItem.data key: True on a halo that pulses
SHOWN_STATES = ("active", "acknowledged")
Z_AREA, Z_HALO, Z_ALERT = 5.0, 34.0, 35.0
PULSE_PERIOD_S = 1.6
PULSE_TICK_MS = 80
ToScene = Callable[[float, float], QPointF]
AreaPath = Callable[[str], QPainterPath | None]


def shown_alerts(alerts: Iterable[AlertRecord]) -> dict[int, AlertRecord]:
    """Alerts still in force (unacknowledged or acknowledged; not cancelled or expired), by id."""
    return {a.id: a for a in alerts if a.state in SHOWN_STATES}


def alert_tooltip(alert: AlertRecord) -> str:
    head = f"{severity_label(alert.severity)} · {alert.headline or alert.event}"
    area = area_text(alert)
    return "\n".join(part for part in (head, area, state_label(alert.state)) if part)


def alert_point(alert: AlertRecord) -> tuple[float, float] | None:
    """Where its sign goes: its point, else its first circle's centre or polygon's centroid."""
    if alert.lat is not None and alert.lon is not None:
        return alert.lat, alert.lon
    for area in alert.areas:
        if area.circles:
            return area.circles[0].lat, area.circles[0].lon
        if area.polygons and len(area.polygons[0]) >= 3:
            return centroid(area.polygons[0])
    return None


def make_alert_items(alert: AlertRecord, to_scene: ToScene, area_path: AreaPath) -> list[QGraphicsItem]:
    colour = QColor(SEVERITY_COLOURS.get(alert.severity, SEVERITY_COLOURS["Unknown"]))
    active = alert.state == "active"
    fill = QColor(colour)
    fill.setAlpha(60 if active else 30)
    pen = QPen(colour, 2.0 if active else 1.0)
    pen.setCosmetic(True)
    tooltip = alert_tooltip(alert)
    items: list[QGraphicsItem] = []
    for area in alert.areas:
        shapes: list[QGraphicsPathItem | QGraphicsPolygonItem | QGraphicsEllipseItem] = []
        for ring in area.polygons:
            if len(ring) >= 3:
                shapes.append(QGraphicsPolygonItem(QPolygonF([to_scene(lat, lon) for lat, lon in ring])))
        for circle in area.circles:
            r = circle.radius_km * KM
            ellipse = QGraphicsEllipseItem(QRectF(-r, -r, 2 * r, 2 * r))
            ellipse.setPos(to_scene(circle.lat, circle.lon))
            shapes.append(ellipse)
        for geocode in area.geocodes:
            path = area_path(geocode.value) if geocode.value_name == "grid" else None
            if path is not None:
                shapes.append(QGraphicsPathItem(path))
        items += [_area_shape(shape, pen, fill, alert.id, tooltip) for shape in shapes]
    if not items and alert.grid_code and (path := area_path(alert.grid_code)) is not None:
        items.append(_area_shape(QGraphicsPathItem(path), pen, fill, alert.id, tooltip))  # only a unit code
    point = alert_point(alert)
    if point is not None:
        where = to_scene(*point)
    elif items:  # only grids by code: the middle of the first
        where = items[0].boundingRect().center()
    else:
        return items
    sign = QGraphicsPathItem(_warning_sign())
    sign.setPen(QPen(QColor("#ffffff"), 1.5))
    sign.setBrush(QBrush(colour))
    sign.setOpacity(1.0 if active else 0.6)
    fixed_size(sign, Z_ALERT)
    sign.setPos(where)
    items.append(clickable(sign, "alert", alert.id, tooltip))
    if active and alert.severity == "Extreme":
        halo = QGraphicsEllipseItem(QRectF(-16, -16, 32, 32))
        halo.setPen(QPen(colour, 3.0))
        fixed_size(halo, Z_HALO)
        halo.setPos(where)
        halo.setData(PULSE, True)
        items.append(clickable(halo, "alert", alert.id, tooltip))
    return items


def _area_shape(
    shape: QGraphicsPathItem | QGraphicsPolygonItem | QGraphicsEllipseItem,
    pen: QPen,
    fill: QColor,
    alert_id: int,
    tooltip: str,
) -> QGraphicsItem:
    shape.setPen(pen)
    shape.setBrush(QBrush(fill))
    shape.setZValue(Z_AREA)
    return clickable(shape, "alert", alert_id, tooltip)


def _warning_sign() -> QPainterPath:
    path = QPainterPath()
    path.moveTo(0, -12)
    path.lineTo(11, 8)
    path.lineTo(-11, 8)
    path.closeSubpath()
    path.addRect(QRectF(-1.2, -5, 2.4, 7))  # the exclamation mark, cut out (odd-even fill)
    path.addRect(QRectF(-1.2, 3.5, 2.4, 2.4))
    return path


class Pulse(QObject):
    """Grows and fades the halos of active Extreme alerts, one timer for all, running only while there
    are halos and the map is visible."""

    def __init__(self, visible: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._visible = visible
        self._halos: list[QGraphicsItem] = []
        self._timer = QTimer(self)
        self._timer.setInterval(PULSE_TICK_MS)
        self._timer.timeout.connect(self.on_timer_timeout)
        self._epoch = time.monotonic()

    def halos(self) -> list[QGraphicsItem]:
        return list(self._halos)

    def is_running(self) -> bool:
        return self._timer.isActive()

    def set_items(self, items: Iterable[QGraphicsItem]) -> None:
        """Pulse the halos among these items (and stop pulsing any others)."""
        self._halos = [item for item in items if item.data(PULSE)]
        if self._halos and not self._timer.isActive():
            self._timer.start()
        elif not self._halos:
            self._timer.stop()

    def on_timer_timeout(self) -> None:
        if not self._visible():
            return
        phase = ((time.monotonic() - self._epoch) % PULSE_PERIOD_S) / PULSE_PERIOD_S
        for halo in self._halos:
            halo.setScale(1.0 + 1.2 * phase)
            halo.setOpacity(math.cos(phase * math.pi / 2))
