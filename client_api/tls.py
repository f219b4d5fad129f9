"""TLS for the seat's link: verify the backend against a CA file or a pinned certificate fingerprint,
and refuse plain ``ws://`` to anything but this machine unless the site allows it explicitly."""

from __future__ import annotations

import hashlib
import ipaddress
import ssl
from urllib.parse import urlsplit

LOOPBACK_NAMES = frozenset({"localhost"})


class InsecureUrl(ValueError):
    """A plain ws:// URL to another machine, without the explicit permission to use one."""


class PinMismatch(ssl.SSLError):
    """The backend's certificate is not the pinned one."""


def fingerprint(der: bytes) -> str:
    """The sha256 fingerprint of a DER certificate as lowercase hex (no colons)."""
    return hashlib.sha256(der).hexdigest()


def normalise_pin(pin: str) -> str:
    text = pin.replace(":", "").strip().lower()
    if len(text) != 64 or any(c not in "0123456789abcdef" for c in text):
        raise ValueError("a pinned fingerprint is 64 hex digits (sha256), colons allowed")
    return text


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str, allow_insecure: bool = False) -> None:
    """Refuse ws:// to another machine unless ``allow_insecure``; wss:// and loopback always pass."""
    parts = urlsplit(url)
    if parts.scheme == "wss":
        return
    if parts.scheme != "ws":
        raise InsecureUrl(f"{url!r} is not a ws:// or wss:// URL")
    if not allow_insecure and not is_loopback(parts.hostname or ""):
        raise InsecureUrl(
            f"{url} is unencrypted (ws://) to another machine; "
            "use wss:// or allow it explicitly in the settings"
        )


def client_context(url: str, ca_file: str | None = None, pin: str | None = None) -> ssl.SSLContext | None:
    """The SSL context for ``url``: None for ws://; with a pin, the certificate is checked against it
    after the handshake (``check_pin``) instead of against a CA; otherwise the CA file or the system's."""
    if urlsplit(url).scheme != "wss":
        return None
    if pin is not None:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE  # the pin is the check: see check_pin
        return context
    context = ssl.create_default_context(cafile=ca_file)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


def check_pin(ssl_object: ssl.SSLObject | None, pin: str) -> None:
    """Raise PinMismatch unless the peer's certificate has the pinned sha256 fingerprint."""
    der = ssl_object.getpeercert(binary_form=True) if ssl_object is not None else None
    if not der:
        raise PinMismatch("the backend presented no certificate")
    got = fingerprint(der)
    if got != normalise_pin(pin):
        raise PinMismatch(f"the backend's certificate {got[:16]}… is not the pinned one")
