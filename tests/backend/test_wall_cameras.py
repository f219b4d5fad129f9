"""The camera registry in the store: saved with the grid of its point, refused field by field, kept while
the wall or a preset shows it; the cameras nearest a point; and the demo wall the demo district ships."""

from __future__ import annotations

from typing import Any

import pytest

from backend.intake.areas import grid_map
from backend.intake.geometry import distance_m
from backend.seed import seed_demo
from backend.store import Store
from backend.wall import cameras, presets, wall_writes
from backend.wall.records import list_cameras, list_presets, list_rules
from client_api import wall_messages as wm
from client_api.errors import ErrorCode
from client_api.wall_layouts import make_layout
from tests.backend.test_wall_support import add_cameras, cam, camera, changes, events, refused, wall, write

RIVER = camera("CAM-A", 31.3169, 120.5458, "沿江")  # 滨江公园
MARKET = camera("CAM-B", 31.3151, 120.5506, "临江街道")  # 滨江农贸市场
HILL = camera("CAM-C", 31.2689, 120.5470, "青山镇")  # 青山


def test_a_camera_is_saved_with_its_grid_and_announced(aio: Any, store: Store) -> None:
    seq = aio.run(store.last_seq())
    saved = write(aio, store, cameras.save_camera, wm.SaveCamera(camera=RIVER)).camera
    assert saved.grid_code == grid_of(RIVER.lat, RIVER.lon)
    assert aio.run(store.read(list_cameras)) == [saved]
    assert events(aio, store, seq) == [("camera.changed", wm.CamerasChanged(cameras=[saved]))]
    moved = wm.SaveCamera(camera=camera("CAM-A", 31.2689, 120.5470, "沿江", url="rtsp://10.0.0.5/main"))
    write(aio, store, cameras.save_camera, moved)
    [kept] = aio.run(store.read(list_cameras))
    assert (kept.url, kept.grid_code) == ("rtsp://10.0.0.5/main", grid_of(31.2689, 120.547))


def grid_of(lat: float, lon: float) -> str:
    codes = grid_map().locate(lat, lon)
    assert codes is not None
    return codes.grid_code


BASE: dict[str, Any] = {
    "id": "CAM-X",
    "name": "江堤",
    "group": "沿江",
    "lat": 31.3169,
    "lon": 120.5458,
    "url": "sim://CAM-X",
}
BAD_CAMERAS = [
    ({"id": "CAM 1"}, "camera.id", "camera id 'CAM 1' is not 1 to 32 letters"),
    ({"id": ""}, "camera.id", "camera id '' is not"),
    ({"name": "  "}, "camera.name", "the camera's name must be 1 to 128 characters"),
    ({"group": ""}, "camera.group", "the camera's group is empty"),
    ({"lat": 120.55, "lon": 31.31}, "camera.lat", "latitude 120.55 is not 3 to 54"),
    ({"lat": 0.0, "lon": 0.0}, "camera.lat", "latitude 0.0 is not 3 to 54"),
    ({"lon": 12.0}, "camera.lon", "longitude 12.0 is not 73 to 136"),
    ({"url": "ftp://cam/1"}, "camera.url", "'ftp://cam/1': the scheme must be one of rtsp://, rtsps://"),
    ({"url": "rtsp://cam 1/main"}, "camera.url", "the URL contains spaces"),
    ({"url": "sim://"}, "camera.url", "'sim://' names no stream"),
    ({"url": "rtsp:cam"}, "camera.url", "'rtsp:cam' names no stream"),
    ({"grid_code": "320999001"}, "camera.grid_code", "'320999001' is not a grid of the district"),
]


@pytest.mark.parametrize(("over", "field", "message"), BAD_CAMERAS)
def test_bad_cameras_are_refused(
    aio: Any, seeded_store: Store, over: dict[str, Any], field: str, message: str
) -> None:
    before = aio.run(seeded_store.read(list_cameras))
    bad = wm.Camera(**(BASE | over))
    error = refused(aio, seeded_store, cameras.save_camera, wm.SaveCamera(camera=bad))
    assert (error.code, error.details["field"], error.message[: len(message)]) == (
        ErrorCode.INVALID_FIELD,
        field,
        message,
    )
    assert aio.run(seeded_store.read(list_cameras)) == before


