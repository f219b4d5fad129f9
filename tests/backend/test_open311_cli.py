"""API keys made and revoked by ``command-seat-server`` subcommands, used against a real server process."""

from __future__ import annotations

import hashlib
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import aiohttp
import sqlalchemy as sa

from app.bundled_backend import BundledBackend
from backend import schema


def server_command(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "backend", *args], capture_output=True, text=True, timeout=60, check=False
    )


def key_rows(db: Path) -> list[Any]:
    engine = sa.create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            return list(conn.execute(sa.select(schema.api_keys).order_by(schema.api_keys.c.created_at)).all())
    finally:
        engine.dispose()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def test_add_api_key_prints_the_key_once_and_stores_its_hash(tmp_path: Path) -> None:
    db = tmp_path / "keys.sqlite3"
    made = server_command("add-api-key", "demo-app", "--db", f"sqlite:///{db}")
    assert made.returncode == 0, made.stderr
    key = made.stdout.strip()
    assert len(key) >= 40 and "\n" not in key
    again = server_command("--db", f"sqlite:///{db}", "add-api-key", "demo-app")  # --db before it works too
    assert again.returncode == 0, again.stderr
    rows = key_rows(db)
    assert [(r.app_name, r.revoked) for r in rows] == [("demo-app", False), ("demo-app", False)]
    assert rows[0].key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert key not in db.read_bytes().decode("latin-1"), "the key itself is never stored"

    revoked = server_command("revoke-api-key", "demo-app", "--db", f"sqlite:///{db}")
    assert revoked.returncode == 0 and "revoked 2 key(s) of demo-app" in revoked.stdout
    assert [r.revoked for r in key_rows(db)] == [True, True]
    nothing = server_command("revoke-api-key", "demo-app", "--db", f"sqlite:///{db}")
    assert nothing.returncode == 1 and "no live key" in nothing.stderr


def test_a_bad_app_name_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "keys.sqlite3"
    result = server_command("add-api-key", "my app!", "--db", f"sqlite:///{db}")
    assert result.returncode == 2 and "app name 'my app!'" in result.stderr
    assert result.stdout == "" and not db.exists()


def test_a_server_process_serves_open311_with_a_key_from_the_command(aio: Any, tmp_path: Path) -> None:
    db = tmp_path / "server" / "seat.sqlite3"
    db.parent.mkdir()
    key = server_command("add-api-key", "city-app", "--db", f"sqlite:///{db}").stdout.strip()
    port = free_port()
    backend = BundledBackend(
        tmp_path / "server", db_url=f"sqlite:///{db}", extra_args=["--open311-port", str(port)]
    )
    backend.start()
    base = f"http://127.0.0.1:{port}/open311/v2/"

    async def post(api_key: str) -> tuple[int, Any]:
        body = {
            "api_key": api_key,
            "service_code": "E0402",
            "address_string": "望江路 5 号",
            "description": "占道经营",
        }
        async with (
            aiohttp.ClientSession() as session,
            session.post(base + "requests.json", data=body) as resp,
        ):
            return resp.status, await resp.json(content_type=None)

    try:
        accepted = aio.run(post(key))
        revoke = server_command("revoke-api-key", "city-app", "--db", f"sqlite:///{db}")
        refused = aio.run(post(key))
    finally:
        backend.stop()
    assert accepted[0] == 200 and accepted[1][0]["service_request_id"].isdigit()
    assert revoke.returncode == 0
    assert refused == (403, [{"code": 403, "description": "the api_key is unknown or revoked"}])
