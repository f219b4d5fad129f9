"""The public-safety (E07 社会治安) and epidemic-control (E08 疫情防控) categories of the demo district:
keywords, time limits, routing, alerts, the knowledge base and Open311 know them, and the two drill
scenarios of those themes file their cases under them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from backend.drill.scenario import load_all
from backend.drill.scenario_model import Scenario
from backend.intake import data, deadlines
from backend.intake.deadlines import CategoryInfo, time_limits
from backend.intake.suggest import Suggester
from backend.intake.taxonomy import CategoryRow, keywords
from backend.open311.catalog import load_services
from backend.routing.rules import CasePlace, best_rule
from backend.routing.suggest import suggest
from backend.seed import load_demo_district
from backend.server import Server
from backend.store import Store
from client_api import alert_messages as am
from client_api.dispatch_messages import RoutingRule
from tests.backend.test_intake_support import seats
from tests.backend.test_routing import CENTER, read, registered

CST = dt.timezone(dt.timedelta(hours=8))
HOLIDAY_NIGHT = dt.datetime(2026, 2, 17, 3, 0, tzinfo=CST).timestamp()  # Spring Festival, 03:00
NEW_CLASSES = {
    "E07": ("社会治安", {"E0701": "打架斗殴", "E0702": "人员聚集", "E0703": "可疑人员物品"}),
    "E08": ("疫情防控", {"E0801": "核酸检测", "E0802": "隔离管控", "E0803": "防疫物资", "E0804": "疫苗接种"}),
}


def categories() -> dict[str, dict[str, Any]]:
    return {c["code"]: c for c in load_demo_district()["categories"]}


def test_the_new_classes_are_event_classes_with_keywords_and_time_limits() -> None:
    cats, words, limits = categories(), keywords(), time_limits().rules
    for major, (name, minors) in NEW_CLASSES.items():
        assert cats[major] == {"code": major, "name": name, "kind": "event", "parent_code": None}
        assert {c for c, row in cats.items() if row["parent_code"] == major} == set(minors)
        for code, minor in minors.items():
            assert cats[code] == {"code": code, "name": minor, "kind": "event", "parent_code": major}
            assert words[code], f"{code} has no keywords"
        assert limits[major]["handle"].keys() == {"normal", "urgent", "critical"}
    table = data.load_json(data.TAXONOMY, "time_limits.json")["rules"]
    named = {code: row["name"] for code, row in table.items() if code in cats}
    assert named == {code: cats[code]["name"] for code in named}  # each row names the category it is for
    assert {"E07", "E0701", "E08", "E0802"} <= named.keys()


def test_public_safety_and_epidemic_limits_run_on_clock_time() -> None:
    fight = deadlines.compute(CategoryInfo("E0701", "event", "E07"), "urgent", HOLIDAY_NIGHT)
    assert fight.limit.rule == "E0701" and fight.deadline_at == HOLIDAY_NIGHT + 30 * 60
    assert fight.dispatch_limit is not None and fight.dispatch_limit.rule == "E07"
    assert fight.dispatch_deadline_at == HOLIDAY_NIGHT + 5 * 60  # faster than city management's 10 min
    isolated = deadlines.compute(CategoryInfo("E0802", "event", "E08"), "normal", HOLIDAY_NIGHT)
    assert isolated.deadline_at == HOLIDAY_NIGHT + 12 * 3600  # not after the holiday
    masks = deadlines.compute(CategoryInfo("E0803", "event", "E08"), "normal", HOLIDAY_NIGHT, "A03")
    assert masks.limit.rule == "E08" and masks.deadline_at == HOLIDAY_NIGHT + 24 * 3600


@pytest.fixture(scope="module")
def suggester() -> Suggester:
    rows = [CategoryRow(c["code"], c["name"], c["kind"], c["parent_code"]) for c in categories().values()]
    return Suggester(rows)


@pytest.mark.parametrize(
    ("description", "code"),
    [
        ("滨江农贸市场东门这边打起来了，两个卖菜的为了摊位吵，现在动手了！", "E0701"),
        ("菜场那边有人拿刀砍人，地上躺了好几个", "E0701"),
        ("门口来了十几个工人，拉着横幅，说是来讨工钱的，把正门堵住了", "E0702"),
        ("商场门口怎么那么多人啊，还拉着横幅", "E0702"),
        ("地铁口有个不明包裹放了半天没人认领", "E0703"),
        ("桃源广场那个核酸点排了快两个小时了，队伍一动不动", "E0801"),
        ("我家居家隔离第五天了，家里米和菜都快吃完了", "E0802"),
        ("我住桃源居，现在到底能不能出去", "E0802"),
        ("药店的口罩和消毒液卖光了，还有人哄抬价格", "E0803"),
        ("加强针在哪里打，要不要预约接种", "E0804"),
        ("我想问一下，今天的核酸做到几点结束", "A01"),  # a consultation first, its subject second
    ],
)
def test_descriptions_suggest_the_new_categories(suggester: Suggester, description: str, code: str) -> None:
    found = suggester.suggest(description)
    assert found and found[0].row.code == code, [(s.row.code, s.confidence) for s in found]


def test_a_traffic_barrier_is_not_an_isolation(suggester: Suggester) -> None:
    assert suggester.suggest("马路中间的隔离带被车撞坏了")[0].row.code == "P0202"


@pytest.mark.parametrize(
    ("code", "department", "co"),
    [
        ("E0701", "D-GA", []),
        ("E0702", "D-GA", []),
        ("E0703", "D-GA", []),
        ("E0801", "D-WJ", []),
        ("E0802", "D-WJ", ["D-GA"]),
        ("E0803", "D-WJ", ["D-SJ"]),
        ("E0804", "D-WJ", []),
    ],
)
def test_the_center_is_suggested_the_police_or_the_health_commission(
    aio: Any, seeded_store: Store, code: str, department: str, co: list[str]
) -> None:
    found = read(aio, seeded_store, suggest, registered(aio, seeded_store, code), CENTER)
    assert (found.department_code, found.co_departments) == (department, co), found.reason


def test_open311_offers_the_new_services_grouped_by_their_class(aio: Any, seeded_store: Store) -> None:
    async def services() -> dict[str, Any]:
        async with seeded_store.engine.connect() as conn:
            return await load_services(conn)

    found = aio.run(services())
    assert {found[c].group for c in NEW_CLASSES["E07"][1]} == {"社会治安"}
    assert {found[c].group for c in NEW_CLASSES["E08"][1]} == {"疫情防控"}
    assert "E07" not in found and "E08" not in found


def place_of(code: str, grid: str) -> CasePlace:
    cats, areas = categories(), {a["code"]: a for a in load_demo_district()["areas"]}
    chain: dict[str, int] = {}
    depth = {"district": 1, "town": 2, "village": 3, "grid": 4}
    current: str | None = grid
    while current is not None:
        chain[current] = depth[areas[current]["level"]]
        current = areas[current]["parent_code"]
    return CasePlace(code, cats[code]["parent_code"], chain)


def filed(scenario: Scenario) -> dict[str, str]:
    """inject id → the category its case is expected under."""
    return {i.id: i.expected.category for i in scenario.injects if i.expected and i.expected.category}


def test_the_drills_file_fights_gatherings_and_epidemic_calls_under_the_new_categories() -> None:
    found = load_all()
    assert found.errors == []
    scenarios = {s.id: s for s in found.scenarios}
    assert filed(scenarios["public-safety-market"]) == {
        "c1": "E0701",
        "c4": "E0702",
        "p1": "E0402",
        "c6": "P0101",
    }
    # The queue and the isolated households by their subject; pure consultations keep their appeal type.
    consultations = dict.fromkeys(("c4", "c6", "c7"), "A01")
    assert (
        filed(scenarios["epidemic-control-day"])
        == {"c1": "E0801", "c2": "E0802", "c5": "E0802", "g2": "E0801"} | consultations
    )


def test_the_drills_expect_the_district_unit_the_routing_rules_suggest() -> None:
    shipped = data.load_json(data.TAXONOMY, "routing_rules.json")["rules"]
    rules = [RoutingRule(id=i, **row) for i, row in enumerate(shipped, 1)]
    checked = []
    for scenario in load_all().scenarios:
        for inject in scenario.injects:
            want = inject.expected
            if want is None or not want.category:
                continue
            if want.category[:3] in NEW_CLASSES and want.grid and (want.department or "").startswith("D-"):
                rule = best_rule(rules, place_of(want.category, want.grid))
                assert rule is not None and rule.department_code == want.department, (scenario.id, inject.id)
                checked.append(inject.id)
    assert len(checked) >= 4  # c1 and c4 of the market, c1 and g2 of the testing day


def test_alerts_kb_and_suggestions_over_the_wire(aio: Any, server: Server) -> None:
    async def scenario() -> dict[str, Any]:
        async with seats(server, "operator1", "supervisor1") as (operator, supervisor):
            made = {}
            for event, headline in (
                ("人员聚集风险", "滨江社区周边人员聚集风险提示"),
                ("核酸初筛阳性临时管控", "桃源居实施临时管控"),
            ):
                raised: am.AlertRaised = await supervisor.client.request(
                    "alert.raise", am.RaiseAlert(event=event, headline=headline, severity="Moderate")
                )
                case: am.AlertCaseCreated = await operator.client.request(
                    "alert.to_case", am.AlertToCase(alert_id=raised.alert.id)
                )
                made[event] = case.case.category_code
            answers = {
                q: [a.title for a in await operator.api.search_kb(q, limit=3)]
                for q in ("核酸做到几点", "从外地回来要不要隔离", "临时管控能不能出去上班")
            }
            fight = await operator.api.suggest_category("农贸市场门口有人打架，围了好多人")
            due = await operator.api.compute_deadline("E0701", "critical", at=HOLIDAY_NIGHT)
            return {"made": made, "answers": answers, "fight": fight, "due": due}

    got = aio.run(scenario())
    assert got["made"] == {"人员聚集风险": "E0702", "核酸初筛阳性临时管控": "E0802"}
    firsts = {q: titles[0] for q, titles in got["answers"].items()}
    assert "核酸" in firsts["核酸做到几点"]
    assert "报备" in firsts["从外地回来要不要隔离"]
    assert "临时管控" in firsts["临时管控能不能出去上班"]
    assert got["fight"][0].code == "E0701" and got["fight"][0].name == "打架斗殴"
    assert (got["due"].limit.rule, got["due"].deadline_at) == ("E0701", HOLIDAY_NIGHT + 15 * 60)
