"""The unit tree (区 → 镇 → 村 → 网格): who may dispatch where, who holds a case, who sees it; on SQLite
and PostgreSQL, in the store and over the wire with live events."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import msgspec
import pytest
import sqlalchemy as sa

from backend import schema
from backend.events import StoredEvent
from backend.lifecycle.transition import apply_transition, load_case
from backend.lifecycle.units import allowed_for, unit_tree
from backend.passwords import hash_password
from backend.routing.visibility import EventScope, visible
from backend.server import Server
from backend.store import Store
from client_api import lifecycle_messages as lm
from client_api import messages as m
from client_api.client import SeatClient
from client_api.errors import ErrorCode, ProtocolError
from client_api.intake_messages import GetCaseDetail
from tests.backend.wire import log_in

CENTER = m.Operator("operator1", "话务员", "operator")
SUPERVISOR = m.Operator("supervisor1", "值班长", "supervisor")
TOWN = m.Operator("town1", "临江街道", "operator", "T-001")
OTHER_TOWN = m.Operator("town2", "东湖镇", "operator", "T-002")
VILLAGE = m.Operator("village1", "滨江社区工作站", "handler", "V-320999001001")
GRID = m.Operator("grid1", "滨江社区第1网格", "handler", "G-32099900100101")
CITY = m.Operator("handler1", "城管局", "handler", "D-CG")
GRID_CODE = "32099900100101"


def new_case(aio: Any, store: Store, category: str = "E0102", taken_by: m.Operator | None = None) -> int:
    """A registered case, taken at the district desk or at ``taken_by``'s desk."""
    desk = taken_by or CENTER
    req = m.CreateCase(category_code=category, address="滨江路 8 号", description="垃圾", grid_code=GRID_CODE)
    case = aio.run(store.create_case(req, desk, "S1"))
    act(aio, store, case.id, "register", desk)
    return case.id


def act(aio: Any, store: Store, case_id: int, action: str, who: m.Operator, **fields: Any) -> m.CaseRecord:
    request = lm.TransitionCase(case_id=case_id, action=action, **fields)
    case, _from = aio.run(store.run_write(apply_transition, request, who, "S1"))
    return case


def refused(
    aio: Any, store: Store, case_id: int, action: str, who: m.Operator, **fields: Any
) -> ProtocolError:
    with pytest.raises(ProtocolError) as raised:
        act(aio, store, case_id, action, who, **fields)
    return raised.value


def actions(aio: Any, store: Store, case_id: int, who: m.Operator) -> list[str]:
    async def read() -> list[str]:
        async with store.engine.connect() as conn:
            row = await conn.run_sync(load_case, case_id)
            return await conn.run_sync(allowed_for, who, row)

    return aio.run(read())


def test_the_tree_of_the_demo_district(aio: Any, seeded_store: Store) -> None:
    async def read() -> Any:
        async with seeded_store.engine.connect() as conn:
            return await conn.run_sync(unit_tree)

    tree = aio.run(read())
    assert tree.subtree("V-320999001001") == {"V-320999001001", "G-32099900100101", "G-32099900100102"}
    assert len(tree.subtree("T-001")) == 1 + 3 + 6
    assert tree.subtree("D-CG") == {"D-CG"}
    assert tree.is_within("G-32099900100101", "T-001") and tree.is_within("T-001", None)
    assert not tree.is_within("G-32099900100101", "T-002") and not tree.is_within("T-001", "V-320999001001")


def test_dispatch_reaches_top_units_from_the_center_and_units_below_from_a_town(
    aio: Any, seeded_store: Store
) -> None:
    store = seeded_store
    case_id = new_case(aio, store)
    too_deep = refused(aio, store, case_id, "dispatch", CENTER, department_code="V-320999001001")
    assert too_deep.code == ErrorCode.FORBIDDEN and too_deep.details["rule"] == "dispatch"
    assert "滨江社区工作站" in too_deep.message
    # a case the district desk took is the district's to dispatch, not a town's
    assert actions(aio, store, case_id, TOWN) == []
    assert actions(aio, store, case_id, CENTER) == ["dispatch", "void"]
    not_its = refused(aio, store, case_id, "dispatch", TOWN, department_code="V-320999001001")
    assert not_its.code == ErrorCode.FORBIDDEN and not_its.details == {"rule": "dispatch", "unit": "T-001"}
    # a case the town center took: it dispatches it to units below it, never above
    town_case = new_case(aio, store, taken_by=TOWN)
    assert actions(aio, store, town_case, TOWN) == ["dispatch", "void"]
    outside = refused(aio, store, town_case, "dispatch", TOWN, department_code="D-CG")
    assert outside.code == ErrorCode.FORBIDDEN and outside.details == {"rule": "dispatch", "unit": "T-001"}
    case = act(aio, store, town_case, "dispatch", TOWN, department_code="V-320999001001")
    assert case.lead_department == "V-320999001001" and case.status == "dispatched"
    assert case.owner_unit == "T-001"
    # returned by the village, it is back at the town's desk (registered, still the town's)
    returned = act(aio, store, town_case, "return", VILLAGE, note="不属于本社区")
    assert (returned.status, returned.lead_department, returned.owner_unit) == ("registered", None, "T-001")
    assert actions(aio, store, town_case, TOWN) == ["dispatch", "void"]


