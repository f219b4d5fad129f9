"""Dispatch (派遣) or dispatch on (下派): the lead unit, suggested by the routing rules (智能分拨) and open to
the operator's override among the units this seat may dispatch to, co-handling units (协办) and a note."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLabel, QListWidget, QListWidgetItem, QWidget

from app.seat_service import SeatService
from client_api import dispatch_messages as dm
from client_api import messages as m
from client_api.errors import NotConnected, ProtocolError, RequestTimeout
from ui.cases.action_dialog import ActionDialog, note_edit


def unit_paths(departments: list[m.Department]) -> dict[str, str]:
    """Each unit's name with its parents' ('临江街道综合指挥中心 › 滨江社区'), in tree order."""
    by_code = {d.code: d for d in departments}

    def path(d: m.Department) -> list[str]:
        seen: list[str] = []
        node: m.Department | None = d
        while node is not None and node.name not in seen:
            seen.insert(0, node.name)
            node = by_code.get(node.parent_code) if node.parent_code else None
        return seen

    paths = {d.code: path(d) for d in departments}
    return {code: " › ".join(p) for code, p in sorted(paths.items(), key=lambda item: item[1])}


class DispatchDialog(ActionDialog):
    """Attributes: lead (searchable combo, data = unit code), co_units (checkable list), note, reason
    (the routing suggestion in words), suggestion (the RoutingSuggestion, None until loaded or when it
    could not be had)."""

    def __init__(
        self, service: SeatService, case_id: int, action: str, parent: QWidget | None = None
    ) -> None:
        title = QCoreApplication.translate(
            "DispatchDialog", "Dispatch on" if action == "subdispatch" else "Dispatch"
        )
        super().__init__(title, "dispatchDialog", parent)
        self._service = service
        self.case_id = case_id
        self.action = action
        self.suggestion: dm.RoutingSuggestion | None = None
        ref = service.reference
        self._paths = unit_paths(ref.departments if ref is not None else [])
        self.reason = QLabel(self)
        self.reason.setObjectName("routingReason")
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color:#475467;")
        self.lead = QComboBox(self)
        self.lead.setObjectName("leadUnitCombo")
        self.lead.setEditable(True)
        self.lead.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.lead.completer()
        assert completer is not None
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.co_units = QListWidget(self)
        self.co_units.setObjectName("coUnitsList")
        self.note = note_edit(self, "noteEdit", self.tr("Instructions for the unit (optional)"))
        self.form.addRow(self.reason)
        self.form.addRow(self.tr("Lead unit:"), self.lead)
        self.form.addRow(self.tr("Co-handling units:"), self.co_units)
        self.form.addRow(self.tr("Note:"), self.note)
        self.resize(560, 480)
        self.set_candidates(list(self._paths), None, [])

    async def load(self) -> None:
        """Ask the backend which unit should take the case; without an answer every unit is offered."""
        try:
            suggestion: dm.RoutingSuggestion = await self._service.client.request(
                "routing.suggest", dm.SuggestRouting(case_id=self.case_id)
            )
        except ProtocolError as exc:
            self.reason.setText(self.tr("No suggestion: {message}").format(message=exc.message))
            return
        except (NotConnected, RequestTimeout):
            self.reason.setText(self.tr("No suggestion: not connected to the backend."))
            return
        self.suggestion = suggestion
        self.reason.setText(suggestion.reason)
        self.set_candidates(suggestion.candidates, suggestion.department_code, suggestion.co_departments)

    def set_candidates(self, codes: list[str], lead: str | None, co: list[str]) -> None:
        self.lead.clear()
        self.co_units.clear()
        ordered = [c for c in self._paths if c in set(codes)] + [c for c in codes if c not in self._paths]
        for code in ordered:
            self.lead.addItem(self._paths.get(code, code), code)
            item = QListWidgetItem(self._paths.get(code, code), self.co_units)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setCheckState(Qt.CheckState.Checked if code in co else Qt.CheckState.Unchecked)
        self.lead.setCurrentIndex(self.lead.findData(lead) if lead is not None else -1)

    def lead_code(self) -> str | None:
        index = self.lead.findText(self.lead.currentText().strip())
        return None if index < 0 else str(self.lead.itemData(index))

    def co_codes(self) -> list[str]:
        items = (self.co_units.item(row) for row in range(self.co_units.count()))
        return [
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def fields(self) -> dict[str, Any]:
        """The fields of the transition."""
        note = self.note.toPlainText().strip()
        return {"department_code": self.lead_code(), "co_departments": self.co_codes()} | (
            {"note": note} if note else {}
        )

    def problem(self) -> str:
        lead = self.lead_code()
        if lead is None:
            return self.tr("Choose the lead unit from the list.")
        if lead in self.co_codes():
            return self.tr("The lead unit cannot also be a co-handling unit.")
        return ""
