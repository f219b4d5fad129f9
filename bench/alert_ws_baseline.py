"""The transport baseline of ``bench.alerts``: an ``alert.raised`` frame broadcast by bare websockets.

The same number of receivers as seats, on ``bench.broadcast_server``; each decodes the envelope and the
AlertEvent payload as a seat does; a sample runs from the frame's send (its ``received_at``) to one
arrival. No backend, no store, no Qt: what the popup figure would be with nothing but the network.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

import msgspec

from bench.fanout import _connect_bare, start_broadcast_server, stop_process
from client_api import alert_messages as am
from client_api.envelope import decode_envelope, decode_payload, encode

SAMPLE = am.AlertRecord(
    id=0, identifier="bench", sender="command-seat@bench", sent=0.0, status="Actual", msg_type="Alert",
    scope="Public", source="manual", rule=None, language="zh-CN", categories=["CBRNE"], event="燃气泄漏",
    urgency="Immediate", severity="Extreme", certainty="Observed", response_types=[],
    headline="基准测试预警：江滨路燃气管道泄漏", description="", instruction="", sender_name="",
    areas=[am.AlertArea(area_desc="临江街道滨江社区")], expires=None, priority=64, evidence=[], lat=None,
    lon=None, grid_code=None, state="active", acked_by=None, acked_by_name=None, acked_seat=None,
    acked_at=None, ack_reason=None, escalation_level=0, escalated_at=None, case_id=None, case_no=None,
    references=[], received_at=0.0, updated_at=0.0,
)  # fmt: skip


async def _measure(url: str, receivers: int, messages: int) -> list[float]:
    conns = list(await asyncio.gather(*(_connect_bare(url) for _ in range(receivers + 1))))
    sender, rest = conns[0], conns[1:]
    latencies: list[float] = []

    async def receive(ws: object, count: int) -> None:
        for _ in range(count):
            frame = await ws.recv()  # type: ignore[attr-defined]
            env = decode_envelope(frame)
            event = decode_payload(env.payload, am.AlertEvent)
            latencies.append((time.time() - event.alert.received_at) * 1000)

    try:
        for i in range(messages + 3):
            readers = [asyncio.create_task(receive(ws, 1)) for ws in rest]
            now = time.time()
            alert = msgspec.structs.replace(SAMPLE, id=i, received_at=now, updated_at=now)
            await sender.send(encode("evt", "alert.raised", am.AlertEvent(alert=alert), seq=i + 1, ts=now))
            before = len(latencies)
            await asyncio.wait_for(asyncio.gather(*readers), 5)
            if i < 3:
                del latencies[before:]
            await asyncio.sleep(0.05)
    finally:
        await asyncio.gather(*(ws.close() for ws in conns), return_exceptions=True)
    return latencies


def ws_baseline(receivers: int, _procs: int, messages: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="bench-alerts-ws-") as tmp:
        proc, url = start_broadcast_server(Path(tmp))
        try:
            samples = sorted(asyncio.run(_measure(url, receivers, messages)))
        finally:
            stop_process(proc)
    return {
        "p50_ms": samples[len(samples) // 2],
        "p99_ms": samples[min(len(samples) - 1, int(0.99 * len(samples)))],
    }
