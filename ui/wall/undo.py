"""Undoable edits of the wall draft: every edit replaces monitors' layouts, so one command does."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from client_api import wall_messages as wm
from ui.wall.draft import WallDraft


class LayoutsEdit(QUndoCommand):
    """Replace layouts of the draft (``changes``: monitor → (before, after)); ``refresh`` redraws."""

    def __init__(
        self,
        draft: WallDraft,
        changes: dict[int, tuple[wm.Layout, wm.Layout]],
        text: str,
        refresh: Callable[[], None],
    ) -> None:
        super().__init__(text)
        self._draft = draft
        self._changes = changes
        self._refresh = refresh

    def redo(self) -> None:
        for monitor, (_before, after) in self._changes.items():
            self._draft.layouts[monitor] = after
        self._refresh()

    def undo(self) -> None:
        for monitor, (before, _after) in self._changes.items():
            self._draft.layouts[monitor] = before
        self._refresh()
