"""The new-case form (工单): category, grid, address, description. Keyboard first: Ctrl+Enter submits."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
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
from app.seat_service import SeatService
from client_api import messages as m
from client_api.errors import NotConnected, ProtocolError, RequestTimeout

MAX_DESCRIPTION = 4000


class NewCaseForm(QWidget):
    """Signals:
    caseCreated(object): the CaseRecord the backend stored.
    """

    caseCreated = Signal(object)

    def __init__(self, service: SeatService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.category = QComboBox(self)
        self.category.setObjectName("category")
        self.category.setEditable(True)
        self.category.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(self.category.model(), self.category)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.category.setCompleter(completer)
        self.grid = QComboBox(self)
        self.grid.setObjectName("grid")
        self.address = QLineEdit(self)
        self.address.setObjectName("address")
        self.address.setPlaceholderText(self.tr("Street, number, landmark"))
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("description")
        self.description.setMaximumHeight(220)
        self.description.setPlaceholderText(
            self.tr("What happened, where exactly, since when, who is affected")
        )
        self.error_label = QLabel(self)
        self.error_label.setObjectName("formError")
        self.error_label.setStyleSheet("color:#b42318;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.submit_button = QPushButton(self.tr("Create case (Ctrl+Enter)"), self)
        self.submit_button.setObjectName("submitCase")
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self.on_submit_clicked)
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.clicked.connect(self.clear)

        form = QFormLayout()
        form.addRow(self.tr("&Category"), self.category)
        form.addRow(self.tr("&Grid"), self.grid)
        form.addRow(self.tr("&Address"), self.address)
        form.addRow(self.tr("&Description"), self.description)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("New case"), self)
        title.setStyleSheet("font-size:16px;font-weight:bold;")
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        layout.addStretch(1)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.submit_button.click)
        service.referenceLoaded.connect(self.on_service_referenceLoaded)
        if service.reference is not None:
            self.on_service_referenceLoaded(service.reference)

    def on_service_referenceLoaded(self, ref: m.Reference) -> None:
        self.category.clear()
        names = {c.code: c.name for c in ref.categories}
        for cat in ref.categories:
            if cat.parent_code is None and cat.kind != "appeal":
                continue  # major classes only group; cases take a minor class or an appeal type
            label = f"{names[cat.parent_code]} / {cat.name}" if cat.parent_code else cat.name
            self.category.addItem(f"{label}  [{cat.code}]", cat.code)
        self.category.setCurrentIndex(-1)
        self.grid.clear()
        self.grid.addItem(self.tr("(not known)"), None)
        areas = {a.code: a for a in ref.areas}
        for area in ref.areas:
            if area.level == "grid":
                village = areas.get(area.parent_code or "")
                town = areas.get(village.parent_code or "") if village else None
                prefix = f"{town.name} " if town else ""
                self.grid.addItem(f"{prefix}{area.name}", area.code)

    def selected_category(self) -> str | None:
        index = self.category.currentIndex()
        if index < 0 or self.category.currentText() != self.category.itemText(index):
            return None
        code = self.category.itemData(index)
        return code if isinstance(code, str) else None

    def validate(self) -> str | None:
        """The first thing wrong with the form, in words for the operator, or None."""
        if self.selected_category() is None:
            return self.tr("Choose a category from the list.")
        if not self.address.text().strip():
            return self.tr("Enter the address.")
        text = self.description.toPlainText().strip()
        if not text:
            return self.tr("Enter a description.")
        if len(text) > MAX_DESCRIPTION:
            return self.tr("The description is longer than {n} characters.").format(n=MAX_DESCRIPTION)
        return None

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def clear(self) -> None:
        self.category.setCurrentIndex(-1)
        self.category.setEditText("")
        self.grid.setCurrentIndex(0)
        self.address.clear()
        self.description.clear()
        self.error_label.hide()
        self.category.setFocus()

    def on_submit_clicked(self) -> None:
        problem = self.validate()  # at once, before anything goes on the wire
        if problem:
            self.show_error(problem)
            return
        self.error_label.hide()
        self._send()

    @asyncSlot()
    async def _send(self) -> None:
        category = self.selected_category()
        assert category is not None
        self.submit_button.setEnabled(False)
        try:
            case = await self._service.create_case(
                category, self.address.text(), self.description.toPlainText(), self.grid.currentData()
            )
        except ProtocolError as exc:
            self.show_error(
                self.tr("The backend did not accept the case: {message}").format(message=exc.message)
            )
            return
        except (NotConnected, RequestTimeout):
            # Nothing is lost: the form keeps every field until the case is sent.
            self.show_error(
                self.tr("Not connected to the backend. The form is kept; submit again when connected.")
            )
            return
        finally:
            self.submit_button.setEnabled(True)
        message.info(self.tr("Case {no} created.").format(no=case.case_no))
        self.clear()
        self.caseCreated.emit(case)
