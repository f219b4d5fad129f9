"""Two real consoles on one real backend process: cases fan out, links drop and come back."""

from __future__ import annotations

from typing import Any

import pytest

from client_api.client import ConnectionState
from tests.e2e.seat_driver import Seat
from tests.tcp_proxy import TcpProxy


@pytest.fixture
def proxy(aio: Any, backend_process: Any) -> Any:
    proxy = TcpProxy(backend_process.port)
    aio.run(proxy.start())
    yield proxy
    aio.run(proxy.close())


@pytest.fixture
def seats(qtbot: Any, aio: Any, backend_process: Any, proxy: TcpProxy) -> Any:
    # Seat A reaches the backend through the proxy (so its link can be cut), seat B directly.
    a, b = Seat(qtbot, proxy.url), Seat(qtbot, backend_process.url)
    a.log_in("operator1", "demo", "seat-A")
    b.log_in("operator2", "demo", "seat-B")
    yield a, b
    for seat in (a, b):
        if seat.window is not None:
            seat.window.close()
        aio.run(seat.service.close())


def test_case_created_in_one_console_appears_in_the_other(qtbot: Any, seats: Any) -> None:
    a, b = seats
    a.create_case("E0502", "滨江路88号", "自来水管破裂，路面大量积水")
    qtbot.waitUntil(lambda: b.shows_case("自来水管破裂，路面大量积水"), timeout=10000)
    qtbot.waitUntil(lambda: a.shows_case("自来水管破裂，路面大量积水"), timeout=10000)
    # The form is cleared for the next call, and the operator is told the case number.
    qtbot.waitUntil(lambda: a.window.intake.form.address.text() == "")
    assert any("created" in t.text() for t in a.window.toasts.toasts())


def test_both_consoles_reconnect_after_the_backend_restarts(
    qtbot: Any, seats: Any, backend_process: Any
) -> None:
    a, b = seats
    backend_process.kill()  # SIGKILL: no goodbye
    a.wait_state(ConnectionState.RECONNECTING)
    b.wait_state(ConnectionState.RECONNECTING)
    assert b.window.status.connection_label.property("state") == "reconnecting"
    backend_process.start()  # same port, same database
    a.wait_state(ConnectionState.CONNECTED, timeout=20000)
    b.wait_state(ConnectionState.CONNECTED, timeout=20000)
    qtbot.waitUntil(lambda: b.window.status.connection_label.property("state") == "connected")
    # And they work again: a case from B reaches A.
    b.create_case("E0101", "望江路1号", "重启后新建的案件")
    qtbot.waitUntil(lambda: a.shows_case("重启后新建的案件"), timeout=10000)


def test_a_cut_console_catches_up_from_its_last_sequence(
    qtbot: Any, aio: Any, seats: Any, proxy: TcpProxy
) -> None:
    a, b = seats
    b.create_case("E0401", "新桥路5号", "断线前的案件")
    qtbot.waitUntil(lambda: a.shows_case("断线前的案件"), timeout=10000)
    seq_before, snapshots_before = a.service.client.last_seq, a.snapshots

    aio.run(proxy.cut())
    a.wait_state(ConnectionState.RECONNECTING)
    b.create_case("E0402", "古渡路9号", "断线期间的案件")
    qtbot.waitUntil(lambda: b.shows_case("断线期间的案件"), timeout=10000)
    assert not a.shows_case("断线期间的案件")

    aio.run(proxy.restore())
    a.wait_state(ConnectionState.CONNECTED, timeout=20000)
    qtbot.waitUntil(lambda: a.shows_case("断线期间的案件"), timeout=10000)
    assert a.service.client.last_seq > seq_before
    assert a.snapshots == snapshots_before, "it resumed from its sequence number, not from a new snapshot"
