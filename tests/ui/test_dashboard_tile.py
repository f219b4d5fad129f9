"""The wall's dashboard tiles draw the figures of client_api.case_stats with pyqtgraph offscreen, with
Chinese names, and redraw at most once a second however often the cases change."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from PySide6.QtGui import QFontDatabase

from client_api import case_stats
from client_api.wall_messages import DASHBOARDS
from tests.ui.test_map_support import make_case
from widgets.dashboard_tile import DashboardTile

NOW = 1_773_000_000.0
CATEGORIES = {"0101": "路灯损坏", "0202": "占道经营", "0303": "噪声扰民"}
AREAS = {"G1": "滨江社区第1网格", "G2": "望江社区第2网格"}
DEPARTMENTS = {"CG": "区城市管理局", "ZJ": "区住建局"}


def cases() -> list[Any]:
    found = []
    for i in range(1, 31):
        found.append(
            make_case(
                i,
                created_at=NOW - i * 2000.0,
                category_code=("0101", "0202", "0303")[i % 3 if i < 25 else 0],
                grid_code=("G1", "G2")[i % 2],
                lead_department=("CG", "ZJ")[i % 2],
                deadline_at=NOW - i * 2000.0 + 8000.0,
                completed_at=NOW - i * 2000.0 + (6000.0 if i % 4 else 9000.0),
            )
        )
    return found


@pytest.fixture
def make_tile(qtbot: Any) -> Any:
    def make(kind: str) -> DashboardTile:
        tile = DashboardTile(kind)
        qtbot.addWidget(tile)
        tile.clock = lambda: NOW
        ticks = itertools.count(0, 10)  # ten seconds between any two looks: the throttle never waits
        tile.monotonic = lambda: float(next(ticks))
        tile.set_names(CATEGORIES, AREAS, DEPARTMENTS)
        tile.resize(640, 360)
        tile.show()
        qtbot.waitExposed(tile)
        qtbot.waitUntil(lambda: not tile._pending.isActive(), timeout=3000)  # the names drawn
        return tile

    return make


@pytest.mark.parametrize("kind", DASHBOARDS)
def test_each_dashboard_draws_the_computed_figures(qtbot: Any, make_tile: Any, kind: str) -> None:
    tile = make_tile(kind)
    data = cases()
    base = tile.redraws
    tile.update_cases(data)
    qtbot.waitUntil(lambda: tile.redraws > base, timeout=3000)
    since = NOW - 24 * 3600
    if kind == "cases_by_hour":
        expected = [b.count for b in case_stats.cases_by_hour(data, NOW)]
        assert tile.chart.values() == expected and sum(expected) == 30  # 2000 s … 16.7 h back
        assert len(tile.chart.labels()) == 24
    elif kind == "cases_by_category":
        top = case_stats.cases_by_category(data, since)
        assert tile.chart.labels() == [CATEGORIES[code] for code, _n in top]
        assert tile.chart.values() == [n for _code, n in top]
        assert tile.chart.labels()[0] == "路灯损坏"
    elif kind == "cases_by_grid":
        assert tile.chart.labels() == ["滨江社区第1网格", "望江社区第2网格"]
        assert tile.chart.values() == [n for _code, n in case_stats.cases_by_area(data, "grid", since)]
    else:
        figures = case_stats.sla_compliance(data)
        assert tile.chart.labels() == ["区城市管理局", "区住建局"]
        assert tile.chart.values() == [round((f.rate or 0) * 100, 1) for f in figures[1:]]
        assert figures[0].completed == 30 and figures[0].on_time == 23
        assert "76.7%" in tile.summary.text() and "23" in tile.summary.text()
    image = tile.grab().toImage()
    assert image.width() == 640 and not image.isNull()


def test_chinese_names_are_the_axis_ticks_and_a_font_can_show_them(qtbot: Any, make_tile: Any) -> None:
    assert QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    tile = make_tile("cases_by_category")
    base = tile.redraws
    tile.update_cases(cases())
    qtbot.waitUntil(lambda: tile.redraws > base, timeout=3000)
    axis = tile.chart.getPlotItem().getAxis("left")
    names = {label for level in axis._tickLevels or [] for _pos, label in level}
    assert names == set(CATEGORIES.values())
    assert axis.width() > 60  # the names have room beside the bars
    tile.set_names({}, {})
    qtbot.waitUntil(lambda: tile.redraws > base + 1, timeout=3000)
    assert set(tile.chart.labels()) == set(CATEGORIES)  # without names, the codes


def test_many_updates_coalesce_into_one_redraw_a_second(qtbot: Any, make_tile: Any) -> None:
    tile = make_tile("cases_by_grid")
    data = cases()
    base = tile.redraws
    for n in range(1, 21):
        tile.update_cases(data[:n])
    qtbot.waitUntil(lambda: tile.redraws == base + 1, timeout=3000)
    assert sum(tile.chart.values()) == 20  # the last call's cases
    tile.monotonic = lambda: 500.0
    tile.redraw()
    tile.monotonic = lambda: 500.25
    tile.update_cases(iter(data))  # a generator is read at once
    assert tile._pending.isActive() and tile._pending.interval() == 750
    tile.update_cases(data)
    assert tile._pending.interval() == 750  # still the one redraw already due
    tile.monotonic = lambda: 600.0
    qtbot.waitUntil(lambda: tile.redraws == base + 3, timeout=3000)
    assert sum(tile.chart.values()) == 30


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown dashboard 'pie': expected one of cases_by_hour"):
        DashboardTile("pie")
