"""What a case's timeline says about a call: who was called (or called in), when, how long, how it
ended, who else joined, where it was transferred and where it was recorded."""

from __future__ import annotations

import time

from backend.comms.call_state import label
from client_api import comms_messages as cm


def duration(seconds: float) -> str:
    """2分05秒, 45秒, 1时02分05秒."""
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}时{minutes:02d}分{secs:02d}秒"
    if minutes:
        return f"{minutes}分{secs:02d}秒"
    return f"{secs}秒"


def clock(ts: float) -> str:
    return time.strftime("%H:%M:%S", time.localtime(ts))


def call_note(call: cm.CommsCall) -> str:
    """E.g. ``call 12 10:32:05 呼出 张伟(13800000001) 2分05秒 completed; conference: 张伟, 城管局值班``."""
    direction = "呼出" if call.direction == "out" else "呼入"
    first = label(call.parties[0]) if call.parties else "-"
    parts = [f"call {call.id}", clock(call.started_at), direction, first]
    if call.answered_at is not None and call.ended_at is not None:
        parts.append(duration(call.ended_at - call.answered_at))
    parts.append(call.result or call.state)
    note = " ".join(parts)
    joined = [p.name or p.number for p in call.parties if p.joined_at is not None]
    if len(joined) > 1:
        note += "; conference: " + ", ".join(joined)
    if call.reason:
        note += f"; {call.reason}"
    if call.consult_for is not None:
        note += f"; consultation for call {call.consult_for}"
    if call.recording_ref:
        note += f"; recording {call.recording_ref}"
    return note
