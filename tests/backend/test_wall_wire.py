"""The wall over real websockets (SQLite and PostgreSQL): every seat sees a supervisor's change, the last
change wins with the record, an operator may look but not change; an alert near a camera switches the
designated tiles while a pinned one stays, a case and a drill start switch too."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from backend.cli import build_parser
from backend.events import append_event
from backend.server import Server
from backend.services import build_services
from backend.store import Store
from backend.wall.schedule import WallScheduler
from backend.wall.state import read_state
from backend.wall.switching import DRILL_STARTED, WallSwitcher
from client_api import alert_messages as am
from client_api import messages as m
from client_api import wall_messages as wm
from client_api.errors import ErrorCode
from client_api.wall_layouts import make_layout
from tests.backend.test_alert_ack import fails
from tests.backend.test_intake_support import Seat, seats
from tests.backend.test_wall_support import MAP, SLA


@pytest.fixture
def served(aio: Any, seeded_store: Store) -> Iterator[tuple[Server, WallSwitcher]]:
    """A server on the demo district with the wall switcher running."""
    switcher = WallSwitcher()
    server = Server(seeded_store, port=0, services=[switcher])
    aio.run(server.start())
    try:
        yield server, switcher
    finally:
        aio.run(server.close())


def wall_changed(version: int) -> Any:
    return lambda e: e.type == "wall.changed" and e.payload.state.version == version


def test_every_seat_sees_a_change_and_the_last_one_wins(
    aio: Any, served: tuple[Server, WallSwitcher]
) -> None:
    server, _ = served

    async def scenario() -> dict[str, Any]:
        async with seats(server, "supervisor1", "trainer1", "operator1") as (chen, trainer, operator):
            start: wm.WallState = await operator.client.request("wall.get", wm.GetWall())
            first = wm.SetLayouts(layouts={1: make_layout("3x3", [MAP])}, base_version=start.version)
            mine: wm.WallState = await chen.client.request("wall.set_layouts", first)
            seen = [await s.wait_for(wall_changed(mine.version)) for s in (trainer, operator)]
            late = wm.SetLayouts(layouts={1: make_layout("1+7", [SLA])}, base_version=start.version)
            theirs: wm.WallState = await trainer.client.request("wall.set_layouts", late)
            await chen.wait_for(wall_changed(theirs.version))
            history: wm.WallHistory = await operator.client.request(
                "wall.history", wm.WallHistoryRequest(limit=2)
            )
            refusals = {
                t: (await fails(operator, t, p)).code
                for t, p in [
                    ("wall.set_layouts", first),
                    ("wall.set_tile", wm.SetTile(monitor=1, tile=0, source=MAP)),
                    ("wall.pin", wm.PinTile(monitor=1, tile=0, pinned=True)),
                    ("preset.apply", wm.ApplyPreset(name="日常值守")),
                    ("wall_rule.delete", wm.DeleteByName(name="演练开始")),
                    ("camera.delete", wm.DeleteCamera(id="CAM-001")),
                ]
            }
            bad = await fails(chen, "wall.set_tile", wm.SetTile(monitor=9, tile=0, source=MAP))
            now: wm.WallState = await operator.client.request("wall.get", wm.GetWall())
            return locals()

    got = aio.run(scenario())
    mine, theirs = got["mine"], got["theirs"]
    assert [e.payload.state for e in got["seen"]] == [mine, mine]
    assert got["seen"][0].payload.change.summary == "monitor 1 (左屏): 3x3 layout"
    assert (theirs.version, theirs.changed_by, theirs.monitors[0].layout.kind) == (
        mine.version + 1,
        "trainer1",
        "1+7",
    )
    assert got["now"] == theirs
    assert [c.summary for c in got["history"].changes] == [
        f"monitor 1 (左屏): 1+7 layout (over version {mine.version} by supervisor1)",
        "monitor 1 (左屏): 3x3 layout",
    ]
    assert set(got["refusals"].values()) == {ErrorCode.FORBIDDEN}
    assert (got["bad"].code, got["bad"].details) == (ErrorCode.INVALID_FIELD, {"field": "monitor"})


def test_lists_and_the_nearest_cameras_for_every_seat(aio: Any, served: tuple[Server, WallSwitcher]) -> None:
    server, _ = served

    async def scenario() -> dict[str, Any]:
        async with seats(server, "operator1") as (operator,):
            return {
                "cameras": await operator.client.request("camera.list", wm.ListCameras()),
                "presets": await operator.client.request("preset.list", wm.ListPresets()),
                "rules": await operator.client.request("wall_rule.list", wm.ListWallRules()),
                "near": await operator.client.request(
                    "camera.nearest", wm.NearestCameras(lat=31.27, lon=120.548)
                ),
                "bad": await fails(
                    operator, "camera.nearest", wm.NearestCameras(lat=31.27, lon=120.548, limit=0)
                ),
            }

    got = aio.run(scenario())
    assert (
        len(got["cameras"].cameras) == 34
        and len(got["presets"].presets) == 4
        and len(got["rules"].rules) == 6
    )
    near = got["near"].cameras
    assert [n.camera.group for n in near[:2]] == ["化工园区", "化工园区"] and len(near) == 4
    assert [n.distance_m for n in near] == sorted(n.distance_m for n in near)
    assert (got["bad"].details, got["bad"].message) == ({"field": "limit"}, "limit is 1 to 50, not 0")


HAZMAT = am.RaiseAlert(
    event="危化品泄漏",
    headline="青山化工仓库液氯储罐泄漏",
    categories=["CBRNE", "Safety"],
    severity="Severe",
    lat=31.2701,
    lon=120.5481,
)


async def settled(switcher: WallSwitcher, seat: Seat) -> wm.WallState:
    await switcher.settle()
    state: wm.WallState = await seat.client.request("wall.get", wm.GetWall())
    return state


def test_an_alert_near_cameras_switches_the_designated_tiles_but_not_a_pinned_one(
    aio: Any, served: tuple[Server, WallSwitcher]
) -> None:
    server, switcher = served

    async def scenario() -> dict[str, Any]:
        async with seats(server, "supervisor1", "operator1") as (chen, operator):
            pinned: wm.WallState = await chen.client.request(
                "wall.pin", wm.PinTile(monitor=3, tile=1, pinned=True)
            )
            raised: am.AlertRaised = await chen.client.request("alert.raise", HAZMAT)
            heard = await operator.wait_for(wall_changed(pinned.version + 1))
            near: wm.CamerasNear = await operator.client.request(
                "camera.nearest", wm.NearestCameras(lat=HAZMAT.lat or 0, lon=HAZMAT.lon or 0, limit=6)
            )
            quiet = am.RaiseAlert(event="噪声", headline="广场舞噪声", categories=["Other"], severity="Minor")
            await chen.client.request("alert.raise", quiet)
            after_quiet = await settled(switcher, operator)
            case = m.CreateCase(
                category_code="E0503",
                address="桃源镇桃源社区桃源广场",
                description="燃气管道破裂，有气味",
                lat=31.29164,
                lon=120.614915,
            )
            created: m.CaseCreated = await operator.client.request("case.create", case)
            after_case = await settled(switcher, operator)
        # no seat is connected: none knows drill.started yet
        await server.store.run_write(
            lambda conn: (None, [append_event(conn, DRILL_STARTED, wm.GetWall(), 0.0)])
        )
        await switcher.settle()
        after_drill = await server.store.read(read_state)
        return locals()

    got = aio.run(scenario())
    alert_id = got["raised"].alert.id
    state: wm.WallState = got["heard"].payload.state
    assert (state.cause, state.changed_by) == (f"alarm:{alert_id}", "system:wall")
    right = state.monitors[2].layout.tiles
    assert (right[1].source, right[1].pinned) == (wm.TileSource(kind="camera", ref="CAM-031"), True)
    others = [n.camera.id for n in got["near"].cameras if n.camera.id != "CAM-031"]
    assert [t.source for t in right] == [
        wm.TileSource(kind="camera", ref=others[0]),
        wm.TileSource(kind="camera", ref="CAM-031"),
        wm.TileSource(kind="camera", ref=others[1]),
        wm.TileSource(kind="alert", ref=str(alert_id)),
    ]
    summary = got["heard"].payload.change.summary
    assert (
        summary.startswith(f"alert {alert_id} (危化品泄漏): tile 3/1 ← camera {others[0]} ")
        and " m); " in summary
    )
    assert state.monitors[:2] == got["pinned"].monitors[:2]  # only the designated tiles moved
    assert got["after_quiet"] == state  # no rule wants a Minor alert of category Other

    after_case = got["after_case"]
    case = got["created"].case
    assert after_case.cause == f"case:{case.id}"
    case_tile = after_case.monitors[2].layout.tiles[3].source
    assert (case_tile.kind, case_tile.ref, case_tile.text.split("\n")[0]) == (
        "text",
        f"case:{case.id}",
        case.case_no,
    )
    assert after_case.monitors[2].layout.tiles[1] == right[1]

    drill = got["after_drill"]
    assert drill.cause == "rule:演练开始"
    assert [m.layout.kind for m in drill.monitors] == [
        "2x2",
        "1",
        "2x2",
    ]  # the pinned tile keeps 右屏 as it is


def test_the_wall_services_are_built_from_the_options(capsys: pytest.CaptureFixture[str]) -> None:
    def ours(argv: list[str]) -> list[Any]:
        return [
            s
            for s in build_services(build_parser().parse_args(argv))
            if isinstance(s, WallSwitcher | WallScheduler)
        ]

    switcher, scheduler = ours([])
    assert (
        isinstance(switcher, WallSwitcher)
        and isinstance(scheduler, WallScheduler)
        and scheduler.interval == 20.0
    )
    assert ours(["--wall-schedule-interval", "0.5"])[1].interval == 0.5
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--wall-schedule-interval", "0"])
    assert "'0' is not a number of seconds (0.05 to 1e9)" in capsys.readouterr().err
