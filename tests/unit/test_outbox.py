"""The seat's outbox keeps commands on disk, in order, across a restart of the console."""

from __future__ import annotations

from pathlib import Path

from client_api.outbox import KEEP_SENT_S, Outbox


def test_commands_wait_in_order_and_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    box = Outbox(path)
    first = box.add("case.create", b'{"a":1}', "新建工单 滨江路88号")
    second = box.add("case.transition", b'{"b":2}', "派遣 20261127000001")
    assert first.key != second.key and first.state == "waiting"
    box.close()

    box = Outbox(path)  # the console was killed and started again
    assert [e.key for e in box.waiting()] == [first.key, second.key]
    box.attempted(first.key)
    box.sent(first.key, b'{"case":1}')
    box.conflict(second.key, "invalid_transition", "the case is closed")
    assert box.waiting() == []
    got = box.get(first.key)
    assert got is not None and (got.state, got.attempts, got.response) == ("sent", 1, b'{"case":1}')
    conflict = box.get(second.key)
    assert conflict is not None and (conflict.state, conflict.error_code) == (
        "conflict",
        "invalid_transition",
    )
    assert [e.key for e in box.entries()] == [second.key, first.key]
    box.dismiss(second.key)
    assert box.prune(now=10**12) == 2 and box.prune(now=10**12 + KEEP_SENT_S) == 0
    box.close()
