"""A comms call's state follows its parties: these pure functions give the next ``CommsCall`` after a
party changed, and the checks every operation makes on a call first; ``OpenCall`` is how the hub holds
an open call with its adapter legs."""

from __future__ import annotations

import dataclasses

import msgspec

from backend.comms.telephony import LegEvent
from backend.permissions import SUPERVISION
from client_api import comms_messages as cm
from client_api import messages as m
from client_api.errors import ErrorCode, ProtocolError

GONE = ("left", "failed")  # a party that is no longer on the call
TALKING = ("connected", "held")
MAX_PARTIES = 8  # live parties of one conference


def invalid(field: str, message: str) -> ProtocolError:
    return ProtocolError(ErrorCode.INVALID_FIELD, message, {"field": field})


def live(call: cm.CommsCall) -> list[cm.CallParty]:
    return [p for p in call.parties if p.state not in GONE]


def talking(call: cm.CommsCall) -> list[cm.CallParty]:
    return [p for p in call.parties if p.state in TALKING]


def find_party(call: cm.CommsCall, party_id: int) -> cm.CallParty:
    for party in call.parties:
        if party.id == party_id:
            return party
    raise ProtocolError(ErrorCode.NOT_FOUND, f"call {call.id} has no party {party_id}", {"field": "party_id"})


def with_party(call: cm.CommsCall, party: cm.CallParty) -> cm.CommsCall:
    """``call`` with ``party`` replaced (same id) or added."""
    parties = [party if p.id == party.id else p for p in call.parties]
    if all(p.id != party.id for p in call.parties):
        parties.append(party)
    return msgspec.structs.replace(call, parties=tuple(parties))


def next_party_id(call: cm.CommsCall) -> int:
    return max((p.id for p in call.parties), default=0) + 1


def party_gone(party: cm.CallParty, state: str, result: str, now: float) -> cm.CallParty:
    return msgspec.structs.replace(party, state=state, result=result, left_at=now)


def settled(call: cm.CommsCall, now: float, reason: str | None = None) -> cm.CommsCall:
    """The call's state from its parties: active (or held) while someone talks, ringing or dialing
    before, ended once nobody is left (completed if it was answered, else how its parties failed)."""
    parties = live(call)
    if not parties:
        answered = call.answered_at is not None
        failed = [p.result for p in call.parties if p.state == "failed" and p.result]
        result = call.result or ("completed" if answered else (failed[-1] if failed else "cancelled"))
        return msgspec.structs.replace(
            call,
            state="ended" if answered else "failed",
            result=result,
            ended_at=now,
            reason=call.reason or reason,
            held=False,
        )
    if any(p.state in TALKING for p in parties):
        answered_at = call.answered_at if call.answered_at is not None else now
        state = "held" if call.held else "active"
        return msgspec.structs.replace(call, state=state, answered_at=answered_at)
    state = "ringing" if any(p.state == "ringing" for p in parties) else "dialing"
    return msgspec.structs.replace(call, state=state)


def party_after(call: cm.CommsCall, party: cm.CallParty, event: LegEvent, now: float) -> cm.CallParty | None:
    """The party after its leg reported ``event``; None when that changes nothing (a late report, or
    hold, which the hub itself keeps). An incoming call connects only when an operator answers it."""
    if event.state == "ringing":
        return msgspec.structs.replace(party, state="ringing") if party.state == "dialing" else None
    if event.state == "connected":
        if party.state not in ("dialing", "ringing") or (call.direction == "in" and not call.owner):
            return None
        return msgspec.structs.replace(party, state="connected", joined_at=now)
    if event.state in ("ended", "failed") and party.state not in GONE:
        joined = party.joined_at is not None
        result = event.result or ("completed" if joined else "rejected")
        return party_gone(party, "left" if joined else "failed", result, now)
    return None


def is_open(call: cm.CommsCall) -> bool:
    return call.state in cm.OPEN_COMMS_CALL_STATES


def check_open(call: cm.CommsCall, field: str = "call_id") -> None:
    if not is_open(call):
        raise invalid(field, f"call {call.id} has ended")


def check_answered(call: cm.CommsCall, field: str = "call_id") -> None:
    """Open, and someone is talking on it (not still ringing)."""
    check_open(call, field)
    if not talking(call):
        raise invalid(field, f"call {call.id} is not answered yet")


def single_party(call: cm.CommsCall, field: str = "call_id") -> cm.CallParty:
    """The one far party of an answered call that is not a conference (what a transfer hands on)."""
    check_answered(call, field)
    parties = live(call)
    if len(parties) != 1:
        raise invalid(
            field, f"call {call.id} is a conference of {len(parties)}: drop parties before a transfer"
        )
    return parties[0]


def label(party: cm.CallParty) -> str:
    """How records name a party: 张伟(13800000001), or the number alone."""
    return f"{party.name}({party.number})" if party.name else party.number


@dataclasses.dataclass
class OpenCall:
    """Attributes: the call as last written; the owner (None: an incoming call nobody answered yet)
    and their seat; the adapter's leg of each party still on the call."""

    call: cm.CommsCall
    operator: m.Operator | None
    seat_id: str | None
    legs: dict[int, str] = dataclasses.field(default_factory=dict)


def check_owner(operator: m.Operator, call: cm.CommsCall, field: str = "call_id") -> None:
    """The owner or a supervisor may act on a call; an incoming call nobody answered yet is anyone's."""
    if call.owner and call.owner != operator.username and operator.role not in SUPERVISION:
        raise ProtocolError(
            ErrorCode.FORBIDDEN,
            f"call {call.id} is {call.owner}'s; only they or a supervisor may act on it",
            {"field": field},
        )
