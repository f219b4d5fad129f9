"""Which wall monitors a seat shows at start: ``--wall`` (repeatable) wins over the ``wall_monitors``
setting; numbers outside 1…24 in the settings are left out, and the log says so."""

from __future__ import annotations

import pytest

from app.cli import build_parser
from app.crash import CrashHandler
from app.main import Startup
from app.settings import Settings


def monitors(argv: list[str], setting: list[int]) -> list[int]:
    return Startup(
        build_parser().parse_args(argv), Settings(wall_monitors=setting), CrashHandler()
    ).wall_monitors()


def test_the_command_line_wins_over_the_settings() -> None:
    assert monitors(["--wall", "1", "--wall", "1", "--wall", "4"], [2]) == [1, 4]
    assert monitors([], [2, 2, 3]) == [2, 3]
    assert monitors([], []) == []


def test_settings_outside_the_wall_are_left_out(caplog: pytest.LogCaptureFixture) -> None:
    assert monitors([], [0, 3, 99]) == [3]
    assert "wall_monitors [0, 3, 99] holds numbers outside" in caplog.text


def test_a_monitor_that_is_no_number_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--wall", "left"])
    assert "a monitor is a number from 1 to 24, not 'left'" in capsys.readouterr().err
