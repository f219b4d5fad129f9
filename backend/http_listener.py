"""An aiohttp application served beside the websocket server, on its event loop and host (a Service)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from aiohttp import web

if TYPE_CHECKING:
    from backend.server import Server

log = logging.getLogger("backend.http")


class HttpListener:
    """Subclasses build their application in ``make_app``. Attributes: port (the real one once started),
    url (``http://host:port`` plus ``path``), ``what`` (named in the log line)."""

    path = ""
    what = "HTTP"

    def __init__(self, port: int = 0) -> None:
        self.port = port
        self.url = ""
        self._runner: web.AppRunner | None = None

    def make_app(self, server: Server) -> web.Application:
        raise NotImplementedError

    async def start(self, server: Server) -> None:
        runner = web.AppRunner(self.make_app(server))
        await runner.setup()
        try:
            await web.TCPSite(runner, server.host, self.port).start()
        except OSError:
            await runner.cleanup()
            raise
        self._runner = runner
        self.port = runner.addresses[0][1]
        host = f"[{server.host}]" if ":" in server.host else server.host
        self.url = f"http://{host}:{self.port}{self.path}"
        log.info("%s on %s", self.what, self.url)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
