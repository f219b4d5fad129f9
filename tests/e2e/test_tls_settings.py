"""The seat's link security and what its status bar says about the link: plain ws:// only to this
machine unless allowed, a wss:// backend checked by its pinned certificate, the time since the last
contact while the link is down and the reason it is down in the tooltip."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.bundled_backend import BundledBackend
from app.cli import build_parser
from app.main import LinkRefused, link_security, make_client
from app.seat_service import SeatService
from app.settings import Settings
from backend.security.tls import make_self_signed
from client_api.client import ConnectionState
from tests.e2e.seat_driver import FAST_BACKOFF, Seat
from tests.e2e.test_command_line import run_console
from ui.status_bar import SeatStatusBar


def test_plain_ws_to_another_machine_is_refused_with_exit_code_2() -> None:
    for extra in ([], ["--self-check"]):
        result = run_console("--server", "ws://10.9.9.9:8765", "--no-crash-dialog", *extra, timeout=60)
        assert result.returncode == 2, result.stdout + result.stderr
        assert "Refusing the unencrypted connection ws://10.9.9.9:8765" in result.stderr
        assert "Traceback" not in result.stderr


def test_a_malformed_pin_is_refused_with_exit_code_2() -> None:
    result = run_console("--server", "wss://127.0.0.1:9", "--tls-fingerprint", "abc", timeout=60)
    assert result.returncode == 2
    assert "The TLS settings are unusable" in result.stderr and "64 hex digits" in result.stderr


def test_insecure_ws_only_when_allowed_by_the_command_line_or_the_settings() -> None:
    url = "ws://10.9.9.9:8765"
    with pytest.raises(LinkRefused):
        link_security(url, build_parser().parse_args([]), Settings())
    assert link_security(url, build_parser().parse_args(["--allow-insecure-ws"]), Settings()) == (None, None)
    assert link_security(url, build_parser().parse_args([]), Settings(allow_insecure_ws=True)) == (None, None)


@pytest.fixture
def tls_backend(tmp_path: Path) -> Any:
    cert, key = tmp_path / "server.crt", tmp_path / "server.key"
    pin = make_self_signed(cert, key, ["localhost", "127.0.0.1"])
    backend = BundledBackend(
        tmp_path / "tls-server", extra_args=["--tls-cert", str(cert), "--tls-key", str(key)]
    )
    backend.start()
    try:
        yield backend, pin
    finally:
        backend.stop()


def test_wss_with_the_pinned_certificate_connects_and_a_wrong_pin_is_shown(
    qtbot: Any, aio: Any, tls_backend: Any
) -> None:
    backend, pin = tls_backend
    assert backend.url.startswith("wss://")
    colons = ":".join(pin[i : i + 2] for i in range(0, 64, 2)).upper()
    good = SeatService(
        make_client(backend.url, build_parser().parse_args(["--tls-fingerprint", colons]), Settings())
    )
    wrong = SeatService(
        make_client(backend.url, build_parser().parse_args([]), Settings(tls_fingerprint="0" * 64))
    )
    bar = SeatStatusBar(wrong)
    qtbot.addWidget(bar)
    try:
        for service in (good, wrong):
            service.client.backoff = FAST_BACKOFF
            service.start()
        aio.run(good.client.wait_connected(timeout=15))
        qtbot.waitUntil(lambda: wrong.client.link_error is not None, timeout=10000)
        assert wrong.state is not ConnectionState.CONNECTED
        bar._tick()
        assert "not the pinned one" in bar.connection_label.toolTip()
        assert backend.url in bar.connection_label.toolTip()
    finally:
        for service in (good, wrong):
            aio.run(service.close())


def test_status_bar_shows_the_time_since_the_last_contact_while_the_link_is_down(
    qtbot: Any, aio: Any, backend_process: Any
) -> None:
    seat = Seat(qtbot, backend_process.url)
    window = seat.log_in("operator1", "demo", "seat-1")
    try:
        label = window.status.connection_label
        assert "last contact" not in label.text()
        backend_process.kill()
        seat.wait_state(ConnectionState.RECONNECTING)
        qtbot.waitUntil(lambda: "Reconnecting… · last contact" in label.text() and " s ago" in label.text())
        qtbot.waitUntil(lambda: "Last error:" in label.toolTip(), timeout=10000)
        backend_process.start()
        seat.wait_state(ConnectionState.CONNECTED, timeout=30000)
        qtbot.waitUntil(lambda: "last contact" not in label.text())
        assert "Last error:" not in label.toolTip()
    finally:
        window.close()
        aio.run(seat.service.close())
