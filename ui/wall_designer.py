"""The Wall place: the wall designer on the supervisor's seat.

The monitors drawn to scale hold a draft of the wall; sources are dragged from the browser onto tiles,
tiles are split and merged, layouts picked per monitor, tiles pinned or designated for alarms, and the
draft is saved as a preset or pushed to the wall in one change. Every edit can be undone. When another
seat changes the wall the draft is rebased and a banner says who did it and when. A seat without wall
rights sees the wall read-only.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from app import message
from app.alerts_service import AlertsService
from app.qt_async import run_dialog
from app.wall_service import WallService
from client_api import wall_messages as wm
from ui.wall import edits
from ui.wall.actions import DesignerActions
from ui.wall.change_banner import ChangeBanner
from ui.wall.editor import DraftEditor
from ui.wall.history_view import WallHistoryView
from ui.wall.monitor_canvas import MonitorCanvas
from ui.wall.preset_bar import PresetBar
from ui.wall.preset_dialog import PresetDialog
from ui.wall.source_browser import SourceBrowser
from ui.wall.text_dialog import TextDialog
from ui.wall.wall_canvas import WallCanvas
from widgets.tile_names import source_title

log = logging.getLogger("ui.wall")

ARROWS = {Qt.Key.Key_Left: (0, -1), Qt.Key.Key_Right: (0, 1), Qt.Key.Key_Up: (-1, 0), Qt.Key.Key_Down: (1, 0)}


class WallDesigner(QWidget):
    """Attributes: wall (WallService), draft (WallDraft), undo_stack, commands (DesignerActions),
    sources (SourceModel), browser (QTreeView), canvas (WallCanvas), banner (ChangeBanner), presets
    (PresetBar), history (the changes on record), selection (Selection), status (label), read_only_note,
    open_dialog (while one is open), alerts (AlertsService or None: alert tiles are named by their id).
    """

    def __init__(
        self, wall: WallService, alerts: AlertsService | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("wallDesigner")
        self.wall = wall
        self.alerts = alerts
        self.editor = DraftEditor(self.wall_title, self)
        self.draft, self.selection, self.undo_stack = (
            self.editor.draft,
            self.editor.selection,
            self.editor.undo_stack,
        )
        self.commands = DesignerActions(self.undo_stack, self)
        self.open_dialog: QDialog | None = None
        self._pushed: dict[int, wm.Layout] | None = None
        self.browser = SourceBrowser(self)
        self.sources = self.browser.sources
        self.canvas = WallCanvas(self.wall_title, self)
        self.canvas.key_handler = self.on_canvas_key
        self.banner = ChangeBanner(self.alert_headline, self)
        self.history = WallHistoryView(wall, self)
        self.presets = PresetBar(self)
        self.status = QLabel(self)
        self.read_only_note = QLabel(
            self.tr("Read-only: your role may look at the wall but not change it."), self
        )
        self.read_only_note.setStyleSheet("color:#b54708;font-weight:bold;")
        self.hint = QLabel(
            self.tr(
                "Drag a source onto a tile (or select a tile and press Enter) · Ctrl+click selects several "
                "tiles · digits pick layouts · F1 lists every key"
            ),
            self,
        )
        self.hint.setStyleSheet("color:#667085;")
        self.push_button = QPushButton(self.commands.push.text(), self)
        self.push_button.setToolTip(self.commands.push.toolTip())
        self.push_button.clicked.connect(self.commands.push.trigger)
        self.push_button.setDefault(True)
        self._build()
        self._connect()
        self.on_wall_presetsChanged(wall.presets)
        self.browser.set_cameras(wall.cameras.values())
        if wall.state is not None:
            self.draft.reset(wall.state)
        self._refresh()

    # --- building -----------------------------------------------------------------------------------------

    def _build(self) -> None:
        tools = self.commands.tool_row(self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.presets, 2)
        save = QToolButton(self)
        save.setDefaultAction(self.commands.save_preset)
        discard = QToolButton(self)
        discard.setDefaultAction(self.commands.discard)
        bottom.addWidget(save)
        bottom.addWidget(discard)
        bottom.addWidget(self.status, 3)
        bottom.addWidget(self.push_button)
        centre = QWidget(self)
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(tools)
        record = QSplitter(Qt.Orientation.Vertical, self)
        record.addWidget(self.canvas)
        record.addWidget(self.history)
        record.setStretchFactor(0, 3)
        record.setStretchFactor(1, 1)
        record.setSizes([420, 180])
        column.addWidget(record, 1)
        column.addWidget(self.hint)
        column.addLayout(bottom)
        splitter = QSplitter(self)
        splitter.addWidget(self.browser)
        splitter.addWidget(centre)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.read_only_note)
        layout.addWidget(splitter, 1)
        for action in self.commands.keys.values():
            self.addAction(action)  # the Ctrl shortcuts work anywhere in the Wall place

    def _connect(self) -> None:
        a = self.commands
        e = self.editor
        for kind, action in a.layouts.items():
            action.triggered.connect(lambda _checked=False, k=kind: e.set_layout_kind(k))
        a.split.triggered.connect(lambda _checked=False: e.split_selected())
        a.merge.triggered.connect(lambda _checked=False: e.merge_selected())
        a.pin.triggered.connect(lambda _checked=False: e.toggle_flag("pinned"))
        a.alarm.triggered.connect(lambda _checked=False: e.toggle_flag("alarm"))
        a.clear.triggered.connect(lambda _checked=False: e.clear_selected())
        e.changed.connect(self._refresh)
        a.place.triggered.connect(lambda _checked=False: self.place_browser_source())
        a.text.triggered.connect(lambda _checked=False: self.on_edit_text())
        a.save_preset.triggered.connect(lambda _checked=False: self.on_save_preset())
        a.push.triggered.connect(lambda _checked=False: self.on_push())
        a.discard.triggered.connect(lambda _checked=False: self.discard_edits())
        self.undo_stack.indexChanged.connect(lambda _i: self._update_controls())
        self.browser.activated.connect(lambda _index: self.place_browser_source())  # Enter, double-click
        self.browser.selectionModel().currentChanged.connect(lambda *_: self._update_controls())
        self.banner.discardRequested.connect(self.discard_edits)
        self.presets.applyRequested.connect(self.on_apply_preset)
        self.presets.deleteRequested.connect(self.on_delete_preset)
        self.wall.wallChanged.connect(self.on_wall_wallChanged)
        self.wall.presetsChanged.connect(self.on_wall_presetsChanged)
        self.wall.camerasChanged.connect(self.on_wall_camerasChanged)
        self.wall.seat.loggedIn.connect(lambda _op: self._update_controls())

    # --- what is shown ------------------------------------------------------------------------------------

    def wall_title(self, source: wm.TileSource) -> str:
        return source_title(source, self.wall.cameras, self.alert_headline)

    def alert_headline(self, alert_id: int) -> str | None:
        alert = None if self.alerts is None else self.alerts.book.get(alert_id)
        return None if alert is None else alert.headline or alert.event

    def _refresh(self) -> None:
        monitors = self.draft.monitors
        for canvas in self.canvas.set_monitors(monitors):
            self._connect_canvas(canvas)
        self.selection.fit(monitors)
        for index, canvas in self.canvas.canvases.items():
            current = index == self.selection.monitor
            canvas.set_selection(self.selection.tiles if current else [], current)
        self._update_controls()

    def _connect_canvas(self, canvas: MonitorCanvas) -> None:
        canvas.tileClicked.connect(self.on_canvas_tileClicked)
        canvas.sourceDropped.connect(self.on_canvas_sourceDropped)

    def _update_controls(self) -> None:
        editable = self.editor.editable = self.wall.can_edit
        self.read_only_note.setVisible(not editable and self.wall.seat.operator is not None)
        self.canvas.set_editable(editable)
        self.browser.setDragEnabled(editable)
        self.presets.set_editable(editable)
        tiles = self.selection.tiles
        layout = self.editor.current_layout()
        one = len(tiles) == 1 and layout is not None
        a = self.commands
        edited = self.draft.edited()
        for action in a.layouts.values():
            action.setEnabled(layout is not None)
        a.split.setEnabled(one)
        a.merge.setEnabled(len(tiles) >= 2)
        for action in (a.pin, a.alarm, a.clear):
            action.setEnabled(bool(tiles))
        a.text.setEnabled(one and layout is not None and layout.tiles[tiles[0]].source.kind == "text")
        a.place.setEnabled(one and self.browser.current_source() is not None)
        a.save_preset.setEnabled(layout is not None)
        a.push.setEnabled(bool(edited))
        a.discard.setEnabled(bool(edited))
        if not editable:
            for action in a.edits:
                action.setEnabled(False)
        self.push_button.setEnabled(a.push.isEnabled())
        self.status.setText(self._status_text(edited))

    def _status_text(self, edited: list[int]) -> str:
        version = self.draft.base_version
        if version is None:
            return self.tr("Loading the wall…")
        if not edited:
            return self.tr("The wall as shown (version {version}).").format(version=version)
        return self.tr(
            "Edited, not on the wall yet: monitor {monitors} (based on version {version})."
        ).format(monitors=", ".join(map(str, edited)), version=version)

    # --- editing ------------------------------------------------------------------------------------------

    def place_browser_source(self) -> None:
        source = self.browser.current_source()
        if source is not None and self.selection.monitor is not None and len(self.selection.tiles) == 1:
            self.editor.put_source(self.selection.monitor, self.selection.tiles[0], source)

    def discard_edits(self) -> None:
        self.banner.hide()
        if self.wall.state is not None:
            self.editor.reset(self.wall.state)

    # --- mouse and keys -----------------------------------------------------------------------------------

    def on_canvas_tileClicked(self, monitor: int, tile: int, ctrl: bool) -> None:
        self.editor.click(monitor, tile, ctrl)

    def on_canvas_sourceDropped(self, monitor: int, tile: int, source: wm.TileSource) -> None:
        if self.wall.can_edit:
            self.editor.put_source(monitor, tile, source)

    def on_canvas_key(self, event: QKeyEvent) -> bool:
        key, mods = event.key(), event.modifiers()
        if key in ARROWS:
            d_row, d_col = ARROWS[Qt.Key(key)]
            if mods & Qt.KeyboardModifier.ShiftModifier:
                self.editor.move_selected(d_row, d_col)
            else:
                self.editor.select_neighbour(d_row, d_col)
            return True
        if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.editor.next_monitor(1 if key == Qt.Key.Key_PageDown else -1)
            return True
        action = self.commands.action_for(key, mods)
        if action is None:
            return False
        if action.isEnabled():
            action.trigger()
        return True

    # --- the backend --------------------------------------------------------------------------------------

    def on_wall_wallChanged(self, state: wm.WallState, change: wm.WallChange | None) -> None:
        if self.draft.base is None or change is None or self.wall.is_own(change):
            pushed, self._pushed = self._pushed, None
            if pushed is None or pushed == self.draft.layouts or change is None:
                self.editor.reset(state, keep_history=change is not None)
            else:  # edited again while the push was on its way: keep those edits
                self.draft.rebase(state)
                self._refresh()
            return
        conflicts = self.draft.rebase(state)
        kept = self.draft.edited()
        if not kept:
            self.undo_stack.clear()  # undoing would bring back what another seat replaced
        self.banner.show_change(change, kept, conflicts)
        self._refresh()

    def on_wall_presetsChanged(self, presets: list[wm.Preset]) -> None:
        self.presets.set_presets(presets)

    def on_wall_camerasChanged(self, _cameras: list[wm.Camera]) -> None:
        self.browser.set_cameras(self.wall.cameras.values())
        for canvas in self.canvas.canvases.values():
            canvas.update()

    @asyncSlot()
    async def on_push(self) -> None:
        layouts = self.draft.changed_layouts()
        if not layouts:
            return
        self._pushed = dict(self.draft.layouts)
        if await self.wall.set_layouts(layouts, self.draft.base_version) is not None:
            message.info(self.tr("The wall shows your layout now."))
            self.banner.hide()

    @asyncSlot()
    async def on_save_preset(self) -> None:
        monitor = self.selection.monitor
        layout = self.editor.current_layout()
        if monitor is None or layout is None or self.open_dialog is not None:
            return
        names = [p.name for p in self.wall.presets]
        dialog = PresetDialog(self._monitor_name(monitor), names, self)
        self.open_dialog = dialog
        try:
            if await run_dialog(dialog) != QDialog.DialogCode.Accepted:
                return
        finally:
            self.open_dialog = None
        scope = dialog.scope()
        layouts = [m.layout for m in self.draft.monitors] if scope == "wall" else [layout]
        preset = wm.Preset(name=dialog.preset_name(), scope=scope, layouts=layouts)
        if await self.wall.save_preset(preset) is not None:
            self.presets.choose(preset.name)

    @asyncSlot(object)
    async def on_apply_preset(self, preset: wm.Preset) -> None:
        monitor = self.selection.monitor if preset.scope == "monitor" else None
        if preset.scope == "monitor" and monitor is None:
            message.error(self.tr("Select the monitor the preset goes on first."))
            return
        await self.wall.apply_preset(preset.name, monitor)

    @asyncSlot(object)
    async def on_delete_preset(self, preset: wm.Preset) -> None:
        await self.wall.delete_preset(preset.name)

    @asyncSlot()
    async def on_edit_text(self) -> None:
        monitor, layout = self.selection.monitor, self.editor.current_layout()
        if monitor is None or layout is None or len(self.selection.tiles) != 1 or self.open_dialog:
            return
        index = self.selection.tiles[0]
        dialog = TextDialog(layout.tiles[index].source.text or "", self)
        self.open_dialog = dialog
        try:
            if await run_dialog(dialog) != QDialog.DialogCode.Accepted:
                return
        finally:
            self.open_dialog = None
        layout = self.draft.layouts[monitor]  # it may have changed while the dialog was open
        if index < len(layout.tiles):
            source = wm.TileSource(kind="text", text=dialog.text())
            self.editor.edit(monitor, edits.with_source(layout, index, source), self.tr("Edit text"), [index])

    def _monitor_name(self, monitor: int) -> str:
        return next((m.name for m in self.draft.monitors if m.index == monitor), str(monitor))

    def source_index(self, source: wm.TileSource) -> QModelIndex:
        """The browser's row of a source (tests and keyboard users pick from it)."""
        return self.browser.source_index(source)
