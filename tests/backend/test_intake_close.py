"""Answering a consultation at intake: the knowledge base, and closing the case without dispatch."""

from __future__ import annotations

from typing import Any

import pytest

from backend import schema
from backend.intake.kb import seed_rows
from backend.store import Store
from client_api.errors import ErrorCode, ProtocolError
from tests.backend.test_intake_support import OPERATOR, count, create, new_case, rows, seats, served

ANSWER = "社保卡丢失请先挂失，再带身份证到区政务服务中心补办。"


def test_a_consultation_answered_at_intake_is_closed(aio: Any, seeded_store: Store) -> None:
    case = create(
        aio, seeded_store, "社保卡丢了怎么补办", category_code="A01", appeal_type="A01", resolution=ANSWER
    )
    assert (case.status, case.resolution) == ("closed", ANSWER)
    assert case.closed_at == case.created_at
    stored = aio.run(seeded_store.list_cases(1))[0]
    assert stored == case
    timeline = rows(aio, seeded_store, schema.case_timeline)
    assert [(t.action, t.from_status, t.to_status) for t in timeline] == [
        ("created", None, "received"),
        ("closed", "received", "closed"),
    ]
    assert ANSWER in (timeline[1].note or "")
    # The category alone says consultation, too.
    assert (
        create(aio, seeded_store, "居住证怎么办", category_code="A01", resolution=ANSWER).status == "closed"
    )
    # Without a resolution a consultation stays open like any case.
    assert create(aio, seeded_store, "居住证怎么办", category_code="A01").status == "received"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"category_code": "A03", "appeal_type": "A03", "resolution": ANSWER}, "resolution"),
        ({"category_code": "E0502", "resolution": ANSWER}, "resolution"),
        ({"category_code": "A01", "resolution": "   "}, "resolution"),
        ({"category_code": "A01", "resolution": "答" * 4001}, "resolution"),
        ({"category_code": "E0502", "appeal_type": "E0101"}, "appeal_type"),
    ],
    ids=["complaint", "event", "blank", "too-long", "not-an-appeal-type"],
)
def test_only_a_consultation_closes_at_intake(
    aio: Any, seeded_store: Store, fields: dict[str, Any], field: str
) -> None:
    events = count(aio, seeded_store, schema.events)
    with pytest.raises(ProtocolError) as caught:
        aio.run(seeded_store.create_case(new_case("问个事", **fields), OPERATOR, "S1"))
    assert (caught.value.code, caught.value.details) == (ErrorCode.INVALID_FIELD, {"field": field})
    assert caught.value.message
    assert count(aio, seeded_store, schema.cases) == 0
    assert (
        count(aio, seeded_store, schema.case_reports) == count(aio, seeded_store, schema.case_timeline) == 0
    )
    assert count(aio, seeded_store, schema.events) == events


def test_the_demo_knowledge_base_is_seeded(aio: Any, seeded_store: Store) -> None:
    articles = rows(aio, seeded_store, schema.kb_articles)
    assert len(articles) == len(seed_rows()) >= 20
    titles = " ".join(a.title for a in articles)
    for topic in ("社保卡", "居住证", "垃圾分类", "停水", "噪声"):
        assert topic in titles
    assert all(a.answer and a.keywords for a in articles)


@pytest.mark.parametrize(
    ("query", "title_part"),
    [
        ("社保卡丢了怎么补办", "社保卡"),
        ("居住证", "居住证"),
        ("垃圾分类投放时间", "垃圾分类"),
        ("今天停水了吗", "停水"),
        ("噪音投诉多久处理", "噪声"),
        ("闻到煤气味", "燃气"),
    ],
)
def test_kb_search(aio: Any, seeded_store: Store, query: str, title_part: str) -> None:
    with served(aio, seeded_store) as server:

        async def scenario() -> list[Any]:
            async with seats(server, "operator1") as (seat,):
                return await seat.api.search_kb(query, limit=3)

        found = aio.run(scenario())
    assert found and title_part in found[0].title, [a.title for a in found]
    assert len(found) <= 3 and found[0].answer and found[0].keywords
    assert [a.score for a in found] == sorted((a.score for a in found), reverse=True)


def test_kb_search_without_a_match_and_with_bad_input(aio: Any, seeded_store: Store) -> None:
    with served(aio, seeded_store) as server:

        async def scenario() -> tuple[list[Any], list[str]]:
            async with seats(server, "handler1") as (seat,):  # department staff may look answers up too
                nothing = await seat.api.search_kb("量子计算机")
                errors = []
                for query, limit in (("  ", 5), ("社保卡", 0), ("社保卡", 21)):
                    try:
                        await seat.api.search_kb(query, limit)
                    except ProtocolError as exc:
                        errors.append(f"{exc.code}:{exc.details['field']}")
                return nothing, errors

        nothing, errors = aio.run(scenario())
    assert nothing == []
    assert errors == ["invalid_field:query", "invalid_field:limit", "invalid_field:limit"]
