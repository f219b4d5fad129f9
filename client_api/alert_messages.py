"""Messages of alerts and early warning: CAP 1.2 alerts, their acknowledgement and escalation, the
warning models' rules and the readings they watch (see docs/protocol-alerts.md).

An alert record follows CAP 1.2 (OASIS): the ``alert`` block, one ``info`` block (the one in the
center's language when a message has several) and its ``area`` blocks. Times are Unix seconds.
"""

from __future__ import annotations

import msgspec

from client_api.messages import CaseRecord

CAP_STATUSES = ("Actual", "Exercise", "System", "Test", "Draft")
CAP_MSG_TYPES = ("Alert", "Update", "Cancel", "Ack", "Error")
CAP_SCOPES = ("Public", "Restricted", "Private")
CAP_CATEGORIES = (
    "Geo",
    "Met",
    "Safety",
    "Security",
    "Rescue",
    "Fire",
    "Health",
    "Env",
    "Transport",
    "Infra",
    "CBRNE",
    "Other",
)
CAP_RESPONSE_TYPES = (
    "Shelter",
    "Evacuate",
    "Prepare",
    "Execute",
    "Avoid",
    "Monitor",
    "Assess",
    "AllClear",
    "None",
)
CAP_URGENCIES = ("Immediate", "Expected", "Future", "Past", "Unknown")
CAP_SEVERITIES = ("Extreme", "Severe", "Moderate", "Minor", "Unknown")
CAP_CERTAINTIES = ("Observed", "Likely", "Possible", "Unlikely", "Unknown")

ALERT_STATES = ("active", "acknowledged", "cancelled", "expired")
ALERT_SOURCES = ("cap", "rule", "manual")
# The warning models (预警模型) of backend/warnings, by rule kind.
RULE_KINDS = ("overdue", "surge", "repeat_calls", "group_rental", "hazmat_route", "hazmat_storage")


class Circle(msgspec.Struct, frozen=True, kw_only=True):
    lat: float
    lon: float
    radius_km: float


class Geocode(msgspec.Struct, frozen=True, kw_only=True):
    """CAP ``geocode``: ``value_name`` "grid" carries a code of the district's unit tree (town, village
    or grid code, as in reference areas)."""

    value_name: str
    value: str


class AlertArea(msgspec.Struct, frozen=True, kw_only=True):
    area_desc: str
    polygons: list[list[tuple[float, float]]] = []  # rings of (lat, lon), first point repeated last
    circles: list[Circle] = []
    geocodes: list[Geocode] = []


class Evidence(msgspec.Struct, frozen=True, kw_only=True):
    """One fact that made a warning model fire, shown to the operator as a row: e.g. label "水 m³/日",
    value 4.8, expected 1.2 (what the registered occupants would use)."""

    label: str
    value: str | float
    expected: str | float | None = None
    unit: str | None = None
    ts: float | None = None


class AlertRecord(msgspec.Struct, frozen=True, kw_only=True):
    id: int
    identifier: str  # CAP identifier, unique per sender
    sender: str
    sent: float
    status: str  # CAP_STATUSES; drill alerts are Exercise
    msg_type: str  # of the latest message applied: Alert | Update | Cancel
    scope: str  # CAP_SCOPES
    source: str  # ALERT_SOURCES: cap (ingested), rule (a warning model), manual (raised on a seat)
    rule: str | None  # RULE_KINDS when source is rule
    language: str  # e.g. zh-CN
    categories: list[str]  # CAP_CATEGORIES
    event: str  # the kind of event, free text (e.g. 暴雨, 疑似群租房)
    urgency: str
    severity: str
    certainty: str
    response_types: list[str]
    headline: str
    description: str
    instruction: str
    sender_name: str
    areas: list[AlertArea]
    expires: float | None
    priority: int  # client_api.alert_priority.priority(urgency, severity, certainty), 1…64
    evidence: list[Evidence]  # what triggered a warning model; empty for CAP and manual alerts
    lat: float | None  # a point for the map and for a case made from it (circle centre, polygon centroid)
    lon: float | None
    grid_code: str | None  # the most specific unit code of the area, when there is one
    state: str  # ALERT_STATES
    acked_by: str | None
    acked_by_name: str | None
    acked_seat: str | None
    acked_at: float | None
    ack_reason: str | None
    escalation_level: int  # 0; 1 once escalated to the supervisors' seats
    escalated_at: float | None
    case_id: int | None  # the case made from it or linked to it
    case_no: str | None
    references: list[str]  # CAP references ("sender,identifier,sent") of the messages applied to it
    received_at: float  # when the backend took it in (the start of the popup latency)
    updated_at: float


# --- requests ---


class ListAlerts(msgspec.Struct, kw_only=True):
    """Newest first. ``states`` None: all states; ``since``: received at or after (Unix time)."""

    states: list[str] | None = None
    since: float | None = None
    limit: int = 500


class AlertList(msgspec.Struct, kw_only=True):
    alerts: list[AlertRecord]
    last_seq: int


class AckAlert(msgspec.Struct, kw_only=True):
    """Acknowledge an alert; the reason is required (1…500 characters) for Severe and Extreme alerts."""

    alert_id: int
    reason: str = ""


class AlertAcked(msgspec.Struct, kw_only=True):
    alert: AlertRecord


class AlertToCase(msgspec.Struct, kw_only=True):
    """Make a case from an alert in one action: category, address, description, location and urgency
    filled from the alert; the alert is linked to the new case. ``category_code`` overrides the
    category the backend picks."""

    alert_id: int
    category_code: str | None = None


