"""One case in full for the workspace: header with SLA badges, every field, the sections (timeline,
reports, linked cases, attachments, consultations, extensions, callbacks) and exactly the actions the
signed-in role may take now. It follows the case's ``case.updated`` events."""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget
from qasync import asyncSlot
from shiboken6 import isValid

from app.seat_service import SeatService
from client_api import intake_messages as im
from client_api import lifecycle_messages as lm
from client_api import messages as m
from client_api.client import Event
from client_api.errors import ErrorCode, NotConnected, ProtocolError, RequestTimeout
from ui.case_actions_bar import CaseActionsBar
from ui.cases.detail_fields import DetailFields
from ui.cases.detail_header import DetailHeader
from ui.cases.detail_sections import DetailSections
from ui.cases.detail_side_actions import SideActionsBar


class CaseDetailPane(QWidget):
    """Attributes: case_id (None when empty), detail (the last CaseDetail shown), header, fields_view,
    sections, action_bar (lifecycle), side_actions, status (results and the backend's errors).

    Signals:
    shown(object): the CaseDetail now shown (None after ``clear``).
    """

    shown = Signal(object)

    def __init__(self, service: SeatService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.case_id: int | None = None
        self.detail: im.CaseDetail | None = None
        self._generation = 0  # each load takes a number; only the latest one is shown
        self.header = DetailHeader(self)
        self.fields_view = DetailFields(service, self)
        self.sections = DetailSections(service, self)
        self.action_bar = CaseActionsBar(service, None, self)
        self.side_actions = SideActionsBar(service, self)
        self.status = QLabel(self)
        self.status.setObjectName("caseDetailStatus")
        self.status.setWordWrap(True)
        actions = QVBoxLayout()  # the lifecycle's moves on one row, what goes beside them on the next
        for bar in (self.action_bar, self.side_actions):
            row = QHBoxLayout()
            row.addWidget(bar)
            row.addStretch(1)
            actions.addLayout(row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.fields_view)
        layout.addWidget(self.sections, 1)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        self._reload_soon = QTimer(self)  # a burst of events for the case makes one reload
        self._reload_soon.setSingleShot(True)
        self._reload_soon.setInterval(50)
        self._reload_soon.timeout.connect(self.reload)
        for failed in (self.action_bar.failed, self.side_actions.failed, self.sections.reports_tab.failed):
            failed.connect(self.show_error)
        self.side_actions.done.connect(self._on_changed_here)
        self.sections.reports_tab.succeeded.connect(self.show_info)
        self.sections.reports_tab.changed.connect(self.reload)
        self.action_bar.transitioned.connect(lambda _result: self._on_changed_here(""))
        self.sections.openCase.connect(self.show_case)
        self.sections.saveRequested.connect(self.on_save_requested)
        service.eventReceived.connect(self.on_service_event)

    def show_case(self, case_id: int) -> None:
        """Show ``case_id`` (loading it); the last call wins when the operator moves fast."""
        if case_id != self.case_id:
            self.case_id = case_id
            self.action_bar.set_case(case_id)
            self.status.clear()
        self.reload()

    def clear(self) -> None:
        self._generation += 1
        self.case_id = None
        self.action_bar.set_case(None)
        self.status.clear()
        self._show(None, [])

    @asyncSlot()
    async def reload(self) -> None:
        await self.load()

    async def load(self) -> None:
        """Ask the backend for the case's detail and actions, and show them (or the error)."""
        case_id = self.case_id
        if case_id is None:
            return
        self._generation += 1
        generation = self._generation
        try:
            detail: im.CaseDetail = await self._service.client.request(
                "case.detail", im.GetCaseDetail(case_id=case_id)
            )
            actions: lm.CaseActions = await self._service.client.request(
                "case.actions", lm.GetCaseActions(case_id=case_id)
            )
        except ProtocolError as exc:
            if not self._current(generation):
                return
            if exc.code in (ErrorCode.FORBIDDEN, ErrorCode.NOT_FOUND):  # e.g. returned: it left this unit
                self._show(None, [])
                self.show_error(
                    self.tr("This case is no longer open to this seat: {message}").format(message=exc.message)
                )
            else:
                self.show_error(
                    self.tr("The case could not be loaded: {message}").format(message=exc.message)
                )
            return
        except (NotConnected, RequestTimeout):
            if self._current(generation):
                self.show_error(self.tr("Not connected to the backend; the case could not be loaded."))
            return
        if self._current(generation):
            self._show(detail, actions.actions)

    def _current(self, generation: int) -> bool:
        """Whether a load's answer is still wanted: no later load began and the pane still exists."""
        return generation == self._generation and isValid(self)

    def _show(self, detail: im.CaseDetail | None, actions: list[str]) -> None:
        self.detail = detail
        case = None if detail is None else detail.case
        self.header.set_case(case)
        self.fields_view.set_case(case)
        self.sections.show_detail(detail)
        self.action_bar.show_actions(actions)
        self.side_actions.show_for(detail, actions)
        self.shown.emit(detail)

    def show_error(self, text: str) -> None:
        self.status.setProperty("kind", "error")
        self.status.setStyleSheet("color:#b42318;")
        self.status.setText(text)

    def show_info(self, text: str) -> None:
        self.status.setProperty("kind", "info")
        self.status.setStyleSheet("")
        self.status.setText(text)

    def _on_changed_here(self, text: str) -> None:
        if text:
            self.show_info(text)
        else:
            self.status.clear()
        self.reload()

    def on_service_event(self, event: Event) -> None:
        payload = event.payload
        case = getattr(payload, "case", None)
        case_id = case.id if isinstance(case, m.CaseRecord) else getattr(payload, "case_id", None)
        if self.case_id is not None and case_id == self.case_id:
            self._reload_soon.start()

    @asyncSlot(object)
    async def on_save_requested(self, attachment: m.AttachmentInfo) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save attachment"), attachment.name)
        if path:
            await self.save_attachment(attachment, Path(path))

    async def save_attachment(self, attachment: m.AttachmentInfo, path: Path) -> bool:
        """Fetch the attachment (``attachment.get``) and write it to ``path``."""
        try:
            data: m.AttachmentData = await self._service.client.request(
                "attachment.get", m.GetAttachment(attachment_id=attachment.id)
            )
            await asyncio.to_thread(path.write_bytes, data.data)
        except ProtocolError as exc:
            self.show_error(
                self.tr("The attachment could not be fetched: {message}").format(message=exc.message)
            )
            return False
        except (NotConnected, RequestTimeout):
            self.show_error(self.tr("Not connected to the backend; the attachment was not saved."))
            return False
        except OSError as exc:
            self.show_error(self.tr("The file could not be written: {reason}").format(reason=exc.strerror))
            return False
        self.show_info(self.tr("Saved {name} to {path}.").format(name=attachment.name, path=str(path)))
        return True
