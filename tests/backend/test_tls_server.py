"""``command-seat-server --tls-cert --tls-key`` as a real process serves wss://: seats that verify it by
the CA file or by the pinned fingerprint log in; a seat pinned to another certificate never connects and
says why; unreadable files stop the start with a clear message."""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.bundled_backend import BackendStartError, BundledBackend
from backend.security.tls import make_self_signed
from client_api.client import ConnectionState, SeatClient
from client_api.tls import client_context
from tests.backend.wire import log_in


def make_cert(out: Path) -> str:
    made = subprocess.run(
        [sys.executable, "-m", "backend", "make-cert", "--out", str(out), "--host", "127.0.0.1"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    found = re.search(r"sha256 fingerprint ([0-9a-f]{64})", made.stdout)
    assert found, made.stdout
    return found.group(1)


def test_wss_backend_with_ca_file_pin_and_a_wrong_pin(aio: Any, tmp_path: Path) -> None:
    pin = make_cert(tmp_path / "tls")
    cert, key = tmp_path / "tls" / "server.crt", tmp_path / "tls" / "server.key"
    other_pin = make_self_signed(tmp_path / "other.crt", tmp_path / "other.key", ["127.0.0.1"])
    backend = BundledBackend(tmp_path / "server", extra_args=["--tls-cert", str(cert), "--tls-key", str(key)])
    backend.start()
    try:
        url = backend.url

        async def scenario() -> tuple[str, str, ConnectionState, str | None]:
            by_ca = SeatClient(url, ssl=client_context(url, ca_file=str(cert)))
            by_pin = SeatClient(url, ssl=client_context(url, pin=pin), tls_pin=pin)
            wrong = SeatClient(url, ssl=client_context(url, pin=other_pin), tls_pin=other_pin, backoff=(0.1,))
            try:
                await log_in(by_ca, "T1")
                await log_in(by_pin, "T2", username="operator2")
                wrong.start()
                for _ in range(200):
                    if wrong.link_error:
                        break
                    await asyncio.sleep(0.025)
                assert by_ca.operator is not None and by_pin.operator is not None
                return by_ca.operator.username, by_pin.operator.username, wrong.state, wrong.link_error
            finally:
                for client in (by_ca, by_pin, wrong):
                    await client.close()

        ca_user, pin_user, wrong_state, wrong_error = aio.run(scenario(), timeout=30)
    finally:
        backend.stop()
    assert url.startswith("wss://127.0.0.1:")
    assert (ca_user, pin_user) == ("operator1", "operator2")
    assert wrong_state is not ConnectionState.CONNECTED
    assert wrong_error is not None and "not the pinned one" in wrong_error


def test_unreadable_certificate_stops_the_start(tmp_path: Path) -> None:
    missing = tmp_path / "missing.crt"
    backend = BundledBackend(
        tmp_path / "server", extra_args=["--tls-cert", str(missing), "--tls-key", str(tmp_path / "k")]
    )
    try:
        with pytest.raises(BackendStartError, match="exited with code 2"):
            backend.start()
    finally:
        backend.stop()  # BundledBackend keeps its log file open after a failed start
    assert f"cannot use the certificate {missing}" in backend.log_path.read_text(encoding="utf-8")
