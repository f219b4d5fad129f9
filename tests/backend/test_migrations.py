"""The Alembic migrations build exactly ``backend.schema``, and Store.open brings any database to head."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from backend import migrate, schema
from backend.seed import seed_demo
from backend.store import Store
from client_api import messages as m

TABLES = set(schema.metadata.tables)


def table_names(engine: sa.Engine) -> set[str]:
    return set(sa.inspect(engine).get_table_names())


def version_rows(engine: sa.Engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalars())


async def open_and_close(url: str) -> str:
    """Open a store (which migrates) and close it again; return the revision it reported."""
    store = await Store.open(url)
    await store.close()
    return store.revision


def test_migrations_match_schema_metadata(store: Store, sync_engine: sa.Engine) -> None:
    with sync_engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), schema.metadata)
    assert diff == []
    assert table_names(sync_engine) == TABLES | {"alembic_version"}


def test_comparison_would_see_a_missing_migration(store: Store, sync_engine: sa.Engine) -> None:
    """The check above can fail: a column that only the metadata has shows up in the diff."""
    extra = sa.MetaData()
    for table in schema.metadata.tables.values():
        table.to_metadata(extra)
    sa.Table("cases", extra, sa.Column("priority", sa.Integer), extend_existing=True)
    with sync_engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), extra)
    assert [(d[0], d[3].name) for d in diff] == [("add_column", "priority")]


def test_database_without_alembic_table_is_upgraded(aio: Any, db_url: str, sync_engine: sa.Engine) -> None:
    with sync_engine.begin() as conn:  # an existing database with something unrelated in it
        conn.execute(sa.text("CREATE TABLE unrelated (x INTEGER)"))
    assert "alembic_version" not in table_names(sync_engine)

    assert aio.run(open_and_close(db_url)) == migrate.head_revision()
    assert table_names(sync_engine) == TABLES | {"alembic_version", "unrelated"}
    assert version_rows(sync_engine) == [migrate.head_revision()]


def test_opening_twice_is_a_no_op(aio: Any, db_url: str, sync_engine: sa.Engine) -> None:
    async def first_run() -> m.CaseRecord:
        store = await Store.open(db_url)
        try:
            assert await seed_demo(store)
            operator = m.Operator("operator1", "话务员 王芳", "operator")
            return await store.create_case(m.CreateCase("E0101", "滨江路 8 号", "井盖缺失"), operator, "S1")
        finally:
            await store.close()

    async def second_run() -> tuple[str, list[m.CaseRecord], int, bool]:
        store = await Store.open(db_url)
        try:
            return store.revision, await store.list_cases(10), await store.last_seq(), await seed_demo(store)
        finally:
            await store.close()

    case = aio.run(first_run())
    assert aio.run(second_run()) == (migrate.head_revision(), [case], 1, False)
    assert version_rows(sync_engine) == [migrate.head_revision()]


def test_database_downgraded_to_base_is_upgraded_again(aio: Any, db_url: str, sync_engine: sa.Engine) -> None:
    aio.run(open_and_close(db_url))
    cfg = migrate.alembic_config()
    with sync_engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert table_names(sync_engine) == {"alembic_version"}
    assert version_rows(sync_engine) == []

    assert aio.run(open_and_close(db_url)) == migrate.head_revision()
    assert table_names(sync_engine) == TABLES | {"alembic_version"}
