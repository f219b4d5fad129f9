"""Messages of the video wall: the wall's monitors and layouts, presets, switching rules and the camera
registry (see docs/protocol-wall.md). The wall state lives in the backend; every supervisor seat and
every wall display shows the same state, and the last change wins, with each change on record.
"""

from __future__ import annotations

import msgspec

# Layouts a monitor can show; "custom" is any grid with merged cells.
LAYOUT_KINDS = ("1", "2x2", "3x3", "4x4", "1+5", "1+7", "custom")
# What a tile shows: a camera (ref = camera id), the grid map, a dashboard (ref = DASHBOARDS), the case
# list, the alert list, one alert (ref = alert id, shown beside alarm-switched cameras), a text/status
# panel (text), or nothing.
SOURCE_KINDS = ("camera", "map", "dashboard", "cases", "alerts", "alert", "text", "empty")
DASHBOARDS = ("cases_by_hour", "cases_by_category", "cases_by_grid", "sla_compliance")
RULE_TRIGGERS = ("alert", "case", "drill", "schedule")
MAX_MONITORS = 24
MAX_GRID = 8  # rows or columns of a custom layout


class TileSource(msgspec.Struct, frozen=True, kw_only=True):
    kind: str  # SOURCE_KINDS
    ref: str | None = None
    text: str | None = None


EMPTY = TileSource(kind="empty")


class Tile(msgspec.Struct, frozen=True, kw_only=True):
    """A rectangle of a layout's grid, ``row_span`` × ``col_span`` cells from (row, col)."""

    row: int
    col: int
    row_span: int = 1
    col_span: int = 1
    source: TileSource = EMPTY
    pinned: bool = False  # rules leave a pinned tile alone
    alarm: bool = False  # designated: alarm-linked switching puts cameras (or the alert) here


class Layout(msgspec.Struct, frozen=True, kw_only=True):
    """Tiles cover the rows × cols grid exactly once (checked by the backend)."""

    kind: str  # LAYOUT_KINDS
    rows: int
    cols: int
    tiles: list[Tile]


class Monitor(msgspec.Struct, frozen=True, kw_only=True):
    """A physical screen of the wall at (row, col) of the wall's grid of monitors."""

    index: int  # 1-based, as the wall display's --wall MONITOR
    name: str
    row: int
    col: int
    width_px: int
    height_px: int
    layout: Layout


class WallState(msgspec.Struct, frozen=True, kw_only=True):
    name: str
    rows: int
    cols: int
    monitors: list[Monitor]
    version: int  # +1 on every change
    changed_by: str | None = None
    changed_at: float | None = None
    cause: str = "manual"  # manual | preset:<name> | rule:<name> | alarm:<alert id> | schedule:<name>


class WallChange(msgspec.Struct, frozen=True, kw_only=True):
    """One change on record."""

    version: int
    at: float
    by: str
    cause: str
    summary: str  # e.g. "monitor 2: 1+5 layout", "tile 2/3 ← camera CAM-012"


class Preset(msgspec.Struct, frozen=True, kw_only=True):
    """A named layout for one monitor (scope monitor: ``layouts`` has one) or for the whole wall (scope
    wall: one layout per monitor, in monitor order)."""

    name: str
    scope: str  # monitor | wall
    layouts: list[Layout]
    updated_by: str | None = None
    updated_at: float | None = None


class WallRule(msgspec.Struct, frozen=True, kw_only=True):
    """Switch the wall on events or on a schedule. On ``alert`` (or ``case``) with a location matching
    ``categories`` (CAP categories or case category codes/prefixes; empty: any) and at least
    ``min_severity``: apply ``preset`` if set, then, if ``switch_cameras``, the ``cameras`` nearest cameras
    take the designated (alarm) tiles not pinned, and one designated tile shows the alert. ``drill``: when
    a drill starts. ``schedule``: every day at ``at`` ("HH:MM", the center's local time)."""

    name: str
    enabled: bool = True
    trigger: str  # RULE_TRIGGERS
    categories: list[str] = []
    min_severity: str | None = None
    at: str | None = None
    preset: str | None = None
    switch_cameras: bool = False
    cameras: int = 4
    monitor: int | None = None  # only this monitor's designated tiles (None: all monitors)


class Camera(msgspec.Struct, frozen=True, kw_only=True):
    """``url``: rtsp://, http(s)://, file:// or sim://<id> (a simulated camera the seat generates)."""

    id: str
    name: str
    group: str  # e.g. 临江街道, 道路, 沿江
    lat: float
    lon: float
    url: str
    grid_code: str | None = None


# --- requests ---


