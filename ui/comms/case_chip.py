"""The "Case" chip on top of the comms panel: the case in context, a button to clear it, and a field
to type another case number (Enter takes it)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from app import message
from app.comms_case import CaseContext
from client_api import messages as m


class CaseChip(QFrame):
    """Attributes: label (the case in context), clear_button, number_edit."""

    def __init__(self, context: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.setObjectName("caseChip")
        self.label = QLabel(self)
        self.label.setObjectName("caseChipLabel")
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("clearCaseButton")
        self.clear_button.setText("✕")
        self.clear_button.setToolTip(self.tr("Clear the case: calls and messages are then tied to none"))
        self.clear_button.clicked.connect(context.clear)
        self.number_edit = QLineEdit(self)
        self.number_edit.setObjectName("caseNumberEdit")
        self.number_edit.setPlaceholderText(self.tr("Case number…"))
        self.number_edit.setToolTip(
            self.tr("Type a case number (or its last digits, or #id) and press Enter to work on that case")
        )
        self.number_edit.setMaximumWidth(180)
        self.number_edit.returnPressed.connect(self.on_number_edit_returnPressed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.label)
        layout.addWidget(self.clear_button)
        layout.addWidget(self.number_edit)
        context.caseChanged.connect(lambda _case_id: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        case = self._context.case()
        case_id = self._context.case_id
        if case_id is None:
            self.label.setText(self.tr("Case: none"))
            self.setStyleSheet("#caseChip{border:1px dashed #98a2b3;border-radius:10px;}")
            self.label.setToolTip(self.tr("Calls, messages and video sessions are tied to no case"))
        else:
            self.label.setText(self.tr("Case: {number}").format(number=self._context.text_of(case_id)))
            self.setStyleSheet(
                "#caseChip{background:#eff8ff;border:1px solid #53b1fd;border-radius:10px;}"
                "#caseChipLabel{font-weight:bold;color:#175cd3;}"
            )
            self.label.setToolTip(self._describe(case))
        self.clear_button.setEnabled(case_id is not None)

    def _describe(self, case: m.CaseRecord | None) -> str:
        if case is None:
            return ""
        return f"{case.case_no} · {case.address}\n{case.description[:120]}"

    def on_number_edit_returnPressed(self) -> None:
        text = self.number_edit.text().strip()
        if not text:
            return
        case = self._context.find(text)
        if case is None:
            message.warning(self.tr("No case “{text}” on this seat's list.").format(text=text))
            return
        self.number_edit.clear()
        self._context.set_case(case.id)
