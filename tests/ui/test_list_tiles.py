"""The wall's list tiles show the newest open cases and the alerts in force, row by row, and the text
tile fits its text; offscreen, with real clicks."""

from __future__ import annotations

from typing import Any

import msgspec
import pytest
from PySide6.QtCore import Qt

from tests.ui.test_alert_support import acked, make_alert
from tests.ui.test_map_support import make_case
from widgets.alert_list_tile import AlertListTile
from widgets.case_list_tile import CaseListTile
from widgets.list_tiles import MAX_ROWS
from widgets.text_tile import TextTile


class ModelSpy:
    """Counts the structural signals of a model."""

    def __init__(self, model: Any) -> None:
        self.counts = {"inserted": 0, "removed": 0, "reset": 0, "changed": 0}
        model.rowsInserted.connect(lambda *_: self._count("inserted"))
        model.rowsRemoved.connect(lambda *_: self._count("removed"))
        model.modelReset.connect(lambda: self._count("reset"))
        model.dataChanged.connect(lambda *_: self._count("changed"))

    def _count(self, name: str) -> None:
        self.counts[name] += 1


def texts(tile: Any, column: int) -> list[str]:
    model = tile.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


@pytest.fixture
def case_tile(qtbot: Any) -> CaseListTile:
    tile = CaseListTile()
    qtbot.addWidget(tile)
    tile.set_names({"0101": "路灯损坏"}, {"G1": "滨江社区第1网格"})
    tile.resize(800, 400)
    tile.show()
    qtbot.waitExposed(tile)
    return tile


def test_the_case_list_shows_the_newest_open_cases_live(
    qtbot: Any, qtmodeltester: Any, case_tile: CaseListTile
) -> None:
    case_tile.cases.clock = lambda: 1000.0
    cases = [make_case(i, grid_code="G1" if i % 2 else None, deadline_at=4600.0) for i in range(10, 0, -1)]
    cases[3] = msgspec.structs.replace(cases[3], status="closed")  # case 7: not shown
    case_tile.set_cases(cases)
    qtmodeltester.check(case_tile.cases)
    model = case_tile.cases
    assert [model.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())] == [
        10, 9, 8, 6, 5, 4, 3, 2, 1
    ]  # fmt: skip
    assert texts(case_tile, 1)[0] == "路灯损坏"
    assert texts(case_tile, 2)[:2] == ["滨江路10号", "滨江社区第1网格"]  # the grid's name, else the address
    assert texts(case_tile, 4)[0] == "01:00:00"  # to the completion deadline
    spy = ModelSpy(model)
    newer = [make_case(11, grid_code="G1", urgency="critical"), *[c for c in cases if c.id not in (10, 2)]]
    newer[2] = msgspec.structs.replace(newer[2], status="dispatched")  # case 8 changed
    case_tile.set_cases(newer)
    assert spy.counts == {"inserted": 1, "removed": 2, "reset": 0, "changed": 1}
    assert model.rowCount() == 8 and model.index(0, 0).data(Qt.ItemDataRole.UserRole) == 11
    case_tile.set_cases(newer)
    assert spy.counts["changed"] == 1  # nothing changed, nothing repainted
    with qtbot.waitSignal(case_tile.recordClicked, timeout=1000) as clicked:
        row = case_tile.visualRect(model.index(1, 2)).center()
        qtbot.mouseClick(case_tile.viewport(), Qt.MouseButton.LeftButton, pos=row)
    assert clicked.args == [9]
    many = [make_case(i) for i in range(200, 0, -1)]
    case_tile.set_cases(many)
    assert model.rowCount() == MAX_ROWS and model.index(0, 0).data(Qt.ItemDataRole.UserRole) == 200


def test_the_alert_list_shows_the_alerts_in_force(qtbot: Any, qtmodeltester: Any) -> None:
    tile = AlertListTile()
    qtbot.addWidget(tile)
    tile.resize(800, 300)
    tile.show()
    qtbot.waitExposed(tile)
    extreme = make_alert(id=3, headline="暴雨红色预警")
    drill = make_alert(id=2, status="Exercise", severity="Moderate", headline="演练：内涝")
    gone = make_alert(id=1, state="cancelled")
    tile.set_alerts([extreme, drill, gone])
    qtmodeltester.check(tile.alerts)
    assert texts(tile, 2) == ["暴雨红色预警", "【演练】演练：内涝"]
    font = tile.alerts.index(0, 2).data(Qt.ItemDataRole.FontRole)
    assert font is not None and font.bold()
    spy = ModelSpy(tile.alerts)
    tile.set_alerts([make_alert(id=4, headline="新预警"), acked(extreme), drill])
    assert spy.counts == {"inserted": 1, "removed": 0, "reset": 0, "changed": 1}
    assert texts(tile, 2)[:2] == ["新预警", "暴雨红色预警"]
    assert tile.alerts.index(1, 2).data(Qt.ItemDataRole.FontRole) is None  # acknowledged: not bold
    with qtbot.waitSignal(tile.recordClicked, timeout=1000) as clicked:
        qtbot.mouseClick(
            tile.viewport(), Qt.MouseButton.LeftButton, pos=tile.visualRect(tile.alerts.index(2, 2)).center()
        )
    assert clicked.args == [2]


def test_the_text_tile_fits_its_text_to_the_tile(qtbot: Any) -> None:
    tile = TextTile("今日值班：张三 13800000000")
    qtbot.addWidget(tile)
    tile.resize(640, 360)
    tile.show()
    qtbot.waitExposed(tile)
    short = tile.fitted_point_size()
    tile.set_text("今日值班：张三 13800000000\n带班领导：李四\n" + "注意防汛，" * 12)
    longer = tile.fitted_point_size()
    assert 8 <= longer < short
    tile.resize(320, 180)
    qtbot.waitUntil(lambda: tile.fitted_point_size() < longer)
    assert tile.text().startswith("今日值班")
    image = tile.grab().toImage()
    assert image.width() == 320 and image.pixelColor(2, 2).name() == "#101820"
