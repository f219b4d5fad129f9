"""The bundled backend: ``command-seat-server`` started by the console as its own process.

The seat talks to it over a real websocket on 127.0.0.1, exactly as it talks to a central server.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

log = logging.getLogger("app.backend")


class BackendStartError(RuntimeError):
    """The backend process did not come up; the message says why and where its log is."""


class BundledBackend:
    """A backend process on 127.0.0.1 with its own SQLite file.

    Attributes:
        url: ws:// URL once started.
        port: kept across restarts, so seats reconnect to the same address.
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        db_url: str | None = None,
        seed_demo: bool = True,
        exercise: bool = False,
        port: int = 0,
        extra_args: list[str] | None = None,
        simulate_sensors: bool = False,
    ) -> None:
        self.data_dir = data_dir
        self.db_url = db_url or f"sqlite:///{data_dir / 'seat.sqlite3'}"
        self.seed_demo = seed_demo
        self.exercise = exercise
        self.port = port
        self.extra_args = extra_args or []
        self.simulate_sensors = simulate_sensors  # demo mode: simulated meters, hazmat vehicles and stores
        self.url = ""
        self.log_path = data_dir / "bundled-server.log"
        self._proc: subprocess.Popen[bytes] | None = None
        self._log_file: IO[bytes] | None = None

    def _command(self, port_file: Path) -> list[str]:
        cmd = [
            sys.executable,
            "-m",
            "backend",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--db",
            self.db_url,
            "--port-file",
            str(port_file),
            *self.extra_args,
        ]
        if self.seed_demo:
            cmd.append("--seed-demo")
        if self.exercise:
            cmd.append("--exercise")
        if self.simulate_sensors:  # the demo: simulated meters, vehicles, stores and radio traffic
            cmd += ["--simulate-sensors", "--simulate-radio"]
        return cmd

    def _launch(self) -> Path:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        port_file = self.data_dir / f"bundled-server-{os.getpid()}.port"
        port_file.unlink(missing_ok=True)
        self._log_file = open(self.log_path, "ab")  # noqa: SIM115 - lives as long as the process
        env = dict(os.environ, COMMAND_SEAT_DATA_DIR=str(self.data_dir), PYTHONUNBUFFERED="1")
        self._proc = subprocess.Popen(
            self._command(port_file),
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
        )
        log.info("started bundled backend, pid %d, log %s", self._proc.pid, self.log_path)
        return port_file

    def _check(self, port_file: Path) -> bool:
        assert self._proc is not None
        if port_file.exists():
            self.url = port_file.read_text(encoding="utf-8").strip()
            self.port = int(self.url.rsplit(":", 1)[1])
            port_file.unlink(missing_ok=True)
            return True
        if self._proc.poll() is not None:
            code = self._proc.returncode
            self._cleanup()  # the log file closes with it
            raise BackendStartError(f"the bundled backend exited with code {code}; see {self.log_path}")
        return False

    def _ready(self, port_file: Path, deadline: float, timeout: float) -> bool:
        """Whether the backend listens yet; raise if it died or the deadline passed."""
        if self._check(port_file):
            return True
        if time.monotonic() > deadline:
            self.kill()
            raise BackendStartError(
                f"the bundled backend did not start within {timeout} s; see {self.log_path}"
            )
        return False

    def start(self, timeout: float = 30.0) -> str:
        """Start and wait until it listens (blocking: for tests, tools and the self-check)."""
        port_file, deadline = self._launch(), time.monotonic() + timeout
        while not self._ready(port_file, deadline, timeout):
            time.sleep(0.05)
        return self.url

    async def start_async(self, timeout: float = 30.0) -> str:
        """Start and wait without blocking the event loop (for the console's start-up)."""
        port_file, deadline = self._launch(), time.monotonic() + timeout
        while not self._ready(port_file, deadline, timeout):
            await asyncio.sleep(0.05)
        return self.url

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def stop(self, timeout: float = 10.0) -> None:
        """Ask the backend to stop (SIGTERM) and wait; kill it if it does not."""
        if self._proc is None:
            return
        if self._proc.poll() is None:
            self._proc.send_signal(signal.SIGTERM)
            try:
                self._proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        self._cleanup()

    def kill(self) -> None:
        """Kill the backend at once (SIGKILL), as a crash or power loss would."""
        if self._proc is None:
            return
        if self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        self._cleanup()

    def _cleanup(self) -> None:
        self._proc = None
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None
