"""Base of the Qt services that mirror a part of the backend's state (calls, inbox, …)."""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtCore import QObject, QTimer

from app.seat_service import SeatService
from client_api.client import Event

log = logging.getLogger("app.net")


class LiveState(QObject):
    """Loads its state after the login and after every reconnect, then follows the events.

    Subclasses implement ``load()`` and ``on_seat_eventReceived(event)``; ``what`` names the state
    in the log.
    """

    what = "state"

    def __init__(self, seat: SeatService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._seat = seat
        self._loading: asyncio.Future[None] | None = None
        seat.eventReceived.connect(self.on_seat_eventReceived)
        seat.loggedIn.connect(lambda _op: self.reload())
        seat.stateChanged.connect(lambda state: self.reload() if state == "connected" else None)
        if seat.operator is not None:  # built after the login (the main window is): load now
            QTimer.singleShot(0, self, self.reload)

    def reload(self) -> None:
        """Load again in the background, unless a load is under way or nobody is logged in."""
        if self._seat.operator is None or (self._loading is not None and not self._loading.done()):
            return
        self._loading = asyncio.ensure_future(self._load_logged())

    async def _load_logged(self) -> None:
        try:
            await self.load()
        except Exception as exc:  # the next reconnect tries again; the status bar shows the link
            log.warning("could not load the %s: %s", self.what, exc)

    async def load(self) -> None:
        raise NotImplementedError

    def on_seat_eventReceived(self, event: Event) -> None:
        raise NotImplementedError
