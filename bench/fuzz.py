"""Fuzz the protocol decoder and every request handler of a real backend process.

``python -m bench.fuzz --runs 1000000 [--workers 8] [--seed 1]``

Each run sends one frame to the backend over a real websocket and reads its one reply. Frames are
drawn from three families: random bytes, mutations of valid frames (cut, bit flips, swapped fields),
and well-formed requests of every type in the registry with payloads generated from their schemas —
mostly wrong in some field, sometimes valid (then they are applied, as a seat's would be). A crash is a
reply with the code ``internal`` (a handler raised), a reply that is not an envelope, a missing reply,
or the backend process dying. The baseline is the decoder alone, in this process, on the same frames.
Prints figures, then ``RESULT runs=… crashes=… error_replies=…``.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from websockets.asyncio.client import ClientConnection, connect

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


async def worker(url: str, username: str, maker: FrameMaker, runs: int, tally: Tally) -> None:
    async with connect(url, max_size=HARD_FRAME_LIMIT, ping_interval=None) as ws:
        await log_in(ws, username, f"fuzz-{username}")
        for _ in range(runs):
            frame, _type = maker.frame()
            tally.runs += 1
            await ws.send(frame)  # bytes go as a binary frame: invalid UTF-8 is fair game
            try:
                reply = await next_reply(ws)
                env = decode_envelope(reply)
            except (TimeoutError, ProtocolError) as exc:
                tally.crash(f"no proper reply ({exc})", frame)
                continue
            if env.kind == "res":
                tally.ok_replies += 1
                continue
            err = decode_payload(env.payload, m.ErrorPayload)
            tally.codes[err.code] += 1
            if err.code == ErrorCode.INTERNAL or err.code not in KNOWN_CODES:
                tally.crash(f"error code {err.code}: {err.message}", frame)
            else:
                tally.error_replies += 1


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
    data_dir = Path(tempfile.mkdtemp(prefix="command-seat-fuzz-"))
    backend = BundledBackend(data_dir)
    await backend.start_async()
    tally = Tally()
    users = ["admin", "supervisor1", "operator1", "handler1"]
    try:
        per_worker, extra = divmod(args.runs, args.workers)
        started = time.perf_counter()
        await asyncio.gather(
            *(
                worker(
                    backend.url,
                    users[n % len(users)],
                    FrameMaker(random.Random(rng.random())),
                    per_worker + (1 if n < extra else 0),
                    tally,
                )
                for n in range(args.workers)
            )
        )
        elapsed = time.perf_counter() - started
        alive = backend.running
    finally:
        backend.stop()
    if not alive:
        tally.crashes += 1
        tally.crash_samples.append("the backend process died")
    baseline_rate, baseline_crashes = decoder_baseline(
        FrameMaker(random.Random(args.seed)), min(args.runs, 200_000)
    )
    rate = tally.runs / elapsed
    print(f"backend: {tally.runs} frames in {elapsed:.1f} s ({rate:.0f}/s) by {args.workers} seats")
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
    args = parser.parse_args(argv)
    if args.runs < 1 or args.workers < 1:
        parser.error("--runs and --workers must be at least 1")
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
