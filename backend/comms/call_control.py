"""What an operator does with a call: dial, answer, hold, mute, lock, hang up, tie it to a case.

Each takes the hub's lock, checks everything it can before the adapter is asked, and writes the
call's new state through ``hub.commit``. Conferences are in ``conference``, transfers in ``transfers``.
"""

from __future__ import annotations

from collections.abc import Awaitable

import msgspec

from backend.comms import call_log
from backend.comms.call_note import call_note
from backend.comms.call_state import (
    TALKING,
    OpenCall,
    check_answered,
    check_open,
    check_owner,
    find_party,
    invalid,
    is_open,
    party_gone,
    settled,
    talking,
    with_party,
)
from backend.comms.case_record import check_case
from backend.comms.hub import CommsHub
from backend.comms.telephony import TelephonyError
from client_api import comms_messages as cm
from client_api import messages as m

MAX_OPEN = 8  # open calls of one operator (a conference counts once)
MAX_LIST = 500


async def dial(
    hub: CommsHub, operator: m.Operator, seat_id: str | None, req: cm.Dial, consult_for: int | None = None
) -> cm.CommsCall:
    async with hub.lock:
        return await dial_locked(hub, operator, seat_id, req.target, req.case_id, consult_for)


async def dial_locked(
    hub: CommsHub,
    operator: m.Operator,
    seat_id: str | None,
    target: cm.Target,
    case_id: int | None,
    consult_for: int | None = None,
) -> cm.CommsCall:
    """A new outgoing call (under the hub's lock). A number the adapter refuses at once gives a call
    that failed, on record, with the adapter's result and reason."""
    number, name, entry_id = hub.resolve(target)
    if case_id is not None:
        await hub.store.read(check_case, case_id)
    check_room(hub, operator)
    now = hub.clock()
    party = cm.CallParty(id=1, number=number, name=name, entry_id=entry_id)
    call = cm.CommsCall(
        id=hub.new_id(),
        owner=operator.username,
        direction="out",
        state="dialing",
        parties=(party,),
        adapter=hub.adapter.name,
        started_at=now,
        seat_id=seat_id,
        case_id=case_id,
        consult_for=consult_for,
    )
    open_call = OpenCall(call, operator, seat_id)
    try:
        leg_id = await hub.ask(hub.adapter.dial(number))
    except TelephonyError as exc:
        failed = with_party(call, party_gone(party, "failed", exc.result, now))
        return await hub.commit(open_call, settled(failed, now, exc.reason))
    open_call.legs[party.id] = leg_id
    hub.add(open_call)
    try:
        return await hub.commit(open_call, call)
    except BaseException:
        hub.calls.pop(call.id, None)
        hub.unmap_leg(open_call, party.id)
        await hub.quietly(hub.adapter.hangup(leg_id))
        raise


def check_room(hub: CommsHub, operator: m.Operator) -> None:
    mine = sum(1 for c in hub.calls.values() if c.call.owner == operator.username)
    if mine >= MAX_OPEN:
        raise invalid("target", f"you have {mine} open calls; hang up one before dialling another")


async def answer(hub: CommsHub, operator: m.Operator, seat_id: str | None, call_id: int) -> cm.CommsCall:
    """The first seat to answer an incoming call gets it."""
    async with hub.lock:
        open_call = hub.calls.get(call_id) or await hub.owned(operator, call_id)
        call = open_call.call
        if call.direction != "in":
            raise invalid("call_id", f"call {call_id} is not an incoming call")
        if call.owner:
            raise invalid("call_id", f"call {call_id} was answered by {call.owner}")
        party = call.parties[0]
        leg_id = open_call.legs.get(party.id)
        if leg_id is None:
            raise invalid("call_id", f"call {call_id} has ended")
        try:
            await hub.ask(hub.adapter.answer(leg_id))
        except TelephonyError as exc:
            raise invalid("call_id", f"call {call_id} cannot be answered: {exc.reason}") from exc
        now = hub.clock()
        open_call.operator, open_call.seat_id = operator, seat_id
        joined = msgspec.structs.replace(party, state="connected", joined_at=now)
        call = msgspec.structs.replace(call, owner=operator.username, seat_id=seat_id)
        return await hub.commit(open_call, settled(with_party(call, joined), now))


