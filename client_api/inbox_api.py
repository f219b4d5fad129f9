"""Typed calls of the inbox capability over a SeatClient (see docs/protocol-inbox.md)."""

from __future__ import annotations

import msgspec

from client_api import inbox_messages as im
from client_api.client import SeatClient


class InboxApi:
    """The inbox: every channel's reports in one queue. Errors arrive as ProtocolError."""

    def __init__(self, client: SeatClient) -> None:
        self.client = client

    async def list(
        self, status: str | None = None, channel: str | None = None, limit: int = 500
    ) -> im.IntakeList:
        """Items by priority then age, with per-channel counts; no status means the open items."""
        result: im.IntakeList = await self.client.request(
            "intake.list", im.ListIntake(status=status, channel=channel, limit=limit)
        )
        return result

    async def submit(
        self,
        channel: str,
        content: str,
        *,
        reporter_name: str | None = None,
        reporter_phone: str | None = None,
        address: str | None = None,
        lat: float | None = None,
        lon: float | None = None,
    ) -> im.IntakeItem:
        req = im.SubmitIntake(channel, content, reporter_name, reporter_phone, address, lat, lon)
        return await self._item("intake.submit", req)

    async def take(self, item_id: int) -> im.IntakeItem:
        """Take an item to work on; refused (invalid_field, details.taken_by) if someone else has it."""
        return await self._item("intake.take", im.TakeIntake(item_id))

    async def release(self, item_id: int) -> im.IntakeItem:
        return await self._item("intake.release", im.ReleaseIntake(item_id))

    async def dismiss(self, item_id: int, reason: str) -> im.IntakeItem:
        return await self._item("intake.dismiss", im.DismissIntake(item_id, reason))

    async def _item(self, type_: str, req: msgspec.Struct) -> im.IntakeItem:
        result: im.IntakeItemResult = await self.client.request(type_, req)
        return result.item
