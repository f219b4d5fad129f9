"""The selected alert in the alert center: every CAP field and area, the evidence of a warning model,
the acknowledgement (who, seat, when, why), the escalation, the linked case, and the actions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from client_api.alert_messages import AlertRecord
from ui.alerts.detail_fields import cap_rows, handling_rows
from widgets.alert_labels import SEVERITY_COLOURS, drill_prefix, severity_label
from widgets.evidence_table_model import EvidenceTableModel


class AlertDetailPane(QWidget):
    """Signals: ackRequested(int), toCaseRequested(int), linkRequested(int), exportRequested(int).

    Attributes: alert (shown, or None), title, cap_form, handling_form, evidence (model), evidence_view,
    buttons (by action)."""

    ackRequested = Signal(int)
    toCaseRequested = Signal(int)
    linkRequested = Signal(int)
    exportRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertDetailPane")
        self.alert: AlertRecord | None = None
        self.exercise = False
        self.title = QLabel(self)
        self.title.setObjectName("alertDetailTitle")
        self.title.setWordWrap(True)
        self.buttons = {
            "ack": self._button(self.tr("Acknowledge…"), "detailAck", self.ackRequested),
            "to_case": self._button(self.tr("Create case"), "detailToCase", self.toCaseRequested),
            "link": self._button(self.tr("Link to case…"), "detailLink", self.linkRequested),
            "export": self._button(self.tr("Export CAP XML…"), "detailExport", self.exportRequested),
        }
        actions = QHBoxLayout()
        for button in self.buttons.values():
            actions.addWidget(button)
        actions.addStretch(1)
        self.handling_form = QFormLayout()
        handling = QGroupBox(self.tr("Handling"), self)
        handling.setLayout(self.handling_form)
        self.cap_form = QFormLayout()
        cap = QGroupBox(self.tr("CAP message"), self)
        cap.setLayout(self.cap_form)
        self.evidence = EvidenceTableModel(self)
        self.evidence_view = QTableView(self)
        self.evidence_view.setObjectName("evidenceTable")
        self.evidence_view.setModel(self.evidence)
        self.evidence_view.verticalHeader().setVisible(False)
        self.evidence_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.evidence_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.evidence_view.setMinimumHeight(110)
        self.evidence_box = QGroupBox(self.tr("Evidence"), self)
        QVBoxLayout(self.evidence_box).addWidget(self.evidence_view)
        body = QWidget(self)
        inner = QVBoxLayout(body)
        inner.addWidget(handling)
        inner.addWidget(self.evidence_box)
        inner.addWidget(cap)
        inner.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(actions)
        layout.addWidget(scroll, 1)
        self.show_alert(None)

    def _button(self, label: str, name: str, signal: SignalInstance) -> QPushButton:
        button = QPushButton(label, self)
        button.setObjectName(name)
        button.clicked.connect(lambda: None if self.alert is None else signal.emit(self.alert.id))
        return button

    def show_alert(self, alert: AlertRecord | None) -> None:
        """Show an alert (or nothing); the same alert again is redrawn with its new fields."""
        self.alert = alert
        for form in (self.cap_form, self.handling_form):
            while form.rowCount():
                form.removeRow(0)
        self.evidence.set_evidence([] if alert is None else alert.evidence)
        self.evidence_box.setVisible(bool(alert and alert.evidence))
        if alert is None:
            self.title.setText(self.tr("Select an alert to see it in full."))
            self.title.setStyleSheet("color:#667085;")
            for button in self.buttons.values():
                button.setEnabled(False)
            return
        colour = SEVERITY_COLOURS.get(alert.severity, SEVERITY_COLOURS["Unknown"])
        self.title.setStyleSheet(f"font-size:15px;font-weight:bold;color:{colour};")
        self.title.setText(
            f"{drill_prefix(alert, self.exercise)}{severity_label(alert.severity)} — "
            f"{alert.headline or alert.event}"
        )
        self._fill(self.handling_form, handling_rows(alert))
        self._fill(self.cap_form, cap_rows(alert))
        self.buttons["ack"].setEnabled(alert.state == "active")
        self.buttons["to_case"].setEnabled(alert.case_id is None)
        self.buttons["link"].setEnabled(alert.case_id is None)
        self.buttons["export"].setEnabled(True)

    def _fill(self, form: QFormLayout, rows: list[tuple[str, str]]) -> None:
        for label, text in rows:
            value = QLabel(text, self)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)

    def value_of(self, label: str) -> str | None:
        """The text shown beside ``label`` (for tests and the screenshot script)."""
        for form in (self.handling_form, self.cap_form):
            for row in range(form.rowCount()):
                name = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                value = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
                if name is not None and value is not None:
                    name_widget, value_widget = name.widget(), value.widget()
                    if isinstance(name_widget, QLabel) and name_widget.text() == label:
                        return value_widget.text() if isinstance(value_widget, QLabel) else None
        return None
