"""SIP addresses for the SIP adapter: the registrar, what a dialled number becomes, whom a call is from.

Pure functions, no PJSIP: the adapter checks a number here before it asks the SIP thread to dial.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A number typed on the panel: digits with an optional leading +, * and # for PBX feature codes.
# Spaces, dashes, dots and brackets that people write phone numbers with are dropped first.
_NUMBER = re.compile(r"\+?[0-9*#]{1,32}")
_NUMBER_SEPARATORS = re.compile(r"[\s\-.()]")
# sip:user@host[:port][;params] (or sips:); the user part is optional (sip:host is a server).
_SIP_URI = re.compile(
    r"sips?:(?:(?P<user>[A-Za-z0-9\-_.!~*'()&=+$,;?/%]+)@)?"
    r"(?P<host>[A-Za-z0-9\-.]+|\[[0-9A-Fa-f:.]+\])(?::(?P<port>[0-9]{1,5}))?(?P<params>;[^\s<>\"]*)?"
)
_HOSTPORT = re.compile(r"(?P<host>[A-Za-z0-9\-.]+|\[[0-9A-Fa-f:.]+\])(?::(?P<port>[0-9]{1,5}))?")
# The address inside a From/To header value: '"Name" <sip:user@host>;tag=x' or 'sip:user@host'.
_ANGLE = re.compile(r"<([^>]*)>")
_DISPLAY = re.compile(r'^\s*"((?:[^"\\]|\\.)*)"|^\s*([^<"]+?)\s*<')


class AddressError(ValueError):
    """A number or address that cannot be dialled; the message says why, in words."""


@dataclass(frozen=True, slots=True)
class Registrar:
    """Where the adapter registers: ``host`` and ``port`` (5060 when not given)."""

    host: str
    port: int = 5060

    @property
    def hostport(self) -> str:
        return f"{self.host}:{self.port}"

    @classmethod
    def parse(cls, text: str) -> Registrar:
        """``HOST[:PORT]``, also accepted as ``sip:HOST[:PORT]``."""
        value = text.strip()
        if value.lower().startswith("sip:"):
            value = value[4:]
        match = _HOSTPORT.fullmatch(value)
        if match is None:
            raise AddressError(f"the registrar {text!r} is not HOST or HOST:PORT")
        port = int(match["port"]) if match["port"] else 5060
        if not 0 < port < 65536:
            raise AddressError(f"the registrar port {port} is not a port number")
        return cls(match["host"], port)


def dial_uri(number: str, domain: str) -> str:
    """The SIP URI to call for ``number``: digits go to ``domain`` (the PBX), a sip: URI as it is."""
    text = number.strip()
    if not text:
        raise AddressError("no number to dial")
    if text.lower().startswith(("sip:", "sips:")):
        if _SIP_URI.fullmatch(text) is None:
            raise AddressError(f"{text!r} is not a valid SIP address")
        return text
    digits = _NUMBER_SEPARATORS.sub("", text)
    if _NUMBER.fullmatch(digits) is None:
        raise AddressError(
            f"{text!r} is not a number that can be dialled (digits, * and # only, or a sip: address)"
        )
    return f"sip:{digits}@{domain}"


def address_of(header: str) -> str:
    """The URI in a From/To/Contact header value."""
    match = _ANGLE.search(header)
    return (match.group(1) if match else header.split(";", 1)[0]).strip()


def user_of(header: str) -> str:
    """The user part (the number or extension) of a header's URI, or its host when it has none."""
    match = _SIP_URI.match(address_of(header))
    if match is None:
        return address_of(header)
    return match["user"] or match["host"]


def display_name_of(header: str) -> str:
    """The display name of a From/To header value ('"张伟" <sip:1001@pbx>' → 张伟), or ""."""
    match = _DISPLAY.match(header)
    if match is None:
        return ""
    return (match.group(1) if match.group(1) is not None else match.group(2) or "").strip()
