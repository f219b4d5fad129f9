"""Calls and operator states as seats see them, read from their rows, and the checks of request fields."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import msgspec
import sqlalchemy as sa

from backend import schema
from backend.events import StoredEvent
from client_api.calls_messages import OPEN_CALL_STATES, Call, OperatorState
from client_api.errors import ErrorCode, ProtocolError

if TYPE_CHECKING:
    from backend.store import Store

T = TypeVar("T")

calls = schema.calls
states = schema.operator_states

# Reasons of the busy state: the call center reads them back (a ringing seat has a ring deadline).
RINGING = "ringing"
ON_CALL = "on call"

MAX_ID = 2**31 - 1  # calls.id is a 32-bit integer on PostgreSQL
MAX_REASON = 64  # operator_states.reason
MAX_SEAT_ID = 64  # calls.offered_to
MAX_OPENING = 2000
# Digits with an optional leading + and dashes or spaces between groups: 13812345678, 0512-66010003.
_PHONE = re.compile(r"\+?[0-9][0-9 \-]{1,30}[0-9]")


def invalid(field: str, message: str, **details: object) -> ProtocolError:
    return ProtocolError(ErrorCode.INVALID_FIELD, message, {"field": field, **details})


def checked_phone(value: str, field: str) -> str:
    """``value`` trimmed, or invalid_field when it is not a phone number."""
    phone = value.strip()
    if not _PHONE.fullmatch(phone):
        raise invalid(field, f"{phone!r} is not a phone number (digits, + and - only, 3 to 32 characters)")
    return phone


def checked_call_id(call_id: int) -> int:
    if not 1 <= call_id <= MAX_ID:
        raise ProtocolError(ErrorCode.NOT_FOUND, f"no call with id {call_id}", {"field": "call_id"})
    return call_id


def call_from_row(row: sa.Row[Any]) -> Call:
    return msgspec.convert({field: getattr(row, field) for field in Call.__struct_fields__}, Call)


def load_call(conn: sa.Connection, call_id: int) -> Call:
    """The call, or not_found naming ``call_id``."""
    row = conn.execute(sa.select(calls).where(calls.c.id == checked_call_id(call_id))).first()
    if row is None:
        raise ProtocolError(ErrorCode.NOT_FOUND, f"no call with id {call_id}", {"field": "call_id"})
    return call_from_row(row)


def open_calls(conn: sa.Connection) -> list[Call]:
    query = (
        sa.select(calls).where(calls.c.state.in_(OPEN_CALL_STATES)).order_by(calls.c.queued_at, calls.c.id)
    )
    return [call_from_row(row) for row in conn.execute(query)]


def _operator_query() -> sa.Select[Any]:
    return sa.select(states, schema.accounts.c.display_name).outerjoin(
        schema.accounts, schema.accounts.c.username == states.c.username
    )


def _operator_from_row(row: sa.Row[Any]) -> OperatorState:
    return OperatorState(
        username=row.username,
        state=row.state,
        since=row.since,
        seat_id=row.seat_id,
        reason=row.reason,
        display_name=row.display_name,
    )


def load_operator(conn: sa.Connection, username: str) -> OperatorState | None:
    row = conn.execute(_operator_query().where(states.c.username == username)).first()
    return None if row is None else _operator_from_row(row)


def all_operators(conn: sa.Connection) -> list[OperatorState]:
    return [_operator_from_row(row) for row in conn.execute(_operator_query().order_by(states.c.username))]


def operators_where(conn: sa.Connection, *where: sa.ColumnElement[bool]) -> list[OperatorState]:
    """Operators matching ``where``, longest in their state first."""
    query = _operator_query().where(*where).order_by(states.c.since, states.c.username)
    return [_operator_from_row(row) for row in conn.execute(query)]


Change = tuple[T, list[StoredEvent]]


async def run_write(store: Store, fn: Callable[..., Change[T]], *args: Any) -> Change[T]:
    """``store.run_write_events``: the call center needs the events to know when the KPIs changed."""
    return await store.run_write_events(fn, *args)
