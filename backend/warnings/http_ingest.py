"""The ingestion endpoint over HTTP, for gateways and batch files: ``POST /readings`` (a JSON array or
JSON lines of readings, as in ``readings.ingest``) and ``POST /cap`` (a CAP 1.2 message or a feed of
them). Callers authenticate with an API key of ``command-seat-server add-api-key`` (header
``X-API-Key`` or ``?api_key=``). Answers are JSON; a refusal is ``{"error": "…"}`` with its status."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import msgspec
from aiohttp import web
from aiohttp.typedefs import Handler

from backend.http_listener import HttpListener
from backend.open311.keys import app_of_key
from backend.warnings.http_batch import BatchError, parse_batch
from backend.warnings.readings import MAX_READINGS
from backend.warnings.service import warnings_of
from client_api.alert_messages import ReadingsIngested, RejectedEntry
from client_api.errors import ProtocolError

if TYPE_CHECKING:
    from backend.server import Server

log = logging.getLogger("backend.warnings.http")

SERVER: web.AppKey[Server] = web.AppKey("server")
MAX_BODY = 16 * 1024 * 1024  # bytes; larger bodies get 413 from aiohttp itself


class HttpRefusal(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _json(data: object, status: int = 200) -> web.Response:
    return web.Response(body=msgspec.json.encode(data), status=status, content_type="application/json")


@web.middleware
async def json_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every refusal as ``{"error": …}``, aiohttp's own (404, 405, 413) included."""
    try:
        return await handler(request)
    except HttpRefusal as exc:
        return _json({"error": exc.message}, exc.status)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        return _json({"error": exc.reason}, exc.status)
    except Exception:
        log.exception("%s %s failed", request.method, request.path)
        return _json({"error": "the server failed; nothing was stored"}, 500)


def _server(request: web.Request) -> Server:
    return request.app[SERVER]


async def _authenticate(request: web.Request) -> str:
    key = request.headers.get("X-API-Key") or request.query.get("api_key")
    if not key:
        raise HttpRefusal(401, "an API key is required (header X-API-Key)")
    async with _server(request).store.engine.connect() as conn:
        app_name = await app_of_key(conn, key)
    if app_name is None:
        raise HttpRefusal(403, "the API key is unknown or revoked")
    return app_name


async def post_readings(request: web.Request) -> web.Response:
    await _authenticate(request)
    try:
        service = warnings_of(_server(request))
    except ProtocolError as exc:
        raise HttpRefusal(503, exc.message) from None
    try:
        batch = parse_batch(await request.read())
    except BatchError as exc:
        raise HttpRefusal(400, str(exc)) from None
    if batch.size > MAX_READINGS:
        raise HttpRefusal(413, f"at most {MAX_READINGS} readings per request, not {batch.size}")
    done = await service.ingest(batch.readings)
    rejected = batch.rejected + [
        RejectedEntry(index=batch.positions[r.index], reason=r.reason) for r in done.rejected
    ]
    rejected.sort(key=lambda r: r.index)
    return _json(ReadingsIngested(accepted=done.accepted, rejected=rejected, alerts=done.alerts))


async def post_cap(request: web.Request) -> web.Response:
    await _authenticate(request)
    from backend.alerts.ingest import ingest_cap_text  # the alerts package, loaded when first used

    body = await request.read()
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HttpRefusal(400, f"the body is not UTF-8 text: {exc}") from None
    try:
        result = await ingest_cap_text(_server(request), text)
    except ProtocolError as exc:
        raise HttpRefusal(400, exc.message) from None
    return _json(result)


def make_app(server: Server) -> web.Application:
    app = web.Application(middlewares=[json_errors], client_max_size=MAX_BODY)
    app[SERVER] = server
    app.router.add_post("/readings", post_readings)
    app.router.add_post("/cap", post_cap)
    return app


class IngestHttpService(HttpListener):
    """A Service. Attributes: port (the real one once started), url (``http://host:port``)."""

    what = "readings and CAP ingestion"

    def make_app(self, server: Server) -> web.Application:
        return make_app(server)
