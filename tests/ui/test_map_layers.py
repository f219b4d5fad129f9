"""The grid map for the wall: the demo district's towns, villages and grids, their names by zoom, and the
case, alert and camera markers kept in step with repeated set_* calls."""

from __future__ import annotations

from typing import Any

import msgspec
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem, QGraphicsSimpleTextItem

from client_api.alert_messages import AlertArea, Circle, Geocode
from tests.ui.test_alert_support import acked, changed, make_alert
from tests.ui.test_map_support import demo_area_names, demo_grids, make_camera, make_case
from widgets.grid_map import GridMap
from widgets.map_alerts import PULSE
from widgets.map_areas import Z_TOWN_LINE, Z_VILLAGE_LINE
from widgets.map_geometry import centroid
from widgets.map_markers import CASE_COLOURS, KIND

GRIDS = demo_grids()
NAMES = demo_area_names()
TOWNS = {"临江街道", "东湖镇", "青山镇", "桃源镇"}


def middle(code: str) -> tuple[float, float]:
    """A point well inside a demo grid."""
    return centroid(next(g for g in GRIDS if g.code == code).rings[0])


@pytest.fixture
def wall_map(qtbot: Any) -> GridMap:
    view = GridMap(pickable=False)
    qtbot.addWidget(view)
    view.resize(900, 640)
    view.set_grids(GRIDS)
    view.set_names({"0101": "路灯损坏"}, NAMES)
    view.show()
    qtbot.waitExposed(view)
    return view


def view_pos(view: GridMap, lat: float, lon: float) -> QPoint:
    return view.mapFromScene(view.to_scene(lat, lon))


def visible_names(view: GridMap) -> set[str]:
    return {
        item.text()
        for item in view.scene().items()
        if isinstance(item, QGraphicsSimpleTextItem) and item.isVisible()
    }


def of_kind(view: GridMap, kind: str) -> list[QGraphicsItem]:
    return [item for item in view.scene().items() if item.data(KIND) == kind]


def test_the_district_draws_every_grid_village_and_town_from_the_geojson(wall_map: GridMap) -> None:
    assert wall_map.area_counts() == {"grid": 24, "village": 12, "town": 4}
    items = wall_map.scene().items()
    grid_names = {g.name for g in GRIDS}
    assert sorted(i.toolTip() for i in items if i.toolTip() in grid_names) == sorted(grid_names)
    assert len([i for i in items if i.zValue() == Z_VILLAGE_LINE]) == 12
    assert len([i for i in items if i.zValue() == Z_TOWN_LINE]) == 4
    labels = {i.text() for i in items if isinstance(i, QGraphicsSimpleTextItem)}
    villages = {NAMES[g.village_code] for g in GRIDS}
    assert labels == grid_names | villages | TOWNS and len(villages) == 12


def test_names_follow_the_zoom_from_towns_to_villages_to_grids(qtbot: Any, wall_map: GridMap) -> None:
    grid_names = {g.name for g in GRIDS}
    assert visible_names(wall_map) == grid_names | TOWNS  # 900 px: every grid's name fits
    wall_map.resize(480, 360)
    qtbot.waitUntil(lambda: not visible_names(wall_map) & grid_names)
    assert visible_names(wall_map) == {NAMES[g.village_code] for g in GRIDS}
    wall_map.resize(260, 200)
    qtbot.waitUntil(lambda: visible_names(wall_map) == TOWNS)
    wall_map.zoom_by(8)
    assert visible_names(wall_map) and visible_names(wall_map) <= grid_names | TOWNS


