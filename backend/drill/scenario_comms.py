"""Reading the injects of the people outside the center: department responses, radio traffic and
messages to field people."""

from __future__ import annotations

from backend.drill.scenario_model import DepartmentResponse, MessageInject, RadioInject
from backend.drill.scenario_nodes import Fields, suggestion
from backend.drill.scenario_reference import GROUP_ID, UNIT_ID, Reference

OUTCOMES = ("accept", "return", "complete")
MEDIA = ("sms", "im")
MAX_TALK_S = 60.0


def read_department_response(f: Fields, ref: Reference) -> DepartmentResponse:
    case = f.ref("case", required=True) or ""
    department = f.text("department", required=True)
    if department and department not in ref.departments:
        near = suggestion(department, ref.departments)
        f.problem("department", f"department {department!r} is not a unit of the district{near}")
    after = f.duration("after", required=True)
    outcome = f.choice("outcome", OUTCOMES, required=True) or ""
    note = f.text("note", limit=500)
    if outcome in ("return", "complete") and not note:
        what = "the department's reason" if outcome == "return" else "what the department did"
        f.problem("outcome", f"outcome {outcome!r} needs a note: {what}")
    return DepartmentResponse(case, department, after or 0.0, outcome, note)


def read_radio(f: Fields, ref: Reference) -> RadioInject:
    unit = f.text("unit_id", required=True)
    group = f.text("group_id")
    if unit:
        if not UNIT_ID.fullmatch(unit):
            f.problem("unit_id", f"unit_id must look like unit-01, not {unit!r}")
        elif ref.units is not None and unit not in ref.units:
            f.problem(
                "unit_id", f"unit {unit!r} is not a field unit of the directory{suggestion(unit, ref.units)}"
            )
    if group:
        if not GROUP_ID.fullmatch(group):
            f.problem("group_id", f"group_id must look like tg-district, not {group!r}")
        elif ref.groups is not None and group not in ref.groups:
            f.problem("group_id", f"talk group {group!r} does not exist{suggestion(group, ref.groups)}")
        elif ref.units is not None and unit in ref.units and group not in ref.units[unit]:
            groups = ", ".join(ref.units[unit])
            f.problem("group_id", f"{unit} is not on talk group {group} (its groups: {groups})")
    text = f.text("text", limit=500)
    emergency = f.boolean("emergency")
    if not text and not emergency:
        f.problem_at(f.line, "a radio inject needs text or emergency: true")
    seconds = f.number("seconds", positive=True)
    if seconds is not None and seconds > MAX_TALK_S:
        f.problem("seconds", f"seconds must be at most {MAX_TALK_S:g}, not {seconds:g}")
    return RadioInject(unit, group, text, emergency, seconds or 2.0)


def _audience(f: Fields, ref: Reference, to: tuple[str, ...]) -> None:
    """One kind of audience as message.send takes it: a talk group, a grid, a town, or entries."""
    kinds = set()
    for item in to:
        area = ref.areas.get(item)
        if GROUP_ID.fullmatch(item):
            kinds.add("group")
            if ref.groups is not None and item not in ref.groups:
                f.problem("to", f"talk group {item!r} does not exist{suggestion(item, ref.groups)}")
        elif area is not None:
            kinds.add(area.level)
            if area.level not in ("grid", "town"):
                f.problem("to", f"{item} is a {area.level}; a message goes to a grid or a town")
        else:
            kinds.add("entry")
            if ref.entries is not None and item not in ref.entries:
                near = suggestion(item, ref.entries)
                f.problem("to", f"{item!r} is neither a talk group, an area nor a directory entry{near}")
    if len(kinds) > 1 or (len(to) > 1 and kinds & {"group", "grid", "town"}):
        f.problem("to", "to names one talk group, one grid or one town, or directory entries; not a mix")


def read_message(f: Fields, ref: Reference) -> MessageInject:
    to = f.texts("to", required=True)
    _audience(f, ref, to)
    body = f.text("body", required=True, limit=1000)
    medium = f.choice("medium", MEDIA) or "sms"
    sender = f.text("sender", limit=64)
    return MessageInject(to, body, medium, sender)
