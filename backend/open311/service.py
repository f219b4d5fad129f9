"""The Open311 endpoint as a backend service: an aiohttp site on the server's own event loop and host."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from backend.http_listener import HttpListener
from backend.open311.routes import PREFIX, make_app

if TYPE_CHECKING:
    from backend.server import Server

DEFAULT_AGENCY = "12345政务服务便民热线"


class Open311Service(HttpListener):
    """Attributes:
    port: the port it listens on once started (0 before: pick a free one).
    url: the base URL of the API once started, ending in ``/open311/v2/``.
    """

    path = f"{PREFIX}/"
    what = "Open311 endpoint"

    def __init__(self, port: int = 0, agency: str = DEFAULT_AGENCY) -> None:
        super().__init__(port)
        self.agency = agency

    def make_app(self, server: Server) -> web.Application:
        return make_app(server.store, self.agency)
