"""Comms words in the operator's language (presence, kinds, call and party states, results, receipts,
media, the PBX link) and the presence colours: one source for the directory, the call cards, the
message list and the status line."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from client_api import comms_messages as cm

# Presence as operator panels colour it: green free, amber busy, red on the phone, grey away.
PRESENCE_COLOURS = {
    "available": "#12b76a",
    "busy": "#f79009",
    "in_call": "#f04438",
    "off_duty": "#98a2b3",
    "offline": "#475467",
}
_DOTS: dict[str, QIcon] = {}


def presence_label(presence: str) -> str:
    labels = {
        "available": QCoreApplication.translate("CommsLabels", "Available"),
        "busy": QCoreApplication.translate("CommsLabels", "Busy"),
        "in_call": QCoreApplication.translate("CommsLabels", "In a call"),
        "off_duty": QCoreApplication.translate("CommsLabels", "Off duty"),
        "offline": QCoreApplication.translate("CommsLabels", "Offline"),
    }
    return labels.get(presence, presence)


def presence_dot(presence: str) -> QIcon:
    """A filled round dot in the presence colour (hollow when offline), made once per presence."""
    if presence not in _DOTS:
        pixmap = QPixmap(12, 12)
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(PRESENCE_COLOURS.get(presence, "#98a2b3"))
        painter.setPen(colour)
        if presence != "offline":
            painter.setBrush(colour)
        painter.drawEllipse(1, 1, 10, 10)
        painter.end()
        _DOTS[presence] = QIcon(pixmap)
    return _DOTS[presence]


def kind_label(kind: str) -> str:
    labels = {
        "department": QCoreApplication.translate("CommsLabels", "Department"),
        "center": QCoreApplication.translate("CommsLabels", "Town/village center"),
        "grid_member": QCoreApplication.translate("CommsLabels", "Grid member"),
        "field_unit": QCoreApplication.translate("CommsLabels", "Field unit"),
        "person": QCoreApplication.translate("CommsLabels", "Person"),
    }
    return labels.get(kind, kind)


def call_state_label(state: str) -> str:
    labels = {
        "dialing": QCoreApplication.translate("CommsLabels", "Dialling"),
        "ringing": QCoreApplication.translate("CommsLabels", "Ringing"),
        "active": QCoreApplication.translate("CommsLabels", "Connected"),
        "held": QCoreApplication.translate("CommsLabels", "On hold"),
        "ended": QCoreApplication.translate("CommsLabels", "Ended"),
        "failed": QCoreApplication.translate("CommsLabels", "Failed"),
    }
    return labels.get(state, state)


def party_state_label(state: str) -> str:
    labels = {
        "dialing": QCoreApplication.translate("CommsLabels", "Dialling"),
        "ringing": QCoreApplication.translate("CommsLabels", "Ringing"),
        "connected": QCoreApplication.translate("CommsLabels", "Connected"),
        "held": QCoreApplication.translate("CommsLabels", "On hold"),
        "left": QCoreApplication.translate("CommsLabels", "Left"),
        "failed": QCoreApplication.translate("CommsLabels", "Failed"),
    }
    return labels.get(state, state)


def result_label(result: str | None) -> str:
    if result is None:
        return ""
    labels = {
        "completed": QCoreApplication.translate("CommsLabels", "Completed"),
        "no_answer": QCoreApplication.translate("CommsLabels", "No answer"),
        "busy": QCoreApplication.translate("CommsLabels", "Line busy"),
        "rejected": QCoreApplication.translate("CommsLabels", "Rejected"),
        "unknown_number": QCoreApplication.translate("CommsLabels", "Unknown number"),
        "unreachable": QCoreApplication.translate("CommsLabels", "Unreachable"),
        "transferred": QCoreApplication.translate("CommsLabels", "Transferred"),
        "cancelled": QCoreApplication.translate("CommsLabels", "Cancelled"),
    }
    return labels.get(result, result)


def direction_label(direction: str) -> str:
    return {
        "in": QCoreApplication.translate("CommsLabels", "Incoming"),
        "out": QCoreApplication.translate("CommsLabels", "Outgoing"),
    }.get(direction, direction)


def medium_label(medium: str) -> str:
    return {
        "sms": QCoreApplication.translate("CommsLabels", "SMS"),
        "im": QCoreApplication.translate("CommsLabels", "IM"),
    }.get(medium, medium)


def receipt_label(state: str) -> str:
    labels = {
        "queued": QCoreApplication.translate("CommsLabels", "Queued"),
        "sent": QCoreApplication.translate("CommsLabels", "Sent"),
        "delivered": QCoreApplication.translate("CommsLabels", "Delivered"),
        "read": QCoreApplication.translate("CommsLabels", "Read"),
        "failed": QCoreApplication.translate("CommsLabels", "Failed"),
    }
    return labels.get(state, state)


def receipt_counts(message: cm.Message) -> dict[str, int]:
    """Recipients per receipt state; a read message was delivered too, so it counts in both."""
    counts = dict.fromkeys(cm.RECEIPT_STATES, 0)
    for receipt in message.receipts:
        counts[receipt.state] = counts.get(receipt.state, 0) + 1
    counts["delivered"] += counts["read"]
    return counts


def receipt_summary(message: cm.Message) -> str:
    counts = receipt_counts(message)
    text = QCoreApplication.translate(
        "CommsLabels", "{delivered}/{total} delivered · {read} read · {failed} failed"
    )
    return text.format(total=len(message.receipts), **counts)


def telephony_text(status: cm.TelephonyStatus | None, now: float | None = None) -> str:
    """The PBX link in a few words: "PBX: registered", "PBX unreachable — retrying in 12 s", "Simulated"."""
    if status is None:
        return QCoreApplication.translate("CommsLabels", "PBX: unknown")
    if status.state == "simulated" or status.adapter == "sim":
        return QCoreApplication.translate("CommsLabels", "Simulated telephony")
    if status.state == "registered":
        return QCoreApplication.translate("CommsLabels", "PBX: registered")
    if status.state in ("starting", "registering"):
        return QCoreApplication.translate("CommsLabels", "PBX: registering…")
    if status.retry_at is not None:
        seconds = max(0, round(status.retry_at - (time.time() if now is None else now)))
        return QCoreApplication.translate("CommsLabels", "PBX unreachable — retrying in {s} s").format(
            s=seconds
        )
    if status.state == "unregistered":
        return QCoreApplication.translate("CommsLabels", "PBX: not registered")
    return QCoreApplication.translate("CommsLabels", "PBX unreachable")


def telephony_ok(status: cm.TelephonyStatus | None) -> bool:
    return status is not None and status.state in ("registered", "simulated")


def duration_text(seconds: float | None) -> str:
    """mm:ss, or h:mm:ss past an hour; "" when unknown."""
    if seconds is None:
        return ""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"


def party_title(party: cm.CallParty) -> str:
    """The far end as an operator names it: "张伟 13800000001", or the number alone."""
    return f"{party.name} {party.number}" if party.name else party.number


def call_title(call: cm.CommsCall) -> str:
    """Who the call is with: the parties still on it (or every party once it ended)."""
    live = [p for p in call.parties if p.state not in ("left", "failed")] or list(call.parties)
    return "、".join(party_title(p) for p in live)
