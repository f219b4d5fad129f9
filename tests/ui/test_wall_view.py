"""A monitor's layout on screen: tiles placed by row, column and span, each with its title bar; content
kept across wall changes when its source stays (video must not restart); the alert card; the wall
display's "connection lost" band and its note for a monitor the wall does not have."""

from __future__ import annotations

from typing import Any

import pytest
from msgspec.structs import replace
from PySide6.QtCore import QRect

from app.alerts_service import AlertsService
from app.settings import Settings
from client_api import wall_layouts as wl
from client_api import wall_messages as wm
from tests.ui.test_alert_support import make_alert
from tests.ui.test_wall_support import (
    camera,
    changed,
    monitor,
    send,
    signed_in_seat,
    wall_service,
    wall_state,
)
from ui.wall_display import WallDisplay
from widgets.alert_card import AlertCard
from widgets.tile_factory import EmptyTile, TileFactory
from widgets.video_tile import VideoTile
from widgets.wall_view import WallView, tile_rect

MAP = wm.TileSource(kind="map")
HOURS = wm.TileSource(kind="dashboard", ref="cases_by_hour")
CASES = wm.TileSource(kind="cases")


def test_tile_rectangles_meet_exactly() -> None:
    layout = wl.make_layout("1+5")
    rects = [tile_rect(t, layout, 1000, 600) for t in layout.tiles]
    assert rects[0] == QRect(0, 0, 667, 400)
    assert rects[1] == QRect(667, 0, 333, 200)
    assert sum(r.width() * r.height() for r in rects) == 1000 * 600


@pytest.fixture
def factory(qtbot: Any, qt_loop: Any) -> TileFactory:
    seat = signed_in_seat("supervisor")
    wall = wall_service(seat, wall_state([monitor(1, 0, wl.make_layout("1"))]))
    return TileFactory(wall, AlertsService(seat, Settings(speech_muted=True)))


def test_tiles_are_placed_with_title_bars_and_keep_their_content(qtbot: Any, factory: TileFactory) -> None:
    view = WallView(factory)
    qtbot.addWidget(view)
    view.resize(1198, 598)  # with the 2 px gap after the last tile: cells of 400 × 200
    view.show()
    view.show_layout(wl.make_layout("1+5", [MAP, HOURS, CASES]))
    frames = view.frames
    assert [type(f.content).__name__ for f in frames] == ["GridMap", "DashboardTile", "CaseListTile"] + [
        "EmptyTile"
    ] * 3
    assert frames[0].geometry() == QRect(0, 0, 798, 398)  # 2×2 cells, less the gap
    assert frames[1].title.text() == "Cases by hour" and frames[1].clock.text()
    assert frames[0].live_state == "offline"  # the seat is not connected
    the_map, the_chart = frames[0].content, frames[1].content
    # The map moves to a small tile and the chart goes: the map's widget moves along, the chart's is let go.
    view.show_layout(wl.make_layout("2x2", [CASES, MAP]))
    assert view.frames[1].content is the_map
    assert the_chart not in factory.widgets("dashboard")
    assert view.frames[1].geometry() == QRect(600, 0, 598, 298)


def test_a_pinned_designated_tile_says_so(qtbot: Any, factory: TileFactory) -> None:
    view = WallView(factory)
    qtbot.addWidget(view)
    layout = wl.make_layout("2x2", [MAP])
    tiles = list(layout.tiles)
    tiles[0] = replace(tiles[0], pinned=True, alarm=True)
    view.show_layout(replace(layout, tiles=tiles))
    assert view.frames[0].marks.text() == "PINNED · ALARM"
    assert view.frames[1].marks.isHidden()


def test_the_alert_card_shows_the_alert_when_it_is_known(qtbot: Any, factory: TileFactory) -> None:
    view = WallView(factory)
    qtbot.addWidget(view)
    view.show_layout(wl.make_layout("1", [wm.TileSource(kind="alert", ref="7")]))
    card = view.content_at(0)
    assert isinstance(card, AlertCard) and "Waiting" in card.headline.text()
    assert factory.alerts is not None
    factory.alerts.apply(make_alert(id=7, headline="江堤管涌", severity="Extreme"))
    qtbot.waitUntil(lambda: "江堤管涌" in card.headline.text())  # fed within a second
    view.refresh_titles()
    assert view.frames[0].title.text() == "江堤管涌"


def test_a_source_that_cannot_be_shown_says_so_instead_of_breaking_the_wall(
    qtbot: Any, factory: TileFactory
) -> None:
    view = WallView(factory)
    qtbot.addWidget(view)
    view.show_layout(wl.make_layout("2x2", [wm.TileSource(kind="dashboard", ref="no_such_chart"), MAP]))
    assert isinstance(view.content_at(0), EmptyTile)
    assert type(view.content_at(1)).__name__ == "GridMap"


def test_a_camera_tile_plays_once_the_camera_is_registered(qtbot: Any, factory: TileFactory) -> None:
    view = WallView(factory)
    qtbot.addWidget(view)
    view.show_layout(wl.make_layout("2x2", [wm.TileSource(kind="camera", ref="CAM-404")]))
    assert isinstance(view.content_at(0), EmptyTile) and "CAM-404" in view.content_at(0).text()
    assert not view.frames[0].bar.isHidden()
    dark = camera("CAM-404", "江堤北段")
    send(
        factory.wall.seat,
        "camera.changed",
        wm.CamerasChanged(cameras=[replace(dark, url="rtsp://127.0.0.1:9/x")]),
    )
    tile = view.content_at(0)
    assert isinstance(tile, VideoTile) and tile.name == "江堤北段"
    assert view.frames[0].bar.isHidden()  # the camera draws its own title bar
    view.stop()
    assert not tile.running


def test_the_wall_display_follows_the_wall_and_says_when_the_link_is_lost(qtbot: Any, qt_loop: Any) -> None:
    seat = signed_in_seat("supervisor")
    state = wall_state([monitor(1, 0, wl.make_layout("1", [MAP])), monitor(2, 1, wl.make_layout("2x2"))])
    wall = wall_service(seat, state)
    display = WallDisplay(wall, TileFactory(wall), 2)
    qtbot.addWidget(display)
    display.place(windowed=True)
    assert not display.full_screen and display.isVisible()
    assert display.view.layout_shown == wl.make_layout("2x2") and display.absent.isHidden()
    assert display.windowTitle() == "Wall — monitor 2 屏2"
    assert display.link_lost.isVisible() and "Connection to the backend lost" in display.link_lost.text()
    seat.stateChanged.emit("connected")
    assert display.link_lost.isHidden()
    smaller = wall_state([monitor(1, 0, wl.make_layout("1"))], version=2)
    send(seat, "wall.changed", changed(smaller, "admin"))
    assert display.absent.isVisible() and display.absent.text() == "The wall has no monitor 2."
    display.close()
