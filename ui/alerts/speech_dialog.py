"""Seat → Alert sound…: mute, volume, the least severity spoken, the chime, the voice, the repeat interval."""

from __future__ import annotations

import msgspec
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QSlider, QSpinBox, QWidget

from app.settings import Settings
from client_api.alert_priority import SEVERITY_ORDER
from ui.cases.action_dialog import ActionDialog
from widgets.alert_labels import severity_label

MAX_REPEAT_S = 3600


class SpeechDialog(ActionDialog):
    """Attributes: muted, volume (slider 0…100), min_severity, chime, voice (data: a voice id or None),
    repeat (spin box, seconds; 0 never repeats)."""

    def __init__(
        self, settings: Settings, voices: list[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(QCoreApplication.translate("SpeechDialog", "Alert sound"), "speechDialog", parent)
        self._settings = settings
        self.muted = QCheckBox(self.tr("Mute spoken announcements"), self)
        self.muted.setObjectName("speechMuted")
        self.muted.setChecked(settings.speech_muted)
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setObjectName("speechVolume")
        self.volume.setRange(0, 100)
        self.volume.setValue(round(settings.speech_volume * 100))
        self.min_severity = QComboBox(self)
        self.min_severity.setObjectName("speechMinSeverity")
        for severity in reversed(SEVERITY_ORDER):
            if severity != "Unknown":
                self.min_severity.addItem(severity_label(severity), severity)
        self.min_severity.setCurrentIndex(max(0, self.min_severity.findData(settings.speech_min_severity)))
        self.chime = QCheckBox(self.tr("A chime before each announcement"), self)
        self.chime.setObjectName("speechChime")
        self.chime.setChecked(settings.alert_chime)
        self.voice = QComboBox(self)
        self.voice.setObjectName("speechVoice")
        self.voice.addItem(self.tr("Default (a Chinese voice if there is one)"), None)
        for voice_id, name in voices:
            self.voice.addItem(name, voice_id)
        self.voice.setCurrentIndex(max(0, self.voice.findData(settings.speech_voice)))
        self.repeat = QSpinBox(self)
        self.repeat.setObjectName("alertRepeat")
        self.repeat.setRange(0, MAX_REPEAT_S)
        self.repeat.setSuffix(self.tr(" s"))
        self.repeat.setSpecialValueText(self.tr("Never"))
        self.repeat.setValue(round(settings.alert_repeat_s))
        self.form.addRow(self.muted)
        self.form.addRow(self.tr("Volume:"), self.volume)
        self.form.addRow(self.tr("Speak alerts from:"), self.min_severity)
        self.form.addRow(self.chime)
        self.form.addRow(self.tr("Voice:"), self.voice)
        self.form.addRow(self.tr("Repeat unacknowledged alerts every:"), self.repeat)

    def settings(self) -> Settings:
        """The settings as chosen here (the others unchanged)."""
        return msgspec.structs.replace(
            self._settings,
            speech_muted=self.muted.isChecked(),
            speech_volume=self.volume.value() / 100,
            speech_min_severity=self.min_severity.currentData(),
            alert_chime=self.chime.isChecked(),
            speech_voice=self.voice.currentData(),
            alert_repeat_s=float(self.repeat.value()),
        )
