"""The presets row of the designer: choose a preset, apply it (a monitor preset to the selected monitor,
a wall preset to the whole wall) or delete it."""

from __future__ import annotations

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from client_api import wall_messages as wm


class PresetBar(QWidget):
    """Signals: applyRequested(object), deleteRequested(object): the Preset chosen.

    Attributes: combo, apply_button, delete_button.
    """

    applyRequested = Signal(object)
    deleteRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._presets: list[wm.Preset] = []
        self._editable = True
        self.combo = QComboBox(self)
        self.combo.setMinimumContentsLength(16)
        self.apply_button = QPushButton(self.tr("Apply"), self)
        self.apply_button.setToolTip(
            self.tr("A monitor preset goes on the selected monitor, a wall preset on the whole wall")
        )
        self.delete_button = QPushButton(self.tr("Delete"), self)
        label = QLabel(self.tr("&Preset:"), self)
        label.setBuddy(self.combo)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(self.combo, 1)
        row.addWidget(self.apply_button)
        row.addWidget(self.delete_button)
        self.apply_button.clicked.connect(lambda: self._emit(self.applyRequested))
        self.delete_button.clicked.connect(lambda: self._emit(self.deleteRequested))
        self.combo.currentIndexChanged.connect(lambda _i: self._update_buttons())
        self.set_presets([])

    def set_presets(self, presets: list[wm.Preset]) -> None:
        chosen = self.chosen()
        self._presets = list(presets)
        self.combo.clear()
        for preset in self._presets:
            scope = self.tr("wall") if preset.scope == "wall" else self.tr("monitor")
            self.combo.addItem(f"{preset.name} ({scope})", preset.name)
        if chosen is not None:
            index = self.combo.findData(chosen.name)
            self.combo.setCurrentIndex(max(index, 0))
        self._update_buttons()

    def choose(self, name: str) -> None:
        self.combo.setCurrentIndex(self.combo.findData(name))

    def chosen(self) -> wm.Preset | None:
        name = self.combo.currentData()
        return next((p for p in self._presets if p.name == name), None)

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self._update_buttons()

    def _update_buttons(self) -> None:
        usable = self._editable and self.chosen() is not None
        self.apply_button.setEnabled(usable)
        self.delete_button.setEnabled(usable)

    def _emit(self, signal: SignalInstance) -> None:
        preset = self.chosen()
        if preset is not None:
            signal.emit(preset)
