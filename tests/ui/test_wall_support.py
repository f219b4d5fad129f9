"""Helpers of the wall UI tests: wall states, a seat signed in with a role, a designer on a wall."""

from __future__ import annotations

import time
from collections.abc import Sequence

from app.seat_service import SeatService
from app.wall_service import WallService
from client_api import messages as m
from client_api import wall_layouts as wl
from client_api import wall_messages as wm
from client_api.client import Event, SeatClient


def monitor(
    index: int, col: int, layout: wm.Layout, row: int = 0, size: tuple[int, int] = (1920, 1080)
) -> wm.Monitor:
    return wm.Monitor(
        index=index, name=f"屏{index}", row=row, col=col, width_px=size[0], height_px=size[1], layout=layout
    )


def wall_state(
    monitors: list[wm.Monitor], version: int = 1, by: str | None = None, cause: str = "manual"
) -> wm.WallState:
    rows = max(mon.row for mon in monitors) + 1
    cols = max(mon.col for mon in monitors) + 1
    return wm.WallState(
        name="指挥大厅", rows=rows, cols=cols, monitors=monitors, version=version, changed_by=by,
        changed_at=time.time(), cause=cause,
    )  # fmt: skip


def two_monitor_wall(version: int = 1) -> wm.WallState:
    return wall_state([monitor(1, 0, wl.make_layout("1")), monitor(2, 1, wl.make_layout("1"))], version)


def camera(cam_id: str, name: str, group: str = "临江街道") -> wm.Camera:
    return wm.Camera(id=cam_id, name=name, group=group, lat=30.5, lon=120.1, url=f"sim://{cam_id}")


def signed_in_seat(role: str) -> SeatService:
    """A seat that never connects (the test applies what the backend would send), signed in as ``role``."""
    seat = SeatService(SeatClient("ws://127.0.0.1:9"))
    seat.client.operator = m.Operator(f"{role}1", f"{role} one", role)
    return seat


def wall_service(seat: SeatService, state: wm.WallState, cameras: Sequence[wm.Camera] = ()) -> WallService:
    """A wall service that was sent the cameras and the wall, as the backend's events would."""
    wall = WallService(seat)
    send(seat, "camera.changed", wm.CamerasChanged(cameras=list(cameras)))
    send(seat, "wall.changed", changed(state, by=state.changed_by or "system"))
    return wall


def send(seat: SeatService, type_: str, payload: object) -> None:
    """Deliver an event to the seat as its client does."""
    seat.eventReceived.emit(Event(seq=0, type=type_, ts=time.time(), payload=payload))


def changed(state: wm.WallState, by: str, summary: str = "") -> wm.WallChanged:
    return wm.WallChanged(
        state=state,
        change=wm.WallChange(
            version=state.version, at=time.time(), by=by, cause=state.cause, summary=summary
        ),
    )
