"""The alert watcher: escalates unacknowledged Severe and Extreme alerts to the supervisors' seats and
expires alerts past their ``expires``, in one transaction per round over a bounded batch.

An active Severe/Extreme alert received more than ``escalate_after`` seconds ago at escalation level 0
goes to level 1 (``escalated_at`` set); seats of supervisors show it to them. An active or acknowledged
alert past ``expires`` becomes expired. Each change is an ``alert.updated`` event.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import sqlalchemy as sa

from backend import schema
from backend.alerts.records import update_alert
from backend.events import StoredEvent
from backend.sla.periodic import Periodic
from client_api.alert_priority import BANNER_SEVERITIES

if TYPE_CHECKING:
    from backend.store import Store

DEFAULT_INTERVAL = 1.0
DEFAULT_ESCALATE_AFTER = 120.0
MIN_INTERVAL = 0.05
BATCH = 200

T = schema.alerts.c


class AlertWatcher(Periodic):
    """A Service: every ``interval`` seconds, ``tick()``."""

    name = "alert-watcher"

    def __init__(
        self,
        interval: float = DEFAULT_INTERVAL,
        escalate_after: float = DEFAULT_ESCALATE_AFTER,
        store: Store | None = None,
        batch: int = BATCH,
    ) -> None:
        super().__init__(interval, store)
        self.escalate_after = escalate_after
        self.batch = batch

    async def tick(self, now: float | None = None) -> list[int]:
        """Escalate and expire what is due at ``now`` (default: the clock); the ids changed."""
        at = time.time() if now is None else now
        if not await self.store.read(_anything_due, at, self.escalate_after):
            return []  # most rounds: no write transaction, no write lock
        changed: list[int] = await self.store.run_write(
            escalate_and_expire, at, self.escalate_after, self.batch
        )
        return changed


def _expiring(now: float) -> sa.ColumnElement[bool]:
    return sa.and_(T.state.in_(("active", "acknowledged")), T.expires.is_not(None), T.expires < now)


def _escalating(now: float, escalate_after: float) -> sa.ColumnElement[bool]:
    return sa.and_(
        T.state == "active",
        T.severity.in_(sorted(BANNER_SEVERITIES)),
        T.escalation_level == 0,
        T.received_at < now - escalate_after,
    )


def _anything_due(conn: sa.Connection, now: float, escalate_after: float) -> bool:
    due = sa.or_(_expiring(now), _escalating(now, escalate_after))
    return conn.execute(sa.select(T.id).where(due).limit(1)).first() is not None


def escalate_and_expire(
    conn: sa.Connection, now: float, escalate_after: float, batch: int = BATCH
) -> tuple[list[int], list[StoredEvent]]:
    expiring = conn.execute(sa.select(T.id).where(_expiring(now)).order_by(T.id).limit(batch)).scalars()
    changes: dict[int, dict[str, object]] = {int(i): {"state": "expired"} for i in expiring}
    escalating = conn.execute(
        sa.select(T.id).where(_escalating(now, escalate_after)).order_by(T.id).limit(batch)
    ).scalars()
    for alert_id in escalating:
        if len(changes) >= batch:
            break
        # an alert expiring in this round is not escalated as well
        changes.setdefault(int(alert_id), {"escalation_level": 1, "escalated_at": now})
    events: list[StoredEvent] = []
    for alert_id, values in sorted(changes.items()):
        events += update_alert(conn, alert_id, values, now)[1]
    return sorted(changes), events
