"""The demo directory (resources/demo/directory.json), loaded into a database once with each entry's
pinyin initials and SIP address filled in."""

from __future__ import annotations

import json
from importlib import resources
from typing import TYPE_CHECKING, Any

import msgspec
import sqlalchemy as sa

from backend import schema
from backend.comms.directory import number_key
from backend.intake.pinyin import initials
from client_api import comms_messages as cm

if TYPE_CHECKING:
    from backend.events import StoredEvent
    from backend.store import Store

SEEDED = "directory_seeded"
SIP_HOST = "pbx.local"


def load_demo_entries() -> list[cm.DirectoryEntry]:
    text = (resources.files("resources.demo") / "directory.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return [completed(msgspec.convert(raw, cm.DirectoryEntry)) for raw in data["entries"]]


def completed(entry: cm.DirectoryEntry) -> cm.DirectoryEntry:
    """With pinyin initials of the name (张伟 → zw) and, for an entry with a phone and no SIP
    address, ``sip:<phone digits>@pbx.local``."""
    sip = entry.sip or (f"sip:{number_key(entry.phone)}@{SIP_HOST}" if entry.phone else "")
    return msgspec.structs.replace(entry, initials=entry.initials or initials(entry.name)[0], sip=sip)


async def seed_directory(store: Store) -> bool:
    """Load the demo directory once per database (entries of the same id stay); whether it did."""
    if await store.get_meta(SEEDED) == "1":
        return False
    await store.run_write(insert_entries, load_demo_entries())
    return True


def insert_entries(conn: sa.Connection, entries: list[cm.DirectoryEntry]) -> tuple[None, list[StoredEvent]]:
    """Rows without events (nobody is connected while a database is seeded)."""
    table = schema.directory
    known = set(conn.execute(sa.select(table.c.id)).scalars())
    for entry in entries:
        if entry.id not in known:
            record = msgspec.json.encode(entry).decode()
            conn.execute(
                sa.insert(table).values(id=entry.id, kind=entry.kind, name=entry.name, record=record)
            )
    conn.execute(sa.insert(schema.meta).values(key=SEEDED, value="1"))
    return None, []
