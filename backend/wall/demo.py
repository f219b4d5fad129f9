"""The demo wall, cameras, presets and wall rules (resources/demo/cameras.json and wall.json), loaded
into a database once and checked as a seat's requests would be."""

from __future__ import annotations

import json
import logging
import time
from importlib import resources
from typing import TYPE_CHECKING, Any

import msgspec
import sqlalchemy as sa

from backend import schema
from backend.wall import cameras, checks, rules
from backend.wall.state import SYSTEM, WALL_ID
from client_api import wall_messages as wm
from client_api.errors import ProtocolError

if TYPE_CHECKING:
    from backend.events import StoredEvent
    from backend.store import Store

SEEDED = "wall_seeded"
log = logging.getLogger("backend.wall")


class DemoWall(msgspec.Struct, kw_only=True):
    wall: wm.ConfigureWall
    presets: list[wm.Preset]
    rules: list[wm.WallRule]


def load_demo() -> tuple[list[wm.Camera], DemoWall]:
    folder = resources.files("resources.demo")
    cams: dict[str, Any] = json.loads((folder / "cameras.json").read_text(encoding="utf-8"))
    wall = msgspec.json.decode((folder / "wall.json").read_bytes(), type=DemoWall)
    return msgspec.convert(cams["cameras"], list[wm.Camera]), wall


async def seed_wall(store: Store) -> bool:
    """Load the demo wall once per database (what a supervisor changes later stays); whether it did."""
    if await store.get_meta(SEEDED) == "1":
        return False
    cams, wall = load_demo()
    await store.run_write(insert_demo, cams, wall, time.time())
    return True


def insert_demo(
    conn: sa.Connection, cams: list[wm.Camera], demo: DemoWall, now: float
) -> tuple[None, list[StoredEvent]]:
    """Rows without events (nobody is connected while a database is seeded). What the database has
    already stays: a wall changed before, cameras, presets and rules of the same id or name; a demo rule
    that does not fit such a wall is left out."""
    known = set(conn.execute(sa.select(schema.cameras.c.id)).scalars())
    for camera in cams:
        if camera.id not in known:
            cameras.insert_camera(conn, cameras.checked(conn, camera))
    if conn.execute(sa.select(schema.wall_state.c.id)).first() is None:
        _insert_wall(conn, demo.wall, now)
    check = checks.SourceCheck(conn)
    have = set(conn.execute(sa.select(schema.wall_presets.c.name)).scalars())
    for preset in (p for p in demo.presets if p.name not in have):
        for i, layout in enumerate(preset.layouts):
            check.layout(layout, f"presets[{preset.name}].layouts[{i}]")
        layouts = msgspec.json.encode(preset.layouts).decode()
        conn.execute(
            sa.insert(schema.wall_presets).values(
                name=preset.name, scope=preset.scope, layouts=layouts, updated_by=SYSTEM, updated_at=now
            )
        )
    have = set(conn.execute(sa.select(schema.wall_rules.c.name)).scalars())
    for rule in (r for r in demo.rules if r.name not in have):
        try:
            checked = rules.checked(conn, rule)
        except ProtocolError as exc:
            log.warning("demo wall rule %s left out: %s", rule.name, exc.message)
            continue
        conn.execute(
            sa.insert(schema.wall_rules).values(
                name=checked.name,
                rule=msgspec.json.encode(checked).decode(),
                updated_by=SYSTEM,
                updated_at=now,
            )
        )
    conn.execute(sa.insert(schema.meta).values(key=SEEDED, value="1"))
    return None, []


def _insert_wall(conn: sa.Connection, wall: wm.ConfigureWall, now: float) -> None:
    """The demo wall as version 1, on record."""
    monitors = checks.monitors(wall.rows, wall.cols, wall.monitors, checks.SourceCheck(conn), set())
    values = {"name": wall.name, "rows": wall.rows, "cols": wall.cols, "version": 1, "changed_by": SYSTEM}
    monitors_json = msgspec.json.encode(monitors).decode()
    conn.execute(
        sa.insert(schema.wall_state).values(
            id=WALL_ID, monitors=monitors_json, changed_at=now, cause="manual", **values
        )
    )
    summary = f"demo wall {wall.name}: " + ", ".join(m.name for m in monitors)
    conn.execute(
        sa.insert(schema.wall_changes).values(version=1, at=now, by=SYSTEM, cause="manual", summary=summary)
    )
