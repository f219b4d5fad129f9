"""Alarm-linked switching as one write: the rules an incident (an alert, a case) matches put their
presets on the wall, then the nearest cameras take the designated tiles that are not pinned, one of
them showing the incident; all in one ``wall.changed``. Also the preset of a drill or schedule rule."""

from __future__ import annotations

import msgspec
import sqlalchemy as sa

from backend.events import StoredEvent
from backend.wall.cameras import nearest
from backend.wall.incidents import Incident, matches
from backend.wall.presets import placed
from backend.wall.records import list_cameras, list_presets, list_rules
from backend.wall.state import SYSTEM, commit, read_state, with_layout, with_monitors
from client_api import wall_messages as wm
from client_api.errors import ProtocolError

Result = tuple[wm.WallState | None, list[StoredEvent]]


def switch(conn: sa.Connection, incident: Incident, now: float) -> Result:
    """Apply every enabled rule ``incident`` matches (by name order) in one change; nothing when none
    matches or nothing would change."""
    rules = [rule for rule in list_rules(conn) if matches(rule, incident)]
    if not rules:
        return None, []
    before = read_state(conn)
    monitors = list(before.monitors)
    cameras = list_cameras(conn)
    parts: list[str] = []
    tiles: dict[tuple[int, int], str] = {}  # (monitor, tile) → what it shows now; a later rule wins
    for rule in rules:
        if rule.preset is not None:
            monitors = _with_preset(conn, before, monitors, rule, parts)
        if rule.switch_cameras:
            if incident.point is None:
                parts.append(f"rule {rule.name}: no place to look for cameras")
            else:
                monitors = take_tiles(monitors, rule, cameras, incident, tiles, parts)
    if monitors == before.monitors:
        return None, []
    parts += [f"tile {index}/{tile + 1} ← {label}" for (index, tile), label in sorted(tiles.items())]
    after = with_monitors(before, monitors, SYSTEM, incident.cause)
    return commit(conn, before, after, f"{incident.label}: " + "; ".join(dict.fromkeys(parts)), now)


def apply_rule_preset(conn: sa.Connection, rule: wm.WallRule, cause: str, now: float) -> Result:
    """A drill or schedule rule's preset on the wall, pinned tiles left alone."""
    before = read_state(conn)
    parts: list[str] = []
    monitors = _with_preset(conn, before, list(before.monitors), rule, parts)
    if monitors == before.monitors:
        return None, []
    after = with_monitors(before, monitors, SYSTEM, cause)
    return commit(conn, before, after, f"rule {rule.name}: " + "; ".join(parts), now)


def take_tiles(
    monitors: list[wm.Monitor],
    rule: wm.WallRule,
    cameras: list[wm.Camera],
    incident: Incident,
    shown: dict[tuple[int, int], str],
    parts: list[str],
) -> list[wm.Monitor]:
    """The designated, unpinned tiles (of ``rule.monitor`` or all monitors, in order): one shows the
    incident (a tile already showing one, else the last) when there are two or more, the others the
    ``rule.cameras`` nearest cameras, nearest first, but for those a pinned tile there shows already.
    ``shown`` notes what each tile taken shows."""
    considered = [
        (pos, i, tile)
        for pos, mon in enumerate(monitors)
        if rule.monitor is None or mon.index == rule.monitor
        for i, tile in enumerate(mon.layout.tiles)
    ]
    slots = [(pos, i) for pos, i, tile in considered if tile.alarm and not tile.pinned]
    kept = {tile.source.ref for _pos, _i, tile in considered if tile.pinned and tile.source.kind == "camera"}
    if not slots:
        parts.append(f"rule {rule.name}: no designated tile free")
        return monitors
    sources: dict[tuple[int, int], tuple[wm.TileSource, str]] = {}
    if len(slots) >= 2:
        showing = [s for s in slots if _shows_incident(monitors[s[0]].layout.tiles[s[1]].source)]
        slot = showing[0] if showing else slots[-1]
        slots.remove(slot)
        sources[slot] = (incident.shown, incident.label)
    assert incident.point is not None
    free = [c for c in cameras if c.id not in kept]
    near = nearest(free, *incident.point, min(rule.cameras, len(slots)))
    for slot, found in zip(slots, near, strict=False):
        cam = found.camera
        label = f"camera {cam.id} {cam.name} ({found.distance_m:.0f} m)"
        sources[slot] = (wm.TileSource(kind="camera", ref=cam.id), label)
    out = list(monitors)
    for (pos, i), (source, label) in sorted(sources.items()):
        layout = out[pos].layout
        tiles = list(layout.tiles)
        tiles[i] = msgspec.structs.replace(tiles[i], source=source)
        out[pos] = with_layout(out[pos], msgspec.structs.replace(layout, tiles=tiles))
        shown[(out[pos].index, i)] = label
    return out


def _with_preset(
    conn: sa.Connection,
    state: wm.WallState,
    monitors: list[wm.Monitor],
    rule: wm.WallRule,
    parts: list[str],
) -> list[wm.Monitor]:
    presets = {p.name: p for p in list_presets(conn)}
    preset = presets.get(rule.preset or "")
    if preset is None:
        parts.append(f"rule {rule.name}: preset {rule.preset} is gone")
        return monitors
    current = wm.WallState(name=state.name, rows=state.rows, cols=state.cols, monitors=monitors, version=0)
    try:
        out, done = placed(
            current, preset, rule.monitor if preset.scope == "monitor" else None, keep_pins=True
        )
    except ProtocolError as exc:  # the wall changed since the rule was saved
        parts.append(f"rule {rule.name}: preset {preset.name} not applied ({exc.message})")
        return monitors
    parts.append(f"preset {preset.name} ({', '.join(done)})")
    return out


def _shows_incident(source: wm.TileSource) -> bool:
    return source.kind == "alert" or (source.kind == "text" and (source.ref or "").startswith("case:"))
