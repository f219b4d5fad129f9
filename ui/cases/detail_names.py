"""Words for the codes a case carries: units, supervision levels, urgency, satisfaction, … (translated)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from app.seat_service import SeatService


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
        "general": QCoreApplication.translate("CaseDetail", "General supervision"),
        "key": QCoreApplication.translate("CaseDetail", "Key supervision"),
        "listed": QCoreApplication.translate("CaseDetail", "Listed supervision"),
        "escalated": QCoreApplication.translate("CaseDetail", "Escalated supervision"),
    }
    return "" if level is None else labels.get(level, level)


def channel_label(channel: str) -> str:
    labels = {
        "hotline": QCoreApplication.translate("CaseDetail", "Hotline"),
        "inspector": QCoreApplication.translate("CaseDetail", "Inspector"),
        "grid": QCoreApplication.translate("CaseDetail", "Grid member"),
        "app": QCoreApplication.translate("CaseDetail", "App"),
        "web": QCoreApplication.translate("CaseDetail", "Web"),
        "enterprise": QCoreApplication.translate("CaseDetail", "Enterprise desk"),
        "iot": QCoreApplication.translate("CaseDetail", "Sensor"),
    }
    return labels.get(channel, channel)


def urgency_label(urgency: str) -> str:
    labels = {
        "normal": QCoreApplication.translate("CaseDetail", "Normal"),
        "urgent": QCoreApplication.translate("CaseDetail", "Urgent"),
        "critical": QCoreApplication.translate("CaseDetail", "Critical"),
    }
    return labels.get(urgency, urgency)


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


def status_name(status: str) -> str:
    """Every status of the lifecycle table, including the side states."""
    labels = {
        "received": QCoreApplication.translate("CaseDetail", "Received"),
        "registered": QCoreApplication.translate("CaseDetail", "Registered"),
        "dispatched": QCoreApplication.translate("CaseDetail", "Dispatched"),
        "handling": QCoreApplication.translate("CaseDetail", "Being handled"),
        "verifying": QCoreApplication.translate("CaseDetail", "Awaiting verification"),
        "callback": QCoreApplication.translate("CaseDetail", "Awaiting callback"),
        "closed": QCoreApplication.translate("CaseDetail", "Closed"),
        "archived": QCoreApplication.translate("CaseDetail", "Archived"),
        "suspended": QCoreApplication.translate("CaseDetail", "Suspended"),
        "voided": QCoreApplication.translate("CaseDetail", "Voided"),
    }
    return labels.get(status, status)
