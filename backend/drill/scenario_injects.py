"""Reading one inject: its id, time, kind and trainer note, then the fields of its kind."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from backend.drill.scenario_comms import read_department_response, read_message, read_radio
from backend.drill.scenario_intake import read_call, read_report
from backend.drill.scenario_model import KINDS, Inject, InjectDetail
from backend.drill.scenario_nodes import Fields, Issues
from backend.drill.scenario_reference import Reference
from backend.drill.scenario_signals import read_cap, read_readings

INJECT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,39}")
MANUAL_ID = "manual"


@dataclass(frozen=True, slots=True)
class ReadInject:
    """An inject as read, with the references to other injects it makes: (key, inject id, line)."""

    inject: Inject
    refs: tuple[tuple[str, str, int], ...]
    at_line: int


def name(inject_id: str, index: int, kind: str | None) -> str:
    return f"inject {inject_id or f'#{index}'} ({kind or '?'})"


def read_inject(
    node: yaml.Node, index: int, issues: Issues, ref: Reference, manual: bool = False
) -> ReadInject | None:
    """The inject of ``node`` (the ``index``-th, from 1), or None when it cannot be read at all.
    A ``manual`` inject (drill.inject) has no ``at``: it fires when it is given; its id is optional."""
    f = Fields(node, issues, f"inject {index}")
    if not f.ok:
        return None
    inject_id = f.text("id", required=not manual)
    if inject_id and not INJECT_ID.fullmatch(inject_id):
        f.problem("id", f"id must be letters, digits, '-', '_' or '.' (at most 40), not {inject_id!r}")
    kind = f.choice("kind", KINDS, required=True)
    f.where = name(inject_id, index, kind)
    at_s = _time(f, kind, manual)
    trainer_note = f.text("trainer_note")
    if kind is None:
        f.ignore_rest()  # without a kind no key can be told wrong
        return None
    detail = _detail(f, kind, ref, trainer_note)
    f.finish()
    inject = Inject(inject_id or MANUAL_ID, at_s, kind, detail, f.line, trainer_note)
    return ReadInject(inject, tuple(f.refs), f.line_at("at"))


def _time(f: Fields, kind: str | None, manual: bool) -> float | None:
    if manual:
        if f.has("at"):
            f.problem("at", "a manual inject has no at: it fires when it is given")
        return None
    if kind == "department_response":
        if f.has("at"):
            f.problem("at", "a department response has no at: it comes after the dispatch (use after)")
        return None
    return f.duration("at", required=True)


def _detail(f: Fields, kind: str, ref: Reference, trainer_note: str) -> InjectDetail:
    if kind == "call":
        return read_call(f, ref, trainer_note)
    if kind == "report":
        return read_report(f, ref)
    if kind == "readings":
        return read_readings(f)
    if kind == "cap":
        return read_cap(f, ref)
    if kind == "department_response":
        return read_department_response(f, ref)
    if kind == "radio":
        return read_radio(f, ref)
    return read_message(f, ref)
