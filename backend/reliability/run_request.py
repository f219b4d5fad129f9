"""Run one request's handler with its idempotency key and its audit record (see request_scope.py).

A logged-in command with a key is looked up first: applied before with a kept answer, the repeat gets
that answer (same type, new request id) and nothing runs; applied before without one (the backend died
between commit and answer), it gets ``already_applied``. Otherwise the handler runs in a scope, and
afterwards one small write keeps the answer (and audits a command that wrote nothing) before the seat
is answered. Reads, and login/logout, simply run: a key on them means nothing.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

import msgspec
import sqlalchemy as sa

from backend.peer import Peer
from backend.reliability.idempotency import Command, check_key, first_answer, keep_answer, record
from backend.reliability.request_scope import RequestScope, current_scope
from backend.security.audit import append
from backend.security.audit_trail import audited, entry
from client_api.errors import ErrorCode, ProtocolError

if TYPE_CHECKING:
    from backend.handlers import Handler
    from backend.server import Server

SESSION = frozenset({"login", "logout"})


def repeated(type_: str, found: tuple[str, str | None]) -> msgspec.Raw:
    """The first answer to a repeated key, or ``already_applied`` when it was lost."""
    first_type, answer = found
    if first_type != type_:
        raise ProtocolError(
            ErrorCode.ALREADY_APPLIED, f"this key was used for {first_type!r} before, not {type_!r}"
        )
    if answer is None:
        raise ProtocolError(ErrorCode.ALREADY_APPLIED, "this command was applied before; reload to see it")
    return msgspec.Raw(answer.encode())


async def run_request(
    server: Server, peer: Peer, type_: str, payload: Any, key: str | None, handler: Handler
) -> msgspec.Struct | msgspec.Raw:
    store = server.store
    operator = peer.operator
    command: Command | None = None
    if key is not None:
        check_key(key)
        if operator is not None and audited(type_) and type_ not in SESSION:
            found = await store.read(first_answer, operator.username, key)
            if found is not None:
                return repeated(type_, found)
            command = Command(operator.username, key, type_)
    audit = entry(peer, type_, "ok", payload) if operator is not None and audited(type_) else None
    scope = RequestScope(command, None if type_ == "login" else audit)
    token = current_scope.set(scope)
    try:
        result = await handler(server, peer, payload)
    finally:
        current_scope.reset(token)
        scope.open = False
    if type_ == "login":
        scope.audit = entry(peer, "login", "ok")
    await settle(server, scope, result)
    return result


async def settle(server: Server, scope: RequestScope, result: msgspec.Struct) -> None:
    """Keep the answer of a keyed command, and audit a command none of whose writes did."""
    command = scope.command
    audit = scope.audit if not scope.audited else None
    if command is None and audit is None:
        return
    answer = msgspec.json.encode(result).decode() if command is not None else None

    def write(conn: sa.Connection) -> tuple[None, list[Any]]:
        if command is not None and answer is not None:
            if not command.recorded:  # a command that changed nothing in the database
                with contextlib.suppress(ProtocolError):  # another delivery of the key got there first
                    record(conn, command)
            if command.recorded:
                keep_answer(conn, command, answer)
        if audit is not None:
            append(conn, audit)
        return None, []

    await server.store.run_write(write)
