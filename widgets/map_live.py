"""The grid map's live layers: open cases, alerts in force and cameras, each kept in step with the
seat's data by keyed diffing, with the pulse of Extreme alerts and the minute-by-minute recolouring of
cases whose deadlines draw near."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from PySide6.QtCore import QObject, QPointF, QTimer
from PySide6.QtWidgets import QGraphicsScene

from client_api.alert_messages import AlertRecord
from client_api.messages import CaseRecord
from client_api.wall_messages import Camera
from widgets.map_alerts import AreaPath, Pulse, make_alert_items, shown_alerts
from widgets.map_markers import (
    CaseSpec,
    MarkerLayer,
    case_specs,
    case_tooltip,
    make_camera_items,
    make_case_items,
    open_located,
)

MAX_CASE_MARKERS = 3000  # the newest open cases; more would only hide the map
CASE_STATE_REFRESH_MS = 60_000  # a case turns due-soon or overdue with time, not only with events


class LiveMarkers(QObject):
    """Attributes:
    pulse: the Pulse of active Extreme alerts' halos.
    """

    def __init__(
        self,
        scene: QGraphicsScene,
        to_scene: Callable[[float, float], QPointF],
        area_path: AreaPath,
        clock: Callable[[], float],
        visible: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._category_names: Mapping[str, str] = {}
        self._case_records: list[CaseRecord] = []  # those shown, for the periodic recolouring
        self._tooltips: dict[int, tuple[CaseRecord, str, str]] = {}  # id -> (that case, state, text)
        self.cases: MarkerLayer[int, CaseSpec] = MarkerLayer(
            scene, lambda spec: make_case_items(spec, to_scene)
        )
        self.alerts: MarkerLayer[int, AlertRecord] = MarkerLayer(
            scene, lambda alert: make_alert_items(alert, to_scene, area_path)
        )
        self.cameras: MarkerLayer[str, Camera] = MarkerLayer(
            scene, lambda camera: make_camera_items(camera, to_scene)
        )
        self.pulse = Pulse(visible, self)
        self._recolour = QTimer(self)
        self._recolour.setInterval(CASE_STATE_REFRESH_MS)
        self._recolour.timeout.connect(self.refresh_case_states)

    def set_category_names(self, names: Mapping[str, str]) -> None:
        self._category_names = names
        self._tooltips.clear()
        self.refresh_case_states()

    def set_cases(self, cases: Iterable[CaseRecord]) -> None:
        self._case_records = open_located(cases, MAX_CASE_MARKERS)
        self.refresh_case_states()
        if self._case_records and not self._recolour.isActive():
            self._recolour.start()
        elif not self._case_records:
            self._recolour.stop()

    def set_alerts(self, alerts: Iterable[AlertRecord]) -> None:
        if self.alerts.sync(shown_alerts(alerts)):
            self.pulse.set_items(self.alerts.items())

    def set_cameras(self, cameras: Iterable[Camera]) -> None:
        self.cameras.sync({camera.id: camera for camera in cameras})

    def refresh_case_states(self) -> None:
        self.cases.sync(case_specs(self._case_records, self._clock(), self._tooltip))

    def _tooltip(self, case: CaseRecord, state: str) -> str:
        """Made once per version of a case and state: a wall calls set_cases on every case event."""
        cached = self._tooltips.get(case.id)
        if cached is not None and cached[0] is case and cached[1] == state:
            return cached[2]
        if len(self._tooltips) > 2 * MAX_CASE_MARKERS:
            self._tooltips.clear()
        names = self._category_names
        text = case_tooltip(case, state, lambda code: names.get(code, code))
        self._tooltips[case.id] = (case, state, text)
        return text

    def rebuild(self) -> None:
        """Draw everything again (the projection changed)."""
        for layer in (self.cases, self.alerts, self.cameras):
            layer.rebuild()
        self.pulse.set_items(self.alerts.items())

    def counts(self) -> dict[str, int]:
        return {"case": len(self.cases), "alert": len(self.alerts), "camera": len(self.cameras)}
