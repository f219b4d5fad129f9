"""Request handlers of the lifecycle; merged into backend.dispatch."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backend.handlers import Handler
from backend.lifecycle.transition import apply_transition, load_case
from backend.lifecycle.units import allowed_for
from backend.masking import mask_case
from client_api import lifecycle_messages as lm

if TYPE_CHECKING:
    from backend.peer import Peer
    from backend.server import Server


async def case_transition(server: Server, peer: Peer, req: lm.TransitionCase) -> lm.CaseTransitioned:
    operator = peer.operator
    assert operator is not None
    case, from_status = await server.store.run_write(apply_transition, req, operator, peer.seat_id)
    async with server.store.engine.connect() as conn:
        actions = await conn.run_sync(allowed_for, operator, case)
    return lm.CaseTransitioned(case=mask_case(case, operator.role), from_status=from_status, actions=actions)


async def case_actions(server: Server, peer: Peer, req: lm.GetCaseActions) -> lm.CaseActions:
    operator = peer.operator
    assert operator is not None
    async with server.store.engine.connect() as conn:
        row = await conn.run_sync(load_case, req.case_id)
        actions = await conn.run_sync(allowed_for, operator, row)
    return lm.CaseActions(status=row.status, actions=actions)


HANDLERS: dict[str, Handler] = {
    "case.transition": case_transition,
    "case.actions": case_actions,
}
