"""Times in scenario files: ``1h30m``, ``2m30s``, ``45s``, ``2d``, or a plain number of seconds."""

from __future__ import annotations

import math
import re

_DURATION = re.compile(r"(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?")


def parse_duration(value: object, numbers_ok: bool = True) -> float | None:
    """Seconds of ``1h30m``, ``2m30s``, ``45s``, ``2d`` (or a plain number of seconds when
    ``numbers_ok``); None when it is neither."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if numbers_ok and math.isfinite(value) and value >= 0 else None
    match = _DURATION.fullmatch(str(value).strip())
    if match is None or not any(match.groups()):
        return None
    days, hours, minutes, seconds = (float(g) if g else 0.0 for g in match.groups())
    return days * 86400 + hours * 3600 + minutes * 60 + seconds


def format_duration(seconds: float) -> str:
    """``1h30m``, ``2m30s``, ``45s``: the way scenario files write times."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{hours}h" if hours else "", f"{minutes}m" if minutes else ""]
    fraction = seconds - whole
    if secs or fraction or not (hours or minutes):
        parts.append(f"{secs + fraction:g}s")
    return "".join(parts)
