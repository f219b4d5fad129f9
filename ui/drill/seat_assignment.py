"""Who sits where in a drill: for each trainee seat of the chosen scenario, an editable combo of the
usernames the seat knows (operators online first); the trainer may type any other username."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from client_api.calls_messages import OperatorState
from client_api.drill_messages import Assignment, ScenarioInfo, SeatSlot

# Seats the trainer plays in a scenario: not assigned to a trainee.
TRAINER_SLOT_ROLES = frozenset({"trainer"})


class SeatAssignment(QWidget):
    """Attributes: combos (slot id → its editable QComboBox), slots (the trainee seats shown)."""

    def __init__(self, person: Callable[[str], str] = str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._person = person
        self._usernames: list[str] = []
        self.slots: list[SeatSlot] = []
        self.combos: dict[str, QComboBox] = {}
        self._form = QFormLayout(self)
        self._form.setContentsMargins(0, 0, 0, 0)
        self._empty = QLabel(self.tr("Choose a scenario to assign its seats."), self)
        self._form.addRow(self._empty)

    def set_operators(self, operators: list[OperatorState], me: str | None) -> None:
        """The usernames offered: those online first, never the trainer's own."""
        online = [o.username for o in operators if o.state != "offline" and o.username != me]
        offline = [o.username for o in operators if o.state == "offline" and o.username != me]
        names = sorted(online) + sorted(offline)
        if names == self._usernames:
            return
        self._usernames = names
        for combo in self.combos.values():
            text = combo.currentText()
            combo.clear()
            self._fill(combo)
            combo.setEditText(text)

    def _fill(self, combo: QComboBox) -> None:
        for username in self._usernames:
            combo.addItem(username)
            combo.setItemData(combo.count() - 1, self._person(username), Qt.ItemDataRole.ToolTipRole)

    def set_scenario(self, scenario: ScenarioInfo | None) -> None:
        """One row per trainee seat of ``scenario``, each filled with a different username when it can."""
        while self._form.rowCount():
            self._form.removeRow(0)
        self.combos = {}
        self.slots = [s for s in scenario.seats if s.role not in TRAINER_SLOT_ROLES] if scenario else []
        if not self.slots:
            self._empty = QLabel(self.tr("Choose a scenario to assign its seats."), self)
            self._form.addRow(self._empty)
            return
        for index, slot in enumerate(self.slots):
            combo = QComboBox(self)
            combo.setObjectName(f"drillSeat-{slot.id}")
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            self._fill(combo)
            combo.setEditText(self._usernames[index] if index < len(self._usernames) else "")
            combo.setToolTip(self.tr("The username of the trainee at this seat"))
            self.combos[slot.id] = combo
            self._form.addRow(f"{slot.id} · {slot.label or slot.role}", combo)

    def set_username(self, slot_id: str, username: str) -> None:
        self.combos[slot_id].setEditText(username)

    def assignments(self) -> list[Assignment]:
        """The seats with a username typed or picked (the backend says which are missing)."""
        result = []
        for slot in self.slots:
            username = self.combos[slot.id].currentText().strip()
            if username:
                result.append(Assignment(slot_id=slot.id, username=username))
        return result
