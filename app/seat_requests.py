"""Seat requests that never raise: a refusal or a lost link goes to the message bridge in words for
the operator (with the backend's reason), and the caller gets None."""

from __future__ import annotations

import logging
from typing import Any

import msgspec
from PySide6.QtCore import QCoreApplication

from app import message
from app.seat_service import SeatService
from client_api.errors import NotConnected, ProtocolError, RequestTimeout

log = logging.getLogger("app.requests")


async def send_or_report(seat: SeatService, type_: str, request: msgspec.Struct, failed: str) -> Any:
    """The answer to ``request``, or None after telling the operator ``failed`` and why."""
    try:
        return await seat.client.request(type_, request)
    except ProtocolError as exc:
        message.error(
            QCoreApplication.translate("SeatRequests", "{failed}: {reason}").format(
                failed=failed, reason=exc.message
            )
        )
    except (NotConnected, RequestTimeout):
        message.error(
            QCoreApplication.translate(
                "SeatRequests",
                "{failed}: the backend cannot be reached; try again when the seat is connected.",
            ).format(failed=failed)
        )
    return None


async def load_or_log(seat: SeatService, type_: str, request: msgspec.Struct) -> Any:
    """A read while loading: the answer, or None when this part cannot be loaded now (logged; the
    next reconnect loads again). A lost link raises, so that the whole load is tried again."""
    try:
        return await seat.client.request(type_, request)
    except ProtocolError as exc:
        log.warning("could not load %s: %s", type_, exc)
        return None
