"""One-door intake end to end: a real backend process (call simulator, Open311 on HTTP), two real
consoles, and an operator who works the form with the keyboard only."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.bundled_backend import BundledBackend
from client_api import calls_messages as cm
from client_api import intake_messages as xm
from client_api import messages as m
from client_api.client import SeatClient
from tests.e2e.seat_driver import Seat, type_text

CALLER = "13900001111"
BINJIANG_88 = (31.33804, 120.550365)  # 滨江路88号 in the demo gazetteer


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def intake_backend(tmp_path: Path) -> Any:
    port = free_port()
    backend = BundledBackend(
        tmp_path / "server",
        extra_args=["--simulate-calls", "--sim-caller-patience", "0", "--open311-port", str(port)],
    )
    backend.start()
    backend.open311 = f"http://127.0.0.1:{port}/open311/v2/"  # type: ignore[attr-defined]
    yield backend
    backend.stop()


@pytest.fixture
def staff(aio: Any, intake_backend: Any) -> Any:
    """A supervisor's plain client: places the simulated call and prepares an earlier case."""
    client = SeatClient(intake_backend.url)

    async def log_in() -> None:
        client.start()
        await client.wait_connected(10)
        await client.login("supervisor1", "demo", "sup-1")

    aio.run(log_in())
    yield client
    aio.run(client.close())


def key_press(
    qtbot: Any, widget: Any, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(widget, key, modifier)


def choose_category(qtbot: Any, form: Any, initials: str) -> None:
    line = form.category.lineEdit()
    line.setFocus()
    qtbot.keyClicks(line, initials)
    popup = form.category.completer().popup()
    qtbot.waitUntil(lambda: popup.isVisible() and popup.currentIndex().isValid())
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.category.code() is not None)


def test_call_screen_pop_form_duplicate_merge_second_case_and_open311(
    qtbot: Any, aio: Any, tmp_path: Path, intake_backend: Any, staff: SeatClient
) -> None:
    earlier = aio.run(
        staff.request(
            "case.create",
            m.CreateCase(
                category_code="E0502",
                address="滨江路88号",
                description="滨江路88号门口水管爆裂，水漫到马路上",
                reporter_phone=CALLER,
                lat=BINJIANG_88[0],
                lon=BINJIANG_88[1],
            ),
        )
    ).case
    expected = aio.run(staff.request("location.resolve", xm.ResolveLocation(address="滨江路88号")))

    a, b = Seat(qtbot, intake_backend.url), Seat(qtbot, intake_backend.url)
    window = a.log_in("operator1", "demo", "seat-A")
    b.log_in("operator2", "demo", "seat-B")
    try:
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        intake = window.intake
        form = intake.form

        # Ready for calls (F7); a simulated citizen calls; it rings here; F2 answers.
        key_press(qtbot, window, Qt.Key.Key_F7)
        qtbot.waitUntil(lambda: window.calls.my_state is not None and window.calls.my_state.state == "ready")
        aio.run(
            staff.request(
                "sim.place_call", cm.PlaceSimCall(caller_number=CALLER, opening="喂，滨江路88号水管又爆了")
            )
        )
        qtbot.waitUntil(lambda: intake.call_panel.property("kind") == "ringing", timeout=10000)
        key_press(qtbot, window, Qt.Key.Key_F2)
        qtbot.waitUntil(lambda: intake.call_panel.property("kind") == "answered")

        # Screen-pop: the caller's earlier case, the number already in the form.
        qtbot.waitUntil(intake.caller_card.isVisible)
        assert [c.id for c in intake.caller_card.book] == [earlier.id]
        assert "喂，滨江路88号水管又爆了" in intake.caller_card.opening.text()
        assert form.reporter_phone.text() == CALLER

        # The form, with key events only.
        type_text(qtbot, form.reporter_name, "王先生")
        choose_category(qtbot, form, "zlsg")
        assert form.category.code() == "E0502"
        type_text(qtbot, form.address, "滨江路88号")
        type_text(qtbot, form.description, "水管又爆了，水漫到马路上")
        qtbot.waitUntil(lambda: form.grid.currentData() == expected.grid_code, timeout=5000)
        assert form.area_label.text()

        # A duplicate is suggested; Ctrl+M merges the report into it.
        qtbot.waitUntil(lambda: intake.duplicates.isVisible(), timeout=5000)
        assert intake.duplicates.current().case.id == earlier.id
        key_press(qtbot, window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: a.service.cases[a.service.cases.row_of(earlier.id) or 0].reporter_count == 2)
        qtbot.waitUntil(lambda: any(earlier.case_no in t.text() for t in window.toasts.toasts()))
        qtbot.waitUntil(lambda: form.description.toPlainText() == "")

        # Hang up (F6), then a second, different case from the keyboard, seen by the other seat.
        key_press(qtbot, window, Qt.Key.Key_F6)
        qtbot.waitUntil(lambda: intake.call_panel.property("kind") == "idle")
        choose_category(qtbot, form, "zdjy")
        type_text(qtbot, form.address, "新桥路")
        type_text(qtbot, form.description, "早市占道经营，堵塞消防通道")
        qtbot.waitUntil(form.submit_button.isEnabled)
        key_press(qtbot, form.description, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: b.shows_case("早市占道经营，堵塞消防通道"), timeout=10000)

        # A citizen app posts over Open311; the report lands in the inbox; its status reads back.
        key = subprocess.run(
            [sys.executable, "-m", "backend", "add-api-key", "city-app", "--db", intake_backend.db_url],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout.strip()
        body = urllib.parse.urlencode(
            {
                "api_key": key,
                "service_code": "E0101",
                "lat": "31.3370",
                "long": "120.5440",
                "description": "小区门口有违章搭建",
                "first_name": "李",
                "phone": "13700002222",
            }
        ).encode()
        with urllib.request.urlopen(intake_backend.open311 + "requests.json", data=body, timeout=10) as reply:
            request_id = json.loads(reply.read())[0]["service_request_id"]
        qtbot.waitUntil(
            lambda: any(i.content == "小区门口有违章搭建" for i in window.inbox.items), timeout=10000
        )
        with urllib.request.urlopen(
            f"{intake_backend.open311}requests/{request_id}.json", timeout=10
        ) as reply:
            record = json.loads(reply.read())[0]
        assert record["status"] == "open"
        assert record["description"] == "小区门口有违章搭建"
    finally:
        for seat in (a, b):
            if seat.window is not None:
                seat.window.close()
            aio.run(seat.service.close())
