"""Remembered UI state (window geometry and the like), kept apart from preferences."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter

from app.paths import config_dir


def _store() -> QSettings:
    return QSettings(str(config_dir() / "ui-state.ini"), QSettings.Format.IniFormat)


def save_geometry(key: str, geometry: QByteArray) -> None:
    _store().setValue(f"geometry/{key}", geometry)


def load_geometry(key: str) -> QByteArray | None:
    value = _store().value(f"geometry/{key}")
    return value if isinstance(value, QByteArray) else None


def save_header_state(key: str, state: QByteArray) -> None:
    """A table header's column order, widths, hidden columns and sort (QHeaderView.saveState)."""
    _store().setValue(f"header/{key}", state)


def load_header_state(key: str) -> QByteArray | None:
    value = _store().value(f"header/{key}")
    return value if isinstance(value, QByteArray) else None


def remember_splitter(splitter: QSplitter, key: str) -> None:
    """Restore a splitter's sizes saved under ``key`` and save them again whenever the user moves it."""
    saved = load_geometry(key)
    if saved is not None:
        splitter.restoreState(saved)
    splitter.splitterMoved.connect(lambda *_args: save_geometry(key, splitter.saveState()))
