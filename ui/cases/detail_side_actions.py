"""The actions beside the lifecycle that the signed-in role may take on a case now (others are absent):
progress and extension requests for the handling unit; supervision, urging, deciding extensions and
consultations for supervisors; linking cases for the center's desk."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import msgspec
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QWidget
from qasync import asyncSlot
from shiboken6 import isValid

from app.qt_async import run_dialog
from app.seat_service import SeatService
from client_api import dispatch_messages as dm
from client_api import intake_messages as im
from client_api import sla_messages as sm
from client_api.errors import NotConnected, ProtocolError, RequestTimeout
from ui.cases.action_dialog import NoteDialog
from ui.cases.consultation_dialog import ConsultationDialog
from ui.cases.decide_extension_dialog import DecideExtensionDialog
from ui.cases.extension_dialog import ExtensionDialog
from ui.cases.link_dialog import LinkDialog
from ui.cases.progress_dialog import ProgressDialog
from ui.cases.supervise_dialog import SuperviseDialog

CLOSED = frozenset({"closed", "archived", "voided"})
WITH_UNIT = frozenset({"dispatched", "handling"})
SUPERVISORS = frozenset({"supervisor", "admin"})
DESK = frozenset({"operator", "supervisor", "admin"})


def side_actions(detail: im.CaseDetail, role: str, lifecycle: list[str]) -> list[str]:
    """What ``role`` may do beside the lifecycle now; ``lifecycle`` (the case's lifecycle actions for this
    seat) tells whether a handler's unit holds the case."""
    case, found = detail.case, []
    if role == "handler" and case.status in WITH_UNIT and lifecycle:
        found.append("progress")
        if case.extension_state != "pending":
            found.append("extension")
    if role in SUPERVISORS and case.status not in CLOSED:
        found.append("supervise")
        found.append("urge")
        if any(e.state == "pending" for e in detail.extensions):
            found.append("decide_extension")
        found.append("consultation")
        if any(c.state == "open" for c in detail.consultations):
            found.append("conclude_consultation")
    if role in DESK and case.status not in {"archived", "voided"}:
        found.append("link")
    return found


