"""The department simulator (drills and demos; off in production): plays every unit a case is
dispatched to. After ``accept_after`` seconds in 派遣 it accepts the case (or, at ``return_rate``,
returns it); halfway through ``complete_after`` seconds in 处置中 it reports progress, then completes.

It acts through the lifecycle like a handler of the unit would, so the rules and the timeline apply;
a step the rules refuse (someone moved the case meanwhile) is skipped.
"""

from __future__ import annotations

import logging
import random
import time
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from backend import schema
from backend.lifecycle.transition import apply_transition
from backend.routing.progress import report_progress
from backend.sla.periodic import Periodic
from client_api import messages as m
from client_api.dispatch_messages import ReportProgress
from client_api.errors import ProtocolError
from client_api.lifecycle_messages import TransitionCase

if TYPE_CHECKING:
    from backend.store import Store

log = logging.getLogger("backend.sla.sim")

SEAT = "department-simulator"
RETURN_NOTE = "非本单位职责，请重新派遣"
PROGRESS_NOTE = "已到达现场处置"
RESULT = "已处置完毕，现场已恢复"
BATCH = 200  # cases looked at per tick


class DepartmentSimulator(Periodic):
    """A Service; ``tick(now)`` takes the steps due at ``now`` and returns them as (case id, step)."""

    name = "department-simulator"

    def __init__(
        self,
        *,
        accept_after: float = 20.0,
        complete_after: float = 90.0,
        return_rate: float = 0.1,
        seed: int | None = None,
        interval: float = 1.0,
        store: Store | None = None,
    ) -> None:
        if accept_after < 0 or complete_after < 0 or not 0 <= return_rate <= 1:
            raise ValueError("delays must not be negative and the return rate must be within 0…1")
        super().__init__(interval, store)
        self.accept_after = accept_after
        self.complete_after = complete_after
        self.return_rate = return_rate
        self._rng = random.Random(seed)

    async def tick(self, now: float | None = None) -> list[tuple[int, str]]:
        return await self.act(await self.due(time.time() if now is None else now))

    async def due(self, now: float) -> list[tuple[Any, str]]:
        """The steps due at ``now``: (case row, accept | progress | complete), oldest stage first."""
        async with self.store.engine.connect() as conn:
            found: list[tuple[Any, str]] = await conn.run_sync(self._due, now)
        return found

    async def act(self, due: list[tuple[Any, str]]) -> list[tuple[int, str]]:
        """Take the steps, each in its own transaction; the ones taken as (case id, step)."""
        taken = []
        for row, step in due:
            if step == "accept" and self._rng.random() < self.return_rate:
                step = "return"
            try:
                if step == "complete" and not row.reported:  # every case gets its progress report
                    await self._take(row, "progress")
                    taken.append((row.id, "progress"))
                await self._take(row, step)
            except ProtocolError as exc:  # the case moved on meanwhile: not the simulator's business
                log.debug("case %s: %s skipped (%s)", row.case_no, step, exc.message)
                continue
            taken.append((row.id, step))
        return taken

    def _due(self, conn: sa.Connection, now: float) -> list[tuple[Any, str]]:
        c, d, t = schema.cases.c, schema.departments.c, schema.case_timeline.c
        reported = (
            sa.select(t.id)
            .where(t.case_id == c.id, t.action == "progress", t.ts >= c.stage_started_at)
            .exists()
        )
        query = (
            sa.select(
                c.id,
                c.case_no,
                c.status,
                c.stage_started_at,
                c.lead_department,
                d.name,
                reported.label("reported"),
            )
            .join(schema.departments, d.code == c.lead_department)
            .where(c.status.in_(("dispatched", "handling")), c.stage_started_at <= now)
            .order_by(c.stage_started_at, c.id)
            .limit(BATCH)
        )
        due = []
        for row in conn.execute(query):
            elapsed = now - row.stage_started_at
            if row.status == "dispatched" and elapsed >= self.accept_after:
                due.append((row, "accept"))
            elif row.status == "handling" and elapsed >= self.complete_after:
                due.append((row, "complete"))
            elif row.status == "handling" and elapsed >= self.complete_after / 2 and not row.reported:
                due.append((row, "progress"))
        return due

    async def _take(self, row: Any, step: str) -> None:
        unit = m.Operator(
            username=f"sim:{row.lead_department}",
            display_name=row.name,
            role="handler",
            unit=row.lead_department,
        )
        store = self.store
        if step == "progress":
            await store.run_write(
                report_progress, ReportProgress(case_id=row.id, note=PROGRESS_NOTE), unit, SEAT
            )
            return
        note, result = (RETURN_NOTE if step == "return" else None), (RESULT if step == "complete" else None)
        request = TransitionCase(case_id=row.id, action=step, note=note, result=result)
        await store.run_write(apply_transition, request, unit, SEAT)
