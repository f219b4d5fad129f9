"""Layouts of a wall monitor, pure Python, shared by the backend (validation) and the seat's designer:
the named layouts, the check that tiles cover the grid exactly once, and splitting and merging tiles.

Tiles of the layouts made here are in reading order (by row, then column). Splitting and merging give
the smallest grid that holds the result and name it when it is one of the named layouts.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from msgspec.structs import replace as _with

from client_api.wall_messages import LAYOUT_KINDS, MAX_GRID, Layout, Tile, TileSource

# What each named kind looks like: grid size and the (row_span, col_span) of its tiles, largest first.
_NAMED: dict[str, tuple[int, list[tuple[int, int]]]] = {
    "1": (1, [(1, 1)]),
    "2x2": (2, [(1, 1)] * 4),
    "3x3": (3, [(1, 1)] * 9),
    "4x4": (4, [(1, 1)] * 16),
    "1+5": (3, [(2, 2)] + [(1, 1)] * 5),
    "1+7": (4, [(3, 3)] + [(1, 1)] * 7),
}
NAMED_KINDS = tuple(_NAMED)
_SHAPES = {
    "1": "1×1 with one tile",
    "2x2": "2×2 tiles of one cell each",
    "3x3": "3×3 tiles of one cell each",
    "4x4": "4×4 tiles of one cell each",
    "1+5": "a 3×3 grid with one 2×2 tile and five 1×1 tiles",
    "1+7": "a 4×4 grid with one 3×3 tile and seven 1×1 tiles",
}


def make_layout(kind: str, sources: Sequence[TileSource] = ()) -> Layout:
    """A named layout (not "custom"), its big tile first at the top left; ``sources`` fill its tiles in
    order (the rest are empty)."""
    if kind not in _NAMED:
        raise ValueError(f"no named layout {kind!r}; named layouts are {', '.join(NAMED_KINDS)}")
    size, spans = _NAMED[kind]
    if len(sources) > len(spans):
        raise ValueError(f"a {kind} layout has {len(spans)} tiles, not {len(sources)}")
    big = spans[0] if spans[0] != (1, 1) else None
    cells = [(r, c) for r in range(size) for c in range(size)]
    tiles: list[Tile] = []
    if big is not None:
        tiles.append(Tile(row=0, col=0, row_span=big[0], col_span=big[1]))
        cells = [(r, c) for r, c in cells if r >= big[0] or c >= big[1]]
    tiles += [Tile(row=r, col=c) for r, c in cells]
    tiles = [_with(t, source=s) for t, s in zip(tiles, sources, strict=False)] + tiles[len(sources) :]
    return Layout(kind=kind, rows=size, cols=size, tiles=tiles)


def grid_layout(rows: int, cols: int) -> Layout:
    """rows × cols tiles of one cell each (named when it is 1, 2x2, 3x3 or 4x4, else custom)."""
    if not (1 <= rows <= MAX_GRID and 1 <= cols <= MAX_GRID):
        raise ValueError(f"a layout has 1 to {MAX_GRID} rows and columns, not {rows}×{cols}")
    tiles = [Tile(row=r, col=c) for r in range(rows) for c in range(cols)]
    return Layout(kind=kind_of(rows, cols, tiles), rows=rows, cols=cols, tiles=tiles)


def kind_of(rows: int, cols: int, tiles: Iterable[Tile]) -> str:
    """The named kind whose geometry this (valid) layout has, else "custom"."""
    spans = sorted(((t.row_span, t.col_span) for t in tiles), reverse=True)
    for kind, (size, named) in _NAMED.items():
        if rows == cols == size and spans == named:
            return kind
    return "custom"


def validate_layout(layout: Layout) -> str | None:
    """Why ``layout`` is not usable, naming the tile or cell; None when it is."""
    if layout.kind not in LAYOUT_KINDS:
        return f"layout kind {layout.kind!r} is not one of {', '.join(LAYOUT_KINDS)}"
    rows, cols = layout.rows, layout.cols
    if not (1 <= rows <= MAX_GRID and 1 <= cols <= MAX_GRID):
        return f"a layout has 1 to {MAX_GRID} rows and columns, not {rows}×{cols}"
    if not layout.tiles:
        return "the layout has no tiles"
    owner: dict[tuple[int, int], int] = {}
    for i, tile in enumerate(layout.tiles):
        if tile.row_span < 1 or tile.col_span < 1:
            return f"tile {i}: spans must be at least 1, not {tile.row_span}×{tile.col_span}"
        if tile.row < 0 or tile.col < 0 or tile.row + tile.row_span > rows or tile.col + tile.col_span > cols:
            return f"tile {i} ({_where(tile)}) reaches outside the {rows}×{cols} grid"
        for cell in _cells(tile):
            if cell in owner:
                return f"tile {i} overlaps tile {owner[cell]} at row {cell[0]}, col {cell[1]}"
            owner[cell] = i
    for r in range(rows):
        for c in range(cols):
            if (r, c) not in owner:
                return f"no tile covers row {r}, col {c}"
    if layout.kind != "custom" and kind_of(rows, cols, layout.tiles) != layout.kind:
        return f"a {layout.kind!r} layout must be {_SHAPES[layout.kind]}"
    return None


def tile_at(layout: Layout, row: int, col: int) -> int | None:
    """The index of the tile covering cell (row, col), if any."""
    for i, tile in enumerate(layout.tiles):
        if (row, col) in _cells(tile):
            return i
    return None


def split_tile(layout: Layout, index: int, rows: int, cols: int) -> Layout:
    """Tile ``index`` cut into rows × cols tiles; the first keeps its source, pin and alarm mark, the
    others are empty (and designated for alarms when it was). The grid is refined when the tile's
    spans do not divide; ValueError when that needs more than MAX_GRID rows or columns."""
    _check_index(layout, index)
    if rows < 1 or cols < 1 or rows * cols == 1:
        raise ValueError(f"split a tile into at least two parts, not {rows}×{cols}")
    tile = layout.tiles[index]
    fr = rows // math.gcd(tile.row_span, rows)
    fc = cols // math.gcd(tile.col_span, cols)
    if layout.rows * fr > MAX_GRID or layout.cols * fc > MAX_GRID:
        raise ValueError(
            f"splitting tile {index} into {rows}×{cols} needs a {layout.rows * fr}×{layout.cols * fc} grid; "
            f"a layout has at most {MAX_GRID}×{MAX_GRID}"
        )
    scaled = [_scaled(t, fr, fc) for t in layout.tiles]
    big = scaled[index]
    rs, cs = big.row_span // rows, big.col_span // cols
    pieces = [
        Tile(row=big.row + r * rs, col=big.col + c * cs, row_span=rs, col_span=cs, alarm=big.alarm)
        for r in range(rows)
        for c in range(cols)
    ]
    pieces[0] = _with(pieces[0], source=big.source, pinned=big.pinned)
    tiles = scaled[:index] + pieces + scaled[index + 1 :]
    return _normalized(layout.rows * fr, layout.cols * fc, tiles)


def merge_tiles(layout: Layout, indices: Sequence[int]) -> Layout:
    """The tiles ``indices`` made one; they must form a rectangle together. The merged tile keeps the
    source, pin and alarm mark of the first index given."""
    chosen = list(dict.fromkeys(indices))
    if len(chosen) < 2:
        raise ValueError("merge at least two tiles")
    for index in chosen:
        _check_index(layout, index)
    tiles = [layout.tiles[i] for i in chosen]
    top = min(t.row for t in tiles)
    left = min(t.col for t in tiles)
    bottom = max(t.row + t.row_span for t in tiles)
    right = max(t.col + t.col_span for t in tiles)
    if sum(t.row_span * t.col_span for t in tiles) != (bottom - top) * (right - left):
        raise ValueError(f"tiles {', '.join(map(str, chosen))} do not form a rectangle")
    first = layout.tiles[chosen[0]]
    merged = Tile(
        row=top,
        col=left,
        row_span=bottom - top,
        col_span=right - left,
        source=first.source,
        pinned=first.pinned,
        alarm=first.alarm,
    )
    rest = [t for i, t in enumerate(layout.tiles) if i not in chosen]
    return _normalized(layout.rows, layout.cols, [*rest, merged])


def _normalized(rows: int, cols: int, tiles: list[Tile]) -> Layout:
    """The same layout on the coarsest grid whose lines it uses, tiles in reading order, named."""
    gr = math.gcd(rows, *(v for t in tiles for v in (t.row, t.row_span)))
    gc = math.gcd(cols, *(v for t in tiles for v in (t.col, t.col_span)))
    coarse = sorted(
        (
            _with(t, row=t.row // gr, col=t.col // gc, row_span=t.row_span // gr, col_span=t.col_span // gc)
            for t in tiles
        ),
        key=lambda t: (t.row, t.col),
    )
    rows, cols = rows // gr, cols // gc
    return Layout(kind=kind_of(rows, cols, coarse), rows=rows, cols=cols, tiles=coarse)


def _scaled(tile: Tile, fr: int, fc: int) -> Tile:
    return _with(
        tile, row=tile.row * fr, col=tile.col * fc, row_span=tile.row_span * fr, col_span=tile.col_span * fc
    )


def _cells(tile: Tile) -> set[tuple[int, int]]:
    return {
        (r, c)
        for r in range(tile.row, tile.row + tile.row_span)
        for c in range(tile.col, tile.col + tile.col_span)
    }


def _where(tile: Tile) -> str:
    return f"row {tile.row}, col {tile.col}, {tile.row_span}×{tile.col_span}"


def _check_index(layout: Layout, index: int) -> None:
    if not 0 <= index < len(layout.tiles):
        raise ValueError(f"no tile {index}: the layout has tiles 0 to {len(layout.tiles) - 1}")
