"""The first start of a production (non-demo) backend: no default password survives it."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import sqlalchemy as sa

from backend import schema
from backend.passwords import hash_password
from backend.security.accounts import (
    SWEPT_KEY,
    add_account,
    disable_default_passwords,
    needs_first_admin,
    one_time_password,
    reset_password,
)
from backend.store import Store

log = logging.getLogger("backend.security")


async def secure_first_start(store: Store) -> tuple[list[str], str | None]:
    """Once per database: disable accounts with default passwords; when no administrator is left, make
    (or re-enable) ``admin`` with a random password. Returns (disabled names, the one-time password)."""
    if await store.get_meta(SWEPT_KEY) == "1":
        return [], None
    password = one_time_password()
    password_hash = await asyncio.to_thread(hash_password, password)

    def sweep(conn: sa.Connection) -> tuple[tuple[list[str], str | None], list[Any]]:
        disabled = disable_default_passwords(conn)
        given: str | None = None
        if needs_first_admin(conn):
            exists = conn.execute(
                sa.select(schema.accounts.c.username).where(schema.accounts.c.username == "admin")
            ).first()
            if exists:
                reset_password(conn, "admin", password_hash)
            else:
                add_account(conn, "admin", "系统管理员", "admin", password_hash)
            given = password
        conn.execute(sa.insert(schema.meta).values(key=SWEPT_KEY, value="1"))
        return (disabled, given), []

    disabled, given = await store.run_write(sweep)
    if disabled:
        log.warning("accounts with a default password were disabled: %s", ", ".join(disabled))
    return disabled, given