@pytest.mark.parametrize(
    ("co", "message"),
    [
        (["D-GA", "D-GA"], "twice"),
        (["D-CG"], "lead"),
        (["D-NOPE"], "D-NOPE"),
        (["D-GA", "D-SW", "D-HB", "D-SJ", "D-WJ", "D-JT"], "at most 5"),
    ],
)
def test_co_departments_are_checked(aio: Any, seeded_store: Store, co: list[str], message: str) -> None:
    case_id = new_case(aio, seeded_store)
    error = refused(aio, seeded_store, case_id, "dispatch", CENTER, department_code="D-CG", co_departments=co)
    assert error.code == ErrorCode.INVALID_FIELD and error.details == {"field": "co_departments"}
    assert message in error.message
    assert act(aio, seeded_store, case_id, "dispatch", CENTER, department_code="D-CG").co_departments == ()


def test_a_town_subdispatches_to_a_village_then_a_grid_member(
    aio: Any, seeded_store: Store, sync_engine: sa.Engine
) -> None:
    store = seeded_store
    case_id = new_case(aio, store, "E0404")
    case = act(aio, store, case_id, "dispatch", CENTER, department_code="T-001", co_departments=["D-GA"])
    assert case.co_departments == ("D-GA",)
    assert "subdispatch" in actions(aio, store, case_id, TOWN)
    assert actions(aio, store, case_id, OTHER_TOWN) == []
    error = refused(aio, store, case_id, "subdispatch", TOWN, department_code="V-320999002001")
    assert error.code == ErrorCode.FORBIDDEN and "东湖村工作站" in error.message  # another town's village
    case = act(aio, store, case_id, "subdispatch", TOWN, department_code="V-320999001001")
    assert (case.lead_department, case.co_departments) == ("V-320999001001", ("D-GA",))
    assert actions(aio, store, case_id, VILLAGE) == ["subdispatch", "accept", "return"]
    case = act(aio, store, case_id, "subdispatch", VILLAGE, department_code="G-32099900100101")
    assert actions(aio, store, case_id, GRID) == ["accept", "return"]  # a grid member has no one below
    # A parent holds its children's cases: the village may still accept for its grid member.
    assert actions(aio, store, case_id, VILLAGE) == ["subdispatch", "accept", "return"]
    assert refused(aio, store, case_id, "subdispatch", GRID, department_code="V-320999001001").code == (
        ErrorCode.FORBIDDEN
    )
    case = act(aio, store, case_id, "accept", GRID)
    assert case.status == "handling"
    with sync_engine.connect() as conn:
        t = schema.case_timeline
        rows = conn.execute(
            sa.select(t.c.action, t.c.department_code).where(t.c.case_id == case_id).order_by(t.c.id)
        ).all()
    assert [tuple(r) for r in rows][-4:] == [
        ("dispatch", "T-001"),
        ("subdispatch", "V-320999001001"),
        ("subdispatch", "G-32099900100101"),
        ("accept", "G-32099900100101"),
    ]


