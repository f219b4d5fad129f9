"""The radio service: floor control per talk group and transmissions (emergencies and patches are
RadioBase's).

One transmission at a time per floor: a group's floor is shared with its patch partners, and what is
said on a patched group is heard on all of them (stored and announced once per group, with that
group's id). A console's push-to-talk ends when the seat releases it, logs out or disconnects, or after
``talk_limit`` seconds; a simulated unit's after the seconds it was given. An emergency press takes
the floor from whoever holds it.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import TYPE_CHECKING

import msgspec

from backend.comms import patches
from backend.comms.directory_rows import all_entries
from backend.comms.patches import invalid
from backend.comms.radio import CaseNote, LoggedState, Save, load_state
from backend.comms.radio_base import RadioBase, checked_text, log
from backend.comms.radio_talks import Talk, Talker, busy_text, case_note
from client_api import comms_messages as cm
from client_api.errors import ErrorCode, ProtocolError

if TYPE_CHECKING:
    from backend.peer import Peer
    from backend.server import Server


class RadioService(RadioBase):
    """A Service: the floor of each talk group and its transmissions, on top of the emergencies and
    patches of RadioBase."""

    name = "radio"

    # --- service ------------------------------------------------------------------------------------

    async def start(self, server: Server) -> None:
        self._server = server
        logged: LoggedState = await server.store.read(load_state, self.clock())
        self._emergencies = {e.id: e for e in logged.emergencies}
        self._patches = {p.id: p for p in logged.patches}
        await self._close_left_open(logged.last)
        server.session_hooks.append(self._on_session)
        self.running = True
        self._spawn(self._expire_loop())

    async def stop(self) -> None:
        """Timers end; transmissions still open are closed on record (patches stay until ``until``)."""
        self.running = False
        if self._server is not None and self._on_session in self._server.session_hooks:
            self._server.session_hooks.remove(self._on_session)
        tasks, self._tasks = list(self._tasks), set()
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        async with self._lock:
            for talk in list(self._talks.values()):
                try:
                    await self._end(talk)
                except Exception:
                    log.exception("radio: transmission %d could not be closed", talk.transmission.id)

    # --- reads --------------------------------------------------------------------------------------

    async def state(self) -> cm.RadioState:
        entries = await self.server.store.read(all_entries)
        active = list(self._patches.values())
        groups = [
            cm.TalkGroup(
                id=gid,
                name=name,
                members=tuple(e.id for e in entries if gid in e.talk_groups),
                patched_with=patches.partners(gid, active)[1:],
            )
            for gid, name in self.groups.items()
        ]
        talking = [copy for talk in self._talks.values() for copy in talk.copies()]
        last = [self._last[g] for g in self.groups if g in self._last]
        emergencies = sorted(self._emergencies.values(), key=lambda e: e.id)
        return cm.RadioState(groups, talking, last, emergencies, sorted(active, key=lambda p: p.id))

    def last(self, group_id: str) -> cm.Transmission | None:
        self.group_name(group_id)
        return self._last.get(group_id)

    # --- transmissions ------------------------------------------------------------------------------

    async def talk(
        self,
        talker: Talker,
        group_id: str,
        *,
        text: str = "",
        case_id: int | None = None,
        seconds: float | None = None,
        owner: Peer | None = None,
        emergency: cm.Emergency | None = None,
    ) -> cm.Transmission:
        """Take the floor of ``group_id`` (refused while someone else holds it, unless this is an
        emergency press, which cuts them off) for ``seconds`` or until released."""
        text = checked_text(text)
        async with self._lock:
            self.group_name(group_id)
            heard_on = patches.partners(group_id, self._patches.values())
            holder = self._holder(heard_on)
            if holder is not None and emergency is None:
                if holder.transmission.unit_id == talker.unit_id:
                    return holder.transmission  # pressed again while talking: the same transmission
                raise invalid("group_id", busy_text(holder, group_id, self.groups))
            now = self.clock()
            cut = [t for t in self._talks.values() if set(t.heard_on) & set(heard_on)]
            saves = [Save(t.ended(now), t.heard_on) for t in cut]
            if emergency is not None:
                saves.append(Save(msgspec.structs.replace(emergency, at=now)))
            draft = cm.Transmission(
                id=0,
                group_id=group_id,
                unit_id=talker.unit_id,
                unit_name=talker.name,
                started_at=now,
                text=text,
                emergency=emergency is not None,
                case_id=case_id,
            )
            saved = await self._write(
                [*saves, Save(draft, heard_on)], now, [n for t in cut if (n := self._note(t, now))]
            )
            for talk in cut:
                self._forget(talk, now)
            if emergency is not None:
                pressed = saved[-2]
                assert isinstance(pressed, cm.Emergency)
                self._emergencies[pressed.id] = pressed
            transmission = saved[-1]
            assert isinstance(transmission, cm.Transmission)
            talk = Talk(transmission, heard_on, owner, talker.operator, talker.seat_id)
            self._talks[transmission.id] = talk
            talk.timer = self._spawn(self._end_after(transmission.id, seconds or self.talk_limit))
            return transmission

    async def release(self, unit_id: str, group_id: str, text: str = "") -> cm.Transmission:
        """End ``unit_id``'s transmission on ``group_id`` (or heard there); ``text`` replaces its note."""
        text = checked_text(text)
        async with self._lock:
            name = self.group_name(group_id)
            talk = next(
                (
                    t
                    for t in self._talks.values()
                    if t.transmission.unit_id == unit_id and group_id in t.heard_on
                ),
                None,
            )
            if talk is None:
                raise invalid("on", f"{unit_id} is not talking on {name}")
            return await self._end(talk, text or None)

    async def _end(self, talk: Talk, text: str | None = None) -> cm.Transmission:
        now = self.clock()
        ended = talk.ended(now, text)
        note = self._note(talk, now, ended)
        await self._write([Save(ended, talk.heard_on)], now, [note] if note else [])
        self._forget(talk, now, ended)
        return ended

    def _forget(self, talk: Talk, now: float, ended: cm.Transmission | None = None) -> None:
        ended = ended or talk.ended(now)
        self._talks.pop(talk.transmission.id, None)
        for group in talk.heard_on:
            self._last[group] = msgspec.structs.replace(ended, group_id=group)
        if talk.timer is not None and talk.timer is not asyncio.current_task():
            talk.timer.cancel()

    def _note(self, talk: Talk, now: float, ended: cm.Transmission | None = None) -> CaseNote | None:
        return case_note(talk, ended or talk.ended(now), self.groups)

    def _holder(self, heard_on: tuple[str, ...]) -> Talk | None:
        return next((t for t in self._talks.values() if set(t.heard_on) & set(heard_on)), None)

    async def _end_after(self, transmission_id: int, seconds: float) -> None:
        await asyncio.sleep(seconds)
        async with self._lock:
            talk = self._talks.get(transmission_id)
            if talk is None:
                return
            try:
                await self._end(talk)
            except Exception:  # the service's stop closes it on record at the latest
                log.exception("radio: transmission %d could not be ended", transmission_id)

    async def _on_session(self, peer: Peer, what: str) -> None:
        """A seat that logs out or goes away lets go of its push-to-talk."""
        if what not in ("logout", "closed"):
            return
        async with self._lock:
            for talk in [t for t in self._talks.values() if t.owner is peer]:
                await self._end(talk)

    async def _close_left_open(self, last: dict[str, cm.Transmission]) -> None:
        """Transmissions a stopped backend left open end now; the rest is the last per group."""
        now = self.clock()
        left: dict[int, list[cm.Transmission]] = {}
        for t in last.values():
            if t.ended_at is None:
                left.setdefault(t.id, []).append(t)
        saves = [Save(copies[0], tuple(c.group_id for c in copies)) for copies in left.values()]
        saves = [Save(msgspec.structs.replace(s.record, ended_at=now), s.heard_on) for s in saves]
        if saves:
            await self._write(saves, now)
        self._last = {
            g: t if t.ended_at is not None else msgspec.structs.replace(t, ended_at=now)
            for g, t in last.items()
        }


def radio_of(server: Server) -> RadioService:
    """The server's running radio service, or unavailable."""
    for service in server.services:
        if isinstance(service, RadioService) and service.running:
            return service
    raise ProtocolError(ErrorCode.UNAVAILABLE, "the radio is not running on this backend")
