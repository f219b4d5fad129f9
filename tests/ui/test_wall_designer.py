"""The wall designer, driven by keys and the mouse: layouts per monitor, sources dropped on tiles,
split and merge, pin and alarm marks, undo and redo, another seat's change, and read-only for operators."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from msgspec.structs import replace
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from client_api import wall_layouts as wl
from client_api import wall_messages as wm
from tests.ui.test_wall_support import (
    camera,
    changed,
    monitor,
    send,
    signed_in_seat,
    two_monitor_wall,
    wall_service,
    wall_state,
)
from ui.wall.monitor_canvas import MonitorCanvas
from ui.wall.source_model import SourceModel
from ui.wall_designer import WallDesigner

CAMERAS = [camera("CAM-001", "滨江路口"), camera("CAM-002", "化工园区东门", "化工园区")]


def make_designer(qtbot: Any, role: str = "supervisor") -> WallDesigner:
    seat = signed_in_seat(role)
    wall = wall_service(seat, two_monitor_wall(), CAMERAS)
    designer = WallDesigner(wall)
    qtbot.addWidget(designer)
    designer.resize(1200, 700)
    designer.show()
    qtbot.waitExposed(designer)
    return designer


@pytest.fixture
def designer(qtbot: Any, qt_loop: Any) -> Iterator[WallDesigner]:
    shown = make_designer(qtbot)
    yield shown
    shown.close()


def click_tile(qtbot: Any, canvas: MonitorCanvas, index: int, ctrl: bool = False) -> None:
    modifier = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    pos = canvas.tile_geometry(index).center()
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, modifier, pos)


def drop_source(
    designer: WallDesigner, source: wm.TileSource, monitor_index: int, tile: int
) -> MonitorCanvas:
    """Drag ``source``'s row of the browser onto a tile: the drag events a drag brings, built from the
    browser model's own mime data."""
    row = designer.source_index(source)
    assert row.isValid(), f"the browser has no {source}"
    data = designer.sources.mimeData([row])
    canvas = designer.canvas.canvases[monitor_index]
    pos = canvas.tile_geometry(tile).center()
    action = Qt.DropAction.CopyAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, action, data, buttons, mods)
    QApplication.sendEvent(canvas, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(canvas, QDragMoveEvent(pos, action, data, buttons, mods))
    assert canvas.drop_target == tile  # the tile under the drag is highlighted
    drop = QDropEvent(QPointF(pos), action, data, buttons, mods)
    QApplication.sendEvent(canvas, drop)
    assert drop.isAccepted() and canvas.drop_target is None
    return canvas


def layout_of(designer: WallDesigner, index: int) -> wm.Layout:
    return designer.draft.layouts[index]


def test_digit_keys_pick_layouts_per_monitor_and_page_down_moves_on(
    qtbot: Any, designer: WallDesigner
) -> None:
    canvas = designer.canvas
    click_tile(qtbot, canvas.canvases[1], 0)
    assert designer.selection.monitor == 1 and canvas.hasFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_2)
    qtbot.keyClick(canvas, Qt.Key.Key_PageDown)
    assert designer.selection.monitor == 2
    qtbot.keyClick(canvas, Qt.Key.Key_5)
    assert layout_of(designer, 1).kind == "2x2" and layout_of(designer, 2).kind == "1+5"
    assert designer.draft.edited() == [1, 2]
    assert "monitor 1, 2" in designer.status.text()
    assert designer.commands.push.isEnabled()


def test_a_source_dragged_from_the_browser_lands_on_the_tile(qtbot: Any, designer: WallDesigner) -> None:
    click_tile(qtbot, designer.canvas.canvases[1], 0)
    qtbot.keyClick(designer.canvas, Qt.Key.Key_2)
    source = wm.TileSource(kind="camera", ref="CAM-002")
    drop_source(designer, source, 1, 3)
    assert layout_of(designer, 1).tiles[3].source == source
    assert designer.selection.tiles == [3]
    assert designer.wall_title(source) == "化工园区东门"
    drop_source(designer, wm.TileSource(kind="dashboard", ref="cases_by_hour"), 2, 0)
    assert layout_of(designer, 2).tiles[0].source.ref == "cases_by_hour"


