"""Event retention (SQLite and PostgreSQL): events older than the window and old command keys are
pruned, newer ones (and always the newest event) kept; a seat away longer than the history gets
``resync.required`` and then a full snapshot."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
import sqlalchemy as sa

from backend import schema
from backend.reliability.idempotency import KEEP_KEYS_S
from backend.reliability.retention import Pruned, Retention
from backend.seed import seed_demo
from backend.server import Server
from backend.store import Store
from client_api.client import SeatClient
from tests.backend.wire import CATEGORY, log_in

DAY = 86400.0


def seqs(engine: sa.Engine) -> list[int]:
    with engine.connect() as conn:
        return list(conn.execute(sa.select(schema.events.c.seq).order_by(schema.events.c.seq)).scalars())


def age_events(engine: sa.Engine, up_to_seq: int, ts: float) -> None:
    with engine.begin() as conn:
        conn.execute(sa.update(schema.events).where(schema.events.c.seq <= up_to_seq).values(ts=ts))


def test_old_events_and_keys_are_pruned(aio: Any, seeded_store: Store, sync_engine: sa.Engine) -> None:
    with pytest.raises(ValueError, match="at least 24 hours"):
        Retention(23 * 3600)
    retention = Retention(2 * DAY, store=seeded_store)
    now = time.time()
    with sync_engine.begin() as conn:
        for _ in range(6):
            conn.execute(sa.insert(schema.events).values(type="test.event", ts=now, payload="{}"))
        conn.execute(
            sa.insert(schema.applied_commands),
            [
                {
                    "username": "operator1",
                    "key": "old",
                    "type": "case.create",
                    "applied_at": now - KEEP_KEYS_S - 1,
                },
                {"username": "operator1", "key": "new", "type": "case.create", "applied_at": now},
            ],
        )
    all_seqs = seqs(sync_engine)
    age_events(sync_engine, all_seqs[2], now - 3 * DAY)  # the first three are older than two days
    assert aio.run(retention.tick(now)) == Pruned(events=3, keys=1)
    assert seqs(sync_engine) == all_seqs[3:]
    age_events(sync_engine, all_seqs[-1], now - 3 * DAY)  # everything old: the newest event stays
    assert aio.run(retention.tick(now)) == Pruned(events=2, keys=0)
    assert seqs(sync_engine) == all_seqs[-1:]
    with sync_engine.connect() as conn:
        assert list(conn.execute(sa.select(schema.applied_commands.c.key)).scalars()) == ["new"]


def test_a_seat_away_longer_than_the_history_gets_a_snapshot(
    aio: Any, db_url: str, fast_seed: None, sync_engine: sa.Engine
) -> None:
    store = aio.run(Store.open(db_url))
    server = Server(store, port=0)
    retention = Retention(DAY, store=store)

    reasons: list[str | None] = []

    async def scenario() -> tuple[int, int, int, int]:
        await seed_demo(store)
        await server.start()
        away, busy = SeatClient(server.url, backoff=(0.05,)), SeatClient(server.url)
        snapshots: list[int] = []
        away.add_snapshot_listener(lambda snapshot: snapshots.append(snapshot.last_seq))
        away.add_snapshot_listener(lambda _snapshot: reasons.append(away.resync_reason))
        try:
            await log_in(away, "R1")
            await log_in(busy, "R2", username="operator2")
            await busy.create_case(CATEGORY, "滨江路 0 号", "离开前看到的工单")
            for _ in range(200):  # the seat has events: it will resume from a sequence number, not afresh
                if away.last_seq > 0:
                    break
                await asyncio.sleep(0.025)
            assert away.last_seq > 0
            await away.close()  # the seat is away
            for i in range(3):
                await busy.create_case(CATEGORY, f"滨江路 {i} 号", "离线期间的工单")
            last = (await busy.status()).last_seq
            age_events(sync_engine, last - 1, time.time() - 2 * DAY)
            pruned = await retention.tick()
            away.start()  # back after the history it needs was pruned
            for _ in range(400):
                if len(snapshots) == 2 and away.last_seq == last:
                    break
                await asyncio.sleep(0.025)
            return len(snapshots), away.last_seq, last, pruned.events
        finally:
            await away.close()
            await busy.close()
            await server.close()
            await store.close()

    count, seat_seq, last, pruned = aio.run(scenario(), timeout=30)
    assert pruned > 0
    assert count == 2 and seat_seq == last
    assert reasons == [None, "history_unavailable"]  # the seat knows why it got a full snapshot (it says so)
