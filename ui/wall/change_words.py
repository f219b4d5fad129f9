"""Who changed the wall and why, in the supervisor's words (the record keeps codes: ``system:wall``,
``alarm:12``, ``preset:日常值守``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

SYSTEM = "system:wall"  # the backend's name for changes made by rules, alarms and schedules


def who_text(by: str) -> str:
    if by == SYSTEM or not by:
        return QCoreApplication.translate("WallChangeWords", "the wall's rules")
    return by


def cause_text(cause: str) -> str:
    kind, _, name = cause.partition(":")
    if kind == "alarm":
        return QCoreApplication.translate("WallChangeWords", "alarm, alert {id}").format(id=name)
    if kind == "case":
        return QCoreApplication.translate("WallChangeWords", "alarm, case {id}").format(id=name)
    if kind == "preset":
        return QCoreApplication.translate("WallChangeWords", "preset “{name}”").format(name=name)
    if kind == "rule":
        return QCoreApplication.translate("WallChangeWords", "rule “{name}”").format(name=name)
    if kind == "schedule":
        return QCoreApplication.translate("WallChangeWords", "schedule “{name}”").format(name=name)
    return QCoreApplication.translate("WallChangeWords", "by hand")
