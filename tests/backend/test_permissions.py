"""The table of request type × role: complete, and enforced by the server for every cell."""

from __future__ import annotations

from typing import Any

import pytest

from backend.permissions import PERMISSIONS, ROLES
from backend.server import Server
from client_api import registry
from client_api.errors import ErrorCode
from tests.backend.wire import call

DEMO_ACCOUNT_OF_ROLE = {
    "operator": "operator1",
    "supervisor": "supervisor1",
    "handler": "handler1",
    "trainer": "trainer1",
    "admin": "admin",
    "installer": "installer",
}


def test_every_request_type_has_a_row() -> None:
    assert set(PERMISSIONS) == set(registry.REQUESTS)
    for request_type, roles in PERMISSIONS.items():
        assert roles <= set(ROLES), request_type


@pytest.mark.parametrize("role", ROLES)
def test_server_enforces_every_cell(aio: Any, server: Server, role: str) -> None:
    """A role outside a row is refused with ``forbidden`` before the payload is even looked at."""
    from websockets.asyncio.client import connect

    refused = [t for t, roles in PERMISSIONS.items() if role not in roles]

    async def scenario() -> dict[str, str]:
        codes: dict[str, str] = {}
        async with connect(server.url) as ws:
            await call(ws, "hello", {"client": "t", "versions": [1]})
            await call(
                ws, "login", {"username": DEMO_ACCOUNT_OF_ROLE[role], "password": "demo", "seat_id": "P"}
            )
            for request_type in refused:
                reply = await call(ws, request_type, {})
                codes[request_type] = reply["payload"]["code"]
        return codes

    codes = aio.run(scenario())
    assert codes == dict.fromkeys(refused, ErrorCode.FORBIDDEN.value)
