"""Where the seat keeps its files: platform dirs, overridable for tests and portable installs."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "command-seat"


def _dir(env: str, default: str) -> Path:
    override = os.environ.get(env)
    path = Path(override) if override else Path(default)
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    """Database, outbox, crash files (COMMAND_SEAT_DATA_DIR overrides)."""
    return _dir("COMMAND_SEAT_DATA_DIR", platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """Settings and remembered UI state (COMMAND_SEAT_CONFIG_DIR overrides)."""
    return _dir("COMMAND_SEAT_CONFIG_DIR", platformdirs.user_config_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """Log files (COMMAND_SEAT_LOG_DIR overrides)."""
    return _dir("COMMAND_SEAT_LOG_DIR", platformdirs.user_log_dir(APP_NAME, appauthor=False))
