"""client_api.wall_layouts: the named layouts, the coverage check with its reasons, splitting and merging
(any sequence of them keeps a layout valid)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from client_api import wall_messages as wm
from client_api.wall_layouts import (
    NAMED_KINDS,
    grid_layout,
    kind_of,
    make_layout,
    merge_tiles,
    split_tile,
    tile_at,
    validate_layout,
)

CAM = wm.TileSource(kind="camera", ref="CAM-001")


def shape(layout: wm.Layout) -> list[tuple[int, int, int, int]]:
    return [(t.row, t.col, t.row_span, t.col_span) for t in layout.tiles]


@pytest.mark.parametrize(
    ("kind", "size", "tiles"),
    [("1", 1, 1), ("2x2", 2, 4), ("3x3", 3, 9), ("4x4", 4, 16), ("1+5", 3, 6), ("1+7", 4, 8)],
)
def test_named_layouts_are_valid_and_named(kind: str, size: int, tiles: int) -> None:
    layout = make_layout(kind)
    assert (layout.kind, layout.rows, layout.cols, len(layout.tiles)) == (kind, size, size, tiles)
    assert validate_layout(layout) is None
    assert kind_of(layout.rows, layout.cols, layout.tiles) == kind


def test_the_big_tile_comes_first_and_sources_fill_in_order() -> None:
    layout = make_layout("1+5", [wm.TileSource(kind="map"), CAM])
    assert shape(layout) == [
        (0, 0, 2, 2),
        (0, 2, 1, 1),
        (1, 2, 1, 1),
        (2, 0, 1, 1),
        (2, 1, 1, 1),
        (2, 2, 1, 1),
    ]
    assert [t.source.kind for t in layout.tiles] == ["map", "camera", "empty", "empty", "empty", "empty"]
    with pytest.raises(ValueError, match="no named layout 'custom'"):
        make_layout("custom")
    with pytest.raises(ValueError, match="has 1 tiles, not 2"):
        make_layout("1", [CAM, CAM])


def tiles(*cells: tuple[int, int, int, int]) -> list[wm.Tile]:
    return [wm.Tile(row=r, col=c, row_span=rs, col_span=cs) for r, c, rs, cs in cells]


BAD = [
    (wm.Layout(kind="5x5", rows=2, cols=2, tiles=tiles()), "layout kind '5x5' is not one of"),
    (wm.Layout(kind="custom", rows=9, cols=1, tiles=tiles()), "a layout has 1 to 8 rows and columns"),
    (wm.Layout(kind="custom", rows=1, cols=1, tiles=[]), "the layout has no tiles"),
    (wm.Layout(kind="custom", rows=1, cols=1, tiles=tiles((0, 0, 0, 1))), "tile 0: spans must be at least 1"),
    (
        wm.Layout(kind="custom", rows=2, cols=2, tiles=tiles((0, 0, 1, 1), (1, 1, 1, 2))),
        "tile 1 (row 1, col 1, 1×2) reaches outside the 2×2 grid",
    ),
    (
        wm.Layout(kind="custom", rows=2, cols=2, tiles=tiles((0, 0, 2, 2), (1, 1, 1, 1))),
        "tile 1 overlaps tile 0 at row 1, col 1",
    ),
    (
        wm.Layout(kind="custom", rows=2, cols=2, tiles=tiles((0, 0, 1, 2), (1, 0, 1, 1))),
        "no tile covers row 1, col 1",
    ),
    (
        wm.Layout(kind="2x2", rows=2, cols=2, tiles=tiles((0, 0, 1, 2), (1, 0, 1, 2))),
        "a '2x2' layout must be 2×2 tiles of one cell each",
    ),
    (
        wm.Layout(kind="1+5", rows=3, cols=3, tiles=grid_layout(3, 3).tiles),
        "a '1+5' layout must be a 3×3 grid with one 2×2 tile and five 1×1 tiles",
    ),
    (
        wm.Layout(kind="1", rows=2, cols=2, tiles=tiles((0, 0, 2, 2))),
        "a '1' layout must be 1×1 with one tile",
    ),
]


@pytest.mark.parametrize(("layout", "reason"), BAD)
def test_a_bad_layout_says_what_is_wrong(layout: wm.Layout, reason: str) -> None:
    problem = validate_layout(layout)
    assert problem is not None and problem.startswith(reason), problem


def test_a_big_tile_may_sit_anywhere_in_a_named_layout() -> None:
    big_right = tiles((0, 1, 2, 2), (0, 0, 1, 1), (1, 0, 1, 1), (2, 0, 1, 1), (2, 1, 1, 1), (2, 2, 1, 1))
    assert validate_layout(wm.Layout(kind="1+5", rows=3, cols=3, tiles=big_right)) is None
    assert validate_layout(wm.Layout(kind="custom", rows=3, cols=3, tiles=big_right)) is None


def test_splitting_one_tile_in_four_makes_a_2x2() -> None:
    layout = split_tile(make_layout("1", [CAM]), 0, 2, 2)
    assert (layout.kind, layout.rows, layout.cols) == ("2x2", 2, 2)
    assert [t.source for t in layout.tiles] == [CAM, wm.EMPTY, wm.EMPTY, wm.EMPTY]


def test_splitting_refines_the_grid_when_spans_do_not_divide() -> None:
    layout = split_tile(make_layout("2x2", [CAM]), 0, 3, 1)
    assert (layout.kind, layout.rows, layout.cols) == ("custom", 6, 2)
    assert shape(layout) == [
        (0, 0, 1, 1),
        (0, 1, 3, 1),
        (1, 0, 1, 1),
        (2, 0, 1, 1),
        (3, 0, 3, 1),
        (3, 1, 3, 1),
    ]
    assert validate_layout(layout) is None
    big = split_tile(make_layout("1+5"), 0, 2, 2)
    assert (big.kind, len(big.tiles)) == ("3x3", 9)


def test_split_keeps_pin_and_alarm_marks() -> None:
    marked = wm.Layout(
        kind="1", rows=1, cols=1, tiles=[wm.Tile(row=0, col=0, source=CAM, pinned=True, alarm=True)]
    )
    layout = split_tile(marked, 0, 1, 2)
    assert [(t.pinned, t.alarm) for t in layout.tiles] == [(True, True), (False, True)]


def test_a_split_beyond_the_largest_grid_is_refused() -> None:
    with pytest.raises(ValueError, match="needs a 12×4 grid; a layout has at most 8×8"):
        split_tile(make_layout("4x4"), 0, 3, 1)
    with pytest.raises(ValueError, match="no tile 4"):
        split_tile(make_layout("2x2"), 4, 2, 2)
    with pytest.raises(ValueError, match="at least two parts"):
        split_tile(make_layout("2x2"), 0, 1, 1)


def test_merging_four_cells_of_a_3x3_makes_a_1_plus_5() -> None:
    layout = merge_tiles(make_layout("3x3", [wm.EMPTY, wm.EMPTY, wm.EMPTY, wm.EMPTY, CAM]), [4, 0, 1, 3])
    assert layout.kind == "1+5" and shape(layout)[0] == (0, 0, 2, 2)
    assert layout.tiles[0].source == CAM  # the first index given
    whole = merge_tiles(make_layout("2x2"), [0, 1, 2, 3])
    assert (whole.kind, whole.rows, whole.cols) == ("1", 1, 1)


def test_merging_tiles_that_are_no_rectangle_is_refused() -> None:
    with pytest.raises(ValueError, match="tiles 0, 4 do not form a rectangle"):
        merge_tiles(make_layout("3x3"), [0, 4])
    with pytest.raises(ValueError, match="merge at least two tiles"):
        merge_tiles(make_layout("3x3"), [2, 2])


def test_tile_at_finds_the_tile_covering_a_cell() -> None:
    layout = make_layout("1+7")
    assert [tile_at(layout, r, c) for r, c in [(0, 0), (2, 2), (0, 3), (3, 3)]] == [0, 0, 1, 7]
    assert tile_at(layout, 4, 0) is None


OPS = st.lists(
    st.tuples(st.booleans(), st.integers(0, 63), st.integers(1, 3), st.integers(1, 3), st.integers(0, 63)),
    max_size=12,
)


@settings(max_examples=150, deadline=None)
@given(start=st.sampled_from(NAMED_KINDS), ops=OPS)
def test_any_sequence_of_splits_and_merges_stays_valid(
    start: str, ops: list[tuple[bool, int, int, int, int]]
) -> None:
    layout = make_layout(start)
    for is_split, a, rows, cols, b in ops:
        n = len(layout.tiles)
        try:
            if is_split:
                layout = split_tile(layout, a % n, rows, cols)
            else:
                layout = merge_tiles(layout, [a % n, b % n])
        except ValueError:
            continue
        assert validate_layout(layout) is None
        assert layout.kind == kind_of(layout.rows, layout.cols, layout.tiles)
        assert [(t.row, t.col) for t in layout.tiles] == sorted((t.row, t.col) for t in layout.tiles)
