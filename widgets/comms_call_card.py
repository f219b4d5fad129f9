"""One call on the comms panel as a card: who, state, timer, case, the parties, and the call controls.

The card only asks (signals); the screen sends. A directory row dropped on the card asks what to do
with that entry (transfer here or add to the conference). An incoming call that rings pulses its
border until it is answered.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QPoint, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from client_api import comms_messages as cm
from widgets.comms_call_controls import CallControls
from widgets.comms_labels import call_state_label, call_title, direction_label, duration_text, result_label
from widgets.comms_party_model import PartyTableModel
from widgets.directory_table_model import entry_from_mime

CARD_STYLES = {
    "ringing": ("#fff4e5", "#f79009"),
    "ringing_off": ("#fffaf0", "#fec84b"),
    "active": ("#ecfdf3", "#12b76a"),
    "held": ("#f2f4f7", "#98a2b3"),
    "dialing": ("#eff8ff", "#53b1fd"),
    "failed": ("#fef3f2", "#f04438"),
    "ended": ("#f9fafb", "#d0d5dd"),
}
PULSE_MS = 500
PARTY_WIDTHS = (120, 110, 110, 50)
PARTY_ROWS_SHOWN = 5
ROW_HEIGHT = 22


class CallCard(QFrame):
    """Signals:
    answerRequested(int), hangupRequested(int): call id.
    holdRequested(int, bool), muteRequested(int, bool), lockRequested(int, bool): call id, on.
    transferRequested(int), addPartyRequested(int): call id (the screen asks whom).
    completeTransferRequested(int, int): the held call's id, this consultation call's id.
    partyMuteRequested(int, int, bool): call id, party id, on.
    partyDropRequested(int, int): call id, party id.
    entryDropped(int, object, QPoint): call id, the DirectoryEntry dropped, where (global).
    dismissRequested(int): a finished call's card may go.
    attachRequested(int): tie the call to the case in context.

    Attributes: call (the CommsCall shown), parties (PartyTableModel), party_table, controls
    (CallControls: the buttons), title, state_label, timer_label, case_label, drop_highlight.
    """

    answerRequested = Signal(int)
    hangupRequested = Signal(int)
    holdRequested = Signal(int, bool)
    muteRequested = Signal(int, bool)
    lockRequested = Signal(int, bool)
    transferRequested = Signal(int)
    addPartyRequested = Signal(int)
    completeTransferRequested = Signal(int, int)
    partyMuteRequested = Signal(int, int, bool)
    partyDropRequested = Signal(int, int)
    entryDropped = Signal(int, object, QPoint)
    dismissRequested = Signal(int)
    attachRequested = Signal(int)

    def __init__(self, call: cm.CommsCall, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"callCard_{call.id}")
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.call = call
        self.drop_highlight = False
        self._pulse_on = True
        self.title = QLabel(self)
        self.title.setObjectName("callTitle")
        self.title.setStyleSheet("font-weight:bold;font-size:14px;")
        self.title.setWordWrap(True)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("callState")
        self.timer_label = QLabel(self)
        self.timer_label.setObjectName("callTimer")
        self.timer_label.setStyleSheet("font-family:monospace;font-size:14px;")
        self.case_label = QLabel(self)
        self.case_label.setObjectName("callCase")
        self.parties = PartyTableModel(self)
        self.party_table = self._party_table()
        self.controls = CallControls(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addWidget(self.controls.header_row(self.title, self.state_label, self.timer_label))
        layout.addWidget(self.case_label)
        layout.addWidget(self.party_table)
        layout.addWidget(self.controls)
        self._connect()
        self._pulse = QTimer(self, interval=PULSE_MS)
        self._pulse.timeout.connect(self._on_pulse)
        self.show_call(call)

    def _party_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("partyTable")
        table.setModel(self.parties)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(PARTY_WIDTHS):
            table.setColumnWidth(column, width)
        table.selectionModel().currentRowChanged.connect(lambda *_args: self._update_controls())
        return table

    def _connect(self) -> None:
        c, call_id = self.controls, lambda: self.call.id
        c.answer.clicked.connect(lambda: self.answerRequested.emit(call_id()))
        c.hold.clicked.connect(lambda: self.holdRequested.emit(call_id(), not self.call.held))
        c.mute.clicked.connect(lambda: self.muteRequested.emit(call_id(), not self.call.muted))
        c.lock.clicked.connect(lambda: self.lockRequested.emit(call_id(), not self.call.locked))
        c.transfer.clicked.connect(lambda: self.transferRequested.emit(call_id()))
        c.add_party.clicked.connect(lambda: self.addPartyRequested.emit(call_id()))
        c.hangup.clicked.connect(lambda: self.hangupRequested.emit(call_id()))
        c.dismiss.clicked.connect(lambda: self.dismissRequested.emit(call_id()))
        c.attach_case.clicked.connect(lambda: self.attachRequested.emit(call_id()))
        c.complete_transfer.clicked.connect(self._on_complete_transfer)
        c.party_mute.clicked.connect(self._on_party_mute)
        c.party_drop.clicked.connect(self._on_party_drop)

    # --- what the card shows ---------------------------------------------------------------------------

    @property
    def finished(self) -> bool:
        return self.call.state not in cm.OPEN_COMMS_CALL_STATES

    @property
    def ringing(self) -> bool:
        return self.call.direction == "in" and self.call.state == "ringing"

    def show_call(self, call: cm.CommsCall) -> None:
        self.call = call
        self.parties.set_parties(call.parties)
        self._fit_parties()
        self.title.setText(f"{direction_label(call.direction)} · {call_title(call)}")
        state = call_state_label("held" if call.held and call.state == "active" else call.state)
        extras = []
        if call.conference:
            extras.append(self.tr("conference"))
        if call.locked:
            extras.append(self.tr("locked"))
        if call.muted:
            extras.append(self.tr("microphone muted"))
        if call.consult_for is not None:
            extras.append(self.tr("consulting for call {id}").format(id=call.consult_for))
        if self.finished and call.result:
            extras.append(result_label(call.result))
        if call.reason and call.state == "failed":
            extras.append(call.reason)
        self.state_label.setText(" · ".join([state, *extras]))
        self.case_label.setText(
            self.tr("Case {id}").format(id=call.case_id) if call.case_id is not None else self.tr("No case")
        )
        self._update_controls()
        self.tick()
        if self.ringing and not self._pulse.isActive():
            self._pulse.start()
        elif not self.ringing:
            self._pulse.stop()
            self._pulse_on = True
        self._restyle()

    def _fit_parties(self) -> None:
        """As tall as its parties (up to PARTY_ROWS_SHOWN rows, then it scrolls)."""
        table = self.party_table
        rows = min(max(1, self.parties.rowCount()), PARTY_ROWS_SHOWN)
        height = table.horizontalHeader().sizeHint().height() + rows * ROW_HEIGHT + 2 * table.frameWidth()
        table.setFixedHeight(height)

    def set_case_text(self, text: str) -> None:
        """Name the call's case as the seat knows it (its case number)."""
        self.case_label.setText(text)

    def offer_case(self, case_id: int | None) -> None:
        """Offer to tie the call to ``case_id`` (the case in context) when it is tied to another."""
        offered = case_id is not None and case_id != self.call.case_id and not self.finished
        self.controls.attach_case.setVisible(offered)

    def tick(self) -> None:
        """The timer: talking time since answered (ringing time before), frozen once it ended."""
        call = self.call
        start = call.answered_at or call.started_at
        end = call.ended_at if call.ended_at is not None else time.time()
        self.timer_label.setText(duration_text(end - start))
        self.parties.tick()

    def selected_party(self) -> cm.CallParty | None:
        index = self.party_table.currentIndex()
        return self.parties.party_at(index.row()) if index.isValid() else None

    def select_party(self, party_id: int) -> None:
        row = self.parties.row_of(party_id)
        if row is not None:
            self.party_table.selectRow(row)

    def _update_controls(self) -> None:
        self.controls.update_for(self.call, self.selected_party())

    def _restyle(self) -> None:
        kind = self.call.state if self.call.state in CARD_STYLES else "ended"
        if kind == "active" and self.call.held:
            kind = "held"
        if self.ringing and not self._pulse_on:
            kind = "ringing_off"
        background, border = CARD_STYLES[kind]
        width = 3 if self.ringing or self.drop_highlight else 2
        if self.drop_highlight:
            border = "#1570ef"
        self.setProperty("kind", kind)
        rule = f"background:{background};border:{width}px solid {border};border-radius:6px;"
        self.setStyleSheet(f"#{self.objectName()}{{{rule}}}")

    def _on_pulse(self) -> None:
        self._pulse_on = not self._pulse_on
        self._restyle()

    # --- party actions and the consultation -------------------------------------------------------------

    def _on_party_mute(self) -> None:
        party = self.selected_party()
        if party is not None:
            self.partyMuteRequested.emit(self.call.id, party.id, not party.muted)

    def _on_party_drop(self) -> None:
        party = self.selected_party()
        if party is not None:
            self.partyDropRequested.emit(self.call.id, party.id)

    def _on_complete_transfer(self) -> None:
        if self.call.consult_for is not None:
            self.completeTransferRequested.emit(self.call.consult_for, self.call.id)

    # --- a directory row dropped on the card -----------------------------------------------------------

    def _takes(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        return not self.finished and entry_from_mime(event.mimeData()) is not None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._takes(event):
            event.acceptProposedAction()
            self.drop_highlight = True
            self._restyle()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._takes(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.drop_highlight = False
        self._restyle()
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        entry = entry_from_mime(event.mimeData())
        self.drop_highlight = False
        self._restyle()
        if entry is None or self.finished:
            event.ignore()
            return
        event.acceptProposedAction()
        self.entryDropped.emit(self.call.id, entry, self.mapToGlobal(event.position().toPoint()))
