"""Messages of time limits and supervision: extensions (延期), supervision (督办) and urge notices,
overdue events and the department KPIs (see docs/protocol-sla.md)."""

from __future__ import annotations

import msgspec

from client_api.lifecycle_records import Extension
from client_api.messages import CaseRecord


class RequestExtension(msgspec.Struct, kw_only=True):
    """The department handling a case asks for more time to complete it."""

    case_id: int
    amount: int
    unit: str  # hours | working_hours | working_days
    reason: str


class ExtensionRequested(msgspec.Struct, kw_only=True):
    extension: Extension
    case: CaseRecord


class DecideExtension(msgspec.Struct, kw_only=True):
    """A supervisor approves (the completion deadline moves) or refuses a pending extension."""

    extension_id: int
    approve: bool
    note: str | None = None


class ExtensionDecided(msgspec.Struct, kw_only=True):
    extension: Extension
    case: CaseRecord


class SuperviseCase(msgspec.Struct, kw_only=True):
    """Put a case under supervision (督办) at a level, or change the level."""

    case_id: int
    level: str  # general | key | listed (一般/重点/挂牌)
    note: str


class CaseSupervised(msgspec.Struct, kw_only=True):
    case: CaseRecord


class UrgeCase(msgspec.Struct, kw_only=True):
    """Send an urge notice (催办) to the departments handling a supervised case."""

    case_id: int
    note: str


class CaseUrged(msgspec.Struct, kw_only=True):
    case: CaseRecord


class GetDepartmentKpis(msgspec.Struct, kw_only=True):
    """KPIs per department over cases received since ``since`` (Unix time; None: all)."""

    since: float | None = None


class DepartmentKpi(msgspec.Struct, frozen=True, kw_only=True):
    """Rates are fractions 0…1, None when there is nothing to divide by."""

    department_code: str  # "" for the total
    dispatched: int  # cases dispatched to it (as lead)
    completed: int  # cases it completed
    on_time: int  # completed no later than the completion deadline
    on_time_rate: float | None  # 按时办结率
    returned: int
    return_rate: float | None  # 回退率: returns / dispatched
    reopened: int
    reopen_rate: float | None  # 重办率: reopened cases / completed
    callbacks: int
    satisfied: int  # 满意 + 基本满意
    satisfaction_rate: float | None  # 满意率
    open: int  # dispatched, being handled or suspended
    overdue: int  # open and past the completion deadline


class DepartmentKpis(msgspec.Struct, kw_only=True):
    rows: list[DepartmentKpi]
    total: DepartmentKpi
    computed_at: float


class CaseOverdueEvent(msgspec.Struct, kw_only=True):
    """A case's stage or completion deadline passed; seats raise an alert (see the alerts issue)."""

    case_id: int
    case_no: str
    kind: str  # stage | completion
    status: str
    deadline_at: float
    lead_department: str | None


class CaseUrgedEvent(msgspec.Struct, kw_only=True):
    """An urge notice went to the departments of a supervised case."""

    case_id: int
    case_no: str
    departments: list[str]
    level: str | None
    note: str
    by: str


class ExtensionRequestedEvent(msgspec.Struct, kw_only=True):
    """A department asked for more time; supervisors decide."""

    extension: Extension
    case_no: str


REQUESTS: dict[str, tuple[type[msgspec.Struct], type[msgspec.Struct]]] = {
    "extension.request": (RequestExtension, ExtensionRequested),
    "extension.decide": (DecideExtension, ExtensionDecided),
    "case.supervise": (SuperviseCase, CaseSupervised),
    "case.urge": (UrgeCase, CaseUrged),
    "kpi.departments": (GetDepartmentKpis, DepartmentKpis),
}
EVENTS: dict[str, type[msgspec.Struct]] = {
    "case.overdue": CaseOverdueEvent,
    "case.urged": CaseUrgedEvent,
    "extension.requested": ExtensionRequestedEvent,
}
