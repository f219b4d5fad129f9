"""Request handlers of backend.sla; merged into backend.dispatch."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backend.handlers import Handler
from backend.masking import mask_case
from backend.sla.extensions import decide_extension, request_extension
from backend.sla.kpis import department_kpis
from backend.sla.supervision import supervise, urge
from client_api import sla_messages as sm

if TYPE_CHECKING:
    from backend.peer import Peer
    from backend.server import Server


async def extension_request(server: Server, peer: Peer, req: sm.RequestExtension) -> sm.ExtensionRequested:
    assert peer.operator is not None
    done: sm.ExtensionRequested = await server.store.run_write(
        request_extension, req, peer.operator, peer.seat_id
    )
    return sm.ExtensionRequested(extension=done.extension, case=mask_case(done.case, peer.operator.role))


async def extension_decide(server: Server, peer: Peer, req: sm.DecideExtension) -> sm.ExtensionDecided:
    assert peer.operator is not None
    done: sm.ExtensionDecided = await server.store.run_write(
        decide_extension, req, peer.operator, peer.seat_id
    )
    return sm.ExtensionDecided(extension=done.extension, case=mask_case(done.case, peer.operator.role))


async def case_supervise(server: Server, peer: Peer, req: sm.SuperviseCase) -> sm.CaseSupervised:
    assert peer.operator is not None
    done: sm.CaseSupervised = await server.store.run_write(supervise, req, peer.operator, peer.seat_id)
    return sm.CaseSupervised(case=mask_case(done.case, peer.operator.role))


async def case_urge(server: Server, peer: Peer, req: sm.UrgeCase) -> sm.CaseUrged:
    assert peer.operator is not None
    done: sm.CaseUrged = await server.store.run_write(urge, req, peer.operator, peer.seat_id)
    return sm.CaseUrged(case=mask_case(done.case, peer.operator.role))


async def kpi_departments(server: Server, peer: Peer, req: sm.GetDepartmentKpis) -> sm.DepartmentKpis:
    async with server.store.engine.connect() as conn:
        kpis: sm.DepartmentKpis = await conn.run_sync(department_kpis, req.since)
    return kpis


HANDLERS: dict[str, Handler] = {
    "extension.request": extension_request,
    "extension.decide": extension_decide,
    "case.supervise": case_supervise,
    "case.urge": case_urge,
    "kpi.departments": kpi_departments,
}
