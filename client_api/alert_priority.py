"""How loud an alert is: its priority from CAP urgency × severity × certainty, and how a seat shows it.

Shared by the backend (stored priority, escalation) and the seats (banner or toast, spoken or not).
"""

from __future__ import annotations

URGENCY_WEIGHT = {"Immediate": 4, "Expected": 3, "Future": 2, "Past": 1, "Unknown": 2}
SEVERITY_WEIGHT = {"Extreme": 4, "Severe": 3, "Moderate": 2, "Minor": 1, "Unknown": 2}
CERTAINTY_WEIGHT = {"Observed": 4, "Likely": 3, "Possible": 2, "Unlikely": 1, "Unknown": 2}
# Severities whose alerts stay on screen as a banner until acknowledged with a reason, are repeated
# while unacknowledged and escalate to the supervisors' seats.
BANNER_SEVERITIES = frozenset({"Extreme", "Severe"})
SEVERITY_ORDER = ("Minor", "Unknown", "Moderate", "Severe", "Extreme")  # quiet … loud


def priority(urgency: str, severity: str, certainty: str) -> int:
    """1 (Past, Minor, Unlikely) … 64 (Immediate, Extreme, Observed)."""
    return (
        URGENCY_WEIGHT.get(urgency, 2) * SEVERITY_WEIGHT.get(severity, 2) * CERTAINTY_WEIGHT.get(certainty, 2)
    )


def is_banner(severity: str) -> bool:
    return severity in BANNER_SEVERITIES


def severity_rank(severity: str) -> int:
    """Position in SEVERITY_ORDER (unknown words rank as Unknown)."""
    return SEVERITY_ORDER.index(severity) if severity in SEVERITY_ORDER else 1


def should_speak(severity: str, min_severity: str) -> bool:
    """Whether a seat whose setting is ``min_severity`` speaks an alert of ``severity``."""
    return severity_rank(severity) >= severity_rank(min_severity)
