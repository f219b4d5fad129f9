"""Bring a database to the newest schema with Alembic, on start of the server."""

from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("backend") / "migrations"))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def _upgrade(connection: Connection) -> None:
    cfg = alembic_config()
    cfg.attributes["connection"] = connection
    command.upgrade(cfg, "head")


def _current(connection: Connection) -> str:
    return MigrationContext.configure(connection).get_current_revision() or "none"


async def upgrade(engine: AsyncEngine) -> str:
    """Upgrade to head; returns the revision the database is at afterwards."""
    async with engine.begin() as conn:
        await conn.run_sync(_upgrade)
    return await current_revision(engine)


async def current_revision(engine: AsyncEngine) -> str:
    async with engine.connect() as conn:
        return await conn.run_sync(_current)
