"""The store's events as the models' items: ``case.created`` (surge, repeats), ``call.updated`` of a
new call (repeats by number), ``case.overdue`` (overdue); and the recent past fed at start, so windows
and histories go on across a restart. Each case and call is fed once: by priming or by its event."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import msgspec

from backend.events import StoredEvent
from backend.warnings import history
from backend.warnings.engine import WarningEngine
from backend.warnings.firing import Firing
from client_api.calls_messages import CallUpdated
from client_api.messages import CaseCreatedEvent
from client_api.sla_messages import CaseOverdueEvent

if TYPE_CHECKING:
    from backend.store import Store

log = logging.getLogger("backend.warnings")

_DECODERS: dict[str, msgspec.json.Decoder[Any]] = {
    "case.created": msgspec.json.Decoder(CaseCreatedEvent),
    "case.overdue": msgspec.json.Decoder(CaseOverdueEvent),
    "call.updated": msgspec.json.Decoder(CallUpdated),
}
WATCHED = frozenset(_DECODERS)


def prime_span(engine: WarningEngine) -> float:
    """How far back the models want to see: the longest surge history (and window), repeat window."""
    span = 0.0
    for rule in engine.rules.values():
        p = rule.params
        if rule.kind == "surge":
            span = max(span, float(p["history_days"]) * 86400 + float(p["window_min"]) * 60)
        elif rule.kind == "repeat_calls":
            span = max(span, float(p["window_min"]) * 60)
    return span


class EventFeed:
    """Attributes: last_case_id, last_call_id: the newest case and call the models have seen."""

    def __init__(self) -> None:
        self.last_case_id = 0
        self.last_call_id = 0

    async def prime(self, store: Store, engine: WarningEngine, now: float) -> None:
        """Feed the recent past in time order, dropping the firings (that past was seen already)."""
        self.last_case_id, self.last_call_id = await store.read(history.last_ids)
        span = prime_span(engine)
        if span == 0:
            return
        since = now - span
        cases = await store.read(history.recent_cases, since, self.last_case_id)
        calls = await store.read(history.recent_calls, since, self.last_call_id)
        feeds: list[tuple[float, int, Callable[[], object]]] = [
            (c.created_at, c.id, functools.partial(engine.feed_case, c)) for c in cases
        ]
        feeds += [(c.queued_at, c.id, functools.partial(engine.feed_call, c)) for c in calls]
        for _ts, _id, feed in sorted(feeds, key=lambda f: (f[0], f[1])):
            feed()
        log.info("warning models primed with %d cases and %d calls", len(cases), len(calls))

    async def feed(self, store: Store, engine: WarningEngine, event: StoredEvent, now: float) -> list[Firing]:
        payload = _DECODERS[event.type].decode(event.payload)
        if isinstance(payload, CaseCreatedEvent):
            if payload.case.id <= self.last_case_id:
                return []  # primed already
            self.last_case_id = payload.case.id
            return engine.feed_case(payload.case)
        if isinstance(payload, CallUpdated):
            if payload.call.id <= self.last_call_id:
                return []  # a later state of a call already counted
            self.last_call_id = payload.call.id
            return engine.feed_call(payload.call)
        assert isinstance(payload, CaseOverdueEvent)
        case = await store.read(history.case_by_id, payload.case_id)
        return engine.feed_overdue(payload, case, now)
