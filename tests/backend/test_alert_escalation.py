"""The alert watcher: unacknowledged Severe/Extreme alerts escalate once after the set time, alerts past
their expiry expire, a round is bounded; as a service it reaches the supervisor's seat."""

from __future__ import annotations

import argparse
import json
import time
from typing import Any

import sqlalchemy as sa

from backend import schema
from backend.alerts import options
from backend.alerts.escalation import AlertWatcher
from backend.alerts.poller import CapFeedPoller
from backend.server import Server
from backend.store import Store
from client_api import alert_messages as am
from client_api.client import Event
from tests.backend.test_alert_support import rule_draft, set_alert, store_draft
from tests.backend.test_intake_support import seats


def alert_of(aio: Any, store: Store, alert_id: int) -> Any:
    async def run() -> Any:
        async with store.engine.connect() as conn:
            return (await conn.execute(sa.select(schema.alerts).where(schema.alerts.c.id == alert_id))).one()

    return aio.run(run())


def updates(aio: Any, store: Store, after: int) -> list[dict[str, Any]]:
    return [
        json.loads(e.payload)["alert"]
        for e in aio.run(store.events_after(after, 100))
        if e.type == "alert.updated"
    ]


def make(aio: Any, store: Store, n: int, **over: Any) -> am.AlertRecord:
    return store_draft(aio, store, rule_draft(identifier=f"rule-{n}", **over))


def test_severe_alerts_escalate_once_after_the_set_time(aio: Any, store: Store) -> None:
    severe = make(aio, store, 1, severity="Severe")
    moderate = make(aio, store, 2, severity="Moderate")
    acked = make(aio, store, 3, severity="Extreme")
    set_alert(aio, store, acked.id, state="acknowledged")
    watcher = AlertWatcher(escalate_after=60, store=store)
    t0 = severe.received_at
    seq = aio.run(store.last_seq())
    assert aio.run(watcher.tick(now=t0 + 59)) == []
    assert aio.run(watcher.tick(now=t0 + 61)) == [severe.id]
    row = alert_of(aio, store, severe.id)
    assert (row.escalation_level, row.escalated_at, row.state) == (1, t0 + 61, "active")
    [event] = updates(aio, store, seq)
    assert (event["id"], event["escalation_level"]) == (severe.id, 1)
    assert aio.run(watcher.tick(now=t0 + 600)) == []  # once
    assert alert_of(aio, store, moderate.id).escalation_level == 0
    assert alert_of(aio, store, acked.id).escalation_level == 0


def test_alerts_past_their_expiry_expire(aio: Any, store: Store) -> None:
    now = time.time()
    active = make(aio, store, 1, severity="Minor", expires=now + 10)
    acked = make(aio, store, 2, severity="Minor", expires=now + 10)
    cancelled = make(aio, store, 3, severity="Minor", expires=now + 10)
    lasting = make(aio, store, 4, severity="Minor", expires=None)
    set_alert(aio, store, acked.id, state="acknowledged")
    set_alert(aio, store, cancelled.id, state="cancelled")
    watcher = AlertWatcher(escalate_after=1e6, store=store)
    assert aio.run(watcher.tick(now=now + 5)) == []
    assert aio.run(watcher.tick(now=now + 11)) == [active.id, acked.id]
    states = [alert_of(aio, store, a.id).state for a in (active, acked, cancelled, lasting)]
    assert states == ["expired", "expired", "cancelled", "active"]


def test_an_expiring_severe_alert_is_not_escalated_and_rounds_are_bounded(aio: Any, store: Store) -> None:
    now = time.time()
    dying = make(aio, store, 0, severity="Extreme", expires=now + 1)
    others = [make(aio, store, n, severity="Severe") for n in range(1, 5)]
    watcher = AlertWatcher(escalate_after=0, store=store, batch=2)
    assert aio.run(watcher.tick(now=now + 2)) == [dying.id, others[0].id]
    assert alert_of(aio, store, dying.id).escalation_level == 0
    assert aio.run(watcher.tick(now=now + 2)) == [others[1].id, others[2].id]
    assert aio.run(watcher.tick(now=now + 2)) == [others[3].id]


def test_the_service_escalates_to_the_supervisor_seat(aio: Any, seeded_store: Store) -> None:
    server = Server(seeded_store, port=0, services=[AlertWatcher(interval=0.05, escalate_after=0.2)])
    aio.run(server.start())
    try:

        async def scenario() -> Event:
            async with seats(server, "supervisor1") as (supervisor,):
                raised: am.AlertRaised = await supervisor.client.request(
                    "alert.raise", am.RaiseAlert(event="火灾", headline="青山村山林起火", severity="Extreme")
                )
                return await supervisor.wait_for(
                    lambda e: (
                        e.type == "alert.updated"
                        and e.payload.alert.id == raised.alert.id
                        and e.payload.alert.escalation_level == 1
                    )
                )

        escalated = aio.run(scenario())
        assert escalated.payload.alert.state == "active" and escalated.payload.alert.escalated_at is not None
    finally:
        aio.run(server.close())


def test_options_build_the_services() -> None:
    parser = argparse.ArgumentParser()
    options.add_arguments(parser)
    default = options.build(parser.parse_args([]))
    assert len(default) == 1 and isinstance(default[0], AlertWatcher)
    assert (default[0].interval, default[0].escalate_after) == (1.0, 120.0)
    args = parser.parse_args(
        [
            "--alert-escalate-after",
            "30",
            "--cap-feed",
            "a.xml",
            "--cap-feed",
            "http://x/feed",
            "--cap-feed-interval",
            "5",
        ]
    )
    watcher, poller = options.build(args)
    assert isinstance(watcher, AlertWatcher) and watcher.escalate_after == 30
    assert (
        isinstance(poller, CapFeedPoller)
        and poller.sources == ["a.xml", "http://x/feed"]
        and poller.interval == 5
    )
