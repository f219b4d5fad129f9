"""Transmissions in progress as the radio service holds them, and how they are put in words."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING

import msgspec

from backend.comms.radio import CaseNote
from client_api import comms_messages as cm
from client_api import messages as m

if TYPE_CHECKING:
    from backend.peer import Peer


@dataclass(frozen=True, slots=True)
class Talker:
    """Who presses the talk button: a unit of the directory, or a console (``console:<username>``).
    ``operator`` and ``seat_id`` are who the case timeline names for a transmission on a case."""

    unit_id: str
    name: str
    operator: m.Operator | None = None
    seat_id: str | None = None

    @classmethod
    def console(cls, operator: m.Operator, seat_id: str | None) -> Talker:
        return cls(f"console:{operator.username}", operator.display_name, operator, seat_id)


@dataclass(slots=True)
class Talk:
    """A transmission in progress: as made (its own group), the groups that hear it (its own first,
    then its patch partners), the seat holding a console's button, and the timer that ends it."""

    transmission: cm.Transmission
    heard_on: tuple[str, ...]
    owner: Peer | None = None
    operator: m.Operator | None = None
    seat_id: str | None = None
    timer: asyncio.Task[None] | None = None

    def ended(self, now: float, text: str | None = None) -> cm.Transmission:
        t = self.transmission
        return msgspec.structs.replace(t, ended_at=now, text=t.text if text is None else text)

    def copies(self) -> list[cm.Transmission]:
        return [msgspec.structs.replace(self.transmission, group_id=g) for g in self.heard_on]


def busy_text(holder: Talk, group_id: str, names: dict[str, str]) -> str:
    """Why the floor of ``group_id`` is not free: 王五 (unit-03) is talking on 城管执法."""
    t = holder.transmission
    text = f"{t.unit_name} ({t.unit_id}) is talking on {names.get(t.group_id, t.group_id)}"
    if t.group_id != group_id:
        text += f", patched with {names.get(group_id, group_id)}"
    return text


def duration(seconds: float) -> str:
    """12 s, 2 min 05 s."""
    whole = max(0, round(seconds))
    return f"{whole // 60} min {whole % 60:02d} s" if whole >= 60 else f"{whole} s"


def case_note(talk: Talk, ended: cm.Transmission, names: dict[str, str]) -> CaseNote | None:
    """The case timeline's line for a finished transmission on a case (None: not on a case)."""
    t = ended
    if t.case_id is None or talk.operator is None:
        return None
    spoken = f": {t.text}" if t.text else ""
    length = duration((t.ended_at or t.started_at) - t.started_at)
    note = f"radio {names.get(t.group_id, t.group_id)}: {t.unit_name} ({t.unit_id}), {length}{spoken}"
    return CaseNote(t.case_id, talk.operator, talk.seat_id, note)
