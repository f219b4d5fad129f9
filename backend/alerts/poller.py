"""CapFeedPoller: reads CAP feeds (or single messages) from files or http(s) URLs every ``interval``
seconds and takes them in. Messages already stored come back as "unchanged"; a rejected entry is
logged with its reason (once per source and reason, then quietly); an unreachable source is logged
and tried again next round."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from backend.alerts.cap_xml import CapInvalid
from backend.alerts.feeds import read_document, source_origin
from backend.alerts.ingest import ingest_document
from backend.sla.periodic import Periodic
from client_api.alert_messages import CapIngested
from client_api.errors import ProtocolError

if TYPE_CHECKING:
    from backend.server import Server

log = logging.getLogger("backend.alerts")

DEFAULT_INTERVAL = 60.0
MIN_INTERVAL = 0.1
MAX_REMEMBERED = 10_000  # rejections already logged at warning level


class CapFeedPoller(Periodic):
    """Attributes:
    sources: the configured feeds (paths, file:// or http(s) URLs).
    """

    name = "cap-feeds"

    def __init__(
        self, sources: list[str], interval: float = DEFAULT_INTERVAL, server: Server | None = None
    ) -> None:
        super().__init__(interval, server.store if server is not None else None)
        self.sources = list(sources)
        self._server = server
        self._reported: set[tuple[str, str]] = set()

    async def start(self, server: Server) -> None:
        self._server = server
        await super().start(server)

    async def tick(self, now: float | None = None) -> dict[str, CapIngested | None]:
        """Poll every source once; per source what it brought, None if it could not be read or taken."""
        return {source: await self.poll(source) for source in self.sources}

    async def poll(self, source: str) -> CapIngested | None:
        if self._server is None:
            raise RuntimeError("the CAP feed poller has no server: start it first")
        where, origin = source_origin(source)
        started = time.monotonic()
        try:
            data = await read_document(where)
        except CapInvalid as exc:
            self._report(source, f"unreachable, tried again in {self.interval:g} s: {exc.reason}")
            return None
        try:
            result = await ingest_document(self._server, data, origin)
        except ProtocolError as exc:
            self._report(source, f"rejected: {exc.message}")
            return None
        for entry in result.rejected:
            self._report(
                source,
                f"entry {entry.index} ({entry.identifier or 'no identifier'}) rejected: {entry.reason}",
            )
        if result.alerts:
            log.info(
                "CAP feed %s: %d alert(s) new or changed in %.2f s",
                source,
                len(result.alerts),
                time.monotonic() - started,
            )
        return result

    def _report(self, source: str, what: str) -> None:
        first = (source, what) not in self._reported
        if len(self._reported) > MAX_REMEMBERED:
            self._reported.clear()
        self._reported.add((source, what))
        log.log(logging.WARNING if first else logging.DEBUG, "CAP feed %s: %s", source, what)
