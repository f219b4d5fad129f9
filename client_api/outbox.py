"""The seat's outbox: commands the operator submitted, kept on disk until the backend has applied them.

A command is written here first (SQLite in the seat's data dir, synchronous=FULL), then sent with its
idempotency key; it stays ``waiting`` while the link is down and is sent again, in order, when the link
returns. The backend applies a key once, so a command is never lost and never applied twice. A command
the backend refuses on replay (the case changed meanwhile) becomes a ``conflict`` for the operator.
"""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

STATES = ("waiting", "sent", "conflict", "dismissed")
KEEP_SENT_S = 7 * 86400  # sent commands are kept a week, for the operator's record

_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    payload BLOB NOT NULL,
    summary TEXT NOT NULL,
    created_at REAL NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    response BLOB,
    error_code TEXT,
    error TEXT,
    done_at REAL
)
"""


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    id: int
    key: str
    type: str
    payload: bytes  # the request payload as JSON
    summary: str  # what the operator did, in their words (shown in the outbox list)
    created_at: float
    state: str
    attempts: int = 0
    response: bytes | None = None
    error_code: str | None = None
    error: str | None = None


class Outbox:
    """Thread-safe; every change is committed before the method returns."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def add(self, type_: str, payload: bytes, summary: str) -> OutboxEntry:
        key = uuid.uuid4().hex
        now = time.time()
        with self._lock:
            cur = self._db.execute(
                "INSERT INTO outbox (key, type, payload, summary, created_at, state) VALUES (?,?,?,?,?,?)",
                (key, type_, payload, summary, now, "waiting"),
            )
            assert cur.lastrowid is not None
            return OutboxEntry(cur.lastrowid, key, type_, payload, summary, now, "waiting")

    def waiting(self) -> list[OutboxEntry]:
        """Waiting commands in the order they were submitted."""
        return self._select("WHERE state = 'waiting' ORDER BY id")

    def entries(self, limit: int = 200) -> list[OutboxEntry]:
        """The newest entries, for the operator's outbox list."""
        return self._select("ORDER BY id DESC LIMIT ?", (limit,))

    def get(self, key: str) -> OutboxEntry | None:
        found = self._select("WHERE key = ?", (key,))
        return found[0] if found else None

    def attempted(self, key: str) -> None:
        self._update(key, "attempts = attempts + 1")

    def sent(self, key: str, response: bytes) -> None:
        self._update(key, "state = 'sent', response = ?, done_at = ?", response, time.time())

    def conflict(self, key: str, code: str, message: str) -> None:
        self._update(
            key, "state = 'conflict', error_code = ?, error = ?, done_at = ?", code, message, time.time()
        )

    def dismiss(self, key: str) -> None:
        """The operator has seen a conflict and dealt with it."""
        self._update(key, "state = 'dismissed'")

    def prune(self, now: float | None = None) -> int:
        cutoff = (now or time.time()) - KEEP_SENT_S
        with self._lock:
            cur = self._db.execute(
                "DELETE FROM outbox WHERE state IN ('sent','dismissed') AND done_at < ?", (cutoff,)
            )
            return cur.rowcount

    def _update(self, key: str, assignments: str, *values: object) -> None:
        with self._lock:
            self._db.execute(f"UPDATE outbox SET {assignments} WHERE key = ?", (*values, key))

    def _select(self, tail: str, params: tuple[object, ...] = ()) -> list[OutboxEntry]:
        columns = "id, key, type, payload, summary, created_at, state, attempts, response, error_code, error"
        with self._lock:
            rows = self._db.execute(f"SELECT {columns} FROM outbox {tail}", params).fetchall()
        return [OutboxEntry(*row) for row in rows]
