"""Helpers of the radio, message and video tests (no tests here): a seeded server with the radio on
a fake clock, the radio simulator and instant receipts, a directory of our own, and seats that are real
SeatClients recording every event they receive."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Iterator
from typing import Any

import msgspec
import sqlalchemy as sa

from backend import schema
from backend.comms.hub import CommsHub
from backend.comms.message_sim import MessageService
from backend.comms.radio_service import RadioService
from backend.comms.radio_sim import RadioSimulator, ScriptLine
from backend.comms.sim_telephony import SimTelephony
from backend.seed import seed_demo
from backend.server import Server
from backend.store import Store
from client_api import comms_messages as cm
from client_api import intake_messages as im
from client_api.client import Event, SeatClient
from client_api.errors import ProtocolError
from tests.backend.test_calls_support import FakeClock
from tests.backend.wire import CATEGORY, log_in

TOWN = "320999001"  # 临江街道
OTHER_TOWN = "320999002"  # 东湖镇
GRID = "32099900100101"  # 滨江社区第1网格


def entry(id_: str, name: str, kind: str, **fields: Any) -> cm.DirectoryEntry:
    return cm.DirectoryEntry(id=id_, name=name, kind=kind, **fields)


DIRECTORY = [
    entry(
        "unit-01",
        "王勇",
        "field_unit",
        phone="15018195622",
        radio_id="8001",
        talk_groups=("tg-district", "tg-city"),
        device="执法记录仪",
        video_url="sim://UNIT-01",
        town=TOWN,
    ),
    entry("unit-03", "刘洋", "field_unit", radio_id="8003", talk_groups=("tg-city", "tg-emergency")),
    entry("unit-06", "高峰", "field_unit", radio_id="8006", talk_groups=("tg-emergency",)),
    entry(f"gm-{GRID}-1", "吴磊", "grid_member", phone="13951200101", town=TOWN, grid_code=GRID),
    entry(f"gm-{GRID}-2", "钱秀英", "grid_member", town=TOWN, grid_code=GRID),  # no phone
    entry(
        "gm-32099900100201-1",
        "孙丽",
        "grid_member",
        phone="13951200201",
        town=TOWN,
        grid_code="32099900100201",
        presence="offline",
    ),
    entry(
        "gm-32099900200101-1",
        "周杰",
        "grid_member",
        phone="13951200301",
        town=OTHER_TOWN,
        grid_code="32099900200101",
    ),
    entry("dept-D-CG", "区城市管理局", "department", phone="0512-66010001"),
]


def replace_directory(conn: sa.Connection, entries: list[cm.DirectoryEntry]) -> tuple[None, list[Any]]:
    conn.execute(sa.delete(schema.directory))
    for e in entries:
        record = msgspec.json.encode(e).decode()
        conn.execute(sa.insert(schema.directory).values(id=e.id, kind=e.kind, name=e.name, record=record))
    return None, []


class Comms:
    """A started in-process server with the radio (on ``clock``), its simulator and messages."""

    def __init__(self, server: Server, radio: RadioService, sim: RadioSimulator, clock: FakeClock) -> None:
        self.server = server
        self.radio = radio
        self.sim = sim
        self.clock = clock
        self.seats: list[Seat] = []

    @property
    def store(self) -> Store:
        return self.server.store

    async def seat(self, username: str = "operator1", seat_id: str = "S1") -> Seat:
        seat = Seat(self.server.url)
        self.seats.append(seat)
        await log_in(seat.client, seat_id, username)
        return seat


@contextlib.contextmanager
def comms_server(
    aio: Any,
    url: str,
    *,
    receipt_delay: float = 0.0,
    script: list[ScriptLine] | None = None,
    interval: float = 0.0,
    hub: bool = False,
) -> Iterator[Comms]:
    """A store at ``url`` with the demo district and DIRECTORY, served with the radio and messages
    (and with ``hub``, the comms hub keeping live presence, on the simulated telephony)."""
    store = aio.run(Store.open(url))
    clock = FakeClock()
    radio = RadioService(clock=clock, expiry_check=0.02)
    sim = RadioSimulator(radio, interval=interval, script=script)
    services: list[Any] = [CommsHub(adapter=SimTelephony())] if hub else []
    services += [radio, sim, MessageService(receipt_delay=receipt_delay)]
    server = Server(store, port=0, services=services)
    comms = Comms(server, radio, sim, clock)
    try:
        assert aio.run(seed_demo(store)) is True
        aio.run(store.run_write(replace_directory, DIRECTORY))
        aio.run(server.start())
        yield comms
    finally:
        for seat in comms.seats:
            aio.run(seat.client.close())
        aio.run(server.close())
        aio.run(store.close())


class Seat:
    """A logged-in SeatClient and the events it received."""

    def __init__(self, url: str) -> None:
        self.client = SeatClient(url)
        self.events: list[Event] = []
        self._arrived = asyncio.Event()
        self.client.add_event_listener(self._on_event)

    def _on_event(self, event: Event) -> None:
        self.events.append(event)
        self._arrived.set()

    async def ask(self, type_: str, payload: msgspec.Struct) -> Any:
        return await self.client.request(type_, payload)

    async def refused(self, type_: str, payload: msgspec.Struct) -> ProtocolError:
        try:
            answer = await self.client.request(type_, payload)
        except ProtocolError as exc:
            return exc
        raise AssertionError(f"{type_} was not refused: {answer}")

    async def wait_for(self, match: Callable[[Event], bool], after: int = 0, timeout: float = 5.0) -> Event:
        """The first event from index ``after`` on that ``match``es, waiting for it if need be."""

        async def scan() -> Event:
            seen = after
            while True:
                for event in self.events[seen:]:
                    if match(event):
                        return event
                seen = len(self.events)
                self._arrived.clear()
                await self._arrived.wait()

        return await asyncio.wait_for(scan(), timeout)

    def of(self, type_: str) -> list[Any]:
        return [e.payload for e in self.events if e.type == type_]

    async def new_case(self) -> int:
        case = await self.client.create_case(CATEGORY, "滨江路 1 号", "滨江路占道经营")
        return case.id

    async def timeline(self, case_id: int) -> list[im.TimelineEntry]:
        detail: im.CaseDetail = await self.ask("case.detail", im.GetCaseDetail(case_id=case_id))
        return detail.timeline


async def radio_log_rows(store: Store) -> int:
    def count(conn: sa.Connection) -> int:
        return int(conn.execute(sa.select(sa.func.count()).select_from(schema.radio_log)).scalar_one())

    return await store.read(count)
