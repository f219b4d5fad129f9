"""Alert words in the operator's language (severity, state, source, CAP codes), the drill prefix and the
severity colours: one source for the banner, the toasts, the table, the detail pane and the speech."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from client_api.alert_messages import AlertRecord

# Banner and cell colours by CAP severity: Extreme dark red, Severe orange.
SEVERITY_COLOURS = {
    "Extreme": "#7a0916",
    "Severe": "#c2410c",
    "Moderate": "#b7791f",
    "Minor": "#1f4e79",
    "Unknown": "#475467",
}


def severity_label(severity: str) -> str:
    labels = {
        "Extreme": QCoreApplication.translate("AlertLabels", "Extreme"),
        "Severe": QCoreApplication.translate("AlertLabels", "Severe"),
        "Moderate": QCoreApplication.translate("AlertLabels", "Moderate"),
        "Minor": QCoreApplication.translate("AlertLabels", "Minor"),
        "Unknown": QCoreApplication.translate("AlertLabels", "Unknown severity"),
    }
    return labels.get(severity, severity)


def state_label(state: str) -> str:
    labels = {
        "active": QCoreApplication.translate("AlertLabels", "Unacknowledged"),
        "acknowledged": QCoreApplication.translate("AlertLabels", "Acknowledged"),
        "cancelled": QCoreApplication.translate("AlertLabels", "Cancelled"),
        "expired": QCoreApplication.translate("AlertLabels", "Expired"),
    }
    return labels.get(state, state)


def source_label(source: str, rule: str | None = None) -> str:
    """Where an alert came from; a warning model's alert names its model."""
    if source == "rule" and rule:
        return rule_label(rule)
    labels = {
        "cap": QCoreApplication.translate("AlertLabels", "CAP message"),
        "rule": QCoreApplication.translate("AlertLabels", "Warning model"),
        "manual": QCoreApplication.translate("AlertLabels", "Raised by hand"),
    }
    return labels.get(source, source)


def rule_label(rule: str) -> str:
    labels = {
        "overdue": QCoreApplication.translate("AlertLabels", "Overdue cases"),
        "surge": QCoreApplication.translate("AlertLabels", "Surge of reports"),
        "repeat_calls": QCoreApplication.translate("AlertLabels", "Repeated calls"),
        "group_rental": QCoreApplication.translate("AlertLabels", "Suspected group rental"),
        "hazmat_route": QCoreApplication.translate("AlertLabels", "Hazmat vehicle off route"),
        "hazmat_storage": QCoreApplication.translate("AlertLabels", "Hazmat storage level"),
    }
    return labels.get(rule, rule)


def urgency_label(urgency: str) -> str:
    labels = {
        "Immediate": QCoreApplication.translate("AlertLabels", "Immediate"),
        "Expected": QCoreApplication.translate("AlertLabels", "Expected"),
        "Future": QCoreApplication.translate("AlertLabels", "Future"),
        "Past": QCoreApplication.translate("AlertLabels", "Past"),
        "Unknown": QCoreApplication.translate("AlertLabels", "Unknown urgency"),
    }
    return labels.get(urgency, urgency)


def certainty_label(certainty: str) -> str:
    labels = {
        "Observed": QCoreApplication.translate("AlertLabels", "Observed"),
        "Likely": QCoreApplication.translate("AlertLabels", "Likely"),
        "Possible": QCoreApplication.translate("AlertLabels", "Possible"),
        "Unlikely": QCoreApplication.translate("AlertLabels", "Unlikely"),
        "Unknown": QCoreApplication.translate("AlertLabels", "Unknown certainty"),
    }
    return labels.get(certainty, certainty)


def cap_status_label(status: str) -> str:
    labels = {
        "Actual": QCoreApplication.translate("AlertLabels", "Actual"),
        "Exercise": QCoreApplication.translate("AlertLabels", "Exercise"),
        "System": QCoreApplication.translate("AlertLabels", "System"),
        "Test": QCoreApplication.translate("AlertLabels", "Test"),
        "Draft": QCoreApplication.translate("AlertLabels", "Draft"),
    }
    return labels.get(status, status)


def is_drill(alert: AlertRecord, exercise: bool) -> bool:
    """A drill alert (CAP status Exercise), or any alert on an exercise server."""
    return exercise or alert.status == "Exercise"


def drill_prefix(alert: AlertRecord, exercise: bool) -> str:
    """「【演练】」 before every text shown or spoken of a drill alert, "" otherwise."""
    return QCoreApplication.translate("AlertLabels", "【演练】") if is_drill(alert, exercise) else ""


def area_text(alert: AlertRecord) -> str:
    return "、".join(a.area_desc for a in alert.areas if a.area_desc)


def announcement(alert: AlertRecord, exercise: bool, escalated: bool = False) -> str:
    """What the seat says: e.g. "【演练】 极重 预警：<headline>，<area>" (escalated: "已升级" first)."""
    core = QCoreApplication.translate("AlertLabels", "{severity} alert: {headline}, {area}").format(
        severity=severity_label(alert.severity), headline=alert.headline or alert.event, area=area_text(alert)
    )
    if not area_text(alert):
        core = QCoreApplication.translate("AlertLabels", "{severity} alert: {headline}").format(
            severity=severity_label(alert.severity), headline=alert.headline or alert.event
        )
    if escalated:
        core = QCoreApplication.translate("AlertLabels", "Escalated: {text}").format(text=core)
    prefix = drill_prefix(alert, exercise)
    return f"{prefix} {core}" if prefix else core


def escalated_label() -> str:
    return QCoreApplication.translate("AlertLabels", "Escalated")


def clock(ts: float | None) -> str:
    return "" if ts is None else dt.datetime.fromtimestamp(ts).strftime("%m-%d %H:%M:%S")
