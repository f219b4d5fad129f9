"""A request's scope: what every write its handler makes carries along — the command's idempotency key
and its audit record — so that both land in the very transaction that applies the command.

The server sets ``current_scope`` while a handler runs; ``Store.run_write_events`` reads it (in the
handler's task, since the write itself runs on a worker thread that does not see context variables)
and runs ``with_scope`` inside the transaction. The scope is closed when the handler returns, so a task
the handler started (a timer, say) does not write on the command's behalf later.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import sqlalchemy as sa

from backend.reliability.idempotency import Command, record
from backend.security.audit import AuditEntry, append

T = TypeVar("T")


@dataclass
class RequestScope:
    """Attributes: command, the idempotency key to record (None: no key, or a read); audit, the
    record written with the first write (outcome ok); audited once it was; open while the handler runs."""

    command: Command | None = None
    audit: AuditEntry | None = None
    audited: bool = False
    open: bool = True

    def saved(self) -> tuple[bool, bool]:
        return (self.command.recorded if self.command else False), self.audited

    def restore(self, state: tuple[bool, bool]) -> None:
        """Undo what a transaction that rolled back had noted."""
        if self.command is not None:
            self.command.recorded = state[0]
        self.audited = state[1]


current_scope: contextvars.ContextVar[RequestScope | None] = contextvars.ContextVar(
    "current_scope", default=None
)


def active_scope() -> RequestScope | None:
    scope = current_scope.get()
    return scope if scope is not None and scope.open else None


def with_scope(conn: sa.Connection, scope: RequestScope, fn: Callable[..., T], *args: Any) -> T:
    """Record the key (refusing a repeat) and the audit record, then run ``fn(conn, *args)``."""
    if scope.command is not None:
        record(conn, scope.command)
    if scope.audit is not None and not scope.audited:
        append(conn, scope.audit)
        scope.audited = True
    return fn(conn, *args)
