"""Alarm-linked switching, drill and schedule rules in the store (SQLite and PostgreSQL): which rules an
incident matches, which tiles the nearest cameras take, pinned tiles left alone, one change on record."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from msgspec.structs import replace

from backend.store import Store
from backend.wall import alarm, incidents, presets, rules, wall_writes
from backend.wall.schedule import WallScheduler, crossed
from client_api import wall_messages as wm
from client_api.wall_layouts import make_layout
from tests.backend.test_wall_support import (
    MAP,
    NOW,
    SLA,
    add_cameras,
    cam,
    camera,
    changes,
    three_screens,
    wall,
    write,
)

# Three cameras along 临江大道 (west to east) and one far away in 青山.
ROAD = [camera(f"CAM-{i}", 31.317, 120.540 + 0.002 * i) for i in range(1, 4)]
FAR = camera("CAM-9", 31.2689, 120.5470)
HERE = (31.317, 120.540)  # just west of CAM-1


def incident(point: tuple[float, float] | None = HERE, **over: Any) -> incidents.Incident:
    fields: dict[str, Any] = {
        "trigger": "alert",
        "cause": "alarm:7",
        "label": "alert 7 (危化品泄漏)",
        "shown": wm.TileSource(kind="alert", ref="7"),
        "point": point,
        "categories": ["CBRNE", "Safety"],
        "severity": "Severe",
    }
    return incidents.Incident(**(fields | over))


def save_rule(aio: Any, store: Store, **over: Any) -> wm.WallRule:
    fields: dict[str, Any] = {"name": "危化品", "trigger": "alert", "switch_cameras": True, "cameras": 4}
    saved: wm.WallRule = write(
        aio, store, rules.save_rule, wm.SaveWallRule(rule=wm.WallRule(**(fields | over)))
    )
    return saved


def designated(layout: wm.Layout, pinned: frozenset[int]) -> wm.Layout:
    tiles = [replace(t, alarm=True, pinned=i in pinned) for i, t in enumerate(layout.tiles)]
    return replace(layout, tiles=tiles)


def prepared(aio: Any, store: Store, pinned: frozenset[int] = frozenset()) -> None:
    """Three screens; screen 2 a 2×2 of designated tiles (those in ``pinned`` pinned), the first on CAM-9."""
    add_cameras(aio, store, *ROAD, FAR)
    write(aio, store, wall_writes.configure, three_screens())
    layout = designated(make_layout("2x2", [cam("CAM-9"), SLA, MAP]), pinned)
    write(aio, store, wall_writes.set_layouts, wm.SetLayouts(layouts={2: layout}))


def sources(state: wm.WallState, index: int) -> list[wm.TileSource]:
    return [t.source for t in state.monitors[index - 1].layout.tiles]


def test_the_nearest_cameras_take_the_designated_tiles_and_the_last_shows_the_alert(
    aio: Any, store: Store
) -> None:
    prepared(aio, store)
    save_rule(aio, store, categories=["CBRNE"], min_severity="Moderate")
    state = aio.run(store.run_write(alarm.switch, incident(), NOW))
    assert sources(state, 2) == [
        cam("CAM-1"),
        cam("CAM-2"),
        cam("CAM-3"),
        wm.TileSource(kind="alert", ref="7"),
    ]
    assert (state.cause, state.changed_by, state.version) == ("alarm:7", "system:wall", 3)
    assert sources(state, 1) == [MAP] and sources(state, 3) == [MAP]
    summary = changes(aio, store)[0].summary
    assert summary.startswith("alert 7 (危化品泄漏): tile 2/1 ← camera CAM-1 CAM-1 路口 (")
    assert "tile 2/2 ← camera CAM-2" in summary and summary.endswith("tile 2/4 ← alert 7 (危化品泄漏)")


def test_a_pinned_tile_stays_and_its_camera_is_not_shown_twice(aio: Any, store: Store) -> None:
    prepared(aio, store, pinned=frozenset({0}))
    save_rule(aio, store)
    state = aio.run(store.run_write(alarm.switch, incident(point=(31.2689, 120.5471)), NOW))
    tiles = state.monitors[1].layout.tiles
    assert (tiles[0].source, tiles[0].pinned) == (cam("CAM-9"), True)
    assert sources(state, 2)[1:] == [cam("CAM-3"), cam("CAM-2"), wm.TileSource(kind="alert", ref="7")]


def test_a_later_alert_goes_to_the_tile_showing_an_alert(aio: Any, store: Store) -> None:
    prepared(aio, store)
    save_rule(aio, store, cameras=1)
    old_case = wm.TileSource(kind="text", ref="case:3", text="旧工单")
    write(aio, store, wall_writes.set_tile, wm.SetTile(monitor=2, tile=1, source=old_case))
    new_case = wm.TileSource(kind="text", ref="case:4", text="新工单")
    state = aio.run(store.run_write(alarm.switch, incident(cause="case:4", shown=new_case), NOW))
    assert sources(state, 2) == [cam("CAM-1"), new_case, MAP, wm.EMPTY]  # one camera, as the rule says


def test_rules_match_by_trigger_category_and_severity(aio: Any, store: Store) -> None:
    cbrne = wm.WallRule(
        name="a", trigger="alert", categories=["CBRNE"], min_severity="Severe", switch_cameras=True
    )
    assert incidents.matches(cbrne, incident())
    assert not incidents.matches(cbrne, incident(severity="Moderate"))
    assert not incidents.matches(cbrne, incident(categories=["Fire"]))
    assert not incidents.matches(
        wm.WallRule(name="b", enabled=False, trigger="alert", switch_cameras=True), incident()
    )
    gas = wm.WallRule(name="c", trigger="case", categories=["E05"], switch_cameras=True)
    assert incidents.matches(gas, incident(trigger="case", categories=["E0503"], severity=None))
    assert not incidents.matches(gas, incident(trigger="case", categories=["P0101"], severity=None))
    assert not incidents.matches(gas, incident())


def test_nothing_is_written_when_no_rule_matches_or_nothing_changes(aio: Any, store: Store) -> None:
    prepared(aio, store)
    save_rule(aio, store, min_severity="Extreme")
    assert aio.run(store.run_write(alarm.switch, incident(), NOW)) is None
    save_rule(aio, store, name="x", monitor=1)  # monitor 1 has no designated tile
    assert aio.run(store.run_write(alarm.switch, incident(), NOW)) is None
    assert wall(aio, store).version == 2


def test_an_incident_without_a_point_uses_the_middle_of_its_grid(aio: Any, store: Store) -> None:
    alert = incident(point=None)
    assert incidents.point_of(None, None, "32099900300102") is not None  # a grid of 青山村
    assert incidents.point_of(None, None, "320999003") is not None  # the town 青山镇
    assert incidents.point_of(None, None, None) is None and incidents.point_of(None, None, "99") is None
    prepared(aio, store)
    save_rule(aio, store)
    assert aio.run(store.run_write(alarm.switch, alert, NOW)) is None  # no place: nothing to switch


def test_a_rule_preset_keeps_pinned_tiles(aio: Any, store: Store) -> None:
    prepared(aio, store, pinned=frozenset({0}))
    same_grid = wm.Preset(name="四画面", scope="monitor", layouts=[make_layout("2x2", [MAP, MAP, MAP, MAP])])
    other_grid = wm.Preset(name="九画面", scope="monitor", layouts=[make_layout("3x3")])
    for p in (same_grid, other_grid):
        write(aio, store, presets.save_preset, wm.SavePreset(preset=p))
    rule = save_rule(aio, store, trigger="drill", preset="四画面", monitor=2, switch_cameras=False)
    state = aio.run(store.run_write(alarm.apply_rule_preset, rule, "rule:危化品", NOW))
    assert sources(state, 2) == [cam("CAM-9"), MAP, MAP, MAP] and state.monitors[1].layout.tiles[0].pinned
    assert state.cause == "rule:危化品"
    rule = save_rule(aio, store, trigger="drill", preset="九画面", monitor=2, switch_cameras=False)
    assert aio.run(store.run_write(alarm.apply_rule_preset, rule, "rule:危化品", NOW)) is None


def local(hour: int, minute: int, second: int = 0, day: int = 1) -> float:
    return dt.datetime(2026, 5, day, hour, minute, second).timestamp()


def test_crossed_finds_a_time_of_day_between_two_looks() -> None:
    assert crossed("22:00", local(21, 59, 50), local(22, 0, 10))
    assert crossed("22:00", local(21, 59, 50), local(22, 0, 0))
    assert not crossed("22:00", local(22, 0, 0), local(22, 0, 20))
    assert not crossed("22:00", local(8, 0), local(21, 0))
    assert crossed("00:00", local(23, 59, 50), local(0, 0, 10, day=2))


def test_a_schedule_rule_applies_its_preset_once(aio: Any, store: Store) -> None:
    prepared(aio, store)
    night = wm.Preset(
        name="夜间", scope="wall", layouts=[make_layout("4x4"), make_layout("1", [MAP]), make_layout("1")]
    )
    write(aio, store, presets.save_preset, wm.SavePreset(preset=night))
    save_rule(aio, store, name="夜班", trigger="schedule", at="22:00", preset="夜间", switch_cameras=False)
    save_rule(
        aio,
        store,
        name="停用",
        enabled=False,
        trigger="schedule",
        at="22:00",
        preset="夜间",
        switch_cameras=False,
    )
    scheduler = WallScheduler(store=store)
    assert aio.run(scheduler.tick(local(21, 59, 45))) == []  # the first look only notes the time
    assert aio.run(scheduler.tick(local(21, 59, 59))) == []
    assert aio.run(scheduler.tick(local(22, 0, 19))) == ["夜班"]
    assert aio.run(scheduler.tick(local(22, 0, 39))) == []
    state = wall(aio, store)
    assert (state.cause, [m.layout.kind for m in state.monitors]) == ("schedule:夜班", ["4x4", "1", "1"])
    assert changes(aio, store)[0].summary.startswith("rule 夜班: preset 夜间 (monitor 1 (屏1): 4x4 layout")


@pytest.mark.parametrize("interval", [0.0, -1.0])
def test_the_scheduler_needs_a_positive_interval(interval: float) -> None:
    with pytest.raises(ValueError, match="positive"):
        WallScheduler(interval)
