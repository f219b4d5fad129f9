"""The radio console of the comms place: a scrollable row of talk-group strips, the red emergency box
above them, "Patch groups…", and the transcript of the last replayed transmission.

Push-to-talk: a strip's PTT button keys that strip's group; Space (while the panel has the focus) and
the window-wide key (F12 by default) key the selected group.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from app.qt_async import run_dialog
from app.radio_service import RadioService
from client_api import comms_messages as cm
from ui.comms.radio_emergency_box import RadioEmergencyBox
from ui.comms.radio_patch_dialog import RadioPatchDialog
from ui.comms.radio_ptt_keys import RadioPttKeys
from widgets.radio_labels import clock, transcript
from widgets.radio_strip import RadioStrip


class RadioPanel(QWidget):
    """Attributes:
    radio: the RadioService.
    strips: the RadioStrip of each talk group, by group id, in the backend's order.
    emergencies: the RadioEmergencyBox.
    strip_scroll (the row of strips), patch_button, on_air (what PTT keys now), transcript (the last
        replayed transmission).
    keys: the RadioPttKeys (Space and the window-wide key).
    patch_dialog: the "Patch groups" dialog while it is open.
    """

    def __init__(self, radio: RadioService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("radioPanel")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.radio = radio
        self.strips: dict[str, RadioStrip] = {}
        self.patch_dialog: RadioPatchDialog | None = None
        title = QLabel(self.tr("Radio"), self)
        title.setStyleSheet("font-size:16px;font-weight:bold;")
        self.on_air = QLabel(self)
        self.on_air.setObjectName("radioOnAir")
        self.patch_button = QPushButton(self.tr("Patch groups…"), self)
        self.patch_button.setObjectName("patchButton")
        self.patch_button.clicked.connect(self.on_patch_clicked)
        self.emergencies = RadioEmergencyBox(radio.book.group_name, self)
        self.emergencies.ackRequested.connect(self.on_emergencies_ackRequested)
        self._row = QWidget(self)
        self._row_layout = QHBoxLayout(self._row)
        self._row_layout.setContentsMargins(4, 4, 4, 4)
        self._row_layout.addStretch(1)
        self.strip_scroll = QScrollArea(self)
        self.strip_scroll.setObjectName("radioStrips")
        self.strip_scroll.setWidgetResizable(True)
        self.strip_scroll.setWidget(self._row)
        self.transcript = QLabel(self)
        self.transcript.setObjectName("replayTranscript")
        self.transcript.setWordWrap(True)
        self.transcript.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.on_air, 1)
        top.addWidget(self.patch_button)
        row = QHBoxLayout()  # the alarms beside the strips: a waiting alarm never squeezes them
        row.addWidget(self.strip_scroll, 1)
        row.addWidget(self.emergencies)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(row, 1)
        layout.addWidget(self.transcript)
        self.keys = RadioPttKeys(self, radio.prefs.ptt_key)
        self.keys.pressed.connect(radio.ptt.press)
        self.keys.released.connect(radio.ptt.release)
        radio.reset.connect(self.on_radio_reset)
        radio.groupChanged.connect(self.on_radio_groupChanged)
        radio.prefsChanged.connect(self.on_radio_prefsChanged)
        radio.emergencyAdded.connect(self.emergencies.put)
        radio.emergencyRemoved.connect(self.emergencies.remove)
        radio.replayed.connect(self.on_radio_replayed)
        radio.ptt.keyingChanged.connect(self.on_ptt_keyingChanged)
        radio.ptt.refused.connect(self.on_ptt_refused)
        self.on_radio_reset()

    # --- following the service ------------------------------------------------------------------------

    def on_radio_reset(self) -> None:
        book = self.radio.book
        wanted = [g.id for g in book.groups]
        if list(self.strips) != wanted:
            for strip in self.strips.values():
                strip.deleteLater()
            self.strips = {g.id: self._make_strip(g) for g in book.groups}
            for index, strip in enumerate(self.strips.values()):
                self._row_layout.insertWidget(index, strip)
            # Whole strips, never cut at the PTT button: the row scrolls sideways only.
            bar = self.strip_scroll.horizontalScrollBar().sizeHint().height()
            frame = 2 * self.strip_scroll.frameWidth()
            self.strip_scroll.setMinimumHeight(self._row.sizeHint().height() + bar + frame)
        for group in book.groups:
            self.strips[group.id].name.setText(group.name)
            self.on_radio_groupChanged(group.id)
            self.on_radio_prefsChanged(group.id)
        self.emergencies.reset(list(book.emergencies.values()))
        self._show_on_air()

    def _make_strip(self, group: cm.TalkGroup) -> RadioStrip:
        strip = RadioStrip(group, self._row)
        strip.selectRequested.connect(self.radio.select)
        strip.monitorToggled.connect(self.radio.set_monitored)
        strip.muteToggled.connect(self.radio.set_muted)
        strip.volumeChanged.connect(self.radio.set_volume)
        strip.replayRequested.connect(self.on_strip_replayRequested)
        strip.pttPressed.connect(self.on_strip_pttPressed)
        strip.pttReleased.connect(lambda _group: self.radio.ptt.release())
        strip.unpatchRequested.connect(self.on_strip_unpatchRequested)
        return strip

    def on_radio_groupChanged(self, group_id: str) -> None:
        strip = self.strips.get(group_id)
        if strip is None:
            return
        book, radio = self.radio.book, self.radio
        talking = book.talking.get(group_id)
        strip.show_talking(
            talking, "" if talking is None else radio.unit_label(talking.unit_id, talking.unit_name)
        )
        last = book.last.get(group_id)
        strip.show_last(last, "" if last is None else radio.unit_label(last.unit_id, last.unit_name))
        patches = [
            (p.id, [book.group_name(g) for g in p.groups if g != group_id], p.until)
            for p in book.patches_of(group_id)
        ]
        strip.show_patches(patches)

    def on_radio_prefsChanged(self, group_id: str) -> None:
        strip = self.strips.get(group_id)
        if strip is not None:
            prefs = self.radio.prefs
            strip.show_prefs(prefs.for_group(group_id), prefs.selected == group_id)
        self._show_on_air()

    def on_ptt_keyingChanged(self, group_id: str, keyed: bool) -> None:
        strip = self.strips.get(group_id)
        if strip is not None:
            strip.show_keyed(keyed)
        self._show_on_air()

    def on_ptt_refused(self, group_id: str, reason: str) -> None:
        strip = self.strips.get(group_id)
        if strip is not None:
            strip.show_refusal(reason)

    def on_radio_replayed(self, transmission: cm.Transmission | None) -> None:
        if transmission is None:
            self.transcript.setText(self.tr("That talk group has had no transmission yet."))
            return
        self.transcript.setText(
            self.tr("Replayed — {group}, {time}, {unit}: {text}").format(
                group=self.radio.book.group_name(transmission.group_id),
                time=clock(transmission.started_at),
                unit=self.radio.unit_label(transmission.unit_id, transmission.unit_name),
                text=transcript(transmission.text),
            )
        )

    def _show_on_air(self) -> None:
        keyed = self.radio.ptt.keyed
        selected = self.radio.prefs.selected
        if keyed is not None:
            text = self.tr("On air: {group}").format(group=self.radio.book.group_name(keyed))
        elif selected is not None and selected in self.strips:
            text = self.tr("Push-to-talk goes to {group}").format(group=self.radio.book.group_name(selected))
        else:
            text = ""
        self.on_air.setText(text)

    # --- the operator's actions -----------------------------------------------------------------------

    def on_strip_pttPressed(self, group_id: str) -> None:
        self.radio.select(group_id)
        self.radio.ptt.press()

    @asyncSlot(str)
    async def on_strip_replayRequested(self, group_id: str) -> None:
        await self.radio.replay(group_id)

    @asyncSlot(int)
    async def on_strip_unpatchRequested(self, patch_id: int) -> None:
        await self.radio.unpatch(patch_id)

    @asyncSlot(int, str)
    async def on_emergencies_ackRequested(self, emergency_id: int, note: str) -> None:
        if await self.radio.acknowledge(emergency_id, note) is not None:
            self.emergencies.note_sent()

    @asyncSlot()
    async def on_patch_clicked(self) -> None:
        if self.patch_dialog is not None:
            self.patch_dialog.raise_()
            return
        selected = [self.radio.prefs.selected] if self.radio.prefs.selected else []
        dialog = RadioPatchDialog(self.radio.book.groups, selected, self)
        self.patch_dialog = dialog
        try:
            accepted = await run_dialog(dialog) == QDialog.DialogCode.Accepted
            request = dialog.request() if accepted else None
        finally:
            self.patch_dialog = None
            dialog.deleteLater()
        if request is not None:
            await self.radio.patch(request.groups, request.minutes)
