"""Reading the stored presets, wall rules and cameras (the writers are presets.py, rules.py,
cameras.py)."""

from __future__ import annotations

import msgspec
import sqlalchemy as sa

from backend import schema
from backend.wall import checks
from client_api import wall_messages as wm

_LAYOUTS = msgspec.json.Decoder(list[wm.Layout])
_RULE = msgspec.json.Decoder(wm.WallRule)


def list_presets(conn: sa.Connection) -> list[wm.Preset]:
    table = schema.wall_presets
    return [
        wm.Preset(
            name=r.name,
            scope=r.scope,
            layouts=_LAYOUTS.decode(r.layouts),
            updated_by=r.updated_by,
            updated_at=r.updated_at,
        )
        for r in conn.execute(sa.select(table).order_by(table.c.name))
    ]


def find_preset(conn: sa.Connection, name: str, field: str = "name") -> wm.Preset:
    for preset in list_presets(conn):
        if preset.name == name:
            return preset
    raise checks.not_found(field, f"there is no preset {name!r}")


def list_rules(conn: sa.Connection) -> list[wm.WallRule]:
    table = schema.wall_rules
    return [_RULE.decode(r.rule) for r in conn.execute(sa.select(table).order_by(table.c.name))]


def list_cameras(conn: sa.Connection) -> list[wm.Camera]:
    table = schema.cameras
    return [
        wm.Camera(
            id=r.id, name=r.name, group=r.group_name, lat=r.lat, lon=r.lon, url=r.url, grid_code=r.grid_code
        )
        for r in conn.execute(sa.select(table).order_by(table.c.id))
    ]
