"""A case's whole life in three real consoles on one real backend process: an operator takes and
dispatches it, the city management bureau's handler returns, accepts, asks for more time and completes it,
the backend's watcher flags it overdue and puts it under supervision, the supervisor raises the level,
urges, approves the extension and archives it; an unsatisfied callback reopens it. Every step is taken
through the consoles' widgets; at the end two consoles show the same timeline.

The backend runs with a compressed time-limit table (``--time-limits``, as drills do): the completion
limit of this category is a few seconds, so the overdue escalation happens during the test."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.bundled_backend import BundledBackend
from client_api import messages as m
from tests.e2e.console_case_driver import ConsoleCase
from tests.e2e.seat_driver import Seat

TAXONOMY = Path(__file__).resolve().parents[2] / "resources" / "taxonomy" / "time_limits.json"
CATEGORY = "E0102"  # a city-management event the routing rules send to 区城市管理局 (D-CG)
HANDLE_SECONDS = 6


@pytest.fixture
def backend(tmp_path: Path) -> Iterator[BundledBackend]:
    table = json.loads(TAXONOMY.read_text(encoding="utf-8"))
    table["rules"][CATEGORY] = {"name": "压缩时限（演练）", "handle": {"normal": [HANDLE_SECONDS, "seconds"]}}
    limits = tmp_path / "drill_limits.json"
    limits.write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
    server = BundledBackend(
        tmp_path / "server-data", extra_args=["--sla-interval", "0.2", "--time-limits", str(limits)]
    )
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def consoles(qtbot: Any, aio: Any, backend: BundledBackend) -> Iterator[dict[str, ConsoleCase]]:
    seats: list[Seat] = []
    try:
        found: dict[str, ConsoleCase] = {}
        for username, seat_id in (("operator1", "A-01"), ("handler1", "H-01"), ("supervisor1", "S-01")):
            seat = Seat(qtbot, backend.url)
            seats.append(seat)
            seat.log_in(username, "demo", seat_id)
            found[username] = ConsoleCase(qtbot, aio, seat)
        yield found
    finally:
        for seat in seats:
            if seat.window is not None:
                seat.window.close()
            aio.run(seat.service.close())


def created_case(operator: ConsoleCase, description: str) -> m.CaseRecord:
    operator.seat.create_case(CATEGORY, "临江街道滨江路 88 号", description)
    book = operator.service.cases
    operator.qtbot.waitUntil(lambda: any(book[r].description == description for r in range(len(book))))
    return next(book[r] for r in range(len(book)) if book[r].description == description)


def test_a_case_lives_its_whole_life_across_three_consoles(consoles: dict[str, ConsoleCase]) -> None:
    operator, handler, supervisor = consoles["operator1"], consoles["handler1"], consoles["supervisor1"]
    case = created_case(operator, "滨江路人行道上堆放建筑垃圾，影响通行")

    # 受理 → 立案 → 派遣: the routing rules suggest the city management bureau.
    operator.open(case)
    operator.take("register")
    operator.wait_status("registered")

    def dispatch_to_suggested(dialog: Any) -> None:
        operator.qtbot.waitUntil(lambda: dialog.suggestion is not None, timeout=10000)
        assert dialog.lead_code() == "D-CG" and dialog.reason.text()

    operator.take_with("dispatch", dispatch_to_suggested)
    operator.wait_status("dispatched")

    # 退回: the handler returns it with a reason; it is back at the district center's desk.
    handler.open(case)
    assert handler.lifecycle_buttons() == {"accept", "return"}
    handler.take_with("return", lambda d: handler.write(d.note, "占道堆放属住建局监管，请重新派遣"))
    operator.wait_status("registered")
    handler.qtbot.waitUntil(lambda: handler.pane.detail is None, timeout=10000)  # it left the bureau
    assert "no longer open" in handler.pane.status.text()
    operator.take_with("dispatch", dispatch_to_suggested)  # the desk decides it is the bureau's after all
    operator.wait_status("dispatched")

    # 处置中, then overdue: the watcher flags the missed completion deadline and supervises the case.
    handler.open(case)
    handler.take("accept")
    handler.wait_status("handling")
    supervisor.open(case)
    supervisor.wait_for(lambda d: d.case.overdue and d.case.supervision_level == "general", timeout=30000)
    assert "overdue" in [row[1] for row in supervisor.timeline_rows()]

    # 督办: the supervisor raises it to 重点督办 and urges the bureau.
    def key_level(dialog: Any) -> None:
        dialog.level.setCurrentIndex(dialog.level.findData("key"))
        supervisor.write(dialog.note, "今日内清理完毕并反馈")

    supervisor.side("supervise", key_level)
    supervisor.wait_for(lambda d: d.case.supervision_level == "key")
    supervisor.side("urge", lambda d: supervisor.write(d.note, "请立即安排清运"))
    supervisor.wait_for(lambda d: d.timeline[-1].action == "urged")

    # 延期: the bureau asks for two more working days; the supervisor approves; no longer overdue.
    def two_days(dialog: Any) -> None:
        dialog.amount.setValue(2)
        dialog.unit.setCurrentIndex(dialog.unit.findData("working_days"))
        handler.write(dialog.reason, "需协调渣土车辆，周末无法清运")

    handler.wait_for(lambda d: d.case.supervision_level == "key")
    handler.side("extension", two_days)
    supervisor.wait_for(lambda d: any(e.state == "pending" for e in d.extensions))

    def approve(dialog: Any) -> None:
        supervisor.click(dialog.approve)

    supervisor.side("decide_extension", approve)
    supervisor.wait_for(lambda d: d.case.extension_state == "approved" and not d.case.overdue)
    extension = supervisor.pane.detail.extensions[0]  # type: ignore[union-attr]
    assert extension.new_deadline_at is not None and extension.new_deadline_at > extension.requested_at

    # 处置 → 核查 → 回访 不满意 → 重办.
    handler.side("progress", lambda d: handler.write(d.note, "已调派渣土车一辆，清运过半"))
    handler.take_with("complete", lambda d: handler.write(d.note, "建筑垃圾已全部清运，路面已冲洗"))
    handler.wait_status("verifying")
    operator.open(case)
    operator.take("verify_pass")
    operator.wait_status("callback")

    def unsatisfied(dialog: Any) -> None:
        dialog.satisfaction.setCurrentIndex(dialog.satisfaction.findData("unsatisfied"))
        operator.write(dialog.note, "路面仍有泥浆残留")

    operator.take_with("callback_unsatisfied", unsatisfied)
    operator.wait_status("dispatched")
    operator.wait_for(lambda d: d.case.reopen_count == 1 and d.case.satisfaction == "unsatisfied")

    # 重办: accepted and completed again; verified; 满意; closed; archived read-only.
    handler.open(case)
    handler.take("accept")
    handler.wait_status("handling")
    handler.take_with("complete", lambda d: handler.write(d.note, "已二次冲洗，泥浆清除干净"))
    handler.wait_status("verifying")
    operator.open(case)
    operator.take("verify_pass")
    operator.wait_status("callback")

    def satisfied(dialog: Any) -> None:
        dialog.satisfaction.setCurrentIndex(dialog.satisfaction.findData("satisfied"))

    operator.take_with("callback_done", satisfied)
    operator.wait_status("closed")
    supervisor.open(case)
    supervisor.take("archive")
    supervisor.wait_status("archived")
    operator.wait_status("archived")
    assert operator.lifecycle_buttons() == set() and supervisor.lifecycle_buttons() == set()
    assert supervisor.side_buttons() == set()

    # Every state was visited, and two consoles show the same timeline, entry for entry.
    operator.qtbot.waitUntil(lambda: operator.timeline_rows() == supervisor.timeline_rows(), timeout=10000)
    rows = supervisor.timeline_rows()
    visited = {row[3] for row in rows if row[3]}
    assert visited >= {
        "received",
        "registered",
        "dispatched",
        "handling",
        "verifying",
        "callback",
        "closed",
        "archived",
    }
    lifecycle = [row[1] for row in rows if row[1] not in {"overdue", "supervised", "urged", "progress"}]
    assert lifecycle == [
        "created",
        "register",
        "dispatch",
        "return",
        "dispatch",
        "accept",
        "extension_requested",
        "extension_approved",
        "complete",
        "verify_pass",
        "callback_unsatisfied",
        "accept",
        "complete",
        "verify_pass",
        "callback_done",
        "archive",
    ]
    side = [row[1] for row in rows if row[1] in {"overdue", "supervised", "urged", "progress"}]
    assert side.count("supervised") == 2 and side.count("urged") == 1 and side.count("progress") == 1
    assert [row[2] for row in rows if row[1] == "return"] == ["handler1"]
