"""The lifecycle over the wire: a handler and an operator move a case, another seat sees each change."""

from __future__ import annotations

import asyncio
from typing import Any

from backend.server import Server
from client_api import lifecycle_messages as lm
from client_api.client import SeatClient
from client_api.errors import ProtocolError
from tests.backend.wire import log_in


def test_transitions_reach_other_seats_and_actions_follow_the_role(aio: Any, server: Server) -> None:
    async def scenario() -> dict[str, Any]:
        operator, handler, watcher = SeatClient(server.url), SeatClient(server.url), SeatClient(server.url)
        updates: list[str] = []
        watcher.add_event_listener(
            lambda e: updates.append(e.payload.case.status) if e.type == "case.updated" else None
        )
        try:
            await log_in(operator, "S1")
            await log_in(handler, "H1", username="handler1")
            await log_in(watcher, "S2", username="operator2")
            case = await operator.create_case("E0102", "滨江路88号", "垃圾堆在路边")
            step = lm.TransitionCase(case_id=case.id, action="register")
            first: lm.CaseTransitioned = await operator.request("case.transition", step)
            dispatch = lm.TransitionCase(case_id=case.id, action="dispatch", department_code="D-CG")
            await operator.request("case.transition", dispatch)
            handler_actions: lm.CaseActions = await handler.request(
                "case.actions", lm.GetCaseActions(case_id=case.id)
            )
            try:
                await operator.request("case.transition", lm.TransitionCase(case_id=case.id, action="accept"))
                refused = None
            except ProtocolError as exc:
                refused = exc
            await handler.request("case.transition", lm.TransitionCase(case_id=case.id, action="accept"))
            for _ in range(100):
                if len(updates) >= 3:
                    break
                await asyncio.sleep(0.02)
            return {
                "first": first,
                "handler_actions": handler_actions,
                "refused": refused,
                "updates": updates,
            }
        finally:
            for client in (operator, handler, watcher):
                await client.close()

    got = aio.run(scenario())
    assert got["first"].from_status == "received" and got["first"].case.status == "registered"
    assert got["first"].actions == ["dispatch", "void"]
    assert got["handler_actions"].status == "dispatched"
    # handler1 is 区城市管理局, a unit without children: nothing to subdispatch to
    assert got["handler_actions"].actions == ["accept", "return"]
    assert got["refused"].code == "forbidden" and got["refused"].details == {"rule": "accept"}
    assert got["updates"] == ["registered", "dispatched", "handling"]
