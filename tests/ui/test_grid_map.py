"""The grid map offscreen: a click, or the keyboard crosshair and Enter, picks a lat/lon; the pick dialog."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGraphicsSimpleTextItem

from client_api.intake_messages import GridPolygon, Grids
from ui.intake.map_dialog import MapPickDialog
from widgets.grid_map import GridMap, centroid

# Two squares side by side near 31.3°N 120.5°E (towns T1 and T2), the second with a hole.
WEST = GridPolygon(
    code="G1",
    name="滨江社区第1网格",
    village_code="V1",
    town_code="T1",
    rings=[[(31.30, 120.50), (31.30, 120.52), (31.32, 120.52), (31.32, 120.50), (31.30, 120.50)]],
)
EAST = GridPolygon(
    code="G2",
    name="滨江社区第2网格",
    village_code="V2",
    town_code="T2",
    rings=[
        [(31.30, 120.52), (31.30, 120.54), (31.32, 120.54), (31.32, 120.52), (31.30, 120.52)],
        [(31.305, 120.525), (31.305, 120.53), (31.31, 120.53), (31.31, 120.525), (31.305, 120.525)],
    ],
)
TOLERANCE = 2e-4  # degrees, about 20 m: a few pixels at the fitted zoom


@pytest.fixture
def grid_map(qtbot: Any) -> GridMap:
    view = GridMap()
    qtbot.addWidget(view)
    view.resize(500, 400)
    view.set_grids([WEST, EAST])
    view.show()
    qtbot.waitExposed(view)
    return view


def view_pos(view: GridMap, lat: float, lon: float) -> QPoint:
    return view.mapFromScene(view.to_scene(lat, lon))


def test_projection_round_trips_and_the_district_fits(grid_map: GridMap) -> None:
    lat, lon = grid_map.to_lat_lon(grid_map.to_scene(31.311, 120.533))
    assert (lat, lon) == pytest.approx((31.311, 120.533), abs=1e-9)
    viewport = grid_map.viewport().rect()
    for corner in ((31.30, 120.50), (31.32, 120.54)):
        assert viewport.contains(view_pos(grid_map, *corner)), corner


def test_a_click_picks_the_point_under_the_mouse(qtbot: Any, grid_map: GridMap) -> None:
    target = (31.312, 120.507)
    with qtbot.waitSignal(grid_map.picked, timeout=1000) as blocker:
        qtbot.mouseClick(grid_map.viewport(), Qt.MouseButton.LeftButton, pos=view_pos(grid_map, *target))
    assert blocker.args == pytest.approx(list(target), abs=TOLERANCE)
    assert grid_map.pick_point() == pytest.approx(target, abs=TOLERANCE)
    assert grid_map.grid_at(*target) is WEST


def test_a_drag_pans_and_does_not_pick(qtbot: Any, grid_map: GridMap) -> None:
    grid_map.zoom_by(4)
    before = grid_map.mapToScene(grid_map.viewport().rect().center())
    picks: list[tuple[float, float]] = []
    grid_map.picked.connect(lambda lat, lon: picks.append((lat, lon)))
    viewport = grid_map.viewport()
    start = viewport.rect().center()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, start + QPoint(20 * step, 10 * step))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(100, 50))
    after = grid_map.mapToScene(grid_map.viewport().rect().center())
    assert picks == []
    assert after.x() < before.x() and after.y() < before.y()


def test_arrow_keys_move_the_crosshair_and_enter_picks(qtbot: Any, grid_map: GridMap) -> None:
    grid_map.set_pick(*centroid(WEST.rings[0]))
    start = grid_map.crosshair_point()
    assert start is not None
    grid_map.setFocus()
    for _ in range(5):
        qtbot.keyClick(grid_map, Qt.Key.Key_Right)
    qtbot.keyClick(grid_map, Qt.Key.Key_Up)
    qtbot.keyClick(grid_map, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    moved = grid_map.crosshair_point()
    assert moved is not None
    assert moved[1] > start[1] and moved[0] > start[0]  # east and north
    with qtbot.waitSignal(grid_map.picked, timeout=1000) as blocker:
        qtbot.keyClick(grid_map, Qt.Key.Key_Return)
    assert blocker.args == pytest.approx(list(moved), abs=1e-9)
    assert grid_map.pick_point() == pytest.approx(moved, abs=1e-9)


def test_enter_without_a_crosshair_picks_the_view_centre(qtbot: Any, grid_map: GridMap) -> None:
    grid_map.setFocus()
    with qtbot.waitSignal(grid_map.picked, timeout=1000) as blocker:
        qtbot.keyClick(grid_map, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    centre = grid_map.to_lat_lon(grid_map.mapToScene(grid_map.viewport().rect().center()))
    assert blocker.args == pytest.approx(list(centre), abs=TOLERANCE)


def test_zoom_shows_the_grid_names_and_stays_within_limits(qtbot: Any, grid_map: GridMap) -> None:
    grid_map.set_markers([(31.31, 120.51, "20260101000001"), (31.315, 120.535, "20260101000002")])
    fitted = grid_map.transform().m11()
    assert visible_names(grid_map) == {"滨江社区第1网格", "滨江社区第2网格"}
    grid_map.resize(160, 120)  # so small that the names do not fit
    qtbot.waitUntil(lambda: grid_map.transform().m11() < fitted / 2)
    assert visible_names(grid_map) == set()
    fitted = grid_map.transform().m11()
    grid_map.setFocus()
    for _ in range(40):
        qtbot.keyClick(grid_map, Qt.Key.Key_Plus)
    assert visible_names(grid_map) <= {"滨江社区第1网格", "滨江社区第2网格"}
    assert visible_names(grid_map)
    assert fitted * 32 < grid_map.transform().m11() <= fitted * 70  # capped at 64× the fitted zoom
    for _ in range(40):
        qtbot.keyClick(grid_map, Qt.Key.Key_Minus)
    assert grid_map.transform().m11() == pytest.approx(fitted / 2, rel=0.1)  # capped at half of it
    qtbot.keyClick(grid_map, Qt.Key.Key_0)
    assert grid_map.transform().m11() == pytest.approx(fitted, rel=1e-6)
    markers = [item for item in grid_map.scene().items() if item.toolTip().startswith("2026")]
    assert len(markers) == 2


def visible_names(view: GridMap) -> set[str]:
    return {
        item.text()
        for item in view.scene().items()
        if isinstance(item, QGraphicsSimpleTextItem) and item.isVisible()
    }


class FakeClient:
    def __init__(self) -> None:
        self.requests: list[str] = []

    async def request(self, type_: str, payload: Any, timeout: float | None = None) -> Any:
        self.requests.append(type_)
        return Grids(grids=[WEST, EAST])


class FakeService:
    def __init__(self) -> None:
        self.client = FakeClient()

    def area_name(self, code: str | None) -> str:
        return {"T1": "临江街道", "V1": "滨江社区"}.get(code or "", code or "")


def test_the_dialog_loads_the_grids_and_enter_twice_accepts_the_point(qtbot: Any, aio: Any) -> None:
    service = FakeService()
    dialog = MapPickDialog(service)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert aio.run(dialog.load()) is True
    assert service.client.requests == ["geo.grids"]
    assert not ok.isEnabled() and dialog.picked_point is None
    dialog.map.set_pick(31.31, 120.51)  # the crosshair starts there; a step east, then Enter picks
    dialog.map.setFocus()
    qtbot.keyClick(dialog.map, Qt.Key.Key_Right)
    qtbot.keyClick(dialog.map, Qt.Key.Key_Return)
    assert dialog.picked_point is not None and ok.isEnabled()
    assert dialog.picked_point[1] > 120.51
    assert "临江街道 / 滨江社区 / 滨江社区第1网格" in dialog.place_label.text()
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(dialog.map, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
