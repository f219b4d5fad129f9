"""Messages of the calls capability (see docs/protocol-calls.md). Merged into client_api.registry.

Hotline calls, the operators' presence states that the call distribution (ACD) works from, the
screen-pop of a caller's earlier cases, and the hotline KPIs.
"""

from __future__ import annotations

import msgspec

from client_api.messages import CaseRecord

# Call states. A call waiting in the queue is ``ringing`` with no ``offered_to``; once offered it rings
# at that seat. ``transferred`` (to an outside number), ``ended`` and ``abandoned`` are final.
CALL_STATES = ("ringing", "answered", "held", "transferred", "ended", "abandoned")
OPEN_CALL_STATES = ("ringing", "answered", "held")

# Operator states. busy carries the reason "ringing" or "on call"; away carries the operator's reason.
OPERATOR_STATES = ("ready", "busy", "wrap_up", "away", "offline")
SETTABLE_STATES = ("ready", "away")  # the others are set by the call center


# --- records ----------------------------------------------------------------------------------------


class Call(msgspec.Struct, frozen=True):
    """A hotline call. ``answered_at`` is the first answer (the answer-time KPIs count from it);
    ``answered_by`` and ``seat_id`` are who has it now."""

    id: int
    caller_number: str
    state: str
    queued_at: float
    offered_to: str | None = None  # the seat it rings at
    answered_at: float | None = None
    answered_by: str | None = None
    seat_id: str | None = None
    ended_at: float | None = None
    end_reason: str | None = None  # agent_hangup | caller_hangup | transferred
    transferred_to: str | None = None  # a seat id or an outside number
    opening: str | None = None  # what a simulated caller says first
    simulated: bool = False
    case_id: int | None = None


class OperatorState(msgspec.Struct, frozen=True):
    """Where an operator stands for the call distribution; ``since`` is when the state began."""

    username: str
    state: str
    since: float
    seat_id: str | None = None
    reason: str | None = None
    display_name: str | None = None


class HotlineKpis(msgspec.Struct, frozen=True):
    """The hotline's service figures: now, and for today (local midnight on) on the backend's clock.
    A rate is None while it has nothing to divide by."""

    waiting: int  # calls not answered yet (in the queue or ringing at a seat)
    longest_wait_s: float
    oldest_queued_at: float | None  # lets a wallboard tick the longest wait between updates
    answered_today: int
    answered_15s_today: int
    answer_rate_15s: float | None  # answered within 15 s of queueing / answered
    abandoned_today: int
    connection_rate: float | None  # answered / (answered + abandoned)
    computed_at: float


# --- requests and their responses -------------------------------------------------------------------


class SetOperatorState(msgspec.Struct):
    state: str  # ready | away
    reason: str | None = None  # required for away


class OperatorStateOk(msgspec.Struct):
    operator: OperatorState


class AnswerCall(msgspec.Struct):
    call_id: int


class HoldCall(msgspec.Struct):
    call_id: int
    on: bool = True


class TransferCall(msgspec.Struct):
    """Exactly one target: another seat (the call rings there) or an outside number."""

    call_id: int
    to_seat: str | None = None
    to_number: str | None = None


class HangupCall(msgspec.Struct):
    call_id: int


class CallOk(msgspec.Struct):
    call: Call


class ListCalls(msgspec.Struct):
    """The calls not ended and every operator's state, for a seat that (re)connects."""


class CallList(msgspec.Struct):
    calls: list[Call]
    operators: list[OperatorState]
    last_seq: int


class GetCallerHistory(msgspec.Struct):
    phone: str


class CallerHistory(msgspec.Struct):
    """The caller's cases of the last 12 months and all their open ones, newest first, at most 50."""

    phone: str
    cases: list[CaseRecord]
    open_count: int


class GetHotlineKpis(msgspec.Struct):
    pass


class PlaceSimCall(msgspec.Struct):
    """Place a simulated call; empty fields are filled from the demo callers."""

    caller_number: str = ""
    opening: str = ""


class SimCallerHangup(msgspec.Struct):
    """The simulated caller hangs up (abandons while waiting)."""

    call_id: int


REQUESTS: dict[str, tuple[type[msgspec.Struct], type[msgspec.Struct]]] = {
    "operator.set_state": (SetOperatorState, OperatorStateOk),
    "call.answer": (AnswerCall, CallOk),
    "call.hold": (HoldCall, CallOk),
    "call.transfer": (TransferCall, CallOk),
    "call.hangup": (HangupCall, CallOk),
    "call.list": (ListCalls, CallList),
    "caller.history": (GetCallerHistory, CallerHistory),
    "kpi.hotline": (GetHotlineKpis, HotlineKpis),
    "sim.place_call": (PlaceSimCall, CallOk),
    "sim.caller_hangup": (SimCallerHangup, CallOk),
}

# --- server-pushed events ---------------------------------------------------------------------------


class CallUpdated(msgspec.Struct):
    call: Call


EVENTS: dict[str, type[msgspec.Struct]] = {
    "call.updated": CallUpdated,
    "operator.state": OperatorState,
    "kpi.hotline": HotlineKpis,
}
