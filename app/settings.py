"""Typed, versioned user preferences, stored as JSON in the platform config dir.

Remembered UI state (window geometry, splitters) lives apart, in ``app.ui_state``.
"""

from __future__ import annotations

import json
import logging
import os
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec

from app.paths import config_dir

log = logging.getLogger("app.settings")

SCHEMA_VERSION = 2


class Settings(msgspec.Struct, kw_only=True):
    """What a seat is configured to do. Defaults suit a seat on its bundled backend."""

    schema_version: int = SCHEMA_VERSION
    language: str | None = None  # None: follow the system (zh_CN on a Chinese system, else English)
    server_url: str | None = None  # None: start and use the bundled local backend
    seat_id: str = ""  # empty: the host name
    last_username: str = ""
    request_timeout_s: float = 10.0
    idle_lock_minutes: int = 15  # lock the seat after this long without input; 0: never
    # New fields with defaults read old files unchanged, so they need no new schema version.
    tls_ca_file: str | None = None  # verify a wss:// backend against this CA file (else the system's)
    tls_fingerprint: str | None = None  # or against this pinned sha256 certificate fingerprint
    allow_insecure_ws: bool = False  # permit plain ws:// to another machine (a lab, never production)
    # Alerts: spoken announcements and repeats (see app/speech.py and app/alerts_service.py).
    speech_muted: bool = False
    speech_volume: float = 0.8  # 0…1
    speech_min_severity: str = "Moderate"  # CAP severity: Minor alerts are not spoken by default
    speech_voice: str | None = None  # a voice id of the speech engine; None: a Chinese voice if any
    alert_chime: bool = True  # a chime before each announcement
    alert_repeat_s: float = 60.0  # an unacknowledged banner alert is announced again after this long
    # A seat driving wall screens opens a wall display for each of these monitors (1-based) at start,
    # as ``command-seat --wall N`` does.
    wall_monitors: list[int] = []

    def effective_seat_id(self) -> str:
        return self.seat_id or socket.gethostname()


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    # v1 called the server setting "server"; v2 names it for what it holds.
    data = dict(data)
    if "server" in data:
        data["server_url"] = data.pop("server")
    return data


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


def settings_path() -> Path:
    return config_dir() / "settings.json"


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring stored settings of any older schema version to the current one."""
    version = int(data.get("schema_version", 1))
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["schema_version"] = version
    return data


def load_settings(path: Path | None = None) -> Settings:
    """Read the settings; a missing or unreadable file gives the defaults (and the reason is logged)."""
    path = path or settings_path()
    if not path.exists():
        return Settings()
    try:
        data = migrate(json.loads(path.read_text(encoding="utf-8")))
        return msgspec.convert(data, Settings)
    except (OSError, ValueError, msgspec.ValidationError, KeyError) as exc:
        log.error("settings file %s is unusable (%s); using defaults", path, exc)
        return Settings()


def save_settings(settings: Settings, path: Path | None = None) -> None:
    path = path or settings_path()
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(msgspec.json.format(msgspec.json.encode(settings), indent=2))
    os.replace(tmp, path)
