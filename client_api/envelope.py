"""The one envelope every frame travels in, and its codec.

A frame is a JSON object::

    {"v": 1, "kind": "req", "type": "case.create", "id": "c1-17", "ts": 1764236400.123,
     "payload": {...}}

``kind`` is ``req`` (client → server), ``res`` (the answer, same ``id`` and ``type``), ``err`` (an error
answer, same ``id``; ``type`` is the request's type or ``protocol``) or ``evt`` (server-pushed event,
with the server sequence number ``seq``). A command may carry an idempotency ``key``: the backend applies
it once and answers a repeat with the first answer. The payload is decoded in a second step against the schema
of its ``(kind, type)``, so an unknown type or a bad payload is told apart from a broken frame.
"""

from __future__ import annotations

import re
import time
from typing import Any, Literal, TypeVar

import msgspec

from client_api.errors import ErrorCode, ProtocolError

PROTOCOL_VERSION = 1
SUPPORTED_VERSIONS = (1,)
MAX_FRAME_BYTES = 1 << 20  # 1 MiB, the websockets default; larger frames are refused

T = TypeVar("T")

Kind = Literal["req", "res", "err", "evt"]


class Envelope(msgspec.Struct, omit_defaults=True):
    """A decoded frame whose payload is still raw JSON."""

    v: int
    kind: Kind
    type: str
    ts: float
    id: str | None = None
    seq: int | None = None
    key: str | None = None  # idempotency key of a command (requests only)
    payload: msgspec.Raw = msgspec.Raw(b"{}")


class _OutEnvelope(msgspec.Struct, omit_defaults=True):
    v: int
    kind: str
    type: str
    ts: float
    id: str | None = None
    seq: int | None = None
    key: str | None = None
    payload: Any = None


_encoder = msgspec.json.Encoder()
_envelope_decoder = msgspec.json.Decoder(Envelope)


def encode(
    kind: str,
    type_: str,
    payload: Any,
    *,
    id_: str | None = None,
    seq: int | None = None,
    ts: float | None = None,
    key: str | None = None,
) -> bytes:
    """Encode one frame; ``payload`` is a message struct (or anything msgspec encodes)."""
    env = _OutEnvelope(
        v=PROTOCOL_VERSION,
        kind=kind,
        type=type_,
        ts=time.time() if ts is None else ts,
        id=id_,
        seq=seq,
        key=key,
        payload=payload,
    )
    return _encoder.encode(env)


def decode_envelope(frame: bytes | str) -> Envelope:
    """Decode a frame's envelope; raise ProtocolError(MALFORMED/UNSUPPORTED_VERSION) if it is not one."""
    if isinstance(frame, str):
        frame = frame.encode("utf-8", "surrogatepass")  # lone surrogates then fail as malformed
    try:
        env = _envelope_decoder.decode(frame)
    except (msgspec.DecodeError, msgspec.ValidationError, UnicodeDecodeError) as exc:
        raise ProtocolError(ErrorCode.MALFORMED, f"not a protocol envelope: {exc}") from None
    if env.v not in SUPPORTED_VERSIONS:
        raise ProtocolError(
            ErrorCode.UNSUPPORTED_VERSION,
            f"protocol version {env.v} is not supported (this side speaks {list(SUPPORTED_VERSIONS)})",
        )
    return env


def decode_payload(raw: msgspec.Raw, schema: type[T]) -> T:
    """Decode a payload against its schema; raise ProtocolError(INVALID_PAYLOAD) naming the problem.
    Integers must fit in 64 bits (what both databases store)."""
    try:
        value = msgspec.json.decode(raw, type=schema)
        if _LONG_DIGITS.search(bytes(raw)):  # cheap test first: only a long digit run can be a huge int
            # Untyped, this decode also reads the keys the schema skipped: invalid UTF-8 in one of
            # them (found by the fuzzer) is refused here, not raised past the handler.
            _check_int_range(msgspec.json.decode(raw), "$")
    except (msgspec.DecodeError, msgspec.ValidationError, UnicodeDecodeError) as exc:
        raise ProtocolError(ErrorCode.INVALID_PAYLOAD, str(exc)) from None
    return value


_LONG_DIGITS = re.compile(rb"[0-9]{19}")
_INT64 = range(-(2**63), 2**63)


def _check_int_range(value: Any, path: str) -> None:
    if isinstance(value, bool):
        return
    if isinstance(value, int) and value not in _INT64:
        raise ProtocolError(ErrorCode.INVALID_PAYLOAD, f"the number at {path} does not fit in 64 bits")
    if isinstance(value, dict):
        for key, item in value.items():
            _check_int_range(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_int_range(item, f"{path}[{index}]")
