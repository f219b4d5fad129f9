"""Request handlers of the lifecycle; merged into backend.dispatch."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backend.handlers import Handler
from backend.lifecycle.rules import allowed_actions
from backend.lifecycle.transition import apply_transition, load_case
from backend.masking import mask_case
from client_api import lifecycle_messages as lm

if TYPE_CHECKING:
    from backend.peer import Peer
    from backend.server import Server


async def case_transition(server: Server, peer: Peer, req: lm.TransitionCase) -> lm.CaseTransitioned:
    operator = peer.operator
    assert operator is not None
    case, from_status = await server.store.run_write(apply_transition, req, operator, peer.seat_id)
    return lm.CaseTransitioned(
        case=mask_case(case, operator.role),
        from_status=from_status,
        actions=allowed_actions(case.status, operator.role),
    )


async def case_actions(server: Server, peer: Peer, req: lm.GetCaseActions) -> lm.CaseActions:
    assert peer.operator is not None
    async with server.store.engine.connect() as conn:
        row = await conn.run_sync(load_case, req.case_id)
    return lm.CaseActions(status=row.status, actions=allowed_actions(row.status, peer.operator.role))


HANDLERS: dict[str, Handler] = {
    "case.transition": case_transition,
    "case.actions": case_actions,
}
