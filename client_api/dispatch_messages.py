"""Messages of dispatch and joint handling: routing rules (智能分拨), progress reports, linked cases and
consultations (see docs/protocol-dispatch.md). Dispatch itself is the lifecycle's ``case.transition``."""

from __future__ import annotations

import msgspec

from client_api.lifecycle_records import Consultation
from client_api.messages import CaseRecord


class RoutingRule(msgspec.Struct, frozen=True, kw_only=True):
    """category × area → department. None matches anything; an area matches itself and every area
    below it. The most specific matching rule wins (category and area set, then the deeper area, then
    the higher priority)."""

    id: int | None = None  # None when saving a new rule
    category_code: str | None = None
    area_code: str | None = None
    department_code: str
    co_departments: list[str] = []
    priority: int = 0
    note: str | None = None


class ListRoutingRules(msgspec.Struct, kw_only=True):
    pass


class RoutingRules(msgspec.Struct, kw_only=True):
    rules: list[RoutingRule]


class SaveRoutingRule(msgspec.Struct, kw_only=True):
    """Add a rule (``id`` None) or replace one."""

    rule: RoutingRule


class RoutingRuleSaved(msgspec.Struct, kw_only=True):
    rule: RoutingRule


class DeleteRoutingRule(msgspec.Struct, kw_only=True):
    id: int


class RoutingRuleDeleted(msgspec.Struct, kw_only=True):
    id: int


class SuggestRouting(msgspec.Struct, kw_only=True):
    """Which unit should take this case, among those the asking seat may dispatch to."""

    case_id: int


class RoutingSuggestion(msgspec.Struct, kw_only=True):
    department_code: str | None  # None: no rule matched; the operator chooses
    co_departments: list[str]
    rule_id: int | None
    reason: str  # in words, for the operator
    candidates: list[str]  # every unit the asking seat may dispatch this case to


class ReportProgress(msgspec.Struct, kw_only=True):
    """A department reports progress on a case it handles, with a note and uploaded attachments."""

    case_id: int
    note: str
    attachment_ids: list[int] = []


class ProgressReported(msgspec.Struct, kw_only=True):
    case: CaseRecord


class LinkCases(msgspec.Struct, kw_only=True):
    """``kind`` same_incident, or parent (``case_id`` is the parent of ``other_case_id``)."""

    case_id: int
    other_case_id: int
    kind: str


class CasesLinked(msgspec.Struct, kw_only=True):
    case: CaseRecord
    other: CaseRecord


class UnlinkCases(msgspec.Struct, kw_only=True):
    case_id: int
    other_case_id: int


class CasesUnlinked(msgspec.Struct, kw_only=True):
    case: CaseRecord
    other: CaseRecord


class OpenConsultation(msgspec.Struct, kw_only=True):
    case_id: int
    topic: str
    departments: list[str]  # at least two units


class ConsultationOpened(msgspec.Struct, kw_only=True):
    consultation: Consultation


class ConcludeConsultation(msgspec.Struct, kw_only=True):
    consultation_id: int
    conclusion: str


class ConsultationConcluded(msgspec.Struct, kw_only=True):
    consultation: Consultation


REQUESTS: dict[str, tuple[type[msgspec.Struct], type[msgspec.Struct]]] = {
    "routing.list": (ListRoutingRules, RoutingRules),
    "routing.save": (SaveRoutingRule, RoutingRuleSaved),
    "routing.delete": (DeleteRoutingRule, RoutingRuleDeleted),
    "routing.suggest": (SuggestRouting, RoutingSuggestion),
    "case.progress": (ReportProgress, ProgressReported),
    "case.link": (LinkCases, CasesLinked),
    "case.unlink": (UnlinkCases, CasesUnlinked),
    "consultation.open": (OpenConsultation, ConsultationOpened),
    "consultation.conclude": (ConcludeConsultation, ConsultationConcluded),
}
EVENTS: dict[str, type[msgspec.Struct]] = {}  # changes to a case are announced as case.updated
