"""The filter bar of the alert center: state, severity, source or warning model, free text; it says how
many alerts are shown."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from client_api.alert_messages import ALERT_STATES, RULE_KINDS
from ui.alerts.alert_filter import AlertFilter
from widgets.alert_labels import rule_label, severity_label, source_label, state_label

SEARCH_DELAY_MS = 200


class AlertFilterBar(QWidget):
    """Signals: filterChanged(object): the new AlertFilter.

    Attributes: state, severity, source, search, count."""

    filterChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = self._combo("alertFilterState", [("", self.tr("All states"))])
        for state in ALERT_STATES:
            self.state.addItem(state_label(state), state)
        self.severity = self._combo(
            "alertFilterSeverity",
            [
                ("", self.tr("Any severity")),
                ("Extreme", severity_label("Extreme")),
                ("Severe", self.tr("Severe and above")),
                ("Moderate", self.tr("Moderate and above")),
            ],
        )
        self.source = self._combo(
            "alertFilterSource",
            [
                ("", self.tr("All sources")),
                ("cap", source_label("cap")),
                ("manual", source_label("manual")),
                ("rule", source_label("rule")),
            ],
        )
        for kind in RULE_KINDS:
            self.source.addItem(rule_label(kind), f"rule:{kind}")
        self.search = QLineEdit(self)
        self.search.setObjectName("alertFilterSearch")
        self.search.setPlaceholderText(self.tr("Search event, headline, area, sender, case no."))
        self.search.setClearButtonEnabled(True)
        self._search_delay = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_delay.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _text: self._search_delay.start())
        self.count = QLabel(self)
        self.count.setObjectName("alertCount")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.state, self.severity, self.source):
            layout.addWidget(widget)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.count)

    def _combo(self, name: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        for code, label in items:
            combo.addItem(label, code)
        combo.currentIndexChanged.connect(self._emit)
        return combo

    def current_filter(self) -> AlertFilter:
        state = self.state.currentData() or ""
        return AlertFilter(
            states=frozenset({state} - {""}),
            min_severity=self.severity.currentData() or None,
            source=self.source.currentData() or None,
            text=self.search.text(),
        )

    def _emit(self) -> None:
        self.filterChanged.emit(self.current_filter())

    def set_counts(self, shown: int, total: int) -> None:
        self.count.setText(self.tr("{shown} of {total} alerts").format(shown=shown, total=total))
