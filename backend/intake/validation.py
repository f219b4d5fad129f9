"""Checks of intake input shared by the handlers and the case writes; errors name the field."""

from __future__ import annotations

from client_api.errors import ErrorCode, ProtocolError

FINISHED_STATUSES = ("closed", "archived", "voided")  # a case in these is no longer open
MAX_QUERY = 200


def invalid(field: str, message: str) -> ProtocolError:
    return ProtocolError(ErrorCode.INVALID_FIELD, message, {"field": field})


def not_found(field: str, message: str) -> ProtocolError:
    return ProtocolError(ErrorCode.NOT_FOUND, message, {"field": field})


def check_point(lat: float | None, lon: float | None, prefix: str = "") -> tuple[float, float] | None:
    """The point, None if neither is given; ProtocolError if only one is, or one is out of range."""
    if lat is None and lon is None:
        return None
    if lat is None or lon is None:
        missing = "lat" if lat is None else "lon"
        raise invalid(prefix + missing, "give both lat and lon, or neither")
    if not -90.0 <= lat <= 90.0:
        raise invalid(prefix + "lat", f"latitude {lat} is outside -90..90")
    if not -180.0 <= lon <= 180.0:
        raise invalid(prefix + "lon", f"longitude {lon} is outside -180..180")
    return lat, lon


def check_limit(limit: int, maximum: int) -> int:
    if not 1 <= limit <= maximum:
        raise invalid("limit", f"limit must be between 1 and {maximum}")
    return limit


def check_query(text: str, field: str = "query", maximum: int = MAX_QUERY) -> str:
    """The trimmed text; refused if empty or longer than ``maximum``."""
    text = text.strip()
    if not text:
        raise invalid(field, f"the {field} is empty")
    if len(text) > maximum:
        raise invalid(field, f"the {field} is longer than {maximum} characters")
    return text
