"""What the intake handlers keep per server: settings, the category index and the suggester, fed with
new cases by the store's event sink."""

from __future__ import annotations

import asyncio
import weakref
from typing import TYPE_CHECKING

import msgspec
import sqlalchemy as sa

from backend import schema
from backend.events import StoredEvent
from backend.intake import text
from backend.intake.areas import grid_map
from backend.intake.deadlines import time_limits
from backend.intake.gazetteer import gazetteer
from backend.intake.settings import DedupSettings
from backend.intake.suggest import Suggester
from backend.intake.taxonomy import CategoryIndex, CategoryRow
from backend.intake.workcalendar import work_calendar
from client_api import messages as m

if TYPE_CHECKING:
    from backend.server import Server
    from backend.store import Store

_states: weakref.WeakKeyDictionary[Server, IntakeState] = weakref.WeakKeyDictionary()


def state_of(server: Server) -> IntakeState:
    state = _states.get(server)
    if state is None:
        state = _states[server] = IntakeState(server.store, DedupSettings())
    return state


class IntakeState:
    def __init__(self, store: Store, settings: DedupSettings) -> None:
        self.store = store
        self.settings = settings
        self._rows: list[CategoryRow] | None = None
        self._index: CategoryIndex | None = None
        self._suggester: Suggester | None = None
        self._lock = asyncio.Lock()
        store.add_sink(self._on_event)

    def _on_event(self, event: StoredEvent) -> None:
        if event.type == "case.created" and self._suggester is not None:
            case = msgspec.json.decode(event.payload, type=m.CaseCreatedEvent).case
            self._suggester.queue(case.id, case.category_code, case.description)

    async def warm_up(self) -> None:
        """Load the data files, the word segmenter and the category history before the first request."""
        await asyncio.to_thread(_load_files)
        await self.category_index()
        await self.suggester()

    async def category_rows(self) -> list[CategoryRow]:
        if self._rows is None:
            query = sa.select(schema.categories).order_by(schema.categories.c.code)
            async with self.store.engine.connect() as conn:
                rows = (await conn.execute(query)).all()
            self._rows = [CategoryRow(r.code, r.name, r.kind, r.parent_code) for r in rows]
        return self._rows

    async def category_index(self) -> CategoryIndex:
        if self._index is None:
            rows = await self.category_rows()
            self._index = await asyncio.to_thread(CategoryIndex, rows)
        return self._index

    async def suggester(self) -> Suggester:
        async with self._lock:
            if self._suggester is None:
                suggester = Suggester(await self.category_rows())
                await asyncio.to_thread(text.tokenizer)
                self._suggester = suggester  # from here on the sink queues new cases into it
                history = await self._history(list(suggester.rows), per_category=200)
                await asyncio.to_thread(suggester.learn, history)
            return self._suggester

    async def _history(self, codes: list[str], per_category: int) -> list[tuple[int, str, str]]:
        """The newest cases of each category, oldest first (one indexed query per category)."""
        cases = schema.cases
        found: list[tuple[int, str, str]] = []
        async with self.store.engine.connect() as conn:
            for code in codes:
                query = (
                    sa.select(cases.c.id, cases.c.category_code, cases.c.description)
                    .where(cases.c.category_code == code)
                    .order_by(cases.c.created_at.desc())
                    .limit(per_category)
                )
                found += [
                    (r.id, r.category_code, r.description)
                    for r in reversed((await conn.execute(query)).all())
                ]
        return found


def _load_files() -> None:
    grid_map()
    gazetteer().prepare_pinyin()
    time_limits()
    work_calendar()
    text.tokenizer()
