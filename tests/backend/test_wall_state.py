"""The wall state in the store (SQLite and PostgreSQL): the default wall, layouts, tiles and pins, the
physical wall; every change bumps the version, is on record and is announced; the last change wins and
the record says over whose; bad input is refused naming the field, with nothing written."""

from __future__ import annotations

from typing import Any

import pytest

from backend.store import Store
from backend.wall import wall_writes
from client_api import wall_messages as wm
from client_api.errors import ErrorCode
from client_api.wall_layouts import make_layout
from tests.backend.test_wall_support import (
    CHEN,
    MAP,
    NOW,
    SLA,
    WANG,
    add_cameras,
    cam,
    camera,
    changes,
    events,
    monitor,
    refused,
    three_screens,
    wall,
    write,
)


def test_a_fresh_database_shows_one_monitor_with_the_map(aio: Any, store: Store) -> None:
    state = wall(aio, store)
    assert (state.version, state.rows, state.cols, len(state.monitors)) == (0, 1, 1, 1)
    [only] = state.monitors
    assert (only.index, only.layout.kind, only.layout.tiles[0].source) == (1, "1", MAP)
    assert changes(aio, store) == []


def test_set_layouts_bumps_the_version_records_and_announces(aio: Any, store: Store) -> None:
    seq = aio.run(store.last_seq())
    layout = make_layout("2x2", [MAP, SLA])
    state = write(aio, store, wall_writes.set_layouts, wm.SetLayouts(layouts={1: layout}, base_version=0))
    assert (state.version, state.changed_by, state.changed_at, state.cause) == (
        1,
        "supervisor1",
        NOW,
        "manual",
    )
    assert state.monitors[0].layout == layout
    assert wall(aio, store) == state
    [change] = changes(aio, store)
    assert change == wm.WallChange(
        version=1, at=NOW, by="supervisor1", cause="manual", summary="monitor 1: 2x2 layout"
    )
    assert events(aio, store, seq) == [("wall.changed", wm.WallChanged(state=state, change=change))]


def test_set_tile_and_pin_change_one_tile(aio: Any, store: Store) -> None:
    add_cameras(aio, store, camera("CAM-1", 31.32, 120.56))
    write(aio, store, wall_writes.set_layouts, wm.SetLayouts(layouts={1: make_layout("2x2")}))
    write(aio, store, wall_writes.set_tile, wm.SetTile(monitor=1, tile=2, source=cam("CAM-1")))
    state = write(aio, store, wall_writes.pin, wm.PinTile(monitor=1, tile=2, pinned=True))
    tile = state.monitors[0].layout.tiles[2]
    assert (tile.source, tile.pinned, state.version) == (cam("CAM-1"), True, 3)
    assert [c.summary for c in changes(aio, store)] == [
        "tile 1/3 pinned",
        "tile 1/3 ← camera CAM-1",
        "monitor 1: 2x2 layout",
    ]


def test_the_last_change_wins_and_the_record_says_over_whose(aio: Any, store: Store) -> None:
    write(
        aio,
        store,
        wall_writes.set_layouts,
        wm.SetLayouts(layouts={1: make_layout("3x3")}, base_version=0),
        CHEN,
    )
    late = wm.SetLayouts(layouts={1: make_layout("1+5")}, base_version=0)
    state = write(aio, store, wall_writes.set_layouts, late, WANG)
    assert (state.version, state.changed_by, state.monitors[0].layout.kind) == (2, "supervisor2", "1+5")
    assert changes(aio, store)[0].summary == "monitor 1: 1+5 layout (over version 1 by supervisor1)"
    ahead = refused(
        aio, store, wall_writes.set_layouts, wm.SetLayouts(layouts={1: make_layout("1")}, base_version=7)
    )
    assert (ahead.code, ahead.details["field"]) == (ErrorCode.INVALID_FIELD, "base_version")
    assert ahead.message == "base_version 7 is newer than the wall's version 2"


def test_configure_keeps_the_layouts_of_monitors_that_stay(aio: Any, store: Store) -> None:
    write(aio, store, wall_writes.set_layouts, wm.SetLayouts(layouts={1: make_layout("4x4")}))
    state = write(aio, store, wall_writes.configure, three_screens())
    assert (state.name, state.rows, state.cols, [m.name for m in state.monitors]) == (
        "大屏",
        1,
        3,
        ["屏1", "屏2", "屏3"],
    )
    assert [m.layout.kind for m in state.monitors] == ["4x4", "1", "1"]
    smaller = wm.ConfigureWall(name="小屏", rows=1, cols=1, monitors=[monitor(2, 0)])
    state = write(aio, store, wall_writes.configure, smaller)
    assert [m.index for m in state.monitors] == [2]
    assert changes(aio, store)[0].summary == "wall 小屏: 1×1, 1 monitors; removed monitor 1, 3"


def layouts(layout: wm.Layout, index: int = 1) -> wm.SetLayouts:
    return wm.SetLayouts(layouts={index: layout})


def one(source: wm.TileSource) -> wm.SetLayouts:
    return layouts(wm.Layout(kind="1", rows=1, cols=1, tiles=[wm.Tile(row=0, col=0, source=source)]))


