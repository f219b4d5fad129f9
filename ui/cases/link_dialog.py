"""Link another case to this one (协调联动): its case number and how they relate."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from client_api.case_book import CaseBook
from client_api.messages import CaseRecord
from ui.cases import detail_names as names
from ui.cases.action_dialog import ActionDialog

KINDS = ("same_incident", "parent")


class LinkDialog(ActionDialog):
    """Attributes: case_no (line edit), kind (combo, data same_incident / parent: this case is the parent
    of the other). The case number is looked up among the cases this seat knows."""

    def __init__(self, book: CaseBook, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("LinkDialog", "Link a case"), "linkDialog", parent)
        self._book = book
        self.case_id = case_id
        self.case_no = QLineEdit(self)
        self.case_no.setObjectName("caseNoEdit")
        self.kind = QComboBox(self)
        self.kind.setObjectName("kindCombo")
        self.kind.addItem(names.link_kind_label("same_incident"), "same_incident")
        self.kind.addItem(self.tr("This case is its parent"), "parent")
        self.form.addRow(self.tr("Case no.:"), self.case_no)
        self.form.addRow(self.tr("Relation:"), self.kind)

    def other(self) -> CaseRecord | None:
        wanted = self.case_no.text().strip().upper()
        return next((self._book[r] for r in range(len(self._book)) if self._book[r].case_no == wanted), None)

    def problem(self) -> str:
        if not self.case_no.text().strip():
            return self.tr("Enter the number of the case to link.")
        other = self.other()
        if other is None:
            return self.tr("There is no case {case_no}.").format(case_no=self.case_no.text().strip())
        if other.id == self.case_id:
            return self.tr("A case cannot be linked to itself.")
        return ""
