"""Makes a wall tile's content from its source, and keeps the live ones fed with cases and alerts.

camera → VideoTile, map → GridMap, dashboard → DashboardTile, cases/alerts → the list tiles, alert →
AlertCard, text → TextTile, empty → a quiet placeholder. Cases and alerts reach the maps, dashboards and
cards at most once a second, however fast they change: a wall runs all day.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from app.alerts_service import AlertsService
from app.wall_service import WallService
from client_api import wall_messages as wm
from client_api.client import Event
from widgets.alert_card import AlertCard
from widgets.alert_list_tile import AlertListTile
from widgets.case_list_tile import CaseListTile
from widgets.dashboard_tile import DashboardTile
from widgets.grid_map import GridMap
from widgets.text_tile import TextTile
from widgets.tile_names import source_title
from widgets.video_tile import VideoTile

log = logging.getLogger("widgets.wall")

FEED_INTERVAL_MS = 1000

SourceKey = tuple[str, str | None, str | None]


def source_key(source: wm.TileSource) -> SourceKey:
    """Tiles with equal keys can share one content widget (a camera keeps playing across changes)."""
    return (source.kind, source.ref, source.text)


class EmptyTile(QLabel):
    """A tile with nothing on it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyTile")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("#emptyTile{background:#15181c;color:#5b636d;font-size:14pt;}")
        self.setText(self.tr("No source"))


