"""The Qt face of the inbox: every channel's open items, ordered by priority then age, live."""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtCore import QObject, QTimer, Signal

from app.seat_service import SeatService
from client_api import inbox_messages as im
from client_api.client import Event

log = logging.getLogger("app.inbox")

CHANNELS = ("hotline", "inspector", "grid", "app", "web", "enterprise", "iot")


def order_key(item: im.IntakeItem) -> tuple[int, float, int]:
    return (-item.priority, item.received_at, item.id)


class InboxService(QObject):
    """Signals:
    itemsReset(): the whole list changed (after a load).
    itemChanged(object): one IntakeItem arrived or changed (open items stay, others leave).
    countsChanged(): the per-channel counts changed.

    Attributes:
        items: the open items in display order; new_counts: items nobody has taken, per channel.
    """

    itemsReset = Signal()
    itemChanged = Signal(object)
    countsChanged = Signal()

    def __init__(self, seat: SeatService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._seat = seat
        self.items: list[im.IntakeItem] = []
        self.new_counts: dict[str, int] = dict.fromkeys(CHANNELS, 0)
        self._loading: asyncio.Future[None] | None = None
        seat.eventReceived.connect(self.on_seat_eventReceived)
        seat.loggedIn.connect(lambda _op: self.reload())
        seat.stateChanged.connect(lambda state: self.reload() if state == "connected" else None)
        if seat.operator is not None:  # built after the login (the main window is): load now
            QTimer.singleShot(0, self, self.reload)

    def reload(self) -> None:
        if self._seat.operator is None or (self._loading is not None and not self._loading.done()):
            return
        self._loading = asyncio.ensure_future(self._load_logged())

    async def _load_logged(self) -> None:
        try:
            await self.load()
        except Exception as exc:  # retried on the next reconnect
            log.warning("could not load the inbox: %s", exc)

    async def load(self) -> None:
        listing: im.IntakeList = await self._seat.client.request("intake.list", im.ListIntake())
        self.items = sorted(listing.items, key=order_key)
        self.new_counts = {channel: listing.new_counts.get(channel, 0) for channel in CHANNELS}
        self.itemsReset.emit()
        self.countsChanged.emit()

    async def take(self, item_id: int) -> im.IntakeItem:
        result: im.IntakeItemResult = await self._seat.client.request("intake.take", im.TakeIntake(item_id))
        self._apply(result.item)
        return result.item

    async def release(self, item_id: int) -> None:
        result: im.IntakeItemResult = await self._seat.client.request(
            "intake.release", im.ReleaseIntake(item_id)
        )
        self._apply(result.item)

    async def dismiss(self, item_id: int, reason: str) -> None:
        result: im.IntakeItemResult = await self._seat.client.request(
            "intake.dismiss", im.DismissIntake(item_id, reason)
        )
        self._apply(result.item)

    def on_seat_eventReceived(self, event: Event) -> None:
        payload = event.payload
        if isinstance(payload, im.IntakeCreated | im.IntakeUpdated):
            self._apply(payload.item)

    def _apply(self, item: im.IntakeItem) -> None:
        old = next((i for i in self.items if i.id == item.id), None)
        if old == item:
            return
        if old is not None:
            self.items.remove(old)
            if old.status == "new":
                self.new_counts[old.channel] = self.new_counts.get(old.channel, 1) - 1
        if item.status in im.OPEN_STATUSES:
            self.items.append(item)
            self.items.sort(key=order_key)
            if item.status == "new":
                self.new_counts[item.channel] = self.new_counts.get(item.channel, 0) + 1
        self.itemChanged.emit(item)
        self.countsChanged.emit()
