"""The installed commands, run as an installer or a newcomer would run them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage


def run_console(*args: str, timeout: int = 90) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args], capture_output=True, text=True, timeout=timeout
    )


def test_self_check_passes_on_the_bundled_backend() -> None:
    result = run_console("--self-check", "--no-crash-dialog")
    assert result.returncode == 0, result.stdout + result.stderr
    for name in ("Backend", "Connection", "Login", "Case round trip", "Database", "Translation", "Fonts"):
        assert f"[PASS] {name}:" in result.stdout
    assert "7 of 7 checks passed." in result.stdout


def test_self_check_reaches_a_central_server(backend_process: Any) -> None:
    result = run_console("--self-check", "--server", backend_process.url)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"using {backend_process.url}" in result.stdout


def test_self_check_fails_when_the_server_is_not_there() -> None:
    result = run_console("--self-check", "--server", "ws://127.0.0.1:9")
    assert result.returncode == 1
    assert "[FAIL] Connection:" in result.stdout


def test_self_check_report_speaks_chinese() -> None:
    result = run_console("--self-check", "--lang", "zh_CN")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "[通过] 后台:" in result.stdout


def test_demo_console_starts_logs_in_and_shows_its_window(isolated_dirs: Path) -> None:
    shot = isolated_dirs / "console.png"
    result = run_console("--demo", "--no-crash-dialog", "--seat-id", "seat-9", "--screenshot", str(shot))
    assert result.returncode == 0, result.stderr[-3000:]
    image = QImage(str(shot))
    assert image.width() >= 800 and image.height() >= 500
    log = (isolated_dirs / "log" / "seat.log").read_text(encoding="utf-8")
    for phase in (
        "settings and logging",
        "crash handler",
        "translations",
        "backend: bundled",
        "login",
        "main window",
    ):
        assert f"start-up: {phase}" in log
    assert (isolated_dirs / "data" / "seat.sqlite3").exists()


def test_server_command_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "backend", "--help"], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0
    for option in ("--db", "--host", "--port", "--seed-demo"):
        assert option in result.stdout
