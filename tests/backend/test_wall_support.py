"""Helpers of the video wall's backend tests: writes as a supervisor, the wall as stored, its events."""

from __future__ import annotations

from typing import Any

import msgspec

from backend.store import Store
from backend.wall import cameras
from backend.wall.state import history, read_state
from client_api import messages as m
from client_api import wall_messages as wm
from client_api.errors import ProtocolError
from client_api.wall_layouts import make_layout

CHEN = m.Operator("supervisor1", "值班长 陈静", "supervisor")
WANG = m.Operator("supervisor2", "值班长 王磊", "supervisor")
NOW = 1_780_000_000.0

MAP = wm.TileSource(kind="map")
SLA = wm.TileSource(kind="dashboard", ref="sla_compliance")


def cam(camera_id: str) -> wm.TileSource:
    return wm.TileSource(kind="camera", ref=camera_id)


def write(aio: Any, store: Store, fn: Any, req: Any, who: m.Operator = CHEN, now: float = NOW) -> Any:
    """Run a store write ``fn(conn, req, operator, now)``; its result."""
    return aio.run(store.run_write(fn, req, who, now))


def refused(aio: Any, store: Store, fn: Any, req: Any, who: m.Operator = CHEN) -> ProtocolError:
    try:
        write(aio, store, fn, req, who)
    except ProtocolError as exc:
        return exc
    raise AssertionError(f"{fn.__name__} accepted {req}")


def wall(aio: Any, store: Store) -> wm.WallState:
    state: wm.WallState = aio.run(store.read(read_state))
    return state


def changes(aio: Any, store: Store, limit: int = 100) -> list[wm.WallChange]:
    found: list[wm.WallChange] = aio.run(store.read(history, limit))
    return found


def events(aio: Any, store: Store, after: int) -> list[tuple[str, Any]]:
    """(type, decoded payload) of the wall's events after sequence number ``after``."""
    return [
        (e.type, msgspec.json.decode(e.payload, type=wm.EVENTS[e.type]))
        for e in aio.run(store.events_after(after, 1000))
        if e.type in wm.EVENTS
    ]


def camera(camera_id: str, lat: float, lon: float, group: str = "道路", **over: Any) -> wm.Camera:
    fields: dict[str, Any] = {
        "id": camera_id,
        "name": f"{camera_id} 路口",
        "group": group,
        "lat": lat,
        "lon": lon,
        "url": f"sim://{camera_id}",
    }
    return wm.Camera(**(fields | over))


def add_cameras(aio: Any, store: Store, *found: wm.Camera) -> None:
    for c in found:
        write(aio, store, cameras.save_camera, wm.SaveCamera(camera=c))


def monitor(index: int, col: int, layout: wm.Layout | None = None, name: str | None = None) -> wm.Monitor:
    return wm.Monitor(
        index=index,
        name=name or f"屏{index}",
        row=0,
        col=col,
        width_px=1920,
        height_px=1080,
        layout=layout or make_layout("1", [MAP]),
    )


def three_screens() -> wm.ConfigureWall:
    """A wall of three monitors in a row."""
    return wm.ConfigureWall(name="大屏", rows=1, cols=3, monitors=[monitor(i, i - 1) for i in (1, 2, 3)])
