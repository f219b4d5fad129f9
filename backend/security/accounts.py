"""Accounts: login lockout, the administrator's account tools, and no default password in production.

Five failed logins in a row lock an account for ten minutes. A production (non-demo) backend disables,
on its first start, every account whose password is a well-known default, and creates an ``admin``
with a random one-time password when there is no administrator at all.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from backend import schema
from backend.passwords import verify_password
from backend.permissions import ROLES

MAX_FAILURES = 5
LOCK_SECONDS = 600.0
MIN_PASSWORD = 8
DEFAULT_PASSWORDS = ("demo", "admin", "password", "123456", "12345678", "command-seat")
SWEPT_KEY = "default_passwords_swept"

accounts = schema.accounts


@dataclass(frozen=True, slots=True)
class Failure:
    failures: int  # in a row, counting this one (0 once the account is locked)
    locked_until: float | None


def refusal(row: Any, now: float) -> str | None:
    """Why this account may not log in now (before its password is even checked), or None."""
    if row.disabled:
        return "the account is disabled; an administrator can set a new password with reset-password"
    if row.locked_until is not None and row.locked_until > now:
        minutes = max(1, round((row.locked_until - now) / 60))
        return f"the account is locked after {MAX_FAILURES} failed logins; try again in {minutes} min"
    return None


def record_failure(conn: sa.Connection, username: str, now: float) -> Failure:
    row = conn.execute(sa.select(accounts.c.failed_logins).where(accounts.c.username == username)).first()
    if row is None:
        return Failure(0, None)  # an unknown name: nothing to lock, the audit log has it
    failures = row.failed_logins + 1
    if failures >= MAX_FAILURES:
        values: dict[str, Any] = {"failed_logins": 0, "locked_until": now + LOCK_SECONDS}
    else:
        values = {"failed_logins": failures}
    conn.execute(sa.update(accounts).where(accounts.c.username == username).values(**values))
    return Failure(values["failed_logins"], values.get("locked_until"))


def record_success(conn: sa.Connection, username: str) -> None:
    conn.execute(
        sa.update(accounts).where(accounts.c.username == username).values(failed_logins=0, locked_until=None)
    )


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"the password needs at least {MIN_PASSWORD} characters")
    if password.lower() in DEFAULT_PASSWORDS:
        raise ValueError("that password is a well-known default; choose another")


def add_account(
    conn: sa.Connection,
    username: str,
    display_name: str,
    role: str,
    password_hash: str,
    department_code: str | None = None,
) -> None:
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if not username.isascii() or not username.replace("_", "").replace("-", "").isalnum():
        raise ValueError("the username may hold letters, digits, - and _ only")
    if conn.execute(sa.select(accounts.c.username).where(accounts.c.username == username)).first():
        raise ValueError(f"there is already an account {username!r}")
    if department_code is not None:
        dept = schema.departments
        if conn.execute(sa.select(dept.c.code).where(dept.c.code == department_code)).first() is None:
            raise ValueError(f"no department with code {department_code!r}")
    conn.execute(
        sa.insert(accounts).values(
            username=username,
            display_name=display_name or username,
            role=role,
            password_hash=password_hash,
            department_code=department_code,
        )
    )


def reset_password(conn: sa.Connection, username: str, password_hash: str) -> None:
    """Set a new password; also unlocks and re-enables the account."""
    done = conn.execute(
        sa.update(accounts)
        .where(accounts.c.username == username)
        .values(password_hash=password_hash, failed_logins=0, locked_until=None, disabled=False)
    )
    if done.rowcount == 0:
        raise ValueError(f"there is no account {username!r}")


def has_default_password(password_hash: str) -> bool:
    return any(verify_password(password_hash, candidate) for candidate in DEFAULT_PASSWORDS)


def disable_default_passwords(conn: sa.Connection) -> list[str]:
    """Disable every enabled account whose password is a well-known default; their names."""
    rows = conn.execute(sa.select(accounts.c.username, accounts.c.password_hash).where(~accounts.c.disabled))
    names = [r.username for r in rows if has_default_password(r.password_hash)]
    if names:
        conn.execute(sa.update(accounts).where(accounts.c.username.in_(names)).values(disabled=True))
    return names


def needs_first_admin(conn: sa.Connection) -> bool:
    query = sa.select(accounts.c.username).where(accounts.c.role == "admin", ~accounts.c.disabled)
    return conn.execute(query).first() is None


def one_time_password() -> str:
    return secrets.token_urlsafe(12)
