"""Edits of one monitor's layout for the designer, pure: each returns a new Layout (or a tile index).

Splitting and merging are client_api.wall_layouts'; these are the designer's other edits.
"""

from __future__ import annotations

from collections.abc import Sequence

from msgspec.structs import replace

from client_api import wall_layouts as wl
from client_api import wall_messages as wm


def with_source(layout: wm.Layout, index: int, source: wm.TileSource) -> wm.Layout:
    tiles = list(layout.tiles)
    tiles[index] = replace(tiles[index], source=source)
    return replace(layout, tiles=tiles)


def with_flag(layout: wm.Layout, indices: Sequence[int], flag: str) -> wm.Layout:
    """Toggle ``flag`` ("pinned" or "alarm") on the tiles: set on all unless all have it already."""
    turn_on = not all(getattr(layout.tiles[i], flag) for i in indices)
    tiles = list(layout.tiles)
    for i in indices:
        tiles[i] = replace(tiles[i], **{flag: turn_on})
    return replace(layout, tiles=tiles)


def relaid(layout: wm.Layout, kind: str) -> wm.Layout:
    """A named layout of ``kind`` with the old tiles' sources, pins and alarm marks carried over in
    order (what does not fit is dropped)."""
    fresh = wl.make_layout(kind)
    tiles = [
        replace(new, source=old.source, pinned=old.pinned, alarm=old.alarm)
        for new, old in zip(fresh.tiles, layout.tiles, strict=False)
    ]
    return replace(fresh, tiles=tiles + fresh.tiles[len(tiles) :])


def swapped(layout: wm.Layout, a: int, b: int) -> wm.Layout:
    """Tiles ``a`` and ``b`` trade what they show (source, pin, alarm mark); the geometry stays."""
    tiles = list(layout.tiles)
    ta, tb = tiles[a], tiles[b]
    tiles[a] = replace(ta, source=tb.source, pinned=tb.pinned, alarm=tb.alarm)
    tiles[b] = replace(tb, source=ta.source, pinned=ta.pinned, alarm=ta.alarm)
    return replace(layout, tiles=tiles)


def neighbour(layout: wm.Layout, index: int, d_row: int, d_col: int) -> int | None:
    """The tile next to tile ``index`` in a direction (one of d_row, d_col is ±1), None at the edge."""
    tile = layout.tiles[index]
    row = tile.row + (tile.row_span if d_row > 0 else -1 if d_row < 0 else 0)
    col = tile.col + (tile.col_span if d_col > 0 else -1 if d_col < 0 else 0)
    if not (0 <= row < layout.rows and 0 <= col < layout.cols):
        return None
    return wl.tile_at(layout, row, col)


def same_place(before: wm.Layout, index: int, after: wm.Layout) -> int:
    """The tile of ``after`` at the top-left corner of ``before``'s tile ``index`` (grids may differ)."""
    tile = before.tiles[index]
    row = tile.row * after.rows // before.rows
    col = tile.col * after.cols // before.cols
    found = wl.tile_at(after, row, col)
    return 0 if found is None else found
