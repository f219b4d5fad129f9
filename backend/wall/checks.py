"""Checks of what seats send about the wall: names, layouts with their sources, and the wall's monitors.
Each refusal is ``invalid_field`` naming the field (e.g. ``layouts[2].tiles[3].source``)."""

from __future__ import annotations

import sqlalchemy as sa

from backend import schema
from client_api import wall_messages as wm
from client_api.errors import ErrorCode, ProtocolError
from client_api.wall_layouts import validate_layout

MAX_NAME = 64
MAX_TEXT = 2000
MAX_REF = 64
MIN_PX, MAX_PX = 320, 16384
NO_REF = ("map", "cases", "alerts", "empty")


def invalid(field: str, message: str) -> ProtocolError:
    return ProtocolError(ErrorCode.INVALID_FIELD, message, {"field": field})


def not_found(field: str, message: str) -> ProtocolError:
    return ProtocolError(ErrorCode.NOT_FOUND, message, {"field": field})


def name(value: str, field: str = "name", what: str = "the name") -> str:
    """``value`` trimmed: 1 to MAX_NAME characters."""
    text = value.strip()
    if not text:
        raise invalid(field, f"{what} is empty")
    if len(text) > MAX_NAME:
        raise invalid(field, f"{what} is longer than {MAX_NAME} characters")
    return text


class SourceCheck:
    """Checks tile sources against the registered cameras and the stored alerts of one transaction."""

    def __init__(self, conn: sa.Connection) -> None:
        self._conn = conn
        self._cameras: set[str] | None = None

    def camera_ids(self) -> set[str]:
        if self._cameras is None:
            self._cameras = set(self._conn.execute(sa.select(schema.cameras.c.id)).scalars())
        return self._cameras

    def source(self, source: wm.TileSource, field: str) -> None:
        kind, ref = source.kind, source.ref
        if kind not in wm.SOURCE_KINDS:
            raise invalid(field, f"source kind {kind!r} is not one of {', '.join(wm.SOURCE_KINDS)}")
        if source.text is not None and kind != "text":
            raise invalid(field, f"a {kind} tile has no text; only text tiles do")
        if kind in NO_REF and ref is not None:
            raise invalid(field, f"a {kind} tile takes no ref, not {ref!r}")
        if kind == "camera" and ref not in self.camera_ids():
            raise invalid(field, f"camera {ref!r} is not registered")
        if kind == "dashboard" and ref not in wm.DASHBOARDS:
            raise invalid(field, f"dashboard {ref!r} is not one of {', '.join(wm.DASHBOARDS)}")
        if kind == "alert":
            self._alert(ref, field)
        if kind == "text":
            if ref is not None and len(ref) > MAX_REF:
                raise invalid(field, f"the ref is longer than {MAX_REF} characters")
            if source.text is not None and len(source.text) > MAX_TEXT:
                raise invalid(field, f"the text is longer than {MAX_TEXT} characters")

    def _alert(self, ref: str | None, field: str) -> None:
        if ref is None or not (ref.isascii() and ref.isdigit()):
            raise invalid(field, f"an alert tile's ref is an alert id, not {ref!r}")
        alerts = schema.alerts
        if self._conn.execute(sa.select(alerts.c.id).where(alerts.c.id == int(ref))).first() is None:
            raise invalid(field, f"there is no alert {ref}")

    def layout(self, layout: wm.Layout, field: str) -> None:
        """The geometry (client_api.wall_layouts.validate_layout), then every tile's source."""
        problem = validate_layout(layout)
        if problem is not None:
            raise invalid(field, f"{field}: {problem}")
        for i, tile in enumerate(layout.tiles):
            self.source(tile.source, f"{field}.tiles[{i}].source")


def monitors(
    rows: int, cols: int, items: list[wm.Monitor], check: SourceCheck, keep: set[int]
) -> list[wm.Monitor]:
    """The monitors of a wall of rows × cols screens, trimmed names; layouts are checked except those of
    the indices in ``keep`` (they stay as they are)."""
    if not (1 <= rows <= wm.MAX_MONITORS and 1 <= cols <= wm.MAX_MONITORS):
        raise invalid("rows", f"a wall has 1 to {wm.MAX_MONITORS} rows and columns, not {rows}×{cols}")
    if not 1 <= len(items) <= wm.MAX_MONITORS:
        raise invalid("monitors", f"a wall has 1 to {wm.MAX_MONITORS} monitors, not {len(items)}")
    seen: dict[int, int] = {}
    places: dict[tuple[int, int], int] = {}
    out: list[wm.Monitor] = []
    for i, mon in enumerate(items):
        field = f"monitors[{i}]"
        if not 1 <= mon.index <= wm.MAX_MONITORS:
            raise invalid(f"{field}.index", f"monitor index {mon.index} is not 1 to {wm.MAX_MONITORS}")
        if mon.index in seen:
            raise invalid(f"{field}.index", f"monitor index {mon.index} is given twice")
        seen[mon.index] = i
        if not (0 <= mon.row < rows and 0 <= mon.col < cols):
            raise invalid(
                f"{field}.row",
                f"monitor {mon.index} at row {mon.row}, col {mon.col} is off the {rows}×{cols} wall",
            )
        if (mon.row, mon.col) in places:
            raise invalid(
                f"{field}.row",
                f"monitors {places[(mon.row, mon.col)]} and {mon.index} are both at "
                f"row {mon.row}, col {mon.col}",
            )
        places[(mon.row, mon.col)] = mon.index
        for attr in ("width_px", "height_px"):
            px = getattr(mon, attr)
            if not MIN_PX <= px <= MAX_PX:
                raise invalid(
                    f"{field}.{attr}", f"monitor {mon.index}: {attr} {px} is not {MIN_PX} to {MAX_PX}"
                )
        label = name(mon.name, f"{field}.name", f"monitor {mon.index}'s name")
        if mon.index not in keep:
            check.layout(mon.layout, f"{field}.layout")
        out.append(
            wm.Monitor(
                index=mon.index,
                name=label,
                row=mon.row,
                col=mon.col,
                width_px=mon.width_px,
                height_px=mon.height_px,
                layout=mon.layout,
            )
        )
    return sorted(out, key=lambda m: m.index)


def find_monitor(state: wm.WallState, index: int, field: str = "monitor") -> int:
    """The position of monitor ``index`` in ``state.monitors``."""
    for pos, mon in enumerate(state.monitors):
        if mon.index == index:
            return pos
    indices = ", ".join(str(m.index) for m in state.monitors)
    raise invalid(field, f"the wall has no monitor {index} (it has {indices})")


def find_tile(monitor: wm.Monitor, index: int, field: str = "tile") -> wm.Tile:
    tiles = monitor.layout.tiles
    if not 0 <= index < len(tiles):
        raise invalid(field, f"monitor {monitor.index} has tiles 0 to {len(tiles) - 1}, not {index}")
    return tiles[index]
