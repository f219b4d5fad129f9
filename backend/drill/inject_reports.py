"""Report and message injects. A report is an item in the inbox, as ``intake.submit`` makes one (a grid
member's report, a citizen's app report). A message goes out through the comms message service when
this backend runs it (as ``message.send``), else it reaches the inbox as an app item."""

from __future__ import annotations

import importlib
import time

from backend.drill.inject_outcome import FireContext, Outcome, fired
from backend.drill.scenario_model import Inject, MessageInject, ReportInject
from backend.drill.scenario_reference import reference
from backend.inbox.rules import MAX_CONTENT, submission_values
from backend.inbox.writes import insert_item
from client_api.errors import ProtocolError
from client_api.inbox_messages import IntakeItem, SubmitIntake

MESSAGE_CHANNEL = "app"  # an instant message reaches the center as an app item


async def fire_report(ctx: FireContext, inject: Inject) -> Outcome:
    detail = inject.detail
    assert isinstance(detail, ReportInject)
    content = detail.text + (f"\n［照片：{detail.photo}］" if detail.photo else "")
    request = SubmitIntake(
        channel=detail.channel,
        content=content[:MAX_CONTENT],
        reporter_name=detail.reporter_name or None,
        reporter_phone=detail.reporter_phone or None,
        address=detail.address or None,
    )
    item = await _submit(ctx, inject, request)
    label = detail.channel_label or detail.channel
    return fired(f"来件（{label}）：{_short(detail.text)}", item_id=item.id, channel=item.channel)


async def fire_message(ctx: FireContext, inject: Inject) -> Outcome:
    """Through the comms message service when it runs (message.send), else into the inbox."""
    detail = inject.detail
    assert isinstance(detail, MessageInject)
    sent = await _send_message(ctx, detail)
    if sent is not None:
        return sent
    sender = detail.sender or "现场"
    body = f"［{detail.medium.upper()} 致 {'、'.join(detail.to)}］{detail.body}"
    request = SubmitIntake(channel=MESSAGE_CHANNEL, content=body[:MAX_CONTENT], reporter_name=sender[:64])
    item = await _submit(ctx, inject, request)
    return fired(f"{sender} 消息：{_short(detail.body)}", item_id=item.id, channel=item.channel)


async def _send_message(ctx: FireContext, detail: MessageInject) -> Outcome | None:
    try:
        service = importlib.import_module("backend.comms.message_sim").messages_of(ctx.server)
        comms = importlib.import_module("client_api.comms_messages")
    except (ImportError, AttributeError, ProtocolError):
        return None
    audience: dict[str, object] = {"entry_ids": list(detail.to)}
    first = detail.to[0] if detail.to else ""
    area = reference().areas.get(first)
    if first.startswith("tg-"):
        audience = {"group_id": first}
    elif area is not None:
        audience = {"town": first} if area.level == "town" else {"grid_code": first}
    request = comms.SendMessage(medium=detail.medium, body=detail.body, **audience)
    message = await service.send(request, ctx.trainer, None)
    summary = f"{detail.medium.upper()} 致 {message.audience}：{_short(detail.body)}"
    return fired(summary, message_id=message.id)


async def _submit(ctx: FireContext, inject: Inject, request: SubmitIntake) -> IntakeItem:
    values = submission_values(request)
    item: IntakeItem = await ctx.server.store.run_write(insert_item, values, time.time())
    ctx.run.links.items[item.id] = inject.id
    return item


def _short(text: str, limit: int = 60) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"
