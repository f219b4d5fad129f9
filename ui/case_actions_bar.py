"""The lifecycle actions the signed-in role may take on a case now, as buttons (others are absent)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QPushButton, QWidget
from qasync import asyncSlot

from app.seat_service import SeatService
from client_api import lifecycle_messages as lm
from client_api.errors import NotConnected, ProtocolError, RequestTimeout

# Which fields an action asks for (mirrors the backend's table; the backend checks them again).
NEEDS = {
    "dispatch": ("department_code",),
    "return": ("note",),
    "complete": ("result",),
    "verify_fail": ("note",),
    "callback_done": ("satisfaction",),
    "callback_unsatisfied": ("note",),
    "suspend": ("note",),
    "void": ("note",),
}


class CaseActionsBar(QWidget):
    """Signals:
    transitioned(object): the CaseTransitioned answer of an action taken here.
    failed(str): an action was refused or could not be sent, in words for the operator.
    """

    transitioned = Signal(object)
    failed = Signal(str)

    def __init__(self, service: SeatService, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.case_id = case_id
        self.buttons: dict[str, QPushButton] = {}
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def label(self, action: str) -> str:
        return {
            "register": self.tr("Register"),
            "dispatch": self.tr("Dispatch…"),
            "accept": self.tr("Accept"),
            "return": self.tr("Return…"),
            "complete": self.tr("Report completion…"),
            "verify_pass": self.tr("Verified"),
            "verify_fail": self.tr("Verification failed…"),
            "callback_done": self.tr("Callback: satisfied…"),
            "callback_unsatisfied": self.tr("Callback: unsatisfied…"),
            "suspend": self.tr("Suspend…"),
            "resume": self.tr("Resume"),
            "void": self.tr("Void…"),
            "archive": self.tr("Archive"),
        }.get(action, action)

    async def load(self) -> None:
        try:
            actions: lm.CaseActions = await self._service.client.request(
                "case.actions", lm.GetCaseActions(case_id=self.case_id)
            )
        except (ProtocolError, NotConnected, RequestTimeout) as exc:
            self.failed.emit(self.tr("The case's actions could not be loaded: {reason}").format(reason=exc))
            return
        self.show_actions(actions.actions)

    def show_actions(self, actions: list[str]) -> None:
        for button in self.buttons.values():
            button.deleteLater()
        self.buttons = {}
        for action in actions:
            button = QPushButton(self.label(action), self)
            button.setObjectName(f"action_{action}")
            button.clicked.connect(lambda _checked=False, a=action: self.on_action(a))
            self._layout.addWidget(button)
            self.buttons[action] = button

    def ask(self, action: str) -> dict[str, str] | None:
        """The fields ``action`` needs, asked from the operator; None when they cancel."""
        fields: dict[str, str] = {}
        for need in NEEDS.get(action, ()):
            if need == "department_code":
                ref = self._service.reference
                departments = [(d.name, d.code) for d in ref.departments] if ref else []
                names = [name for name, _code in departments]
                name, ok = QInputDialog.getItem(
                    self, self.label(action), self.tr("Lead department:"), names, 0, False
                )
                if not ok:
                    return None
                fields[need] = dict(departments)[name]
            elif need == "satisfaction":
                choices = {
                    self.tr("Satisfied"): "satisfied",
                    self.tr("Basically satisfied"): "basically_satisfied",
                }
                text, ok = QInputDialog.getItem(
                    self, self.label(action), self.tr("The reporter is:"), list(choices), 0, False
                )
                if not ok:
                    return None
                fields[need] = choices[text]
            else:
                prompt = self.tr("What was done:") if need == "result" else self.tr("Reason or note:")
                text, ok = QInputDialog.getText(self, self.label(action), prompt)
                if not ok or not text.strip():
                    return None
                fields[need] = text.strip()
        return fields

    @asyncSlot(str)
    async def on_action(self, action: str) -> None:
        fields = self.ask(action)
        if fields is not None:
            await self.take(action, fields)

    async def take(self, action: str, fields: dict[str, str]) -> bool:
        request = lm.TransitionCase(case_id=self.case_id, action=action, **fields)
        try:
            result: lm.CaseTransitioned = await self._service.client.request("case.transition", request)
        except ProtocolError as exc:
            self.failed.emit(self.tr("Refused: {message}").format(message=exc.message))
            return False
        except (NotConnected, RequestTimeout):
            self.failed.emit(self.tr("Not connected to the backend; nothing was changed."))
            return False
        self._service.cases.upsert(result.case)
        self.show_actions(result.actions)
        self.transitioned.emit(result)
        return True