class TileFactory(QObject):
    """Attributes: wall (WallService: cameras, grids), alerts (AlertsService or None: no alert tiles).

    ``create(source, parent)`` makes a content widget; ``release(widget)`` stops it (a video's player)
    and forgets it; ``title(source)`` names the source.
    """

    def __init__(
        self, wall: WallService, alerts: AlertsService | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.wall = wall
        self.alerts = alerts
        self._live: dict[str, list[QWidget]] = {}  # kind -> content widgets fed from the seat
        self._dirty: set[str] = set()  # "cases", "alerts"
        self._timer = QTimer(self)
        self._timer.setInterval(FEED_INTERVAL_MS)
        self._timer.timeout.connect(self._feed)
        self._timer.start()
        seat = wall.seat
        seat.eventReceived.connect(self.on_seat_eventReceived)
        seat.referenceLoaded.connect(lambda _ref: self._feed_names())
        dirty = weakref.WeakMethod(self._cases_dirty)  # the book outlives a wall display's factory
        seat.cases.on_reset.append(lambda: None if (method := dirty()) is None else method())
        wall.camerasChanged.connect(lambda _cams: self._feed_cameras())
        wall.gridsLoaded.connect(lambda _grids: self._feed_grids())
        if alerts is not None:
            alerts.reset.connect(self._alerts_dirty)
            alerts.alertRaised.connect(lambda _a: self._alerts_dirty())
            alerts.alertChanged.connect(lambda _a: self._alerts_dirty())

    # --- making and releasing ---------------------------------------------------------------------------

    def title(self, source: wm.TileSource) -> str:
        return source_title(source, self.wall.cameras, self._alert_headline)

    def create(self, source: wm.TileSource, parent: QWidget | None = None) -> QWidget:
        makers: dict[str, Callable[[wm.TileSource, QWidget | None], QWidget]] = {
            "camera": self._camera,
            "map": self._map,
            "dashboard": self._dashboard,
            "cases": self._case_list,
            "alerts": self._alert_list,
            "alert": self._alert_card,
            "text": self._text,
        }
        maker = makers.get(source.kind)
        try:
            widget = EmptyTile(parent) if maker is None else maker(source, parent)
        except Exception as exc:  # one tile that cannot be built must not take the whole wall down
            log.exception("the %s tile could not be made", source.kind)
            widget = EmptyTile(parent)
            widget.setText(self.tr("This tile cannot be shown: {reason}").format(reason=exc))
        self._live.setdefault(source.kind, []).append(widget)
        return widget

    def release(self, widget: QWidget) -> None:
        """Stop what the widget plays and forget it (the caller deletes it)."""
        for widgets in self._live.values():
            if widget in widgets:
                widgets.remove(widget)
        if isinstance(widget, VideoTile):
            widget.stop()

    def widgets(self, kind: str) -> list[QWidget]:
        """The live content widgets of a kind (for tests and the bench)."""
        return list(self._live.get(kind, []))

    def _camera(self, source: wm.TileSource, parent: QWidget | None) -> QWidget:
        camera = self.wall.cameras.get(source.ref or "")
        if camera is None:  # not (or no longer) registered: say so instead of playing nothing
            missing = EmptyTile(parent)
            missing.setText(self.title(source))
            return missing
        return VideoTile(camera.name, camera.url, parent)

    def _map(self, _source: wm.TileSource, parent: QWidget | None) -> QWidget:
        grid_map = GridMap(parent, pickable=False)
        grid_map.set_grids(self.wall.grids)
        self._set_names(grid_map)
        grid_map.set_cameras(self.wall.cameras.values())
        grid_map.set_cases(self.wall.seat.cases)
        if self.alerts is not None:
            grid_map.set_alerts(self.alerts.book)
        return grid_map

    def _dashboard(self, source: wm.TileSource, parent: QWidget | None) -> QWidget:
        tile = DashboardTile(source.ref or "cases_by_hour", parent)
        self._set_names(tile)
        tile.update_cases(self.wall.seat.cases)
        return tile

    def _case_list(self, _source: wm.TileSource, parent: QWidget | None) -> QWidget:
        tile = CaseListTile(parent)
        self._set_names(tile)
        tile.set_cases(self.wall.seat.cases)
        return tile

    def _alert_list(self, _source: wm.TileSource, parent: QWidget | None) -> QWidget:
        tile = AlertListTile(parent)
        if self.alerts is not None:
            tile.set_alerts(self.alerts.book)
        return tile

    def _alert_card(self, source: wm.TileSource, parent: QWidget | None) -> QWidget:
        ref = source.ref or ""
        card = AlertCard(int(ref) if ref.isdigit() else 0, parent)
        self._show_alert(card)
        return card

    def _text(self, source: wm.TileSource, parent: QWidget | None) -> QWidget:
        return TextTile(source.text or "", parent)

    # --- feeding ------------------------------------------------------------------------------------------

    def on_seat_eventReceived(self, event: Event) -> None:
        if getattr(event.payload, "case", None) is not None:
            self._cases_dirty()

    def _cases_dirty(self) -> None:
        self._dirty.add("cases")

    def _alerts_dirty(self) -> None:
        self._dirty.add("alerts")

    def _feed(self) -> None:
        dirty, self._dirty = self._dirty, set()
        cases = self.wall.seat.cases
        if "cases" in dirty:
            for widget in self._of_kind("map", "dashboard", "cases"):
                if isinstance(widget, GridMap | CaseListTile):
                    widget.set_cases(cases)
                elif isinstance(widget, DashboardTile):
                    widget.update_cases(cases)
        if "alerts" in dirty and self.alerts is not None:
            for widget in self._of_kind("map", "alerts", "alert"):
                if isinstance(widget, GridMap | AlertListTile):
                    widget.set_alerts(self.alerts.book)
                elif isinstance(widget, AlertCard):
                    self._show_alert(widget)

    def _feed_cameras(self) -> None:
        for widget in self._of_kind("map"):
            if isinstance(widget, GridMap):
                widget.set_cameras(self.wall.cameras.values())

    def _feed_grids(self) -> None:
        for widget in self._of_kind("map"):
            if isinstance(widget, GridMap):
                widget.set_grids(self.wall.grids)

    def _feed_names(self) -> None:
        for widget in self._of_kind("dashboard", "cases", "map"):
            self._set_names(widget)

    def _set_names(self, widget: QWidget) -> None:
        reference = self.wall.seat.reference
        if reference is not None and isinstance(widget, GridMap | CaseListTile | DashboardTile):
            categories = {c.code: c.name for c in reference.categories}
            areas = {a.code: a.name for a in reference.areas}
            widget.set_names(categories, areas)

    def _of_kind(self, *kinds: str) -> list[QWidget]:
        return [w for kind in kinds for w in self._live.get(kind, [])]

    def _show_alert(self, card: AlertCard) -> None:
        alert = None if self.alerts is None else self.alerts.book.get(card.alert_id)
        card.show_alert(alert, self.wall.seat.exercise)

    def _alert_headline(self, alert_id: int) -> str | None:
        alert = None if self.alerts is None else self.alerts.book.get(alert_id)
        return None if alert is None else alert.headline or alert.event
