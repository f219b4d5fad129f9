"""Conferences: more parties on an answered call (bridged by the adapter once they answer) and
dropping one; the call goes on while one party is left. A locked conference takes no more parties."""

from __future__ import annotations

from backend.comms.call_control import check_taken
from backend.comms.call_state import (
    GONE,
    MAX_PARTIES,
    TALKING,
    check_answered,
    check_open,
    find_party,
    invalid,
    live,
    next_party_id,
    party_gone,
    settled,
    with_party,
)
from backend.comms.directory import number_key
from backend.comms.hub import CommsHub
from backend.comms.telephony import TelephonyError
from client_api import comms_messages as cm
from client_api import messages as m


async def add_party(hub: CommsHub, operator: m.Operator, req: cm.AddParty) -> cm.CommsCall:
    """Dial ``target`` into the call. A number the adapter refuses at once is a party that failed;
    the call goes on."""
    async with hub.lock:
        open_call = await hub.owned(operator, req.call_id)
        call = open_call.call
        check_answered(call)
        if call.locked:
            raise invalid("call_id", f"the conference on call {call.id} is locked: unlock it to add a party")
        if call.held:
            raise invalid("call_id", f"call {call.id} is on hold: take it back before adding a party")
        number, name, entry_id = hub.resolve(req.target)
        for party in live(call):
            if (entry_id is not None and party.entry_id == entry_id) or number_key(
                party.number
            ) == number_key(number):
                raise invalid("target", f"{name or number} is already on call {call.id}")
        if len(live(call)) >= MAX_PARTIES:
            raise invalid("call_id", f"call {call.id} has {MAX_PARTIES} parties, the most a conference takes")
        now = hub.clock()
        party = cm.CallParty(id=next_party_id(call), number=number, name=name, entry_id=entry_id)
        try:
            leg_id = await hub.ask(hub.adapter.dial(number))
        except TelephonyError as exc:
            failed = party_gone(party, "failed", exc.result, now)
            return await hub.commit(open_call, with_party(call, failed))
        hub.map_leg(open_call, party.id, leg_id)
        return await hub.commit(open_call, settled(with_party(call, party), now))


async def drop_party(hub: CommsHub, operator: m.Operator, req: cm.DropParty) -> cm.CommsCall:
    """Hang up one party; dropping the last one ends the call."""
    async with hub.lock:
        open_call = await hub.owned(operator, req.call_id)
        call = open_call.call
        check_open(call)
        check_taken(call)
        party = find_party(call, req.party_id)
        if party.state in GONE:
            raise invalid("party_id", f"party {party.id} has already left call {call.id}")
        leg_id = hub.unmap_leg(open_call, party.id)
        if leg_id is not None:
            await hub.quietly(hub.adapter.hangup(leg_id))
        now = hub.clock()
        result = "completed" if party.state in TALKING else "cancelled"
        call = settled(with_party(call, party_gone(party, "left", result, now)), now)
        await hub.bridge(open_call, call)
        return await hub.commit(open_call, call)
