"""What an inbox item may hold: channels and their priorities, and the checks of every field."""

from __future__ import annotations

import math
import re
from typing import Any

from backend.case_writes import CHANNELS
from backend.inbox.records import field_error
from client_api.inbox_messages import SubmitIntake

# Enterprise service desk (一企来) items lead the inbox: the desk promises businesses a faster answer.
# Sensor alarms come next: they report a physical hazard (water level, gas, a tilted manhole cover).
CHANNEL_PRIORITY: dict[str, int] = dict.fromkeys(CHANNELS, 0) | {"enterprise": 20, "iot": 10}

MAX_CONTENT = 4000
MAX_ADDRESS = 512  # schema.intake_items.c.address
MAX_NAME = 64  # schema.intake_items.c.reporter_name
MAX_PHONE = 32  # schema.intake_items.c.reporter_phone
MAX_REASON = 500
_PHONE = re.compile(r"[0-9+\-#*() ]+")


def required_text(value: str, field: str, limit: int) -> str:
    text = value.strip()
    if not text:
        raise field_error(field, f"the {field} is empty")
    if len(text) > limit:
        raise field_error(field, f"the {field} is longer than {limit} characters")
    return text


def optional_text(value: str | None, field: str, limit: int) -> str | None:
    """Trimmed text, None when absent or blank."""
    if value is None or not value.strip():
        return None
    return required_text(value, field, limit)


def checked_phone(value: str | None, field: str = "reporter_phone") -> str | None:
    phone = optional_text(value, field, MAX_PHONE)
    if phone is not None and (not _PHONE.fullmatch(phone) or sum(c.isdigit() for c in phone) < 3):
        raise field_error(field, "a phone number holds digits and + - # * ( ) only")
    return phone


def check_location(
    lat: float | None, lon: float | None, lat_field: str = "lat", lon_field: str = "lon"
) -> None:
    """Both or neither; finite and on the globe."""
    if (lat is None) != (lon is None):
        raise field_error(lon_field if lon is None else lat_field, f"{lat_field} and {lon_field} go together")
    if lat is not None and not (math.isfinite(lat) and -90 <= lat <= 90):
        raise field_error(lat_field, f"{lat_field} must be a number between -90 and 90")
    if lon is not None and not (math.isfinite(lon) and -180 <= lon <= 180):
        raise field_error(lon_field, f"{lon_field} must be a number between -180 and 180")


def check_channel(channel: str) -> str:
    if channel not in CHANNELS:
        raise field_error("channel", f"channel must be one of {', '.join(CHANNELS)}")
    return channel


def submission_values(req: SubmitIntake) -> dict[str, Any]:
    """The columns of a new item from ``intake.submit``, or ProtocolError naming the bad field."""
    check_location(req.lat, req.lon)
    return {
        "channel": check_channel(req.channel),
        "priority": CHANNEL_PRIORITY[req.channel],
        "content": required_text(req.content, "content", MAX_CONTENT),
        "reporter_name": optional_text(req.reporter_name, "reporter_name", MAX_NAME),
        "reporter_phone": checked_phone(req.reporter_phone),
        "address": optional_text(req.address, "address", MAX_ADDRESS),
        "lat": req.lat,
        "lon": req.lon,
    }
