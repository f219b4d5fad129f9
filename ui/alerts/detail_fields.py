"""The rows of the alert detail pane: every CAP field of an alert, its areas, its acknowledgement and
escalation, as (label, text) pairs in the operator's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from client_api.alert_messages import AlertArea, AlertRecord
from widgets.alert_labels import (
    cap_status_label,
    certainty_label,
    clock,
    severity_label,
    source_label,
    state_label,
    urgency_label,
)

translate = QCoreApplication.translate  # lupdate finds translate("Context", "literal") calls


def area_lines(area: AlertArea) -> str:
    """One area: its description, then its shapes and unit codes."""
    parts = [area.area_desc or translate("AlertDetail", "(no description)")]
    for ring in area.polygons:
        parts.append(translate("AlertDetail", "polygon of {n} points").format(n=max(0, len(ring) - 1)))
    for circle in area.circles:
        parts.append(
            translate("AlertDetail", "circle {radius} km around {lat:.5f}, {lon:.5f}").format(
                radius=f"{circle.radius_km:g}", lat=circle.lat, lon=circle.lon
            )
        )
    for code in area.geocodes:
        parts.append(f"{code.value_name} {code.value}")
    return "; ".join(parts)


def cap_rows(alert: AlertRecord) -> list[tuple[str, str]]:
    """The CAP message: alert block, info block and areas."""
    return [
        (translate("AlertDetail", "Identifier"), alert.identifier),
        (
            translate("AlertDetail", "Sender"),
            f"{alert.sender_name} <{alert.sender}>" if alert.sender_name else alert.sender,
        ),
        (translate("AlertDetail", "Sent"), clock(alert.sent)),
        (translate("AlertDetail", "Status"), cap_status_label(alert.status)),
        (translate("AlertDetail", "Message type"), alert.msg_type),
        (translate("AlertDetail", "Scope"), alert.scope),
        (translate("AlertDetail", "Source"), source_label(alert.source, alert.rule)),
        (translate("AlertDetail", "Language"), alert.language),
        (translate("AlertDetail", "Categories"), ", ".join(alert.categories)),
        (translate("AlertDetail", "Event"), alert.event),
        (translate("AlertDetail", "Urgency"), urgency_label(alert.urgency)),
        (translate("AlertDetail", "Severity"), severity_label(alert.severity)),
        (translate("AlertDetail", "Certainty"), certainty_label(alert.certainty)),
        (translate("AlertDetail", "Priority"), f"{alert.priority} / 64"),
        (translate("AlertDetail", "Response"), ", ".join(alert.response_types)),
        (translate("AlertDetail", "Headline"), alert.headline),
        (translate("AlertDetail", "Description"), alert.description),
        (translate("AlertDetail", "Instruction"), alert.instruction),
        (translate("AlertDetail", "Expires"), clock(alert.expires) or translate("AlertDetail", "no expiry")),
        (translate("AlertDetail", "Areas"), "\n".join(area_lines(a) for a in alert.areas)),
        (
            translate("AlertDetail", "Location"),
            "" if alert.lat is None or alert.lon is None else f"{alert.lat:.5f}, {alert.lon:.5f}",
        ),
        (translate("AlertDetail", "Unit code"), alert.grid_code or ""),
        (translate("AlertDetail", "References"), "\n".join(alert.references)),
        (translate("AlertDetail", "Received"), clock(alert.received_at)),
    ]


def handling_rows(alert: AlertRecord) -> list[tuple[str, str]]:
    """What the center did: state, acknowledgement (who, seat, when, why), escalation, linked case."""
    if alert.acked_at is not None:
        who = alert.acked_by_name or alert.acked_by or ""
        if alert.acked_by_name and alert.acked_by:
            who = f"{alert.acked_by_name} ({alert.acked_by})"
        acked = translate("AlertDetail", "{who} at seat {seat}, {when}").format(
            who=who, seat=alert.acked_seat or "?", when=clock(alert.acked_at)
        )
    else:
        acked = translate("AlertDetail", "not acknowledged")
    escalation = (
        translate("AlertDetail", "escalated to the supervisors at {when}").format(
            when=clock(alert.escalated_at)
        )
        if alert.escalation_level > 0
        else translate("AlertDetail", "not escalated")
    )
    return [
        (translate("AlertDetail", "State"), state_label(alert.state)),
        (translate("AlertDetail", "Acknowledged"), acked),
        (translate("AlertDetail", "Reason"), alert.ack_reason or ""),
        (translate("AlertDetail", "Escalation"), escalation),
        (translate("AlertDetail", "Case"), alert.case_no or translate("AlertDetail", "none")),
    ]
