"""SMS and IM messages in the store: checked, addressed to one audience (entries, a talk group, every
grid member of a grid or of a town), stored with one receipt per recipient and announced
(``message.updated``) on sending and on every receipt change; tied to a case on its timeline."""

from __future__ import annotations

from collections.abc import Callable

import msgspec
import sqlalchemy as sa

from backend import schema
from backend.comms.case_record import check_case, record_on_case
from backend.comms.directory_rows import all_entries, entries_by_id
from backend.comms.patches import invalid, not_found
from backend.comms.radio import load_groups
from backend.comms.templates import template_ids
from backend.events import StoredEvent, append_event
from client_api import comms_messages as cm
from client_api import messages as m

table = schema.comms_messages
MAX_BODY = {"sms": 500, "im": 2000}
MAX_RECIPIENTS = 1000
MAX_LIST = 500
MEDIUM_NAMES = {"sms": "短信", "im": "即时消息"}  # the case record is read by the center's staff

# A delivery step: the receipt's new state (None: it stays as it is).
Step = Callable[[cm.Receipt], str | None]


def checked_body(req: cm.SendMessage) -> str:
    if req.medium not in cm.MEDIA:
        raise invalid("medium", f"medium {req.medium!r} is not one of {', '.join(cm.MEDIA)}")
    body = req.body.strip()
    if not body:
        raise invalid("body", "the message is empty")
    if len(body) > MAX_BODY[req.medium]:
        raise invalid("body", f"an {req.medium.upper()} message is at most {MAX_BODY[req.medium]} characters")
    if req.template_id is not None and req.template_id not in template_ids():
        raise not_found("template_id", f"there is no message template {req.template_id!r}")
    return body


def audience(conn: sa.Connection, req: cm.SendMessage) -> tuple[str, list[cm.DirectoryEntry]]:
    """Whom the message is for, in words, and the entries (refused unless exactly one kind is given)."""
    given = [
        field
        for field, value in (
            ("entry_ids", req.entry_ids),
            ("group_id", req.group_id),
            ("grid_code", req.grid_code),
            ("town", req.town),
        )
        if value
    ]
    if not given:
        raise invalid("entry_ids", "say whom the message is for: entry_ids, group_id, grid_code or town")
    if len(given) > 1:
        raise invalid(given[1], f"a message has one audience: {given[0]} or {given[1]}, not both")
    if req.entry_ids:
        return _entries(conn, req.entry_ids)
    if req.group_id:
        name = load_groups().get(req.group_id)
        if name is None:
            raise not_found("group_id", f"there is no talk group {req.group_id!r}")
        members = [e for e in all_entries(conn) if req.group_id in e.talk_groups]
        return _some(f"通话组{name}", members, "group_id")
    field, code, level = ("grid_code", req.grid_code, "grid") if req.grid_code else ("town", req.town, "town")
    areas = schema.areas
    name = conn.execute(sa.select(areas.c.name).where(areas.c.code == code, areas.c.level == level)).scalar()
    if name is None:
        raise not_found(field, f"there is no {level} {code!r} in the district")
    members = [
        e
        for e in all_entries(conn)
        if e.kind == "grid_member" and (e.grid_code == code if level == "grid" else e.town == code)
    ]
    return _some(f"{name}全体网格员", members, field)


def _entries(conn: sa.Connection, ids: list[str]) -> tuple[str, list[cm.DirectoryEntry]]:
    unique = list(dict.fromkeys(ids))
    found = entries_by_id(conn, unique)
    missing = [i for i in unique if i not in found]
    if missing:
        raise not_found("entry_ids", f"there is no directory entry {missing[0]!r}")
    entries = [found[i] for i in unique]
    names = "、".join(e.name for e in entries[:3])
    more = f"等{len(entries)}人" if len(entries) > 3 else ""
    return _some(names + more, entries, "entry_ids")


def _some(words: str, entries: list[cm.DirectoryEntry], field: str) -> tuple[str, list[cm.DirectoryEntry]]:
    if not entries:
        raise invalid(field, f"{words} has nobody to send to")
    if len(entries) > MAX_RECIPIENTS:
        raise invalid(field, f"{words} is {len(entries)} people; a message goes to at most {MAX_RECIPIENTS}")
    return words, entries


