"""The operator's view of the outbox: what waits to be sent, what was refused on replay, and the
messages that say so."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QObject, Signal

from app import message
from app.seat_service import SeatService
from client_api.outbox import OutboxEntry


class OutboxWatch(QObject):
    """Counts the commands waiting and the conflicts, and tells the operator when queued commands are
    sent or refused. A conflict stays listed until the operator dismisses it.

    Signals:
    countsChanged(int, int): commands waiting to send, conflicts not yet dismissed.

    Attributes:
        conflicts: the undismissed conflicts by key.
    """

    countsChanged = Signal(int, int)

    def __init__(self, service: SeatService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        # Read once at start (a few rows); from then on the entries come with outboxChanged.
        self.conflicts = {e.key: e for e in service.outbox.entries() if e.state == "conflict"}
        service.outboxChanged.connect(self.on_service_outboxChanged)

    @property
    def waiting(self) -> int:
        return len(self._service.queued)

    async def entries(self) -> list[OutboxEntry]:
        return await asyncio.to_thread(self._service.outbox.entries)

    def on_service_outboxChanged(self, entry: OutboxEntry) -> None:
        queued = entry.key in self._service.queued
        if entry.state == "sent" and queued:
            self._service.queued.discard(entry.key)
            message.info(self.tr("Sent: {summary}").format(summary=entry.summary))
        elif entry.state == "conflict":
            self._service.queued.discard(entry.key)
            self.conflicts[entry.key] = entry
            message.error(
                self.tr("Not applied: {summary}. The backend refused it: {reason}").format(
                    summary=entry.summary, reason=entry.error or entry.error_code or "?"
                )
            )
        elif entry.state == "dismissed":
            self._service.queued.discard(entry.key)
            self.conflicts.pop(entry.key, None)
        self.countsChanged.emit(self.waiting, len(self.conflicts))

    async def dismiss(self, key: str) -> None:
        """The operator has dealt with a conflict."""
        await asyncio.to_thread(self._service.outbox.dismiss, key)
        entry = await asyncio.to_thread(self._service.outbox.get, key)
        if entry is not None:
            self.on_service_outboxChanged(entry)
