"""Stable error codes of the protocol and the exceptions the client raises for them."""

from __future__ import annotations

import enum


class ErrorCode(enum.StrEnum):
    """Every code an error reply can carry. Codes are stable: clients branch on them."""

    MALFORMED = "malformed"  # not JSON, or not an envelope
    UNSUPPORTED_VERSION = "unsupported_version"  # protocol version we do not speak
    UNKNOWN_TYPE = "unknown_type"  # message type nobody defined
    INVALID_PAYLOAD = "invalid_payload"  # payload does not match the message's schema
    INVALID_FIELD = "invalid_field"  # a field is well-typed but its value is not allowed
    TOO_LARGE = "too_large"  # frame over the size limit
    NOT_HELLO = "not_hello"  # first message must be hello
    NOT_AUTHENTICATED = "not_authenticated"  # command needs a login first
    INVALID_TRANSITION = "invalid_transition"  # the lifecycle table has no such move from this state
    FORBIDDEN = "forbidden"  # the operator's role may not send this request
    BAD_CREDENTIALS = "bad_credentials"
    NOT_FOUND = "not_found"
    UNAVAILABLE = "unavailable"  # the feature is not running on this backend (e.g. the call simulator)
    INTERNAL = "internal"  # the server failed; the command was not applied
    ALREADY_APPLIED = "already_applied"  # a repeated command key whose first answer was lost; it was applied
    LOCKED = "locked"  # the account is locked or disabled


class ProtocolError(Exception):
    """An error reply from the other side, or a local protocol violation."""

    def __init__(self, code: str, message: str, details: dict[str, object] | None = None) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.details = details or {}


class RequestTimeout(Exception):
    """No reply arrived within the request's time limit."""


class NotConnected(Exception):
    """The client has no working connection to send a request on."""
