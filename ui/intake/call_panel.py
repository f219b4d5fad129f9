"""The call bar: this operator's state, the ringing banner, the call in progress and wrap-up.

One key each: F2 answer, F3 hold or resume, F4 transfer, F6 hang up, F7 ready or away.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QPushButton, QWidget
from qasync import asyncSlot

from app import message
from app.calls_service import CallsService
from client_api import calls_messages as cm
from client_api.errors import NotConnected, ProtocolError, RequestTimeout

STYLES = {
    "ringing": "background:#fff4e5;border:2px solid #f79009;",
    "answered": "background:#ecfdf3;border:2px solid #12b76a;",
    "held": "background:#f2f4f7;border:2px solid #98a2b3;",
    "idle": "background:#f9fafb;border:1px solid #d0d7de;",
}


def mmss(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


class CallPanel(QWidget):
    """Signals:
    callAnswered(object): this seat answered a Call (the screen-pop and the form follow it).
    """

    callAnswered = Signal(object)

    def __init__(self, calls: CallsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._calls = calls
        self.setObjectName("callPanel")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("callStatus")
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.answer_button = QPushButton(self.tr("Answer (F2)"), self)
        self.hold_button = QPushButton(self.tr("Hold (F3)"), self)
        self.transfer_button = QPushButton(self.tr("Transfer (F4)"), self)
        self.hangup_button = QPushButton(self.tr("Hang up (F6)"), self)
        self.state_button = QPushButton(self.tr("Ready (F7)"), self)
        self.state_button.setObjectName("readyButton")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.status_label, 1)
        for button, key, slot in (
            (self.answer_button, "F2", self.on_answer),
            (self.hold_button, "F3", self.on_hold),
            (self.transfer_button, "F4", self.on_transfer),
            (self.hangup_button, "F6", self.on_hangup),
            (self.state_button, "F7", self.on_toggle_ready),
        ):
            layout.addWidget(button)
            button.clicked.connect(slot)
            QShortcut(
                QKeySequence(key), self.window() or self, slot, context=Qt.ShortcutContext.ApplicationShortcut
            )
        self._timer = QTimer(self, interval=1000)
        self._timer.timeout.connect(self._render)
        self._timer.start()
        calls.myCallChanged.connect(lambda _call: self._render())
        calls.myStateChanged.connect(lambda _state: self._render())
        self._render()

    # --- what the operator sees -----------------------------------------------------------------

    def _render(self) -> None:
        call, state, now = self._calls.my_call, self._calls.my_state, time.time()
        kind = "idle"
        if call is not None and call.state == "ringing":
            kind = "ringing"
            text = self.tr("<b>Incoming call</b> {number} · waiting {s} s").format(
                number=call.caller_number, s=int(now - call.queued_at)
            )
        elif call is not None:
            kind = "held" if call.state == "held" else "answered"
            label = self.tr("On hold") if call.state == "held" else self.tr("On call")
            text = f"<b>{label}</b> {call.caller_number} · {mmss(now - (call.answered_at or now))}"
        elif state is not None and state.state == "wrap_up":
            text = self.tr("<b>Wrap-up</b> {t} — press F7 when ready").format(t=mmss(now - state.since))
        else:
            text = self._state_text(state)
        if self.property("kind") != kind:  # a style sheet set again relays out the whole intake screen
            self.setStyleSheet(f"#callPanel{{{STYLES[kind]}border-radius:4px;}}")
            self.setProperty("kind", kind)
        self.status_label.setText(text)
        self.answer_button.setEnabled(kind == "ringing")
        for button in (self.hold_button, self.transfer_button, self.hangup_button):
            button.setEnabled(kind in ("answered", "held"))
        self.hold_button.setText(self.tr("Resume (F3)") if kind == "held" else self.tr("Hold (F3)"))
        ready = state is not None and state.state == "ready"
        self.state_button.setText(self.tr("Away (F7)") if ready else self.tr("Ready (F7)"))
        self.state_button.setEnabled(call is None)

    def _state_text(self, state: cm.OperatorState | None) -> str:
        if state is None:
            return self.tr("Not signed in to the hotline")
        names = {
            "ready": self.tr("Ready for calls"),
            "busy": self.tr("Busy"),
            "away": self.tr("Away"),
            "offline": self.tr("Offline"),
        }
        text = names.get(state.state, state.state)
        reasons = {  # the reasons the call center sets; an operator's own reason is shown as typed
            "logged in": self.tr("just logged in: press F7 when ready"),
            "missed call": self.tr("a call rang unanswered"),
            "ringing": self.tr("a call is ringing"),
            "on call": self.tr("on a call"),
        }
        reason = reasons.get(state.reason or "", state.reason)
        return f"{text} ({reason})" if reason else text

    # --- actions --------------------------------------------------------------------------------

    async def _do(self, coro: object) -> bool:
        try:
            await coro  # type: ignore[misc]
        except ProtocolError as exc:
            message.error(self.tr("The call control failed: {message}").format(message=exc.message))
            return False
        except (NotConnected, RequestTimeout):
            message.error(self.tr("Not connected to the backend; the call control was not sent."))
            return False
        return True

    @asyncSlot()
    async def on_answer(self) -> None:
        call = self._calls.my_call
        if call is None or call.state != "ringing":
            return
        if await self._do(self._calls.answer(call.id)) and self._calls.my_call is not None:
            self.callAnswered.emit(self._calls.my_call)

    @asyncSlot()
    async def on_hold(self) -> None:
        call = self._calls.my_call
        if call is not None and call.state in ("answered", "held"):
            await self._do(self._calls.hold(call.id, call.state != "held"))

    @asyncSlot()
    async def on_transfer(self) -> None:
        call = self._calls.my_call
        if call is None or call.state not in ("answered", "held"):
            return
        target, ok = QInputDialog.getText(
            self, self.tr("Transfer the call"), self.tr("Seat id, or a department's phone number:")
        )
        target = target.strip()
        if not ok or not target:
            return
        is_number = target.replace("-", "").isdigit()
        await self._do(
            self._calls.transfer(call.id, to_number=target)
            if is_number
            else self._calls.transfer(call.id, to_seat=target)
        )

    @asyncSlot()
    async def on_hangup(self) -> None:
        call = self._calls.my_call
        if call is not None and call.state in ("answered", "held"):
            await self._do(self._calls.hangup(call.id))

    @asyncSlot()
    async def on_toggle_ready(self) -> None:
        if self._calls.my_call is not None:
            return
        state = self._calls.my_state
        if state is not None and state.state == "ready":
            await self._do(self._calls.set_state("away", self.tr("break")))
        else:
            await self._do(self._calls.set_state("ready"))
