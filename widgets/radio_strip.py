"""One talk group's strip on the radio console: who talks now, the last transmission, the seat's
select / monitor / mute / volume, replay, the patch, and a big press-and-hold push-to-talk button."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from app.radio_prefs import StripPrefs
from client_api import comms_messages as cm
from widgets.radio_elided_label import ElidedLabel
from widgets.radio_labels import clock, clock_minutes, elapsed, transcript

STRIP_WIDTH = 240
REFUSAL_SHOWN_MS = 8000
STYLE = """
QFrame[radioStrip="true"] { border: 1px solid #98a2b3; border-radius: 6px; background: #f8fafc; }
QFrame[radioStrip="true"][selected="true"] { border: 3px solid #2563eb; background: #eff6ff; }
QLabel { border: none; background: transparent; }
QLabel#groupName { font-size: 15px; font-weight: bold; }
QLabel#talkingUnit { padding: 4px; border-radius: 3px; color: #667085; }
QLabel#talkingUnit[talking="true"] { background: #15803d; color: white; font-weight: bold; }
QLabel#patchedLabel { color: #92400e; font-weight: bold; }
QLabel#stripStatus { color: #b91c1c; }
QPushButton:checked { background: #2563eb; color: white; }
QPushButton#muteButton:checked { background: #b45309; }
QPushButton#pttButton { min-height: 64px; font-size: 18px; font-weight: bold; }
QPushButton#pttButton[keyed="true"] { background: #b91c1c; color: white; }
"""


class RadioStrip(QFrame):
    """Signals:
    selectRequested(str), replayRequested(str): the group's Select and Replay buttons.
    monitorToggled(str, bool), muteToggled(str, bool), volumeChanged(str, int): the seat's settings.
    pttPressed(str), pttReleased(str): the PTT button went down / up.
    unpatchRequested(int): Unpatch of the patch shown.

    Attributes:
        group_id: the talk group.
        name, patched, talking, last, status: the labels (group name, "patched with…", the unit
            talking now, the last transmission, a refusal).
        select, monitor, mute, replay, ptt, unpatch: the buttons; volume: the slider.
        talking_since: when the unit talking now began (None: nobody talks).
        patch_ids: the patches shown, the one Unpatch ends first.
    """

    selectRequested = Signal(str)
    monitorToggled = Signal(str, bool)
    muteToggled = Signal(str, bool)
    volumeChanged = Signal(str, int)
    replayRequested = Signal(str)
    pttPressed = Signal(str)
    pttReleased = Signal(str)
    unpatchRequested = Signal(int)

    def __init__(self, group: cm.TalkGroup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group_id = group.id
        self.setObjectName(f"radioStrip_{group.id}")
        self.setProperty("radioStrip", True)
        self.setProperty("selected", False)
        self.setFixedWidth(STRIP_WIDTH)
        self.setStyleSheet(STYLE)
        self.talking_since: float | None = None
        self._talker = ""
        self.patch_ids: list[int] = []
        self.name = self._label("groupName", group.name)
        self.patched = self._label("patchedLabel", "")
        self.patched.setWordWrap(True)
        self.unpatch = self._button(self.tr("Unpatch"), "unpatchButton")
        self.unpatch.clicked.connect(self._on_unpatch_clicked)
        self.talking = self._label("talkingUnit", "")
        self.talking.setProperty("talking", False)
        self.last = ElidedLabel(self)
        self.last.setObjectName("lastTransmission")
        self.status = self._label("stripStatus", "")
        self.status.setWordWrap(True)
        self.select = self._button(self.tr("Select"), "selectButton", checkable=True)
        self.select.clicked.connect(self._on_select_clicked)
        self.monitor = self._button(self.tr("Monitor"), "monitorButton", checkable=True)
        self.monitor.toggled.connect(lambda on: self.monitorToggled.emit(self.group_id, on))
        self.mute = self._button(self.tr("Mute"), "muteButton", checkable=True)
        self.mute.toggled.connect(lambda on: self.muteToggled.emit(self.group_id, on))
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setObjectName("volumeSlider")
        self.volume.setRange(0, 100)
        self.volume.setToolTip(self.tr("Volume"))
        self.volume.setTracking(False)  # one change (and one write of the settings) per drag
        self.volume.valueChanged.connect(lambda value: self.volumeChanged.emit(self.group_id, value))
        self.replay = self._button(self.tr("Replay"), "replayButton")
        self.replay.setToolTip(self.tr("Replay the last transmission"))
        self.replay.clicked.connect(lambda: self.replayRequested.emit(self.group_id))
        self.ptt = self._button(self.tr("Push to talk"), "pttButton")
        self.ptt.setProperty("keyed", False)
        self.ptt.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space is the panel's PTT key, not a click
        self.ptt.pressed.connect(lambda: self.pttPressed.emit(self.group_id))
        self.ptt.released.connect(lambda: self.pttReleased.emit(self.group_id))
        self._clock = QTimer(self, interval=1000)
        self._clock.timeout.connect(self._show_elapsed)
        self._refusal_timer = QTimer(self, singleShot=True, interval=REFUSAL_SHOWN_MS)
        self._refusal_timer.timeout.connect(lambda: self.status.setText(""))
        self._build()
        self.show_talking(None, "")
        self.show_patches([])

    def _label(self, name: str, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        return label

    def _button(self, text: str, name: str, checkable: bool = False) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setCheckable(checkable)
        return button

    def _build(self) -> None:
        patch_row = QHBoxLayout()
        patch_row.addWidget(self.patched, 1)
        patch_row.addWidget(self.unpatch)
        buttons = QHBoxLayout()
        for button in (self.select, self.monitor, self.mute):
            buttons.addWidget(button)
        volume_row = QHBoxLayout()
        volume_row.addWidget(self.volume, 1)
        volume_row.addWidget(self.replay)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.name)
        layout.addLayout(patch_row)
        layout.addWidget(self.talking)
        layout.addWidget(self.last)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addLayout(buttons)
        layout.addLayout(volume_row)
        layout.addWidget(self.ptt)

    # --- what it shows --------------------------------------------------------------------------------

    def show_prefs(self, prefs: StripPrefs, selected: bool) -> None:
        """The seat's settings of the group, without echoing them back as changes."""
        for widget, value in ((self.monitor, prefs.monitored), (self.mute, prefs.muted)):
            widget.blockSignals(True)
            widget.setChecked(value)
            widget.blockSignals(False)
        self.volume.blockSignals(True)
        self.volume.setValue(prefs.volume)
        self.volume.blockSignals(False)
        self.select.setChecked(selected)
        self._restyle(self, "selected", selected)

    def show_talking(self, transmission: cm.Transmission | None, unit: str) -> None:
        """The unit talking now (highlighted, with the time it has talked), or nobody."""
        self.talking_since = None if transmission is None else transmission.started_at
        self._talker = unit
        self._restyle(self.talking, "talking", transmission is not None)
        if transmission is None:
            self._clock.stop()
            self.talking.setText(self.tr("Idle"))
            return
        self._clock.start()
        self._show_elapsed()

    def _show_elapsed(self) -> None:
        if self.talking_since is not None:
            spent = elapsed(time.time() - self.talking_since)
            self.talking.setText(f"● {self._talker}  {spent}")

    def show_last(self, transmission: cm.Transmission | None, unit: str) -> None:
        if transmission is None:
            self.last.set_full_text(self.tr("No transmission yet"))
            return
        self.last.set_full_text(f"{clock(transmission.started_at)} {unit}: {transcript(transmission.text)}")

    def show_patches(self, patches: list[tuple[int, list[str], float]]) -> None:
        """(patch id, names of the groups patched with this one, until) of the patches in force."""
        self.patch_ids = [patch_id for patch_id, _names, _until in patches]
        lines = [
            self.tr("Patched with {groups} until {time}").format(
                groups=", ".join(names), time=clock_minutes(until)
            )
            for _id, names, until in patches
        ]
        self.patched.setText("\n".join(lines))
        self.patched.setVisible(bool(lines))
        self.unpatch.setVisible(bool(lines))

    def show_keyed(self, keyed: bool) -> None:
        """This console transmits on the group now."""
        self.ptt.setText(self.tr("On air") if keyed else self.tr("Push to talk"))
        self._restyle(self.ptt, "keyed", keyed)
        if keyed:
            self.status.setText("")

    def show_refusal(self, reason: str) -> None:
        self.status.setText(reason)
        self._refusal_timer.start()

    @staticmethod
    def _restyle(widget: QWidget, name: str, value: bool) -> None:
        if widget.property(name) == value:
            return
        widget.setProperty(name, value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    def _on_select_clicked(self) -> None:
        self.select.setChecked(self.property("selected") is True)  # the service says what is selected
        self.selectRequested.emit(self.group_id)

    def _on_unpatch_clicked(self) -> None:
        if self.patch_ids:
            self.unpatchRequested.emit(self.patch_ids[0])
