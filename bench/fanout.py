"""Fan-out latency of ``case.created``: the real backend vs. a bare websockets broadcast.

``python -m bench.fanout --seats 50 [--cases 200] [--warmup 20] [--pause 0.01]``

One seat creates cases one at a time; every other seat timestamps the ``case.created`` event. A
latency runs from just before ``create_case`` is sent to one arrival (cases x (seats - 1) samples);
the next case goes out once all seats have it, after ``--pause``. The baseline sends the same frame
bytes, at the same pace, through ``bench.broadcast_server`` to bare websockets clients that decode
them the same way; its messages alternate with the cases, so both see the same load on the machine.
Servers are their own processes on 127.0.0.1; all clients share this process's asyncio loop.
The last line is ``RESULT seats=… p50_ms=… p99_ms=… baseline_p99_ms=… ratio=…`` (ratio of the p99s).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import logging
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from app.bundled_backend import BundledBackend
from client_api import messages as m
from client_api.client import Event, SeatClient
from client_api.envelope import decode_envelope, decode_payload, encode
from client_api.transport import CLIENT_PING_INTERVAL, CLIENT_PING_TIMEOUT, COMPRESSION, HARD_FRAME_LIMIT

CATEGORY = "E0501"
ADDRESS = "临江街道滨江社区江滨路 18 号"
DELIVERY_TIMEOUT = 5.0

Send = Callable[[int, str], Awaitable[object]]


@dataclass
class _Open:
    t0: float
    receivers: int
    arrivals: list[float] = field(default_factory=list)
    done: asyncio.Future[None] = field(default_factory=lambda: asyncio.get_running_loop().create_future())


class Tracker:
    """Arrival times per message (keyed by the case description) at the receiving seats, in ms."""

    def __init__(self, receivers: int) -> None:
        self.receivers = receivers
        self.latencies: list[float] = []
        self.first: list[float] = []  # per message: the fastest seat
        self.last: list[float] = []  # per message: the slowest seat
        self.missing = 0
        self._open: dict[str, _Open] = {}

    def arrived(self, key: str) -> None:
        now = time.perf_counter()
        entry = self._open.get(key)
        if entry is not None:
            entry.arrivals.append((now - entry.t0) * 1000.0)
            if len(entry.arrivals) == entry.receivers and not entry.done.done():
                entry.done.set_result(None)

    def on_event(self, event: Event) -> None:
        if event.type == "case.created":
            self.arrived(event.payload.case.description)

    async def run(self, send: Send, index: int, key: str, record: bool) -> None:
        """Send one message and wait until every seat has it (or DELIVERY_TIMEOUT passed)."""
        entry = self._open[key] = _Open(time.perf_counter(), self.receivers)
        try:
            await send(index, key)
            await asyncio.wait_for(asyncio.shield(entry.done), DELIVERY_TIMEOUT)
        except TimeoutError:
            pass
        finally:
            del self._open[key]
        if record:
            self.missing += self.receivers - len(entry.arrivals)
            self.latencies.extend(entry.arrivals)
            if entry.arrivals:
                self.first.append(min(entry.arrivals))
                self.last.append(max(entry.arrivals))


def case_key(token: str, index: int) -> str:
    return f"bench {token} #{index:05d}: 路灯不亮，夜间行人通行不便，请尽快处置"


@contextlib.asynccontextmanager
async def backend_seats(url: str, seats: int) -> AsyncIterator[list[SeatClient]]:
    """SeatClients on the real backend, all logged in (as operator1, one seat id each) and subscribed."""
    clients = [SeatClient(url, client_name="bench.fanout", request_timeout=30.0) for _ in range(seats)]
    try:
        for client in clients:
            client.start()
        await asyncio.gather(*(c.wait_connected(30.0) for c in clients))
        await asyncio.gather(*(c.login("operator1", "demo", f"bench-{i:02d}") for i, c in enumerate(clients)))
        yield clients
    finally:
        await asyncio.gather(*(c.close() for c in clients), return_exceptions=True)


def baseline_frame(index: int, key: str) -> bytes:
    """The frame the backend would push for this case: same envelope, same CaseRecord shape."""
    now = time.time()
    record = m.CaseRecord(
        id=index + 1,
        case_no=f"{dt.datetime.fromtimestamp(now):%Y%m%d}{index + 1:06d}",
        category_code=CATEGORY,
        address=ADDRESS,
        description=key,
        status="received",
        created_at=now,
        created_by="operator1",
        seat_id="bench-00",
    )
    return encode("evt", "case.created", m.CaseCreatedEvent(case=record), seq=index + 1, ts=now)


async def _receive(ws: ClientConnection, tracker: Tracker) -> None:
    """What a bare seat does per frame: decode envelope and payload (as SeatClient does), timestamp."""
    with contextlib.suppress(ConnectionClosed):
        async for frame in ws:
            env = decode_envelope(frame)
            if env.kind == "evt" and env.type == "case.created":
                tracker.arrived(decode_payload(env.payload, m.CaseCreatedEvent).case.description)


async def _connect_bare(url: str) -> ClientConnection:
    # The same connection settings as SeatClient uses.
    ws = await connect(
        url,
        max_size=HARD_FRAME_LIMIT,
        open_timeout=5,
        ping_interval=CLIENT_PING_INTERVAL,
        ping_timeout=CLIENT_PING_TIMEOUT,
        close_timeout=2,
        compression=COMPRESSION,
    )
    if await ws.recv() != "ready":
        raise RuntimeError("the broadcast server did not say ready")
    return ws


@contextlib.asynccontextmanager
async def bare_seats(url: str, seats: int, tracker: Tracker) -> AsyncIterator[list[ClientConnection]]:
    """Bare websockets clients on the broadcast server; all but the first report arrivals to ``tracker``."""
    conns: list[ClientConnection] = []
    readers: list[asyncio.Task[None]] = []
    try:
        conns.extend(await asyncio.gather(*(_connect_bare(url) for _ in range(seats))))
        readers = [asyncio.create_task(_receive(ws, tracker)) for ws in conns[1:]]
        yield conns
    finally:
        await asyncio.gather(*(ws.close() for ws in conns), return_exceptions=True)
        for task in readers:
            task.cancel()
        await asyncio.gather(*readers, return_exceptions=True)


def start_broadcast_server(work: Path, timeout: float = 15.0) -> tuple[subprocess.Popen[bytes], str]:
    port_file = work / "broadcast.port"
    with open(work / "broadcast-server.log", "wb") as log_file:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bench.broadcast_server", "--port-file", str(port_file)],
            stdout=log_file,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    deadline = time.monotonic() + timeout
    while not port_file.exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            stop_process(proc)
            raise RuntimeError(f"the broadcast server did not start; see {work / 'broadcast-server.log'}")
        time.sleep(0.05)
    return proc, port_file.read_text(encoding="utf-8").strip()


def stop_process(proc: subprocess.Popen[bytes], timeout: float = 10.0) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextlib.contextmanager
def isolated_env(work: Path) -> Iterator[None]:
    """Point the data, config and log dirs at ``work`` (inherited by the server processes)."""
    names = [f"COMMAND_SEAT_{n}_DIR" for n in ("DATA", "CONFIG", "LOG")]
    saved = {n: os.environ.get(n) for n in names}
    for n in names:
        (work / n.lower()).mkdir()
        os.environ[n] = str(work / n.lower())
    try:
        yield
    finally:
        for n, value in saved.items():
            if value is None:
                os.environ.pop(n, None)
            else:
                os.environ[n] = value


def percentile(ordered: list[float], q: float) -> float:
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q
    lo = int(k)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    stats = {f"p{int(q * 100)}": percentile(ordered, q) for q in (0.5, 0.95, 0.99)}
    return stats | {"max": ordered[-1] if ordered else float("nan")}


def fmt(name: str, samples: list[float]) -> str:
    s = summary(samples)
    figures = "  ".join(f"{k}={v:7.2f}" for k, v in s.items())
    return f"{name:<28} n={len(samples):<6} {figures} ms"


async def measure(backend_url: str, baseline_url: str, args: argparse.Namespace) -> bool:
    """Both paths connected at once; their cases alternate, so both see the same load on the machine.
    Print the figures; return whether every seat got every message."""
    token = uuid.uuid4().hex[:8]
    ours, base = Tracker(args.seats - 1), Tracker(args.seats - 1)
    round_trips: list[float] = []
    seen: list[Event] = []
    frames = [baseline_frame(i, case_key(token, i)) for i in range(args.warmup + args.cases)]
    async with (
        backend_seats(backend_url, args.seats) as clients,
        bare_seats(baseline_url, args.seats, base) as conns,
    ):
        for client in clients[1:]:
            client.add_event_listener(ours.on_event)
        clients[0].add_event_listener(seen.append)

        async def send_ours(index: int, key: str) -> None:
            t0 = time.perf_counter()
            await clients[0].create_case(CATEGORY, ADDRESS, key)
            if index >= args.warmup:
                round_trips.append((time.perf_counter() - t0) * 1000.0)

        async def send_base(index: int, key: str) -> None:
            await conns[0].send(frames[index], text=True)

        for i in range(args.warmup + args.cases):
            pair = [(ours, send_ours), (base, send_base)]
            for tracker, send in pair if i % 2 else pair[::-1]:
                await tracker.run(send, i, case_key(token, i), record=i >= args.warmup)
                await asyncio.sleep(args.pause)
    our_size = sum(len(encode("evt", ev.type, ev.payload, seq=ev.seq, ts=ev.ts)) for ev in seen[-1:])
    print(
        f"seats={args.seats} cases={args.cases} warmup={args.warmup} pause={args.pause * 1000:.0f} ms; "
        f"case.created frame {our_size} B (backend), {len(frames[-1])} B (baseline)"
    )
    for name, tracker in (("backend ", ours), ("baseline", base)):
        print(fmt(f"{name} send->seat", tracker.latencies))
        print(fmt(f"{name} send->first seat", tracker.first))
        print(fmt(f"{name} send->last seat", tracker.last))
    print(fmt("backend  create_case reply", round_trips))
    if ours.missing or base.missing:
        print(f"MISSING deliveries: backend {ours.missing}, baseline {base.missing}")
    s, b = summary(ours.latencies), summary(base.latencies)
    print(
        f"RESULT seats={args.seats} p50_ms={s['p50']:.2f} p99_ms={s['p99']:.2f} "
        f"baseline_p99_ms={b['p99']:.2f} ratio={s['p99'] / b['p99']:.2f}"
    )
    return not (ours.missing or base.missing)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fanout", description=__doc__.split("\n")[0])
    parser.add_argument("--seats", type=int, default=50, help="connected seats, the sender included")
    parser.add_argument("--cases", type=int, default=200, help="measured cases")
    parser.add_argument("--warmup", type=int, default=20, help="cases sent first and not measured")
    parser.add_argument("--pause", type=float, default=0.01, help="seconds between cases")
    parser.add_argument("--timeout", type=float, default=150.0, help="give up after this many seconds")
    args = parser.parse_args(argv)
    if args.seats < 2 or args.cases < 1 or args.warmup < 0:
        parser.error("needs --seats >= 2, --cases >= 1, --warmup >= 0")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    with tempfile.TemporaryDirectory(prefix="command-seat-bench-") as tmp, isolated_env(Path(tmp)):
        backend = BundledBackend(Path(tmp) / "server", seed_demo=True)
        broadcaster: subprocess.Popen[bytes] | None = None
        try:
            backend_url = backend.start()
            broadcaster, baseline_url = start_broadcast_server(Path(tmp))
            complete = asyncio.run(asyncio.wait_for(measure(backend_url, baseline_url, args), args.timeout))
        finally:
            if broadcaster is not None:
                stop_process(broadcaster)
            backend.stop()
    return 0 if complete else 1


if __name__ == "__main__":
    sys.exit(main())
