"""Records that travel with a case's detail: linked cases, consultations, extensions and callbacks."""

from __future__ import annotations

import msgspec


class LinkedCase(msgspec.Struct, frozen=True, kw_only=True):
    """Another case linked to this one (协调联动)."""

    case_id: int
    case_no: str
    kind: str  # same_incident | parent (the other case is this one's parent) | child
    status: str
    category_code: str
    created_by: str
    created_at: float


class Consultation(msgspec.Struct, frozen=True, kw_only=True):
    """A consultation (会商) on a case with several departments; its conclusion is on record."""

    id: int
    case_id: int
    topic: str
    departments: list[str]
    opened_by: str
    opened_at: float
    state: str  # open | concluded
    conclusion: str | None = None
    concluded_by: str | None = None
    concluded_at: float | None = None


class Extension(msgspec.Struct, frozen=True, kw_only=True):
    """A department's request for more time (延期) and the supervisor's decision."""

    id: int
    case_id: int
    requested_by: str
    requested_at: float
    amount: int
    unit: str  # hours | working_hours | working_days
    reason: str
    state: str  # pending | approved | refused
    decided_by: str | None = None
    decided_at: float | None = None
    decision_note: str | None = None
    old_deadline_at: float | None = None
    new_deadline_at: float | None = None  # set when approved


class Callback(msgspec.Struct, frozen=True, kw_only=True):
    """One callback (回访) to the reporter."""

    ts: float
    by: str
    satisfaction: str  # satisfied | basically_satisfied | unsatisfied
    note: str | None = None