def test_case_markers_follow_repeated_calls_without_leaking(wall_map: GridMap) -> None:
    wall_map.clock = lambda: 1000.0
    lat, lon = middle("32099900100101")
    cases = [make_case(i, lat=lat + i * 1e-3, lon=lon, deadline_at=5000.0) for i in range(1, 6)]
    cases.append(make_case(6, status="closed", lat=lat, lon=lon))  # closed: not on the map
    cases.append(make_case(7))  # no location
    wall_map.set_cases(cases)
    dots = {item.data(1): item for item in of_kind(wall_map, "case")}
    assert sorted(dots) == [1, 2, 3, 4, 5]
    assert "路灯损坏" in dots[1].toolTip() and "滨江路1号" in dots[1].toolTip()
    before = len(wall_map.scene().items())
    for _ in range(20):
        wall_map.set_cases(cases)
    assert len(wall_map.scene().items()) == before
    assert {item.data(1): item for item in of_kind(wall_map, "case")} == dots  # the very same items
    cases[1] = msgspec.structs.replace(cases[1], overdue=True)
    cases[2] = msgspec.structs.replace(cases[2], urgency="critical")
    wall_map.set_cases(cases[1:])  # case 1 left the book
    now = {item.data(1): item for item in of_kind(wall_map, "case")}
    assert sorted(now) == [2, 3, 4, 5]
    assert now[4] is dots[4] and now[2] is not dots[2]
    assert brush(now[2]) == QColor(CASE_COLOURS["overdue"])
    assert brush(now[3]) == QColor(CASE_COLOURS["critical"])
    assert brush(now[4]) == QColor(CASE_COLOURS["normal"])
    wall_map.clock = lambda: 4500.0  # 90% of the time used: due soon
    wall_map.refresh_case_states()
    assert brush(of_item(wall_map, "case", 4)) == QColor(CASE_COLOURS["due_soon"])
    wall_map.set_cases([])
    assert of_kind(wall_map, "case") == [] and len(wall_map.scene().items()) == before - 5


def brush(item: QGraphicsItem) -> QColor:
    assert isinstance(item, QGraphicsEllipseItem)
    return item.brush().color()


def of_item(view: GridMap, kind: str, ident: object) -> QGraphicsItem:
    return next(item for item in of_kind(view, kind) if item.data(1) == ident)


def test_alerts_show_their_areas_and_active_extreme_alerts_pulse(qtbot: Any, wall_map: GridMap) -> None:
    lat, lon = middle("32099900300101")
    extreme = make_alert(
        lat=lat,
        lon=lon,
        areas=[AlertArea(area_desc="青山村", circles=[Circle(lat=lat, lon=lon, radius_km=0.8)])],
    )
    severe = make_alert(
        severity="Severe",
        lat=None,
        lon=None,
        areas=[AlertArea(area_desc="桃源镇", geocodes=[Geocode(value_name="grid", value="320999004")])],
    )
    by_code = make_alert(severity="Minor", lat=None, lon=None, grid_code="32099900100301", areas=[])
    wall_map.set_alerts([extreme, severe, by_code, make_alert(state="cancelled")])
    assert wall_map.marker_counts()["alert"] == 3
    assert len([i for i in of_kind(wall_map, "alert") if i.data(1) == by_code.id]) == 2  # its grid, a sign
    wall_map.set_alerts([extreme, severe, make_alert(state="cancelled")])
    assert wall_map.marker_counts()["alert"] == 2
    per_alert = {
        a.id: [i for i in of_kind(wall_map, "alert") if i.data(1) == a.id] for a in (extreme, severe)
    }
    assert len(per_alert[extreme.id]) == 3  # the circle, the sign, the halo
    assert len(per_alert[severe.id]) == 2  # the town's grids, the sign in their middle
    assert [i.data(PULSE) for i in per_alert[extreme.id]].count(True) == 1
    halo = wall_map.live.pulse.halos()[0]
    first = halo.scale()
    qtbot.waitUntil(lambda: halo.scale() != first)
    before = len(wall_map.scene().items())
    for _ in range(10):
        wall_map.set_alerts([extreme, severe])
    assert len(wall_map.scene().items()) == before
    wall_map.set_alerts([acked(extreme), severe])
    assert wall_map.live.pulse.halos() == [] and not wall_map.live.pulse.is_running()
    assert len(wall_map.scene().items()) == before - 1
    wall_map.set_alerts([changed(acked(extreme), state="expired"), severe])
    assert wall_map.marker_counts()["alert"] == 1


