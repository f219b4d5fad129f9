"""The video wall end to end, on a real backend process with real consoles (offscreen):

a supervisor builds a 2×2 + 1+5 wall in the designer with keys and the mouse (sources dragged from the
browser onto tiles), saves it as a preset and pushes it; the wall display windows show the same layout;
a second supervisor seat sees the change and who made it; an alert near a camera switches the designated
tile to that camera, beside the alert, while a pinned tile stays; a camera whose stream points nowhere
shows "no signal"; the displays say so when the link to the backend drops. And ``command-seat --wall``
opens a wall display instead of the main window.

Drags: the offscreen platform's QDrag.exec() returns IgnoreAction at once (it has no drag loop), so the
drop is driven with the events a drag delivers to the target (enter, move, drop): real QDragEnterEvent,
QDragMoveEvent and QDropEvent carrying the browser model's own mime data for the row.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.seat_service import SeatService
from app.settings import Settings, save_settings
from client_api import alert_messages as am
from client_api import wall_messages as wm
from client_api.client import SeatClient
from tests.e2e.seat_driver import FAST_BACKOFF, Seat, type_text
from ui.login_dialog import LoginDialog
from ui.main_window import MainWindow
from ui.wall.monitor_canvas import MonitorCanvas
from ui.wall.preset_dialog import PresetDialog
from ui.wall_designer import WallDesigner
from ui.wall_display import WallDisplay, open_wall_displays

DARK = wm.Camera(
    id="CAM-DARK", name="断线测试机位", group="测试", lat=31.30, lon=120.58, url="rtsp://127.0.0.1:9/nowhere"
)
RULE = wm.WallRule(name="E2E 中屏联动", trigger="alert", switch_cameras=True, cameras=1, monitor=2)
NEAR_CAM_029 = (31.3194, 120.5471)  # a few metres from 临江加油站 (CAM-029)


def camera(ref: str) -> wm.TileSource:
    return wm.TileSource(kind="camera", ref=ref)


@pytest.fixture
def staff(aio: Any, backend_process: Any) -> Iterator[SeatClient]:
    """An admin's client: registers the dark camera and the test's rule, raises the alert."""
    client = SeatClient(backend_process.url)
    client.start()
    aio.run(client.wait_connected(10))
    aio.run(client.login("admin", "demo", "ADM"))
    aio.run(client.request("camera.save", wm.SaveCamera(camera=DARK)))
    aio.run(client.request("wall_rule.save", wm.SaveWallRule(rule=RULE)))
    yield client
    aio.run(client.close())


def open_wall_place(qtbot: Any, window: MainWindow) -> WallDesigner:
    bar = window.tabs.tabBar()
    qtbot.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.tabs.indexOf(window.wall_designer)).center()
    )
    designer = window.wall_designer
    assert window.tabs.currentWidget() is designer
    qtbot.waitUntil(
        lambda: designer.draft.base is not None and "CAM-DARK" in designer.wall.cameras, timeout=15000
    )
    return designer


def click_tile(qtbot: Any, designer: WallDesigner, monitor: int, tile: int, ctrl: bool = False) -> None:
    canvas = designer.canvas.canvases[monitor]
    modifier = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, modifier, canvas.tile_geometry(tile).center())


def drag_source(designer: WallDesigner, source: wm.TileSource, monitor: int, tile: int) -> None:
    """Drag the browser's row of ``source`` onto a tile (see the module's note on drags)."""
    row = designer.source_index(source)
    assert row.isValid(), f"the source browser has no {source}"
    designer.browser.setCurrentIndex(row)
    data = designer.sources.mimeData([row])
    canvas: MonitorCanvas = designer.canvas.canvases[monitor]
    pos = canvas.tile_geometry(tile).center()
    copy, left, none = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, copy, data, left, none)
    QApplication.sendEvent(canvas, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(canvas, QDragMoveEvent(pos, copy, data, left, none))
    assert canvas.drop_target == tile
    QApplication.sendEvent(canvas, QDropEvent(QPointF(pos), copy, data, left, none))
    assert designer.draft.layouts[monitor].tiles[tile].source == source


def key(
    qtbot: Any,
    designer: WallDesigner,
    *keys: Qt.Key,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    for k in keys:
        qtbot.keyClick(designer.canvas, k, modifier)


def build_the_wall(qtbot: Any, designer: WallDesigner) -> None:
    """Monitor 1: one tile split 2×2, four sources dragged on. Monitor 2: 1+5 with the map, a pinned
    alarm camera and two more designated tiles, the alert and case lists."""
    click_tile(qtbot, designer, 1, 0)
    key(qtbot, designer, Qt.Key.Key_1, Qt.Key.Key_S)  # one tile, split 2×2
    assert designer.draft.layouts[1].kind == "2x2"
    drag_source(designer, camera("CAM-015"), 1, 0)
    drag_source(designer, wm.TileSource(kind="dashboard", ref="cases_by_hour"), 1, 1)
    drag_source(designer, wm.TileSource(kind="dashboard", ref="cases_by_category"), 1, 2)
    drag_source(designer, camera("CAM-DARK"), 1, 3)
    key(qtbot, designer, Qt.Key.Key_PageDown, Qt.Key.Key_1, Qt.Key.Key_5)
    assert designer.selection.monitor == 2 and designer.draft.layouts[2].kind == "1+5"
    drag_source(designer, wm.TileSource(kind="map"), 2, 0)
    drag_source(designer, camera("CAM-001"), 2, 1)
    key(qtbot, designer, Qt.Key.Key_P, Qt.Key.Key_A)  # pinned, and designated
    drag_source(designer, camera("CAM-002"), 2, 2)
    key(qtbot, designer, Qt.Key.Key_A)
    drag_source(designer, wm.TileSource(kind="alerts"), 2, 3)
    drag_source(designer, wm.TileSource(kind="cases"), 2, 4)
    click_tile(qtbot, designer, 2, 5)
    key(qtbot, designer, Qt.Key.Key_A, Qt.Key.Key_Delete)  # an empty designated tile, for the alert
    tiles = designer.draft.layouts[2].tiles
    assert [t.pinned for t in tiles] == [False, True, False, False, False, False]
    assert [t.alarm for t in tiles] == [False, True, True, False, False, True]


def save_preset(qtbot: Any, designer: WallDesigner, name: str) -> None:
    key(qtbot, designer, Qt.Key.Key_S, modifier=Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(designer.open_dialog, PresetDialog))
    dialog = designer.open_dialog
    assert isinstance(dialog, PresetDialog)
    type_text(qtbot, dialog.name, name)
    qtbot.mouseClick(dialog.wall_scope, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(p.name == name for p in designer.wall.presets), timeout=10000)


def log_in_wall_seat(qtbot: Any, url: str) -> SeatService:
    """The wall display's seat logs in through the login dialog, as a console does."""
    service = SeatService(SeatClient(url, backoff=FAST_BACKOFF, request_timeout=5))
    service.start()
    qtbot.waitUntil(lambda: service.state.value == "connected", timeout=15000)
    dialog = LoginDialog(service, seat_id="")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "supervisor1")
    qtbot.keyClicks(dialog.password, "demo")
    qtbot.keyClicks(dialog.seat_id, "WALL-1")
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    return service


