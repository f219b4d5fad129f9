"""The audit log over the wire (SQLite and PostgreSQL): logins, failed logins, commands and refusals are
recorded with who, role, seat, address, what and outcome; the chain verifies, also by
``command-seat-server verify-audit``. (An edited record being detected: test_audit_chain.py.)"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from websockets.asyncio.client import connect

from backend import schema
from backend.permissions import PERMISSIONS, READS
from backend.security.audit import verify
from backend.seed import seed_demo
from backend.server import Server
from backend.store import Store
from client_api import registry
from tests.backend.wire import assert_error, call, case_payload, hello, ok

# Every request type that is not a read: audited, and its idempotency key honoured. A new request type
# must be put on one side or the other here, on purpose.
COMMANDS = {
    "login", "logout", "case.create", "case.transition", "attachment.upload", "routing.save",
    "routing.delete", "case.progress", "case.link", "case.unlink", "consultation.open",
    "consultation.conclude", "extension.request", "extension.decide", "case.supervise", "case.urge",
    "case.merge_report", "case.unmerge", "intake.submit", "intake.take", "intake.release",
    "intake.dismiss", "operator.set_state", "call.answer", "call.hold", "call.transfer", "call.hangup",
    "sim.place_call", "sim.caller_hangup", "alert.ack", "alert.to_case", "alert.link_case",
    "alert.ingest_cap", "alert.raise", "warning.rule_save", "readings.ingest", "wall.configure",
    "wall.set_layouts", "wall.set_tile", "wall.pin", "preset.save", "preset.delete", "preset.apply",
    "wall_rule.save", "wall_rule.delete", "camera.save", "camera.delete",
    "comms.set_presence", "comms.dial", "comms.answer", "comms.hold", "comms.mute", "comms.transfer",
    "comms.transfer_complete", "comms.add_party", "comms.drop_party", "comms.lock", "comms.hangup",
    "comms.attach_call", "radio.ptt", "radio.ack_emergency", "radio.patch", "radio.unpatch",
    "sim.radio", "message.send", "message.attach", "video.start", "video.end",
    "drill.start", "drill.control", "drill.inject",
}  # fmt: skip


def test_every_request_type_is_a_read_or_a_command() -> None:
    assert READS.issubset(PERMISSIONS)
    assert set(registry.REQUESTS) - READS == COMMANDS


@pytest.fixture
def live(aio: Any, db_url: str, fast_seed: None) -> Iterator[Server]:
    store = aio.run(Store.open(db_url))
    server = Server(store, port=0)
    aio.run(seed_demo(store))
    aio.run(server.start())
    try:
        yield server
    finally:
        aio.run(server.close())
        aio.run(store.close())


def test_logins_commands_and_refusals_are_audited(
    aio: Any, live: Server, sync_engine: sa.Engine, db_url: str
) -> None:
    async def scenario() -> tuple[int, str]:
        async with connect(live.url) as ws:
            await hello(ws)
            wrong = await call(ws, "login", {"username": "operator1", "password": "nope", "seat_id": "A1"})
            assert_error(wrong, "bad_credentials")
            await ok(ws, "login", {"username": "operator1", "password": "demo", "seat_id": "A1"})
            case = (await ok(ws, "case.create", case_payload()))["case"]
            refused = await call(ws, "case.transition", {"case_id": case["id"], "action": "accept"})
            assert refused["kind"] == "err"
            await ok(ws, "case.list", {"limit": 10})  # a read: not audited
            await ok(ws, "logout", {})
            local = ws.local_address
            return case["id"], f"{local[0]}:{local[1]}"

    case_id, address = aio.run(scenario())
    with sync_engine.connect() as conn:
        rows = conn.execute(sa.select(schema.audit_log).order_by(schema.audit_log.c.id)).all()
        report = verify(conn)
    got = [(r.action, r.outcome, r.actor, r.role, r.seat_id, r.target) for r in rows]
    assert got == [
        ("login_failed", "refused", "operator1", None, "A1", None),
        ("login", "ok", "operator1", "operator", "A1", None),
        ("case.create", "ok", "operator1", "operator", "A1", None),
        ("case.transition", "refused", "operator1", "operator", "A1", f"case:{case_id}"),
        ("logout", "ok", "operator1", "operator", "A1", None),
    ]
    assert {r.address for r in rows} == {address}
    assert rows[0].detail.startswith("bad_credentials: ")
    assert rows[3].detail.split(":")[0] in ("forbidden", "invalid_transition")
    assert all(r.ts > 0 for r in rows)
    assert report.intact and report.records == 5
    checked = subprocess.run(
        [sys.executable, "-m", "backend", "verify-audit", "--db", db_url],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    assert "audit log intact: 5 records" in checked.stdout
