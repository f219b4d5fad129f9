"""The console's push-to-talk: press keys the selected talk group, release unkeys it.

Presses and releases are sent in the order they happened, each exactly once: a second press while
keyed (a key's auto-repeat, the button and the hotkey held together) does nothing, and the release
of a press the backend refused (someone else holds the floor) sends nothing.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from app import message
from app.seat_service import SeatService
from client_api import comms_messages as cm
from client_api.errors import NotConnected, ProtocolError, RequestTimeout

log = logging.getLogger("app.radio")


@dataclass
class _Press:
    group_id: str
    accepted: bool = False


class RadioPtt(QObject):
    """Signals:
    keyingChanged(str, bool): the console keyed (True) or unkeyed (False) the group, as the operator
        pressed or released; False too when the backend refused the press.
    sent(str, bool): a radio.ptt request with ``on`` went to the backend for the group.
    refused(str, str): the backend refused to key the group; the reason (who holds the floor).
    transmitted(object): the Transmission of an accepted press or release.

    Attributes:
        keyed: the group keyed now (None when not keyed).
        case_id: the case a transmission is tied to (set by the screen that has one open).
    """

    keyingChanged = Signal(str, bool)
    sent = Signal(str, bool)
    refused = Signal(str, str)
    transmitted = Signal(object)

    def __init__(
        self, seat: SeatService, selected: Callable[[], str | None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._seat = seat
        self._selected = selected
        self.keyed: str | None = None
        self.case_id: int | None = None
        self._press: _Press | None = None
        self._last: asyncio.Future[None] | None = None

    def press(self) -> bool:
        """Key the selected group; False when already keyed or no group is selected."""
        if self._press is not None:
            return False
        group_id = self._selected()
        if group_id is None:
            message.warning(self.tr("Select a talk group before you press to talk."))
            return False
        press = self._press = _Press(group_id)
        self.keyed = group_id
        self.keyingChanged.emit(group_id, True)
        self._chain(self._send_on(press))
        return True

    def release(self) -> bool:
        """Unkey; False when not keyed (the release of a refused press, a second release)."""
        press = self._press
        if press is None:
            return False
        self._unkey(press)
        self._chain(self._send_off(press))
        return True

    def drop(self) -> None:
        """Unkey without a word to the backend: the link went down, and the backend ends the
        transmission of a seat that goes away."""
        press = self._press
        if press is not None:
            press.accepted = False  # its release, still on its way, sends nothing
            self._unkey(press)

    def _unkey(self, press: _Press) -> None:
        if self._press is press:
            self._press = None
            self.keyed = None
            self.keyingChanged.emit(press.group_id, False)

    def _chain(self, step: Coroutine[Any, Any, None]) -> None:
        previous = self._last

        async def after_previous() -> None:
            if previous is not None:
                await asyncio.wait([previous])
            await step

        self._last = asyncio.ensure_future(after_previous())

    async def settled(self) -> None:
        """Wait until every press and release so far has been answered (tests, shutdown)."""
        while self._last is not None and not self._last.done():
            await asyncio.wait([self._last])

    async def _send_on(self, press: _Press) -> None:
        result = await self._send(press.group_id, True)
        if isinstance(result, cm.TransmissionOk):
            press.accepted = True
            self.transmitted.emit(result.transmission)
            return
        self._unkey(press)
        if isinstance(result, str):
            self.refused.emit(press.group_id, result)

    async def _send_off(self, press: _Press) -> None:
        if not press.accepted:
            return
        result = await self._send(press.group_id, False)
        if isinstance(result, cm.TransmissionOk):
            self.transmitted.emit(result.transmission)

    async def _send(self, group_id: str, on: bool) -> cm.TransmissionOk | str | None:
        """The answer; the backend's reason when it refused; None when the link is down."""
        request = cm.PushToTalk(group_id=group_id, on=on, case_id=self.case_id)
        self.sent.emit(group_id, on)
        try:
            result: cm.TransmissionOk = await self._seat.client.request("radio.ptt", request)
        except ProtocolError as exc:
            failed = self.tr("Talk was refused") if on else self.tr("The talk did not end cleanly")
            message.error(self.tr("{failed}: {reason}").format(failed=failed, reason=exc.message))
            return exc.message
        except (NotConnected, RequestTimeout):
            message.error(self.tr("Push-to-talk: the backend cannot be reached; the radio is not keyed."))
            return None
        return result
