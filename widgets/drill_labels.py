"""Words of drill mode shown on the seat: rubric areas, log entry kinds, inject kinds, drill states, and the
scenario clock (mm:ss). Kept in tables, so every label is marked for lupdate."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from widgets.timeline_table_model import action_label

_AREAS = {
    "call_control": QT_TRANSLATE_NOOP("DrillLabel", "Call control"),
    "information": QT_TRANSLATE_NOOP("DrillLabel", "Information taken"),
    "classification": QT_TRANSLATE_NOOP("DrillLabel", "Classification"),
    "location": QT_TRANSLATE_NOOP("DrillLabel", "Location"),
    "dispatch": QT_TRANSLATE_NOOP("DrillLabel", "Dispatch"),
    "duplicates": QT_TRANSLATE_NOOP("DrillLabel", "Duplicate handling"),
    "alerts": QT_TRANSLATE_NOOP("DrillLabel", "Alert handling"),
    "timing": QT_TRANSLATE_NOOP("DrillLabel", "Time to dispatch"),
}

_KINDS = {
    "inject.call": QT_TRANSLATE_NOOP("DrillLabel", "Call rings"),
    "inject.report": QT_TRANSLATE_NOOP("DrillLabel", "Channel report"),
    "inject.readings": QT_TRANSLATE_NOOP("DrillLabel", "Sensor readings"),
    "inject.cap": QT_TRANSLATE_NOOP("DrillLabel", "CAP alert"),
    "inject.department_response": QT_TRANSLATE_NOOP("DrillLabel", "Department response"),
    "inject.radio": QT_TRANSLATE_NOOP("DrillLabel", "Radio"),
    "inject.message": QT_TRANSLATE_NOOP("DrillLabel", "Message"),
    "inject.skipped": QT_TRANSLATE_NOOP("DrillLabel", "Inject skipped"),
    "call.answered": QT_TRANSLATE_NOOP("DrillLabel", "Call answered"),
    "call.ended": QT_TRANSLATE_NOOP("DrillLabel", "Call ended"),
    "call.abandoned": QT_TRANSLATE_NOOP("DrillLabel", "Caller hung up"),
    "case.created": QT_TRANSLATE_NOOP("DrillLabel", "Case created"),
    "case.dispatched": QT_TRANSLATE_NOOP("DrillLabel", "Case dispatched"),
    "case.merged": QT_TRANSLATE_NOOP("DrillLabel", "Duplicate merged"),
    "alert.acked": QT_TRANSLATE_NOOP("DrillLabel", "Alert acknowledged"),
    "alert.linked": QT_TRANSLATE_NOOP("DrillLabel", "Alert linked to a case"),
    "intake.taken": QT_TRANSLATE_NOOP("DrillLabel", "Report taken"),
    "drill.started": QT_TRANSLATE_NOOP("DrillLabel", "Drill started"),
    "drill.paused": QT_TRANSLATE_NOOP("DrillLabel", "Drill paused"),
    "drill.resumed": QT_TRANSLATE_NOOP("DrillLabel", "Drill resumed"),
    "drill.speed": QT_TRANSLATE_NOOP("DrillLabel", "Speed changed"),
    "drill.ended": QT_TRANSLATE_NOOP("DrillLabel", "Drill ended"),
}

_STATES = {
    "running": QT_TRANSLATE_NOOP("DrillLabel", "Running"),
    "paused": QT_TRANSLATE_NOOP("DrillLabel", "Paused"),
    "ended": QT_TRANSLATE_NOOP("DrillLabel", "Ended"),
}

# The scenario's level and theme (backend/drill/scenario_model.py LEVELS and THEMES).
_LEVELS = {
    "district": QT_TRANSLATE_NOOP("DrillLabel", "District"),
    "town": QT_TRANSLATE_NOOP("DrillLabel", "Town"),
    "village": QT_TRANSLATE_NOOP("DrillLabel", "Village"),
    "grid": QT_TRANSLATE_NOOP("DrillLabel", "Grid"),
}
_THEMES = {
    "public_safety": QT_TRANSLATE_NOOP("DrillLabel", "Public safety"),
    "city_management": QT_TRANSLATE_NOOP("DrillLabel", "City management"),
    "epidemic": QT_TRANSLATE_NOOP("DrillLabel", "Epidemic control"),
    "river": QT_TRANSLATE_NOOP("DrillLabel", "Yangtze river protection"),
    "hazmat": QT_TRANSLATE_NOOP("DrillLabel", "Hazardous chemicals"),
    "group_rental": QT_TRANSLATE_NOOP("DrillLabel", "Group rentals"),
}

# Inject kinds a trainer can fire by hand (the Inject dialog), in its order.
_INJECT_KINDS = {
    "call": QT_TRANSLATE_NOOP("DrillLabel", "Call"),
    "cap": QT_TRANSLATE_NOOP("DrillLabel", "CAP alert"),
    "radio": QT_TRANSLATE_NOOP("DrillLabel", "Radio"),
    "report": QT_TRANSLATE_NOOP("DrillLabel", "Channel report"),
}

AREAS = tuple(_AREAS)
INJECT_KINDS = tuple(_INJECT_KINDS)


def _label(table: dict[str, object], key: str) -> str:
    source = table.get(key)
    return key if source is None else QCoreApplication.translate("DrillLabel", str(source))


def area_label(area: str) -> str:
    return _label(_AREAS, area)


def kind_label(kind: str) -> str:
    """What a log entry is: a case's other steps (case.accept, …) in the case timeline's words; a kind
    this seat does not know shows as the backend sent it."""
    if kind not in _KINDS and kind.startswith("case."):
        return action_label(kind.removeprefix("case."))
    return _label(_KINDS, kind)


def state_label(state: str) -> str:
    return _label(_STATES, state)


def level_label(level: str) -> str:
    return _label(_LEVELS, level)


def theme_label(theme: str) -> str:
    return _label(_THEMES, theme)


def inject_kind_label(kind: str) -> str:
    return _label(_INJECT_KINDS, kind)


def clock(seconds: float) -> str:
    """Scenario time as m:ss (h:mm:ss past an hour)."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def points(value: float) -> str:
    """Points as a trainer reads them: at most one decimal (3.33 → 3.3, 4.0 → 4)."""
    return f"{round(value, 1):g}"


def speed_label(speed: float) -> str:
    return f"×{speed:g}"
