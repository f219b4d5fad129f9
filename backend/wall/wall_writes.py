"""Changes a supervisor makes to the wall: its monitors, layouts, one tile's source, a pin. Each is
``fn(conn, req, operator, now) -> (WallState, events)`` for ``store.run_write``; the last change wins."""

from __future__ import annotations

import msgspec
import sqlalchemy as sa

from backend.events import StoredEvent
from backend.wall import checks
from backend.wall.state import commit, monitor_label, read_state, with_layout, with_monitors
from client_api import messages as m
from client_api import wall_messages as wm

Result = tuple[wm.WallState, list[StoredEvent]]


def configure(conn: sa.Connection, req: wm.ConfigureWall, operator: m.Operator, now: float) -> Result:
    before = read_state(conn)
    name = checks.name(req.name, "name", "the wall's name")
    kept = {mon.index: mon.layout for mon in before.monitors}
    monitors = checks.monitors(req.rows, req.cols, req.monitors, checks.SourceCheck(conn), set(kept))
    monitors = [with_layout(mon, kept[mon.index]) if mon.index in kept else mon for mon in monitors]
    after = msgspec.structs.replace(
        with_monitors(before, monitors, operator.username), name=name, rows=req.rows, cols=req.cols
    )
    gone = sorted(set(kept) - {mon.index for mon in monitors})
    summary = f"wall {name}: {req.rows}×{req.cols}, {len(monitors)} monitors"
    if gone:
        summary += f"; removed monitor {', '.join(map(str, gone))}"
    return commit(conn, before, after, summary, now)


def set_layouts(conn: sa.Connection, req: wm.SetLayouts, operator: m.Operator, now: float) -> Result:
    before = read_state(conn)
    if not req.layouts:
        raise checks.invalid("layouts", "no layouts given")
    if req.base_version is not None and req.base_version > before.version:
        raise checks.invalid(
            "base_version",
            f"base_version {req.base_version} is newer than the wall's version {before.version}",
        )
    monitors = list(before.monitors)
    check = checks.SourceCheck(conn)
    parts = []
    for index, layout in sorted(req.layouts.items()):
        pos = checks.find_monitor(before, index, f"layouts[{index}]")
        check.layout(layout, f"layouts[{index}]")
        monitors[pos] = with_layout(monitors[pos], layout)
        parts.append(f"{monitor_label(monitors[pos])}: {layout.kind} layout")
    summary = "; ".join(parts) + over(before, req.base_version)
    return commit(conn, before, with_monitors(before, monitors, operator.username), summary, now)


def set_tile(conn: sa.Connection, req: wm.SetTile, operator: m.Operator, now: float) -> Result:
    before = read_state(conn)
    pos = checks.find_monitor(before, req.monitor)
    monitor = before.monitors[pos]
    tile = checks.find_tile(monitor, req.tile)
    checks.SourceCheck(conn).source(req.source, "source")
    summary = f"tile {monitor.index}/{req.tile + 1} ← {source_label(req.source)}"
    return _replace_tile(
        conn, before, pos, req.tile, msgspec.structs.replace(tile, source=req.source), operator, summary, now
    )


def pin(conn: sa.Connection, req: wm.PinTile, operator: m.Operator, now: float) -> Result:
    before = read_state(conn)
    pos = checks.find_monitor(before, req.monitor)
    monitor = before.monitors[pos]
    tile = checks.find_tile(monitor, req.tile)
    summary = f"tile {monitor.index}/{req.tile + 1} {'pinned' if req.pinned else 'unpinned'}"
    return _replace_tile(
        conn, before, pos, req.tile, msgspec.structs.replace(tile, pinned=req.pinned), operator, summary, now
    )


def _replace_tile(
    conn: sa.Connection,
    before: wm.WallState,
    pos: int,
    index: int,
    tile: wm.Tile,
    operator: m.Operator,
    summary: str,
    now: float,
) -> Result:
    monitors = list(before.monitors)
    layout = monitors[pos].layout
    tiles = list(layout.tiles)
    tiles[index] = tile
    monitors[pos] = with_layout(monitors[pos], msgspec.structs.replace(layout, tiles=tiles))
    return commit(conn, before, with_monitors(before, monitors, operator.username), summary, now)


def over(state: wm.WallState, base_version: int | None) -> str:
    """What the record notes when a seat changed a wall it had not seen the latest version of."""
    if base_version is None or base_version >= state.version:
        return ""
    return f" (over version {state.version} by {state.changed_by or 'nobody'})"


def source_label(source: wm.TileSource) -> str:
    """How a change record names a source: "camera CAM-012", "dashboard sla_compliance", "map"."""
    if source.kind == "text":
        return "text"
    return source.kind if source.ref is None else f"{source.kind} {source.ref}"
