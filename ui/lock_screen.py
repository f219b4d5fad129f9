"""The idle lock: an opaque cover over the whole main window that asks for the password again.

Nothing under it changes: the open form keeps its text, open dialogs are hidden (not closed) and shown
again after unlocking, and the session stays logged in, so events keep arriving.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot
from shiboken6 import isValid

from app.seat_service import SeatService
from client_api.errors import ErrorCode, NotConnected, ProtocolError, RequestTimeout


class LockScreen(QWidget):
    """Attributes: password, error_label, unlock_button, locked.

    Signals:
    unlocked(): the operator typed their password and the backend accepted it.
    """

    unlocked = Signal()

    def __init__(self, service: SeatService, parent: QMainWindow) -> None:
        super().__init__(parent)
        self._service = service
        self._window = parent
        self._hidden: list[QWidget] = []
        self._focus: QWidget | None = None
        self.locked = False
        self.setObjectName("lockScreen")
        self.setAutoFillBackground(True)
        self.setStyleSheet("#lockScreen{background:#1d2939;} QLabel{color:white;}")
        self.name_label = QLabel(self)
        self.name_label.setStyleSheet("font-size:18px;font-weight:bold;")
        self.password = QLineEdit(self)
        self.password.setObjectName("unlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.error_label = QLabel(self)
        self.error_label.setObjectName("unlockError")
        self.error_label.setStyleSheet("color:#fda29b;")
        self.error_label.setWordWrap(True)
        self.unlock_button = QPushButton(self.tr("&Unlock"), self)
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        box = QFrame(self)
        box.setFixedWidth(360)
        inner = QVBoxLayout(box)
        title = QLabel(self.tr("This seat is locked"), box)
        inner.addWidget(title)
        for widget in (self.name_label, self.password, self.error_label, self.unlock_button):
            widget.setParent(box)
            inner.addWidget(widget)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignCenter)
        outer.addStretch(2)
        self.unlock_button.clicked.connect(self.on_unlock_clicked)
        self.password.returnPressed.connect(self.on_unlock_clicked)
        parent.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize and self.locked:
            self.setGeometry(self._window.rect())
            self.raise_()
        return False

    def lock(self) -> None:
        """Cover the window; the widgets under it are disabled (not changed) so no key reaches them."""
        if self.locked:
            return
        self.locked = True
        operator = self._service.operator
        self.name_label.setText(
            self.tr("Signed in: {name}").format(name=operator.display_name if operator else "?")
        )
        self._focus = QApplication.focusWidget()
        self._hidden = [
            w
            for w in QApplication.topLevelWidgets()
            if w is not self._window and w.isVisible() and self._belongs_here(w)
        ]
        for widget in self._hidden:
            widget.hide()
        for widget in self._covered():
            widget.setEnabled(False)
        self.password.clear()
        self.error_label.clear()
        self.setGeometry(self._window.rect())
        self.show()
        self.raise_()
        self.password.setFocus()

    def _belongs_here(self, widget: QWidget) -> bool:
        parent = widget.parentWidget()
        while parent is not None:
            if parent is self._window:
                return True
            parent = parent.parentWidget()
        return False

    def _covered(self) -> list[QWidget]:
        window = self._window
        return [w for w in (window.centralWidget(), window.menuBar(), window.statusBar()) if w is not None]

    @asyncSlot()
    async def on_unlock_clicked(self) -> None:
        password = self.password.text()
        if not self.locked or not password:
            return
        self.unlock_button.setEnabled(False)
        try:
            await self._service.unlock(password)
        except ProtocolError as exc:
            if isValid(self):
                self._refused(exc)
            return
        except (NotConnected, RequestTimeout):
            if isValid(self):
                self.error_label.setText(
                    self.tr("The backend cannot be reached; the password is checked once it is.")
                )
            return
        finally:
            if isValid(self):
                self.unlock_button.setEnabled(True)
        if isValid(self):
            self._open()

    def _refused(self, exc: ProtocolError) -> None:
        self.password.clear()
        if exc.code == ErrorCode.LOCKED:
            text = self.tr("The account is locked: {reason}").format(reason=exc.message)
        elif exc.code == ErrorCode.BAD_CREDENTIALS:
            text = self.tr("Wrong password.")
        else:
            text = self.tr("The backend refused: {reason}").format(reason=exc.message)
        self.error_label.setText(text)

    def _open(self) -> None:
        self.locked = False
        self.password.clear()
        self.hide()
        for widget in self._covered():
            widget.setEnabled(True)
        for widget in self._hidden:
            if isValid(widget):
                widget.show()
        self._hidden = []
        if self._focus is not None and isValid(self._focus):
            self._focus.setFocus()
        self._focus = None
        self.unlocked.emit()
