"""Patch talk groups: choose two to four groups and for how long (1–480 minutes) they are joined."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from client_api import comms_messages as cm

MIN_MINUTES = 1
MAX_MINUTES = 480
DEFAULT_MINUTES = 30
MAX_GROUPS = 4  # the backend joins at most four groups (docs/protocol-radio.md)


class RadioPatchDialog(QDialog):
    """Attributes: checks (a check box per group id), minutes (spin box), problem (why OK is off),
    buttons."""

    def __init__(
        self, groups: list[cm.TalkGroup], preselected: Iterable[str] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("radioPatchDialog")
        self.setWindowTitle(self.tr("Patch talk groups"))
        chosen = set(preselected)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Traffic on any of the chosen groups is heard on all of them."), self)
        )
        self.checks: dict[str, QCheckBox] = {}
        for group in groups:
            check = QCheckBox(group.name, self)
            check.setObjectName(f"patchGroup_{group.id}")
            check.setChecked(group.id in chosen)
            check.toggled.connect(self._validate)
            self.checks[group.id] = check
            layout.addWidget(check)
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("patchMinutes")
        self.minutes.setRange(MIN_MINUTES, MAX_MINUTES)
        self.minutes.setValue(DEFAULT_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.valueChanged.connect(self._validate)
        form = QFormLayout()
        form.addRow(self.tr("For"), self.minutes)
        layout.addLayout(form)
        self.problem = QLabel(self)
        self.problem.setObjectName("patchProblem")
        self.problem.setStyleSheet("color:#b91c1c;")
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Patch"))
        self.buttons.accepted.connect(self._on_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._validate()

    def chosen(self) -> list[str]:
        return [group_id for group_id, check in self.checks.items() if check.isChecked()]

    def problem_text(self) -> str:
        """Why the choice cannot be patched ("" when it can)."""
        if len(self.chosen()) < 2:
            return self.tr("Choose at least two talk groups.")
        if len(self.chosen()) > MAX_GROUPS:
            return self.tr("A patch joins at most {count} talk groups.").format(count=MAX_GROUPS)
        if not MIN_MINUTES <= self.minutes.value() <= MAX_MINUTES:
            return self.tr("A patch lasts from {low} to {high} minutes.").format(
                low=MIN_MINUTES, high=MAX_MINUTES
            )
        return ""

    def request(self) -> cm.PatchGroups | None:
        """What to send, or None while the choice is not valid."""
        if self.problem_text():
            return None
        return cm.PatchGroups(groups=self.chosen(), minutes=float(self.minutes.value()))

    def _validate(self) -> None:
        problem = self.problem_text()
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def _on_accepted(self) -> None:
        if self.request() is not None:
            self.accept()
