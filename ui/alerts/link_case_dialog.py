"""Link an alert to one of the seat's cases, found by case number, address or description."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QListView, QWidget

from client_api.alert_messages import AlertRecord
from client_api.case_book import CaseBook
from client_api.messages import CaseRecord
from ui.cases.action_dialog import ActionDialog

MAX_SHOWN = 200  # the newest matches; the operator narrows the search for older ones
SEARCH_DELAY_MS = 150
_Index = QModelIndex | QPersistentModelIndex


class CaseChoices(QAbstractListModel):
    """The cases matching a search, newest first: "case no. — address — description"."""

    def __init__(self, book: CaseBook, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._book = book
        self._cases: list[CaseRecord] = []

    def search(self, text: str) -> None:
        wanted = text.strip().lower()
        found: list[CaseRecord] = []
        for case in self._book:  # newest first
            if (
                not wanted
                or wanted in case.case_no.lower()
                or wanted in case.address.lower()
                or (wanted in case.description.lower())
            ):
                found.append(case)
                if len(found) >= MAX_SHOWN:
                    break
        self.beginResetModel()
        self._cases = found
        self.endResetModel()

    def case_at(self, row: int) -> CaseRecord:
        return self._cases[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._cases)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cases):
            return None
        case = self._cases[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            description = case.description.replace("\n", " ")
            return f"{case.case_no} — {case.address} — {description[:60]}"
        if role == Qt.ItemDataRole.UserRole:
            return case.id
        return None


class LinkCaseDialog(ActionDialog):
    """Attributes: alert, search (line edit), choices (CaseChoices), cases (the list view)."""

    def __init__(self, book: CaseBook, alert: AlertRecord, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("LinkCaseDialog", "Link the alert to a case"), "linkCaseDialog", parent
        )
        self.alert = alert
        self.search = QLineEdit(self)
        self.search.setObjectName("linkCaseSearch")
        self.search.setPlaceholderText(self.tr("Case no., address or description"))
        self.search.setClearButtonEnabled(True)
        self.choices = CaseChoices(book, self)
        self.cases = QListView(self)
        self.cases.setObjectName("linkCaseList")
        self.cases.setModel(self.choices)
        self.cases.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.cases.setMinimumWidth(560)
        self.cases.doubleClicked.connect(lambda _index: self.accept())
        self._delay = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._delay.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._delay.start())
        self.form.addRow(QLabel(alert.headline or alert.event, self))
        self.form.addRow(self.tr("Find:"), self.search)
        self.form.addRow(self.cases)
        self.refresh()

    def refresh(self) -> None:
        self.choices.search(self.search.text())
        if self.choices.rowCount() == 1:
            self.cases.setCurrentIndex(self.choices.index(0))

    def chosen(self) -> CaseRecord | None:
        index = self.cases.currentIndex()
        return self.choices.case_at(index.row()) if index.isValid() else None

    def problem(self) -> str:
        if self.choices.rowCount() == 0:
            return self.tr("No case of this seat matches the search.")
        if self.chosen() is None:
            return self.tr("Choose the case to link the alert to.")
        return ""
