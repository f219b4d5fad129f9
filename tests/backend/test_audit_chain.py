"""The audit log's hash chain: intact as written; a changed, deleted or cut-off record is detected,
by the library and by ``command-seat-server verify-audit`` on a real database file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from backend import schema
from backend.security.audit import AuditEntry, append, verify
from backend.store import Store


def fill(aio: Any, store: Store, count: int) -> None:
    def write(conn: sa.Connection) -> tuple[None, list[Any]]:
        for n in range(count):
            append(
                conn,
                AuditEntry(
                    action="case.transition",
                    outcome="ok" if n % 3 else "refused",
                    actor="operator1",
                    role="operator",
                    seat_id="S1",
                    address="127.0.0.1:5000",
                    target=f"case:{n}",
                    detail="派遣 → 区水务局" if n % 2 else None,
                ),
            )
        return None, []

    aio.run(store.run_write(write))


@pytest.fixture
def filled(aio: Any, db_url: str) -> Any:
    store = aio.run(Store.open(db_url))
    fill(aio, store, 12)
    yield store
    aio.run(store.close())


def check(aio: Any, store: Store) -> Any:
    async def run() -> Any:
        async with store.engine.connect() as conn:
            return await conn.run_sync(verify)

    return aio.run(run())


def tamper(sync_engine: sa.Engine, statement: Any) -> None:
    with sync_engine.begin() as conn:
        conn.execute(statement)


def test_an_untouched_log_is_intact(aio: Any, filled: Store) -> None:
    report = check(aio, filled)
    assert report.intact and report.records == 12 and report.head_id == 12


def test_a_changed_record_is_detected(aio: Any, filled: Store, sync_engine: sa.Engine) -> None:
    log = schema.audit_log
    tamper(sync_engine, sa.update(log).where(log.c.id == 4).values(outcome="ok"))  # was refused
    report = check(aio, filled)
    assert report.problems == ["record 4: its contents were changed after it was written"]


def test_a_changed_record_with_its_hash_recomputed_breaks_the_next_link(
    aio: Any, filled: Store, sync_engine: sa.Engine
) -> None:
    from backend.security.audit import FIELDS, record_hash

    log = schema.audit_log
    with sync_engine.begin() as conn:
        row = conn.execute(sa.select(log).where(log.c.id == 7)).one()
        values = {name: getattr(row, name) for name in FIELDS} | {"actor": "someone_else"}
        conn.execute(
            sa.update(log)
            .where(log.c.id == 7)
            .values(actor="someone_else", hash=record_hash(row.prev_hash, values))
        )
    assert check(aio, filled).problems == [
        "record 8: the record before it was changed or deleted (its link does not match)"
    ]


def test_deleted_and_cut_off_records_are_detected(aio: Any, filled: Store, sync_engine: sa.Engine) -> None:
    log = schema.audit_log
    tamper(sync_engine, sa.delete(log).where(log.c.id == 3))
    assert check(aio, filled).problems == [
        "record 4: the record before it was changed or deleted (its link does not match)"
    ]
    tamper(sync_engine, sa.delete(log).where(log.c.id >= 11))
    assert check(aio, filled).problems[-1] == (
        "the log ends at record 10 but its head says 12: records were cut off the end"
    )


def test_verify_audit_command_on_a_real_file(aio: Any, tmp_path: Path) -> None:
    db = tmp_path / "audit.sqlite3"
    store = aio.run(Store.open(f"sqlite:///{db}"))
    fill(aio, store, 5)
    aio.run(store.close())

    def verify_audit() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "backend", "verify-audit", "--db", f"sqlite:///{db}"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    intact = verify_audit()
    assert intact.returncode == 0, intact.stderr
    assert "audit log intact: 5 records, head 5:" in intact.stdout
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        conn.execute(sa.update(schema.audit_log).where(schema.audit_log.c.id == 2).values(detail="改过"))
    engine.dispose()
    broken = verify_audit()
    assert broken.returncode == 1
    assert "record 2: its contents were changed after it was written" in broken.stdout
