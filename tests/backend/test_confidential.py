"""A confidential reporter (GB/T 33358) is masked in every case a seat gets, unless its role may see it."""

from __future__ import annotations

import asyncio
from typing import Any

from backend.server import Server
from client_api import messages as m
from client_api.client import Event, SeatClient
from tests.backend.wire import log_in

SECRET = m.CreateCase(
    category_code="A04",
    address="望江路 3 号",
    description="举报黑作坊",
    reporter_name="赵女士",
    reporter_phone="13812345678",
    confidential=True,
)


def test_operator_sees_masked_supervisor_sees_clear(aio: Any, server: Server) -> None:
    async def scenario() -> dict[str, Any]:
        creator, operator, supervisor = SeatClient(server.url), SeatClient(server.url), SeatClient(server.url)
        seen: dict[str, list[Event]] = {"operator": [], "supervisor": []}
        operator.add_event_listener(seen["operator"].append)
        supervisor.add_event_listener(seen["supervisor"].append)
        try:
            await log_in(creator, "S0")
            await log_in(operator, "S1", username="operator2")
            await log_in(supervisor, "S2", username="supervisor1")
            created = (await creator.request("case.create", SECRET)).case
            for _ in range(100):
                if any(e.type == "case.created" for e in seen["operator"]) and any(
                    e.type == "case.created" for e in seen["supervisor"]
                ):
                    break
                await asyncio.sleep(0.02)
            late = SeatClient(server.url)  # a seat that arrives later: snapshot and replay are masked too
            await log_in(late, "S3", username="operator2")
            listed = (await late.list_cases()).cases
            await late.close()
            return {
                "created": created,
                "operator": next(e for e in seen["operator"] if e.type == "case.created").payload.case,
                "supervisor": next(e for e in seen["supervisor"] if e.type == "case.created").payload.case,
                "listed": listed[0],
            }
        finally:
            for client in (creator, operator, supervisor):
                await client.close()

    got = aio.run(scenario())
    for who in ("created", "operator", "listed"):
        assert (got[who].reporter_name, got[who].reporter_phone) == ("***", "138****5678"), who
    assert (got["supervisor"].reporter_name, got["supervisor"].reporter_phone) == ("赵女士", "13812345678")


def test_replay_after_a_drop_is_masked(aio: Any, server: Server) -> None:
    async def scenario() -> m.CaseRecord:
        creator, operator = SeatClient(server.url), SeatClient(server.url)
        seen: list[Event] = []
        operator.add_event_listener(seen.append)
        try:
            await log_in(creator, "S0")
            await log_in(operator, "S1", username="operator2")
            await creator.create_case("A01", "路", "先有一件，断线后才从序号续传")
            for _ in range(100):
                if seen:
                    break
                await asyncio.sleep(0.02)
            await operator.drop_connection()
            await creator.request("case.create", SECRET)

            def secret() -> list[m.CaseRecord]:
                cases = [e.payload.case for e in seen if e.type == "case.created"]
                return [c for c in cases if c.description == SECRET.description]

            for _ in range(200):
                if secret():
                    break
                await asyncio.sleep(0.02)
            return secret()[0]
        finally:
            await creator.close()
            await operator.close()

    case = aio.run(scenario())
    assert (case.reporter_name, case.reporter_phone) == ("***", "138****5678")
