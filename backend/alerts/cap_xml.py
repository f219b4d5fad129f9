"""XML under the CAP parser: safe parsing (defusedxml, no DTDs or entities, a size limit) and the
check against the official CAP 1.2 schema, with reasons that name the element."""

from __future__ import annotations

import functools
import re
import threading
import xml.etree.ElementTree as ET
from importlib import resources

import defusedxml.ElementTree as SafeET
import xmlschema
from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

CAP_NS = "urn:oasis:names:tc:emergency:cap:1.2"
ATOM_NS = "http://www.w3.org/2005/Atom"
MAX_XML_BYTES = 512 * 1024
SCHEMA = ("resources.cap", "CAP-v1.2.xsd")
_DECLARED = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_schema_lock = threading.Lock()


class CapInvalid(ValueError):
    """A document or message that is refused; ``reason`` says why, naming the element."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class CapTooLarge(CapInvalid):
    """A document over the size limit."""


def cap(name: str) -> str:
    """The qualified tag of a CAP element."""
    return f"{{{CAP_NS}}}{name}"


def xml_text(data: str | bytes) -> str:
    """``data`` as text, within the size limit; bytes are decoded as their BOM or declaration says."""
    too_big = len(data) > MAX_XML_BYTES or (isinstance(data, str) and len(data.encode()) > MAX_XML_BYTES)
    if too_big:
        raise CapTooLarge(f"the XML is larger than the limit of {MAX_XML_BYTES // 1024} KiB")
    return data if isinstance(data, str) else _decode(data)


def parse_xml(text: str) -> ET.Element:
    """The root element of ``text``; CapInvalid for too large, malformed, DTDs, entities."""
    text = xml_text(text)
    try:
        root: ET.Element = SafeET.fromstring(text, forbid_dtd=True)
    except DTDForbidden as exc:
        raise CapInvalid(
            f"the XML declares a DTD (<!DOCTYPE {exc.name}>); DTDs and entities are refused"
        ) from None
    except EntitiesForbidden as exc:
        raise CapInvalid(f"the XML declares the entity {exc.name!r}; DTDs and entities are refused") from None
    except ExternalReferenceForbidden:
        raise CapInvalid("the XML refers to an external resource; DTDs and entities are refused") from None
    except ET.ParseError as exc:
        raise CapInvalid(f"not well-formed XML: {exc}") from None
    except ValueError as exc:
        raise CapInvalid(f"the XML cannot be read: {exc}") from None
    return root


def _decode(data: bytes) -> str:
    """Text of ``data`` in the encoding its BOM or declaration names (expat reads no multi-byte ones)."""
    if data.startswith(b"\xef\xbb\xbf"):
        encoding, data = "utf-8", data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        found = _DECLARED.match(data[:200].lstrip())
        encoding = found.group(1).decode("ascii") if found else "utf-8"
    try:
        return data.decode(encoding)
    except LookupError:
        raise CapInvalid(f"the XML declares the unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        raise CapInvalid(f"the XML is not valid {encoding} text (byte {exc.start})") from None


def serialize(element: ET.Element) -> str:
    """XML text of an element taken out of a larger document (a feed entry's inline CAP)."""
    try:
        return ET.tostring(element, encoding="unicode", default_namespace=CAP_NS)
    except ValueError:  # an element outside the CAP namespace (e.g. a signature) needs its prefix
        return ET.tostring(element, encoding="unicode")


@functools.cache
def _load_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(resources.files(SCHEMA[0]).joinpath(SCHEMA[1]).read_text(encoding="utf-8"))


def cap_schema() -> xmlschema.XMLSchema:
    """The CAP 1.2 schema, loaded once on first use."""
    with _schema_lock:
        return _load_schema()


def check_schema(root: ET.Element) -> None:
    """CapInvalid with the first violation of the CAP 1.2 schema, if any."""
    for error in cap_schema().iter_errors(root):
        raise CapInvalid(describe(error))


def element_path(path: str | None) -> str:
    """``/{ns}alert/{ns}info/{ns}urgency`` → ``info/urgency``; the root itself → ``alert``."""
    parts = [re.sub(r"^\{[^}]*\}", "", part) for part in (path or "").split("/") if part]
    parts = [re.sub(r"\[\d+\]$", "", part) for part in parts]
    return "/".join(parts[1:]) or (parts[0] if parts else "alert")


def describe(error: xmlschema.XMLSchemaValidationError) -> str:
    """A schema violation as "element: what is wrong"."""
    where = element_path(error.path)
    value = error.obj if isinstance(error.obj, str) else None
    enumeration = getattr(error.validator, "enumeration", None)
    if enumeration and value is not None:
        return f"{where}: {value!r} is not one of {', '.join(map(str, enumeration))}"
    name = getattr(error.validator, "name", None) or ""
    if value is not None and ("dateTime" in name or _under_date_time(error)):
        detail = f" ({error.reason})" if error.reason and "pattern" not in error.reason else ""
        return f"{where}: {value!r} is not a date-time with a time zone (YYYY-MM-DDThh:mm:ss+hh:mm){detail}"
    reason = (error.reason or str(error.message)).replace(f"{{{CAP_NS}}}", "cap:")
    return f"{where}: {reason}"


def _under_date_time(error: xmlschema.XMLSchemaValidationError) -> bool:
    parent = getattr(error.validator, "parent", None)
    base = getattr(parent, "base_type", None)
    return "dateTime" in str(getattr(base, "name", "") or "")