def receipts(medium: str, entries: list[cm.DirectoryEntry], now: float) -> tuple[cm.Receipt, ...]:
    """Queued, or failed at once: an SMS needs a phone number."""
    out = []
    for e in entries:
        if medium == "sms" and not e.phone:
            out.append(cm.Receipt(e.id, e.name, "", "failed", now, f"{e.name} has no phone number"))
        else:
            out.append(cm.Receipt(e.id, e.name, e.phone if medium == "sms" else e.id, "queued", now))
    return tuple(out)


def insert_message(
    conn: sa.Connection, req: cm.SendMessage, operator: m.Operator, seat_id: str | None, now: float
) -> tuple[cm.Message, list[StoredEvent]]:
    body = checked_body(req)
    words, entries = audience(conn, req)
    if req.case_id is not None:
        check_case(conn, req.case_id)
    row = sa.insert(table).values(sender=operator.username, case_id=req.case_id, sent_at=now, record="")
    message_id = int(conn.execute(row.returning(table.c.id)).scalar_one())
    message = cm.Message(
        id=message_id,
        medium=req.medium,
        sender=operator.username,
        body=body,
        audience=words,
        sent_at=now,
        receipts=receipts(req.medium, entries, now),
        case_id=req.case_id,
        template_id=req.template_id,
    )
    if req.case_id is not None:
        record_on_case(conn, req.case_id, now, operator, seat_id, "comms_message", case_note(message))
    return message, [_save(conn, message, now)]


def advance(
    conn: sa.Connection, message_id: int, step: Step, now: float
) -> tuple[cm.Message, list[StoredEvent]]:
    """Apply a delivery step to the receipts; announced only when a receipt changed."""
    message = load_message(conn, message_id)
    changed = []
    for receipt in message.receipts:
        state = step(receipt)
        changed.append(
            receipt
            if state in (None, receipt.state)
            else msgspec.structs.replace(receipt, state=state, at=now)
        )
    if changed == list(message.receipts):
        return message, []
    message = msgspec.structs.replace(message, receipts=tuple(changed))
    return message, [_save(conn, message, now)]


def attach(
    conn: sa.Connection, req: cm.AttachMessage, operator: m.Operator, seat_id: str | None, now: float
) -> tuple[cm.Message, list[StoredEvent]]:
    message = load_message(conn, req.message_id)
    check_case(conn, req.case_id)
    if message.case_id is not None:
        raise invalid("message_id", f"message {message.id} is already attached to case {message.case_id}")
    message = msgspec.structs.replace(message, case_id=req.case_id)
    record_on_case(conn, req.case_id, now, operator, seat_id, "comms_message", case_note(message))
    return message, [_save(conn, message, now)]


def case_note(message: cm.Message) -> str:
    """短信 发给 临江街道全体网格员（11人）：【防汛提醒】今夜有强降雨…"""
    count = len(message.receipts)
    body = message.body if len(message.body) <= 80 else message.body[:79] + "…"
    return f"{MEDIUM_NAMES[message.medium]} 发给 {message.audience}（{count}人）：{body}"


def load_message(conn: sa.Connection, message_id: int) -> cm.Message:
    text = conn.execute(sa.select(table.c.record).where(table.c.id == message_id)).scalar()
    if not text:
        raise not_found("message_id", f"there is no message {message_id}")
    return msgspec.json.decode(text, type=cm.Message)


def list_messages(conn: sa.Connection, case_id: int | None, limit: int) -> list[cm.Message]:
    """Newest first; of one case when given."""
    if not 1 <= limit <= MAX_LIST:
        raise invalid("limit", f"limit is 1 to {MAX_LIST}, not {limit}")
    query = sa.select(table.c.record).order_by(table.c.id.desc()).limit(limit)
    if case_id is not None:
        query = query.where(table.c.case_id == case_id)
    return [msgspec.json.decode(text, type=cm.Message) for text in conn.execute(query).scalars()]


def _save(conn: sa.Connection, message: cm.Message, now: float) -> StoredEvent:
    record = msgspec.json.encode(message).decode()
    conn.execute(
        sa.update(table).where(table.c.id == message.id).values(record=record, case_id=message.case_id)
    )
    return append_event(conn, "message.updated", cm.MessageUpdated(message=message), now)
