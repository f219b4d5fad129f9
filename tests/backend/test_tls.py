"""TLS: make-cert's pair serves wss://; a seat verifies it by CA file or pinned fingerprint and refuses a
wrong certificate; plain ws:// goes only to this machine unless allowed."""

from __future__ import annotations

import ssl
from pathlib import Path
from typing import Any

import pytest
from websockets.asyncio.client import connect
from websockets.asyncio.server import ServerConnection, serve

from backend.security.tls import make_self_signed, server_context
from client_api.tls import InsecureUrl, PinMismatch, check_pin, check_url, client_context, normalise_pin


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path, str]:
    cert, key = tmp_path / "server.crt", tmp_path / "server.key"
    pin = make_self_signed(cert, key, ["localhost", "127.0.0.1"])
    return cert, key, pin


def test_ws_only_to_loopback_unless_allowed() -> None:
    for url in ("ws://127.0.0.1:8765", "ws://localhost:1", "ws://[::1]:8765", "wss://seat.example:443"):
        check_url(url)
    with pytest.raises(InsecureUrl, match="unencrypted"):
        check_url("ws://10.1.2.3:8765")
    check_url("ws://10.1.2.3:8765", allow_insecure=True)
    with pytest.raises(InsecureUrl, match="not a ws"):
        check_url("http://127.0.0.1:8765")


def test_pins_are_64_hex_digits() -> None:
    assert normalise_pin("AB:" * 31 + "AB") == "ab" * 32
    with pytest.raises(ValueError, match="64 hex digits"):
        normalise_pin("abc")


def test_key_file_is_private(pair: tuple[Path, Path, str]) -> None:
    _cert, key, _pin = pair
    assert key.stat().st_mode & 0o077 == 0


def test_wss_verified_by_ca_file_and_by_pin_and_a_wrong_one_refused(
    aio: Any, pair: tuple[Path, Path, str], tmp_path: Path
) -> None:
    cert, key, pin = pair
    other_pin = make_self_signed(tmp_path / "other.crt", tmp_path / "other.key", ["localhost"])

    async def echo(ws: ServerConnection) -> None:
        async for message in ws:
            await ws.send(message)

    async def scenario() -> None:
        async with serve(echo, "127.0.0.1", 0, ssl=server_context(cert, key)) as server:
            port = server.sockets[0].getsockname()[1]
            url = f"wss://127.0.0.1:{port}"
            # By CA file: the self-signed certificate is its own CA.
            async with connect(url, ssl=client_context(url, ca_file=str(cert))) as ws:
                await ws.send("你好")
                assert await ws.recv() == "你好"
            # By pin: the right one passes, another certificate's is refused.
            async with connect(url, ssl=client_context(url, pin=pin)) as ws:
                check_pin(ws.transport.get_extra_info("ssl_object"), pin)
                with pytest.raises(PinMismatch, match="not the pinned one"):
                    check_pin(ws.transport.get_extra_info("ssl_object"), other_pin)
            # A CA that did not sign it: the handshake itself fails.
            with pytest.raises(ssl.SSLCertVerificationError):
                async with connect(url, ssl=client_context(url, ca_file=str(tmp_path / "other.crt"))):
                    pass

    aio.run(scenario())
