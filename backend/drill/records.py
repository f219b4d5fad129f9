"""Drills in the database: each run's latest DrillState as JSON in ``drills``, and the checks of a start
request against the accounts. Sync functions for ``store.run_write`` and ``store.read``."""

from __future__ import annotations

from typing import Any

import msgspec
import sqlalchemy as sa

from backend import schema
from backend.events import StoredEvent, append_event
from client_api.drill_messages import DrillState
from client_api.errors import ErrorCode, ProtocolError

drills = schema.drills
OPEN_STATES = ("running", "paused")
_STATE = msgspec.json.Decoder(DrillState)


def invalid(field: str, message: str) -> ProtocolError:
    return ProtocolError(ErrorCode.INVALID_FIELD, message, {"field": field})


def not_found(field: str, message: str) -> ProtocolError:
    return ProtocolError(ErrorCode.NOT_FOUND, message, {"field": field})


def insert_drill(conn: sa.Connection, state: DrillState, now: float) -> tuple[DrillState, list[StoredEvent]]:
    """Store a new drill (``state.id`` is ignored: the database numbers it) and announce drill.started."""
    drill_id = conn.execute(
        sa.insert(drills)
        .values(scenario_id=state.scenario_id, state=state.state, started_at=state.started_at, record="")
        .returning(drills.c.id)
    ).scalar_one()
    stored = msgspec.structs.replace(state, id=int(drill_id))
    conn.execute(sa.update(drills).where(drills.c.id == drill_id).values(record=_json(stored)))
    return stored, [append_event(conn, "drill.started", stored, now)]


def save_state(
    conn: sa.Connection, state: DrillState, announce: bool, now: float
) -> tuple[DrillState, list[StoredEvent]]:
    """Keep ``state`` as the drill's latest; ``announce`` also sends drill.state."""
    conn.execute(
        sa.update(drills).where(drills.c.id == state.id).values(state=state.state, record=_json(state))
    )
    return state, [append_event(conn, "drill.state", state, now)] if announce else []


def load_drill(conn: sa.Connection, drill_id: int) -> DrillState:
    record = conn.execute(sa.select(drills.c.record).where(drills.c.id == drill_id)).scalar()
    if record is None:
        raise not_found("drill_id", f"there is no drill {drill_id}")
    return _STATE.decode(record)


def open_drills(conn: sa.Connection) -> list[DrillState]:
    """Drills left running or paused (by a backend that stopped in the middle of one)."""
    query = sa.select(drills.c.record).where(drills.c.state.in_(OPEN_STATES)).order_by(drills.c.id)
    return [_STATE.decode(r) for r in conn.execute(query).scalars()]


def list_drills(conn: sa.Connection, limit: int) -> list[DrillState]:
    """The newest drills first."""
    query = sa.select(drills.c.record).order_by(drills.c.id.desc()).limit(limit)
    return [_STATE.decode(r) for r in conn.execute(query).scalars()]


def account_problems(conn: sa.Connection, usernames: list[str]) -> dict[str, str]:
    """Why each of ``usernames`` cannot take a seat in a drill (unknown, disabled, a trainer), by name."""
    accounts = schema.accounts
    rows = conn.execute(
        sa.select(accounts.c.username, accounts.c.role, accounts.c.disabled).where(
            accounts.c.username.in_(usernames)
        )
    ).all()
    found: dict[str, Any] = {r.username: r for r in rows}
    problems = {}
    for name in usernames:
        row = found.get(name)
        if row is None:
            problems[name] = f"there is no account {name!r}"
        elif row.disabled:
            problems[name] = f"the account {name!r} is disabled"
    return problems


def display_names(conn: sa.Connection) -> dict[str, str]:
    """Names the scoring and the log use: categories, departments and areas by code, accounts by name."""
    names: dict[str, str] = {}
    for table in (schema.areas, schema.departments, schema.categories):
        names.update({r.code: r.name for r in conn.execute(sa.select(table.c.code, table.c.name))})
    accounts = schema.accounts
    for row in conn.execute(sa.select(accounts.c.username, accounts.c.display_name)):
        names[row.username] = row.display_name
    return names


def _json(state: DrillState) -> str:
    return msgspec.json.encode(state).decode()
