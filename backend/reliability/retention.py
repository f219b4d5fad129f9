"""Event retention and pruning of old idempotency keys: a periodic service.

The backend keeps at least 24 hours of events (``--keep-events-hours``, default 168) so that a seat back
from a short outage resumes from its last sequence number; one away longer is told
``resync.required`` (``history_unavailable``, see handlers.subscribe) and loads a full snapshot. The
newest event is never deleted, so sequence numbers keep counting from it. Idempotency keys are kept
``KEEP_KEYS_S``. Audit records are not touched (kept at least 400 days, see security/audit_trail.py).
"""

from __future__ import annotations

import argparse
import logging
import time
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from backend import schema
from backend.reliability import idempotency
from backend.sla.periodic import Periodic
from backend.store import Store

log = logging.getLogger("backend.reliability")

DEFAULT_KEEP_HOURS = 168.0
MIN_KEEP_HOURS = 24.0
INTERVAL_S = 600.0

events = schema.events


@dataclass(frozen=True, slots=True)
class Pruned:
    events: int
    keys: int


def prune_events(conn: sa.Connection, before: float) -> tuple[int, list[Any]]:
    """Delete events older than ``before``, except the newest event of all."""
    newest = conn.execute(sa.select(sa.func.max(events.c.seq))).scalar()
    if newest is None:
        return 0, []
    done = conn.execute(sa.delete(events).where(events.c.ts < before, events.c.seq < newest))
    return done.rowcount, []


class Retention(Periodic):
    """Prunes events older than ``keep_events_s`` and idempotency keys older than ``KEEP_KEYS_S``."""

    name = "retention"

    def __init__(
        self, keep_events_s: float, interval: float = INTERVAL_S, store: Store | None = None
    ) -> None:
        if keep_events_s < MIN_KEEP_HOURS * 3600:
            raise ValueError(f"events are kept at least {MIN_KEEP_HOURS:g} hours")
        super().__init__(interval, store)
        self.keep_events_s = keep_events_s

    async def tick(self, now: float | None = None) -> Pruned:
        now = time.time() if now is None else now
        pruned_events = await self.store.run_write(prune_events, now - self.keep_events_s)
        pruned_keys = await self.store.run_write(idempotency.prune, now)
        if pruned_events or pruned_keys:
            log.info("pruned %d events and %d command keys", pruned_events, pruned_keys)
        return Pruned(pruned_events, pruned_keys)


def _hours(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not MIN_KEEP_HOURS <= value <= 24 * 3650:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of hours (at least {MIN_KEEP_HOURS:g})")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--keep-events-hours",
        type=_hours,
        default=DEFAULT_KEEP_HOURS,
        metavar="H",
        help=f"keep events H hours for seats that resume (default {DEFAULT_KEEP_HOURS:g}, "
        f"min {MIN_KEEP_HOURS:g}); older ones are pruned",
    )


def build(args: argparse.Namespace) -> Retention:
    return Retention(args.keep_events_hours * 3600)
