"""Login lockout over the wire (SQLite and PostgreSQL): five wrong passwords lock an account for ten
minutes, even against the right password; it opens again when the time passes or an administrator resets
the password; a disabled account is refused; an unknown name is just bad credentials."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from websockets.asyncio.client import connect

from backend import schema
from backend.passwords import hash_password
from backend.security.accounts import LOCK_SECONDS, MAX_FAILURES, reset_password
from backend.seed import seed_demo
from backend.server import Server
from backend.store import Store
from tests.backend.wire import call, hello

accounts = schema.accounts


@pytest.fixture
def live(aio: Any, db_url: str, fast_seed: None) -> Iterator[Server]:
    store = aio.run(Store.open(db_url))
    server = Server(store, port=0)
    aio.run(seed_demo(store))
    aio.run(server.start())
    try:
        yield server
    finally:
        aio.run(server.close())
        aio.run(store.close())


def logins(aio: Any, server: Server, attempts: list[tuple[str, str]]) -> list[str]:
    """The outcome of each (username, password) login: "ok" or the error code."""

    async def scenario() -> list[str]:
        codes: list[str] = []
        async with connect(server.url) as ws:
            await hello(ws)
            for username, password in attempts:
                reply = await call(ws, "login", {"username": username, "password": password, "seat_id": "L1"})
                codes.append("ok" if reply["kind"] == "res" else reply["payload"]["code"])
                if reply["kind"] == "err":
                    assert reply["payload"]["message"].strip()
        return codes

    return aio.run(scenario())


def row(engine: sa.Engine, username: str) -> Any:
    with engine.connect() as conn:
        return conn.execute(sa.select(accounts).where(accounts.c.username == username)).one()


def test_five_failures_lock_until_the_time_passes(aio: Any, live: Server, sync_engine: sa.Engine) -> None:
    wrong = [("operator1", "wrong")] * MAX_FAILURES
    codes = logins(aio, live, [*wrong, ("operator1", "demo"), ("operator2", "demo")])
    assert codes == ["bad_credentials"] * (MAX_FAILURES - 1) + ["locked", "locked", "ok"]
    locked_until = row(sync_engine, "operator1").locked_until
    assert locked_until == pytest.approx(time.time() + LOCK_SECONDS, abs=60)
    with sync_engine.begin() as conn:  # ten minutes later
        conn.execute(sa.update(accounts).where(accounts.c.username == "operator1").values(locked_until=1.0))
    assert logins(aio, live, [("operator1", "demo")]) == ["ok"]
    after = row(sync_engine, "operator1")
    assert (after.failed_logins, after.locked_until) == (0, None)


def test_success_resets_the_count(aio: Any, live: Server, sync_engine: sa.Engine) -> None:
    few = [("operator1", "wrong")] * (MAX_FAILURES - 1)
    codes = logins(aio, live, [*few, ("operator1", "demo"), *few])
    assert codes == ["bad_credentials"] * (MAX_FAILURES - 1) + ["ok"] + ["bad_credentials"] * (
        MAX_FAILURES - 1
    )
    assert row(sync_engine, "operator1").failed_logins == MAX_FAILURES - 1


def test_reset_password_unlocks(aio: Any, live: Server, sync_engine: sa.Engine) -> None:
    assert logins(aio, live, [("operator1", "wrong")] * MAX_FAILURES)[-1] == "locked"
    with sync_engine.begin() as conn:  # what ``command-seat-server reset-password`` does
        reset_password(conn, "operator1", hash_password("new-secret-1"))
    assert logins(aio, live, [("operator1", "demo"), ("operator1", "new-secret-1")]) == [
        "bad_credentials",
        "ok",
    ]


def test_disabled_and_unknown_accounts(aio: Any, live: Server, sync_engine: sa.Engine) -> None:
    with sync_engine.begin() as conn:  # as the first production start does to a default password
        conn.execute(sa.update(accounts).where(accounts.c.username == "operator2").values(disabled=True))
    codes = logins(aio, live, [("operator2", "demo"), ("nobody", "demo"), ("nobody", "demo")])
    assert codes == ["locked", "bad_credentials", "bad_credentials"]
