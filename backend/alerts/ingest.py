"""Taking CAP in: a single message or a feed of them, checked, then applied one message per transaction.

A single message that cannot be taken raises ProtocolError with the reason (nothing is stored). In a
feed each bad entry becomes a RejectedEntry and the others are applied, oldest ``sent`` first (so an
Update in the same feed finds its Alert).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from typing import TYPE_CHECKING

import aiohttp

from backend.alerts.apply import Applied, apply_message
from backend.alerts.cap_parse import CapMessage, read_message
from backend.alerts.cap_xml import CapInvalid, CapTooLarge, cap, parse_xml, serialize, xml_text
from backend.alerts.feeds import FeedEntry, Origin, feed_entries, is_feed, new_session, read_document, resolve
from client_api.alert_messages import AlertRecord, CapIngested, RejectedEntry
from client_api.errors import ErrorCode, ProtocolError

if TYPE_CHECKING:
    from backend.server import Server


async def ingest_cap_text(server: Server, xml: str) -> CapIngested:
    """A CAP 1.2 message or an Atom/RSS feed of them sent as text (alert.ingest_cap, HTTP /cap)."""
    return await ingest_document(server, xml, Origin())


async def ingest_document(server: Server, data: str | bytes, origin: Origin) -> CapIngested:
    """A document read from ``origin``; links in a feed are resolved against it."""
    try:
        text = xml_text(data)
        root = await asyncio.to_thread(parse_xml, text)
    except CapInvalid as exc:
        raise _invalid(exc) from None
    if root.tag == cap("alert"):
        try:
            message = await asyncio.to_thread(read_message, root, text)
        except CapInvalid as exc:
            raise _invalid(exc) from None
        applied = await _apply(server, message)
        unchanged = [applied.unchanged] if applied.unchanged else []
        return CapIngested(alerts=applied.alerts, unchanged=unchanged)
    if is_feed(root):
        try:
            entries = feed_entries(root)
        except CapInvalid as exc:
            raise _invalid(exc) from None
        return await _ingest_feed(server, entries, origin)
    raise ProtocolError(
        ErrorCode.INVALID_FIELD,
        f"not a CAP 1.2 alert (nor an Atom or RSS 2.0 feed of them): root element is {root.tag}",
        {"field": "xml"},
    )


async def _ingest_feed(server: Server, entries: list[FeedEntry], origin: Origin) -> CapIngested:
    rejected: list[RejectedEntry] = []
    messages: list[tuple[int, CapMessage]] = []
    async with contextlib.AsyncExitStack() as stack:
        session: aiohttp.ClientSession | None = None
        for entry in entries:
            if entry.link is not None and session is None:
                session = await stack.enter_async_context(new_session())
            try:
                messages.append((entry.index, await _entry_message(entry, origin, session)))
            except CapInvalid as exc:
                rejected.append(RejectedEntry(index=entry.index, reason=exc.reason, identifier=_label(entry)))
    messages.sort(key=lambda found: found[1].draft.sent)
    changed: dict[int, AlertRecord] = {}
    unchanged: list[str] = []
    for index, message in messages:
        try:
            applied = await _apply(server, message)
        except ProtocolError as exc:
            rejected.append(
                RejectedEntry(index=index, reason=exc.message, identifier=message.draft.identifier)
            )
            continue
        for record in applied.alerts:
            changed.pop(record.id, None)
            changed[record.id] = record
        if applied.unchanged:
            unchanged.append(applied.unchanged)
    rejected.sort(key=lambda r: r.index)
    return CapIngested(alerts=list(changed.values()), rejected=rejected, unchanged=unchanged)


async def _entry_message(
    entry: FeedEntry, origin: Origin, session: aiohttp.ClientSession | None
) -> CapMessage:
    if entry.element is not None:
        element = entry.element
        return await asyncio.to_thread(read_message, element, serialize(element))
    if entry.text is not None:
        text = entry.text
    elif entry.link is not None:
        text = xml_text(await read_document(resolve(entry.link, origin), session))
    else:
        raise CapInvalid("the entry carries no CAP alert, inline or by link")
    root = await asyncio.to_thread(parse_xml, text)
    return await asyncio.to_thread(read_message, root, text)


def _label(entry: FeedEntry) -> str | None:
    if entry.element is not None:
        return (entry.element.findtext(cap("identifier")) or "").strip() or entry.label
    return entry.label


async def _apply(server: Server, message: CapMessage) -> Applied:
    applied: Applied = await server.store.run_write(apply_message, message, server.exercise, time.time())
    return applied


def _invalid(exc: CapInvalid) -> ProtocolError:
    code = ErrorCode.TOO_LARGE if isinstance(exc, CapTooLarge) else ErrorCode.INVALID_FIELD
    return ProtocolError(code, exc.reason, {"field": "xml"})
