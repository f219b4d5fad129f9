"""The trainer's Inject dialog: one extra event fired now, as a scenario file would hold it — a call (the
caller's number and words), a CAP alert, radio traffic or a channel report. The backend validates it
as it validates a scenario's inject and says what is wrong."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from widgets.drill_labels import INJECT_KINDS, inject_kind_label

CAP_SEVERITIES = ("Extreme", "Severe", "Moderate", "Minor")
CAP_URGENCIES = ("Immediate", "Expected", "Future")
CAP_CERTAINTIES = ("Observed", "Likely", "Possible")
# The channels as the center names them (a scenario file's words; any other is the backend's to judge).
REPORT_CHANNELS = ("微信", "网格员上报", "城管巡查", "12319", "随手拍", "物联感知", "企业专席")
# Fields given as a list: a line of what the caller says each.
LIST_FIELDS = frozenset({"says"})


class InjectDialog(QDialog):
    """Attributes: kind (combo), pages (one form per kind), fields (kind → field name → editor), buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Inject an event"))
        self.setObjectName("drillInjectDialog")
        self.kind = QComboBox(self)
        for kind in INJECT_KINDS:
            self.kind.addItem(inject_kind_label(kind), kind)
        self.pages = QStackedWidget(self)
        self.fields: dict[str, dict[str, QWidget]] = {}
        self._add_page(
            "call",
            [
                ("caller_number", self.tr("Caller's number"), QLineEdit()),
                ("caller_name", self.tr("Caller's name"), QLineEdit()),
                ("says", self.tr("What the caller says (a line each)"), QPlainTextEdit()),
                ("address", self.tr("Address"), QLineEdit()),
                ("location_hint", self.tr("Where, in the caller's words"), QLineEdit()),
            ],
        )
        self._add_page(
            "cap",
            [
                ("event", self.tr("Event"), QLineEdit()),
                ("headline", self.tr("Headline"), QLineEdit()),
                ("description", self.tr("Description"), QPlainTextEdit()),
                ("severity", self.tr("Severity"), _combo(CAP_SEVERITIES, "Severe")),
                ("urgency", self.tr("Urgency"), _combo(CAP_URGENCIES, "Immediate")),
                ("certainty", self.tr("Certainty"), _combo(CAP_CERTAINTIES, "Likely")),
                ("instruction", self.tr("Instruction"), QLineEdit()),
                ("area", self.tr("Area"), QLineEdit()),
            ],
        )
        self._add_page(
            "radio",
            [
                ("unit_id", self.tr("Unit"), QLineEdit()),
                ("group_id", self.tr("Talk group"), QLineEdit()),
                ("text", self.tr("What the unit says"), QPlainTextEdit()),
                ("emergency", self.tr("Emergency"), QCheckBox()),
            ],
        )
        self._add_page(
            "report",
            [
                ("channel", self.tr("Channel"), _combo(REPORT_CHANNELS, REPORT_CHANNELS[0], editable=True)),
                ("text", self.tr("Report"), QPlainTextEdit()),
                ("address", self.tr("Address"), QLineEdit()),
                ("reporter_name", self.tr("Reporter's name"), QLineEdit()),
                ("reporter_phone", self.tr("Reporter's phone"), QLineEdit()),
            ],
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Fire now"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        top = QFormLayout()
        top.addRow(self.tr("Kind"), self.kind)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self.pages.setCurrentIndex)
        self.resize(520, 380)

    def _add_page(self, kind: str, rows: list[tuple[str, str, QWidget]]) -> None:
        page = QWidget(self)
        form = QFormLayout(page)
        fields: dict[str, QWidget] = {}
        for name, label, editor in rows:
            editor.setParent(page)
            editor.setObjectName(f"inject-{kind}-{name}")
            if isinstance(editor, QPlainTextEdit):
                editor.setTabChangesFocus(True)
                editor.setMaximumHeight(90)
            form.addRow(label, editor)
            fields[name] = editor
        self.fields[kind] = fields
        self.pages.addWidget(page)

    def set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def chosen_kind(self) -> str:
        return str(self.kind.currentData())

    def inject(self) -> dict[str, Any]:
        """The inject as typed: its kind and the fields filled in (empty ones are left out)."""
        kind = self.chosen_kind()
        result: dict[str, Any] = {"kind": kind}
        for name, editor in self.fields[kind].items():
            value = _value(editor)
            if value in ("", None):
                continue
            if name in LIST_FIELDS and isinstance(value, str):
                value = [line.strip() for line in value.splitlines() if line.strip()]
            if kind == "cap" and name == "area":
                value = {"desc": value}
            result[name] = value
        return result


def _combo(values: tuple[str, ...], current: str, editable: bool = False) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(editable)
    combo.addItems(list(values))
    combo.setCurrentText(current)
    return combo


def _value(editor: QWidget) -> Any:
    if isinstance(editor, QLineEdit):
        return editor.text().strip()
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText().strip()
    if isinstance(editor, QComboBox):
        return editor.currentText().strip()
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    return None
