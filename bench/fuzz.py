"""Fuzz the protocol decoder and every request handler of a real backend process.

``python -m bench.fuzz --runs 1000000 [--workers 8] [--window 32] [--backends N] [--seed 1] [--disk]``

Each run sends one frame to the backend over a real websocket and reads its one reply; each seat keeps
``--window`` frames in flight and matches replies in order (the server answers a connection's frames in
order). Seats are spread over ``--backends`` processes (one per core by default, up to 4), each with
its own database, on tmpfs unless ``--disk`` (the fuzz is after the decoder and the handlers; on disk
the fsync of every commit would set the pace).

Frames are drawn from three families: random bytes, mutations of valid frames (cut, bit flips, swapped
fields), and well-formed requests of every type in the registry with payloads generated from their
schemas — mostly wrong in some field, sometimes valid (then they are applied, as a seat's would be). A
crash is a reply with the code ``internal`` (a handler raised), a reply that is not an envelope, a
missing reply, a reply out of order, or a backend process dying. The baseline is the decoder alone, in
this process, on the same frames. Prints figures, then ``RESULT runs=… crashes=… error_replies=…``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import shutil
import sys
import tempfile
import time
from collections import Counter, deque
from pathlib import Path

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from app.bundled_backend import BundledBackend
from bench.fuzz_frames import FrameMaker
from client_api import messages as m
from client_api.envelope import decode_envelope, decode_payload, encode
from client_api.errors import ErrorCode, ProtocolError
from client_api.registry import REQUESTS
from client_api.transport import HARD_FRAME_LIMIT

REPLY_TIMEOUT = 10.0
KNOWN_CODES = {code.value for code in ErrorCode}


class Tally:
    def __init__(self) -> None:
        self.runs = 0
        self.crashes = 0
        self.error_replies = 0
        self.ok_replies = 0
        self.codes: Counter[str] = Counter()
        self.crash_samples: list[str] = []

    def crash(self, what: str, frame: bytes) -> None:
        self.crashes += 1
        if len(self.crash_samples) < 5:
            self.crash_samples.append(f"{what}: {frame[:200]!r}")


async def log_in(ws: ClientConnection, username: str, seat: str) -> None:
    for type_, payload in (
        ("hello", m.Hello(client="fuzz", versions=[1])),
        ("login", m.Login(username, "demo", seat)),
    ):
        await ws.send(encode("req", type_, payload, id_=type_))
        env = decode_envelope(await ws.recv())
        if env.kind != "res":
            raise SystemExit(f"cannot {type_} as {username}: {env.payload!r}")


async def next_reply(ws: ClientConnection) -> bytes | str:
    while True:
        frame = await asyncio.wait_for(ws.recv(), REPLY_TIMEOUT)
        raw = frame.encode() if isinstance(frame, str) else frame
        if b'"kind":"evt"' not in raw[:80]:
            return frame


def judge(tally: Tally, frame: bytes, id_: str, reply: bytes | str, waiting: set[str]) -> None:
    """Count one reply to ``frame`` (sent with ``id_``, while ``waiting`` were still unanswered):
    applied or read, an error code we know, or a crash."""
    try:
        env = decode_envelope(reply)
    except ProtocolError as exc:
        tally.crash(f"no proper reply ({exc})", frame)
        return
    # Another waiting frame's id, unless a mutation wrote that id into this frame.
    if env.id not in (None, id_) and env.id in waiting and f'"{env.id}"'.encode() not in frame:
        tally.crash(f"reply {env.id!r} out of order", frame)
    elif env.kind == "res":
        tally.ok_replies += 1
    else:
        err = decode_payload(env.payload, m.ErrorPayload)
        tally.codes[err.code] += 1
        if err.code == ErrorCode.INTERNAL or err.code not in KNOWN_CODES:
            tally.crash(f"error code {err.code}: {err.message}", frame)
        else:
            tally.error_replies += 1


async def worker(url: str, username: str, maker: FrameMaker, runs: int, window: int, tally: Tally) -> None:
    """Send ``runs`` frames on one connection, up to ``window`` of them before their replies. The server
    answers a connection's frames in order (an unreadable frame with an ``err`` that has no id), so the
    n-th reply belongs to the n-th frame; a reply carrying another waiting frame's id is a crash."""
    async with connect(url, max_size=HARD_FRAME_LIMIT, ping_interval=None) as ws:
        await log_in(ws, username, f"fuzz-{username}")
        waiting: deque[tuple[bytes, str]] = deque()
        waiting_ids: set[str] = set()
        slots = asyncio.Semaphore(window)

        async def send_all() -> None:
            for _ in range(runs):
                await slots.acquire()
                frame, _type = maker.frame()
                waiting.append((frame, f"f{maker.counter}"))
                waiting_ids.add(f"f{maker.counter}")
                tally.runs += 1
                await ws.send(frame)  # bytes go as a binary frame: invalid UTF-8 is fair game

        sender = asyncio.create_task(send_all())
        try:
            for _ in range(runs):
                try:
                    reply = await next_reply(ws)
                except (TimeoutError, ConnectionClosed) as exc:
                    tally.crash(f"no reply ({exc or 'timeout'})", waiting[0][0] if waiting else b"")
                    return
                frame, id_ = waiting.popleft()
                waiting_ids.discard(id_)
                slots.release()
                judge(tally, frame, id_, reply, waiting_ids)
        finally:
            sender.cancel()
            with contextlib.suppress(asyncio.CancelledError, ConnectionClosed):
                await sender


