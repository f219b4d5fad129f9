"""Save the draft as a preset: a name, and whether it holds the selected monitor's layout or the wall's."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

MAX_NAME = 60


class PresetDialog(QDialog):
    """Attributes: name (QLineEdit), monitor_scope, wall_scope (QRadioButton), note (replaces an existing
    preset, or why OK is disabled), ok_button. ``scope()``: "monitor" or "wall"."""

    def __init__(self, monitor_name: str, existing: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Save as preset"))
        self._existing = set(existing)
        self.name = QLineEdit(self)
        self.name.setMaxLength(MAX_NAME)
        self.monitor_scope = QRadioButton(self.tr("Monitor “{name}” only").format(name=monitor_name), self)
        self.wall_scope = QRadioButton(self.tr("The whole wall"), self)
        self.monitor_scope.setChecked(True)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Holds:"), self.monitor_scope)
        form.addRow("", self.wall_scope)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._check)
        self._check()

    def scope(self) -> str:
        return "wall" if self.wall_scope.isChecked() else "monitor"

    def preset_name(self) -> str:
        return self.name.text().strip()

    def _check(self) -> None:
        name = self.preset_name()
        if not name:
            self.note.setText(self.tr("Name the preset."))
        elif name in self._existing:
            self.note.setText(self.tr("A preset of this name exists: saving replaces it."))
        else:
            self.note.clear()
        self.ok_button.setEnabled(bool(name))
