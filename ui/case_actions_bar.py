"""The lifecycle actions the signed-in role may take on a case now, as buttons (others are absent). An
action that needs fields asks for them in a dialog first (dispatch in the DispatchDialog)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QWidget
from qasync import asyncSlot
from shiboken6 import isValid

from app import message
from app.qt_async import run_dialog
from app.seat_service import SeatService
from client_api import lifecycle_messages as lm
from client_api.errors import NotConnected, ProtocolError, RequestTimeout
from ui.cases.action_dialog import NoteDialog
from ui.cases.callback_dialog import CallbackDialog
from ui.cases.dispatch_dialog import DispatchDialog

CALLBACKS = ("callback_done", "callback_unsatisfied")  # one "Callback…" button; the dialog chooses


class CaseActionsBar(QWidget):
    """Attributes: case_id (None: no case), buttons (by action; both callback actions share one button),
    open_dialog (the dialog asking for an action's fields while it is open).

    Signals:
    transitioned(object): the CaseTransitioned answer of an action taken here.
    failed(str): an action was refused or could not be sent, in words for the operator.
    """

    transitioned = Signal(object)
    failed = Signal(str)

    def __init__(self, service: SeatService, case_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.case_id = case_id
        self.buttons: dict[str, QPushButton] = {}
        self.open_dialog: QDialog | None = None
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def label(self, action: str) -> str:
        return {
            "register": self.tr("Register"),
            "dispatch": self.tr("Dispatch…"),
            "subdispatch": self.tr("Dispatch on…"),
            "accept": self.tr("Accept"),
            "return": self.tr("Return…"),
            "complete": self.tr("Report completion…"),
            "verify_pass": self.tr("Verified"),
            "verify_fail": self.tr("Verification failed…"),
            "callback_done": self.tr("Callback…"),
            "callback_unsatisfied": self.tr("Callback…"),
            "suspend": self.tr("Suspend…"),
            "resume": self.tr("Resume"),
            "void": self.tr("Void…"),
            "archive": self.tr("Archive"),
        }.get(action, action)

    def set_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self.show_actions([])

    async def load(self) -> None:
        case_id = self.case_id
        if case_id is None:
            return
        try:
            actions: lm.CaseActions = await self._service.client.request(
                "case.actions", lm.GetCaseActions(case_id=case_id)
            )
        except (ProtocolError, NotConnected, RequestTimeout) as exc:
            if isValid(self):
                self.failed.emit(
                    self.tr("The case's actions could not be loaded: {reason}").format(reason=exc)
                )
            return
        if isValid(self) and case_id == self.case_id:  # the operator may have moved on meanwhile
            self.show_actions(actions.actions)

    def show_actions(self, actions: list[str]) -> None:
        for button in set(self.buttons.values()):
            button.deleteLater()
        self.buttons = {}
        for action in actions:
            shared = next((self.buttons[a] for a in CALLBACKS if a in self.buttons), None)
            if action in CALLBACKS and shared is not None:
                self.buttons[action] = shared
                continue
            button = QPushButton(self.label(action), self)
            button.setObjectName(f"action_{action}")
            button.clicked.connect(lambda _checked=False, a=action: self.on_action(a))
            self._layout.addWidget(button)
            self.buttons[action] = button

    async def ask(self, action: str) -> tuple[str, dict[str, Any]] | None:
        """The action to take and the fields it needs, asked from the operator; None when they cancel."""
        dialog: QDialog
        if action in ("dispatch", "subdispatch"):
            assert self.case_id is not None
            dialog = DispatchDialog(self._service, self.case_id, action, self)
            await dialog.load()
        elif action in CALLBACKS:
            dialog = CallbackDialog(tuple(self._callback_choices()), self)
        elif action in ("return", "verify_fail", "suspend", "void"):
            dialog = NoteDialog(self.label(action), self.tr("Reason:"), f"{action}Dialog", parent=self)
        elif action == "complete":
            dialog = NoteDialog(self.label(action), self.tr("What was done:"), "completeDialog", parent=self)
        else:
            return action, {}
        self.open_dialog = dialog
        try:
            if await run_dialog(dialog) != QDialog.DialogCode.Accepted:
                return None
            if isinstance(dialog, DispatchDialog):
                return dialog.action, dialog.fields()
            if isinstance(dialog, CallbackDialog):
                return dialog.action(), dialog.fields()
            assert isinstance(dialog, NoteDialog)
            return action, {"result" if action == "complete" else "note": dialog.text()}
        finally:
            self.open_dialog = None
            if isValid(dialog):  # gone already when the pane closed while it was open
                dialog.deleteLater()

    def _callback_choices(self) -> list[str]:
        choices = ["satisfied", "basically_satisfied"] if "callback_done" in self.buttons else []
        return choices + (["unsatisfied"] if "callback_unsatisfied" in self.buttons else [])

    @asyncSlot(str)
    async def on_action(self, action: str) -> None:
        asked = await self.ask(action)
        if asked is not None:
            await self.take(*asked)

    async def take(self, action: str, fields: dict[str, Any]) -> bool:
        """Send the action through the outbox; True when it was applied or kept to send later."""
        if self.case_id is None:
            return False
        request = lm.TransitionCase(case_id=self.case_id, action=action, **fields)
        try:
            submitted = await self._service.submit("case.transition", request, self._summary(action))
        except (ProtocolError, NotConnected, RequestTimeout) as exc:
            if isValid(self):
                self._refused(exc)
            return False
        result: lm.CaseTransitioned | None = submitted.response
        if result is None:  # the link is down: the command waits in the outbox
            message.info(self.tr("Waiting to send: {summary}").format(summary=submitted.entry.summary))
            if isValid(self):
                self.show_actions([])  # nothing more to take until the case's new state is known
            return True
        if not isValid(self):  # the pane was closed while the request was out
            return True
        if result.case.id == self.case_id:
            self.show_actions(result.actions)
        self.transitioned.emit(result)
        return True

    def _summary(self, action: str) -> str:
        row = self._service.cases.row_of(self.case_id) if self.case_id is not None else None
        case_no = self._service.cases[row].case_no if row is not None else f"#{self.case_id}"
        return f"{self.label(action).rstrip('…')} {case_no}"

    def _refused(self, exc: Exception) -> None:
        if isinstance(exc, ProtocolError):
            self.failed.emit(self.tr("Refused: {message}").format(message=exc.message))
        else:
            self.failed.emit(self.tr("Not connected to the backend; nothing was changed."))
