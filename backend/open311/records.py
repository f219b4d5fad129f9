"""Open311 request records from inbox items and the cases made from them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from backend import schema
from backend.open311.catalog import Service
from backend.open311.parse import MAX_RESULTS, Filters

items = schema.intake_items
cases = schema.cases

# A case in one of these has been dealt with; a later workflow may add more (kept here, in one place).
CLOSED_CASE_STATUSES = ("closed", "archived")

_closed = sa.or_(
    items.c.status == "dismissed",
    sa.func.coalesce(cases.c.status, "").in_(CLOSED_CASE_STATUSES),
    cases.c.closed_at.is_not(None),
)

_NOTES = {"new": "已收到，等待受理", "taken": "正在受理", "dismissed": "经核实未予立案"}


def iso(ts: float | None) -> str | None:
    """ISO 8601 with the server's zone, e.g. ``2026-05-01T08:00:00+08:00``."""
    return None if ts is None else dt.datetime.fromtimestamp(ts).astimezone().isoformat(timespec="seconds")


def query(filters: Filters) -> sa.Select[Any]:
    """Items that came in over Open311, newest first, with their case; only those ``filters`` allow."""
    select = (
        sa.select(
            items,
            cases.c.case_no,
            cases.c.created_at.label("case_created_at"),
            cases.c.closed_at.label("case_closed_at"),
            cases.c.deadline_at,
            _closed.label("closed"),
        )
        .select_from(items.outerjoin(cases, cases.c.id == items.c.case_id))
        .where(items.c.app_name.is_not(None))
        .order_by(items.c.received_at.desc(), items.c.id.desc())
        .limit(MAX_RESULTS)
    )
    if filters.ids is not None:
        return select.where(items.c.id.in_(filters.ids))
    if filters.service_codes is not None:
        select = select.where(items.c.service_code.in_(filters.service_codes))
    if filters.statuses is not None and len(set(filters.statuses)) == 1:
        select = select.where(_closed if filters.statuses[0] == "closed" else sa.not_(_closed))
    if filters.start is not None:
        select = select.where(items.c.received_at >= filters.start)
    if filters.end is not None:
        select = select.where(items.c.received_at <= filters.end)
    return select


def _notes(row: sa.Row[Any]) -> str:
    if row.case_no is not None:
        return f"{'已办结' if row.closed else '已立案'}，工单号 {row.case_no}"
    return _NOTES.get(row.status, "")


def record(row: sa.Row[Any], services: dict[str, Service], agency: str) -> dict[str, Any]:
    """One Open311 request record."""
    service = services.get(row.service_code or "")
    changes = [row.received_at, row.taken_at, row.case_created_at, row.case_closed_at]
    return {
        "service_request_id": str(row.id),
        "status": "closed" if row.closed else "open",
        "status_notes": _notes(row),
        "service_name": service.name if service else row.service_code,
        "service_code": row.service_code,
        "description": row.content,
        "agency_responsible": agency,
        "service_notice": None,
        "requested_datetime": iso(row.received_at),
        "updated_datetime": iso(max(t for t in changes if t is not None)),
        "expected_datetime": iso(row.deadline_at),
        "address": row.address,
        "address_id": None,
        "zipcode": None,
        "lat": row.lat,
        "long": row.lon,
        "media_url": row.media_url,
    }


async def find(conn: AsyncConnection, filters: Filters) -> list[sa.Row[Any]]:
    return list((await conn.execute(query(filters))).all())
