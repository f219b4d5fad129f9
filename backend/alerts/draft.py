"""An alert about to be stored: what CAP ingestion, the warning models and manual raising produce."""

from __future__ import annotations

from dataclasses import dataclass, field

from client_api.alert_messages import AlertArea, Evidence


@dataclass(slots=True, kw_only=True)
class AlertDraft:
    """The CAP fields of a new alert. ``dedupe_key`` (warning models): while an alert with the same
    key is active or acknowledged but not yet cleared, no second one is raised."""

    identifier: str
    sender: str
    sent: float
    event: str
    headline: str
    status: str = "Actual"
    msg_type: str = "Alert"
    scope: str = "Public"
    source: str = "cap"
    rule: str | None = None
    language: str = "zh-CN"
    categories: list[str] = field(default_factory=lambda: ["Other"])
    urgency: str = "Unknown"
    severity: str = "Unknown"
    certainty: str = "Unknown"
    response_types: list[str] = field(default_factory=list)
    description: str = ""
    instruction: str = ""
    sender_name: str = ""
    areas: list[AlertArea] = field(default_factory=list)
    expires: float | None = None
    evidence: list[Evidence] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    grid_code: str | None = None
    references: list[str] = field(default_factory=list)
    dedupe_key: str | None = None
    cap_xml: str | None = None


def local_sender(node: str) -> str:
    """The CAP sender of alerts raised on this backend (warning models, seats): command-seat@<node>;
    CAP forbids spaces and commas in it."""
    return "command-seat@" + "".join("-" if c in " ,<&" else c for c in node)
