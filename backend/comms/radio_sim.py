"""The radio simulator (drills and demos; off in production): units of the directory transmit on
request (``sim.radio``: words for some seconds, or the emergency button) and, with an interval, the
demo script plays (resources/demo/radio_script.json): Chinese field traffic the seats speak with
text-to-speech."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

import msgspec

from backend.calls.center import finish, wait_event
from backend.comms.directory_rows import all_entries, position, require_entry, who
from backend.comms.patches import invalid
from backend.comms.radio_talks import Talker
from backend.intake import data
from client_api import comms_messages as cm
from client_api import messages as m
from client_api.errors import ErrorCode, ProtocolError

if TYPE_CHECKING:
    from backend.comms.radio_service import RadioService
    from backend.server import Server

log = logging.getLogger("backend.comms.radio")

DEFAULT_INTERVAL = 30.0
MAX_SECONDS = 120.0


class ScriptLine(msgspec.Struct, frozen=True):
    """``unit`` speaks when it is in ``group``; otherwise the group's next member who is not offline."""

    group: str
    text: str
    seconds: float = 5.0
    unit: str = ""


def load_script() -> list[ScriptLine]:
    return msgspec.convert(data.load_json(data.DEMO, "radio_script.json")["lines"], list[ScriptLine])


class RadioSimulator:
    """A Service working through ``radio``. ``interval`` seconds between two scripted lines (0: only
    on request). Attributes: running, played (how many scripted lines went out)."""

    name = "radio-sim"

    def __init__(
        self,
        radio: RadioService,
        *,
        interval: float = DEFAULT_INTERVAL,
        script: list[ScriptLine] | None = None,
    ) -> None:
        if interval < 0:
            raise ValueError("the interval must not be negative")
        self.radio = radio
        self.interval = interval
        self.script = script if script is not None else load_script()
        self.running = False
        self.played = 0
        self._next = 0
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def start(self, server: Server) -> None:
        self.running = True
        self._stop.clear()
        if self.interval > 0 and self.script:
            self._task = asyncio.create_task(self._run(), name=self.name)

    async def stop(self) -> None:
        self.running = False
        task, self._task = self._task, None
        if task is not None:
            self._stop.set()
            await finish(task)

    async def transmit(self, req: cm.SimRadio, operator: m.Operator, seat_id: str | None) -> cm.Transmission:
        """A unit talks on a group it belongs to (its first one when none is given), or presses its
        emergency button there."""
        entry = await self.radio.server.store.read(require_entry, req.unit_id, "unit_id")
        if not entry.talk_groups:
            raise invalid("unit_id", f"{who(entry)} has no radio")
        group_id = req.group_id or entry.talk_groups[0]
        name = self.radio.group_name(group_id)
        if group_id not in entry.talk_groups:
            raise invalid("group_id", f"{who(entry)} is not in talk group {name}")
        if not 0 < req.seconds <= MAX_SECONDS:
            raise invalid("seconds", f"a unit talks for more than 0 and at most {MAX_SECONDS:g} seconds")
        emergency = None
        if req.emergency:
            lat, lon = position(entry)
            emergency = cm.Emergency(
                id=0, unit_id=entry.id, unit_name=entry.name, group_id=group_id, at=0.0, lat=lat, lon=lon
            )
        talker = Talker(entry.id, entry.name, operator, seat_id)
        return await self.radio.talk(
            talker, group_id, text=req.text, seconds=req.seconds, emergency=emergency
        )

    async def play_next(self) -> cm.Transmission | None:
        """The next line of the script (None when its group has nobody to speak it, or is busy)."""
        line = self.script[self._next % len(self.script)]
        self._next += 1
        entries = await self.radio.server.store.read(all_entries)
        members = [e for e in entries if line.group in e.talk_groups and e.presence != "offline"]
        speaker = next((e for e in members if e.id == line.unit), None)
        if speaker is None and members:
            speaker = members[self._next % len(members)]
        if speaker is None:
            log.info("radio script: nobody in %s to say line %d", line.group, self._next)
            return None
        try:
            said = await self.radio.talk(
                Talker(speaker.id, speaker.name), line.group, text=line.text, seconds=line.seconds
            )
        except ProtocolError as exc:
            if exc.code != ErrorCode.INVALID_FIELD:
                raise
            log.info("radio script: line %d skipped: %s", self._next, exc.message)
            return None
        self.played += 1
        return said

    async def _run(self) -> None:
        while not self._stop.is_set():
            await wait_event(self._stop, self.interval)
            if self._stop.is_set():
                return
            try:
                await self.play_next()
            except Exception:
                log.exception("the radio script failed; going on")


def simulator_of(server: Server) -> RadioSimulator:
    """The server's running radio simulator, or unavailable."""
    for service in server.services:
        if isinstance(service, RadioSimulator) and service.running:
            return service
    raise ProtocolError(
        ErrorCode.UNAVAILABLE, "the radio simulator is off on this backend (start it with --simulate-radio)"
    )
