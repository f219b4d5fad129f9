"""``command-seat-server --db postgresql+psycopg://…`` as a real process: migrate, seed, serve seats."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from app.bundled_backend import BundledBackend
from client_api.client import SeatClient
from tests.backend.wire import log_in

pytestmark = pytest.mark.postgres


def test_server_process_on_postgresql_serves_two_seats(aio: Any, tmp_path: Path, pg_url: str) -> None:
    backend = BundledBackend(tmp_path / "pg-server", db_url=pg_url, seed_demo=True)
    backend.start()
    try:

        async def scenario() -> tuple[str, list[str], str]:
            creator, watcher = SeatClient(backend.url), SeatClient(backend.url)
            seen: list[str] = []
            watcher.add_event_listener(
                lambda e: seen.append(e.payload.case.case_no) if e.type == "case.created" else None
            )
            try:
                await log_in(creator, "P1")
                await log_in(watcher, "P2", username="operator2")
                case = await creator.create_case("E0502", "滨江路88号", "水管爆裂")
                for _ in range(100):
                    if seen:
                        break
                    await asyncio.sleep(0.05)
                status = await watcher.status()
                return status.database, seen, case.case_no
            finally:
                await creator.close()
                await watcher.close()

        database, seen, case_no = aio.run(scenario())
    finally:
        backend.stop()
    assert database == "postgresql"
    assert seen == [case_no]
    assert case_no.endswith("000001")
