"""The Qt face of the seat client: signals for the screens, the case book, reference data.

Screens receive this object in their constructor; it is the only thing they talk to the backend through.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import msgspec
from PySide6.QtCore import QObject, Signal

from app import message
from app.case_pager import CasePager
from client_api import messages as m
from client_api.case_book import CaseBook
from client_api.client import ConnectionState, Event, SeatClient
from client_api.errors import NotConnected
from client_api.outbox import Outbox
from client_api.outbox_sender import OutboxSender, Submitted

log = logging.getLogger("app.net")


class SeatService(QObject):
    """Signals:
    stateChanged(str): connected / reconnecting / offline.
    serverChanged(object): the server's HelloOk after each (re)connection.
    eventReceived(object): every client_api Event, in order.
    referenceLoaded(object): the Reference data.
    loggedIn(object): the Operator.
    outboxChanged(object): an OutboxEntry that was added or changed state.

    Attributes:
        client: the asyncio SeatClient (no Qt).
        outbox: the durable outbox (in memory unless the app gives it a file).
        outbox_sender: sends the outbox; made at the first login, so that commands left from an earlier
            run are not sent on a connection that is not logged in yet.
        queued: keys of commands accepted locally while the link was down, not sent yet.
        cases: the CaseBook the case table shows.
        pager: pages older cases into ``cases`` after each snapshot.
        reference: areas, departments, categories (None until loaded).
    """

    stateChanged = Signal(str)
    serverChanged = Signal(object)
    eventReceived = Signal(object)
    referenceLoaded = Signal(object)
    loggedIn = Signal(object)
    outboxChanged = Signal(object)

    def __init__(
        self, client: SeatClient, outbox: Outbox | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.client = client
        self.outbox = outbox or Outbox(Path(":memory:"))  # tests and tools: nothing to keep
        self.outbox_sender: OutboxSender | None = None
        self.queued: set[str] = set()
        self._flush: asyncio.Task[None] | None = None
        self.cases = CaseBook()
        self.reference: m.Reference | None = None
        self._category_names: dict[str, str] = {}
        self._area_names: dict[str, str] = {}
        self._department_names: dict[str, str] = {}
        self.pager = CasePager(client, self.cases)
        self._last_server: m.HelloOk | None = None
        client.add_state_listener(self._on_state)
        client.add_event_listener(self._on_event)
        client.add_snapshot_listener(self._on_snapshot)

    @property
    def state(self) -> ConnectionState:
        return self.client.state

    @property
    def exercise(self) -> bool:
        return bool(self.client.server and self.client.server.exercise)

    @property
    def operator(self) -> m.Operator | None:
        return self.client.operator

    def start(self) -> None:
        self.client.start()

    async def close(self) -> None:
        self.pager.stop()
        if self.outbox_sender is not None:
            await self.outbox_sender.close()
        if self._flush is not None:
            await asyncio.gather(self._flush, return_exceptions=True)
        await self.client.close()  # the outbox stays open: whoever made it closes it

    async def login(self, username: str, password: str, seat_id: str) -> m.LoginOk:
        result = await self.client.login(username, password, seat_id)
        await self.load_reference()
        self.loggedIn.emit(result.operator)
        if self.outbox_sender is None:
            self.queued.update(e.key for e in await asyncio.to_thread(self.outbox.waiting))
            self.outbox_sender = OutboxSender(self.client, self.outbox)
            self.outbox_sender.add_listener(self.outboxChanged.emit)
            self._flush = asyncio.ensure_future(self._send_left_over(self.outbox_sender))
        return result

    async def _send_left_over(self, sender: OutboxSender) -> None:
        """Send what an earlier run of this seat left waiting (the sender sends again on reconnects)."""
        try:
            await sender.flush()
        except Exception:  # a failure here must not end the session; the next reconnect tries again
            log.exception("sending the commands left waiting failed")

    async def unlock(self, password: str) -> None:
        """Check the signed-in operator's password again on the live connection (the idle lock).

        A wrong password or a locked account raises ProtocolError; the session stays as it was."""
        creds = self.client.seat_id, self.client.operator
        if creds[0] is None or creds[1] is None:
            raise NotConnected("nobody is logged in on this seat")
        await self.client.request("login", m.Login(creds[1].username, password, creds[0]))

    async def submit(self, type_: str, payload: msgspec.Struct, summary: str) -> Submitted:
        """Send a command through the outbox: applied now, or kept on disk and sent when the link
        returns (``response`` is then None). A refusal raises ProtocolError as ``request`` does."""
        if self.outbox_sender is None:
            raise NotConnected("log in before sending commands")
        submitted = await self.outbox_sender.submit(type_, payload, summary)
        if submitted.response is None and submitted.entry.state == "waiting":
            self.queued.add(submitted.entry.key)
            self.outboxChanged.emit(submitted.entry)
        case = getattr(submitted.response, "case", None)
        if isinstance(case, m.CaseRecord):
            self.cases.upsert(case)  # the event will follow; upsert makes it idempotent
        return submitted

    async def load_reference(self) -> m.Reference:
        ref = await self.client.reference()
        self.reference = ref
        self._category_names = {c.code: c.name for c in ref.categories}
        self._area_names = {a.code: a.name for a in ref.areas}
        self._department_names = {d.code: d.name for d in ref.departments}
        self.referenceLoaded.emit(ref)
        return ref

    async def create_case(
        self, category_code: str, address: str, description: str, grid_code: str | None = None
    ) -> m.CaseRecord:
        return await self.create_case_from(m.CreateCase(category_code, address, description, grid_code))

    async def create_case_from(self, request: m.CreateCase) -> m.CaseRecord:
        case: m.CaseRecord = (await self.client.request("case.create", request)).case
        self.cases.upsert(case)  # the event will follow; upsert makes it idempotent
        return case

    def category_name(self, code: str) -> str:
        return self._category_names.get(code, code)

    def area_name(self, code: str | None) -> str:
        return "" if code is None else self._area_names.get(code, code)

    def department_name(self, code: str) -> str:
        return self._department_names.get(code, code)

    def _on_state(self, state: ConnectionState) -> None:
        server = self.client.server
        if state is ConnectionState.CONNECTED and server is not None and server != self._last_server:
            self._last_server = server
            self.serverChanged.emit(server)
        self.stateChanged.emit(state.value)

    def _on_snapshot(self, snapshot: m.CaseList) -> None:
        self.cases.reset(snapshot.cases)
        self.pager.restart()
        reason, self.client.resync_reason = self.client.resync_reason, None
        if reason is not None:  # not the first load: the seat could not catch up event by event
            message.info(self.resync_text(reason))

    def resync_text(self, reason: str) -> str:
        if reason == "history_unavailable":
            return self.tr(
                "This seat was away longer than the backend keeps events: the case list was reloaded."
            )
        if reason == "slow_consumer":
            return self.tr("This seat fell behind the live events: the case list was reloaded.")
        return self.tr("The case list was reloaded from the backend ({reason}).").format(reason=reason)

    def _on_event(self, event: Event) -> None:
        case = getattr(event.payload, "case", None)  # case.created, case.updated, …
        if isinstance(case, m.CaseRecord):
            self.cases.upsert(case)
        self.eventReceived.emit(event)
