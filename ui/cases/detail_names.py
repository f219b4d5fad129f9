"""Words for the codes a case carries: units, supervision levels, urgency, satisfaction, … (translated)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from app.seat_service import SeatService

# The table's words are the pane's words too: re-exported, one source for each.
from widgets.case_table_model import status_label as status_name  # noqa: F401
from widgets.case_table_model import supervision_label as supervision_label
from widgets.case_table_model import urgency_label as urgency_label
from widgets.inbox_table_model import channel_label as channel_label


def unit_name(service: SeatService, code: str | None) -> str:
    """A department's (unit's) name from the reference data; the code itself when unknown."""
    if code is None:
        return ""
    ref = service.reference
    names = {d.code: d.name for d in ref.departments} if ref is not None else {}
    return names.get(code, code)


def unit_names(service: SeatService, codes: Iterable[str]) -> str:
    return "、".join(unit_name(service, code) for code in codes)


def satisfaction_label(satisfaction: str | None) -> str:
    labels = {
        "satisfied": QCoreApplication.translate("CaseDetail", "Satisfied"),
        "basically_satisfied": QCoreApplication.translate("CaseDetail", "Basically satisfied"),
        "unsatisfied": QCoreApplication.translate("CaseDetail", "Unsatisfied"),
    }
    return "" if satisfaction is None else labels.get(satisfaction, satisfaction)


def extension_state_label(state: str | None) -> str:
    labels = {
        "pending": QCoreApplication.translate("CaseDetail", "Pending"),
        "approved": QCoreApplication.translate("CaseDetail", "Approved"),
        "refused": QCoreApplication.translate("CaseDetail", "Refused"),
    }
    return "" if state is None else labels.get(state, state)


def time_unit_label(unit: str) -> str:
    labels = {
        "hours": QCoreApplication.translate("CaseDetail", "hours"),
        "working_hours": QCoreApplication.translate("CaseDetail", "working hours"),
        "working_days": QCoreApplication.translate("CaseDetail", "working days"),
    }
    return labels.get(unit, unit)


def link_kind_label(kind: str) -> str:
    labels = {
        "same_incident": QCoreApplication.translate("CaseDetail", "Same incident"),
        "parent": QCoreApplication.translate("CaseDetail", "Parent case"),
        "child": QCoreApplication.translate("CaseDetail", "Child case"),
    }
    return labels.get(kind, kind)