def test_clicking_a_camera_emits_its_id_and_picks_nothing(qtbot: Any, wall_map: GridMap) -> None:
    lat, lon = middle("32099900200201")
    cameras = [make_camera("CAM-001", lat, lon), make_camera("CAM-002", lat + 0.01, lon + 0.01)]
    wall_map.set_cameras(cameras)
    wall_map.set_cameras(cameras)
    assert wall_map.marker_counts()["camera"] == 2 and len(of_kind(wall_map, "camera")) == 2
    assert "摄像机CAM-001" in of_item(wall_map, "camera", "CAM-001").toolTip()
    picks: list[tuple[float, float]] = []
    wall_map.picked.connect(lambda a, b: picks.append((a, b)))
    with qtbot.waitSignal(wall_map.cameraClicked, timeout=1000) as blocker:
        qtbot.mouseClick(wall_map.viewport(), Qt.MouseButton.LeftButton, pos=view_pos(wall_map, lat, lon))
    assert blocker.args == ["CAM-001"]
    with qtbot.assertNotEmitted(wall_map.cameraClicked):
        qtbot.mouseClick(
            wall_map.viewport(), Qt.MouseButton.LeftButton, pos=view_pos(wall_map, *middle("32099900400202"))
        )
    wall_map.setFocus()
    qtbot.keyClick(wall_map, Qt.Key.Key_Return)
    assert picks == [] and wall_map.pick_point() is None  # the wall's map offers no picking
    wall_map.set_cameras(cameras[1:])
    assert [i.data(1) for i in of_kind(wall_map, "camera")] == ["CAM-002"]


def test_clicking_a_case_or_an_alert_says_which(qtbot: Any, wall_map: GridMap) -> None:
    case_at, alert_at = middle("32099900100201"), middle("32099900400102")
    wall_map.set_cases([make_case(41, lat=case_at[0], lon=case_at[1])])
    wall_map.set_alerts([make_alert(id=77, lat=alert_at[0], lon=alert_at[1], severity="Moderate")])
    with qtbot.waitSignal(wall_map.caseClicked, timeout=1000) as case_click:
        qtbot.mouseClick(wall_map.viewport(), Qt.MouseButton.LeftButton, pos=view_pos(wall_map, *case_at))
    with qtbot.waitSignal(wall_map.alertClicked, timeout=1000) as alert_click:
        qtbot.mouseClick(wall_map.viewport(), Qt.MouseButton.LeftButton, pos=view_pos(wall_map, *alert_at))
    assert case_click.args == [41] and alert_click.args == [77]


def test_in_the_intake_form_a_marker_click_opens_it_and_elsewhere_picks(qtbot: Any) -> None:
    view = GridMap()
    qtbot.addWidget(view)
    lat, lon = middle("32099900100102")
    view.set_markers([(lat, lon, "2026000001")])  # before the grids, as the pick dialog does
    view.set_cameras([make_camera("CAM-9", *middle("32099900100101"))])
    view.resize(600, 450)
    view.set_grids(GRIDS)
    view.show()
    qtbot.waitExposed(view)
    dot = next(i for i in view.scene().items() if i.toolTip() == "2026000001")
    assert dot.pos() == view.to_scene(lat, lon)  # drawn where the grids are, not where they were
    with qtbot.waitSignal(view.cameraClicked, timeout=1000), qtbot.assertNotEmitted(view.picked):
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view_pos(view, *middle("32099900100101"))
        )
    with qtbot.waitSignal(view.picked, timeout=1000):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view_pos(view, lat, lon))
    assert view.pick_point() == pytest.approx((lat, lon), abs=2e-4)
