"""The Open311 GeoReport v2 routes, under ``/open311/v2/``, as an aiohttp application."""

from __future__ import annotations

import time

from aiohttp import web

from backend.inbox import writes
from backend.inbox.rules import CHANNEL_PRIORITY
from backend.open311 import parse, records
from backend.open311.catalog import load_services
from backend.open311.errors import Open311Error, bad_request, json_response, open311_errors
from backend.open311.keys import app_of_key, channel_of
from backend.store import Store
from client_api.errors import ProtocolError

PREFIX = "/open311/v2"
STORE = web.AppKey("store", Store)
AGENCY = web.AppKey("agency", str)


async def get_services(request: web.Request) -> web.Response:
    async with request.app[STORE].engine.connect() as conn:
        services = await load_services(conn)
    return json_response([s.as_open311() for s in services.values()])


async def post_request(request: web.Request) -> web.Response:
    """Check the key, then the report; store it as a new inbox item (seats get ``intake.created``)."""
    store = request.app[STORE]
    body = await parse.read_body(request)
    key = parse.text(body, "api_key") or request.query.get("api_key")
    if not key:
        raise Open311Error(403, "api_key is required")
    async with store.engine.connect() as conn:
        app_name = await app_of_key(conn, key)
        services = await load_services(conn)
    if app_name is None:
        raise Open311Error(403, "the api_key is unknown or revoked")
    try:
        values = parse.report_values(body, services)
    except ProtocolError as exc:  # the inbox's own field checks
        raise bad_request(exc.message) from None
    channel = channel_of(app_name)
    values |= {"channel": channel, "priority": CHANNEL_PRIORITY[channel], "app_name": app_name}
    item = await store.run_write(writes.insert_item, values, time.time())
    notice = f"已收到您的诉求，受理编号 {item.id}，我们将尽快处理。"
    return json_response([{"service_request_id": str(item.id), "service_notice": notice, "account_id": None}])


async def get_requests(request: web.Request) -> web.Response:
    filters = parse.filters(request.query)
    return json_response(await _records(request, filters))


async def get_request(request: web.Request) -> web.Response:
    raw_id = request.match_info["id"]
    if not (raw_id.isascii() and raw_id.isdigit() and len(raw_id) < 16):
        raise Open311Error(404, f"no service request {raw_id!r}")
    found = await _records(request, parse.Filters(ids=[int(raw_id)]))
    if not found:
        raise Open311Error(404, f"no service request {raw_id!r}")
    return json_response(found)


async def _records(request: web.Request, filters: parse.Filters) -> list[dict[str, object]]:
    async with request.app[STORE].engine.connect() as conn:
        rows = await records.find(conn, filters)
        services = await load_services(conn)
    return [records.record(row, services, request.app[AGENCY]) for row in rows]


def make_app(store: Store, agency: str) -> web.Application:
    app = web.Application(middlewares=[open311_errors])
    app[STORE] = store
    app[AGENCY] = agency
    app.router.add_get(f"{PREFIX}/services.json", get_services)
    app.router.add_post(f"{PREFIX}/requests.json", post_request)
    app.router.add_get(f"{PREFIX}/requests.json", get_requests)
    app.router.add_get(PREFIX + "/requests/{id}.json", get_request)
    return app
