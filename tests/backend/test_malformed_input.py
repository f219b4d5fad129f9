"""Broken frames get an ``err`` with a stable code, and neither that seat nor any other stops being served."""

from __future__ import annotations

import json
import random
import time
from typing import Any

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from app.bundled_backend import BundledBackend
from backend.server import HARD_FRAME_LIMIT, Server
from client_api.client import SeatClient
from client_api.envelope import MAX_FRAME_BYTES
from client_api.errors import ErrorCode
from tests.backend.wire import assert_error, call, case_payload, frame, hello, hello_login, ok, recv

GARBAGE = random.Random(20251127).randbytes(300)
OVERSIZE = MAX_FRAME_BYTES * 3 // 2  # 1.5 MiB: read by the server, but over the protocol's limit


def envelope(**fields: Any) -> str:
    """A hand-made ping request; ``fields`` change keys, or remove them when None."""
    env = {"v": 1, "kind": "req", "type": "ping", "id": "bad-1", "ts": time.time(), "payload": {}} | fields
    return json.dumps({k: v for k, v in env.items() if v is not None}, ensure_ascii=False)


def with_byte(text: str, byte: bytes) -> bytes:
    """``text`` as UTF-8 with its one ``@`` replaced by ``byte`` (to make it invalid UTF-8)."""
    return text.encode().replace(b"@", byte)


MALFORMED, VERSION, UNKNOWN = ErrorCode.MALFORMED, ErrorCode.UNSUPPORTED_VERSION, ErrorCode.UNKNOWN_TYPE
PAYLOAD, FIELD, TOO_LARGE = ErrorCode.INVALID_PAYLOAD, ErrorCode.INVALID_FIELD, ErrorCode.TOO_LARGE
CREATE = "case.create"

BAD_FRAMES = [
    pytest.param(GARBAGE, MALFORMED, id="random-bytes"),
    pytest.param(with_byte(envelope(type="pi@ng"), b"\xff"), MALFORMED, id="invalid-utf8-binary-frame"),
    pytest.param("{this is not json", MALFORMED, id="not-json"),
    pytest.param("", MALFORMED, id="empty-text"),
    pytest.param('[{"v": 1}]', MALFORMED, id="json-array"),
    pytest.param("42", MALFORMED, id="json-number"),
    pytest.param("null", MALFORMED, id="json-null"),
    pytest.param(envelope(v="1"), MALFORMED, id="version-as-string"),
    pytest.param(envelope(type=7), MALFORMED, id="type-as-number"),
    pytest.param(envelope(type=None), MALFORMED, id="missing-type"),
    pytest.param(envelope(ts=None), MALFORMED, id="missing-ts"),
    pytest.param(envelope(v=99), VERSION, id="version-99"),
    pytest.param(envelope(v=0), VERSION, id="version-0"),
    pytest.param(envelope(kind="cmd"), MALFORMED, id="unknown-kind"),
    pytest.param(envelope(kind="evt", seq=1), MALFORMED, id="kind-evt-from-client"),
    pytest.param(envelope(kind="res"), MALFORMED, id="kind-res-from-client"),
    pytest.param(envelope(kind="err"), MALFORMED, id="kind-err-from-client"),
    pytest.param(envelope(id=None), MALFORMED, id="missing-id"),
    pytest.param(envelope(id=""), MALFORMED, id="empty-id"),
    pytest.param(envelope(type="case.explode"), UNKNOWN, id="unknown-type"),
    pytest.param(envelope(payload=[1, 2]), PAYLOAD, id="payload-is-array"),
    pytest.param(envelope(type=CREATE, payload=case_payload(address=12)), PAYLOAD, id="payload-field-type"),
    pytest.param(envelope(type=CREATE, payload={"category_code": "E0101"}), PAYLOAD, id="payload-no-field"),
    pytest.param(envelope(type="case.list", payload={"limit": "10"}), PAYLOAD, id="payload-limit-as-string"),
    pytest.param(
        with_byte(envelope(type=CREATE, payload=case_payload(address="@")), b"\xc3"),
        PAYLOAD,
        id="invalid-utf8-in-payload",
    ),
    pytest.param(envelope(type="case.list", payload={"limit": 0}), FIELD, id="field-value-not-allowed"),
    pytest.param(envelope(type=CREATE, payload=case_payload("x" * OVERSIZE)), TOO_LARGE, id="oversize-text"),
    pytest.param(b"x" * OVERSIZE, TOO_LARGE, id="oversize-binary"),
]