def test_enter_puts_the_browser_source_on_the_selected_tile(qtbot: Any, designer: WallDesigner) -> None:
    click_tile(qtbot, designer.canvas.canvases[2], 0)
    designer.browser.setCurrentIndex(designer.source_index(wm.TileSource(kind="map")))
    qtbot.keyClick(designer.canvas, Qt.Key.Key_Return)
    assert layout_of(designer, 2).tiles[0].source == wm.TileSource(kind="map")


def test_split_merge_undo_and_redo(qtbot: Any, designer: WallDesigner) -> None:
    canvases = designer.canvas.canvases
    click_tile(qtbot, canvases[1], 0)
    qtbot.keyClick(designer.canvas, Qt.Key.Key_S)
    assert layout_of(designer, 1) == wl.make_layout("2x2")
    click_tile(qtbot, canvases[1], 0)
    click_tile(qtbot, canvases[1], 1, ctrl=True)
    assert designer.selection.tiles == [0, 1]
    qtbot.keyClick(designer.canvas, Qt.Key.Key_M)
    merged = layout_of(designer, 1)
    assert (merged.kind, len(merged.tiles), merged.tiles[0].col_span) == ("custom", 3, 2)
    qtbot.keyClick(designer.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert layout_of(designer, 1) == wl.make_layout("2x2")
    qtbot.keyClick(designer.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert layout_of(designer, 1) == wl.make_layout("1") and designer.draft.edited() == []
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(designer.canvas, Qt.Key.Key_Z, ctrl_shift)
    qtbot.keyClick(designer.canvas, Qt.Key.Key_Z, ctrl_shift)
    assert layout_of(designer, 1) == merged


def test_tiles_that_do_not_form_a_rectangle_are_not_merged(qtbot: Any, designer: WallDesigner) -> None:
    shown: list[Any] = []
    from app import message

    bridge = message.global_bridge()
    bridge.attach_view()
    bridge.shown.connect(shown.append)
    try:
        click_tile(qtbot, designer.canvas.canvases[1], 0)
        qtbot.keyClick(designer.canvas, Qt.Key.Key_3)
        click_tile(qtbot, designer.canvas.canvases[1], 0)
        click_tile(qtbot, designer.canvas.canvases[1], 4, ctrl=True)
        qtbot.keyClick(designer.canvas, Qt.Key.Key_M)
    finally:
        bridge.shown.disconnect(shown.append)
        bridge.detach_view()
    assert layout_of(designer, 1) == wl.make_layout("3x3")
    assert shown and "do not form a rectangle" in shown[-1].text


def test_pin_alarm_arrows_and_moving_a_tile(qtbot: Any, designer: WallDesigner) -> None:
    canvas = designer.canvas
    click_tile(qtbot, canvas.canvases[1], 0)
    qtbot.keyClick(canvas, Qt.Key.Key_2)
    drop_source(designer, wm.TileSource(kind="camera", ref="CAM-001"), 1, 0)
    qtbot.keyClick(canvas, Qt.Key.Key_P)
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert designer.selection.tiles == [1]
    qtbot.keyClick(canvas, Qt.Key.Key_A)
    tiles = layout_of(designer, 1).tiles
    assert (tiles[0].pinned, tiles[0].alarm, tiles[1].pinned, tiles[1].alarm) == (True, False, False, True)
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    qtbot.keyClick(canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)  # the camera moves down
    tiles = layout_of(designer, 1).tiles
    assert tiles[2].source.ref == "CAM-001" and tiles[2].pinned and tiles[0].source.kind == "empty"
    assert designer.selection.tiles == [2]
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert layout_of(designer, 1).tiles[2].source == wm.EMPTY


def test_another_seats_change_is_announced_and_the_draft_rebased(qtbot: Any, designer: WallDesigner) -> None:
    click_tile(qtbot, designer.canvas.canvases[1], 0)
    qtbot.keyClick(designer.canvas, Qt.Key.Key_4)  # an edit of monitor 1, not pushed
    theirs = wall_state(
        [monitor(1, 0, wl.make_layout("1")), monitor(2, 1, wl.make_layout("3x3"))],
        version=2,
        by="supervisor2",
    )
    send(designer.wall.seat, "wall.changed", changed(theirs, "supervisor2", "monitor 2: 3x3 layout"))
    assert designer.banner.isVisible()
    assert "supervisor2" in designer.banner.text.text() and "monitor 1" in designer.banner.text.text()
    assert layout_of(designer, 2).kind == "3x3"  # untouched here: theirs
    assert layout_of(designer, 1).kind == "4x4"  # edited here: kept
    assert designer.draft.base_version == 2
    qtbot.mouseClick(designer.banner.discard, Qt.MouseButton.LeftButton)
    assert layout_of(designer, 1).kind == "1" and designer.draft.edited() == [] and designer.banner.isHidden()


def test_an_operator_sees_the_wall_read_only(qtbot: Any, qt_loop: Any) -> None:
    designer = make_designer(qtbot, role="operator")
    try:
        assert designer.read_only_note.isVisible()
        click_tile(qtbot, designer.canvas.canvases[1], 0)  # selecting is looking
        qtbot.keyClick(designer.canvas, Qt.Key.Key_2)
        assert layout_of(designer, 1).kind == "1"
        assert not any(action.isEnabled() for action in designer.commands.edits)
        canvas = designer.canvas.canvases[1]
        data = designer.sources.mimeData([designer.source_index(wm.TileSource(kind="map"))])
        enter = QDragEnterEvent(
            QPoint(canvas.tile_geometry(0).center()),
            Qt.DropAction.CopyAction,
            data,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(canvas, enter)
        assert not enter.isAccepted()
    finally:
        designer.close()


def test_the_source_browser_model(qtmodeltester: Any, qt_loop: Any) -> None:
    model = SourceModel()
    model.set_cameras(CAMERAS)
    qtmodeltester.check(model)
    groups = [model.cameras_item.child(r).text() for r in range(model.cameras_item.rowCount())]
    assert groups == ["临江街道", "化工园区"]
    model.set_cameras(CAMERAS[:1])
    qtmodeltester.check(model)
    assert model.find(wm.TileSource(kind="camera", ref="CAM-002")).isValid() is False
    data = model.mimeData([model.find(wm.TileSource(kind="dashboard", ref="sla_compliance"))])
    from ui.wall.source_model import source_from_mime

    assert source_from_mime(data) == wm.TileSource(kind="dashboard", ref="sla_compliance")


def test_the_changes_on_record_are_listed_newest_first(
    qtbot: Any, qtmodeltester: Any, designer: WallDesigner
) -> None:
    model = designer.history.model()
    qtmodeltester.check(model)
    start = model.rowCount()
    later = wall_state([monitor(1, 0, wl.make_layout("2x2")), monitor(2, 1, wl.make_layout("1"))], version=2)
    send(designer.wall.seat, "wall.changed", changed(later, "supervisor2", "monitor 1: 2x2 layout"))
    alarm = replace(wall_state(later.monitors, version=3), cause="alarm:12")
    send(designer.wall.seat, "wall.changed", changed(alarm, "system:wall", "tile 1/1 ← camera CAM-001"))
    qtmodeltester.check(model)
    assert model.rowCount() == start + 2
    row = [model.index(0, c).data() for c in range(4)]
    assert row[1:] == ["the wall's rules", "alarm, alert 12", "tile 1/1 ← camera CAM-001"]
    assert model.index(1, 1).data() == "supervisor2" and model.index(1, 2).data() == "by hand"
    assert "alert 12" in designer.banner.text.text()
