"""The Comms place, the seat's converged communications panel (FOP2 / Yeastar-style operator panel).

On top the case in context. Left the directory (search as you type, pinyin initials, filters, live
presence): Enter or a double click dials, a row dragged onto a call card transfers there or adds to
the conference. Centre the dial field, the PBX link, a card per open call and the call log. Right the
messages (compose with templates, receipts) and the video sessions (push to the wall). Below the
radio console. Every call, message and video session started here is tied to the case in context.

Keys while the place has the focus: Ctrl+D the dial field, Ctrl+F the directory search, F8 answer
the ringing call, F9 hold or resume the current call, F10 hang it up.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QTabWidget, QVBoxLayout, QWidget

from app import ui_state
from app.comms_service import CommsService
from app.wall_service import WallService
from client_api import comms_messages as cm
from ui.comms.calls_pane import CallsPane
from ui.comms.case_chip import CaseChip
from ui.comms.directory_pane import DirectoryPane
from ui.comms.messages_pane import MessagesPane
from ui.comms.video_pane import VideoPane

SPLITTER_KEY = "comms_splitter"
RADIO_SPLITTER_KEY = "comms_radio_splitter"
KEYS = {"dial": "Ctrl+D", "search": "Ctrl+F", "answer": "F8", "hold": "F9", "hangup": "F10"}


class CommsScreen(QWidget):
    """Signals:
    ringingChanged(bool): a call for this operator rings (the main window marks the tab).

    Attributes: comms (CommsService), case_chip, directory (DirectoryPane), calls (CallsPane), side
    (QTabWidget: messages, video), messages (MessagesPane), video (VideoPane), radio_panel (the radio
    console, or None), splitter (directory | calls | side), radio_splitter (that | radio).
    """

    ringingChanged = Signal(bool)

    def __init__(
        self,
        comms: CommsService,
        wall: WallService | None = None,
        radio_panel: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("commsScreen")
        self.comms = comms
        self.case_chip = CaseChip(comms.case, self)
        self.directory = DirectoryPane(comms.directory, self)
        self.calls = CallsPane(comms, self)
        self.messages = MessagesPane(comms, self.directory.selected_entries, self)
        self.video = VideoPane(comms, wall, self.directory.current_entry, self)
        self.side = QTabWidget(self)
        self.side.setObjectName("commsSide")
        self.side.addTab(self.messages, self.tr("Messages"))
        self.side.addTab(self.video, self.tr("Video"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("commsSplitter")
        for pane in (self.directory, self.calls, self.side):
            self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([430, 560, 430])
        ui_state.remember_splitter(self.splitter, SPLITTER_KEY)
        self.radio_panel = radio_panel
        self.radio_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.radio_splitter.setObjectName("commsRadioSplitter")
        self.radio_splitter.addWidget(self.splitter)
        if radio_panel is not None:
            self.radio_splitter.addWidget(radio_panel)
            self.radio_splitter.setStretchFactor(0, 3)
            self.radio_splitter.setStretchFactor(1, 1)
            self.radio_splitter.setSizes([480, 330])  # whole strips, PTT buttons included
        ui_state.remember_splitter(self.radio_splitter, RADIO_SPLITTER_KEY)
        top = QHBoxLayout()
        top.addWidget(self.case_chip)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.radio_splitter, 1)
        self.directory.dialRequested.connect(self.on_directory_dialRequested)
        self.calls.ringingChanged.connect(self.ringingChanged)
        seat = comms.seat
        seat.referenceLoaded.connect(self.on_seat_referenceLoaded)
        self.on_seat_referenceLoaded(seat.reference)
        self._keys()

    def _keys(self) -> None:
        actions = {
            "dial": self.focus_dial,
            "search": self.focus_search,
            "answer": self.answer_ringing,
            "hold": self.toggle_hold,
            "hangup": self.hang_up,
        }
        for name, slot in actions.items():
            QShortcut(
                QKeySequence(KEYS[name]), self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
            )

    def set_case(self, case_id: int | None) -> None:
        """Put a case in context (the Cases place's selection, the case just created at intake)."""
        self.comms.case.set_case(case_id)

    def on_seat_referenceLoaded(self, reference: object) -> None:
        seat_reference = self.comms.seat.reference
        self.directory.set_reference(seat_reference)
        self.messages.compose.set_reference(seat_reference)

    def on_directory_dialRequested(self, entry: cm.DirectoryEntry) -> None:
        self.calls.dial(cm.Target(entry_id=entry.id))

    # --- keys -----------------------------------------------------------------------------------------

    def focus_dial(self) -> None:
        self.calls.dial_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.calls.dial_field.selectAll()

    def focus_search(self) -> None:
        self.directory.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.directory.search.selectAll()

    def answer_ringing(self) -> None:
        ringing = [c for c in self.calls.cards.values() if c.ringing]
        if ringing:
            card = min(ringing, key=lambda c: c.call.id)
            card.answerRequested.emit(card.call.id)

    def toggle_hold(self) -> None:
        card = self.calls.current_card()
        if card is not None and card.controls.hold.isEnabled():
            card.controls.hold.click()

    def hang_up(self) -> None:
        card = self.calls.current_card()
        if card is not None and card.controls.hangup.isEnabled():
            card.controls.hangup.click()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        focus = self.focusWidget()
        if focus is None or not focus.isVisible():
            self.directory.search.setFocus(Qt.FocusReason.OtherFocusReason)
