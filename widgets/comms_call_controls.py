"""The buttons of a call card, enabled and named for what the call allows now.

First row, the call: Answer, Hold/Resume, Mute/Unmute, Transfer, Complete transfer, Hang up. Second
row, the conference: Add party, Lock/Unlock, and for the party selected in the card's table: Mute
party, Drop party; a finished call's card has Close.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from client_api import comms_messages as cm

LIVE_PARTY = ("dialing", "ringing", "connected", "held")


class CallControls(QWidget):
    """Attributes: answer, hold, mute, transfer, complete_transfer, hangup, add_party, lock, party_mute,
    party_drop, dismiss, attach_case (QPushButtons, objectNames answerButton … dismissButton,
    attachCaseButton; the card shows attach_case when another case is in context)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.answer = self._button("answerButton", self.tr("Answer"))
        self.hold = self._button("holdButton", self.tr("Hold"))
        self.mute = self._button("muteButton", self.tr("Mute"))
        self.transfer = self._button("transferButton", self.tr("Transfer…"))
        self.complete_transfer = self._button("completeTransferButton", self.tr("Complete transfer"))
        self.hangup = self._button("hangupButton", self.tr("Hang up"))
        self.hangup.setStyleSheet("QPushButton:enabled{color:#b42318;font-weight:bold;}")
        self.add_party = self._button("addPartyButton", self.tr("Add party…"))
        self.lock = self._button("lockButton", self.tr("Lock"))
        self.party_mute = self._button("mutePartyButton", self.tr("Mute party"))
        self.party_drop = self._button("dropPartyButton", self.tr("Drop party"))
        self.dismiss = self._button("dismissButton", self.tr("Close"))
        self.attach_case = self._button("attachCaseButton", self.tr("Tie to the case"))
        self.attach_case.setToolTip(
            self.tr("Tie this call to the case in context (it goes on the case's record)")
        )
        self.attach_case.hide()
        self.answer.setStyleSheet("QPushButton:enabled{color:#027a48;font-weight:bold;}")
        self.transfer.setToolTip(self.tr("Blind or attended transfer to a directory entry or a number"))
        self.lock.setToolTip(self.tr("A locked conference takes no more parties"))
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(2)
        first = (self.answer, self.hold, self.mute, self.transfer, self.complete_transfer, self.hangup)
        second = (self.add_party, self.lock, self.party_mute, self.party_drop, self.attach_case, self.dismiss)
        for buttons in (first, second):
            row = QHBoxLayout()
            row.setSpacing(4)
            for button in buttons:
                row.addWidget(button)
            row.addStretch(1)
            rows.addLayout(row)

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        return button

    def header_row(self, title: QLabel, state: QLabel, timer: QLabel) -> QWidget:
        """The card's first line: who, the state words, the timer on the right."""
        row = QWidget(self.parentWidget())
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        column = QWidget(row)
        lines = QGridLayout(column)
        lines.setContentsMargins(0, 0, 0, 0)
        lines.setVerticalSpacing(0)
        lines.addWidget(title, 0, 0)
        lines.addWidget(state, 1, 0)
        layout.addWidget(column, 1)
        layout.addWidget(timer)
        return row

    def update_for(self, call: cm.CommsCall, party: cm.CallParty | None) -> None:
        """Show and enable what ``call`` allows; the party buttons act on ``party``."""
        open_ = call.state in cm.OPEN_COMMS_CALL_STATES
        held = call.held or call.state == "held"
        live = call.state in ("active", "held")  # connected, on hold or not
        ringing_in = call.direction == "in" and call.state == "ringing"
        self.answer.setVisible(ringing_in)
        self.answer.setEnabled(ringing_in)
        self.hold.setEnabled(live)
        self.hold.setText(self.tr("Resume") if held else self.tr("Hold"))
        self.mute.setEnabled(live and not held)
        self.mute.setText(self.tr("Unmute") if call.muted else self.tr("Mute"))
        self.transfer.setEnabled(live and call.consult_for is None)
        self.complete_transfer.setVisible(call.consult_for is not None)
        self.complete_transfer.setEnabled(call.consult_for is not None and live)
        self.hangup.setEnabled(open_)
        self.hangup.setText(self.tr("Reject") if ringing_in else self.tr("Hang up"))
        self.add_party.setEnabled(live and not call.locked and call.consult_for is None)
        self.lock.setEnabled(live)
        self.lock.setText(self.tr("Unlock") if call.locked else self.tr("Lock"))
        party_on = party is not None and party.state in LIVE_PARTY
        self.party_mute.setEnabled(live and party is not None and party.state == "connected")
        self.party_mute.setText(
            self.tr("Unmute party") if party is not None and party.muted else self.tr("Mute party")
        )
        self.party_drop.setEnabled(open_ and party_on)
        for button in (self.add_party, self.lock, self.party_mute, self.party_drop):
            button.setVisible(live)  # the conference controls, once the call is connected
        for button in (self.hold, self.mute, self.transfer):
            button.setVisible(open_ and not ringing_in)
        self.hangup.setVisible(open_)
        self.dismiss.setVisible(not open_)
