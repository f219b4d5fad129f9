"""Routing rules (智能分拨): which rule wins, editing them, and suggestions within the asking unit's
reach; on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest

from backend.intake import data
from backend.lifecycle.transition import apply_transition
from backend.routing.rules import CasePlace, best_rule, delete_rule, load_rules, save_rule
from backend.routing.suggest import suggest
from backend.server import Server
from backend.store import Store
from client_api import dispatch_messages as dm
from client_api import messages as m
from client_api.client import SeatClient
from client_api.errors import ErrorCode, ProtocolError
from client_api.lifecycle_messages import TransitionCase
from tests.backend.wire import log_in

CENTER = m.Operator("operator1", "话务员", "operator")
TOWN = m.Operator("town1", "临江街道", "operator", "T-001")
VILLAGE = m.Operator("village1", "滨江社区工作站", "handler", "V-320999001001")
GRID = "32099900100101"  # 滨江社区第1网格, 临江街道
PLACE = CasePlace("E0404", "E04", {GRID: 4, "320999001001": 3, "320999001": 2, "320999": 1})


def rule(id_: int, category: str | None, area: str | None, priority: int = 0) -> dm.RoutingRule:
    return dm.RoutingRule(
        id=id_, category_code=category, area_code=area, department_code=f"D-{id_}", priority=priority
    )


def test_the_most_specific_rule_wins() -> None:
    rules = [rule(1, None, None, priority=9), rule(2, "E04", None)]
    assert best_rule(rules, PLACE) == rules[1]  # a category beats any priority
    rules.append(rule(3, "E0404", None))
    assert best_rule(rules, PLACE) == rules[2]  # the subcategory beats its major class
    rules.append(rule(4, None, "320999001001"))
    assert best_rule(rules, PLACE) == rules[3]  # an area beats a category alone
    rules.append(rule(5, None, GRID))
    assert best_rule(rules, PLACE) == rules[4]  # the deeper area wins
    rules.append(rule(6, "E04", "320999"))
    assert best_rule(rules, PLACE) == rules[5]  # category and area together beat everything
    rules.append(rule(7, "E04", "320999001"))
    assert best_rule(rules, PLACE) == rules[6]
    rules.append(rule(8, "E04", "320999001", priority=1))
    assert best_rule(rules, PLACE) == rules[7]  # then priority
    assert best_rule([rule(9, "E05", None), rule(10, "E04", "320999002")], PLACE) is None


def write(aio: Any, store: Store, fn: Any, *args: Any) -> Any:
    return aio.run(store.run_write(lambda conn: (fn(conn, *args), [])))


def read(aio: Any, store: Store, fn: Any, *args: Any) -> Any:
    async def go() -> Any:
        async with store.engine.connect() as conn:
            return await conn.run_sync(fn, *args)

    return aio.run(go())


def test_rules_are_seeded_saved_replaced_and_deleted(aio: Any, seeded_store: Store) -> None:
    shipped = data.load_json(data.TAXONOMY, "routing_rules.json")["rules"]
    rules = read(aio, seeded_store, load_rules)
    assert len(rules) == len(shipped)
    assert any(r.category_code == "E05" and r.co_departments == ["D-GA"] for r in rules)
    new = dm.RoutingRule(category_code="P0104", area_code="320999002", department_code="T-002", priority=3)
    saved = write(aio, seeded_store, save_rule, new)
    assert saved.id is not None and saved.department_code == "T-002"
    replaced = write(aio, seeded_store, save_rule, dm.RoutingRule(id=saved.id, department_code="D-GD"))
    assert replaced == dm.RoutingRule(id=saved.id, department_code="D-GD")
    assert aio.run(seeded_store.run_write(delete_rule, saved.id)) == saved.id
    assert len(read(aio, seeded_store, load_rules)) == len(shipped)
    with pytest.raises(ProtocolError) as gone:
        aio.run(seeded_store.run_write(delete_rule, saved.id))
    assert gone.value.code == ErrorCode.NOT_FOUND
    with pytest.raises(ProtocolError) as missing:
        write(aio, seeded_store, save_rule, dm.RoutingRule(id=99999, department_code="D-GD"))
    assert missing.value.code == ErrorCode.NOT_FOUND


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"category_code": "X99"}, "category_code"),
        ({"area_code": "999"}, "area_code"),
        ({"department_code": "D-NOPE"}, "department_code"),
        ({"co_departments": ["D-CG"]}, "co_departments"),
        ({"co_departments": ["D-NOPE"]}, "co_departments"),
        ({"note": "长" * 501}, "note"),
    ],
)
def test_a_rule_naming_what_does_not_exist_is_refused(
    aio: Any, seeded_store: Store, fields: dict[str, Any], field: str
) -> None:
    before = read(aio, seeded_store, load_rules)
    with pytest.raises(ProtocolError) as raised:
        write(aio, seeded_store, save_rule, dm.RoutingRule(**{"department_code": "D-CG"} | fields))
    assert raised.value.code == ErrorCode.INVALID_FIELD and raised.value.details == {"field": field}
    assert read(aio, seeded_store, load_rules) == before


def registered(aio: Any, store: Store, category: str, grid: str | None = GRID) -> int:
    req = m.CreateCase(category_code=category, address="滨江路 8 号", description="事件", grid_code=grid)
    case = aio.run(store.create_case(req, CENTER, "S1"))
    aio.run(
        store.run_write(apply_transition, TransitionCase(case_id=case.id, action="register"), CENTER, "S1")
    )
    return case.id


def test_suggestions_for_the_district_center(aio: Any, seeded_store: Store) -> None:
    water = read(aio, seeded_store, suggest, registered(aio, seeded_store, "E0502"), CENTER)
    assert water.department_code == "D-SW" and water.co_departments == []
    assert water.reason.startswith(f"规则 #{water.rule_id}：自来水管破裂 × 全区 → 区水务局")
    assert "T-001" in water.candidates and "D-SW" in water.candidates
    assert not any(c.startswith(("V-", "G-")) for c in water.candidates)  # the center dispatches to top units
    gas = read(aio, seeded_store, suggest, registered(aio, seeded_store, "E0503"), CENTER)
    assert (gas.department_code, gas.co_departments) == ("D-YJ", ["D-GA", "D-ZJ"])
    street = read(aio, seeded_store, suggest, registered(aio, seeded_store, "E0404"), CENTER)
    assert street.department_code == "T-001"  # 街面秩序 in 临江街道 goes to the town, not to the police
    assert "街面秩序 × 临江街道 → 临江街道综合指挥中心" in street.reason
    elsewhere = read(
        aio, seeded_store, suggest, registered(aio, seeded_store, "E0404", grid="32099900200101"), CENTER
    )
    assert elsewhere.department_code == "D-GA"  # 东湖镇 has no street-order rule of its own


def test_a_town_is_suggested_the_unit_below_it_where_the_case_is(aio: Any, seeded_store: Store) -> None:
    case_id = registered(aio, seeded_store, "E0404")
    dispatch = TransitionCase(case_id=case_id, action="dispatch", department_code="T-001")
    aio.run(seeded_store.run_write(apply_transition, dispatch, CENTER, "S1"))
    town = read(aio, seeded_store, suggest, case_id, TOWN)
    assert town.department_code == "V-320999001001"
    assert "→ 滨江社区工作站" in town.reason and town.rule_id is not None
    assert set(town.candidates) == {
        "V-320999001001",
        "V-320999001002",
        "V-320999001003",
        *(f"G-32099900100{v}0{g}" for v in (1, 2, 3) for g in (1, 2)),
    }
    subdispatch = TransitionCase(case_id=case_id, action="subdispatch", department_code="V-320999001001")
    aio.run(seeded_store.run_write(apply_transition, subdispatch, TOWN, "S1"))
    village = read(aio, seeded_store, suggest, case_id, VILLAGE)
    assert village.department_code == f"G-{GRID}"
    assert village.candidates == ["G-32099900100101", "G-32099900100102"]


def test_routing_over_the_wire_is_edited_by_supervisors_only(aio: Any, server: Server) -> None:
    async def scenario() -> tuple[dm.RoutingRules, ProtocolError | None, dm.RoutingRuleSaved]:
        operator, supervisor = SeatClient(server.url), SeatClient(server.url)
        try:
            await log_in(operator, "S1")
            await log_in(supervisor, "S2", username="supervisor1")
            listed = await operator.request("routing.list", dm.ListRoutingRules())
            new = dm.RoutingRule(category_code="E0601", department_code="D-GA", note="夜间噪声")
            try:
                await operator.request("routing.save", dm.SaveRoutingRule(rule=new))
                refusal = None
            except ProtocolError as exc:
                refusal = exc
            saved = await supervisor.request("routing.save", dm.SaveRoutingRule(rule=new))
            await supervisor.request("routing.delete", dm.DeleteRoutingRule(id=saved.rule.id))
            return listed, refusal, saved
        finally:
            await operator.close()
            await supervisor.close()

    listed, refusal, saved = aio.run(scenario())
    assert listed.rules and all(r.id is not None for r in listed.rules)
    assert refusal is not None and refusal.code == ErrorCode.FORBIDDEN
    assert saved.rule.note == "夜间噪声" and saved.rule.id not in {r.id for r in listed.rules}
