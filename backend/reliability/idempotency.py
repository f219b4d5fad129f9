"""Commands applied exactly once: a command's idempotency key is recorded in the very transaction that
applies it, and its answer is kept, so a repeat (a seat resending after a dropped link) gets the first
answer and changes nothing.

The key travels in the request envelope (``key``). The server puts the ``Command`` in the request's scope
(backend/reliability/request_scope.py) while its handler runs; ``Store.run_write_events`` records the key
inside its transaction, under the store's write lock, so two deliveries of one key cannot both apply.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from backend import schema
from client_api.errors import ErrorCode, ProtocolError

KEEP_KEYS_S = 30 * 86400  # longer than any seat stays offline with commands in its outbox
MAX_KEY = 64

applied = schema.applied_commands


@dataclass
class Command:
    username: str
    key: str
    type: str
    recorded: bool = False  # set once a write transaction recorded the key


def check_key(key: str) -> None:
    if not (0 < len(key) <= MAX_KEY and key.isascii() and key.isprintable()):
        raise ProtocolError(
            ErrorCode.MALFORMED, f"an idempotency key is 1 to {MAX_KEY} printable ASCII characters"
        )


def record(conn: sa.Connection, command: Command) -> None:
    """Record the key in the caller's write transaction; refuse a key that was applied before."""
    if command.recorded:
        return  # a second write of the same command (one command, several transactions)
    found = conn.execute(
        sa.select(applied.c.key).where(applied.c.username == command.username, applied.c.key == command.key)
    ).first()
    if found is not None:
        raise ProtocolError(ErrorCode.ALREADY_APPLIED, "this command was applied before; reload to see it")
    conn.execute(
        sa.insert(applied).values(
            username=command.username, key=command.key, type=command.type, applied_at=time.time()
        )
    )
    command.recorded = True


def first_answer(conn: sa.Connection, username: str, key: str) -> tuple[str, str | None] | None:
    """(type, answer JSON or None) of an applied key, or None if the key is new."""
    row = conn.execute(
        sa.select(applied.c.type, applied.c.response).where(
            applied.c.username == username, applied.c.key == key
        )
    ).first()
    return None if row is None else (row.type, row.response)


def keep_answer(conn: sa.Connection, command: Command, response: str) -> tuple[None, list[Any]]:
    conn.execute(
        sa.update(applied)
        .where(applied.c.username == command.username, applied.c.key == command.key)
        .values(response=response)
    )
    return None, []


def prune(conn: sa.Connection, now: float) -> tuple[int, list[Any]]:
    done = conn.execute(sa.delete(applied).where(applied.c.applied_at < now - KEEP_KEYS_S))
    return done.rowcount, []
