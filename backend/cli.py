"""``command-seat-server``: run the backend standalone."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import ssl
import sys
from pathlib import Path

from backend.database import data_dir, default_db_url
from backend.open311.commands import add_commands as add_api_key_commands
from backend.security.commands import add_commands as add_security_commands
from backend.security.first_start import secure_first_start
from backend.security.tls import server_context
from backend.seed import seed_demo
from backend.server import Server
from backend.services import add_arguments, build_services
from backend.store import Store

log = logging.getLogger("backend")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="command-seat-server", description="Run the command-seat backend (websocket server)."
    )
    parser.add_argument("--db", default=None, help="SQLAlchemy URL (default: SQLite file in the data dir)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8765, help="port to listen on; 0 picks a free one")
    parser.add_argument("--seed-demo", action="store_true", help="load the demo district and accounts")
    parser.add_argument(
        "--exercise", action="store_true", help="mark this database as drill data (seats show 演练 EXERCISE)"
    )
    parser.add_argument("--node", default=None, help="node name reported to seats (default: host name)")
    parser.add_argument(
        "--port-file", type=Path, default=None, help="write the ws:// URL here once listening (for launchers)"
    )
    parser.add_argument("--log-level", default="INFO")
    parser.add_argument(
        "--tls-cert", type=Path, default=None, metavar="FILE", help="serve wss:// with this certificate (PEM)"
    )
    parser.add_argument(
        "--tls-key", type=Path, default=None, metavar="FILE", help="the certificate's private key (PEM)"
    )
    add_arguments(parser)
    # Subcommands are maintenance jobs; without one the server runs.
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands (default: serve)")
    add_api_key_commands(commands)
    add_security_commands(commands)
    return parser


def tls_context(args: argparse.Namespace) -> ssl.SSLContext | None:
    """The server's SSL context from --tls-cert and --tls-key; ValueError says what is wrong."""
    if args.tls_cert is None and args.tls_key is None:
        return None
    if args.tls_cert is None or args.tls_key is None:
        raise ValueError("--tls-cert and --tls-key go together")
    try:
        return server_context(args.tls_cert, args.tls_key)
    except (OSError, ssl.SSLError) as exc:
        raise ValueError(
            f"cannot use the certificate {args.tls_cert} with the key {args.tls_key}: {exc}"
        ) from None


async def run(args: argparse.Namespace) -> int:
    try:
        context = tls_context(args)
    except ValueError as exc:
        print(f"command-seat-server: {exc}", file=sys.stderr, flush=True)
        return 2
    url = args.db or default_db_url()
    store = await Store.open(url)
    try:
        if args.seed_demo and await seed_demo(store):
            log.info("demo district seeded")
        if args.exercise:
            await store.set_meta("exercise", "1")
        exercise = await store.get_meta("exercise") == "1"
        demo = await store.get_meta("demo_seeded") == "1"
        if not demo:
            disabled, password = await secure_first_start(store)
            if disabled:
                print(f"disabled accounts with a default password: {', '.join(disabled)}", flush=True)
            if password:
                print(
                    f"first start: administrator account 'admin', password {password} (shown once; "
                    "set another with: command-seat-server reset-password admin)",
                    flush=True,
                )
        server = Server(
            store,
            host=args.host,
            port=args.port,
            node=args.node,
            exercise=exercise,
            demo=demo,
            services=build_services(args),
            ssl=context,
        )
        await server.start()
        log.info(
            "database %s at revision %s%s", store.dialect, store.revision, " (EXERCISE)" if exercise else ""
        )
        if args.port_file:
            tmp = args.port_file.with_suffix(".tmp")
            tmp.write_text(server.url, encoding="utf-8")
            os.replace(tmp, args.port_file)
        print(f"command-seat-server listening on {server.url}", flush=True)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(sig, stop.set)
            except NotImplementedError:  # Windows
                signal.signal(sig, lambda *_: loop.call_soon_threadsafe(stop.set))
        await stop.wait()
        log.info("stopping")
        await server.close()
    finally:
        await store.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=args.log_level.upper(),
        format="%(asctime)s %(levelname)-7s %(name)s: %(message)s",
        handlers=[logging.StreamHandler(sys.stderr), logging.FileHandler(data_dir() / "server.log")],
    )
    if args.command is not None:
        code: int = asyncio.run(args.run_command(args))
        return code
    return asyncio.run(run(args))
