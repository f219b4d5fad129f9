"""Request handlers of backend.routing (routing rules, progress, links, consultations); merged into
backend.dispatch."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backend.handlers import Handler
from backend.masking import mask_case
from backend.routing import consultations, links, progress, rules
from backend.routing.suggest import suggest
from client_api import dispatch_messages as dm

if TYPE_CHECKING:
    from backend.peer import Peer
    from backend.server import Server


async def routing_list(server: Server, peer: Peer, req: dm.ListRoutingRules) -> dm.RoutingRules:
    async with server.store.engine.connect() as conn:
        return dm.RoutingRules(rules=await conn.run_sync(rules.load_rules))


async def routing_save(server: Server, peer: Peer, req: dm.SaveRoutingRule) -> dm.RoutingRuleSaved:
    saved = await server.store.run_write(lambda conn: (rules.save_rule(conn, req.rule), []))
    return dm.RoutingRuleSaved(rule=saved)


async def routing_delete(server: Server, peer: Peer, req: dm.DeleteRoutingRule) -> dm.RoutingRuleDeleted:
    deleted = await server.store.run_write(rules.delete_rule, req.id)
    return dm.RoutingRuleDeleted(id=deleted)


async def routing_suggest(server: Server, peer: Peer, req: dm.SuggestRouting) -> dm.RoutingSuggestion:
    assert peer.operator is not None
    async with server.store.engine.connect() as conn:
        return await conn.run_sync(suggest, req.case_id, peer.operator)


async def case_progress(server: Server, peer: Peer, req: dm.ReportProgress) -> dm.ProgressReported:
    operator = peer.operator
    assert operator is not None
    case = await server.store.run_write(progress.report_progress, req, operator, peer.seat_id)
    return dm.ProgressReported(case=mask_case(case, operator.role))


async def case_link(server: Server, peer: Peer, req: dm.LinkCases) -> dm.CasesLinked:
    operator = peer.operator
    assert operator is not None
    one, other = await server.store.run_write(links.link_cases, req, operator, peer.seat_id)
    return dm.CasesLinked(case=mask_case(one, operator.role), other=mask_case(other, operator.role))


async def case_unlink(server: Server, peer: Peer, req: dm.UnlinkCases) -> dm.CasesUnlinked:
    operator = peer.operator
    assert operator is not None
    one, other = await server.store.run_write(links.unlink_cases, req, operator, peer.seat_id)
    return dm.CasesUnlinked(case=mask_case(one, operator.role), other=mask_case(other, operator.role))


async def consultation_open(server: Server, peer: Peer, req: dm.OpenConsultation) -> dm.ConsultationOpened:
    assert peer.operator is not None
    opened = await server.store.run_write(consultations.open_consultation, req, peer.operator, peer.seat_id)
    return dm.ConsultationOpened(consultation=opened)


async def consultation_conclude(
    server: Server, peer: Peer, req: dm.ConcludeConsultation
) -> dm.ConsultationConcluded:
    assert peer.operator is not None
    done = await server.store.run_write(consultations.conclude_consultation, req, peer.operator, peer.seat_id)
    return dm.ConsultationConcluded(consultation=done)


HANDLERS: dict[str, Handler] = {
    "routing.list": routing_list,
    "routing.save": routing_save,
    "routing.delete": routing_delete,
    "routing.suggest": routing_suggest,
    "case.progress": case_progress,
    "case.link": case_link,
    "case.unlink": case_unlink,
    "consultation.open": consultation_open,
    "consultation.conclude": consultation_conclude,
}
