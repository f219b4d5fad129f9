"""The read side of the inbox: the queue in working order, and the counts behind each channel's badge."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from backend.case_writes import CHANNELS
from backend.inbox.records import field_error, item_from_row, items
from backend.inbox.rules import check_channel
from client_api.inbox_messages import ITEM_STATUSES, OPEN_STATUSES, IntakeItem, ListIntake

MAX_LIST = 1000


def list_query(req: ListIntake) -> sa.Select[tuple[object, ...]]:
    """Highest priority first, then oldest first; the id breaks ties of the same instant."""
    if req.status is not None and req.status not in ITEM_STATUSES:
        raise field_error("status", f"status must be one of {', '.join(ITEM_STATUSES)} (or absent: open)")
    if req.channel is not None:
        check_channel(req.channel)
    if not 1 <= req.limit <= MAX_LIST:
        raise field_error("limit", f"limit must be between 1 and {MAX_LIST}")
    statuses = OPEN_STATUSES if req.status is None else (req.status,)
    query = (
        sa.select(items)
        .where(items.c.status.in_(statuses))
        .order_by(items.c.priority.desc(), items.c.received_at, items.c.id)
        .limit(req.limit)
    )
    return query if req.channel is None else query.where(items.c.channel == req.channel)


async def list_items(conn: AsyncConnection, query: sa.Select[tuple[object, ...]]) -> list[IntakeItem]:
    return [item_from_row(row) for row in (await conn.execute(query)).all()]


async def open_counts(conn: AsyncConnection) -> tuple[dict[str, int], dict[str, int]]:
    """Open (new + taken) and new items per channel; every channel is a key, zero included."""
    query = (
        sa.select(items.c.channel, items.c.status, sa.func.count())
        .where(items.c.status.in_(OPEN_STATUSES))
        .group_by(items.c.channel, items.c.status)
    )
    open_ = dict.fromkeys(CHANNELS, 0)
    new = dict.fromkeys(CHANNELS, 0)
    for channel, status, count in (await conn.execute(query)).all():
        open_[channel] = open_.get(channel, 0) + count
        if status == "new":
            new[channel] = new.get(channel, 0) + count
    return open_, new
