"""Every message type of the protocol: the core ones and each capability's, in one table.

The server dispatches by it, the client decodes answers and events by it, and the docs test checks
``docs/protocol*.md`` against it. A type may be defined once only.
"""

from __future__ import annotations

from typing import TypeVar

import msgspec

from client_api import (
    alert_messages,
    calls_messages,
    comms_messages,
    dispatch_messages,
    drill_messages,
    inbox_messages,
    intake_messages,
    lifecycle_messages,
    messages,
    sla_messages,
    wall_messages,
)

T = TypeVar("T")

_MODULES = (
    messages,
    calls_messages,
    inbox_messages,
    intake_messages,
    lifecycle_messages,
    dispatch_messages,
    sla_messages,
    alert_messages,
    wall_messages,
    comms_messages,
    drill_messages,
)


def _merge(tables: list[dict[str, T]]) -> dict[str, T]:
    merged: dict[str, T] = {}
    for table in tables:
        clash = merged.keys() & table.keys()
        if clash:
            raise RuntimeError(f"message types defined twice: {sorted(clash)}")
        merged.update(table)
    return merged


REQUESTS: dict[str, tuple[type[msgspec.Struct], type[msgspec.Struct]]] = _merge(
    [mod.REQUESTS for mod in _MODULES]
)
EVENTS: dict[str, type[msgspec.Struct]] = _merge([mod.EVENTS for mod in _MODULES])
PUBLIC_REQUESTS = messages.PUBLIC_REQUESTS