class GetWall(msgspec.Struct, kw_only=True):
    pass


class ConfigureWall(msgspec.Struct, kw_only=True):
    """The physical wall: rows × cols monitors with their resolutions (layouts of kept monitors stay)."""

    name: str
    rows: int
    cols: int
    monitors: list[Monitor]


class SetLayouts(msgspec.Struct, kw_only=True):
    """Put layouts on monitors (by index) in one change. ``base_version``: the version the seat edited;
    a newer version on the backend does not refuse the change (the last change wins) but is recorded."""

    layouts: dict[int, Layout]
    base_version: int | None = None


class SetTile(msgspec.Struct, kw_only=True):
    """Set one tile's source (tile = index into the monitor's layout.tiles)."""

    monitor: int
    tile: int
    source: TileSource


class PinTile(msgspec.Struct, kw_only=True):
    monitor: int
    tile: int
    pinned: bool


class WallHistoryRequest(msgspec.Struct, kw_only=True):
    limit: int = 100


class WallHistory(msgspec.Struct, kw_only=True):
    changes: list[WallChange]


class ListPresets(msgspec.Struct, kw_only=True):
    pass


class Presets(msgspec.Struct, kw_only=True):
    presets: list[Preset]


class SavePreset(msgspec.Struct, kw_only=True):
    preset: Preset


class PresetSaved(msgspec.Struct, kw_only=True):
    preset: Preset


class DeleteByName(msgspec.Struct, kw_only=True):
    name: str


class Deleted(msgspec.Struct, kw_only=True):
    name: str


class ApplyPreset(msgspec.Struct, kw_only=True):
    """Apply a preset: a monitor preset to ``monitor`` (required), a wall preset to the whole wall."""

    name: str
    monitor: int | None = None


class ListWallRules(msgspec.Struct, kw_only=True):
    pass


class WallRules(msgspec.Struct, kw_only=True):
    rules: list[WallRule]


class SaveWallRule(msgspec.Struct, kw_only=True):
    rule: WallRule


class WallRuleSaved(msgspec.Struct, kw_only=True):
    rule: WallRule


class ListCameras(msgspec.Struct, kw_only=True):
    pass


class Cameras(msgspec.Struct, kw_only=True):
    cameras: list[Camera]


class SaveCamera(msgspec.Struct, kw_only=True):
    camera: Camera


class CameraSaved(msgspec.Struct, kw_only=True):
    camera: Camera


class DeleteCamera(msgspec.Struct, kw_only=True):
    id: str


class CameraDeleted(msgspec.Struct, kw_only=True):
    id: str


class NearestCameras(msgspec.Struct, kw_only=True):
    lat: float
    lon: float
    limit: int = 4


class CameraDistance(msgspec.Struct, frozen=True, kw_only=True):
    camera: Camera
    distance_m: float


class CamerasNear(msgspec.Struct, kw_only=True):
    cameras: list[CameraDistance]


# --- events ---


class WallChanged(msgspec.Struct, kw_only=True):
    state: WallState
    change: WallChange


class PresetsChanged(msgspec.Struct, kw_only=True):
    presets: list[Preset]


class WallRulesChanged(msgspec.Struct, kw_only=True):
    rules: list[WallRule]


class CamerasChanged(msgspec.Struct, kw_only=True):
    cameras: list[Camera]


REQUESTS: dict[str, tuple[type[msgspec.Struct], type[msgspec.Struct]]] = {
    "wall.get": (GetWall, WallState),
    "wall.configure": (ConfigureWall, WallState),
    "wall.set_layouts": (SetLayouts, WallState),
    "wall.set_tile": (SetTile, WallState),
    "wall.pin": (PinTile, WallState),
    "wall.history": (WallHistoryRequest, WallHistory),
    "preset.list": (ListPresets, Presets),
    "preset.save": (SavePreset, PresetSaved),
    "preset.delete": (DeleteByName, Deleted),
    "preset.apply": (ApplyPreset, WallState),
    "wall_rule.list": (ListWallRules, WallRules),
    "wall_rule.save": (SaveWallRule, WallRuleSaved),
    "wall_rule.delete": (DeleteByName, Deleted),
    "camera.list": (ListCameras, Cameras),
    "camera.save": (SaveCamera, CameraSaved),
    "camera.delete": (DeleteCamera, CameraDeleted),
    "camera.nearest": (NearestCameras, CamerasNear),
}

EVENTS: dict[str, type[msgspec.Struct]] = {
    "wall.changed": WallChanged,
    "preset.changed": PresetsChanged,
    "wall_rule.changed": WallRulesChanged,
    "camera.changed": CamerasChanged,
}