def shown_sources(display: WallDisplay) -> list[wm.TileSource]:
    layout = display.view.layout_shown
    return [] if layout is None else [t.source for t in layout.tiles]


def test_a_wall_built_in_the_designer_reaches_the_displays_and_alarms_switch_it(
    qtbot: Any, aio: Any, backend_process: Any, staff: SeatClient
) -> None:
    save_settings(Settings(speech_muted=True))
    url = backend_process.url
    first, second = Seat(qtbot, url), Seat(qtbot, url)
    wall_seat: SeatService | None = None
    displays: list[WallDisplay] = []
    try:
        window = first.log_in("supervisor1", "demo", "S-01")
        other = second.log_in("supervisor1", "demo", "S-02")
        wall_seat = log_in_wall_seat(qtbot, url)
        displays = open_wall_displays(wall_seat, [1, 2], Settings(speech_muted=True))
        qtbot.waitUntil(lambda: all(d.view.layout_shown is not None for d in displays), timeout=15000)
        designer, watcher = open_wall_place(qtbot, window), open_wall_place(qtbot, other)
        version = designer.draft.base_version
        assert version is not None and not designer.read_only_note.isVisible()

        # 1. Build, save as a preset, push.
        build_the_wall(qtbot, designer)
        save_preset(qtbot, designer, "演示布局")
        drafted = dict(designer.draft.layouts)
        key(qtbot, designer, Qt.Key.Key_Return, modifier=Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(
            lambda: designer.wall.state is not None and designer.wall.state.version > version, timeout=10000
        )
        assert designer.draft.edited() == [] and not designer.banner.isVisible()
        pushed = {m.index: m.layout for m in designer.wall.state.monitors}
        assert pushed[1] == drafted[1] and pushed[2] == drafted[2]
        preset = next(p for p in designer.wall.presets if p.name == "演示布局")
        assert preset.scope == "wall" and preset.layouts[:2] == [drafted[1], drafted[2]]

        # 2. The wall displays show the same layout.
        for display in displays:
            qtbot.waitUntil(lambda d=display: d.view.layout_shown == pushed[d.monitor_index], timeout=10000)
        kinds = [type(f.content).__name__ for f in displays[1].view.frames]
        assert kinds[0] == "GridMap" and kinds[1] == "VideoTile"

        # 3. The second supervisor's seat sees the change and who made it.
        qtbot.waitUntil(lambda: watcher.draft.layouts.get(2) == pushed[2], timeout=10000)
        assert watcher.banner.isVisible() and "supervisor1" in watcher.banner.text.text()

        # 4. The camera that points nowhere shows "no signal" (and no picture passed off as live).
        dark = displays[0].view.frames[3]
        qtbot.waitUntil(lambda: dark.content.state == "no_signal", timeout=30000)
        assert dark.live_state == "no_signal"

        # 5. An alert near CAM-029: the designated tile takes that camera, the alert beside it; the pinned
        #    tile keeps its camera.
        raised: am.AlertRaised = aio.run(
            staff.request(
                "alert.raise",
                am.RaiseAlert(
                    event="火情",
                    headline="临江加油站附近冒烟",
                    severity="Moderate",
                    categories=["Fire"],
                    area_desc="临江加油站",
                    lat=NEAR_CAM_029[0],
                    lon=NEAR_CAM_029[1],
                ),
            )
        )
        centre = displays[1]
        alert_tile = wm.TileSource(kind="alert", ref=str(raised.alert.id))
        qtbot.waitUntil(lambda: shown_sources(centre)[2] == camera("CAM-029"), timeout=15000)
        sources = shown_sources(centre)
        assert sources[1] == camera("CAM-001") and sources[5] == alert_tile
        assert centre.view.layout_shown is not None and centre.view.layout_shown.tiles[1].pinned
        card = centre.view.frames[5].content
        qtbot.waitUntil(lambda: "临江加油站附近冒烟" in card.headline.text(), timeout=10000)
        qtbot.waitUntil(lambda: designer.banner.isVisible(), timeout=10000)  # the supervisor is told
        assert designer.draft.layouts[2].tiles[2].source == camera("CAM-029")

        # 6. The saved preset brings the pushed wall back (the supervisor applies it from the presets row).
        designer.presets.choose("演示布局")
        qtbot.mouseClick(designer.presets.apply_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: shown_sources(centre) == [t.source for t in pushed[2].tiles], timeout=10000)
        assert designer.wall.state is not None and designer.wall.state.cause == "preset:演示布局"

        # 7. The backend goes away: the wall displays say the link is lost.
        for display in displays:
            assert display.link_lost.isHidden()
        backend_process.stop()
        for display in displays:
            qtbot.waitUntil(display.link_lost.isVisible, timeout=15000)
        assert "Connection to the backend lost" in displays[0].link_lost.text()
    finally:
        for display in displays:
            display.close()
        if wall_seat is not None:
            aio.run(wall_seat.close())
        for seat in (first, second):
            if seat.window is not None:
                seat.window.close()
            aio.run(seat.service.close())


@pytest.mark.parametrize(
    ("args", "setting", "shown"),
    [(["--wall", "2"], [], "2"), ([], [1, 3], "1, 3")],
    ids=["command line", "settings"],
)
def test_command_seat_opens_wall_displays_instead_of_the_main_window(
    backend_process: Any, isolated_dirs: Path, args: list[str], setting: list[int], shown: str
) -> None:
    save_settings(Settings(wall_monitors=setting))  # the console reads the isolated config dir
    shot = isolated_dirs / "wall.png"
    command = [sys.executable, "-m", "app", "--server", backend_process.url, "--user", "supervisor1"]
    command += ["--password", "demo", "--no-crash-dialog", "--screenshot", str(shot), *args]
    result = subprocess.run(command, capture_output=True, text=True, timeout=90)
    assert result.returncode == 0, result.stderr[-3000:]
    assert QImage(str(shot)).width() >= 640
    log = (isolated_dirs / "log" / "seat.log").read_text(encoding="utf-8")
    assert f"start-up: wall displays: monitors {shown}" in log and "start-up: main window" not in log


def test_a_wall_monitor_number_out_of_range_is_refused() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "--wall", "0"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert "a monitor is a number from 1 to 24, not 0" in result.stderr
