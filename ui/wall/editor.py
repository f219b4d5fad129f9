"""Edits of the designer's draft, each one undoable: layouts, splitting, merging, marks, sources, moves.

Plain Qt logic without widgets; ``changed`` asks the designer to redraw. Refusals (tiles that do not
form a rectangle, a split beyond the largest grid) go to the message bridge.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from app import message
from client_api import wall_layouts as wl
from client_api import wall_messages as wm
from ui.wall import edits
from ui.wall.draft import WallDraft
from ui.wall.selection import Selection
from ui.wall.undo import LayoutsEdit


class DraftEditor(QObject):
    """Signals: changed() (the draft or the selection changed).

    Attributes: draft (WallDraft), selection (Selection), undo_stack (QUndoStack), editable (whether
    edits are made at all: a seat without wall rights only looks), title (names a source).
    """

    changed = Signal()

    def __init__(self, title: Callable[[wm.TileSource], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.draft = WallDraft()
        self.selection = Selection()
        self.undo_stack = QUndoStack(self)
        self.editable = True
        self.title = title

    def current_layout(self) -> wm.Layout | None:
        monitor = self.selection.monitor
        return None if monitor is None else self.draft.layouts.get(monitor)

    def edit(self, monitor: int, after: wm.Layout, text: str, select: list[int] | None = None) -> None:
        """Replace a monitor's draft layout as one undoable step, then select ``select`` on it."""
        before = self.draft.layouts[monitor]
        if select is not None:
            self.selection.set(monitor, select)
        if after != before and self.editable:
            self.undo_stack.push(LayoutsEdit(self.draft, {monitor: (before, after)}, text, self.changed.emit))
        else:
            self.changed.emit()

    def set_layout_kind(self, kind: str) -> None:
        monitor, layout = self.selection.monitor, self.current_layout()
        if monitor is None or layout is None:
            return
        self.edit(monitor, edits.relaid(layout, kind), self.tr("Layout {kind}").format(kind=kind), [0])

    def split_selected(self) -> None:
        monitor, layout = self.selection.monitor, self.current_layout()
        if monitor is None or layout is None or len(self.selection.tiles) != 1:
            return
        index = self.selection.tiles[0]
        try:
            after = wl.split_tile(layout, index, 2, 2)
        except ValueError as exc:
            message.error(self.tr("The tile was not split: {reason}").format(reason=exc))
            return
        self.edit(monitor, after, self.tr("Split a tile"), [edits.same_place(layout, index, after)])

    def merge_selected(self) -> None:
        monitor, layout = self.selection.monitor, self.current_layout()
        if monitor is None or layout is None or len(self.selection.tiles) < 2:
            return
        first = min(self.selection.tiles, key=lambda i: (layout.tiles[i].row, layout.tiles[i].col))
        try:
            after = wl.merge_tiles(layout, self.selection.tiles)
        except ValueError as exc:
            message.error(self.tr("The tiles were not merged: {reason}").format(reason=exc))
            return
        self.edit(monitor, after, self.tr("Merge tiles"), [edits.same_place(layout, first, after)])

    def toggle_flag(self, flag: str) -> None:
        monitor, layout = self.selection.monitor, self.current_layout()
        if monitor is None or layout is None or not self.selection.tiles:
            return
        text = self.tr("Pin or unpin") if flag == "pinned" else self.tr("Alarm tile")
        self.edit(monitor, edits.with_flag(layout, self.selection.tiles, flag), text)

    def clear_selected(self) -> None:
        monitor, layout = self.selection.monitor, self.current_layout()
        if monitor is None or layout is None:
            return
        after = layout
        for index in self.selection.tiles:
            after = edits.with_source(after, index, wm.EMPTY)
        self.edit(monitor, after, self.tr("Clear tiles"))

    def put_source(self, monitor: int, tile: int, source: wm.TileSource) -> None:
        layout = self.draft.layouts.get(monitor)
        if layout is None or not 0 <= tile < len(layout.tiles):
            return
        text = self.tr("Show {name}").format(name=self.title(source))
        self.edit(monitor, edits.with_source(layout, tile, source), text, [tile])

    def select_neighbour(self, d_row: int, d_col: int) -> None:
        layout = self.current_layout()
        if layout is None or self.selection.monitor is None:
            return
        here = self.selection.tiles[-1] if self.selection.tiles else 0
        there = edits.neighbour(layout, here, d_row, d_col)
        self.selection.set(self.selection.monitor, [here if there is None else there])
        self.changed.emit()

    def move_selected(self, d_row: int, d_col: int) -> None:
        """The selected tile's content trades places with its neighbour's (Shift+arrow)."""
        monitor, layout = self.selection.monitor, self.current_layout()
        if monitor is None or layout is None or len(self.selection.tiles) != 1:
            return
        here = self.selection.tiles[0]
        there = edits.neighbour(layout, here, d_row, d_col)
        if there is not None:
            self.edit(monitor, edits.swapped(layout, here, there), self.tr("Move a tile"), [there])

    def click(self, monitor: int, tile: int, ctrl: bool) -> None:
        """A click selects the tile; Ctrl+click adds it to (or takes it from) the selection."""
        if ctrl and monitor == self.selection.monitor:
            self.selection.toggle(tile)
        else:
            self.selection.set(monitor, [tile])
        self.changed.emit()

    def next_monitor(self, step: int) -> None:
        self.selection.next_monitor(self.draft.monitors, step)
        self.changed.emit()

    def reset(self, state: wm.WallState, keep_history: bool = False) -> None:
        """Start over from the wall as it is: edits are dropped, and their undo history unless kept (after
        this seat's own push, undoing a step and pushing again is still possible)."""
        self.draft.reset(state)
        if not keep_history:
            self.undo_stack.clear()
        self.changed.emit()
