"""The comms directory over real websockets: the demo directory searched by pinyin initials, grid, town,
role, phone and radio id; presence set by a supervisor reaches every seat, others are refused."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from backend import schema
from backend.comms.demo_directory import SEEDED, seed_directory
from backend.seed import seed_demo
from backend.store import Store
from client_api import comms_messages as cm
from client_api.errors import ErrorCode
from tests.backend.test_alert_ack import fails
from tests.backend.test_comms_support import CITY_DUTY, OFF_DUTY, WU_LEI, ZHANG_WEI, presence_is, served_hub
from tests.backend.test_intake_support import seats

GRID = "32099900100101"  # 滨江社区第1网格
DONGHU = "320999002"  # 东湖镇


async def search(seat: Any, **fields: Any) -> list[cm.DirectoryEntry]:
    result: cm.DirectoryResult = await seat.client.request("comms.directory", cm.SearchDirectory(**fields))
    return result.entries


def test_search_by_initials_grid_town_role_phone_and_radio_id(aio: Any, seeded_store: Store) -> None:
    async def scenario() -> dict[str, Any]:
        async with seats(hub.server, "operator1") as (seat,):
            return {
                "zw": await search(seat, text="ZW"),
                "grid": await search(seat, grid_code=GRID),
                "town": await search(seat, town=DONGHU, role="网格员"),
                "phone": await search(seat, text="66010001"),
                "radio": await search(seat, text="8001", kind="field_unit"),
                "org": await search(seat, text="城市管理", kind="department"),
                "all": await search(seat, limit=500),
                "two": await search(seat, limit=2),
                "bad_limit": await fails(seat, "comms.directory", cm.SearchDirectory(limit=501)),
                "bad_kind": await fails(seat, "comms.directory", cm.SearchDirectory(kind="robot")),
            }

    with served_hub(aio, seeded_store) as hub:
        got = aio.run(scenario())
    zhang = next(e for e in got["zw"] if e.id == ZHANG_WEI)
    assert (zhang.name, zhang.initials, zhang.kind, zhang.grid_code) == (
        "张伟",
        "zw",
        "grid_member",
        "32099900100102",
    )
    assert zhang.sip == f"sip:{zhang.phone}@pbx.local" and zhang.talk_groups == ("tg-town-320999001",)
    assert all(e.initials.startswith("zw") for e in got["zw"])
    assert {e.id for e in got["grid"]} == {WU_LEI, "gm-32099900100101-2"}
    assert {e.grid_code[:9] for e in got["town"]} == {DONGHU} and len(got["town"]) == 9
    assert [e.id for e in got["phone"]] == [CITY_DUTY]
    assert [e.id for e in got["radio"]] == ["unit-01"] and got["radio"][0].video_url == "sim://UNIT-01"
    assert [e.id for e in got["org"]] == [CITY_DUTY]
    kinds = [e.kind for e in got["all"]]
    assert kinds == sorted(kinds, key=cm.ENTRY_KINDS.index) and len(kinds) == 79
    assert set(kinds) == set(cm.ENTRY_KINDS)
    assert got["two"] == got["all"][:2]
    assert (got["bad_limit"].code, got["bad_limit"].details) == (ErrorCode.INVALID_FIELD, {"field": "limit"})
    assert got["bad_kind"].details == {"field": "kind"}


def test_presence_set_by_a_supervisor_reaches_every_seat(aio: Any, seeded_store: Store) -> None:
    async def scenario() -> dict[str, Any]:
        async with seats(hub.server, "supervisor1", "operator1") as (chen, wang):
            before = (await search(wang, text="赵丽华"))[0]
            busy: cm.PresenceChanged = await chen.client.request(
                "comms.set_presence", cm.SetPresence(entry_id=WU_LEI, presence="busy")
            )
            seen = await wang.wait_for(presence_is(WU_LEI, "busy"))
            after = (await search(wang, grid_code=GRID, text="吴磊"))[0]
            return {
                "before": before,
                "busy": busy,
                "seen": seen.payload,
                "after": after,
                "same": await chen.client.request("comms.set_presence", cm.SetPresence(WU_LEI, "busy")),
                "forbidden": await fails(wang, "comms.set_presence", cm.SetPresence(WU_LEI, "available")),
                "in_call": await fails(chen, "comms.set_presence", cm.SetPresence(WU_LEI, "in_call")),
                "unknown": await fails(chen, "comms.set_presence", cm.SetPresence("gm-nobody", "busy")),
            }

    with served_hub(aio, seeded_store) as hub:
        got = aio.run(scenario())
    assert (got["before"].id, got["before"].presence) == (OFF_DUTY, "off_duty")
    assert (got["busy"].entry_id, got["busy"].presence) == (WU_LEI, "busy")
    assert got["seen"] == got["busy"] == got["same"]
    assert (got["after"].presence, got["after"].presence_since) == ("busy", got["busy"].since)
    assert got["forbidden"].code == ErrorCode.FORBIDDEN
    assert (got["in_call"].code, got["in_call"].details) == (ErrorCode.INVALID_FIELD, {"field": "presence"})
    assert (got["unknown"].code, got["unknown"].details) == (ErrorCode.NOT_FOUND, {"field": "entry_id"})


def test_the_directory_is_seeded_once_and_into_a_district_seeded_before(
    aio: Any, seeded_store: Store
) -> None:
    def count() -> int:
        async def run() -> int:
            async with seeded_store.engine.connect() as conn:
                query = sa.select(sa.func.count()).select_from(schema.directory)
                return int((await conn.execute(query)).scalar_one())

        return aio.run(run())

    assert count() == 79
    assert aio.run(seed_directory(seeded_store)) is False

    async def forget() -> None:
        async with seeded_store.engine.begin() as conn:
            await conn.execute(sa.delete(schema.directory).where(schema.directory.c.kind == "person"))
            await conn.execute(sa.delete(schema.meta).where(schema.meta.c.key == SEEDED))

    aio.run(forget())
    assert count() == 74
    assert aio.run(seed_demo(seeded_store)) is False  # the district was there: only the directory comes
    assert count() == 79
