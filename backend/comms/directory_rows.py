"""Directory entries as the radio, messages and video sessions see them: the rows of the ``directory``
table (JSON DirectoryEntry records, seeded with --seed-demo), read in the caller's transaction, and
where an entry is on the map (its grid, else its town, else the district: entries carry no position)."""

from __future__ import annotations

import functools
from collections.abc import Iterable

import msgspec
import sqlalchemy as sa

from backend import schema
from backend.intake.areas import Grid, grid_map
from client_api.comms_messages import DirectoryEntry
from client_api.errors import ErrorCode, ProtocolError

_DECODE = msgspec.json.Decoder(DirectoryEntry)


def all_entries(conn: sa.Connection) -> list[DirectoryEntry]:
    """Every entry, by id."""
    rows = conn.execute(sa.select(schema.directory.c.record).order_by(schema.directory.c.id)).scalars()
    return [_DECODE.decode(record) for record in rows]


def entries_by_id(conn: sa.Connection, ids: Iterable[str]) -> dict[str, DirectoryEntry]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    query = sa.select(schema.directory.c.record).where(schema.directory.c.id.in_(wanted))
    entries = (_DECODE.decode(record) for record in conn.execute(query).scalars())
    return {e.id: e for e in entries}


def require_entry(conn: sa.Connection, entry_id: str, field: str) -> DirectoryEntry:
    """The entry, or not_found naming ``field``."""
    entry = entries_by_id(conn, [entry_id]).get(entry_id)
    if entry is None:
        raise ProtocolError(
            ErrorCode.NOT_FOUND, f"there is no directory entry {entry_id!r}", {"field": field}
        )
    return entry


def who(entry: DirectoryEntry) -> str:
    """How a refusal or a record names an entry: 王五 (unit-03)."""
    return f"{entry.name} ({entry.id})"


def position(entry: DirectoryEntry) -> tuple[float, float]:
    """(lat, lon): the middle of the entry's grid, else of its town, else of the district."""
    grids = grid_map().grids
    mine = [g for g in grids if g.codes.grid_code == entry.grid_code] if entry.grid_code else []
    if not mine and entry.town:
        mine = [g for g in grids if g.codes.town_code == entry.town]
    return _middle(tuple(mine)) if mine else district_centre()


@functools.cache
def district_centre() -> tuple[float, float]:
    return _middle(tuple(grid_map().grids))


def _middle(grids: tuple[Grid, ...]) -> tuple[float, float]:
    min_lon = min(g.bounds[0] for g in grids)
    min_lat = min(g.bounds[1] for g in grids)
    max_lon = max(g.bounds[2] for g in grids)
    max_lat = max(g.bounds[3] for g in grids)
    return round((min_lat + max_lat) / 2, 6), round((min_lon + max_lon) / 2, 6)
