"""Engine creation: the SQLite pragmas that keep acknowledged commands, and the default URL."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import platformdirs
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

APP_NAME = "command-seat"


def data_dir() -> Path:
    """The platform data dir (overridable with COMMAND_SEAT_DATA_DIR, which tests always set)."""
    override = os.environ.get("COMMAND_SEAT_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_url() -> str:
    return f"sqlite+aiosqlite:///{data_dir() / 'seat.sqlite3'}"


def normalise_url(url: str) -> str:
    """Accept plain driver names and pick the async driver for them."""
    if url.startswith("sqlite:///"):
        return "sqlite+aiosqlite:///" + url.removeprefix("sqlite:///")
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # WAL lets seats read while a command commits; synchronous=FULL fsyncs the WAL on every commit,
    # so a command we acknowledged survives power loss (NORMAL could lose the last commits).
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def create_engine(url: str) -> AsyncEngine:
    url = normalise_url(url)
    engine = create_async_engine(url, pool_pre_ping=not url.startswith("sqlite"))
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine.sync_engine, "connect", sqlite_pragmas)
        db_path = sa.make_url(url).database
        if db_path and db_path != ":memory:":
            Path(db_path).parent.mkdir(parents=True, exist_ok=True)
    return engine
