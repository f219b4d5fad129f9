"""The wall state row and its change record: read it (a default wall until the first change), and
commit a change: the version goes up by one, the change is kept and ``wall.changed`` carries both."""

from __future__ import annotations

import msgspec
import sqlalchemy as sa

from backend import schema
from backend.events import StoredEvent, append_event
from client_api import wall_messages as wm
from client_api.wall_layouts import make_layout

WALL_ID = 1
SYSTEM = "system:wall"  # who the record names for changes made by rules, alarms and schedules
DEFAULT_NAME = "视频墙"

_MONITORS = msgspec.json.Decoder(list[wm.Monitor])


def default_state() -> wm.WallState:
    """A wall of one 1920×1080 monitor showing the map: what a database without a wall starts with."""
    layout = make_layout("1", [wm.TileSource(kind="map")])
    monitor = wm.Monitor(index=1, name="1", row=0, col=0, width_px=1920, height_px=1080, layout=layout)
    return wm.WallState(name=DEFAULT_NAME, rows=1, cols=1, monitors=[monitor], version=0)


def read_state(conn: sa.Connection) -> wm.WallState:
    row = conn.execute(sa.select(schema.wall_state).where(schema.wall_state.c.id == WALL_ID)).first()
    if row is None:
        return default_state()
    return wm.WallState(
        name=row.name,
        rows=row.rows,
        cols=row.cols,
        monitors=_MONITORS.decode(row.monitors),
        version=row.version,
        changed_by=row.changed_by,
        changed_at=row.changed_at,
        cause=row.cause,
    )


def commit(
    conn: sa.Connection,
    before: wm.WallState,
    after: wm.WallState,
    summary: str,
    now: float,
) -> tuple[wm.WallState, list[StoredEvent]]:
    """Store ``after`` (its name, grid, monitors, changed_by and cause) as version ``before.version + 1``
    with its change record and event."""
    state = msgspec.structs.replace(after, version=before.version + 1, changed_at=now)
    values = {
        "name": state.name,
        "rows": state.rows,
        "cols": state.cols,
        "monitors": msgspec.json.encode(state.monitors).decode(),
        "version": state.version,
        "changed_by": state.changed_by,
        "changed_at": now,
        "cause": state.cause,
    }
    table = schema.wall_state
    updated = conn.execute(sa.update(table).where(table.c.id == WALL_ID).values(**values)).rowcount
    if not updated:
        conn.execute(sa.insert(table).values(id=WALL_ID, **values))
    change = wm.WallChange(
        version=state.version, at=now, by=state.changed_by or SYSTEM, cause=state.cause, summary=summary
    )
    conn.execute(
        sa.insert(schema.wall_changes).values(
            version=change.version, at=now, by=change.by, cause=change.cause, summary=summary
        )
    )
    event = append_event(conn, "wall.changed", wm.WallChanged(state=state, change=change), now)
    return state, [event]


def history(conn: sa.Connection, limit: int) -> list[wm.WallChange]:
    """The newest ``limit`` changes, newest first."""
    table = schema.wall_changes
    rows = conn.execute(sa.select(table).order_by(table.c.version.desc()).limit(limit)).all()
    return [
        wm.WallChange(version=r.version, at=r.at, by=r.by, cause=r.cause, summary=r.summary) for r in rows
    ]


def with_monitors(
    state: wm.WallState, monitors: list[wm.Monitor], by: str, cause: str = "manual"
) -> wm.WallState:
    """``state`` with other monitors, changed by ``by`` for ``cause`` (commit sets version and time)."""
    return msgspec.structs.replace(state, monitors=monitors, changed_by=by, cause=cause)


def with_layout(monitor: wm.Monitor, layout: wm.Layout) -> wm.Monitor:
    return msgspec.structs.replace(monitor, layout=layout)


def monitor_label(monitor: wm.Monitor) -> str:
    """How a change record names a monitor: "monitor 2 (中屏)"."""
    if monitor.name == str(monitor.index):
        return f"monitor {monitor.index}"
    return f"monitor {monitor.index} ({monitor.name})"
