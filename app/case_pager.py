"""Older cases in the background: after the snapshot (the newest 1000), page back to a cap."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from app import gc_tuning
from client_api import messages as m
from client_api.case_book import CaseBook
from client_api.client import SeatClient
from client_api.errors import NotConnected, ProtocolError, RequestTimeout

log = logging.getLogger("app.net")

PAGE = 1000  # the most case.list gives at once
CAP = 100_000


class CasePager:
    """Asks ``case.list`` with ``before_id`` for page after page of older cases and appends each to the
    book as one block, yielding to the event loop between pages so the GUI stays live. A new snapshot
    (``restart``) starts over; the pager stops at the oldest case, at ``cap`` cases, or on an error.
    A book of ``gc_tuning.LARGE_LOAD`` cases or more is then settled (``gc_tuning.settle``)."""

    def __init__(self, client: SeatClient, book: CaseBook, page: int = PAGE, cap: int = CAP) -> None:
        self._client = client
        self._book = book
        self._page = page
        self._cap = cap
        self.task: asyncio.Task[None] | None = None

    def restart(self) -> None:
        self.stop()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # a snapshot given by hand, outside the client's loop: nothing to page
            return
        self.task = loop.create_task(self._run())

    def stop(self) -> None:
        if self.task is not None and not self.task.done():
            self.task.cancel()
        self.task = None

    async def wait(self) -> None:
        """Until the current run ended (tests, shutdown)."""
        if self.task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self.task

    async def _run(self) -> None:
        await self._page_back()
        if len(self._book) >= gc_tuning.LARGE_LOAD:
            gc_tuning.settle()  # what the book holds now lives as long as the session

    async def _page_back(self) -> None:
        await asyncio.sleep(0)  # the snapshot's listeners run first
        while len(self._book) < self._cap:
            before = self._book.oldest_id()
            if before is None or before <= 1:
                return
            limit = min(self._page, self._cap - len(self._book))
            try:
                page: m.CaseList = await self._client.request(
                    "case.list", m.ListCases(limit=limit, before_id=before)
                )
            except (NotConnected, RequestTimeout, ProtocolError) as exc:
                log.warning("paging older cases stopped: %s", exc)
                return
            if not page.cases or self._book.extend_older(page.cases) == 0:
                return
            await asyncio.sleep(0.05)  # a breath for the GUI between pages
