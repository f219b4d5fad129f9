"""Screen-pop: a caller's earlier cases, with confidential reporters masked by role."""

from __future__ import annotations

import time
from typing import Any

import pytest
import sqlalchemy as sa

from backend import schema
from backend.masking import mask_phone
from backend.server import Server
from client_api import messages as m
from client_api.errors import ErrorCode, ProtocolError
from tests.backend.test_calls_support import Seat

PHONE = "13912345678"
YEAR = 365 * 86_400


async def make_case(server: Server, description: str, phone: str = PHONE, **over: Any) -> m.CaseRecord:
    req = m.CreateCase("E0502", "滨江路88号", description, reporter_phone=phone, **over)
    return await server.store.create_case(req, m.Operator("operator1", "话务员 王芳", "operator"), "S1")


async def backdate(server: Server, case_id: int, age_s: float, status: str) -> None:
    async with server.store.engine.begin() as conn:
        await conn.execute(
            sa.update(schema.cases)
            .where(schema.cases.c.id == case_id)
            .values(created_at=time.time() - age_s, status=status)
        )


def test_history_lists_recent_and_open_cases_and_masks_confidential_reporters(
    aio: Any, server: Server
) -> None:
    async def scenario() -> tuple[Any, Any]:
        await make_case(server, "水管爆了", reporter_name="张三")
        await make_case(server, "举报违建", reporter_name="李四", confidential=True)
        old_closed = await make_case(server, "去年的路灯")
        await backdate(server, old_closed.id, YEAR + 86_400, "closed")
        old_open = await make_case(server, "拖了一年多的噪声")
        await backdate(server, old_open.id, 2 * YEAR, "received")
        await make_case(server, "别人的案件", phone="13700000000")
        operator, supervisor = Seat(server.url), Seat(server.url)
        await operator.open("operator1", "S1")
        await supervisor.open("supervisor1", "S9")
        try:
            return await operator.api.history(PHONE), await supervisor.api.history(f" {PHONE} ")
        finally:
            await operator.client.close()
            await supervisor.client.close()

    for_operator, for_supervisor = aio.run(scenario())
    descriptions = [c.description for c in for_operator.cases]
    assert descriptions == ["举报违建", "水管爆了", "拖了一年多的噪声"], (
        "newest first; old closed ones left out"
    )
    assert for_operator.open_count == 3
    secret = for_operator.cases[0]
    assert (secret.reporter_name, secret.reporter_phone) == ("***", "139****5678")
    assert for_operator.cases[1].reporter_name == "张三", "only confidential reporters are masked"
    assert (for_supervisor.cases[0].reporter_name, for_supervisor.cases[0].reporter_phone) == ("李四", PHONE)
    assert for_supervisor.phone == PHONE


def test_history_is_capped_at_fifty(aio: Any, server: Server) -> None:
    async def scenario() -> Any:
        for i in range(52):
            await make_case(server, f"第{i}次来电")
        seat = Seat(server.url)
        await seat.open("operator1", "S1")
        try:
            return await seat.api.history(PHONE)
        finally:
            await seat.client.close()

    history = aio.run(scenario())
    assert len(history.cases) == 50
    assert history.cases[0].description == "第51次来电"


@pytest.mark.parametrize(
    ("username", "phone", "code"),
    [
        ("operator1", "", ErrorCode.INVALID_FIELD),
        ("operator1", "138-abc", ErrorCode.INVALID_FIELD),
        ("handler1", PHONE, ErrorCode.FORBIDDEN),  # personal data: only the hotline roles
    ],
)
def test_history_refuses_bad_numbers_and_other_roles(
    aio: Any, server: Server, username: str, phone: str, code: str
) -> None:
    async def scenario() -> ProtocolError:
        seat = Seat(server.url)
        await seat.open(username, "S1")
        try:
            with pytest.raises(ProtocolError) as refused:
                await seat.api.history(phone)
            return refused.value
        finally:
            await seat.client.close()

    refused = aio.run(scenario())
    assert refused.code == code
    if code == ErrorCode.INVALID_FIELD:
        assert refused.details == {"field": "phone"}


@pytest.mark.parametrize(
    ("phone", "masked"),
    [("13812345678", "138****5678"), ("0512-66010003", "051****0003"), ("12345", "*****"), ("110", "****")],
)
def test_mask_phone(phone: str, masked: str) -> None:
    assert mask_phone(phone) == masked
