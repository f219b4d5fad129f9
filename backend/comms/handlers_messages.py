"""Request handlers of messages (message.*) and video sessions (video.*)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from backend.comms import messages, video
from backend.comms.message_sim import messages_of
from backend.comms.templates import list_templates
from backend.handlers import Handler
from client_api import comms_messages as cm

if TYPE_CHECKING:
    from backend.peer import Peer
    from backend.server import Server


async def message_send(server: Server, peer: Peer, req: cm.SendMessage) -> cm.MessageOk:
    assert peer.operator is not None
    return cm.MessageOk(message=await messages_of(server).send(req, peer.operator, peer.seat_id))


async def message_list(server: Server, peer: Peer, req: cm.ListMessages) -> cm.MessageList:
    found = await server.store.read(messages.list_messages, req.case_id, req.limit)
    return cm.MessageList(messages=found)


async def message_templates(server: Server, peer: Peer, req: cm.ListTemplates) -> cm.TemplateList:
    return cm.TemplateList(templates=list_templates())


async def message_attach(server: Server, peer: Peer, req: cm.AttachMessage) -> cm.MessageOk:
    assert peer.operator is not None
    return cm.MessageOk(message=await messages_of(server).attach(req, peer.operator, peer.seat_id))


async def video_start(server: Server, peer: Peer, req: cm.StartVideo) -> cm.VideoOk:
    assert peer.operator is not None
    session = await server.store.run_write(video.start_video, req, peer.operator, peer.seat_id, time.time())
    return cm.VideoOk(session=session)


async def video_end(server: Server, peer: Peer, req: cm.VideoRef) -> cm.VideoOk:
    assert peer.operator is not None
    session = await server.store.run_write(video.end_video, req, peer.operator, peer.seat_id, time.time())
    return cm.VideoOk(session=session)


async def video_list(server: Server, peer: Peer, req: cm.ListVideo) -> cm.VideoList:
    return cm.VideoList(sessions=await server.store.read(video.running_sessions))


HANDLERS: dict[str, Handler] = {
    "message.send": message_send,
    "message.list": message_list,
    "message.templates": message_templates,
    "message.attach": message_attach,
    "video.start": video_start,
    "video.end": video_end,
    "video.list": video_list,
}
