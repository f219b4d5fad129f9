"""Shared fixtures: isolated user dirs, the one qasync loop, real backend processes, PostgreSQL schemas."""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import uuid
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

T = TypeVar("T")

PG_ADMIN_DSN = os.environ.get("COMMAND_SEAT_TEST_PG", "postgresql://127.0.0.1:5432/test")


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Tests never read or write the real user's data, config or log dirs."""
    for name in ("DATA", "CONFIG", "LOG"):
        path = tmp_path / name.lower()
        path.mkdir()
        monkeypatch.setenv(f"COMMAND_SEAT_{name}_DIR", str(path))
    return tmp_path


@pytest.fixture(autouse=True)
def no_speech_engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Consoles built in tests start no speech engine (espeak-ng speaks one utterance per process at a
    time) unless the test is marked ``speech``; the popups still record every announcement they make."""
    if request.node.get_closest_marker("speech") is None:
        monkeypatch.setattr("app.alerts_service.AlertsService._make_speech", lambda _self: None)


@pytest.fixture(scope="session")
def qt_loop(qapp: Any) -> Any:
    """The one qasync loop of the session. Never stopped: stopping breaks every later qtbot.wait*."""
    import qasync

    loop = qasync.QEventLoop(qapp, already_running=True)
    # qasync's default executor runs QThreads that are never stopped (the loop is never closed) and
    # abort the process at exit; plain threads end with the interpreter.
    loop.set_default_executor(concurrent.futures.ThreadPoolExecutor())
    asyncio.set_event_loop(loop)
    return loop


class AsyncRunner:
    """Runs coroutines on the qasync loop while Qt keeps processing events."""

    def __init__(self, qtbot: Any, loop: asyncio.AbstractEventLoop) -> None:
        self.qtbot = qtbot
        self.loop = loop

    def run(self, coro: Coroutine[Any, Any, T], timeout: float = 15.0) -> T:
        task = self.loop.create_task(coro)
        try:
            self.qtbot.waitUntil(task.done, timeout=int(timeout * 1000))
        except BaseException:
            task.cancel()
            raise
        return task.result()


@pytest.fixture
def aio(qtbot: Any, qt_loop: asyncio.AbstractEventLoop) -> AsyncRunner:
    return AsyncRunner(qtbot, qt_loop)


@pytest.fixture
def backend_process(tmp_path: Path) -> Iterator[Any]:
    """A real backend process on a free port with a fresh SQLite file and the demo data."""
    from app.bundled_backend import BundledBackend

    backend = BundledBackend(tmp_path / "server-data")
    backend.start()
    try:
        yield backend
    finally:
        backend.stop()


def _pg_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN_DSN, connect_timeout=3):
            return True
    except Exception:
        return False


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A SQLAlchemy URL to a fresh schema in the PostgreSQL database ``test``, dropped afterwards."""
    import psycopg

    if not _pg_available():
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is not reachable at {PG_ADMIN_DSN}, and CI must test against it")
        pytest.skip(f"PostgreSQL is not reachable at {PG_ADMIN_DSN}")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    base = PG_ADMIN_DSN.split("://", 1)[1]
    try:
        yield f"postgresql+psycopg://{base}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
