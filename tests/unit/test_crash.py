"""The crash path: exceptions are logged and written to a report; hard crashes reach faulthandler's file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.crash import CrashHandler
from app.logs import ring


def test_exception_is_logged_and_written_to_a_report(isolated_dirs: Path) -> None:
    handler = CrashHandler(show_dialog=False)
    handler.install()
    try:
        ring.lines.append("recent line before the crash")
        try:
            raise ValueError("case form exploded")
        except ValueError as exc:
            handler.on_exception(type(exc), exc, exc.__traceback__)
    finally:
        handler.uninstall()
    [report] = handler.reports
    assert report.parent == isolated_dirs / "data"
    text = report.read_text(encoding="utf-8")
    assert "ValueError: case form exploded" in text
    assert "recent line before the crash" in text


def test_hard_crash_is_written_by_faulthandler(isolated_dirs: Path) -> None:
    code = (
        "import faulthandler\n"
        "from app.crash import CrashHandler\n"
        "CrashHandler(show_dialog=False).install()\n"
        "faulthandler._sigsegv()\n"
    )
    env = dict(os.environ)
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, timeout=60)
    assert result.returncode != 0
    log = (isolated_dirs / "data" / "crash-faulthandler.log").read_text(encoding="utf-8")
    assert "Segmentation fault" in log


def test_unhandled_exception_in_the_console_leaves_a_report(isolated_dirs: Path) -> None:
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from app.crash import CrashHandler\n"
        "app = QApplication([])\n"
        "CrashHandler(show_dialog=False).install()\n"
        "sys.excepthook(RuntimeError, RuntimeError('boom in a slot'), None)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60, text=True)
    assert result.returncode == 0, result.stderr
    reports = list((isolated_dirs / "data").glob("crash-*.txt"))
    assert len(reports) == 1
    assert "boom in a slot" in reports[0].read_text(encoding="utf-8")
