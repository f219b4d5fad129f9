"""The Qt face of the inbox: every channel's open items, ordered by priority then age, live."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from app.live_state import LiveState
from app.seat_service import SeatService
from client_api import inbox_messages as im
from client_api.client import Event

log = logging.getLogger("app.inbox")

CHANNELS = ("hotline", "inspector", "grid", "app", "web", "enterprise", "iot")


def order_key(item: im.IntakeItem) -> tuple[int, float, int]:
    return (-item.priority, item.received_at, item.id)


class InboxService(LiveState):
    """Signals:
    itemsReset(): the whole list changed (after a load).
    itemChanged(object): one IntakeItem arrived or changed (open items stay, others leave).
    countsChanged(): the per-channel counts changed.

    Attributes:
        items: the open items in display order; new_counts: items nobody has taken, per channel.
    """

    what = "inbox"

    itemsReset = Signal()
    itemChanged = Signal(object)
    countsChanged = Signal()

    def __init__(self, seat: SeatService, parent: QObject | None = None) -> None:
        super().__init__(seat, parent)
        self.items: list[im.IntakeItem] = []
        self.new_counts: dict[str, int] = dict.fromkeys(CHANNELS, 0)

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
