"""Push-to-talk from the keyboard (or a foot pedal that sends a key): hold Space while the radio panel
has the focus, or the window-wide key (F12 unless RadioPrefs.ptt_key says otherwise) anywhere in the
panel's window.

An application event filter, because a shortcut knows no release. Auto-repeated presses and releases
are ignored; the release unkeys wherever the focus went meanwhile, and the window losing the focus
unkeys too (a release it never sees would otherwise keep the floor).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QKeyCombination, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

PANEL_KEY = QKeyCombination(Qt.Key.Key_Space)
TEXT_INPUTS = (QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit, QComboBox)
KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride)


def key_sequence(text: str) -> QKeySequence | None:
    """One key as a QKeySequence string says it ("F12", "Ctrl+Space"); None when it names no key."""
    sequence = QKeySequence(text)
    return sequence if sequence.count() == 1 else None


class RadioPttKeys(QObject):
    """Signals:
    pressed(): a PTT key went down (not an auto-repeat).
    released(): the key that keyed came up, or the window lost the focus while it was down.

    Attributes:
        panel: the radio panel (Space works while it or a control in it has the focus).
        window_key: the window-wide PTT key (None: none).
        held: the key that keyed, while it is down.
    """

    pressed = Signal()
    released = Signal()

    def __init__(self, panel: QWidget, window_key: str) -> None:
        super().__init__(panel)
        self.panel = panel
        self.window_key = key_sequence(window_key)
        self.held: int | None = None
        app = QCoreApplication.instance()
        if app is not None:  # Qt removes the filter when this object is deleted
            app.installEventFilter(self)

    def set_window_key(self, text: str) -> None:
        self.window_key = key_sequence(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.WindowDeactivate and self.held is not None and watched is self.panel.window():
            self._release()
            return False
        if kind not in KEY_EVENTS or not isinstance(watched, QWidget) or not isinstance(event, QKeyEvent):
            return False
        if kind == QEvent.Type.KeyRelease:
            if self.held is None or event.key() != self.held:
                return False
            if not event.isAutoRepeat():
                self._release()
            return True
        if self.held is not None and event.key() == self.held:
            event.accept()
            return True  # an auto-repeat of the key that keyed, or its shortcut override
        if not self._is_ptt_key(watched, event):
            return False
        event.accept()
        if kind == QEvent.Type.KeyPress and not event.isAutoRepeat():
            self.held = event.key()
            self.pressed.emit()
        return True

    def _is_ptt_key(self, watched: QWidget, event: QKeyEvent) -> bool:
        combination = event.keyCombination()
        if self.window_key is not None and QKeySequence(combination) == self.window_key:
            return watched.window() is self.panel.window()
        if combination != PANEL_KEY or isinstance(watched, TEXT_INPUTS):
            return False
        return watched is self.panel or self.panel.isAncestorOf(watched)

    def _release(self) -> None:
        self.held = None
        self.released.emit()
