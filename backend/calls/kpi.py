"""The hotline KPIs (GB/T 33358: answered within 15 s, connection rate), computed from the calls table."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from backend.calls.records import Change, calls
from backend.events import append_event
from client_api.calls_messages import HotlineKpis

SERVICE_LEVEL_S = 15.0
# Today's calls were queued at most this long before midnight: bounds the scan to the queued_at index.
MAX_WAIT_S = 86_400.0


def day_start(now: float) -> float:
    """Local midnight before ``now`` (the center's day, in the backend's time zone)."""
    return dt.datetime.fromtimestamp(now).replace(hour=0, minute=0, second=0, microsecond=0).timestamp()


def _count_if(condition: sa.ColumnElement[bool]) -> sa.ColumnElement[int]:
    return sa.func.coalesce(sa.func.sum(sa.case((condition, 1), else_=0)), 0)


def compute(conn: sa.Connection, now: float) -> HotlineKpis:
    waiting, oldest = conn.execute(
        sa.select(sa.func.count(), sa.func.min(calls.c.queued_at)).where(calls.c.state == "ringing")
    ).one()
    start = day_start(now)
    answered_today = calls.c.answered_at >= start
    answered, within, abandoned = conn.execute(
        sa.select(
            _count_if(answered_today),
            _count_if(sa.and_(answered_today, calls.c.answered_at - calls.c.queued_at <= SERVICE_LEVEL_S)),
            _count_if(sa.and_(calls.c.state == "abandoned", calls.c.ended_at >= start)),
        ).where(calls.c.queued_at >= start - MAX_WAIT_S)
    ).one()
    answered, within, abandoned = int(answered), int(within), int(abandoned)
    return HotlineKpis(
        waiting=int(waiting),
        longest_wait_s=max(0.0, now - oldest) if oldest is not None else 0.0,
        oldest_queued_at=None if oldest is None else float(oldest),
        answered_today=answered,
        answered_15s_today=within,
        answer_rate_15s=within / answered if answered else None,
        abandoned_today=abandoned,
        connection_rate=answered / (answered + abandoned) if answered + abandoned else None,
        computed_at=now,
    )


def kpi_event(conn: sa.Connection, now: float) -> Change[HotlineKpis]:
    """The KPIs now, as a ``kpi.hotline`` event."""
    kpis = compute(conn, now)
    return kpis, [append_event(conn, "kpi.hotline", kpis, now)]
