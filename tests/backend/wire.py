"""Raw-websocket helpers: build frames by hand and read the server's answers as plain dicts."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from typing import Any

from websockets.asyncio.client import ClientConnection

from client_api.client import SeatClient

DEMO_USER = "operator1"
DEMO_PASSWORD = "demo"
CATEGORY = "E0101"  # a category of the demo district

_ids = itertools.count(1)


def frame(
    type_: str, payload: Any = None, *, id_: str | None = "auto", kind: str = "req", v: Any = 1, **extra: Any
) -> str:
    """A request frame as JSON text; ``id_=None`` leaves the id out, ``extra`` adds or overrides keys."""
    env: dict[str, Any] = {"v": v, "kind": kind, "type": type_, "ts": time.time()}
    if id_ is not None:
        env["id"] = f"t{next(_ids)}" if id_ == "auto" else id_
    if payload is not None:
        env["payload"] = payload
    env.update(extra)
    return json.dumps(env)


async def recv(ws: ClientConnection, timeout: float = 5.0) -> dict[str, Any]:
    """The next frame, decoded."""
    data: dict[str, Any] = json.loads(await asyncio.wait_for(ws.recv(), timeout))
    return data


async def recv_reply(ws: ClientConnection, events: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The next res/err frame; events arriving first are appended to ``events`` (or refused)."""
    while True:
        msg = await recv(ws)
        if msg["kind"] != "evt":
            return msg
        assert events is not None, f"unexpected event {msg}"
        events.append(msg)


async def call(
    ws: ClientConnection, type_: str, payload: Any = None, *, events: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """Send a request and return its reply frame (res or err), checking the id is echoed."""
    text = frame(type_, {} if payload is None else payload)
    await ws.send(text)
    reply = await recv_reply(ws, events)
    assert reply.get("id") == json.loads(text)["id"]
    return reply


async def ok(ws: ClientConnection, type_: str, payload: Any = None) -> dict[str, Any]:
    """Send a request that must succeed; return the response payload."""
    reply = await call(ws, type_, payload)
    assert reply["kind"] == "res", reply
    assert reply["type"] == type_
    result: dict[str, Any] = reply["payload"]
    return result


def assert_error(reply: dict[str, Any], code: str) -> None:
    """``reply`` is an err frame with ``code`` and a human message."""
    assert reply["kind"] == "err", reply
    assert reply["payload"]["code"] == code, reply
    assert isinstance(reply["payload"]["message"], str) and reply["payload"]["message"].strip()
    assert isinstance(reply["payload"]["details"], dict)


async def hello(ws: ClientConnection) -> dict[str, Any]:
    return await ok(ws, "hello", {"client": "raw-test", "versions": [1]})


async def hello_login(ws: ClientConnection, seat_id: str = "S1") -> None:
    await hello(ws)
    await ok(ws, "login", {"username": DEMO_USER, "password": DEMO_PASSWORD, "seat_id": seat_id})


def case_payload(description: str = "路灯不亮", **over: Any) -> dict[str, Any]:
    return {"category_code": CATEGORY, "address": "滨江路 1 号", "description": description} | over


async def log_in(client: SeatClient, seat_id: str, username: str = DEMO_USER) -> None:
    """Start a SeatClient, wait for its connection and log it in as a demo account."""
    client.start()
    await client.wait_connected(5)
    await client.login(username, "demo", seat_id)
