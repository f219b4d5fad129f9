"""The case form (工单): reporter, appeal type, urgency, category, location, object code, description.

Keyboard first: a fixed tab order, Ctrl+Enter submits, every field has a mnemonic. Submit stays
disabled until the case is valid and the hint says what is still missing. The draft is saved every
two seconds and reopened after a crash.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import time

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from app import message
from app.drafts import DraftStore
from app.seat_service import SeatService
from client_api import messages as m
from client_api.case_draft import CaseDraft
from client_api.errors import NotConnected, ProtocolError
from ui.intake.answer_panel import AnswerPanel
from ui.intake.attachment_row import AttachmentRow
from ui.intake.form_rules import FormRules
from ui.intake.suggestion_bar import SuggestionBar
from widgets.category_picker import CategoryPicker

DRAFT_INTERVAL_MS = 2000


class CaseForm(QWidget):
    """Signals:
    caseCreated(object): the CaseRecord the backend stored.
    caseQueued(object): the OutboxEntry of a case accepted while the link is down (sent later).
    draftChanged(object): the CaseDraft, after the operator paused typing (for suggestions, duplicates).
    """

    caseCreated = Signal(object)
    caseQueued = Signal(object)
    draftChanged = Signal(object)

    def __init__(
        self, service: SeatService, drafts: DraftStore | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._drafts = drafts or DraftStore()
        self._rules = FormRules(self)
        self._saved = CaseDraft()
        self._pending_restore = self._drafts.load()
        self._links: tuple[int | None, int | None] = (None, None)  # call id, intake item id
        self._channel = "hotline"
        self._location: tuple[float | None, float | None] = (None, None)
        self._save_task: asyncio.Future[None] | None = None
        self._build_fields()
        self._build_layout()
        self._wire()
        if service.reference is not None:
            self.on_service_referenceLoaded(service.reference)

    # --- construction ---------------------------------------------------------------------------

    def _build_fields(self) -> None:
        self.reporter_name = QLineEdit(self)
        self.reporter_name.setObjectName("reporterName")
        self.reporter_phone = QLineEdit(self)
        self.reporter_phone.setObjectName("reporterPhone")
        self.confidential = QCheckBox(self.tr("Con&fidential"), self)
        self.confidential.setToolTip(
            self.tr("Hide the reporter's name and number from other seats (GB/T 33358)")
        )
        self.appeal_type = QComboBox(self)
        self.appeal_type.setObjectName("appealType")
        self.urgency = QComboBox(self)
        self.urgency.setObjectName("urgency")
        for code, label in (
            ("normal", self.tr("Normal")),
            ("urgent", self.tr("Urgent")),
            ("critical", self.tr("Critical")),
        ):
            self.urgency.addItem(label, code)
        self.category = CategoryPicker(self)
        self.category.setObjectName("category")
        self.address = QLineEdit(self)
        self.address.setObjectName("address")
        self.address.setPlaceholderText(self.tr("Street, number, landmark"))
        self.map_button = QPushButton(self.tr("Map… (Ctrl+Shift+P)"), self)
        self.map_button.setObjectName("mapButton")
        self.map_button.setToolTip(self.tr("Pick the place on the grid map"))
        self.grid = QComboBox(self)
        self.grid.setObjectName("grid")
        self.object_code = QLineEdit(self)
        self.object_code.setObjectName("objectCode")
        self.object_code.setPlaceholderText(self.tr("16 digits, when the case concerns a city object"))
        self.object_code.setMaxLength(16)
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("description")
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(200)
        self.description.setPlaceholderText(
            self.tr("What happened, where exactly, since when, who is affected")
        )
        self.attachments = AttachmentRow(self._service, self)
        self.suggestions = SuggestionBar(self)
        self.answers = AnswerPanel(self)
        self.area_label = QLabel(self)
        self.area_label.setObjectName("areaLabel")
        self.area_label.setStyleSheet("color:#475467;")
        self.deadline_label = QLabel(self)
        self.deadline_label.setObjectName("deadlineLabel")
        self.deadline_label.setStyleSheet("color:#475467;")
        self.hint_label = QLabel(self)
        self.hint_label.setObjectName("formHint")
        self.hint_label.setStyleSheet("color:#666;")
        self.error_label = QLabel(self)
        self.error_label.setObjectName("formError")
        self.error_label.setStyleSheet("color:#b42318;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.submit_button = QPushButton(self.tr("Create case (Ctrl+Enter)"), self)
        self.submit_button.setObjectName("submitCase")
        self.submit_button.setEnabled(False)
        self.clear_button = QPushButton(self.tr("Clear (Ctrl+L)"), self)

    def _build_layout(self) -> None:
        reporter = QHBoxLayout()
        reporter.addWidget(self.reporter_name, 2)
        reporter.addWidget(self.reporter_phone, 2)
        reporter.addWidget(self.confidential)
        kind = QHBoxLayout()
        kind.addWidget(self.appeal_type, 1)
        kind.addWidget(self._label(self.tr("&Urgency"), self.urgency))
        kind.addWidget(self.urgency, 1)
        form = QFormLayout()
        form.addRow(self._label(self.tr("&Reporter"), self.reporter_name), reporter)
        form.addRow(self._label(self.tr("Appeal &type"), self.appeal_type), kind)
        form.addRow(self._label(self.tr("&Category"), self.category), self.category)
        address = QHBoxLayout()
        address.addWidget(self.address, 1)
        address.addWidget(self.map_button)
        form.addRow(self._label(self.tr("&Address"), self.address), address)
        form.addRow("", self.area_label)
        form.addRow(self._label(self.tr("&Grid"), self.grid), self.grid)
        form.addRow(self._label(self.tr("&Object code"), self.object_code), self.object_code)
        form.addRow(self._label(self.tr("&Description"), self.description), self.description)
        form.addRow("", self.suggestions)
        form.addRow(self._label(self.tr("Attac&hments"), self.attachments.attach_button), self.attachments)
        form.addRow("", self.deadline_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint_label, 1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("New case"), self)
        title.setStyleSheet("font-size:16px;font-weight:bold;")
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.answers)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        layout.addStretch(1)
        order = [
            self.reporter_name,
            self.reporter_phone,
            self.confidential,
            self.appeal_type,
            self.urgency,
            self.category,
            self.address,
            self.grid,
            self.object_code,
            self.description,
            self.submit_button,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _wire(self) -> None:
        self.submit_button.clicked.connect(self.on_submit_clicked)
        self.clear_button.clicked.connect(self.clear)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.on_submit_clicked)
        QShortcut(QKeySequence("Ctrl+L"), self, self.clear)
        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(lambda: self.draftChanged.emit(self.draft()))
        for line in (self.reporter_name, self.reporter_phone, self.address, self.object_code):
            line.textChanged.connect(self._on_edited)
        self.description.textChanged.connect(self._on_edited)
        self.category.currentIndexChanged.connect(self._on_edited)
        self.category.editTextChanged.connect(self._on_edited)
        for combo in (self.appeal_type, self.urgency, self.grid):
            combo.currentIndexChanged.connect(self._on_edited)
        self.confidential.toggled.connect(self._on_edited)
        self.attachments.changed.connect(self._on_edited)
        self.attachments.failed.connect(self.show_error)
        self._autosave = QTimer(self, interval=DRAFT_INTERVAL_MS)
        self._autosave.timeout.connect(self.save_draft)
        self._autosave.start()
        self._service.referenceLoaded.connect(self.on_service_referenceLoaded)

    # --- reference data and drafts --------------------------------------------------------------

    def on_service_referenceLoaded(self, ref: m.Reference) -> None:
        draft = self.draft() if self._pending_restore is None else self._pending_restore
        self.category.set_categories(ref.categories)
        self.appeal_type.clear()
        self.appeal_type.addItem(self.tr("(not given)"), "")
        for cat in ref.categories:
            if cat.kind == "appeal":
                self.appeal_type.addItem(cat.name, cat.code)
        self.grid.clear()
        self.grid.addItem(self.tr("(resolved from the address)"), "")
        areas = {a.code: a for a in ref.areas}
        for area in ref.areas:
            if area.level == "grid":
                village = areas.get(area.parent_code or "")
                town = areas.get(village.parent_code or "") if village else None
                self.grid.addItem(f"{town.name + ' ' if town else ''}{area.name}", area.code)
        self.set_draft(draft)
        if self._pending_restore is not None:
            saved = dt.datetime.fromtimestamp(self._pending_restore.saved_at).strftime("%H:%M:%S")
            message.warning(self.tr("The unsent case form from {time} was reopened.").format(time=saved))
            self._pending_restore = None
        self._on_edited()

    def draft(self) -> CaseDraft:
        call_id, item_id = self._links
        return CaseDraft(
            category_code=self.category.code() or "",
            appeal_type=self.appeal_type.currentData() or "",
            urgency=self.urgency.currentData() or "normal",
            reporter_name=self.reporter_name.text(),
            reporter_phone=self.reporter_phone.text(),
            confidential=self.confidential.isChecked(),
            address=self.address.text(),
            grid_code=self.grid.currentData() or "",
            object_code=self.object_code.text(),
            description=self.description.toPlainText(),
            call_id=call_id,
            intake_item_id=item_id,
            channel=self._channel,
            lat=self._location[0],
            lon=self._location[1],
            attachment_ids=list(self.attachments.ids),
            attachment_names=list(self.attachments.names),
        )

    def set_draft(self, draft: CaseDraft) -> None:
        self.category.set_code(draft.category_code or None)
        self.appeal_type.setCurrentIndex(max(0, self.appeal_type.findData(draft.appeal_type)))
        self.urgency.setCurrentIndex(max(0, self.urgency.findData(draft.urgency)))
        self.reporter_name.setText(draft.reporter_name)
        self.reporter_phone.setText(draft.reporter_phone)
        self.confidential.setChecked(draft.confidential)
        self.address.setText(draft.address)
        self.grid.setCurrentIndex(max(0, self.grid.findData(draft.grid_code)))
        self.object_code.setText(draft.object_code)
        self.description.setPlainText(draft.description)
        self._links = (draft.call_id, draft.intake_item_id)
        self._channel = draft.channel
        self._location = (draft.lat, draft.lon)
        self.attachments.set_attachments(draft.attachment_ids, draft.attachment_names)

    def link(
        self, *, call_id: int | None = None, intake_item_id: int | None = None, channel: str = "hotline"
    ) -> None:
        """Tie the case being written to the call or inbox item it comes from."""
        self._links = (call_id, intake_item_id)
        self._channel = channel

    def set_location(self, lat: float | None, lon: float | None) -> None:
        self._location = (lat, lon)

    def save_draft(self) -> None:
        """Save the draft if it changed since the last save (off the GUI thread)."""
        draft = self.draft()
        if draft == self._saved or (self._save_task is not None and not self._save_task.done()):
            return
        self._saved = draft
        if draft.is_empty():
            self._save_task = asyncio.ensure_future(asyncio.to_thread(self._drafts.clear))
            return
        draft.saved_at = time.time()
        self._save_task = asyncio.ensure_future(asyncio.to_thread(self._drafts.save, draft))

    # --- validation and submit ------------------------------------------------------------------

    def problems(self) -> list[tuple[str, str]]:
        return self._rules.problems(self.draft())

    def _on_edited(self, *_args: object) -> None:
        self._refresh()
        self.error_label.hide()
        self._debounce.start()

    def _refresh(self) -> None:
        problems = self.problems()
        self.submit_button.setEnabled(not problems)
        self.hint_label.setText(
            self.tr("Still needed: {what}").format(what=problems[0][1]) if problems else ""
        )

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def clear(self) -> None:
        self.set_draft(CaseDraft())
        self.error_label.hide()
        for label in (self.area_label, self.deadline_label):
            label.clear()
        self.suggestions.hide()
        self.answers.reset()
        self.reporter_name.setFocus()

    def on_submit_clicked(self) -> None:
        problems = self.problems()
        if problems:
            field, text = problems[0]
            self.show_error(text)
            widgets: dict[str, QWidget] = {
                "reporter_phone": self.reporter_phone,
                "object_code": self.object_code,
                "category": self.category,
                "address": self.address,
            }
            widgets.get(field, self.description).setFocus()
            return
        self._send(self.draft(), None)

    def close_at_intake(self, answer: str) -> None:
        """Create the consultation as answered and closed at intake (直接办结)."""
        problems = self.problems()
        if problems:
            self.show_error(problems[0][1])
            return
        self._send(self.draft(), answer)

    @asyncSlot(object, object)
    async def _send(self, draft: CaseDraft, resolution: str | None) -> None:
        self.submit_button.setEnabled(False)
        summary = self.tr("New case {address}").format(address=draft.address.strip())
        try:
            submitted = await self._service.submit("case.create", draft.to_request(resolution), summary)
        except ProtocolError as exc:
            self.show_error(
                self.tr("The backend did not accept the case: {message}").format(message=exc.message)
            )
            return
        except NotConnected:  # not logged in: nothing was recorded, the form keeps every field
            self.show_error(self.tr("Not logged in. The form is kept; submit again after logging in."))
            return
        finally:
            self._refresh()
        # Accepted either way: sent now, or kept in the outbox on disk and sent when the link returns.
        self.clear()
        self.save_draft()
        if submitted.response is None:
            message.info(self.tr("Waiting to send: {summary}").format(summary=summary))
            self.caseQueued.emit(submitted.entry)
            return
        case: m.CaseRecord = submitted.response.case
        message.info(self.tr("Case {no} created.").format(no=case.case_no))
        self.caseCreated.emit(case)
