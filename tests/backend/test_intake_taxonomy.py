"""Categories as editable data: keywords for every code, search by name, code and pinyin initials."""

from __future__ import annotations

from typing import Any

import pytest

from backend.intake.taxonomy import CategoryIndex, CategoryRow, keywords, leaves
from backend.seed import load_demo_district
from backend.server import Server
from client_api.errors import ErrorCode, ProtocolError
from client_api.intake_messages import SearchCategories
from tests.backend.test_intake_support import seats


def demo_rows() -> list[CategoryRow]:
    return [
        CategoryRow(c["code"], c["name"], c["kind"], c["parent_code"])
        for c in load_demo_district()["categories"]
    ]


@pytest.fixture(scope="module")
def index() -> CategoryIndex:
    return CategoryIndex(demo_rows())


def test_every_category_has_keywords_and_no_stray_codes() -> None:
    codes = {r.code for r in demo_rows()}
    assert set(keywords()) == codes
    assert all(keywords()[r.code] for r in leaves(demo_rows())), "a leaf category without keywords"


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("zls", "E0502"),  # 自来水管破裂 by its initials
        ("ZLSGPL", "E0502"),
        ("zilaishui", "E0502"),  # by its spelling
        ("zdjy", "E0402"),  # 占道经营
        ("hds", "P0402"),  # 行道树, read hang: polyphones match either reading
        ("xds", "P0402"),
        ("E0601", "E0601"),
        ("e0601", "E0601"),
        ("占道", "E0402"),  # the name itself before a name that only contains it (违规占道施工)
        ("路灯", "P0104"),
        ("噪音", "E0601"),  # a keyword
        ("咨询", "A01"),
    ],
)
def test_search_ranks_the_intended_category_first(index: CategoryIndex, query: str, code: str) -> None:
    assert index.search(query, 5)[0].row.code == code


def test_search_offers_leaves_only_and_respects_the_limit(index: CategoryIndex) -> None:
    found = index.search("E05", 3)
    assert len(found) == 3
    assert all(m.row.parent_code == "E05" for m in found)  # the major class E05 itself is not offered
    assert index.search("qqqq", 5) == []
    how = {m.row.code: m.matched for m in index.search("突发", 10)}
    assert set(how) == {"E0501", "E0502", "E0503", "E0504", "E0505", "E0506"}
    assert set(how.values()) == {"parent"}


def test_category_search_over_the_wire(aio: Any, server: Server) -> None:
    async def scenario() -> tuple[Any, list[str]]:
        async with seats(server, "operator1") as (seat,):
            matches = await seat.api.search_categories("zls", limit=3)
            codes = []
            for bad in ({"query": "  "}, {"query": "x" * 201}, {"query": "zls", "limit": 0}):
                try:
                    await seat.client.request("category.search", SearchCategories(**bad))
                except ProtocolError as exc:
                    codes.append(f"{exc.code}:{exc.details['field']}")
            return matches, codes

    matches, codes = aio.run(scenario())
    assert matches[0].code == "E0502"
    assert (matches[0].name, matches[0].parent_name, matches[0].matched) == (
        "自来水管破裂",
        "突发事件",
        "pinyin",
    )
    assert codes == [f"{ErrorCode.INVALID_FIELD}:{field}" for field in ("query", "query", "limit")]
