"""The centre of the comms panel: the dial field with the PBX link's state, one card per open call
(an incoming one rings visibly), and the call log below.

A call the operator placed that failed keeps its card, with the reason, until the operator closes it;
one that ended, or an incoming call nobody answered, goes (it is in the log). The current call is the
one last clicked, else the ringing one, else the newest: the hold and hang-up keys act on it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app import ui_state
from app.comms_service import CommsService
from client_api import comms_messages as cm
from ui.comms.call_actions import CallActions
from ui.comms.call_log_view import CallLogView
from widgets.comms_call_card import CallCard
from widgets.comms_labels import telephony_ok, telephony_text

SPLITTER_KEY = "comms_calls_splitter"


class CallsPane(QWidget):
    """Signals:
    ringingChanged(bool): whether a call for this operator rings now.

    Attributes: dial_field (dialField), dial_button (dialButton), telephony_label (telephonyStatus),
    cards (CallCard by call id), call_actions (CallActions), call_log (CallLogView), splitter, empty_note,
    current_call_id (the call the keys act on, or None).
    """

    ringingChanged = Signal(bool)

    def __init__(self, comms: CommsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._comms = comms
        self.cards: dict[int, CallCard] = {}
        self._chosen: int | None = None
        self._ringing = False
        self.call_actions = CallActions(comms, self)
        self.dial_field = QLineEdit(self)
        self.dial_field.setObjectName("dialField")
        self.dial_field.setPlaceholderText(self.tr("Number, SIP address or extension (Ctrl+D)"))
        self.dial_field.setClearButtonEnabled(True)
        self.dial_button = QPushButton(self.tr("Dial"), self)
        self.dial_button.setObjectName("dialButton")
        self.telephony_label = QLabel(self)
        self.telephony_label.setObjectName("telephonyStatus")
        self.empty_note = QLabel(
            self.tr("No calls. Dial a number, or double-click someone in the directory.")
        )
        self.empty_note.setStyleSheet("color:#667085;padding:12px;")
        self.empty_note.setWordWrap(True)
        self._column = QVBoxLayout()
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(6)
        self._column.addWidget(self.empty_note)
        self._column.addStretch(1)
        holder = QWidget(self)
        holder.setObjectName("callCards")
        holder.setLayout(self._column)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)
        self.call_log = CallLogView(comms, self)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("commsCallsSplitter")
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.call_log)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([480, 200])
        ui_state.remember_splitter(self.splitter, SPLITTER_KEY)
        dial_row = QHBoxLayout()
        dial_row.addWidget(self.dial_field, 1)
        dial_row.addWidget(self.dial_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(dial_row)
        layout.addWidget(self.telephony_label)
        layout.addWidget(self.splitter, 1)
        self.dial_field.returnPressed.connect(self.dial_typed)
        self.dial_button.clicked.connect(lambda _checked=False: self.dial_typed())
        comms.callChanged.connect(self.on_comms_callChanged)
        comms.callsReset.connect(self.on_comms_callsReset)
        # bound methods, not lambdas: Qt drops them with this pane, while the service lives on
        comms.callTaken.connect(self.on_comms_callTaken)
        comms.telephonyChanged.connect(self.on_comms_telephonyChanged)
        comms.case.caseChanged.connect(self.on_case_caseChanged)
        self._ticker = QTimer(self, interval=1000)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start()
        self.on_comms_callsReset()
        self._show_telephony()

    # --- dialling -------------------------------------------------------------------------------------

    def dial_typed(self) -> None:
        """Dial what is typed; the field empties when the call starts, and keeps a refused number."""
        number = self.dial_field.text().strip()
        if not number:
            self.dial_field.setFocus()
            return
        self.call_actions.run(self._dial_typed(number))

    async def _dial_typed(self, number: str) -> None:
        started = await self._comms.dial(cm.Target(number=number), self._comms.case.case_id)
        if started is not None and self.dial_field.text().strip() == number:
            self.dial_field.clear()

    def dial(self, target: cm.Target) -> None:
        self.call_actions.run(self._comms.dial(target, self._comms.case.case_id))

    # --- the cards ------------------------------------------------------------------------------------

    def on_comms_callsReset(self) -> None:
        for call_id in [i for i, card in self.cards.items() if not card.finished]:
            if call_id not in self._comms.calls:
                self._remove(call_id)
        for call in sorted(self._comms.calls.values(), key=lambda c: c.id):
            self.on_comms_callChanged(call)

    def on_comms_callChanged(self, call: cm.CommsCall) -> None:
        card = self.cards.get(call.id)
        if call.state == "ended" or (call.state == "failed" and call.direction == "in"):
            self._remove(call.id)  # in the log; a missed call does not stay on every seat
        elif card is None:
            card = CallCard(call, self)
            card.installEventFilter(self)
            card.party_table.installEventFilter(self)
            self.call_actions.attach(card)
            card.dismissRequested.connect(self._remove)
            self.cards[call.id] = card
            self._column.insertWidget(0, card)  # the newest on top
            self._refresh_case_text(card)
        else:
            card.show_call(call)
            self._refresh_case_text(card)
        self._after_change()

    def _refresh_case_text(self, card: CallCard) -> None:
        if card.call.case_id is not None:
            number = self._comms.case.text_of(card.call.case_id)
            card.set_case_text(self.tr("Case {number}").format(number=number))
        card.offer_case(self._comms.case.case_id)

    def on_case_caseChanged(self, _case_id: int | None) -> None:
        for card in self.cards.values():
            self._refresh_case_text(card)

    def _remove(self, call_id: int) -> None:
        card = self.cards.pop(call_id, None)
        if card is not None:
            self._column.removeWidget(card)
            card.hide()
            card.deleteLater()
        if self._chosen == call_id:
            self._chosen = None
        self._after_change()

    def _after_change(self) -> None:
        self.empty_note.setVisible(not self.cards)
        ringing = any(card.ringing for card in self.cards.values())
        if ringing != self._ringing:
            self._ringing = ringing
            self.ringingChanged.emit(ringing)

    @property
    def current_call_id(self) -> int | None:
        open_cards = {i: c for i, c in self.cards.items() if not c.finished}
        if self._chosen in open_cards:
            return self._chosen
        ringing = [i for i, c in open_cards.items() if c.ringing]
        if ringing:
            return min(ringing)
        return max(open_cards) if open_cards else None

    def current_card(self) -> CallCard | None:
        call_id = self.current_call_id
        return None if call_id is None else self.cards.get(call_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.FocusIn):
            for call_id, card in self.cards.items():
                if watched is card or watched is card.party_table:
                    self._chosen = call_id
        return super().eventFilter(watched, event)

    def on_comms_callTaken(self, taken: cm.CommsCall) -> None:
        self._remove(taken.id)

    def on_comms_telephonyChanged(self, _status: object) -> None:
        self._show_telephony()

    def _tick(self) -> None:
        for card in self.cards.values():
            if not card.finished:
                card.tick()
        status = self._comms.telephony
        if status is not None and status.retry_at is not None:
            self._show_telephony()

    def _show_telephony(self) -> None:
        status = self._comms.telephony
        self.telephony_label.setText(telephony_text(status))
        colour = "#027a48" if telephony_ok(status) else "#b42318"
        if status is None:
            colour = "#667085"
        self.telephony_label.setStyleSheet(f"color:{colour};")
        self.telephony_label.setToolTip((status.detail or status.registrar) if status is not None else "")
