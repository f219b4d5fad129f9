"""The seat's own radio console settings: the selected talk group, and per group whether it is
monitored, muted and how loud; the push-to-talk hotkey. Remembered UI state (``ui-state.ini``, next to
window geometry), so it survives a restart of the seat."""

from __future__ import annotations

import logging

import msgspec
from PySide6.QtCore import QSettings

from app.paths import config_dir

log = logging.getLogger("app.radio")

# F12 reaches the PTT from anywhere in the window; foot pedals usually send a key like it.
DEFAULT_PTT_KEY = "F12"
DEFAULT_VOLUME = 80


class StripPrefs(msgspec.Struct, frozen=True):
    """One talk group on this seat: heard (``monitored`` and not ``muted``) at ``volume`` (0–100)."""

    monitored: bool = True
    muted: bool = False
    volume: int = DEFAULT_VOLUME


class RadioPrefs(msgspec.Struct):
    """Attributes: selected (the group PTT transmits on), strips (StripPrefs by group id), ptt_key
    (a QKeySequence string of the window-wide PTT key)."""

    selected: str | None = None
    strips: dict[str, StripPrefs] = {}
    ptt_key: str = DEFAULT_PTT_KEY

    def for_group(self, group_id: str) -> StripPrefs:
        return self.strips.get(group_id, StripPrefs())


def _store() -> QSettings:
    return QSettings(str(config_dir() / "ui-state.ini"), QSettings.Format.IniFormat)


def load_radio_prefs() -> RadioPrefs:
    """The remembered radio settings; defaults when none are kept or they cannot be read."""
    value = _store().value("radio/prefs")
    if not isinstance(value, str) or not value:
        return RadioPrefs()
    try:
        return msgspec.json.decode(value, type=RadioPrefs)
    except msgspec.DecodeError as exc:
        log.warning("the remembered radio settings are unusable (%s); using defaults", exc)
        return RadioPrefs()


def save_radio_prefs(prefs: RadioPrefs) -> None:
    store = _store()
    store.setValue("radio/prefs", msgspec.json.encode(prefs).decode())
    store.sync()