def scratch_dir(disk: bool) -> str | None:
    """Where the backend's database goes: tmpfs unless ``disk``. Every applied write and every audited
    refusal commits with an fsync; on disk that, not the decoder or the handlers, would set the pace."""
    shm = Path("/dev/shm")
    return None if disk or not shm.is_dir() else str(shm)


def decoder_baseline(maker: FrameMaker, runs: int) -> tuple[float, int]:
    """Decode the same kind of frames in this process: frames per second and decoder crashes."""
    crashes, started = 0, time.perf_counter()
    for _ in range(runs):
        frame, _type = maker.frame()
        try:
            env = decode_envelope(frame)
            schemas = REQUESTS.get(env.type)
            if schemas is not None:
                decode_payload(env.payload, schemas[0])
        except ProtocolError:
            pass
        except Exception:  # a crash is what we count
            crashes += 1
    return runs / (time.perf_counter() - started), crashes


async def main_async(args: argparse.Namespace) -> int:
    rng = random.Random(args.seed)
    data_dir = Path(tempfile.mkdtemp(prefix="command-seat-fuzz-", dir=scratch_dir(args.disk)))
    backends = [BundledBackend(data_dir / f"backend-{n}") for n in range(args.backends)]
    tally = Tally()
    users = ["admin", "supervisor1", "operator1", "handler1"]
    try:
        await asyncio.gather(*(backend.start_async(timeout=120) for backend in backends))
        per_worker, extra = divmod(args.runs, args.workers)
        started = time.perf_counter()
        await asyncio.gather(
            *(
                worker(
                    backends[n % len(backends)].url,
                    users[n % len(users)],
                    FrameMaker(random.Random(rng.random())),
                    per_worker + (1 if n < extra else 0),
                    args.window,
                    tally,
                )
                for n in range(args.workers)
            )
        )
        elapsed = time.perf_counter() - started
        dead = sum(not backend.running for backend in backends)
    finally:
        for backend in backends:
            backend.stop()
        shutil.rmtree(data_dir, ignore_errors=True)
    if dead:
        tally.crashes += dead
        tally.crash_samples.append(f"{dead} backend process(es) died")
    baseline_rate, baseline_crashes = decoder_baseline(
        FrameMaker(random.Random(args.seed)), min(args.runs, 200_000)
    )
    rate = tally.runs / elapsed
    print(
        f"backend: {tally.runs} frames in {elapsed:.1f} s ({rate:.0f}/s) by {args.workers} seats, "
        f"{args.window} frames in flight each, {args.backends} backend(s), databases in {data_dir.parent}"
    )
    print(f"  answered: {tally.ok_replies} applied or read, {tally.error_replies} error replies")
    print("  codes: " + ", ".join(f"{code} {n}" for code, n in tally.codes.most_common()))
    print(f"decoder alone (baseline, this process): {baseline_rate:.0f} frames/s, {baseline_crashes} crashes")
    for sample in tally.crash_samples:
        print(f"  CRASH {sample}")
    crashes = tally.crashes + baseline_crashes
    print(f"RESULT runs={tally.runs} crashes={crashes} error_replies={tally.error_replies}")
    return 1 if tally.crashes or baseline_crashes else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fuzz", description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1)
    cores = os.cpu_count() or 1
    parser.add_argument("--backends", type=int, default=min(cores, 4), help="backend processes (one a core)")
    parser.add_argument("--window", type=int, default=32, help="frames in flight per seat")
    parser.add_argument("--disk", action="store_true", help="keep the database on disk, not in memory")
    args = parser.parse_args(argv)
    if min(args.runs, args.workers, args.window, args.backends) < 1:
        parser.error("--runs, --workers, --window and --backends must be at least 1")
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