class SideActionsBar(QWidget):
    """Attributes: detail (the CaseDetail the actions are for), buttons (by action), open_dialog.

    Signals:
    done(str): an action was taken, in words for the operator.
    failed(str): it was refused or could not be sent (the backend's message).
    """

    done = Signal(str)
    failed = Signal(str)

    def __init__(self, service: SeatService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.detail: im.CaseDetail | None = None
        self.buttons: dict[str, QPushButton] = {}
        self.open_dialog: QDialog | None = None
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def label(self, action: str) -> str:
        return {
            "progress": self.tr("Report progress…"),
            "extension": self.tr("Request extension…"),
            "supervise": self.tr("Supervise…"),
            "urge": self.tr("Urge…"),
            "decide_extension": self.tr("Decide extension…"),
            "consultation": self.tr("Consultation…"),
            "conclude_consultation": self.tr("Conclude consultation…"),
            "link": self.tr("Link case…"),
        }[action]

    def show_for(self, detail: im.CaseDetail | None, lifecycle: list[str]) -> None:
        self.detail = detail
        operator = self._service.operator
        actions = [] if detail is None or operator is None else side_actions(detail, operator.role, lifecycle)
        for button in self.buttons.values():
            button.deleteLater()
        self.buttons = {}
        for action in actions:
            button = QPushButton(self.label(action), self)
            button.setObjectName(f"side_{action}")
            button.clicked.connect(lambda _checked=False, a=action: self.on_action(a))
            self._layout.addWidget(button)
            self.buttons[action] = button

    @asyncSlot(str)
    async def on_action(self, action: str) -> None:
        detail = self.detail
        if detail is None:
            return
        dialog, send = self._prepare(action, detail)
        self.open_dialog = dialog
        try:
            accepted = await run_dialog(dialog) == QDialog.DialogCode.Accepted
            request = send() if accepted else None
        finally:
            self.open_dialog = None
            if isValid(dialog):  # gone already when the pane closed while it was open
                dialog.deleteLater()
        if request is not None:
            await self._send(self.label(action), request)

    def _prepare(
        self, action: str, detail: im.CaseDetail
    ) -> tuple[QDialog, Callable[[], tuple[str, msgspec.Struct]]]:
        """The dialog for ``action`` and how to make its request from the dialog once accepted."""
        case = detail.case
        if action == "progress":
            p = ProgressDialog(self._service, self)
            return p, lambda: (
                "case.progress",
                dm.ReportProgress(case_id=case.id, note=_text(p.note), attachment_ids=p.attachments.ids),
            )
        if action == "extension":
            e = ExtensionDialog(self)
            return e, lambda: (
                "extension.request",
                sm.RequestExtension(
                    case_id=case.id,
                    amount=e.amount.value(),
                    unit=str(e.unit.currentData()),
                    reason=_text(e.reason),
                ),
            )
        if action == "supervise":
            s = SuperviseDialog(case.supervision_level, self)
            return s, lambda: (
                "case.supervise",
                sm.SuperviseCase(case_id=case.id, level=str(s.level.currentData()), note=_text(s.note)),
            )
        if action == "urge":
            u = NoteDialog(self.label(action), self.tr("Urge notice:"), "urgeDialog", parent=self)
            return u, lambda: ("case.urge", sm.UrgeCase(case_id=case.id, note=u.text()))
        if action == "decide_extension":
            pending = next(x for x in detail.extensions if x.state == "pending")
            d = DecideExtensionDialog(pending, self)
            return d, lambda: (
                "extension.decide",
                sm.DecideExtension(
                    extension_id=pending.id, approve=d.approve.isChecked(), note=_text(d.note) or None
                ),
            )
        if action == "consultation":
            units = [c for c in (case.lead_department, *case.co_departments) if c]
            c = ConsultationDialog(self._service, units, self)
            return c, lambda: (
                "consultation.open",
                dm.OpenConsultation(
                    case_id=case.id, topic=c.topic.text().strip(), departments=c.unit_codes()
                ),
            )
        if action == "conclude_consultation":
            open_one = next(x for x in detail.consultations if x.state == "open")
            prompt = self.tr("Conclusion of “{topic}”:").format(topic=open_one.topic)
            n = NoteDialog(self.label(action), prompt, "concludeDialog", parent=self)
            return n, lambda: (
                "consultation.conclude",
                dm.ConcludeConsultation(consultation_id=open_one.id, conclusion=n.text()),
            )
        link = LinkDialog(self._service.cases, case.id, self)
        return link, lambda: ("case.link", _link_request(case.id, link))

    async def _send(self, label: str, request: tuple[str, msgspec.Struct]) -> None:
        kind, payload = request
        try:
            result: Any = await self._service.client.request(kind, payload)
        except ProtocolError as exc:
            if isValid(self):
                self.failed.emit(self.tr("Refused: {message}").format(message=exc.message))
            return
        except (NotConnected, RequestTimeout):
            if isValid(self):
                self.failed.emit(self.tr("Not connected to the backend; nothing was changed."))
            return
        for name in ("case", "other"):
            record = getattr(result, name, None)
            if record is not None:
                self._service.cases.upsert(record)
        if isValid(self):
            self.done.emit(self.tr("Done: {action}").format(action=label.rstrip("…")))


def _text(edit: Any) -> str:
    return str(edit.toPlainText()).strip()


def _link_request(case_id: int, dialog: LinkDialog) -> dm.LinkCases:
    other = dialog.other()
    assert other is not None  # the dialog does not accept an unknown case number
    return dm.LinkCases(case_id=case_id, other_case_id=other.id, kind=str(dialog.kind.currentData()))
