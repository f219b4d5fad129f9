"""A database seeded before the demo district gained categories gets them (and their routing rules)
at the next start, once; what the center deleted since is not brought back a second time."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from backend import schema
from backend.seed import CATEGORIES_KEY, seed_demo
from backend.store import Store

NEW = ("E07", "E0701", "E0702", "E0703", "E08", "E0801", "E0802", "E0803", "E0804")


async def _codes(store: Store) -> set[str]:
    async with store.engine.connect() as conn:
        return set((await conn.execute(sa.select(schema.categories.c.code))).scalars())


async def _rules_for(store: Store, codes: tuple[str, ...]) -> int:
    rules = schema.routing_rules
    async with store.engine.connect() as conn:
        query = sa.select(sa.func.count()).select_from(rules).where(rules.c.category_code.in_(codes))
        return int((await conn.execute(query)).scalar_one())


async def _as_before_the_change(store: Store) -> None:
    async with store.write_lock, store.engine.begin() as conn:
        await conn.execute(
            sa.delete(schema.routing_rules).where(schema.routing_rules.c.category_code.in_(NEW))
        )
        for code in sorted(NEW, key=len, reverse=True):  # children first
            await conn.execute(sa.delete(schema.categories).where(schema.categories.c.code == code))
        await conn.execute(sa.delete(schema.meta).where(schema.meta.c.key == CATEGORIES_KEY))


def test_an_older_demo_database_gains_the_new_categories_once(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    assert set(NEW) <= aio.run(_codes(store))
    rules = aio.run(_rules_for(store, NEW))
    assert rules >= 2
    aio.run(_as_before_the_change(store))
    assert not set(NEW) & aio.run(_codes(store)) and aio.run(_rules_for(store, NEW)) == 0
    assert aio.run(seed_demo(store)) is False  # already seeded: only what is missing is added
    assert set(NEW) <= aio.run(_codes(store)) and aio.run(_rules_for(store, NEW)) == rules
    aio.run(_as_before_the_change(store))

    async def mark() -> None:
        await store.set_meta(CATEGORIES_KEY, "1")

    aio.run(mark())  # deleted by the center after the upgrade: stays deleted
    aio.run(seed_demo(store))
    assert not set(NEW) & aio.run(_codes(store))
