"""``command-seat-server add-api-key`` and ``revoke-api-key``: the keys of Open311 client apps."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from backend.database import default_db_url
from backend.open311.keys import add_key, check_app_name, revoke_keys
from backend.store import Store


def add_commands(commands: Any) -> None:
    """Add the subcommands to ``commands`` (the parser's ``add_subparsers()``)."""
    add = commands.add_parser(
        "add-api-key", help="make an API key for an Open311 app; prints it once, stores only its sha256"
    )
    revoke = commands.add_parser("revoke-api-key", help="revoke every key of an Open311 app")
    for parser, run in ((add, add_api_key), (revoke, revoke_api_key)):
        parser.add_argument("app_name", metavar="APP_NAME", help="the app, e.g. city-app or web-portal")
        # SUPPRESS: an absent --db here must not hide one given before the subcommand.
        parser.add_argument("--db", default=argparse.SUPPRESS, help="SQLAlchemy URL (default: the data dir)")
        parser.set_defaults(run_command=run)


async def add_api_key(args: argparse.Namespace) -> int:
    try:
        check_app_name(args.app_name)
    except ValueError as exc:
        print(f"add-api-key: {exc}", file=sys.stderr)
        return 2
    store = await Store.open(args.db or default_db_url())
    try:
        key = await add_key(store, args.app_name)
    finally:
        await store.close()
    print(key, flush=True)
    print(f"The key of {args.app_name} is shown this once: only its sha256 is stored.", file=sys.stderr)
    return 0


async def revoke_api_key(args: argparse.Namespace) -> int:
    store = await Store.open(args.db or default_db_url())
    try:
        count = await revoke_keys(store, args.app_name)
    finally:
        await store.close()
    if count == 0:
        print(f"revoke-api-key: {args.app_name} has no live key", file=sys.stderr)
        return 1
    print(f"revoked {count} key(s) of {args.app_name}", flush=True)
    return 0
