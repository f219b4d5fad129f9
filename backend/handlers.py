"""Request handlers: one coroutine per request type, taking the peer and the decoded payload."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import msgspec

from backend.attachments import insert_attachment, read_attachment
from backend.masking import mask_case, mask_cases
from backend.peer import Peer, event_frames
from backend.permissions import sees_event
from backend.routing.visibility import visible
from client_api import messages as m
from client_api.envelope import PROTOCOL_VERSION, SUPPORTED_VERSIONS, encode
from client_api.errors import ErrorCode, ProtocolError

if TYPE_CHECKING:
    from backend.server import Server

Handler = Callable[["Server", "Peer", Any], Awaitable[msgspec.Struct]]

MAX_REPLAY = 10_000
MAX_SEAT_ID = 64  # schema.cases.c.seat_id


async def hello(server: Server, peer: Peer, req: m.Hello) -> m.HelloOk:
    if not set(req.versions) & set(SUPPORTED_VERSIONS):
        raise ProtocolError(
            ErrorCode.UNSUPPORTED_VERSION,
            f"client speaks {req.versions}, server speaks {list(SUPPORTED_VERSIONS)}",
        )
    peer.hello_done = True
    return m.HelloOk(
        server="command-seat-server",
        version=PROTOCOL_VERSION,
        node=server.node,
        exercise=server.exercise,
        demo=server.demo,
        last_seq=await server.store.last_seq(),
    )


async def login(server: Server, peer: Peer, req: m.Login) -> m.LoginOk:
    seat_id = req.seat_id.strip()
    if not seat_id:
        raise ProtocolError(ErrorCode.INVALID_FIELD, "the seat id is empty", {"field": "seat_id"})
    if len(seat_id) > MAX_SEAT_ID:
        raise ProtocolError(
            ErrorCode.INVALID_FIELD,
            f"the seat id is longer than {MAX_SEAT_ID} characters",
            {"field": "seat_id"},
        )
    operator = await server.store.authenticate(req.username, req.password)
    if operator is None:
        raise ProtocolError(ErrorCode.BAD_CREDENTIALS, "unknown user or wrong password")
    peer.scope = await server.store.unit_scope(operator.unit)
    peer.operator = operator
    peer.seat_id = seat_id
    return m.LoginOk(operator=operator, seat_id=peer.seat_id)


async def logout(server: Server, peer: Peer, req: m.Logout) -> m.LogoutOk:
    peer.operator = None
    peer.scope = None
    peer.subscribed = False
    return m.LogoutOk()


async def subscribe(server: Server, peer: Peer, req: m.Subscribe) -> m.SubscribeOk:
    """Replay what the peer missed, then switch it to live events, with no gap in between."""
    store = server.store
    async with store.write_lock:  # no event commits while we replay
        last = await store.last_seq()
        first = await store.first_seq()
        missing = last - req.from_seq
        if req.from_seq > last or missing > MAX_REPLAY or (first and req.from_seq < first - 1):
            peer.subscribed = False
            reason = "ahead_of_server" if req.from_seq > last else "history_unavailable"
            peer.send_reply(encode("evt", "resync.required", m.ResyncRequired(reason=reason, last_seq=last)))
            peer.last_sent_seq = last
            peer.subscribed = True
            return m.SubscribeOk(last_seq=last, replayed=0)
        events = await store.events_after(req.from_seq, MAX_REPLAY)
        peer.last_sent_seq = req.from_seq
        peer.subscribed = True
        role = peer.operator.role if peer.operator else None
        for ev in events:
            if not sees_event(role, ev.type):
                continue
            if peer.scope is not None and not visible(
                peer.scope, server.event_scope.units(ev, remember=False)
            ):
                continue
            clear, masked = event_frames(ev)
            peer.send_event(ev.seq, clear if peer.sees_confidential else masked)
    return m.SubscribeOk(last_seq=last, replayed=len(events))


async def ping(server: Server, peer: Peer, req: m.Ping) -> m.Pong:
    return m.Pong(server_time=time.time())


async def reference_get(server: Server, peer: Peer, req: m.GetReference) -> m.Reference:
    return await server.store.reference()


async def case_create(server: Server, peer: Peer, req: m.CreateCase) -> m.CaseCreated:
    assert peer.operator is not None and peer.seat_id is not None
    case = await server.store.create_case(req, peer.operator, peer.seat_id)
    return m.CaseCreated(case=mask_case(case, peer.operator.role))


async def case_list(server: Server, peer: Peer, req: m.ListCases) -> m.CaseList:
    store = server.store
    async with store.write_lock:  # the list and last_seq must describe the same moment
        cases = await store.list_cases(req.limit, req.before_id, peer.scope)
        last = await store.last_seq()
    assert peer.operator is not None
    return m.CaseList(cases=mask_cases(cases, peer.operator.role), last_seq=last)


async def status_get(server: Server, peer: Peer, req: m.GetStatus) -> m.Status:
    return m.Status(
        database=server.store.dialect,
        schema_revision=server.store.revision,
        cases=await server.store.count_cases(),
        last_seq=await server.store.last_seq(),
        connected_seats=sum(1 for p in server.peers if p.operator is not None),
    )


async def attachment_upload(server: Server, peer: Peer, req: m.UploadAttachment) -> m.AttachmentUploaded:
    operator = peer.operator
    assert operator is not None
    info = await server.store.run_write(lambda conn: (insert_attachment(conn, req, operator), []))
    return m.AttachmentUploaded(attachment=info)


async def attachment_get(server: Server, peer: Peer, req: m.GetAttachment) -> m.AttachmentData:
    async with server.store.engine.connect() as conn:
        info, data = await conn.run_sync(read_attachment, req.attachment_id)
    return m.AttachmentData(attachment=info, data=data)


HANDLERS: dict[str, Handler] = {
    "hello": hello,
    "login": login,
    "logout": logout,
    "subscribe": subscribe,
    "ping": ping,
    "reference.get": reference_get,
    "case.create": case_create,
    "case.list": case_list,
    "status.get": status_get,
    "attachment.upload": attachment_upload,
    "attachment.get": attachment_get,
}
