"""Call injects: a simulated caller rings the hotline (the call center's queue, as ``sim.place_call``).
What the caller says is the call's opening (seats speak it by text-to-speech once answered and show it
as the transcript); a caller with patience hangs up if still waiting after it (scenario seconds)."""

from __future__ import annotations

import contextlib
import time

from backend.calls.center import CallCenter, center_of
from backend.calls.records import MAX_OPENING
from backend.drill.inject_outcome import FireContext, FollowUp, Outcome, fired
from backend.drill.scenario_model import CallInject, Inject
from client_api.errors import ProtocolError


async def fire_call(ctx: FireContext, inject: Inject) -> Outcome:
    detail = inject.detail
    assert isinstance(detail, CallInject)
    center = center_of(ctx.server)
    opening = "\n".join(detail.says)[:MAX_OPENING]
    call = await center.place_call(detail.caller_number, opening, simulated=True)
    ctx.run.links.calls[call.id] = inject.id
    if detail.patience_s is not None:
        due = ctx.now_t(time.time()) + detail.patience_s
        ctx.timer.add(due, FollowUp(inject, lambda: _give_up(center, call.id)))
    caller = f"{detail.caller_name}（{detail.caller_number}）" if detail.caller_name else detail.caller_number
    first = detail.says[0] if detail.says else ""
    return fired(f"来电 {caller}：{first}", call_id=call.id, caller_number=detail.caller_number)


async def _give_up(center: CallCenter, call_id: int) -> Outcome | None:
    """The caller hangs up if nobody answered yet (the observer logs the abandoned call)."""
    with contextlib.suppress(ProtocolError):  # answered or over meanwhile: the caller stays on
        await center.caller_hangup(call_id, only_waiting=True)
    return None
