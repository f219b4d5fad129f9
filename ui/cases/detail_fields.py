"""Every field of a case, as label rows in two columns (the case detail pane's form)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QWidget

from app.seat_service import SeatService
from client_api.messages import CaseRecord
from ui.cases import detail_names as names


def _time(ts: float | None) -> str:
    return "" if ts is None else dt.datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M:%S")


class DetailFields(QWidget):
    """Attributes: fields, the value label of each field by key (case_no, status, category, …)."""

    def __init__(self, service: SeatService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.fields: dict[str, QLabel] = {}
        left, right = QFormLayout(), QFormLayout()
        rows = (
            (left, "case_no", self.tr("Case no.")),
            (left, "status", self.tr("Status")),
            (left, "category", self.tr("Category")),
            (left, "urgency", self.tr("Urgency")),
            (left, "channel", self.tr("Channel")),
            (left, "created", self.tr("Received")),
            (left, "grid", self.tr("Grid")),
            (left, "address", self.tr("Address")),
            (left, "description", self.tr("Description")),
            (left, "reporter", self.tr("Reporter")),
            (left, "reporter_count", self.tr("Reporters")),
            (right, "lead_department", self.tr("Lead unit")),
            (right, "co_departments", self.tr("Co-handling units")),
            (right, "deadline", self.tr("Due")),
            (right, "supervision", self.tr("Supervision")),
            (right, "extension_state", self.tr("Extension")),
            (right, "result", self.tr("Result")),
            (right, "satisfaction", self.tr("Satisfaction")),
            (right, "reopen_count", self.tr("Reopened")),
            (right, "return_count", self.tr("Returned")),
        )
        for form, key, label in rows:
            value = QLabel(self)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            form.addRow(label, value)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

    def set_case(self, case: CaseRecord | None) -> None:
        if case is None:
            for label in self.fields.values():
                label.clear()
            return
        service = self._service
        reporter = " ".join(part for part in (case.reporter_name, case.reporter_phone) if part)
        if case.confidential:
            reporter = self.tr("{reporter} (confidential)").format(reporter=reporter)
        values = {
            "case_no": case.case_no,
            "status": names.status_name(case.status),
            "category": service.category_name(case.category_code),
            "urgency": names.urgency_label(case.urgency),
            "channel": names.channel_label(case.channel),
            "created": self.tr("{time} by {who} at seat {seat}").format(
                time=_time(case.created_at), who=case.created_by, seat=case.seat_id
            ),
            "grid": service.area_name(case.grid_code),
            "address": case.address,
            "description": case.description,
            "reporter": reporter,
            "reporter_count": str(case.reporter_count),
            "lead_department": names.unit_name(service, case.lead_department),
            "co_departments": names.unit_names(service, case.co_departments),
            "deadline": _time(case.deadline_at),
            "supervision": names.supervision_label(case.supervision_level),
            "extension_state": names.extension_state_label(case.extension_state),
            "result": case.result or case.resolution or "",
            "satisfaction": names.satisfaction_label(case.satisfaction),
            "reopen_count": str(case.reopen_count),
            "return_count": str(case.return_count),
        }
        for key, text in values.items():
            self.fields[key].setText(text)
