"""``command-seat-server verify-audit``, ``add-account`` and ``reset-password``."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from backend.database import default_db_url
from backend.passwords import hash_password
from backend.security.accounts import add_account, check_new_password, reset_password
from backend.security.audit import verify
from backend.security.tls import make_self_signed
from backend.store import Store


def add_commands(commands: Any) -> None:
    """Add the subcommands to ``commands`` (the parser's ``add_subparsers()``)."""
    check = commands.add_parser(
        "verify-audit", help="check that no audit record was changed, deleted or cut off; exit 1 if any was"
    )
    add = commands.add_parser("add-account", help="add an account (asks for its password)")
    add.add_argument("username")
    add.add_argument(
        "--role", required=True, help="operator | supervisor | handler | trainer | admin | installer"
    )
    add.add_argument("--name", default="", help="display name, e.g. 话务员 王芳")
    add.add_argument("--unit", default=None, help="department code of the account's unit (handlers, towns)")
    reset = commands.add_parser(
        "reset-password", help="set a new password; unlocks and re-enables the account"
    )
    reset.add_argument("username")
    cert = commands.add_parser(
        "make-cert",
        help="make a self-signed certificate and key for wss:// (small sites); prints its fingerprint",
    )
    cert.add_argument("--out", type=Path, required=True, help="directory for server.crt and server.key")
    cert.add_argument(
        "--host", action="append", required=True, help="a host name or IP address seats use (repeatable)"
    )
    cert.add_argument("--days", type=int, default=825, help="validity in days (default 825)")
    cert.set_defaults(run_command=make_cert)
    for parser in (add, reset):
        parser.add_argument(
            "--password-stdin", action="store_true", help="read the password from the first line of stdin"
        )
    for parser, run in ((check, verify_audit), (add, add_account_command), (reset, reset_password_command)):
        # SUPPRESS: an absent --db here must not hide one given before the subcommand.
        parser.add_argument("--db", default=argparse.SUPPRESS, help="SQLAlchemy URL (default: the data dir)")
        parser.set_defaults(run_command=run)


async def verify_audit(args: argparse.Namespace) -> int:
    store = await Store.open(args.db or default_db_url())
    try:
        async with store.engine.connect() as conn:
            report = await conn.run_sync(verify)
    finally:
        await store.close()
    for problem in report.problems:
        print(f"verify-audit: {problem}", flush=True)
    state = "intact" if report.intact else f"NOT intact ({len(report.problems)} problem(s))"
    print(
        f"audit log {state}: {report.records} records, head {report.head_id}:{report.head_hash}", flush=True
    )
    return 0 if report.intact else 1


async def make_cert(args: argparse.Namespace) -> int:
    if not 1 <= args.days <= 3650:
        print("make-cert: --days must be between 1 and 3650", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    cert, key = args.out / "server.crt", args.out / "server.key"
    pin = make_self_signed(cert, key, args.host, args.days)
    print(f"certificate {cert}\nkey {key} (keep it secret)\nsha256 fingerprint {pin}", flush=True)
    print("start the backend with --tls-cert and --tls-key; pin the fingerprint in each seat", flush=True)
    return 0


def read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("New password: ")
    if getpass.getpass("Again: ") != first:
        raise ValueError("the two passwords differ")
    return first


async def _write(args: argparse.Namespace, name: str, change: Callable[[sa.Connection, str], None]) -> int:
    try:
        password = read_password(args)
        check_new_password(password)
    except ValueError as exc:
        print(f"{name}: {exc}", file=sys.stderr)
        return 2
    password_hash = await asyncio.to_thread(hash_password, password)
    store = await Store.open(args.db or default_db_url())

    def write(conn: sa.Connection) -> tuple[None, list[Any]]:
        change(conn, password_hash)
        return None, []

    try:
        await store.run_write(write)
    except ValueError as exc:
        print(f"{name}: {exc}", file=sys.stderr)
        return 1
    finally:
        await store.close()
    return 0


async def add_account_command(args: argparse.Namespace) -> int:
    code = await _write(
        args,
        "add-account",
        lambda conn, h: add_account(conn, args.username, args.name, args.role, h, args.unit),
    )
    if code == 0:
        print(f"account {args.username} ({args.role}) added", flush=True)
    return code


async def reset_password_command(args: argparse.Namespace) -> int:
    code = await _write(args, "reset-password", lambda conn, h: reset_password(conn, args.username, h))
    if code == 0:
        print(f"password of {args.username} set; the account is unlocked and enabled", flush=True)
    return code
