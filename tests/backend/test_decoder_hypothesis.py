"""Whatever arrives, the decoders either return a value or raise ProtocolError, never anything else."""

from __future__ import annotations

import json
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from client_api import messages as m
from client_api import registry
from client_api.envelope import SUPPORTED_VERSIONS, Envelope, decode_envelope, decode_payload
from client_api.errors import ErrorCode, ProtocolError

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],  # only the autouse isolated_dirs
)

SCHEMAS: list[type[msgspec.Struct]] = sorted(
    {s for pair in registry.REQUESTS.values() for s in pair}
    | set(registry.EVENTS.values())
    | {m.ErrorPayload},
    key=lambda s: s.__name__,
)

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
ENVELOPE_KEYS = ["v", "kind", "type", "ts", "id", "seq", "payload"]
# Mostly-right envelopes, so that the checks after JSON parsing are reached too.
envelope_dicts = st.fixed_dictionaries(
    {},
    optional={
        "v": st.sampled_from([1, 0, 2, -1, 2**64, 1.0, True]) | json_values,
        "kind": st.sampled_from(["req", "res", "err", "evt", "REQ", ""]) | json_values,
        "type": st.sampled_from(sorted(registry.REQUESTS)) | json_values,
        "ts": st.floats() | st.integers() | json_values,
        "id": st.text(max_size=10) | json_values,
        "seq": st.integers() | json_values,
        "payload": json_values,
    },
) | st.dictionaries(st.sampled_from(ENVELOPE_KEYS) | st.text(max_size=6), json_values, max_size=8)


def dumps(value: Any) -> bytes:
    """JSON as a peer would send it: NaN and infinities spelled out, non-ASCII as UTF-8."""
    return json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")


def check_envelope(frame: bytes | str) -> None:
    try:
        env = decode_envelope(frame)
    except ProtocolError as exc:
        assert exc.code in (ErrorCode.MALFORMED, ErrorCode.UNSUPPORTED_VERSION)
        assert exc.message
        return
    assert isinstance(env, Envelope)
    assert env.v in SUPPORTED_VERSIONS
    assert env.kind in ("req", "res", "err", "evt")


@SETTINGS
@given(st.binary(max_size=300))
@example(b'{"v":1,"kind":"req","type":"p\xffing","ts":1}')
@example(b"\xef\xbb\xbf{}")
def test_arbitrary_bytes(frame: bytes) -> None:
    check_envelope(frame)


@SETTINGS
@given(st.text(st.characters(exclude_categories=["Cs"]), max_size=300))
def test_arbitrary_text(frame: str) -> None:
    """Text frames as websockets delivers them: valid Unicode, so no lone surrogates."""
    check_envelope(frame)


@SETTINGS
@given(envelope_dicts)
@example({"v": 1, "kind": "req", "type": "ping", "ts": 1.5, "id": "x", "payload": {}})
def test_arbitrary_envelope_dicts(value: dict[str, Any]) -> None:
    check_envelope(dumps(value))
    check_envelope(json.dumps(value))


def test_the_strategy_reaches_valid_envelopes() -> None:
    """Guard against a strategy that only ever produces garbage (the test above would prove little)."""
    frame = dumps({"v": 1, "kind": "req", "type": "ping", "ts": 1.5, "id": "x", "payload": {"a": [1]}})
    env = decode_envelope(frame)
    assert (env.type, env.id, bytes(env.payload)) == ("ping", "x", b'{"a": [1]}')


def payload_dicts(schema: type[msgspec.Struct]) -> st.SearchStrategy[dict[str, Any]]:
    """Objects whose keys are mostly the schema's own fields, with values of any JSON type."""
    keys = st.text(max_size=6)
    if schema.__struct_fields__:
        keys = st.sampled_from(schema.__struct_fields__) | keys
    return st.dictionaries(keys, json_values, max_size=6)


@pytest.mark.parametrize("schema", SCHEMAS, ids=[s.__name__ for s in SCHEMAS])
def test_arbitrary_payloads(schema: type[msgspec.Struct]) -> None:
    @SETTINGS
    @given(payload_dicts(schema) | json_values | st.binary(max_size=40))
    @example(b'{"client":"\xff","versions":[1]}')
    def check(value: Any) -> None:
        raw = msgspec.Raw(value if isinstance(value, bytes) else dumps(value))
        try:
            decoded = decode_payload(raw, schema)
        except ProtocolError as exc:
            assert exc.code == ErrorCode.INVALID_PAYLOAD
            assert exc.message
            return
        assert isinstance(decoded, schema)

    check()
