"""A case made from an inbox item, on SQLite and PostgreSQL: one transaction, or nothing at all."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
import sqlalchemy as sa

from backend import schema
from backend.events import StoredEvent
from backend.inbox import writes
from backend.store import Store
from client_api import messages as m
from client_api.errors import ErrorCode, ProtocolError
from client_api.inbox_messages import IntakeItem

OPERATOR1 = m.Operator("operator1", "话务员 王芳", "operator")
OPERATOR2 = m.Operator("operator2", "话务员 李强", "operator")
ITEM = {"channel": "inspector", "priority": 0, "content": "井盖缺失", "address": "滨江路 8 号"}


def counts(engine: sa.Engine) -> tuple[int, int]:
    """(cases, events) as another connection sees them: committed rows only."""
    with engine.connect() as conn:
        cases = conn.execute(sa.select(sa.func.count()).select_from(schema.cases)).scalar_one()
        events = conn.execute(sa.select(sa.func.count()).select_from(schema.events)).scalar_one()
    return cases, events


def item_row(engine: sa.Engine, item_id: int) -> Any:
    with engine.connect() as conn:
        return conn.execute(sa.select(schema.intake_items).where(schema.intake_items.c.id == item_id)).one()


def new_item(aio: Any, store: Store, taken_by: m.Operator | None = None) -> IntakeItem:
    item: IntakeItem = aio.run(store.run_write(writes.insert_item, dict(ITEM), time.time()))
    if taken_by is not None:
        item = aio.run(store.run_write(writes.take_item, item.id, taken_by, time.time()))
    return item


def case_from(item_id: int) -> m.CreateCase:
    return m.CreateCase("E0101", "滨江路 8 号", "井盖缺失", channel="inspector", intake_item_id=item_id)


def test_the_case_and_the_done_item_commit_together(
    aio: Any, seeded_store: Store, sync_engine: sa.Engine
) -> None:
    published: list[tuple[StoredEvent, tuple[int, int], str]] = []
    item = new_item(aio, seeded_store, taken_by=OPERATOR1)

    def sink(event: StoredEvent) -> None:
        published.append((event, counts(sync_engine), item_row(sync_engine, item.id).status))

    seeded_store.add_sink(sink)
    case = aio.run(seeded_store.create_case(case_from(item.id), OPERATOR1, "S1"))
    row = item_row(sync_engine, item.id)
    assert (row.status, row.case_id, row.taken_by) == ("done", case.id, "operator1")
    assert [e.type for e, _c, _s in published] == ["case.created", "intake.updated"]
    assert published[0][0].seq + 1 == published[1][0].seq
    # Both events are published after the commit of both changes: never a case without its done item.
    assert all(status == "done" and cases == 1 for _e, (cases, _n), status in published)


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "no inbox item with id"),
        ("new", "is not taken; take it first"),
        ("other", "already taken by 话务员 李强 (operator2)"),
        ("done", "is done (case"),
    ],
)
def test_a_bad_item_stores_neither_case_nor_change(
    aio: Any, seeded_store: Store, sync_engine: sa.Engine, setup: str, message: str
) -> None:
    if setup == "missing":
        item_id = 424242
    elif setup == "done":
        item_id = new_item(aio, seeded_store, taken_by=OPERATOR1).id
        aio.run(seeded_store.create_case(case_from(item_id), OPERATOR1, "S1"))
    else:
        item_id = new_item(aio, seeded_store, taken_by=OPERATOR2 if setup == "other" else None).id
    before_counts = counts(sync_engine)
    before_item = item_row(sync_engine, item_id) if setup != "missing" else None
    with pytest.raises(ProtocolError) as refused:
        aio.run(seeded_store.create_case(case_from(item_id), OPERATOR1, "S1"))
    assert refused.value.code == ErrorCode.INVALID_FIELD
    assert refused.value.details["field"] == "intake_item_id"
    assert message in refused.value.message
    assert counts(sync_engine) == before_counts
    if before_item is not None:
        assert item_row(sync_engine, item_id) == before_item


def test_only_one_of_two_racing_takes_wins(aio: Any, seeded_store: Store, sync_engine: sa.Engine) -> None:
    item = new_item(aio, seeded_store)

    async def race() -> list[Any]:
        return await asyncio.gather(
            *(
                seeded_store.run_write(writes.take_item, item.id, op, time.time())
                for op in (OPERATOR1, OPERATOR2)
            ),
            return_exceptions=True,
        )

    results = aio.run(race())
    winners = [r for r in results if isinstance(r, IntakeItem)]
    losers = [r for r in results if isinstance(r, ProtocolError)]
    assert len(winners) == 1 and len(losers) == 1, results
    assert item_row(sync_engine, item.id).taken_by == winners[0].taken_by
    assert losers[0].details["taken_by"] == winners[0].taken_by
