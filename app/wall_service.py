"""The Qt face of the video wall: the backend's wall state, presets, rules and cameras, kept live.

Loaded after each login and reconnection, then followed from the events. Commands are coroutines that
never raise for a refusal or a lost link: the reason goes to the message bridge (app.message) in words
for the supervisor, and they return None.
"""

from __future__ import annotations

import logging
import weakref
from typing import Any

import msgspec
from PySide6.QtCore import QObject, Signal

from app import message
from app.live_state import LiveState
from app.seat_requests import send_or_report
from app.seat_service import SeatService
from client_api import intake_messages as im
from client_api import wall_messages as wm
from client_api.client import Event

log = logging.getLogger("app.wall")

# Who may change the wall: the backend's permissions.WALL (the seat cannot import the backend). A seat
# that guesses wrong only shows controls the backend then refuses, with its reason.
WALL_ROLES = frozenset({"supervisor", "trainer", "admin"})
HISTORY_KEPT = 50


class WallService(LiveState):
    """Signals:
    wallChanged(object, object): the new WallState and the WallChange that made it (None after a load).
    presetsChanged(object): the list of Presets.
    rulesChanged(object): the list of WallRules.
    camerasChanged(object): the list of Cameras.
    gridsLoaded(object): the district's GridPolygons (once, for the map tiles).
    historyReset(): ``changes`` was loaded again.
    changeRecorded(object): a WallChange went on record (it is ``changes[0]`` now).

    Attributes:
        state: the wall as the backend has it (None until loaded).
        presets, rules: lists as the backend has them.
        cameras: Cameras by id.
        grids: the district's grid polygons (empty until loaded).
        changes: the latest changes on record, newest first (at most HISTORY_KEPT).
        last_change: the change that made ``state`` (None after a load).
    """

    what = "wall"

    wallChanged = Signal(object, object)
    presetsChanged = Signal(object)
    rulesChanged = Signal(object)
    camerasChanged = Signal(object)
    gridsLoaded = Signal(object)
    historyReset = Signal()
    changeRecorded = Signal(object)

    def __init__(self, seat: SeatService, parent: QObject | None = None) -> None:
        super().__init__(seat, parent)
        self.state: wm.WallState | None = None
        self.last_change: wm.WallChange | None = None
        self.presets: list[wm.Preset] = []
        self.rules: list[wm.WallRule] = []
        self.cameras: dict[str, wm.Camera] = {}
        self.grids: list[im.GridPolygon] = []
        self.changes: list[wm.WallChange] = []
        self._own_versions: set[int] = set()
        self._in_flight = 0
        # A snapshot means events were missed (away too long, fell behind): the wall's too.
        reload = weakref.WeakMethod(self.reload)
        seat.client.add_snapshot_listener(lambda _s: None if (method := reload()) is None else method())

    @property
    def seat(self) -> SeatService:
        return self._seat

    @property
    def can_edit(self) -> bool:
        operator = self._seat.operator
        return operator is not None and operator.role in WALL_ROLES

    def monitor(self, index: int) -> wm.Monitor | None:
        if self.state is None:
            return None
        return next((m for m in self.state.monitors if m.index == index), None)

    def is_own(self, change: wm.WallChange | None) -> bool:
        """Whether this seat made the change (its answer arrived, or it is the user's and one of this
        seat's wall commands is still on its way: the event may overtake the answer)."""
        if change is None:
            return False
        if change.version in self._own_versions:
            return True
        operator = self._seat.operator
        return self._in_flight > 0 and operator is not None and change.by == operator.username

    # --- following the backend ----------------------------------------------------------------------

    async def load(self) -> None:
        client = self._seat.client
        state: wm.WallState = await client.request("wall.get", wm.GetWall())
        presets: wm.Presets = await client.request("preset.list", wm.ListPresets())
        rules: wm.WallRules = await client.request("wall_rule.list", wm.ListWallRules())
        cameras: wm.Cameras = await client.request("camera.list", wm.ListCameras())
        history: wm.WallHistory = await client.request(
            "wall.history", wm.WallHistoryRequest(limit=HISTORY_KEPT)
        )
        self._set_cameras(cameras.cameras)
        self._set_presets(presets.presets)
        self._set_rules(rules.rules)
        self.changes = list(history.changes)
        self.historyReset.emit()
        if not self.grids:
            grids: im.Grids = await client.request("geo.grids", im.GetGrids())
            self.grids = list(grids.grids)
            self.gridsLoaded.emit(self.grids)
        self._apply_state(state, None, force=True)

    def on_seat_eventReceived(self, event: Event) -> None:
        payload = event.payload
        if isinstance(payload, wm.WallChanged):
            self._apply_state(payload.state, payload.change)
        elif isinstance(payload, wm.PresetsChanged):
            self._set_presets(payload.presets)
        elif isinstance(payload, wm.WallRulesChanged):
            self._set_rules(payload.rules)
        elif isinstance(payload, wm.CamerasChanged):
            self._set_cameras(payload.cameras)

    def _apply_state(self, state: wm.WallState, change: wm.WallChange | None, force: bool = False) -> None:
        """Take a newer state (an older one, from an answer that arrived after the event, is dropped)."""
        if change is not None and change.summary and all(c.version != change.version for c in self.changes):
            self.changes.insert(0, change)  # only the event carries the record's summary
            del self.changes[HISTORY_KEPT:]
            self.changeRecorded.emit(change)
        if not force and self.state is not None and state.version <= self.state.version:
            return
        if force and self.state == state:
            return
        self.state = state
        self.last_change = change
        self.wallChanged.emit(state, change)

    def _set_presets(self, presets: list[wm.Preset]) -> None:
        self.presets = sorted(presets, key=lambda p: p.name)
        self.presetsChanged.emit(self.presets)

    def _set_rules(self, rules: list[wm.WallRule]) -> None:
        self.rules = list(rules)
        self.rulesChanged.emit(self.rules)

    def _set_cameras(self, cameras: list[wm.Camera]) -> None:
        self.cameras = {c.id: c for c in cameras}
        self.camerasChanged.emit(list(cameras))

    # --- commands -------------------------------------------------------------------------------------

    async def set_layouts(
        self, layouts: dict[int, wm.Layout], base_version: int | None
    ) -> wm.WallState | None:
        """Push layouts to the wall's monitors in one change (the last change wins)."""
        request = wm.SetLayouts(layouts=layouts, base_version=base_version)
        return await self._change("wall.set_layouts", request, self.tr("The wall was not changed"))

    async def set_tile(self, monitor: int, tile: int, source: wm.TileSource) -> wm.WallState | None:
        request = wm.SetTile(monitor=monitor, tile=tile, source=source)
        return await self._change("wall.set_tile", request, self.tr("The tile was not changed"))

    async def pin(self, monitor: int, tile: int, pinned: bool) -> wm.WallState | None:
        request = wm.PinTile(monitor=monitor, tile=tile, pinned=pinned)
        return await self._change("wall.pin", request, self.tr("The tile was not pinned"))

    async def apply_preset(self, name: str, monitor: int | None = None) -> wm.WallState | None:
        request = wm.ApplyPreset(name=name, monitor=monitor)
        return await self._change("preset.apply", request, self.tr("The preset was not applied"))

    async def save_preset(self, preset: wm.Preset) -> wm.Preset | None:
        result: wm.PresetSaved | None = await self._send(
            "preset.save", wm.SavePreset(preset=preset), self.tr("The preset was not saved")
        )
        if result is None:
            return None
        self._set_presets([p for p in self.presets if p.name != preset.name] + [result.preset])
        message.info(self.tr("Preset “{name}” saved.").format(name=preset.name))
        return result.preset

    async def delete_preset(self, name: str) -> bool:
        result = await self._send(
            "preset.delete", wm.DeleteByName(name=name), self.tr("The preset was not deleted")
        )
        if result is not None:
            self._set_presets([p for p in self.presets if p.name != name])
        return result is not None

    async def save_rule(self, rule: wm.WallRule) -> wm.WallRule | None:
        result: wm.WallRuleSaved | None = await self._send(
            "wall_rule.save", wm.SaveWallRule(rule=rule), self.tr("The wall rule was not saved")
        )
        return None if result is None else result.rule

    async def history(self, limit: int = 100) -> list[wm.WallChange] | None:
        result: wm.WallHistory | None = await self._send(
            "wall.history", wm.WallHistoryRequest(limit=limit), self.tr("The wall's history was not loaded")
        )
        return None if result is None else result.changes

    async def _change(self, type_: str, request: msgspec.Struct, failed: str) -> wm.WallState | None:
        self._in_flight += 1
        try:
            state: wm.WallState | None = await self._send(type_, request, failed)
        finally:
            self._in_flight -= 1
        if state is None:
            return None
        self._own_versions.add(state.version)
        self._apply_state(state, self._answer_change(state))
        return state

    def _answer_change(self, state: wm.WallState) -> wm.WallChange:
        """The change as the answer tells it (the event carries the backend's own summary)."""
        return wm.WallChange(
            version=state.version,
            at=state.changed_at or 0.0,
            by=state.changed_by or "",
            cause=state.cause,
            summary="",
        )

    async def _send(self, type_: str, request: msgspec.Struct, failed: str) -> Any:
        """The answer, or None after telling the operator ``failed`` and why (app.seat_requests)."""
        return await send_or_report(self._seat, type_, request, failed)
