"""The radio service's state (transmissions in progress, the last one per group, emergencies not yet
acknowledged, patches in force) with its emergencies and patches; radio_service.py adds the floor and
its transmissions. Changes are serialised by the service's own lock and written to the radio log
(radio.py) before the in-memory state follows them."""

from __future__ import annotations

import asyncio
import contextvars
import logging
import time
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

import msgspec

from backend.calls.center import wait_event
from backend.comms import patches
from backend.comms.patches import invalid, not_found
from backend.comms.radio import CaseNote, RadioRecord, Save, find, load_groups, write_log
from backend.comms.radio_talks import Talk
from client_api import comms_messages as cm
from client_api import messages as m
from client_api.errors import ProtocolError

if TYPE_CHECKING:
    from backend.server import Server

log = logging.getLogger("backend.comms.radio")

DEFAULT_TALK_LIMIT = 60.0
EXPIRY_CHECK = 1.0
MAX_TEXT = 500


class RadioBase:
    """Acknowledging emergencies, patching and unpatching, ending patches at ``until``. Attributes:
    running; groups (talk group id → name, in order); clock; talk_limit; expiry_check (seconds
    between two looks for patches whose time is up)."""

    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.time,
        talk_limit: float = DEFAULT_TALK_LIMIT,
        expiry_check: float = EXPIRY_CHECK,
        groups: dict[str, str] | None = None,
    ) -> None:
        if not (talk_limit > 0 and expiry_check > 0):
            raise ValueError("the talk limit and the expiry check must be positive")
        self.clock = clock
        self.talk_limit = talk_limit
        self.expiry_check = expiry_check
        self.groups = groups if groups is not None else load_groups()
        self.running = False
        self._server: Server | None = None
        self._lock = asyncio.Lock()
        self._wake = asyncio.Event()
        self._talks: dict[int, Talk] = {}
        self._last: dict[str, cm.Transmission] = {}
        self._emergencies: dict[int, cm.Emergency] = {}
        self._patches: dict[int, cm.Patch] = {}
        self._tasks: set[asyncio.Task[None]] = set()

    @property
    def server(self) -> Server:
        if self._server is None:
            raise RuntimeError("the radio service has not started")
        return self._server

    # --- reads --------------------------------------------------------------------------------------

    def group_name(self, group_id: str, field: str = "group_id") -> str:
        name = self.groups.get(group_id)
        if name is None:
            raise not_found(field, f"there is no talk group {group_id!r}")
        return name

    # --- emergencies and patches --------------------------------------------------------------------

    async def acknowledge(self, emergency_id: int, note: str, operator: m.Operator) -> cm.Emergency:
        note = checked_text(note, "note")
        async with self._lock:
            pressed = self._emergencies.get(emergency_id)
            if pressed is None:
                raise await self._not_open("emergency", emergency_id, cm.Emergency)
            now = self.clock()
            acked = msgspec.structs.replace(
                pressed, acked_by=operator.username, acked_at=now, note=note or None
            )
            await self._write([Save(acked)], now)
            del self._emergencies[emergency_id]
            return acked

    async def patch(self, req: cm.PatchGroups, operator: m.Operator) -> cm.Patch:
        async with self._lock:
            groups = patches.checked_groups(req, self.groups, self._patches.values())
            now = self.clock()
            draft = cm.Patch(id=0, groups=groups, by=operator.username, at=now, until=now + req.minutes * 60)
            [made] = await self._write([Save(draft)], now)
            assert isinstance(made, cm.Patch)
            self._patches[made.id] = made
            self._wake.set()
            return made

    async def unpatch(self, patch_id: int) -> cm.Patch:
        async with self._lock:
            patch = self._patches.get(patch_id)
            if patch is None:
                raise await self._not_open("patch", patch_id, cm.Patch)
            return await self._end_patch(patch)

    async def expire_due(self) -> list[cm.Patch]:
        """End the patches whose time is up."""
        async with self._lock:
            return [await self._end_patch(p) for p in patches.due(self._patches.values(), self.clock())]

    async def _end_patch(self, patch: cm.Patch) -> cm.Patch:
        now = self.clock()
        ended = msgspec.structs.replace(patch, ended_at=now)
        await self._write([Save(ended)], now)
        del self._patches[patch.id]
        return ended

    async def _expire_loop(self) -> None:
        while True:
            soonest = min((p.until for p in self._patches.values()), default=None)
            delay = (
                self.expiry_check
                if soonest is None
                else max(0.0, min(self.expiry_check, soonest - self.clock()))
            )
            await wait_event(self._wake, delay)
            self._wake.clear()
            try:
                await self.expire_due()
            except Exception:
                log.exception("radio: ending patches failed; trying again")
                await asyncio.sleep(self.expiry_check)

    async def _not_open(
        self, kind: str, ref: int, type_: type[cm.Emergency] | type[cm.Patch]
    ) -> ProtocolError:
        logged = await self.server.store.read(find, kind, ref, type_)
        field = f"{kind}_id"
        if logged is None:
            return not_found(field, f"there is no {kind} {ref}")
        if isinstance(logged, cm.Emergency):
            return invalid(field, f"emergency {ref} was already acknowledged by {logged.acked_by}")
        return invalid(field, f"patch {ref} has already ended")

    # --- helpers ------------------------------------------------------------------------------------

    async def _write(
        self, saves: list[Save], now: float, notes: list[CaseNote] | None = None
    ) -> list[RadioRecord]:
        saved: list[RadioRecord] = await self.server.store.run_write(write_log, saves, now, notes or [])
        return saved

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        """A task of the service's own, outside any request (its writes are not the request's)."""
        task = contextvars.Context().run(asyncio.ensure_future, coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task


def checked_text(text: str, field: str = "text") -> str:
    text = text.strip()
    if len(text) > MAX_TEXT:
        raise invalid(field, f"the {field} is longer than {MAX_TEXT} characters")
    return text