class AlertCaseCreated(msgspec.Struct, kw_only=True):
    alert: AlertRecord
    case: CaseRecord


class LinkAlert(msgspec.Struct, kw_only=True):
    """Link an alert to an existing case (the alert is acknowledged by the link if it was active)."""

    alert_id: int
    case_id: int


class AlertLinked(msgspec.Struct, kw_only=True):
    alert: AlertRecord


class IngestCap(msgspec.Struct, kw_only=True):
    """A CAP 1.2 message, or an Atom or RSS feed whose entries carry CAP messages, as XML text."""

    xml: str


class RejectedEntry(msgspec.Struct, frozen=True, kw_only=True):
    """A feed entry or reading that was refused and stored nowhere; ``index`` counts from 0."""

    index: int
    reason: str
    identifier: str | None = None


class CapIngested(msgspec.Struct, kw_only=True):
    """``alerts``: new or changed by the message(s); ``unchanged``: identifiers already known."""

    alerts: list[AlertRecord]
    rejected: list[RejectedEntry] = []
    unchanged: list[str] = []


class ExportCap(msgspec.Struct, kw_only=True):
    alert_id: int


class CapXml(msgspec.Struct, kw_only=True):
    xml: str  # CAP 1.2, valid against resources/cap/CAP-v1.2.xsd


class RaiseAlert(msgspec.Struct, kw_only=True):
    """A supervisor or trainer raises an alert by hand (source manual)."""

    event: str
    headline: str
    description: str = ""
    instruction: str = ""
    categories: list[str] = msgspec.field(default_factory=lambda: ["Other"])
    urgency: str = "Immediate"
    severity: str = "Severe"
    certainty: str = "Observed"
    area_desc: str = ""
    grid_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    expires_in_s: float | None = None


class AlertRaised(msgspec.Struct, kw_only=True):
    alert: AlertRecord


class WarningRule(msgspec.Struct, frozen=True, kw_only=True):
    """A warning model's rule: its thresholds are data. ``params`` by kind (docs/protocol-alerts.md)."""

    name: str
    kind: str  # RULE_KINDS
    enabled: bool
    params: dict[str, float | int | str | bool]
    severity: str  # CAP severity of the alerts it raises
    updated_by: str | None = None
    updated_at: float | None = None


class ListWarningRules(msgspec.Struct, kw_only=True):
    pass


class WarningRules(msgspec.Struct, kw_only=True):
    rules: list[WarningRule]


class SaveWarningRule(msgspec.Struct, kw_only=True):
    """Change a rule's thresholds, severity or enabled flag; unknown or out-of-range params are refused."""

    name: str
    enabled: bool
    params: dict[str, float | int | str | bool]
    severity: str


class WarningRuleSaved(msgspec.Struct, kw_only=True):
    rule: WarningRule


class MeterReading(msgspec.Struct, frozen=True, kw_only=True, tag="meter", tag_field="kind"):
    """A household's daily use of one utility (group rental model)."""

    household: str
    utility: str  # water (m³) | electricity (kWh) | gas (m³)
    value: float  # per day
    ts: float


class ParcelCount(msgspec.Struct, frozen=True, kw_only=True, tag="parcels", tag_field="kind"):
    """Parcel deliveries to a household in one day (group rental model)."""

    household: str
    count: int
    ts: float


class VehiclePosition(msgspec.Struct, frozen=True, kw_only=True, tag="vehicle", tag_field="kind"):
    """A hazardous-chemicals vehicle's position (hazmat route model)."""

    vehicle: str
    lat: float
    lon: float
    speed_kmh: float
    ts: float


class StorageLevel(msgspec.Struct, frozen=True, kw_only=True, tag="storage", tag_field="kind"):
    """A hazardous-chemicals store's level (hazmat storage model), in the unit of its licence."""

    site: str
    level: float
    ts: float


Reading = MeterReading | ParcelCount | VehiclePosition | StorageLevel


class IngestReadings(msgspec.Struct, kw_only=True):
    """Up to 10,000 readings; each is checked on its own: bad ones are rejected with the reason and the
    rest are taken."""

    readings: list[Reading]


class ReadingsIngested(msgspec.Struct, kw_only=True):
    accepted: int
    rejected: list[RejectedEntry]
    alerts: list[int]  # ids of alerts the readings raised


# --- events ---


class AlertEvent(msgspec.Struct, kw_only=True):
    alert: AlertRecord


REQUESTS: dict[str, tuple[type[msgspec.Struct], type[msgspec.Struct]]] = {
    "alert.list": (ListAlerts, AlertList),
    "alert.ack": (AckAlert, AlertAcked),
    "alert.to_case": (AlertToCase, AlertCaseCreated),
    "alert.link_case": (LinkAlert, AlertLinked),
    "alert.ingest_cap": (IngestCap, CapIngested),
    "alert.export_cap": (ExportCap, CapXml),
    "alert.raise": (RaiseAlert, AlertRaised),
    "warning.rules": (ListWarningRules, WarningRules),
    "warning.rule_save": (SaveWarningRule, WarningRuleSaved),
    "readings.ingest": (IngestReadings, ReadingsIngested),
}

EVENTS: dict[str, type[msgspec.Struct]] = {
    # a new alert (CAP Alert, a warning model firing, a manual alert)
    "alert.raised": AlertEvent,
    # any change: acknowledged, escalated, linked to a case, updated or cancelled by CAP, expired
    "alert.updated": AlertEvent,
}
