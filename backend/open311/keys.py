"""API keys of Open311 client apps: shown once when made, stored only as their sha256."""

from __future__ import annotations

import hashlib
import re
import secrets
import time

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from backend import schema
from backend.store import Store

keys = schema.api_keys

APP_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def check_app_name(app_name: str) -> str:
    if not APP_NAME.fullmatch(app_name):
        raise ValueError(
            f"app name {app_name!r}: 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"
        )
    return app_name


def channel_of(app_name: str) -> str:
    """The inbox channel of an app's reports: ``web`` for web forms (apps named ``web`` or ``web-…``),
    else ``app``."""
    return "web" if app_name == "web" or app_name.startswith("web-") else "app"


async def add_key(store: Store, app_name: str) -> str:
    """A new random key for ``app_name`` (an app may hold several, to rotate them); only its hash is kept."""
    check_app_name(app_name)
    key = secrets.token_urlsafe(32)
    async with store.write_lock, store.engine.begin() as conn:
        await conn.execute(
            sa.insert(keys).values(key_hash=key_hash(key), app_name=app_name, created_at=time.time())
        )
    return key


async def revoke_keys(store: Store, app_name: str) -> int:
    """Revoke every live key of ``app_name``; return how many there were."""
    async with store.write_lock, store.engine.begin() as conn:
        result = await conn.execute(
            sa.update(keys)
            .where(keys.c.app_name == app_name, keys.c.revoked == sa.false())
            .values(revoked=True)
        )
    return int(result.rowcount)


async def app_of_key(conn: AsyncConnection, key: str) -> str | None:
    """The app a live key belongs to, or None for an unknown or revoked key."""
    query = sa.select(keys.c.app_name).where(keys.c.key_hash == key_hash(key), keys.c.revoked == sa.false())
    app_name: str | None = (await conn.execute(query)).scalar()
    return app_name
