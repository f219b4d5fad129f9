"""Open311's error format, ``[{"code": 400, "description": "…"}]``, for every failure of the endpoint."""

from __future__ import annotations

import functools
import json
import logging

from aiohttp import web
from aiohttp.typedefs import Handler

log = logging.getLogger("backend.open311")


class Open311Error(Exception):
    """A refused request: the HTTP status and a description for the client."""

    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.description = description


def bad_request(description: str) -> Open311Error:
    return Open311Error(400, description)


# Chinese text as UTF-8, not \u escapes: the same JSON, readable in a log or a browser.
dumps = functools.partial(json.dumps, ensure_ascii=False)


def json_response(data: object, status: int = 200) -> web.Response:
    return web.json_response(data, status=status, dumps=dumps)


def error_response(status: int, description: str) -> web.Response:
    return json_response([{"code": status, "description": description}], status=status)


@web.middleware
async def open311_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Answer every refusal, aiohttp's own (404, 405, 413 …) included, in Open311's format."""
    try:
        return await handler(request)
    except Open311Error as exc:
        return error_response(exc.status, exc.description)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        if exc.status == 404 and request.path.endswith(".xml"):
            return error_response(404, "only the JSON format is served: ask for .json")
        return error_response(exc.status, exc.reason)
    except Exception:
        log.exception("Open311 %s %s failed", request.method, request.path)
        return error_response(500, "the server failed; nothing was stored")