def test_handlers_act_only_on_cases_their_unit_holds(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    case_id = new_case(aio, store, "E0502")
    act(aio, store, case_id, "dispatch", CENTER, department_code="D-SW", co_departments=["D-CG"])
    assert actions(aio, store, case_id, CITY) == []  # 城管局 co-handles: it sees the case, does not hold it
    error = refused(aio, store, case_id, "accept", CITY)
    assert error.code == ErrorCode.FORBIDDEN and error.details == {"rule": "accept", "unit": "D-CG"}
    assert "区水务局" in error.message and "区城市管理局" in error.message
    assert refused(aio, store, case_id, "return", VILLAGE, note="不归我们").code == ErrorCode.FORBIDDEN
    assert act(aio, store, case_id, "accept", SUPERVISOR).status == "handling"  # the center acts anywhere
    assert refused(aio, store, case_id, "complete", CITY, result="已修").code == ErrorCode.FORBIDDEN
    assert load_status(aio, store, case_id) == "handling"


def load_status(aio: Any, store: Store, case_id: int) -> str:
    async def read() -> str:
        async with store.engine.connect() as conn:
            return str((await conn.run_sync(load_case, case_id)).status)

    return aio.run(read())


# --- over the wire: case.list, case.detail and live events follow the tree -------------------------


@pytest.fixture
def unit_server(aio: Any, seeded_store: Store) -> Iterator[Server]:
    """A server on the seeded store (both dialects) with a second town's operator account."""

    async def add_town2() -> None:
        async with seeded_store.engine.begin() as conn:
            password = await asyncio.to_thread(hash_password, "demo")
            await conn.execute(
                sa.insert(schema.accounts).values(
                    username="town2",
                    display_name="东湖镇",
                    role="operator",
                    password_hash=password,
                    department_code="T-002",
                )
            )

    aio.run(add_town2())
    server = Server(seeded_store, port=0)
    aio.run(server.start())
    try:
        yield server
    finally:
        aio.run(server.close())


def test_a_parent_sees_its_childrens_cases_and_a_sibling_town_does_not(aio: Any, unit_server: Server) -> None:
    async def scenario() -> dict[str, Any]:
        center, town, sibling = (SeatClient(unit_server.url) for _ in range(3))
        seen: dict[str, list[int]] = {"town": [], "sibling": []}
        town.add_event_listener(
            lambda e: seen["town"].append(e.payload.case.id) if e.type == "case.updated" else None
        )
        sibling.add_event_listener(
            lambda e: seen["sibling"].append(e.payload.case.id) if e.type == "case.updated" else None
        )
        try:
            await log_in(center, "S1")
            await log_in(town, "T1", username="town1")
            await log_in(sibling, "T2", username="town2")
            mine = await center.create_case("E0404", "滨江路 8 号", "占道经营", grid_code=GRID_CODE)
            co = await center.create_case("E0601", "滨江路 9 号", "噪声", grid_code=GRID_CODE)
            theirs = await center.create_case("E0102", "东湖路 1 号", "垃圾")
            for case, lead, helpers in (
                (mine, "T-001", []),
                (co, "D-HB", ["V-320999001001"]),
                (theirs, "T-002", []),
            ):
                for step in (
                    lm.TransitionCase(case_id=case.id, action="register"),
                    lm.TransitionCase(
                        case_id=case.id, action="dispatch", department_code=lead, co_departments=helpers
                    ),
                ):
                    await center.request("case.transition", step)
            await town.request(
                "case.transition",
                lm.TransitionCase(case_id=mine.id, action="subdispatch", department_code="G-32099900100101"),
            )
            taken = await town.create_case("E0404", "滨江路 10 号", "街道指挥中心受理的占道经营")
            for _ in range(200):  # the sibling's own case comes last: every earlier event reached it first
                if theirs.id in seen["sibling"] and mine.id in seen["town"]:
                    break
                await asyncio.sleep(0.02)
            detail_error = None
            try:
                await sibling.request("case.detail", GetCaseDetail(case_id=mine.id))
            except ProtocolError as exc:
                detail_error = exc
            return {
                "ids": (mine.id, co.id, theirs.id, taken.id),
                "town_list": [c.id for c in (await town.list_cases()).cases],
                "sibling_list": [c.id for c in (await sibling.list_cases()).cases],
                "center_list": [c.id for c in (await center.list_cases()).cases],
                "town_detail": (await town.request("case.detail", GetCaseDetail(case_id=co.id))).case.id,
                "detail_error": detail_error,
                "seen": seen,
            }
        finally:
            for client in (center, town, sibling):
                await client.close()

    got = aio.run(scenario())
    mine, co, theirs, taken = got["ids"]
    # its own intake, its case now with a grid member below it, and one it co-handles
    assert got["town_list"] == [taken, co, mine]
    assert got["sibling_list"] == [theirs]
    assert got["center_list"] == [taken, theirs, co, mine]
    assert got["town_detail"] == co
    assert got["detail_error"].code == ErrorCode.FORBIDDEN
    assert set(got["seen"]["town"]) == {mine, co}
    assert set(got["seen"]["sibling"]) == {theirs}


def test_event_scope_tells_a_unit_its_case_left_and_names_cases_by_id() -> None:
    scope = EventScope()

    def event(type_: str, payload: Any) -> StoredEvent:
        return StoredEvent(1, type_, 0.0, msgspec.json.encode(payload))

    def updated(lead: str | None, co: list[str]) -> StoredEvent:
        return event("case.updated", {"case": {"id": 7, "lead_department": lead, "co_departments": co}})

    assert scope.units(event("call.updated", {"call": {}})) is None  # not about a case: everyone
    assert scope.units(updated("T-001", ["D-GA"])) == {"T-001", "D-GA"}
    assert scope.units(updated(None, [])) == {"T-001", "D-GA"}  # returned: the units it left hear it
    assert scope.units(updated(None, [])) == frozenset()
    assert scope.units(updated("D-SW", []), remember=False) == {"D-SW"}
    extension = event("extension.requested", {"extension": {"case_id": 7}, "case_no": "x"})
    assert scope.units(extension) == frozenset()
    scope.units(updated("D-SW", []))
    assert scope.units(extension) == {"D-SW"}
    urged = event("case.urged", {"case_id": 7, "departments": ["D-GA"]})
    assert scope.units(urged) == {"D-SW", "D-GA"}
    assert not visible(frozenset({"T-002"}), frozenset({"D-SW"})) and visible(None, frozenset())