OVERLAP = wm.Layout(
    kind="custom", rows=1, cols=2, tiles=[wm.Tile(row=0, col=0, col_span=2), wm.Tile(row=0, col=1)]
)
BAD_LAYOUTS = [
    (layouts(make_layout("1"), 4), "layouts[4]", "the wall has no monitor 4 (it has 1)"),
    (layouts(OVERLAP), "layouts[1]", "layouts[1]: tile 1 overlaps tile 0 at row 0, col 1"),
    (one(cam("CAM-9")), "layouts[1].tiles[0].source", "camera 'CAM-9' is not registered"),
    (
        one(wm.TileSource(kind="dashboard", ref="weather")),
        "layouts[1].tiles[0].source",
        "dashboard 'weather' is not",
    ),
    (one(wm.TileSource(kind="alert", ref="12")), "layouts[1].tiles[0].source", "there is no alert 12"),
    (
        one(wm.TileSource(kind="alert", ref="x")),
        "layouts[1].tiles[0].source",
        "an alert tile's ref is an alert id",
    ),
    (
        one(wm.TileSource(kind="map", ref="x")),
        "layouts[1].tiles[0].source",
        "a map tile takes no ref, not 'x'",
    ),
    (one(wm.TileSource(kind="video")), "layouts[1].tiles[0].source", "source kind 'video' is not one of"),
    (one(wm.TileSource(kind="cases", text="x")), "layouts[1].tiles[0].source", "a cases tile has no text"),
    (
        one(wm.TileSource(kind="text", text="长" * 2001)),
        "layouts[1].tiles[0].source",
        "the text is longer than 2000",
    ),
    (wm.SetLayouts(layouts={}), "layouts", "no layouts given"),
]


@pytest.mark.parametrize(("req", "field", "message"), BAD_LAYOUTS)
def test_bad_layouts_are_refused_naming_the_field(
    aio: Any, store: Store, req: wm.SetLayouts, field: str, message: str
) -> None:
    seq = aio.run(store.last_seq())
    error = refused(aio, store, wall_writes.set_layouts, req)
    assert (error.code, error.details["field"]) == (ErrorCode.INVALID_FIELD, field)
    assert error.message.startswith(message), error.message
    assert wall(aio, store).version == 0 and changes(aio, store) == [] and aio.run(store.last_seq()) == seq


BAD_TILES = [
    (wall_writes.set_tile, wm.SetTile(monitor=2, tile=0, source=MAP), "monitor", "the wall has no monitor 2"),
    (
        wall_writes.set_tile,
        wm.SetTile(monitor=1, tile=1, source=MAP),
        "tile",
        "monitor 1 has tiles 0 to 0, not 1",
    ),
    (
        wall_writes.set_tile,
        wm.SetTile(monitor=1, tile=0, source=cam("X")),
        "source",
        "camera 'X' is not registered",
    ),
    (
        wall_writes.pin,
        wm.PinTile(monitor=1, tile=-1, pinned=True),
        "tile",
        "monitor 1 has tiles 0 to 0, not -1",
    ),
]


@pytest.mark.parametrize(("fn", "req", "field", "message"), BAD_TILES)
def test_bad_tiles_are_refused(aio: Any, store: Store, fn: Any, req: Any, field: str, message: str) -> None:
    error = refused(aio, store, fn, req)
    assert (error.details["field"], error.message[: len(message)]) == (field, message)
    assert wall(aio, store).version == 0


def screens(*monitors: wm.Monitor, rows: int = 1, cols: int = 3, name: str = "大屏") -> wm.ConfigureWall:
    return wm.ConfigureWall(name=name, rows=rows, cols=cols, monitors=list(monitors))


def resized(index: int, col: int, **over: Any) -> wm.Monitor:
    base = monitor(index, col)
    fields = {f: getattr(base, f) for f in base.__struct_fields__} | over
    return wm.Monitor(**fields)


BAD_WALLS = [
    (screens(monitor(1, 0), name=" "), "name", "the wall's name is empty"),
    (screens(monitor(1, 0), rows=0), "rows", "a wall has 1 to 24 rows and columns, not 0×3"),
    (screens(), "monitors", "a wall has 1 to 24 monitors, not 0"),
    (screens(monitor(1, 0), monitor(1, 1)), "monitors[1].index", "monitor index 1 is given twice"),
    (screens(monitor(0, 0)), "monitors[0].index", "monitor index 0 is not 1 to 24"),
    (screens(monitor(1, 0), monitor(2, 0)), "monitors[1].row", "monitors 1 and 2 are both at row 0, col 0"),
    (screens(monitor(1, 3)), "monitors[0].row", "monitor 1 at row 0, col 3 is off the 1×3 wall"),
    (
        screens(resized(1, 0, width_px=100)),
        "monitors[0].width_px",
        "monitor 1: width_px 100 is not 320 to 16384",
    ),
    (screens(resized(1, 0, name="")), "monitors[0].name", "monitor 1's name is empty"),
    (
        screens(monitor(1, 0), monitor(2, 1, OVERLAP)),
        "monitors[1].layout",
        "monitors[1].layout: tile 1 overlaps",
    ),
]


@pytest.mark.parametrize(("req", "field", "message"), BAD_WALLS)
def test_a_bad_wall_is_refused_naming_the_field(
    aio: Any, store: Store, req: Any, field: str, message: str
) -> None:
    error = refused(aio, store, wall_writes.configure, req)
    assert (error.details["field"], error.message[: len(message)]) == (field, message)
    assert wall(aio, store).version == 0
