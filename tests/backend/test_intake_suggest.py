"""Category suggestion: taxonomy keywords for realistic descriptions, and learning from past cases."""

from __future__ import annotations

from typing import Any

import pytest

from backend.intake.suggest import Suggester
from backend.intake.taxonomy import CategoryRow
from backend.seed import load_demo_district
from backend.store import Store
from client_api.errors import ErrorCode, ProtocolError
from tests.backend.test_intake_support import create, seats, served

ROSES = [
    "小区月季被人挖走了",
    "花坛里的月季被挖",
    "月季花被人偷挖了",
    "公园的月季被挖光",
    "有人挖小区里的月季回家种",
]
BOTTLES = ["护城河里漂着塑料瓶", "护城河塑料瓶没人捞", "塑料瓶漂在护城河上"]


@pytest.fixture(scope="module")
def suggester() -> Suggester:
    categories = load_demo_district()["categories"]
    return Suggester([CategoryRow(c["code"], c["name"], c["kind"], c["parent_code"]) for c in categories])


@pytest.mark.parametrize(
    ("description", "code"),
    [
        ("水管爆了", "E0502"),
        ("滨江路88号门口自来水管爆了，水一直往外冒", "E0502"),
        ("望江名苑门口有人占道摆摊卖水果，行人都过不去", "E0402"),
        ("每天早上菜市场外面占道经营很严重", "E0402"),
        ("楼下广场舞噪音太大，晚上十点还在跳", "E0601"),
        ("隔壁KTV半夜还很吵", "E0601"),
        ("旁边工地晚上十一点还在施工，噪音扰民", "E0301"),
        ("工地夜间打桩，吵得睡不着", "E0301"),
        ("小区门口路灯不亮好几天了", "P0104"),
        ("人行道上的井盖没了，很危险", "P0101"),
        ("闻到很大的煤气味，怀疑燃气泄漏", "E0503"),
        ("下大雨后桃源大道积水很深，车都过不去", "E0504"),
        ("请问社保卡丢了怎么补办", "A01"),
        ("我要投诉这家店乱收费，态度还很差", "A03"),
        ("电动车乱停放堵住了消防通道", "E0405"),
        ("有辆僵尸车在小区门口停了半年", "E0404"),
        ("大风把行道树刮倒了，压在路上", "P0402"),
        ("出租房隔断住了很多人，有消防隐患", "E0602"),
        ("建议在学校门口增设红绿灯", "A05"),
    ],
)
def test_top_suggestion_for_realistic_descriptions(suggester: Suggester, description: str, code: str) -> None:
    found = suggester.suggest(description)
    assert found[0].row.code == code, [(s.row.code, s.confidence) for s in found]
    assert 1 <= len(found) <= 3
    assert all(0 < s.confidence <= 1 for s in found)
    assert [s.confidence for s in found] == sorted((s.confidence for s in found), reverse=True)


def test_noise_offers_both_noise_categories_with_keywords(suggester: Suggester) -> None:
    found = suggester.suggest("工地施工噪音，邻居家装修也吵，扰民")
    assert {s.row.code for s in found[:2]} == {"E0301", "E0601"}
    assert "施工噪音" in found[0].keywords


def test_nothing_recognisable_gives_no_suggestion(suggester: Suggester) -> None:
    assert suggester.suggest("嗯嗯好的") == []


def test_suggestions_learn_from_past_cases(aio: Any, seeded_store: Store) -> None:
    """Past cases count from the first suggestion on (read from the database), and new ones as they
    arrive (through the event sink). Neither description has a keyword of the category it learns."""
    for text in ROSES * 2:
        create(aio, seeded_store, text, category_code="P0403", address="望江名苑")
    with served(aio, seeded_store) as server:

        async def scenario() -> tuple[Any, ...]:
            async with seats(server, "operator1") as (seat,):
                roses = await seat.api.suggest_category("楼下的月季又被人挖走了")
                before = await seat.api.suggest_category("护城河里漂着好多塑料瓶")
                for text in BOTTLES * 4:
                    await seat.client.create_case("E0105", "护城河", text)
                after = await seat.api.suggest_category("护城河里漂着好多塑料瓶")
                errors = []
                for text, limit in (("   ", 3), ("水管爆了", 0), ("水管爆了", 11)):
                    try:
                        await seat.api.suggest_category(text, limit)
                    except ProtocolError as exc:
                        errors.append(f"{exc.code}:{exc.details['field']}")
                return roses, before, after, errors

        roses, before, after, errors = aio.run(scenario())
    assert roses[0].code == "P0403" and roses[0].name == "绿地"
    assert all(s.code != "E0105" for s in before)
    assert after[0].code == "E0105"
    invalid = ErrorCode.INVALID_FIELD
    assert errors == [f"{invalid}:description", f"{invalid}:limit", f"{invalid}:limit"]
