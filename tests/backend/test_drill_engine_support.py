"""Helpers of the drill engine tests (no tests here): a small scenario, an exercise server on a real
SQLite file with the call center, the warning models and the drill engine, and a trainer's requests."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from backend.calls.center import CallCenter
from backend.drill.engine import DrillEngine
from backend.drill.scenario import load_all
from backend.seed import seed_demo
from backend.server import Server
from backend.services import Service
from backend.store import Store
from backend.warnings.service import WarningService
from client_api import drill_messages as dm
from client_api.calls_api import CallsApi
from client_api.client import Event
from tests.backend.test_intake_support import Seat
from tests.backend.wire import log_in

# Two calls about one burst water main (the second a duplicate), a grid member's report, a CAP alert,
# a call about a missing manhole cover and the water authority's answer to the first call's dispatch.
# 10 minutes: long enough for seats to act at ×10 before the end; a test stops it when it is done.
SMALL = """\
format: 1
id: small
title: 滨江路水管爆裂（测试）
level: 镇
theme: 城市管理
area: '320999001'
duration: 10m
seats:
  - {id: seat-1, role: operator, label: 一号席}
  - {id: seat-2, role: operator, label: 二号席}
  - trainer
injects:
  - id: call-1
    at: 5s
    kind: call
    caller_number: '13800000001'
    caller_name: 王先生
    says: [你好，滨江路8号门口的自来水管爆了，水冒得老高。, 路上全是水，车都过不去了。]
    address: 滨江路8号
    expected: {category: E0502, department: D-SW, grid: '32099900100101'}
  - id: call-2
    at: 10s
    kind: call
    caller_number: '13800000002'
    says: [滨江路那边水管破了，赶紧派人来看看。]
    expected: {duplicate_of: call-1, category: E0502}
  - id: report-1
    at: 15s
    kind: report
    channel: 网格员上报
    text: 滨江路8号路面积水严重，疑似水管破裂。
    address: 滨江路8号
    reporter_name: 吴磊
  - id: cap-1
    at: 20s
    kind: cap
    event: 暴雨
    headline: 临江街道暴雨橙色预警
    urgency: Expected
    severity: Severe
    certainty: Likely
    area: {desc: 临江街道, codes: ['320999001']}
  - id: call-3
    at: 25s
    kind: call
    caller_number: '13800000003'
    says: [望江路8号有个井盖不见了，晚上很危险。]
    address: 望江路8号
    expected: {category: P0101, department: D-CG}
  - id: dept-1
    kind: department_response
    case: call-1
    department: D-SW
    after: 30s
    outcome: accept
rubric:
  - {action: answer_within, inject: [call-1, call-2, call-3], weight: 2, within: 10m}
  - {action: information, inject: call-1, weight: 1}
  - {action: category, inject: call-1, weight: 3}
  - {action: location, inject: call-1, weight: 2}
  - {action: department, inject: call-1, weight: 3}
  - {action: duplicate, inject: call-2, weight: 2}
  - {action: category, inject: call-3, weight: 3}
  - {action: alert_ack, inject: cap-1, weight: 2, within: 10m}
"""

# The same in one minute: at ×10 it runs to its end in six seconds.
SHORT = SMALL.replace("id: small", "id: short").replace("duration: 10m", "duration: 1m")

ASSIGNED = [dm.Assignment("seat-1", "operator1"), dm.Assignment("seat-2", "operator2")]


@dataclass
class Bed:
    server: Server
    engine: DrillEngine
    center: CallCenter

    @property
    def store(self) -> Store:
        return self.server.store


def write_scenarios(directory: Path, **files: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (directory / f"{name}.yaml").write_text(text, encoding="utf-8")
    return directory


@contextlib.contextmanager
def drill_server(
    aio: Any,
    tmp_path: Path,
    *,
    exercise: bool = True,
    extra: list[Service] | None = None,
    shipped: bool = False,
    **scenarios: str,
) -> Iterator[Bed]:
    """A seeded exercise backend on a SQLite file whose drill engine knows ``scenarios`` (file stem →
    YAML; default: SMALL), or the shipped ones."""
    directory = write_scenarios(tmp_path / "drills", **(scenarios or {"small": SMALL}))
    store = aio.run(Store.open(f"sqlite:///{tmp_path}/drill.sqlite3"))
    center = CallCenter(ring_timeout=60.0, wrap_up=0.0)
    engine = DrillEngine() if shipped else DrillEngine(scenarios=lambda: load_all(directory))
    services: list[Service] = [center, WarningService(), *(extra or []), engine]
    server = Server(store, port=0, exercise=exercise, services=services)
    try:
        assert aio.run(seed_demo(store)) is True
        aio.run(server.start())
        yield Bed(server, engine, center)
    finally:
        aio.run(server.close())
        aio.run(store.close())


class TraineeSeat(Seat):
    """A seat with the calls API beside the intake one."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.calls = CallsApi(self.client)

    def types(self) -> list[str]:
        return [e.type for e in self.events]


@contextlib.asynccontextmanager
async def trainee_seats(server: Server, *accounts: str) -> AsyncIterator[list[TraineeSeat]]:
    """One logged-in, subscribed seat per account name (seat ids S1, S2, …)."""
    opened = [TraineeSeat(server.url) for _ in accounts]
    try:
        for index, (seat, username) in enumerate(zip(opened, accounts, strict=True), 1):
            await log_in(seat.client, f"S{index}", username)
        yield opened
    finally:
        for seat in opened:
            await seat.client.close()


def is_type(type_: str) -> Any:
    return lambda e: e.type == type_


def injected(inject_id: str) -> Any:
    return lambda e: e.type == "drill.injected" and e.payload.inject_id == inject_id


def drill_state(state: str) -> Any:
    return lambda e: e.type == "drill.state" and e.payload.state == state


def start(speed: float = 10.0, scenario_id: str = "small", assignments: Any = None) -> dm.StartDrill:
    return dm.StartDrill(scenario_id=scenario_id, assignments=list(assignments or ASSIGNED), speed=speed)


def offered(seat_id: str, caller: str) -> Any:
    def match(e: Event) -> bool:
        return (
            e.type == "call.updated"
            and e.payload.call.offered_to == seat_id
            and e.payload.call.caller_number == caller
            and e.payload.call.state == "ringing"
        )

    return match
