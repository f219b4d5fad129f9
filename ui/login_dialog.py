"""The login dialog: user, password and seat; errors shown in place, the dialog stays open."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from app.seat_service import SeatService
from client_api.errors import NotConnected, ProtocolError, RequestTimeout


class LoginDialog(QDialog):
    """Accepted once the backend has logged the operator in."""

    def __init__(
        self,
        service: SeatService,
        *,
        username: str = "",
        seat_id: str = "",
        demo: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self.setWindowTitle(self.tr("Log in to the seat console"))
        self.username = QLineEdit(username, self)
        self.username.setObjectName("username")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.seat_id = QLineEdit(seat_id, self)
        self.seat_id.setObjectName("seatId")
        self.error_label = QLabel(self)
        self.error_label.setObjectName("loginError")
        self.error_label.setStyleSheet("color:#b42318;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        self.buttons.accepted.connect(self.on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Seat"), self.seat_id)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if demo:
            hint = QLabel(self.tr("Demo backend: try operator1 with the password demo."), self)
            hint.setStyleSheet("color:#555;")
            layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        (self.password if username else self.username).setFocus()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    @asyncSlot()
    async def on_buttons_accepted(self) -> None:
        user, password, seat = self.username.text().strip(), self.password.text(), self.seat_id.text().strip()
        if not user or not password or not seat:
            self.show_error(self.tr("Enter the user name, the password and the seat."))
            return
        self.buttons.setEnabled(False)
        try:
            await self._service.login(user, password, seat)
        except ProtocolError as exc:
            if exc.code == "bad_credentials":
                self.show_error(self.tr("Unknown user or wrong password."))
            else:
                self.show_error(
                    self.tr("The backend refused the login: {message}").format(message=exc.message)
                )
            self.password.selectAll()
            self.password.setFocus()
            return
        except (NotConnected, RequestTimeout):
            self.show_error(self.tr("The backend cannot be reached. Check the connection and try again."))
            return
        finally:
            self.buttons.setEnabled(True)
        self.accept()
