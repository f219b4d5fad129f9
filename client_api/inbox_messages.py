"""Messages of the inbox capability (see docs/protocol-inbox.md). Merged into client_api.registry.

The inbox holds what arrives outside a phone call: reports from city-management inspectors (城管巡查员),
grid members (网格员), citizen apps and web forms (Open311), the enterprise service desk (一企来) and
sensor alarms. An operator takes an item, then turns it into a case or dismisses it.
"""

from __future__ import annotations

import msgspec

ITEM_STATUSES = ("new", "taken", "done", "dismissed")
OPEN_STATUSES = ("new", "taken")


class IntakeItem(msgspec.Struct, frozen=True):
    """One inbox item. ``taken_by``/``taken_at`` name who last handled it: who took it, made the case
    from it (``done``) or dismissed it."""

    id: int
    channel: str  # hotline | inspector | grid | app | web | enterprise | iot
    priority: int  # higher first; the channel sets it (enterprise items lead)
    received_at: float
    content: str
    status: str  # new | taken | done | dismissed
    reporter_name: str | None = None
    reporter_phone: str | None = None
    address: str | None = None
    lat: float | None = None
    lon: float | None = None
    taken_by: str | None = None
    taken_at: float | None = None
    case_id: int | None = None
    service_code: str | None = None  # Open311 items: the service (case category) the citizen chose
    app_name: str | None = None  # Open311 items: the app whose API key sent it
    media_url: str | None = None


# --- requests and their responses -------------------------------------------------------------------


class ListIntake(msgspec.Struct):
    """Items by priority (highest first), then age (oldest first). No status: the open ones."""

    status: str | None = None
    channel: str | None = None
    limit: int = 500


class IntakeList(msgspec.Struct):
    """The items, the whole inbox's counts per channel (every channel present, filters ignored), and the
    event sequence number the answer is consistent with."""

    items: list[IntakeItem]
    open_counts: dict[str, int]  # new + taken
    new_counts: dict[str, int]  # not taken by anyone yet: the badge
    last_seq: int


class SubmitIntake(msgspec.Struct):
    """A report from the field, a sensor gateway or the drill engine."""

    channel: str
    content: str
    reporter_name: str | None = None
    reporter_phone: str | None = None
    address: str | None = None
    lat: float | None = None
    lon: float | None = None


class TakeIntake(msgspec.Struct):
    item_id: int


class ReleaseIntake(msgspec.Struct):
    item_id: int


class DismissIntake(msgspec.Struct):
    item_id: int
    reason: str


class IntakeItemResult(msgspec.Struct):
    item: IntakeItem


REQUESTS: dict[str, tuple[type[msgspec.Struct], type[msgspec.Struct]]] = {
    "intake.list": (ListIntake, IntakeList),
    "intake.submit": (SubmitIntake, IntakeItemResult),
    "intake.take": (TakeIntake, IntakeItemResult),
    "intake.release": (ReleaseIntake, IntakeItemResult),
    "intake.dismiss": (DismissIntake, IntakeItemResult),
}

# --- server-pushed events ---------------------------------------------------------------------------


class IntakeCreated(msgspec.Struct):
    item: IntakeItem


class IntakeUpdated(msgspec.Struct):
    """An item changed: ``action`` is taken | released | dismissed | done; ``by`` is the username."""

    item: IntakeItem
    action: str
    by: str
    reason: str | None = None  # dismissed: why


EVENTS: dict[str, type[msgspec.Struct]] = {
    "intake.created": IntakeCreated,
    "intake.updated": IntakeUpdated,
}
