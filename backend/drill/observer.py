"""The drill observer: follows the store's events while a drill runs and logs what each seat does — a
call answered (by whom, how long after it rang) or ended, an inbox item taken, a case filed, merged,
dispatched or moved on, an alert acknowledged or tied to a case — each with the inject it belongs to.
With the entries go the trainees' live progress (``drill.progress``, trainers only).

The store's sink only enqueues (it runs under the write lock); a task of the observer reads what it
needs and writes the entries, events in order, a batch at a time.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import msgspec

from backend.drill.drill_log import entry
from backend.drill.observer_cases import actor_name, case_entries, read_activity
from backend.drill.progress import progress_events
from backend.drill.run import DrillRun
from backend.events import StoredEvent
from client_api.alert_messages import AlertEvent, AlertRecord
from client_api.calls_messages import Call, CallUpdated
from client_api.drill_messages import LogEntry
from client_api.inbox_messages import IntakeUpdated

if TYPE_CHECKING:
    from backend.store import Store

log = logging.getLogger("backend.drill")

CASE_EVENTS = frozenset({"case.created", "case.updated"})
WATCHED = CASE_EVENTS | {"call.updated", "alert.updated", "intake.updated"}
FINAL_CALL_STATES = ("ended", "abandoned", "transferred")
BATCH = 200
_CALL = msgspec.json.Decoder(CallUpdated)
_ALERT = msgspec.json.Decoder(AlertEvent)
_ITEM = msgspec.json.Decoder(IntakeUpdated)


class Observer:
    """Attributes: run (the drill watched; None: events are not even queued). ``on_entries`` is called
    with the entries of each batch once they are written (the engine arms department responses)."""

    def __init__(self, on_entries: Callable[[DrillRun, list[LogEntry]], None]) -> None:
        self.run: DrillRun | None = None
        self._on_entries = on_entries
        self._store: Store | None = None
        self._queue: asyncio.Queue[StoredEvent] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None

    def start(self, store: Store) -> None:
        if self._store is None:
            store.add_sink(self._on_event)
        self._store = store
        self._task = asyncio.get_running_loop().create_task(
            self._consume(), name="drill-observer", context=contextvars.Context()
        )

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            await self.settle()
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def settle(self) -> None:
        """Until the events queued so far are logged."""
        await self._queue.join()

    def _on_event(self, event: StoredEvent) -> None:
        run = self.run
        if run is not None and not run.ending and event.type in WATCHED:
            self._queue.put_nowait(event)

    async def _consume(self) -> None:
        while True:
            batch = [await self._queue.get()]
            while not self._queue.empty() and len(batch) < BATCH:
                batch.append(self._queue.get_nowait())
            try:
                await self._handle(batch)
            except Exception:  # one bad event must not stop the drill's log
                log.exception("drill observer: events %s…%s failed", batch[0].seq, batch[-1].seq)
            finally:
                for _ in batch:
                    self._queue.task_done()

    async def _handle(self, batch: list[StoredEvent]) -> None:
        run, store = self.run, self._store
        if run is None or store is None:
            return
        drafts: list[LogEntry] = []
        if any(event.type in CASE_EVENTS for event in batch):  # the case timeline says who did what
            seen = run.seen
            activity = await store.read(read_activity, seen.timeline_after, seen.reports_after)
            drafts += case_entries(run, activity)
        for event in batch:
            if event.type == "call.updated":
                drafts += call_entries(run, _CALL.decode(event.payload).call)
            elif event.type == "alert.updated":
                drafts += alert_entries(run, _ALERT.decode(event.payload).alert)
            elif event.type == "intake.updated":
                drafts += item_entries(run, _ITEM.decode(event.payload))
        if drafts and self.run is run:
            drafts.sort(key=lambda d: d.at)  # in the order it happened (stable for equal times)
            written = await run.log.write(drafts, progress_events(run, drafts))
            self._on_entries(run, written)


def call_entries(run: DrillRun, call: Call) -> list[LogEntry]:
    out = []
    ref = run.links.calls.get(call.id)
    if call.answered_by and call.answered_at is not None and call.id not in run.seen.answered:
        run.seen.answered.add(call.id)
        wait = run.t(call.answered_at) - run.t(call.queued_at)
        who = actor_name(run, call.answered_by)
        data = {"call_id": call.id, "caller_number": call.caller_number, "wait_s": round(wait, 1)}
        summary = f"{who} 接听来电 {call.caller_number}（等待 {wait:.0f} 秒）"
        out.append(_entry(run, call.answered_at, call.answered_by, "call.answered", summary, ref, data))
    ours = ref is not None or (call.answered_by or "") in run.slots
    if call.state in FINAL_CALL_STATES and call.id not in run.seen.ended and ours:
        run.seen.ended.add(call.id)
        at = call.ended_at or call.queued_at
        actor = "caller" if call.end_reason == "caller_hangup" else call.answered_by or "caller"
        word = "放弃（未接通）" if call.state == "abandoned" else "结束"
        data = {"call_id": call.id, "state": call.state, "end_reason": call.end_reason}
        out.append(_entry(run, at, actor, "call.ended", f"来电 {call.caller_number} {word}", ref, data))
    return out


def alert_entries(run: DrillRun, alert: AlertRecord) -> list[LogEntry]:
    out = []
    ref = run.links.alerts.get(alert.id)
    key = (alert.id, alert.acked_at)
    if alert.acked_by and alert.acked_at is not None and key not in run.seen.acked:
        run.seen.acked.add(key)
        data = {
            "alert_id": alert.id,
            "reason": alert.ack_reason,
            "headline": alert.headline,
            "injects": list(run.links.alert_injects.get(alert.id, [])),
        }
        summary = f"{actor_name(run, alert.acked_by)} 确认预警：{alert.headline}"
        out.append(_entry(run, alert.acked_at, alert.acked_by, "alert.acked", summary, ref, data))
    if alert.case_id is not None and alert.id not in run.seen.alert_cases:
        run.seen.alert_cases.add(alert.id)
        if ref is not None:
            run.links.cases.setdefault(alert.case_id, ref)
        actor = alert.acked_by or "unknown"
        data = {"alert_id": alert.id, "case_id": alert.case_id, "case_no": alert.case_no}
        summary = f"预警 {alert.headline} 关联工单 {alert.case_no}"
        out.append(_entry(run, alert.updated_at, actor, "alert.linked", summary, ref, data))
    return out


def item_entries(run: DrillRun, change: IntakeUpdated) -> list[LogEntry]:
    if change.action not in ("taken", "released", "dismissed"):
        return []  # done: the case filed from it says more
    item = change.item
    ref = run.links.items.get(item.id)
    words = {"taken": "领取", "released": "退回", "dismissed": "不予受理"}
    data: dict[str, object] = {"item_id": item.id, "channel": item.channel}
    if change.reason:
        data["reason"] = change.reason
    summary = f"{actor_name(run, change.by)} {words[change.action]}来件 {item.id}"
    at = item.taken_at or item.received_at
    return [_entry(run, at, change.by, f"intake.{change.action}", summary, ref, data)]


def _entry(
    run: DrillRun, at: float, actor: str, kind: str, summary: str, ref: str | None, data: Mapping[str, object]
) -> LogEntry:
    return entry(run.t(at), at, actor, kind, summary, slot_id=run.slot_of(actor), ref=ref, data=dict(data))
