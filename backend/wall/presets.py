"""Presets: named layouts for one monitor or for the whole wall; saving and deleting them (with the
``preset.changed`` event) and putting one on the wall."""

from __future__ import annotations

import msgspec
import sqlalchemy as sa

from backend import schema
from backend.events import StoredEvent, append_event
from backend.wall import checks
from backend.wall.records import find_preset, list_presets, list_rules
from backend.wall.state import commit, monitor_label, read_state, with_layout, with_monitors
from client_api import messages as m
from client_api import wall_messages as wm

SCOPES = ("monitor", "wall")


def save_preset(
    conn: sa.Connection, req: wm.SavePreset, operator: m.Operator, now: float
) -> tuple[wm.Preset, list[StoredEvent]]:
    """Insert or replace the preset of that name. A wall preset has one layout per monitor of the wall,
    in monitor order."""
    p = req.preset
    name = checks.name(p.name, "preset.name", "the preset's name")
    if p.scope not in SCOPES:
        raise checks.invalid("preset.scope", f"scope {p.scope!r} is not one of {', '.join(SCOPES)}")
    if p.scope == "monitor" and len(p.layouts) != 1:
        raise checks.invalid("preset.layouts", f"a monitor preset has one layout, not {len(p.layouts)}")
    count = len(read_state(conn).monitors)
    if p.scope == "wall" and len(p.layouts) != count:
        raise checks.invalid(
            "preset.layouts", f"a wall preset has one layout per monitor ({count}), not {len(p.layouts)}"
        )
    check = checks.SourceCheck(conn)
    for i, layout in enumerate(p.layouts):
        check.layout(layout, f"preset.layouts[{i}]")
    preset = wm.Preset(
        name=name, scope=p.scope, layouts=p.layouts, updated_by=operator.username, updated_at=now
    )
    table = schema.wall_presets
    conn.execute(sa.delete(table).where(table.c.name == name))
    conn.execute(
        sa.insert(table).values(
            name=name,
            scope=p.scope,
            layouts=msgspec.json.encode(p.layouts).decode(),
            updated_by=operator.username,
            updated_at=now,
        )
    )
    return preset, [changed(conn, now)]


def delete_preset(
    conn: sa.Connection, req: wm.DeleteByName, operator: m.Operator, now: float
) -> tuple[wm.Deleted, list[StoredEvent]]:
    """A preset a wall rule uses is not deleted: the rule names it."""
    find_preset(conn, req.name)
    users = [rule.name for rule in list_rules(conn) if rule.preset == req.name]
    if users:
        raise checks.invalid(
            "name", f"preset {req.name!r} is used by wall rule {', '.join(map(repr, users))}"
        )
    conn.execute(sa.delete(schema.wall_presets).where(schema.wall_presets.c.name == req.name))
    return wm.Deleted(name=req.name), [changed(conn, now)]


def changed(conn: sa.Connection, now: float) -> StoredEvent:
    return append_event(conn, "preset.changed", wm.PresetsChanged(presets=list_presets(conn)), now)


def apply_preset(
    conn: sa.Connection, req: wm.ApplyPreset, operator: m.Operator, now: float
) -> tuple[wm.WallState, list[StoredEvent]]:
    """A supervisor puts a preset on the wall: its layouts replace the monitors' (pins included)."""
    preset = find_preset(conn, req.name)
    before = read_state(conn)
    monitors, parts = placed(before, preset, req.monitor, keep_pins=False)
    after = with_monitors(before, monitors, operator.username, f"preset:{preset.name}")
    return commit(conn, before, after, f"preset {preset.name}: " + "; ".join(parts), now)


def placed(
    state: wm.WallState, preset: wm.Preset, monitor: int | None, keep_pins: bool
) -> tuple[list[wm.Monitor], list[str]]:
    """The wall's monitors with ``preset`` on them, and what changed per monitor. With ``keep_pins``
    (rules and schedules) a pinned tile stays: it is carried into the preset's tile of the same place,
    and a monitor whose new layout has no such tile keeps its layout."""
    monitors = list(state.monitors)
    if preset.scope == "monitor":
        if monitor is None:
            raise checks.invalid("monitor", f"preset {preset.name!r} is for one monitor: say which")
        targets = [(checks.find_monitor(state, monitor), preset.layouts[0])]
    else:
        if monitor is not None:
            raise checks.invalid("monitor", f"preset {preset.name!r} is for the whole wall; give no monitor")
        if len(preset.layouts) != len(monitors):
            raise checks.invalid(
                "name",
                f"preset {preset.name!r} has {len(preset.layouts)} layouts; "
                f"the wall has {len(monitors)} monitors",
            )
        targets = list(enumerate(preset.layouts))
    parts = []
    for pos, layout in targets:
        new = carry_pins(monitors[pos].layout, layout) if keep_pins else layout
        if new is None:
            parts.append(f"{monitor_label(monitors[pos])} kept (pinned tiles)")
            continue
        monitors[pos] = with_layout(monitors[pos], new)
        parts.append(f"{monitor_label(monitors[pos])}: {new.kind} layout")
    return monitors, parts


def carry_pins(old: wm.Layout, new: wm.Layout) -> wm.Layout | None:
    """``new`` with the pinned tiles of ``old`` in place; None when one of them has no place in it."""
    pinned = [t for t in old.tiles if t.pinned]
    if not pinned:
        return new
    if (old.rows, old.cols) != (new.rows, new.cols):
        return None
    tiles = list(new.tiles)
    places = {(t.row, t.col, t.row_span, t.col_span): i for i, t in enumerate(tiles)}
    for tile in pinned:
        i = places.get((tile.row, tile.col, tile.row_span, tile.col_span))
        if i is None:
            return None
        tiles[i] = msgspec.structs.replace(tile, alarm=tiles[i].alarm)
    return msgspec.structs.replace(new, tiles=tiles)
