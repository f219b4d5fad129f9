"""Messages of the case lifecycle (see docs/protocol-lifecycle.md and docs/lifecycle.md)."""

from __future__ import annotations

import msgspec

from client_api.messages import CaseRecord


class TransitionCase(msgspec.Struct, kw_only=True):
    """Take one action of the lifecycle table on a case; the fields an action needs are named there."""

    case_id: int
    action: str
    note: str | None = None
    department_code: str | None = None  # dispatch, subdispatch: the lead department (unit)
    co_departments: list[str] = []  # dispatch, subdispatch: co-handling units (协办)
    result: str | None = None  # complete: what was done
    satisfaction: str | None = None  # callback_done: satisfied | basically_satisfied


class CaseTransitioned(msgspec.Struct, kw_only=True):
    case: CaseRecord
    from_status: str
    actions: list[str]  # what this operator may do with the case now


class GetCaseActions(msgspec.Struct, kw_only=True):
    case_id: int


class CaseActions(msgspec.Struct, kw_only=True):
    status: str
    actions: list[str]


REQUESTS: dict[str, tuple[type[msgspec.Struct], type[msgspec.Struct]]] = {
    "case.transition": (TransitionCase, CaseTransitioned),
    "case.actions": (GetCaseActions, CaseActions),
}
EVENTS: dict[str, type[msgspec.Struct]] = {}  # a transition is announced as case.updated
