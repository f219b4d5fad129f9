"""SIGKILL during a stream of commands: every command the backend acknowledged is in the database after
the restart, on SQLite and on PostgreSQL.

``COMMAND_SEAT_FAULT_KILLS`` sets how many kills (8 here; the issue's run is 100). A seat keeps a few
case.create requests in flight; the backend process is killed at a random moment, started again on the
same port and database, and the acknowledged descriptions are looked up.
"""

from __future__ import annotations

import asyncio
import os
import random
import time
from collections import Counter
from pathlib import Path

import pytest

from app.bundled_backend import BundledBackend
from client_api.client import SeatClient
from client_api.errors import NotConnected, RequestTimeout
from tests.backend.wire import log_in
from tests.fault.ledger import count_applied
from tests.fault.own_loop import run_in_own_loop

KILLS = int(os.environ.get("COMMAND_SEAT_FAULT_KILLS", "8"))
IN_FLIGHT = 4
PREFIX = "kill stream "
BUDGET_S = max(100.0, KILLS * 8.0)  # the suite keeps to its 120 s per test


class Stream:
    """``IN_FLIGHT`` workers creating cases with unique descriptions through one seat; a description is
    ``acknowledged`` once its ``res`` arrived."""

    def __init__(self, client: SeatClient) -> None:
        self.client = client
        self.acknowledged: list[str] = []
        self.unanswered = 0  # in flight when the backend died: may or may not be applied
        self._numbers = iter(range(10**9))

    async def worker(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            description = f"{PREFIX}{next(self._numbers)}"
            try:
                await self.client.create_case("E0101", "滨江路1号", description)
            except (NotConnected, RequestTimeout):
                self.unanswered += 1
                await self.client.wait_connected(30)
                continue
            self.acknowledged.append(description)


async def kill_repeatedly(
    backend: BundledBackend, stream: Stream, db: str, rng: random.Random, workers: list[asyncio.Task[None]]
) -> int:
    """Kill and restart ``KILLS`` times; after each restart, return early with the first missing count."""
    for _ in range(KILLS):
        await stream.client.wait_connected(30)
        before = len(stream.acknowledged)
        while len(stream.acknowledged) == before:  # at least one command since the restart
            if any(worker.done() for worker in workers):
                await asyncio.gather(*workers)  # a worker failed: raise what it raised
            await asyncio.sleep(0.01)
        await asyncio.sleep(rng.uniform(0.0, 0.5))
        backend.kill()
        acknowledged = list(stream.acknowledged)
        await backend.start_async()
        found = await asyncio.to_thread(count_applied, db, PREFIX)  # not blocking the seat
        missing = [d for d in acknowledged if found[(d, "created")] != 1]
        if missing:
            return len(missing)
    return 0


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def kill_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgres":
        url: str = request.getfixturevalue("pg_url")
        return url
    return f"sqlite:///{tmp_path / 'kill.sqlite3'}"


@pytest.mark.timeout(max(120.0, BUDGET_S + 20))
def test_every_acknowledged_command_survives_sigkill(tmp_path: Path, kill_db: str) -> None:
    backend = BundledBackend(tmp_path / "server-data", db_url=kill_db)
    backend.start()
    streams: list[Stream] = []

    async def scenario() -> tuple[int, float]:
        client = SeatClient(backend.url, backoff=(0.05, 0.1, 0.2))
        stream, stop = Stream(client), asyncio.Event()
        streams.append(stream)
        try:
            await log_in(client, "fault-kill", username="operator1")
            workers = [asyncio.create_task(stream.worker(stop)) for _ in range(IN_FLIGHT)]
            started = time.perf_counter()
            try:
                missing = await kill_repeatedly(backend, stream, kill_db, random.Random(7), workers)
            finally:
                stop.set()
                await asyncio.gather(*workers)
            return missing, time.perf_counter() - started
        finally:
            await client.close()

    try:
        missing, elapsed = run_in_own_loop(scenario, BUDGET_S)
    finally:
        backend.stop()
    stream = streams[0]
    found: Counter[tuple[str, str]] = count_applied(kill_db, PREFIX)
    present = sum(1 for d in stream.acknowledged if found[(d, "created")] == 1)
    print(
        f"\nKILL db={kill_db.split(':')[0]} kills={KILLS} acknowledged={len(stream.acknowledged)} "
        f"present={present} unanswered={stream.unanswered} in_database={sum(found.values())} "
        f"time={elapsed:.1f}s"
    )
    assert missing == 0
    assert present == len(stream.acknowledged)
    assert all(n == 1 for n in found.values())
