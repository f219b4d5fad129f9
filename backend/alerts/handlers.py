"""Request handlers of backend.alerts; merged into backend.dispatch."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from backend.alerts.acknowledge import acknowledge, check_no_case, link_case
from backend.alerts.cap_export import export_cap
from backend.alerts.categories import choose_category
from backend.alerts.ingest import ingest_cap_text
from backend.alerts.raising import checked_draft, store_manual_alert
from backend.alerts.records import get_alert, list_alerts
from backend.alerts.to_case import alert_to_case
from backend.case_writes import invalid
from backend.handlers import Handler
from backend.masking import mask_case
from client_api import alert_messages as am
from client_api.errors import ErrorCode, ProtocolError

if TYPE_CHECKING:
    from backend.peer import Peer
    from backend.server import Server

MAX_LIST = 5000


async def _alert(server: Server, alert_id: int) -> am.AlertRecord:
    alert = await server.store.read(get_alert, alert_id)
    if alert is None:
        raise ProtocolError(ErrorCode.NOT_FOUND, f"no alert with id {alert_id}", {"alert_id": alert_id})
    return alert


async def alert_list(server: Server, peer: Peer, req: am.ListAlerts) -> am.AlertList:
    unknown = sorted(set(req.states or ()) - set(am.ALERT_STATES))
    if unknown:
        raise invalid("states", f"unknown states {unknown}; the states are {', '.join(am.ALERT_STATES)}")
    if not 1 <= req.limit <= MAX_LIST:
        raise invalid("limit", f"limit must be between 1 and {MAX_LIST}")
    store = server.store
    async with store.write_lock:  # the list and last_seq must describe the same moment
        alerts = await store.read(list_alerts, req.states, req.since, req.limit)
        last = await store.last_seq()
    return am.AlertList(alerts=alerts, last_seq=last)


async def alert_ack(server: Server, peer: Peer, req: am.AckAlert) -> am.AlertAcked:
    assert peer.operator is not None
    record: am.AlertRecord = await server.store.run_write(
        acknowledge, req.alert_id, req.reason, peer.operator, peer.seat_id, time.time()
    )
    return am.AlertAcked(alert=record)


async def alert_to_case_handler(server: Server, peer: Peer, req: am.AlertToCase) -> am.AlertCaseCreated:
    operator, seat_id = peer.operator, peer.seat_id
    assert operator is not None and seat_id is not None
    alert = await _alert(server, req.alert_id)
    check_no_case(alert)  # early; checked again in the transaction
    category = await choose_category(server, alert, req.category_code)
    done: am.AlertCaseCreated = await server.store.run_write(
        alert_to_case, req.alert_id, category, operator, seat_id, time.time()
    )
    return am.AlertCaseCreated(alert=done.alert, case=mask_case(done.case, operator.role))


async def alert_link_case(server: Server, peer: Peer, req: am.LinkAlert) -> am.AlertLinked:
    assert peer.operator is not None
    record: am.AlertRecord = await server.store.run_write(
        link_case, req.alert_id, req.case_id, peer.operator, peer.seat_id, peer.scope, time.time()
    )
    return am.AlertLinked(alert=record)


async def alert_ingest_cap(server: Server, peer: Peer, req: am.IngestCap) -> am.CapIngested:
    return await ingest_cap_text(server, req.xml)


async def alert_export_cap(server: Server, peer: Peer, req: am.ExportCap) -> am.CapXml:
    return am.CapXml(xml=export_cap(await _alert(server, req.alert_id)))


async def alert_raise(server: Server, peer: Peer, req: am.RaiseAlert) -> am.AlertRaised:
    assert peer.operator is not None
    now = time.time()
    draft = checked_draft(req, peer.operator, server.node, now)  # refuse bad fields before the write lock
    record: am.AlertRecord = await server.store.run_write(
        store_manual_alert, draft, req.area_desc, server.exercise, now
    )
    return am.AlertRaised(alert=record)


HANDLERS: dict[str, Handler] = {
    "alert.list": alert_list,
    "alert.ack": alert_ack,
    "alert.to_case": alert_to_case_handler,
    "alert.link_case": alert_link_case,
    "alert.ingest_cap": alert_ingest_cap,
    "alert.export_cap": alert_export_cap,
    "alert.raise": alert_raise,
}
