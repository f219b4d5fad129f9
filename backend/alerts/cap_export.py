"""An alert record → CAP 1.2 XML that validates against the official schema.

The export is the latest message of the alert: an alert never updated is its Alert; one changed by
Updates or a Cancel is written as that last message (its identifier, sender and sent from the last
entry of ``references``), referring to the original alert and the messages before it. Times are
``YYYY-MM-DDThh:mm:ss+08:00`` (the schema forbids fractions and "Z"); drill headlines get 【演练】;
evidence rows become ``<parameter>`` pairs "evidence:<label>" → a JSON object (read back on ingest).
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import msgspec

from backend.alerts.apply import EXERCISE_PREFIX
from backend.alerts.cap_parse import EVIDENCE_PREFIX
from backend.alerts.cap_xml import CAP_NS, cap
from client_api.alert_messages import AlertArea, AlertRecord, Evidence

CENTER_TZ = dt.timezone(dt.timedelta(hours=8))


def cap_datetime(ts: float) -> str:
    return dt.datetime.fromtimestamp(int(ts), CENTER_TZ).strftime("%Y-%m-%dT%H:%M:%S+08:00")


def export_cap(record: AlertRecord) -> str:
    root = ET.Element(cap("alert"))
    original = f"{record.sender},{record.identifier},{cap_datetime(record.sent)}"
    if record.references:
        sender, identifier, sent = record.references[-1].split(",")
        earlier = [original, *record.references[:-1]]
    else:
        sender, identifier, sent, earlier = record.sender, record.identifier, cap_datetime(record.sent), []
    _add(root, "identifier", identifier)
    _add(root, "sender", sender)
    _add(root, "sent", sent)
    _add(root, "status", record.status)
    _add(root, "msgType", record.msg_type)
    _add(root, "scope", record.scope)
    if earlier:
        _add(root, "references", " ".join(earlier))
    _info(ET.SubElement(root, cap("info")), record)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode", default_namespace=CAP_NS)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def _info(info: ET.Element, record: AlertRecord) -> None:
    if record.language:
        _add(info, "language", record.language)
    for category in record.categories or ["Other"]:
        _add(info, "category", category)
    _add(info, "event", record.event)
    for response in record.response_types:
        _add(info, "responseType", response)
    _add(info, "urgency", record.urgency)
    _add(info, "severity", record.severity)
    _add(info, "certainty", record.certainty)
    if record.expires is not None:
        _add(info, "expires", cap_datetime(record.expires))
    headline = record.headline
    if record.status == "Exercise" and not headline.startswith(EXERCISE_PREFIX):
        headline = EXERCISE_PREFIX + headline
    for name, text in (
        ("senderName", record.sender_name),
        ("headline", headline),
        ("description", record.description),
        ("instruction", record.instruction),
    ):
        if text:
            _add(info, name, text)
    for row in record.evidence:
        parameter = ET.SubElement(info, cap("parameter"))
        _add(parameter, "valueName", EVIDENCE_PREFIX + row.label)
        _add(parameter, "value", _evidence_value(row))
    for area in record.areas:
        _area(ET.SubElement(info, cap("area")), area)


def _evidence_value(row: Evidence) -> str:
    fields = msgspec.structs.asdict(row)
    del fields["label"]
    return msgspec.json.encode({k: v for k, v in fields.items() if v is not None}).decode()


def _area(element: ET.Element, area: AlertArea) -> None:
    _add(element, "areaDesc", area.area_desc)
    for ring in area.polygons:
        _add(element, "polygon", " ".join(f"{_number(lat)},{_number(lon)}" for lat, lon in ring))
    for circle in area.circles:
        _add(element, "circle", f"{_number(circle.lat)},{_number(circle.lon)} {_number(circle.radius_km)}")
    for geocode in area.geocodes:
        pair = ET.SubElement(element, cap("geocode"))
        _add(pair, "valueName", geocode.value_name)
        _add(pair, "value", geocode.value)


def _number(value: float) -> str:
    """Decimal notation that reads back to the same float (no exponent)."""
    text = repr(float(value))
    if "e" in text or "E" in text:
        text = f"{value:.12f}".rstrip("0").rstrip(".")
    return text


def _add(parent: ET.Element, name: str, text: str) -> ET.Element:
    child = ET.SubElement(parent, cap(name))
    child.text = text
    return child
