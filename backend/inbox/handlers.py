"""Request handlers of the inbox capability; merged into backend.dispatch."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from backend.handlers import Handler
from backend.inbox import reads, writes
from backend.inbox.rules import MAX_REASON, required_text, submission_values
from client_api import inbox_messages as im
from client_api import messages as m

if TYPE_CHECKING:
    from backend.peer import Peer
    from backend.server import Server


def _operator(peer: Peer) -> m.Operator:
    assert peer.operator is not None  # the server lets only logged-in peers past hello/login/ping
    return peer.operator


async def intake_list(server: Server, peer: Peer, req: im.ListIntake) -> im.IntakeList:
    query = reads.list_query(req)  # refuses bad filters before waiting for the lock
    store = server.store
    async with store.write_lock, store.engine.connect() as conn:  # items, counts and last_seq agree
        found = await reads.list_items(conn, query)
        open_counts, new_counts = await reads.open_counts(conn)
        last = await store.last_seq()
    return im.IntakeList(items=found, open_counts=open_counts, new_counts=new_counts, last_seq=last)


async def intake_submit(server: Server, peer: Peer, req: im.SubmitIntake) -> im.IntakeItemResult:
    values = submission_values(req)
    item = await server.store.run_write(writes.insert_item, values, time.time())
    return im.IntakeItemResult(item)


async def intake_take(server: Server, peer: Peer, req: im.TakeIntake) -> im.IntakeItemResult:
    item = await server.store.run_write(writes.take_item, req.item_id, _operator(peer), time.time())
    return im.IntakeItemResult(item)


async def intake_release(server: Server, peer: Peer, req: im.ReleaseIntake) -> im.IntakeItemResult:
    item = await server.store.run_write(writes.release_item, req.item_id, _operator(peer), time.time())
    return im.IntakeItemResult(item)


async def intake_dismiss(server: Server, peer: Peer, req: im.DismissIntake) -> im.IntakeItemResult:
    reason = required_text(req.reason, "reason", MAX_REASON)
    item = await server.store.run_write(
        writes.dismiss_item, req.item_id, reason, _operator(peer), time.time()
    )
    return im.IntakeItemResult(item)


HANDLERS: dict[str, Handler] = {
    "intake.list": intake_list,
    "intake.submit": intake_submit,
    "intake.take": intake_take,
    "intake.release": intake_release,
    "intake.dismiss": intake_dismiss,
}
