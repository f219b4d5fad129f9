"""Settings: typed, versioned, migrated, kept in the (test) config dir, robust to a broken file."""

from __future__ import annotations

import json
from pathlib import Path

from app.settings import SCHEMA_VERSION, Settings, load_settings, save_settings, settings_path


def test_defaults_when_nothing_is_stored() -> None:
    settings = load_settings()
    assert settings == Settings()
    assert settings.server_url is None
    assert settings.effective_seat_id()


def test_round_trip_goes_to_the_isolated_config_dir(isolated_dirs: Path) -> None:
    save_settings(Settings(language="zh_CN", server_url="wss://center:8765", seat_id="A-01"))
    assert settings_path().parent == isolated_dirs / "config"
    loaded = load_settings()
    assert (loaded.language, loaded.server_url, loaded.seat_id) == ("zh_CN", "wss://center:8765", "A-01")
    assert json.loads(settings_path().read_text())["schema_version"] == SCHEMA_VERSION


def test_version_1_file_is_migrated() -> None:
    settings_path().write_text(json.dumps({"schema_version": 1, "server": "ws://old:1", "seat_id": "B-2"}))
    loaded = load_settings()
    assert loaded.server_url == "ws://old:1"
    assert loaded.seat_id == "B-2"
    assert loaded.schema_version == SCHEMA_VERSION


def test_broken_file_gives_defaults_and_says_why(caplog: object) -> None:
    settings_path().write_text("{not json")
    assert load_settings() == Settings()


def test_wrong_type_gives_defaults() -> None:
    settings_path().write_text(json.dumps({"schema_version": SCHEMA_VERSION, "request_timeout_s": "soon"}))
    assert load_settings() == Settings()
