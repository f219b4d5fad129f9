"""Radio words and numbers as the console shows them: clock times, elapsed talk time, a unit's place."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication


def clock(ts: float | None) -> str:
    """Wall-clock time of the day, to the second (a radio log's precision)."""
    return "" if ts is None else dt.datetime.fromtimestamp(ts).strftime("%H:%M:%S")


def clock_minutes(ts: float) -> str:
    return dt.datetime.fromtimestamp(ts).strftime("%H:%M")


def elapsed(seconds: float) -> str:
    """0:07, 12:45, 1:02:03."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def location(lat: float | None, lon: float | None) -> str:
    if lat is None or lon is None:
        return QCoreApplication.translate("RadioLabels", "unknown")
    return f"{lat:.5f}, {lon:.5f}"


def transcript(text: str) -> str:
    return text.strip() or QCoreApplication.translate("RadioLabels", "(no transcript)")
