"""Fixtures of the backend tests: database URLs for both dialects, stores, an in-process server."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from backend.passwords import hash_password
from backend.seed import seed_demo
from backend.server import Server
from backend.store import Store


@functools.cache
def _cached_hash(password: str) -> str:
    return hash_password(password)


@pytest.fixture
def fast_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Seeding hashes each distinct demo password once per session (all accounts share one).

    This keeps argon2 from dominating the runtime; the stored hashes are still real argon2 hashes,
    and logging in still verifies them.
    """
    monkeypatch.setattr("backend.seed.hash_password", _cached_hash)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL to an empty database: a SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/x.sqlite3"
    url: str = request.getfixturevalue("pg_url")
    return url


@pytest.fixture
def store(aio: Any, db_url: str, fast_seed: None) -> Iterator[Store]:
    """An opened (migrated) store on an empty database, without the demo data."""
    opened = aio.run(Store.open(db_url))
    try:
        yield opened
    finally:
        aio.run(opened.close())


@pytest.fixture
def seeded_store(aio: Any, store: Store) -> Store:
    assert aio.run(seed_demo(store)) is True
    return store


@pytest.fixture
def server(aio: Any, tmp_path: Path, fast_seed: None) -> Iterator[Server]:
    """A started in-process server on a seeded SQLite file."""
    db = aio.run(Store.open(f"sqlite:///{tmp_path}/server.sqlite3"))
    srv = Server(db, port=0)
    try:
        assert aio.run(seed_demo(db)) is True
        aio.run(srv.start())
        yield srv
    finally:
        aio.run(srv.close())
        aio.run(db.close())


@pytest.fixture
def sync_engine(db_url: str) -> Iterator[sa.Engine]:
    """A second, synchronous engine on the same database: sees only what was committed."""
    engine = sa.create_engine(db_url)
    try:
        yield engine
    finally:
        engine.dispose()
