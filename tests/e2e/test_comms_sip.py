"""Real SIP to the console: the backend's comms hub on the SIP adapter (real PJSIP) registers to sipp
playing the PBX on loopback; the operator's comms panel shows the registration, places a call that the
PBX answers and hangs it up, then answers a call that sipp playing a far phone places, until the phone
hangs up. Every call state reaches the panel through the backend's events."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pjsua2", reason="pjsua2 (PyPI pjsua2-python) is not installed")

from PySide6.QtCore import Qt

from backend.comms.hub import CommsHub
from backend.comms.sip_adapter import SipAdapter
from backend.passwords import hash_password
from backend.seed import seed_demo
from backend.server import Server
from backend.store import Store
from tests.backend.test_comms_sip_support import HANG_GUARD, SippPool
from tests.e2e.seat_driver import type_text
from tests.ui.test_comms_backend import open_screen
from ui.comms_screen import CommsScreen

pytestmark = pytest.mark.timeout(120)
WAIT = int(HANG_GUARD * 1000)


@functools.cache
def _cached_hash(password: str) -> str:
    return hash_password(password)


@pytest.fixture
def sipp(tmp_path: Path) -> Iterator[SippPool]:
    with SippPool(tmp_path) as pool:
        yield pool


@pytest.fixture
def sip_backend(
    aio: Any, tmp_path: Path, sipp: SippPool, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[str, Any, SipAdapter]]:
    """A backend whose comms hub talks SIP to sipp's PBX (a registration and one outgoing call)."""
    monkeypatch.setattr("backend.seed.hash_password", _cached_hash)
    pbx = sipp.start("pbx.xml", "-m", "2")
    adapter = SipAdapter(pbx.hostport, "2000")
    store = aio.run(Store.open(f"sqlite:///{tmp_path}/sip.sqlite3"))
    assert aio.run(seed_demo(store))
    server = Server(store, port=0, services=[CommsHub(adapter=adapter)])
    aio.run(server.start())
    try:
        yield f"ws://127.0.0.1:{server.port}", pbx, adapter
    finally:
        aio.run(server.close(), timeout=HANG_GUARD + 5)  # stops the hub and its adapter
        aio.run(store.close())


def card_states(screen: CommsScreen) -> list[str]:
    return [card.call.state for card in screen.calls.cards.values()]


def test_the_panel_places_and_answers_real_sip_calls(
    aio: Any, qtbot: Any, sipp: SippPool, sip_backend: tuple[str, Any, SipAdapter]
) -> None:
    url, pbx, adapter = sip_backend
    screen = open_screen(aio, qtbot, url, "operator1")
    comms = screen.comms
    qtbot.waitUntil(
        lambda: comms.telephony is not None and comms.telephony.state == "registered", timeout=WAIT
    )
    assert screen.calls.telephony_label.text() == "PBX: registered"

    # out: the PBX rings and answers; the operator hangs up
    type_text(qtbot, screen.calls.dial_field, "1001")
    qtbot.keyClick(screen.calls.dial_field, Qt.Key.Key_Return)
    seen: list[str] = []
    comms.callChanged.connect(lambda call: seen.append(call.state))
    qtbot.waitUntil(lambda: card_states(screen) == ["active"], timeout=WAIT)
    card = next(iter(screen.calls.cards.values()))
    assert card.call.adapter == "sip" and card.call.direction == "out"
    qtbot.mouseClick(card.controls.hangup, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen.calls.cards, timeout=WAIT)
    assert "active" in seen and seen[-1] == "ended"
    qtbot.waitUntil(lambda: "BYE sip:" in pbx.messages(), timeout=WAIT)  # the PBX got the hang-up

    # in: a far phone calls the seat's extension; the operator answers; the phone hangs up
    phone = sipp.start("phone_call.xml", "-s", "2000", "-m", "1", f"127.0.0.1:{adapter.local_port}")
    qtbot.waitUntil(lambda: card_states(screen) == ["ringing"], timeout=WAIT)
    card = next(iter(screen.calls.cards.values()))
    assert card.call.direction == "in" and card.call.parties[0].number == "1002"
    qtbot.mouseClick(card.controls.answer, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen.calls.cards, timeout=WAIT)  # answered, then hung up by the phone
    assert aio.run(phone.exit_code()) == 0, phone.report()
    log = screen.calls.call_log.model
    qtbot.waitUntil(lambda: log.rowCount() == 2, timeout=WAIT)
    records = [log.record_at(row) for row in range(2)]
    assert {(r.direction, r.result) for r in records} == {("out", "completed"), ("in", "completed")}
    assert all(r.answered_at is not None and r.adapter == "sip" for r in records)
    screen.close()
    aio.run(comms.seat.close())
