"""A case taken on a call records the call; a call id that does not exist stores nothing."""

from __future__ import annotations

import time
from typing import Any

import pytest
import sqlalchemy as sa

from backend import schema
from backend.store import Store
from client_api import messages as m
from client_api.errors import ErrorCode, ProtocolError

OPERATOR = m.Operator("operator1", "话务员", "operator")


def add_call(aio: Any, store: Store) -> int:
    async def insert() -> int:
        async with store.engine.begin() as conn:
            query = sa.insert(schema.calls).values(
                caller_number="13900001111", state="answered", queued_at=time.time(), seat_id="S1"
            )
            return int((await conn.execute(query.returning(schema.calls.c.id))).scalar_one())

    return aio.run(insert())


def call_case(aio: Any, store: Store, call_id: int) -> int | None:
    async def read() -> int | None:
        async with store.engine.connect() as conn:
            query = sa.select(schema.calls.c.case_id).where(schema.calls.c.id == call_id)
            return (await conn.execute(query)).scalar()

    return aio.run(read())


def test_case_on_a_call_records_the_call(aio: Any, seeded_store: Store) -> None:
    call_id = add_call(aio, seeded_store)
    req = m.CreateCase(category_code="A01", address="滨江路1号", description="咨询社保", call_id=call_id)
    case = aio.run(seeded_store.create_case(req, OPERATOR, "S1"))
    second = aio.run(seeded_store.create_case(req, OPERATOR, "S1"))
    assert call_case(aio, seeded_store, call_id) == case.id != second.id


def test_unknown_call_stores_nothing(aio: Any, seeded_store: Store) -> None:
    req = m.CreateCase(category_code="A01", address="滨江路1号", description="咨询社保", call_id=999)
    with pytest.raises(ProtocolError) as raised:
        aio.run(seeded_store.create_case(req, OPERATOR, "S1"))
    assert raised.value.code == ErrorCode.INVALID_FIELD and raised.value.details == {"field": "call_id"}
    assert aio.run(seeded_store.count_cases()) == 0
