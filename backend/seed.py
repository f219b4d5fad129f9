"""Load the demo district (areas, units, categories, accounts, routing rules, the video wall with its
cameras, presets and rules, the comms directory) into a store."""

from __future__ import annotations

import asyncio
import json
from importlib import resources
from typing import Any

import sqlalchemy as sa

from backend import schema
from backend.comms.demo_directory import seed_directory
from backend.intake.data import TAXONOMY, load_json
from backend.intake.kb import seed_rows as kb_rows
from backend.passwords import hash_password
from backend.routing.rules import seed_rules
from backend.store import Store
from backend.wall.demo import seed_wall


def load_demo_district() -> dict[str, Any]:
    text = (resources.files("resources.demo") / "district.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


async def seed_demo(store: Store) -> bool:
    """Insert the demo data if the database has none yet; return whether it did."""
    if await store.get_meta("demo_seeded") == "1":
        await seed_routing(store)  # a district seeded before routing rules existed
        await seed_wall(store)  # … or before the video wall
        await seed_directory(store)  # … or before the comms directory
        await seed_new_categories(store)  # … or before 社会治安 and 疫情防控
        return False
    data = load_demo_district()
    accounts = [
        {k: v for k, v in acc.items() if k != "password"}
        | {"password_hash": await asyncio.to_thread(hash_password, acc["password"])}
        for acc in data["accounts"]
    ]
    async with store.write_lock, store.engine.begin() as conn:
        # Parents first: the tables reference themselves.
        for table, rows in (
            (schema.areas, data["areas"]),
            (schema.departments, data["departments"]),
            (schema.categories, data["categories"]),
            (schema.accounts, accounts),
            (schema.kb_articles, kb_rows()),
        ):
            for row in rows:
                await conn.execute(sa.insert(table).values(**row))
        await conn.execute(sa.insert(schema.meta).values(key="demo_seeded", value="1"))
        await conn.execute(sa.insert(schema.meta).values(key=CATEGORIES_KEY, value="1"))
    await seed_routing(store)
    await seed_wall(store)
    await seed_directory(store)
    return True


async def seed_routing(store: Store) -> None:
    """The shipped routing rules, once per database (rules deleted later stay deleted)."""
    if await store.get_meta("routing_seeded") == "1":
        return
    async with store.write_lock, store.engine.begin() as conn:
        await conn.run_sync(seed_rules)
        await conn.execute(sa.insert(schema.meta).values(key="routing_seeded", value="1"))


CATEGORIES_KEY = "categories_seeded_e07_e08"


async def seed_new_categories(store: Store) -> None:
    """Categories the demo district gained after a database was seeded (E07 社会治安, E08 疫情防控), with
    their routing rules, once per database: a drill or a demo on an older database needs them."""
    if await store.get_meta(CATEGORIES_KEY) == "1":
        return
    data = load_demo_district()
    rules = load_json(TAXONOMY, "routing_rules.json")["rules"]
    async with store.write_lock, store.engine.begin() as conn:
        have = set((await conn.execute(sa.select(schema.categories.c.code))).scalars())
        new = [row for row in data["categories"] if row["code"] not in have]  # the file lists parents first
        for row in new:
            await conn.execute(sa.insert(schema.categories).values(**row))
        codes = {row["code"] for row in new}
        for rule in rules:
            if rule["category_code"] in codes:
                values = rule | {"co_departments": ",".join(rule["co_departments"])}
                await conn.execute(sa.insert(schema.routing_rules).values(**values))
        await conn.execute(sa.insert(schema.meta).values(key=CATEGORIES_KEY, value="1"))
