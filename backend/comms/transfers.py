"""Transfers. Blind: the adapter hands the far party to the target and the call ends as transferred.
Attended: the call is held while a consultation call (``consult_for``) reaches the target; completing
it hangs up the consultation and hands the held party to the consulted number, and both calls end as
transferred. (The simulated adapter only keeps the books; SIP sends a REFER.)"""

from __future__ import annotations

import msgspec

from backend.comms.call_control import adapter_step, check_room, dial_locked, hold
from backend.comms.call_state import (
    OpenCall,
    check_open,
    invalid,
    label,
    party_gone,
    settled,
    single_party,
    with_party,
)
from backend.comms.hub import CommsHub
from backend.comms.telephony import TelephonyError
from client_api import comms_messages as cm
from client_api import messages as m


async def transfer(
    hub: CommsHub, operator: m.Operator, seat_id: str | None, req: cm.TransferComms
) -> cm.CommsCall:
    """Blind: the ended call. Attended: the consultation call (the first one is held meanwhile)."""
    if req.attended:
        return await consult(hub, operator, seat_id, req)
    async with hub.lock:
        open_call = await hub.owned(operator, req.call_id)
        party = single_party(open_call.call)
        number, name, _entry_id = hub.resolve(req.target)
        leg_id = open_call.legs.get(party.id)
        if leg_id is not None:
            try:
                await hub.ask(hub.adapter.transfer(leg_id, number))
            except TelephonyError as exc:
                raise invalid(
                    "target", f"the transfer to {name or number} was refused: {exc.reason}"
                ) from exc
        target = f"{name}({number})" if name else number
        return await handed_on(hub, open_call, party, f"transferred to {target}")


async def consult(
    hub: CommsHub, operator: m.Operator, seat_id: str | None, req: cm.TransferComms
) -> cm.CommsCall:
    async with hub.lock:
        open_call = await hub.owned(operator, req.call_id)
        single_party(open_call.call)
        hub.resolve(req.target)  # refused before anything changes
        check_room(hub, operator)
    await hold(hub, operator, req.call_id, True)
    async with hub.lock:
        first = await hub.owned(operator, req.call_id)  # the far party may have hung up meanwhile
        return await dial_locked(
            hub, operator, seat_id, req.target, first.call.case_id, consult_for=first.call.id
        )


async def complete(hub: CommsHub, operator: m.Operator, req: cm.CompleteTransfer) -> cm.CommsCall:
    """Join the held call's party with the consulted party; the operator leaves both calls."""
    async with hub.lock:
        first = await hub.owned(operator, req.call_id)
        party = single_party(first.call)
        second = await hub.owned(operator, req.consult_call_id, "consult_call_id")
        if second.call.consult_for != first.call.id:
            raise invalid(
                "consult_call_id", f"call {second.call.id} is not a consultation for call {first.call.id}"
            )
        check_open(second.call, "consult_call_id")
        consulted = single_party(second.call, "consult_call_id")
        consult_leg = hub.unmap_leg(second, consulted.id)
        if consult_leg is not None:
            await hub.quietly(hub.adapter.hangup(consult_leg))
        await handed_on(
            hub, second, consulted, f"{label(consulted)} took over call {first.call.id} from {label(party)}"
        )
        leg_id = first.legs.get(party.id)
        if leg_id is not None:
            await adapter_step(hub, hub.adapter.transfer(leg_id, consulted.number))
        return await handed_on(
            hub, first, party, f"transferred to {label(consulted)} after consultation (call {second.call.id})"
        )


async def handed_on(hub: CommsHub, open_call: OpenCall, party: cm.CallParty, reason: str) -> cm.CommsCall:
    """The call ends as transferred: its party left with that result."""
    now = hub.clock()
    hub.unmap_leg(open_call, party.id)
    call = with_party(open_call.call, party_gone(party, "left", "transferred", now))
    call = msgspec.structs.replace(call, result="transferred", reason=reason)
    return await hub.commit(open_call, settled(call, now))