@pytest.mark.parametrize(("bad", "code"), BAD_FRAMES)
def test_bad_frame_gets_an_error_and_service_goes_on(
    aio: Any, server: Server, bad: str | bytes, code: str
) -> None:
    async def scenario() -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
        async with connect(server.url) as ws, connect(server.url) as other:
            await hello_login(ws, "S1")
            await ws.send(bad)
            error = await recv(ws)
            pong = await call(ws, "ping")
            await hello_login(other, "S2")
            created = await ok(other, "case.create", case_payload())
            return error, pong, created

    error, pong, created = aio.run(scenario())
    assert_error(error, code)
    if code in (UNKNOWN, PAYLOAD, FIELD):
        assert error["id"] == "bad-1"  # the envelope was readable, so the error answers its request
    assert pong["kind"] == "res"
    assert created["case"]["id"] == 1  # the bad frame created nothing
    assert aio.run(server.store.last_seq()) == 1


def test_oversize_frame_is_measured_in_bytes(aio: Any, server: Server) -> None:
    """3-byte characters: under the limit in characters, 1.5x over it in bytes."""
    text = envelope(payload={"x": "长" * (MAX_FRAME_BYTES // 2)})
    assert len(text) < MAX_FRAME_BYTES < len(text.encode())

    async def scenario() -> dict[str, Any]:
        async with connect(server.url) as ws:
            await hello_login(ws)
            await ws.send(text)
            return await recv(ws)

    assert_error(aio.run(scenario()), TOO_LARGE)


def test_frame_over_the_hard_limit_closes_only_that_connection(aio: Any, server: Server) -> None:
    async def scenario() -> tuple[int | None, dict[str, Any]]:
        async with connect(server.url) as other:
            await hello_login(other, "S2")
            async with connect(server.url) as ws:
                await hello_login(ws, "S1")
                # Announce a frame over the hard limit; the server must refuse it from its header alone,
                # without reading (or buffering) the body.
                length = HARD_FRAME_LIMIT + 1
                header = bytes([0x82, 0x80 | 127]) + length.to_bytes(8, "big") + b"\x00\x00\x00\x00"
                ws.transport.write(header + b"x" * 1024)
                with pytest.raises(ConnectionClosed):
                    await recv(ws)
                close_code = ws.close_code
            return close_code, await ok(other, "case.create", case_payload())

    close_code, created = aio.run(scenario())
    assert close_code == 1009  # message too big
    assert created["case"]["id"] == 1


def test_many_bad_frames_in_a_row_are_all_answered_in_order(aio: Any, server: Server) -> None:
    frames = [param.values for param in BAD_FRAMES]

    async def scenario() -> tuple[list[str], dict[str, Any]]:
        async with connect(server.url) as ws:
            await hello_login(ws)
            for bad, _ in frames:
                await ws.send(bad)
            codes = [(await recv(ws))["payload"]["code"] for _ in frames]
            return codes, await call(ws, "ping")

    codes, pong = aio.run(scenario())
    assert codes == [code for _, code in frames]
    assert pong["kind"] == "res"


def test_backend_process_survives_garbage(aio: Any, backend_process: BundledBackend) -> None:
    async def scenario() -> tuple[list[dict[str, Any]], dict[str, Any], int]:
        async with connect(backend_process.url) as ws:
            replies = []
            for bad in (GARBAGE, "{nope", envelope(v=99), frame("case.explode", {})):
                await ws.send(bad)
                replies.append(await recv(ws))
            client = SeatClient(backend_process.url)
            try:
                client.start()
                await client.wait_connected(10)
                await client.login("operator1", "demo", "S2")
                case = await client.create_case("E0101", "滨江路 8 号", "井盖缺失")
                await client.ping()
            finally:
                await client.close()
            await hello(ws)
            return replies, await call(ws, "ping"), case.id

    replies, after, case_id = aio.run(scenario(), timeout=30)
    codes = [r["payload"]["code"] for r in replies]
    assert codes == [MALFORMED, MALFORMED, VERSION, UNKNOWN]
    assert all(r["kind"] == "err" and r["payload"]["message"] for r in replies)
    assert after["kind"] == "res"  # the connection that sent garbage is still served
    assert case_id == 1
    assert backend_process.running
