"""The designer's actions: the same QAction behind a toolbar button, a key and the Wall menu.

Single keys (digits, letters, arrows) act only while the wall canvas has the focus, so they never eat
typing elsewhere; Ctrl keys are window shortcuts while the Wall place is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from client_api.wall_layouts import NAMED_KINDS

LAYOUT_LABELS = {"1": "1", "2x2": "2×2", "3x3": "3×3", "4x4": "4×4", "1+5": "1+5", "1+7": "1+7"}
LAYOUT_KEYS = {"1": Qt.Key.Key_1, "2x2": Qt.Key.Key_2, "3x3": Qt.Key.Key_3, "4x4": Qt.Key.Key_4,
               "1+5": Qt.Key.Key_5, "1+7": Qt.Key.Key_7}  # fmt: skip


class DesignerActions(QObject):
    """Attributes: layouts (QAction per layout kind), split, merge, pin, alarm, text, clear, place,
    undo, redo, save_preset, push, discard; keys (canvas key → action); edits (what a read-only
    seat may not use)."""

    def __init__(self, undo_stack: QUndoStack, parent: QObject) -> None:
        super().__init__(parent)
        self.layouts: dict[str, QAction] = {}
        self.keys: dict[tuple[int, int], QAction] = {}  # (key, modifiers' value) → action
        for kind in NAMED_KINDS:
            label = LAYOUT_LABELS[kind]
            tip = self.tr("Layout {name} on the selected monitor").format(name=label)
            self.layouts[kind] = self._action(label, tip, LAYOUT_KEYS[kind])
        self.split = self._action(
            self.tr("Split 2×2"), self.tr("Split the selected tile into 2×2"), Qt.Key.Key_S
        )
        self.merge = self._action(
            self.tr("Merge"), self.tr("Merge the selected tiles (Ctrl+click selects several)"), Qt.Key.Key_M
        )
        self.pin = self._action(
            self.tr("Pin"), self.tr("Pin or unpin: rules leave a pinned tile alone"), Qt.Key.Key_P
        )
        self.alarm = self._action(
            self.tr("Alarm tile"),
            self.tr("Designate for alarms: alarm-linked switching puts cameras here"),
            Qt.Key.Key_A,
        )
        self.text = self._action(self.tr("Edit text…"), self.tr("Edit the selected text tile"), Qt.Key.Key_T)
        self.clear = self._action(self.tr("Clear"), self.tr("Empty the selected tiles"), Qt.Key.Key_Delete)
        self.keys[(Qt.Key.Key_Backspace.value, 0)] = self.clear
        self.place = self._action(
            self.tr("Put on tile"),
            self.tr("Put the source chosen in the browser on the selected tile"),
            Qt.Key.Key_Return,
        )
        self.keys[(Qt.Key.Key_Enter.value, 0)] = self.place
        self.undo = undo_stack.createUndoAction(self, self.tr("Undo"))
        self.redo = undo_stack.createRedoAction(self, self.tr("Redo"))
        self._shortcut(
            self.undo, QKeySequence.StandardKey.Undo, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
        )
        ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        self._shortcut(self.redo, QKeySequence("Ctrl+Shift+Z"), Qt.Key.Key_Z, ctrl_shift)
        self.save_preset = QAction(self.tr("Save as preset…"), self)
        self._shortcut(
            self.save_preset, QKeySequence("Ctrl+S"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
        )
        self.push = QAction(self.tr("Push to the wall"), self)
        self._shortcut(
            self.push, QKeySequence("Ctrl+Return"), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
        self.push.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])  # keypad too
        self.keys[(Qt.Key.Key_Enter.value, Qt.KeyboardModifier.ControlModifier.value)] = self.push
        self.discard = QAction(self.tr("Discard edits"), self)
        self.discard.setToolTip(self.tr("Show the wall as it is now, dropping the unpushed edits"))
        self.edits = [
            *self.layouts.values(), self.split, self.merge, self.pin, self.alarm, self.text, self.clear,
            self.place, self.save_preset, self.push, self.discard,
        ]  # fmt: skip

    def _action(self, text: str, tip: str, key: Qt.Key) -> QAction:
        action = QAction(text, self)
        name = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({name})")
        self.keys[(key.value, 0)] = action
        return action

    def _shortcut(
        self,
        action: QAction,
        sequence: QKeySequence | QKeySequence.StandardKey,
        key: Qt.Key,
        modifiers: Qt.KeyboardModifier,
    ) -> None:
        """A window shortcut while the Wall place is shown, and the same key on the canvas."""
        action.setShortcut(sequence)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.keys[(key.value, modifiers.value)] = action
        name = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{action.text().replace('&', '')} ({name})")

    def tool_row(self, parent: QWidget) -> QHBoxLayout:
        """The designer's tool buttons: layouts, split and merge, marks, undo and redo."""
        row = QHBoxLayout()
        groups = [
            list(self.layouts.values()),
            [self.split, self.merge],
            [self.pin, self.alarm, self.text, self.clear],
            [self.undo, self.redo],
        ]
        for group in groups:
            for action in group:
                button = QToolButton(parent)
                button.setDefaultAction(action)
                row.addWidget(button)
            row.addSpacing(12)
        row.addStretch(1)
        return row

    def action_for(self, key: int, modifiers: Qt.KeyboardModifier) -> QAction | None:
        """The action of a key pressed on the canvas (keypad keys count as the main keys)."""
        return self.keys.get((key, modifiers.value & ~Qt.KeyboardModifier.KeypadModifier.value))
