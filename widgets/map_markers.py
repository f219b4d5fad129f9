"""Markers on the grid map: keyed layers that add, replace and remove only what changed, with the case
dots and camera icons they hold. Clickable items carry what they show in their data (``KIND``, ``ID``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QPointF, QRectF
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem, QGraphicsPathItem, QGraphicsScene

from client_api import case_stats
from client_api.messages import CaseRecord
from client_api.wall_messages import Camera
from widgets.case_table_model import status_label
from widgets.map_areas import fixed_size

KIND, ID = 0, 1  # QGraphicsItem.data keys: "case" | "alert" | "camera", and the record's id
Z_CASE, Z_CAMERA = 20.0, 30.0
ToScene = Callable[[float, float], QPointF]
K = TypeVar("K")
S = TypeVar("S")

CASE_COLOURS = {
    "overdue": "#d32f2f",
    "due_soon": "#f9a825",
    "critical": "#ad1457",
    "urgent": "#ef6c00",
    "normal": "#1f5fbf",
}


class MarkerLayer(Generic[K, S]):
    """Items by key, made from a spec: ``sync`` keeps the items whose spec is unchanged."""

    def __init__(self, scene: QGraphicsScene, make: Callable[[S], list[QGraphicsItem]]) -> None:
        self._scene = scene
        self._make = make
        self._shown: dict[K, tuple[S, list[QGraphicsItem]]] = {}

    def __len__(self) -> int:
        return len(self._shown)

    def items(self) -> list[QGraphicsItem]:
        return [item for _spec, items in self._shown.values() for item in items]

    def specs(self) -> list[S]:
        return [spec for spec, _items in self._shown.values()]

    def sync(self, specs: Mapping[K, S]) -> int:
        """Show exactly these; returns how many keys were added, replaced or removed."""
        changed = 0
        for key in [key for key in self._shown if key not in specs]:
            self._remove(key)
            changed += 1
        for key, spec in specs.items():
            shown = self._shown.get(key)
            if shown is not None and shown[0] == spec:
                continue
            if shown is not None:
                self._remove(key)
            items = self._make(spec)
            for item in items:
                self._scene.addItem(item)
            self._shown[key] = (spec, items)
            changed += 1
        return changed

    def rebuild(self) -> None:
        """Make every item again (the projection changed)."""
        specs = {key: spec for key, (spec, _items) in self._shown.items()}
        self.clear()
        self.sync(specs)

    def clear(self) -> None:
        for key in list(self._shown):
            self._remove(key)

    def _remove(self, key: K) -> None:
        for item in self._shown.pop(key)[1]:
            self._scene.removeItem(item)


def clickable(item: QGraphicsItem, kind: str, ident: int | str, tooltip: str) -> QGraphicsItem:
    item.setData(KIND, kind)
    item.setData(ID, ident)
    item.setToolTip(tooltip)
    return item


# --- cases ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CaseSpec:
    id: int
    lat: float
    lon: float
    state: str  # case_stats.MAP_STATES
    tooltip: str


def state_label(state: str) -> str:
    labels = {
        "overdue": QCoreApplication.translate("MapMarkers", "Overdue"),
        "due_soon": QCoreApplication.translate("MapMarkers", "Due soon"),
        "critical": QCoreApplication.translate("MapMarkers", "Critical"),
        "urgent": QCoreApplication.translate("MapMarkers", "Urgent"),
        "normal": QCoreApplication.translate("MapMarkers", "On time"),
    }
    return labels.get(state, state)


def open_located(cases: Iterable[CaseRecord], limit: int) -> list[CaseRecord]:
    """The first ``limit`` open cases with a location (a CaseBook gives the newest first)."""
    found: list[CaseRecord] = []
    for case in cases:
        if case.lat is not None and case.lon is not None and case_stats.is_open(case):
            found.append(case)
            if len(found) >= limit:
                break
    return found


def case_tooltip(case: CaseRecord, state: str, category_name: Callable[[str], str]) -> str:
    return (
        f"{case.case_no} · {category_name(case.category_code)}\n{case.address}\n"
        f"{status_label(case.status)} · {state_label(state)}"
    )


def case_specs(
    cases: Iterable[CaseRecord], now: float, tooltip: Callable[[CaseRecord, str], str]
) -> dict[int, CaseSpec]:
    """How each of these located cases is drawn at ``now``, by id; ``tooltip(case, state)``."""
    specs: dict[int, CaseSpec] = {}
    for case in cases:
        if case.lat is None or case.lon is None:
            continue
        state = case_stats.map_state(case, now)
        specs[case.id] = CaseSpec(case.id, case.lat, case.lon, state, tooltip(case, state))
    return specs


def make_case_items(spec: CaseSpec, to_scene: ToScene) -> list[QGraphicsItem]:
    radius = 6.0 if spec.state in ("overdue", "critical") else 4.5
    dot = QGraphicsEllipseItem(QRectF(-radius, -radius, 2 * radius, 2 * radius))
    dot.setPen(QPen(QColor("#ffffff"), 1.5))
    dot.setBrush(QBrush(QColor(CASE_COLOURS.get(spec.state, CASE_COLOURS["normal"]))))
    rank = len(case_stats.MAP_STATES) - case_stats.MAP_STATES.index(spec.state)
    fixed_size(dot, Z_CASE + rank / 10)  # the most pressing on top
    dot.setPos(to_scene(spec.lat, spec.lon))
    return [clickable(dot, "case", spec.id, spec.tooltip)]


# --- cameras --------------------------------------------------------------------------------------------


def camera_tooltip(camera: Camera) -> str:
    return QCoreApplication.translate("MapMarkers", "Camera {name} ({group})").format(
        name=camera.name, group=camera.group
    )


def make_camera_items(camera: Camera, to_scene: ToScene) -> list[QGraphicsItem]:
    """A camera body with its lens to the right, about 22 × 14 px on screen."""
    path = QPainterPath()
    path.addRoundedRect(QRectF(-11, -7, 15, 14), 2.5, 2.5)
    path.moveTo(4, -2)
    path.lineTo(11, -6)
    path.lineTo(11, 6)
    path.lineTo(4, 2)
    path.closeSubpath()
    icon = QGraphicsPathItem(path)
    icon.setPen(QPen(QColor("#ffffff"), 1.5))
    icon.setBrush(QBrush(QColor("#263238")))
    fixed_size(icon, Z_CAMERA)
    icon.setPos(to_scene(camera.lat, camera.lon))
    return [clickable(icon, "camera", camera.id, camera_tooltip(camera))]


# --- the pick ---------------------------------------------------------------------------------------------


def pick_pin() -> QGraphicsItem:
    """A red ring with a cross: the picked point."""
    path = QPainterPath()
    path.addEllipse(QPointF(0, 0), 7, 7)
    path.moveTo(-11, 0)
    path.lineTo(11, 0)
    path.moveTo(0, -11)
    path.lineTo(0, 11)
    item = QGraphicsPathItem(path)
    item.setPen(QPen(QColor("#d62d20"), 2.5))
    item.setBrush(QBrush(QColor(214, 45, 32, 70)))
    return item


def crosshair() -> QGraphicsItem:
    """Four short strokes around a gap: the keyboard crosshair."""
    path = QPainterPath()
    for x1, y1, x2, y2 in ((-16, 0, -4, 0), (4, 0, 16, 0), (0, -16, 0, -4), (0, 4, 0, 16)):
        path.moveTo(x1, y1)
        path.lineTo(x2, y2)
    item = QGraphicsPathItem(path)
    item.setPen(QPen(QColor("#111111"), 1.5))
    return item
