"""The camera registry: saving (checked field by field), deleting (not while the wall or a preset shows
the camera), and the cameras nearest a point."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import sqlalchemy as sa

from backend import schema
from backend.events import StoredEvent, append_event
from backend.intake.areas import grid_map
from backend.intake.geometry import distance_m
from backend.wall import checks
from backend.wall.records import list_cameras, list_presets
from backend.wall.state import read_state
from client_api import messages as m
from client_api import wall_messages as wm

URL_SCHEMES = ("rtsp", "rtsps", "http", "https", "file", "sim")
# Where a camera of a Chinese district can be (mainland China's extent, with a margin): catches a swapped
# latitude and longitude, a point left at 0, 0 and degrees typed as something else.
LAT_RANGE = (3.0, 54.0)
LON_RANGE = (73.0, 136.0)
MAX_URL = 1024
MAX_CAMERA_NAME = 128
MAX_NEAREST = 50
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,31}")


def save_camera(
    conn: sa.Connection, req: wm.SaveCamera, operator: m.Operator, now: float
) -> tuple[wm.CameraSaved, list[StoredEvent]]:
    """Insert or replace the camera of that id; without a grid code, the grid holding its point."""
    camera = checked(conn, req.camera)
    conn.execute(sa.delete(schema.cameras).where(schema.cameras.c.id == camera.id))
    insert_camera(conn, camera)
    return wm.CameraSaved(camera=camera), [changed(conn, now)]


def delete_camera(
    conn: sa.Connection, req: wm.DeleteCamera, operator: m.Operator, now: float
) -> tuple[wm.CameraDeleted, list[StoredEvent]]:
    table = schema.cameras
    if conn.execute(sa.select(table.c.id).where(table.c.id == req.id)).first() is None:
        raise checks.not_found("id", f"there is no camera {req.id!r}")
    users = _shown_on(conn, req.id)
    if users:
        raise checks.invalid("id", f"camera {req.id} is shown on {', '.join(users)}; take it off first")
    conn.execute(sa.delete(table).where(table.c.id == req.id))
    return wm.CameraDeleted(id=req.id), [changed(conn, now)]


def insert_camera(conn: sa.Connection, camera: wm.Camera) -> None:
    conn.execute(
        sa.insert(schema.cameras).values(
            id=camera.id,
            name=camera.name,
            group_name=camera.group,
            lat=camera.lat,
            lon=camera.lon,
            url=camera.url,
            grid_code=camera.grid_code,
        )
    )


def changed(conn: sa.Connection, now: float) -> StoredEvent:
    return append_event(conn, "camera.changed", wm.CamerasChanged(cameras=list_cameras(conn)), now)


def nearest(cameras: list[wm.Camera], lat: float, lon: float, limit: int) -> list[wm.CameraDistance]:
    """The ``limit`` cameras nearest (lat, lon), nearest first (ties by id)."""
    ranked = sorted((distance_m(lat, lon, c.lat, c.lon), c.id, c) for c in cameras)
    return [wm.CameraDistance(camera=c, distance_m=round(d, 1)) for d, _id, c in ranked[:limit]]


def check_point(lat: float, lon: float, field: str = "lat") -> None:
    if not -90 <= lat <= 90 or not -180 <= lon <= 180:
        raise checks.invalid(field, f"({lat}, {lon}) is not a latitude and longitude")


def check_nearest(req: wm.NearestCameras) -> None:
    check_point(req.lat, req.lon)
    if not 1 <= req.limit <= MAX_NEAREST:
        raise checks.invalid("limit", f"limit is 1 to {MAX_NEAREST}, not {req.limit}")


def checked(conn: sa.Connection, camera: wm.Camera) -> wm.Camera:
    if not _ID.fullmatch(camera.id):
        raise checks.invalid(
            "camera.id", f"camera id {camera.id!r} is not 1 to 32 letters, digits, '.', '_' or '-'"
        )
    name = camera.name.strip()
    if not name or len(name) > MAX_CAMERA_NAME:
        raise checks.invalid("camera.name", f"the camera's name must be 1 to {MAX_CAMERA_NAME} characters")
    group = checks.name(camera.group, "camera.group", "the camera's group")
    if not (LAT_RANGE[0] <= camera.lat <= LAT_RANGE[1]):
        raise checks.invalid(
            "camera.lat", f"latitude {camera.lat} is not {LAT_RANGE[0]:g} to {LAT_RANGE[1]:g}"
        )
    if not (LON_RANGE[0] <= camera.lon <= LON_RANGE[1]):
        raise checks.invalid(
            "camera.lon", f"longitude {camera.lon} is not {LON_RANGE[0]:g} to {LON_RANGE[1]:g}"
        )
    url = _url(camera.url)
    grid_code = camera.grid_code
    if grid_code is None:
        codes = grid_map().locate(camera.lat, camera.lon)
        grid_code = codes.grid_code if codes is not None else None
    else:
        areas = schema.areas
        level = conn.execute(sa.select(areas.c.level).where(areas.c.code == grid_code)).scalar()
        if level != "grid":
            raise checks.invalid("camera.grid_code", f"{grid_code!r} is not a grid of the district")
    return wm.Camera(
        id=camera.id, name=name, group=group, lat=camera.lat, lon=camera.lon, url=url, grid_code=grid_code
    )


def _url(text: str) -> str:
    url = text.strip()
    if len(url) > MAX_URL:
        raise checks.invalid("camera.url", f"the URL is longer than {MAX_URL} characters")
    if any(ch.isspace() for ch in url):
        raise checks.invalid("camera.url", "the URL contains spaces")
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise checks.invalid("camera.url", f"{url!r} is not a URL ({exc})") from None
    if parts.scheme not in URL_SCHEMES:
        raise checks.invalid(
            "camera.url", f"{url!r}: the scheme must be one of {', '.join(s + '://' for s in URL_SCHEMES)}"
        )
    if not (parts.netloc or parts.path) or not url.startswith(f"{parts.scheme}://"):
        raise checks.invalid("camera.url", f"{url!r} names no stream")
    return url


def _shown_on(conn: sa.Connection, camera_id: str) -> list[str]:
    """Where the camera is used: "monitor 2 tile 3", "preset 夜间"."""

    def shows(layout: wm.Layout) -> list[int]:
        return [
            i for i, t in enumerate(layout.tiles) if t.source.kind == "camera" and t.source.ref == camera_id
        ]

    places = [f"tile {mon.index}/{i + 1}" for mon in read_state(conn).monitors for i in shows(mon.layout)]
    places += [f"preset {p.name}" for p in list_presets(conn) if any(shows(lay) for lay in p.layouts)]
    return places
