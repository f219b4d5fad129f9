"""The Open311 endpoint as a backend service: an aiohttp site on the server's own event loop and host."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from aiohttp import web

from backend.open311.routes import PREFIX, make_app

if TYPE_CHECKING:
    from backend.server import Server

log = logging.getLogger("backend.open311")

DEFAULT_AGENCY = "12345政务服务便民热线"


class Open311Service:
    """Attributes:
    port: the port it listens on once started (0 before: pick a free one).
    url: the base URL of the API once started, ending in ``/open311/v2/``.
    """

    def __init__(self, port: int = 0, agency: str = DEFAULT_AGENCY) -> None:
        self.port = port
        self.agency = agency
        self.url = ""
        self._runner: web.AppRunner | None = None

    async def start(self, server: Server) -> None:
        runner = web.AppRunner(make_app(server.store, self.agency))
        await runner.setup()
        try:
            await web.TCPSite(runner, server.host, self.port).start()
        except OSError:
            await runner.cleanup()
            raise
        self._runner = runner
        self.port = runner.addresses[0][1]
        host = f"[{server.host}]" if ":" in server.host else server.host
        self.url = f"http://{host}:{self.port}{PREFIX}/"
        log.info("Open311 endpoint on %s", self.url)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
