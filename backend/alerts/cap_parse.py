"""CAP 1.2 XML → a checked message: parsed safely, validated against the official schema, turned into an
AlertDraft. Every refusal is a CapInvalid whose reason names the element."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import NamedTuple

import msgspec

from backend.alerts.cap_areas import placement, read_area
from backend.alerts.cap_xml import CapInvalid, cap, check_schema, parse_xml, xml_text
from backend.alerts.draft import AlertDraft
from client_api.alert_messages import Evidence

EVIDENCE_PREFIX = "evidence:"  # <parameter> valueName of an evidence row; its value is a JSON object
TAKEN_MSG_TYPES = ("Alert", "Update", "Cancel")
MAX_NAME = 255  # identifier, sender, event, senderName columns
_FORBIDDEN_IN_IDS = (" ", ",", "<", "&", "\t", "\n")
_CHINESE = ("zh-cn", "zh")


class CapRef(NamedTuple):
    """One entry of CAP ``references``: the message referred to."""

    sender: str
    identifier: str
    sent: str

    @property
    def text(self) -> str:
        return f"{self.sender},{self.identifier},{self.sent}"


@dataclass(slots=True, kw_only=True)
class CapMessage:
    """A checked CAP message. ``draft`` carries the chosen info block (empty texts if it has none)."""

    draft: AlertDraft
    sent_text: str
    references: list[CapRef]
    has_info: bool

    @property
    def ref(self) -> CapRef:
        """How later messages refer to this one."""
        return CapRef(self.draft.sender, self.draft.identifier, self.sent_text)


def parse_cap(data: str | bytes) -> CapMessage:
    """A CAP 1.2 ``alert`` document → CapMessage; CapInvalid with the reason."""
    text = xml_text(data)
    return read_message(parse_xml(text), text)


def read_message(root: ET.Element, xml_text: str) -> CapMessage:
    """A parsed ``alert`` element → CapMessage; ``xml_text`` is kept as the message received."""
    if root.tag != cap("alert"):
        raise CapInvalid(f"not a CAP 1.2 alert: root element is {root.tag}")
    check_schema(root)
    identifier, sender = _name(root, "identifier"), _name(root, "sender")
    sent_text = _text(root, "sent")
    status, msg_type = _text(root, "status"), _text(root, "msgType")
    if status == "Draft":
        raise CapInvalid("status: 'Draft' messages are not taken in (CAP: not to be acted on)")
    if msg_type not in TAKEN_MSG_TYPES:
        raise CapInvalid(
            f"msgType: {msg_type!r} messages are not taken in (only {', '.join(TAKEN_MSG_TYPES)})"
        )
    info = choose_info(root.findall(cap("info")))
    if info is None and msg_type != "Cancel":
        raise CapInvalid(f"info: an {msg_type} message must carry an info block")
    draft = AlertDraft(
        identifier=identifier,
        sender=sender,
        sent=cap_time(sent_text, "sent"),
        event="",
        headline="",
        status=status,
        msg_type=msg_type,
        scope=_text(root, "scope"),
        cap_xml=xml_text,
    )
    if info is not None:
        _read_info(info, draft)
    return CapMessage(
        draft=draft,
        sent_text=sent_text,
        references=references(_text(root, "references")),
        has_info=info is not None,
    )


def choose_info(infos: list[ET.Element]) -> ET.Element | None:
    """The info block in zh-CN, else zh, else another zh-*, else the first."""
    if not infos:
        return None
    languages = [(info.findtext(cap("language")) or "en-US").strip().lower() for info in infos]
    for wanted in _CHINESE:
        if wanted in languages:
            return infos[languages.index(wanted)]
    for info, language in zip(infos, languages, strict=True):
        if language.startswith("zh-"):
            return info
    return infos[0]


def _read_info(info: ET.Element, draft: AlertDraft) -> None:
    draft.language = (info.findtext(cap("language")) or "en-US").strip()
    draft.categories = [_strip(c.text) for c in info.findall(cap("category"))]
    draft.event = _name(info, "event", "info/")
    draft.response_types = [_strip(r.text) for r in info.findall(cap("responseType"))]
    draft.urgency, draft.severity = _text(info, "urgency"), _text(info, "severity")
    draft.certainty = _text(info, "certainty")
    expires = _text(info, "expires")
    draft.expires = cap_time(expires, "info/expires") if expires else None
    draft.sender_name = _name(info, "senderName", "info/")
    draft.headline = _text(info, "headline") or draft.event
    draft.description, draft.instruction = _text(info, "description"), _text(info, "instruction")
    draft.evidence = [
        _evidence(p)
        for p in info.findall(cap("parameter"))
        if _text(p, "valueName").startswith(EVIDENCE_PREFIX)
    ]
    draft.areas = [read_area(area, "info/area") for area in info.findall(cap("area"))]
    draft.lat, draft.lon, draft.grid_code = placement(draft.areas)


def _evidence(parameter: ET.Element) -> Evidence:
    label = _text(parameter, "valueName").removeprefix(EVIDENCE_PREFIX)
    try:
        fields = msgspec.json.decode(_text(parameter, "value"))
        if not isinstance(fields, dict):
            raise msgspec.ValidationError("not an object")
        return msgspec.convert({**fields, "label": label}, Evidence)
    except (msgspec.DecodeError, msgspec.ValidationError) as exc:
        raise CapInvalid(
            f"info/parameter {EVIDENCE_PREFIX}{label}: the value is not an evidence object"
            f' {{"value": …, "expected": …, "unit": …}} ({exc})'
        ) from None


def references(text: str) -> list[CapRef]:
    """CAP ``references``: whitespace-separated "sender,identifier,sent" entries."""
    found = []
    for entry in text.split():
        parts = entry.split(",")
        if len(parts) != 3 or not all(parts):
            raise CapInvalid(f"references: {entry!r} is not 'sender,identifier,sent'")
        found.append(CapRef(*parts))
    return found


def cap_time(text: str, where: str) -> float:
    """A CAP date-time (with its time zone, as the schema requires) as Unix seconds."""
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise CapInvalid(f"{where}: {text!r} is not a date-time with a time zone (YYYY-MM-DDThh:mm:ss+hh:mm)")
    return moment.timestamp()


def _text(parent: ET.Element, name: str) -> str:
    return _strip(parent.findtext(cap(name)))


def _strip(text: str | None) -> str:
    return (text or "").strip()


def _name(parent: ET.Element, name: str, where: str = "") -> str:
    """A short text field; identifier and sender must also be usable in ``references``."""
    value = _text(parent, name)
    if len(value) > MAX_NAME:
        raise CapInvalid(f"{where}{name}: longer than {MAX_NAME} characters")
    if name in ("identifier", "sender"):
        if not value:
            raise CapInvalid(f"{name}: empty")
        if any(c in value for c in _FORBIDDEN_IN_IDS):
            raise CapInvalid(f"{name}: {value!r} contains a space, comma, '<' or '&' (CAP 1.2 forbids them)")
    return value
