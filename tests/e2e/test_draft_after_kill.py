"""A console killed while the operator is writing a case reopens the draft when it starts again."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from app.drafts import DraftStore
from tests.e2e.draft_console import DESCRIPTION


def console(mode: str, url: str) -> subprocess.Popen[str]:
    options = ["--server", url, "--user", "operator1", "--password", "demo", "--no-crash-dialog"]
    return subprocess.Popen(
        [sys.executable, "-m", "tests.e2e.draft_console", mode, *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_console_killed_while_editing_reopens_its_draft(isolated_dirs: Path, backend_process: Any) -> None:
    first = console("type", backend_process.url)
    try:
        assert first.stdout is not None
        line = ""
        while "DRAFT SAVED" not in line:
            line = first.stdout.readline()
            assert line, "the console ended before saving its draft: " + (
                first.stderr.read() if first.stderr else ""
            )
    finally:
        first.kill()  # SIGKILL: no goodbye, no chance to save anything more
        first.communicate(timeout=30)
    draft = DraftStore().load()
    assert draft is not None and draft.description == DESCRIPTION

    second = console("report", backend_process.url)
    out, err = second.communicate(timeout=90)
    assert second.returncode == 0, err[-3000:]
    form = json.loads(next(line for line in out.splitlines() if line.startswith("FORM "))[5:])
    assert form == {"category": "E0401", "address": "新桥路5号", "description": DESCRIPTION}
    log = (isolated_dirs / "log" / "seat.log").read_text(encoding="utf-8")
    assert "was reopened" in log
