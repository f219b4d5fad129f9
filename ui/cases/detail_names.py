"""Words for the codes a case carries: units, supervision levels, urgency, satisfaction, … (translated)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from app.seat_service import SeatService


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaseDetail", text)


def unit_name(service: SeatService, code: str | None) -> str:
    """A department's (unit's) name from the reference data; the code itself when unknown."""
    if code is None:
        return ""
    ref = service.reference
    names = {d.code: d.name for d in ref.departments} if ref is not None else {}
    return names.get(code, code)


def unit_names(service: SeatService, codes: Iterable[str]) -> str:
    return "、".join(unit_name(service, code) for code in codes)


def supervision_label(level: str | None) -> str:
    labels = {
        "general": _tr("General supervision"),
        "key": _tr("Key supervision"),
        "listed": _tr("Listed supervision"),
        "escalated": _tr("Escalated supervision"),
    }
    return "" if level is None else labels.get(level, level)


def urgency_label(urgency: str) -> str:
    labels = {"normal": _tr("Normal"), "urgent": _tr("Urgent"), "critical": _tr("Critical")}
    return labels.get(urgency, urgency)


def satisfaction_label(satisfaction: str | None) -> str:
    labels = {
        "satisfied": _tr("Satisfied"),
        "basically_satisfied": _tr("Basically satisfied"),
        "unsatisfied": _tr("Unsatisfied"),
    }
    return "" if satisfaction is None else labels.get(satisfaction, satisfaction)


def extension_state_label(state: str | None) -> str:
    labels = {"pending": _tr("Pending"), "approved": _tr("Approved"), "refused": _tr("Refused")}
    return "" if state is None else labels.get(state, state)


def time_unit_label(unit: str) -> str:
    labels = {
        "hours": _tr("hours"),
        "working_hours": _tr("working hours"),
        "working_days": _tr("working days"),
    }
    return labels.get(unit, unit)


def link_kind_label(kind: str) -> str:
    labels = {"same_incident": _tr("Same incident"), "parent": _tr("Parent case"), "child": _tr("Child case")}
    return labels.get(kind, kind)


def status_name(status: str) -> str:
    """Every status of the lifecycle table, including the side states."""
    labels = {
        "received": _tr("Received"),
        "registered": _tr("Registered"),
        "dispatched": _tr("Dispatched"),
        "handling": _tr("Being handled"),
        "verifying": _tr("Awaiting verification"),
        "callback": _tr("Awaiting callback"),
        "closed": _tr("Closed"),
        "archived": _tr("Archived"),
        "suspended": _tr("Suspended"),
        "voided": _tr("Voided"),
    }
    return labels.get(status, status)