async def hold(hub: CommsHub, operator: m.Operator, call_id: int, on: bool) -> cm.CommsCall:
    """Hold (or take back) every party that talks on the call."""
    async with hub.lock:
        open_call = await hub.owned(operator, call_id)
        call = open_call.call
        check_answered(call)
        if call.held == on:
            return call
        for party in talking(call):
            leg_id = open_call.legs.get(party.id)
            if leg_id is not None:
                await adapter_step(hub, hub.adapter.hold(leg_id, on))
            call = with_party(call, msgspec.structs.replace(party, state="held" if on else "connected"))
        call = msgspec.structs.replace(call, held=on)
        return await hub.commit(open_call, settled(call, hub.clock()))


async def mute(hub: CommsHub, operator: m.Operator, req: cm.MuteComms) -> cm.CommsCall:
    """The operator's own microphone (no party), or what one party sends into the conference."""
    async with hub.lock:
        open_call = await hub.owned(operator, req.call_id)
        call = open_call.call
        check_open(call)
        check_taken(call)
        if req.party_id is None:
            return await hub.commit(open_call, msgspec.structs.replace(call, muted=req.on))
        party = find_party(call, req.party_id)
        if party.state not in TALKING:
            raise invalid("party_id", f"party {party.id} of call {call.id} is not talking")
        leg_id = open_call.legs.get(party.id)
        if leg_id is not None:
            await adapter_step(hub, hub.adapter.mute_leg(leg_id, req.on))
        return await hub.commit(open_call, with_party(call, msgspec.structs.replace(party, muted=req.on)))


async def lock(hub: CommsHub, operator: m.Operator, call_id: int, on: bool) -> cm.CommsCall:
    """A locked conference takes no more parties."""
    async with hub.lock:
        open_call = await hub.owned(operator, call_id)
        check_open(open_call.call)
        check_taken(open_call.call)
        return await hub.commit(open_call, msgspec.structs.replace(open_call.call, locked=on))


async def hangup(hub: CommsHub, operator: m.Operator, call_id: int) -> cm.CommsCall:
    """Every leg hung up. An incoming call nobody answered is rejected."""
    async with hub.lock:
        open_call = await hub.owned(operator, call_id)
        unanswered = not open_call.call.owner
        return await hub.end_all(open_call, result="rejected" if unanswered else None)


async def attach(
    hub: CommsHub, operator: m.Operator, seat_id: str | None, req: cm.AttachCall
) -> cm.CommsCall:
    """Tie the call to a case (or untie it). A call that already ended goes into the case's record
    now; an open one when it ends."""
    async with hub.lock:
        if req.case_id is not None:
            await hub.store.read(check_case, req.case_id)
        open_call = hub.calls.get(req.call_id)
        if open_call is not None:
            check_owner(operator, open_call.call)
            check_taken(open_call.call)
            if open_call.call.case_id == req.case_id:
                return open_call.call
            return await hub.commit(open_call, msgspec.structs.replace(open_call.call, case_id=req.case_id))
        stored = await hub.stored(req.call_id)
        check_owner(operator, stored)
        if stored.case_id == req.case_id or is_open(stored):
            return stored
        call = msgspec.structs.replace(stored, case_id=req.case_id)
        entry = None
        if req.case_id is not None:
            entry = call_log.CaseEntry(req.case_id, operator, seat_id, call_note(call))
        await hub.store.run_write(call_log.save_call, call, [], entry, hub.clock())
        return call


async def list_calls(hub: CommsHub, operator: m.Operator, req: cm.ListCommsCalls) -> list[cm.CommsCall]:
    """Open: the operator's calls and the incoming calls nobody answered yet, oldest first (``limit``
    at most). The log: ended calls, newest first, of ``case_id`` when given."""
    if not 1 <= req.limit <= MAX_LIST:
        raise invalid("limit", f"limit is 1 to {MAX_LIST}, not {req.limit}")
    if req.log:
        return await hub.store.read(call_log.list_log, req.case_id, req.limit)
    async with hub.lock:
        calls = [c.call for c in hub.calls.values() if c.call.owner in (operator.username, "")]
    if req.case_id is not None:
        calls = [c for c in calls if c.case_id == req.case_id]
    return sorted(calls, key=lambda c: c.id)[: req.limit]


def check_taken(call: cm.CommsCall) -> None:
    """An incoming call nobody answered yet can only be answered or rejected."""
    if not call.owner:
        raise invalid("call_id", f"call {call.id} is not answered yet")


async def adapter_step(hub: CommsHub, action: Awaitable[None]) -> None:
    """An adapter request the operation needs: its refusal is the operator's error."""
    try:
        await hub.ask(action)
    except TelephonyError as exc:
        raise invalid("call_id", exc.reason) from exc
