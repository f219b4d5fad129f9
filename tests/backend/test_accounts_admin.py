"""The administrator's account tools, and the first start of a production backend: no default password
survives it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from backend import schema
from backend.passwords import hash_password, verify_password
from backend.security.first_start import secure_first_start
from backend.store import Store


def server_command(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "backend", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def account(db: Path, username: str) -> Any:
    engine = sa.create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            return conn.execute(
                sa.select(schema.accounts).where(schema.accounts.c.username == username)
            ).first()
    finally:
        engine.dispose()


def test_add_account_and_reset_password(tmp_path: Path) -> None:
    db = tmp_path / "accounts.sqlite3"
    url = f"sqlite:///{db}"
    weak = server_command(
        "add-account", "wang", "--role", "operator", "--db", url, "--password-stdin", stdin="demo\n"
    )
    assert weak.returncode == 2 and "at least 8 characters" in weak.stderr
    default = server_command(
        "add-account", "wang", "--role", "operator", "--db", url, "--password-stdin", stdin="password\n"
    )
    assert default.returncode == 2 and "well-known default" in default.stderr
    bad_role = server_command(
        "add-account", "wang", "--role", "boss", "--db", url, "--password-stdin", stdin="s3cret-pass\n"
    )
    assert bad_role.returncode == 1 and "role must be one of" in bad_role.stderr
    made = server_command(
        "add-account", "wang", "--role", "operator", "--name", "话务员 王", "--db", url, "--password-stdin",
        stdin="s3cret-pass\n",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    row = account(db, "wang")
    assert (row.role, row.display_name) == ("operator", "话务员 王")
    assert verify_password(row.password_hash, "s3cret-pass") and "s3cret" not in row.password_hash
    again = server_command(
        "add-account", "wang", "--role", "operator", "--db", url, "--password-stdin", stdin="s3cret-pass\n"
    )
    assert again.returncode == 1 and "already an account" in again.stderr

    engine = sa.create_engine(url)
    with engine.begin() as conn:  # as if locked after failed logins
        conn.execute(sa.update(schema.accounts).values(locked_until=9e12, failed_logins=3, disabled=True))
    engine.dispose()
    reset = server_command("reset-password", "wang", "--db", url, "--password-stdin", stdin="another-pass\n")
    assert reset.returncode == 0, reset.stderr
    row = account(db, "wang")
    assert verify_password(row.password_hash, "another-pass")
    assert (row.locked_until, row.failed_logins, row.disabled) == (None, 0, False)
    missing = server_command(
        "reset-password", "nobody", "--db", url, "--password-stdin", stdin="another-pass\n"
    )
    assert missing.returncode == 1 and "no account 'nobody'" in missing.stderr


def test_first_production_start_disables_default_passwords_and_makes_an_admin(aio: Any, db_url: str) -> None:
    store = aio.run(Store.open(db_url))
    try:
        accounts = [
            {"username": name, "display_name": name, "role": role, "password_hash": hash_password(password)}
            for name, role, password in (("op", "operator", "demo"), ("sv", "supervisor", "long-secret-1"))
        ]

        async def insert() -> None:
            async with store.engine.begin() as conn:
                await conn.execute(sa.insert(schema.accounts), accounts)

        aio.run(insert())
        disabled, password = aio.run(secure_first_start(store))
        assert disabled == ["op"] and password is not None and len(password) >= 16
        assert aio.run(store.authenticate("admin", password)) is not None
        assert aio.run(secure_first_start(store)) == ([], None), "only the first start"
    finally:
        aio.run(store.close())
