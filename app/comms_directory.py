"""The comms directory as the seat searches it: as-you-type with a short debounce, the latest answer
only, presence kept live from comms.presence.

The backend matches text against names, pinyin initials ("zw" finds 张伟), phone, org, role and
radio id; the filters (kind, town, grid) must all match.
"""

from __future__ import annotations

import asyncio

import msgspec
from PySide6.QtCore import QObject, QTimer, Signal

from app.seat_requests import load_or_log, send_or_report
from app.seat_service import SeatService
from client_api import comms_messages as cm

DEBOUNCE_MS = 250


class DirectorySearch(QObject):
    """Signals:
    resultsChanged(object): the entries of the latest search (a list of DirectoryEntry).
    presenceChanged(object): a PresenceChanged applied to ``entries`` and ``known``.

    Attributes:
        query: the search (SearchDirectory) the results answer, or will once the debounce ends.
        entries: the latest results, ordered by kind then name as the backend gives them.
        known: every entry seen by id (names for receipts and parties), presence kept live.
    """

    resultsChanged = Signal(object)
    presenceChanged = Signal(object)

    def __init__(self, seat: SeatService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._seat = seat
        self.query = cm.SearchDirectory()
        self.entries: list[cm.DirectoryEntry] = []
        self.known: dict[str, cm.DirectoryEntry] = {}
        self._asked = 0  # searches sent; an answer to an older one is dropped
        self._running: asyncio.Future[list[cm.DirectoryEntry] | None] | None = None
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._search_soon)

    def set_query(self, text: str = "", kind: str = "", town: str = "", grid_code: str = "") -> None:
        """Search again once typing pauses (an equal query does nothing)."""
        query = cm.SearchDirectory(text=text.strip(), kind=kind, town=town, grid_code=grid_code.strip())
        if query == self.query and self._asked:
            return
        self.query = query
        self._debounce.start()

    @property
    def pending(self) -> bool:
        """A search is waiting for typing to pause, or on its way."""
        return self._debounce.isActive() or (self._running is not None and not self._running.done())

    async def settle(self) -> list[cm.DirectoryEntry]:
        """The results of the query as typed so far (searching now if the debounce still waits)."""
        if self._debounce.isActive():
            await self.search()
        elif self._running is not None and not self._running.done():
            await asyncio.shield(self._running)
        return self.entries

    def _search_soon(self) -> None:
        self._running = asyncio.ensure_future(self.search())

    async def search(self, report: bool = True) -> list[cm.DirectoryEntry] | None:
        """Search now for ``query``; None when refused (told to the operator unless ``report`` is
        False: a load logs it), or when a newer search overtook this one."""
        self._debounce.stop()
        self._asked += 1
        asked, query = self._asked, self.query
        result: cm.DirectoryResult | None
        if report:
            failed = self.tr("The directory search failed")
            result = await send_or_report(self._seat, "comms.directory", query, failed)
        else:
            result = await load_or_log(self._seat, "comms.directory", query)
        if result is None or asked != self._asked:
            return None
        self.entries = list(result.entries)
        self.known.update((e.id, e) for e in result.entries)
        self.resultsChanged.emit(self.entries)
        return self.entries

    async def lookup(self, text: str, limit: int = 50) -> list[cm.DirectoryEntry] | None:
        """A one-off search (the transfer and add-party pickers), apart from the panel's results."""
        result: cm.DirectoryResult | None = await send_or_report(
            self._seat,
            "comms.directory",
            cm.SearchDirectory(text=text.strip(), limit=limit),
            self.tr("The directory search failed"),
        )
        if result is None:
            return None
        self.known.update((e.id, e) for e in result.entries)
        return list(result.entries)

    def apply_presence(self, change: cm.PresenceChanged) -> None:
        def changed(entry: cm.DirectoryEntry) -> cm.DirectoryEntry:
            return msgspec.structs.replace(entry, presence=change.presence, presence_since=change.since)

        self.entries = [changed(e) if e.id == change.entry_id else e for e in self.entries]
        if change.entry_id in self.known:
            self.known[change.entry_id] = changed(self.known[change.entry_id])
        self.presenceChanged.emit(change)

    def name_of(self, entry_id: str | None) -> str:
        entry = self.known.get(entry_id or "")
        return entry.name if entry is not None else (entry_id or "")
