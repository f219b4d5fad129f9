"""Reading Open311 input: a POSTed report (form-encoded or JSON) and the filters of a GET."""

from __future__ import annotations

import datetime as dt
import time
import unicodedata
import urllib.parse
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from multidict import MultiMapping

from backend.inbox.rules import (
    MAX_ADDRESS,
    MAX_CONTENT,
    MAX_NAME,
    check_location,
    checked_phone,
    optional_text,
)
from backend.open311.catalog import Service
from backend.open311.errors import bad_request

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
MAX_MEDIA_URL = 1024  # schema.intake_items.c.media_url
DEFAULT_WINDOW = 90 * 86400  # Open311: without dates, the most recent 90 days
MAX_RESULTS = 1000


async def read_body(request: web.Request) -> dict[str, Any]:
    """The POSTed fields; the first value where a form repeats one."""
    try:
        if request.content_type == "application/json":
            data = await request.json()
            if not isinstance(data, dict):
                raise bad_request("the JSON body must be an object")
            return data
        if request.content_type in FORM_TYPES:
            form = await request.post()
            return {key: form.getone(key) for key in form}
    except (ValueError, UnicodeDecodeError):
        raise bad_request("the body is not valid UTF-8 JSON or form data") from None
    raise bad_request("send the request form-encoded (application/x-www-form-urlencoded) or as JSON")


def text(body: dict[str, Any], field: str) -> str | None:
    value = body.get(field)
    if value is None or isinstance(value, str):
        return value
    raise bad_request(f"{field} must be text")


def number(body: dict[str, Any], field: str) -> float | None:
    """A JSON number or a numeric string; blank means absent."""
    value = body.get(field)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise bad_request(f"{field} must be a number")
    try:
        return float(value)
    except ValueError:
        raise bad_request(f"{field} must be a number, not {value!r}") from None


def reporter_name(first: str | None, last: str | None) -> str | None:
    """Family name first and unspaced for Chinese names (张 + 三 → 张三), else "first last"."""
    parts = [p.strip() for p in (first, last) if p and p.strip()]
    if not parts:
        return None
    chinese = any(unicodedata.name(c, "").startswith("CJK") for part in parts for c in part)
    name = "".join(reversed(parts)) if chinese else " ".join(parts)
    return optional_text(name, "first_name and last_name", MAX_NAME)


def media_url(value: str | None) -> str | None:
    url = optional_text(value, "media_url", MAX_MEDIA_URL)
    if url is not None:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise bad_request("media_url must be an http or https URL")
    return url


def report_values(body: dict[str, Any], services: dict[str, Service]) -> dict[str, Any]:
    """The item columns of a POSTed report; ProtocolError (from the inbox's checks) or Open311Error."""
    code = text(body, "service_code")
    if not code:
        raise bad_request("service_code is required")
    if code not in services:
        raise bad_request(f"unknown service_code {code!r}; services.json lists them")
    lat, lon = number(body, "lat"), number(body, "long")
    check_location(lat, lon, "lat", "long")
    address = optional_text(text(body, "address_string"), "address_string", MAX_ADDRESS)
    if lat is None and address is None:
        unsupported = " (address_id is not supported here)" if text(body, "address_id") else ""
        raise bad_request(f"a location is required: lat and long, or address_string{unsupported}")
    for field in ("jurisdiction_id", "email", "device_id", "account_id"):
        text(body, field)  # accepted, not kept: the inbox has no column for them
    description = optional_text(text(body, "description"), "description", MAX_CONTENT)
    return {
        "service_code": code,
        "content": description or services[code].name,
        "address": address,
        "lat": lat,
        "lon": lon,
        "reporter_name": reporter_name(text(body, "first_name"), text(body, "last_name")),
        "reporter_phone": checked_phone(text(body, "phone"), "phone"),
        "media_url": media_url(text(body, "media_url")),
    }


@dataclass(frozen=True, slots=True)
class Filters:
    ids: list[int] | None = None
    service_codes: list[str] | None = None
    statuses: list[str] | None = None
    start: float | None = None
    end: float | None = None


def _list(query: MultiMapping[str], field: str) -> list[str] | None:
    value = query.get(field)
    if value is None:
        return None
    items = [part.strip() for part in value.split(",") if part.strip()]
    if not items:
        raise bad_request(f"{field} is empty")
    return items


def _date(query: MultiMapping[str], field: str) -> float | None:
    value = query.get(field)
    if value is None:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise bad_request(f"{field} must be an ISO 8601 date-time, e.g. 2026-05-01T08:00:00+08:00") from None
    return parsed.astimezone().timestamp()  # a time without a zone is the server's local time


def filters(query: MultiMapping[str]) -> Filters:
    """The filters of ``GET requests.json``; a list of ids overrides the others, as Open311 says."""
    ids = _list(query, "service_request_id")
    if ids is not None:
        if not all(i.isascii() and i.isdigit() and len(i) < 16 for i in ids):
            raise bad_request("service_request_id must be a comma-separated list of request ids")
        return Filters(ids=[int(i) for i in ids])
    statuses = _list(query, "status")
    if statuses is not None and not set(statuses) <= {"open", "closed"}:
        raise bad_request("status must be open, closed or both")
    start, end = _date(query, "start_date"), _date(query, "end_date")
    if start is not None and end is not None and start > end:
        raise bad_request("start_date is after end_date")
    if start is None:
        start = (time.time() if end is None else end) - DEFAULT_WINDOW
    return Filters(None, _list(query, "service_code"), statuses, start, end)