def test_a_camera_on_the_wall_or_in_a_preset_is_not_deleted(aio: Any, store: Store) -> None:
    add_cameras(aio, store, RIVER, MARKET)
    write(aio, store, wall_writes.set_layouts, wm.SetLayouts(layouts={1: make_layout("2x2", [cam("CAM-A")])}))
    shown = wm.Preset(name="江边", scope="monitor", layouts=[make_layout("1", [cam("CAM-A")])])
    write(aio, store, presets.save_preset, wm.SavePreset(preset=shown))
    error = refused(aio, store, cameras.delete_camera, wm.DeleteCamera(id="CAM-A"))
    assert (error.details["field"], error.message) == (
        "id",
        "camera CAM-A is shown on tile 1/1, preset 江边; take it off first",
    )
    assert write(aio, store, cameras.delete_camera, wm.DeleteCamera(id="CAM-B")) == wm.CameraDeleted(
        id="CAM-B"
    )
    missing = refused(aio, store, cameras.delete_camera, wm.DeleteCamera(id="CAM-B"))
    assert (missing.code, missing.message) == (ErrorCode.NOT_FOUND, "there is no camera 'CAM-B'")
    assert [c.id for c in aio.run(store.read(list_cameras))] == ["CAM-A"]


def test_the_nearest_cameras_come_nearest_first_with_their_distance() -> None:
    near = cameras.nearest([HILL, MARKET, RIVER], 31.3160, 120.5470, 2)
    assert [n.camera.id for n in near] == ["CAM-A", "CAM-B"]
    assert near[0].distance_m == round(distance_m(31.3160, 120.5470, RIVER.lat, RIVER.lon), 1)
    assert 100 < near[0].distance_m < near[1].distance_m < 600
    assert cameras.nearest([], 31.3, 120.5, 4) == []


def test_the_demo_district_ships_a_wall_with_cameras_presets_and_rules(aio: Any, seeded_store: Store) -> None:
    registered = aio.run(seeded_store.read(list_cameras))
    assert 24 <= len(registered) <= 40
    assert {c.group for c in registered} >= {
        "临江街道",
        "东湖镇",
        "青山镇",
        "桃源镇",
        "道路",
        "沿江",
        "化工园区",
    }
    for c in registered:
        assert c.url == f"sim://{c.id}"
        assert grid_map().locate(c.lat, c.lon) is not None and c.grid_code is not None, c
    state = wall(aio, seeded_store)
    assert (state.name, state.rows, state.cols) == ("指挥中心大屏", 1, 3)
    assert [(m.name, m.layout.kind) for m in state.monitors] == [
        ("左屏", "2x2"),
        ("中屏", "1+5"),
        ("右屏", "2x2"),
    ]
    assert all(t.alarm for t in state.monitors[2].layout.tiles)
    assert [c.summary for c in changes(aio, seeded_store)] == ["demo wall 指挥中心大屏: 左屏, 中屏, 右屏"]
    assert {p.name for p in aio.run(seeded_store.read(list_presets))} == {
        "日常值守",
        "应急指挥",
        "夜间巡查",
        "化工园区监控",
    }
    triggers = {r.name: r.trigger for r in aio.run(seeded_store.read(list_rules))}
    assert triggers["危化品告警联动"] == "alert" and triggers["演练开始"] == "drill"
    assert aio.run(seed_demo(seeded_store)) is False
    assert len(aio.run(seeded_store.read(list_cameras))) == len(registered)
    assert wall(aio, seeded_store) == state


def test_seeding_the_demo_later_keeps_the_wall_and_cameras_a_site_has(aio: Any, store: Store) -> None:
    add_cameras(aio, store, camera("CAM-001", 31.3169, 120.5458, "自建"))
    mine = write(aio, store, wall_writes.set_layouts, wm.SetLayouts(layouts={1: make_layout("3x3")}))
    assert aio.run(seed_demo(store)) is True
    assert wall(aio, store) == mine
    registered = {c.id: c for c in aio.run(store.read(list_cameras))}
    assert registered["CAM-001"].group == "自建" and len(registered) == 34
    assert len(aio.run(store.read(list_rules))) == 6 and len(aio.run(store.read(list_presets))) == 4
