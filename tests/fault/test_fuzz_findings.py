"""Frames ``python -m bench.fuzz`` found that the decoder let through: each must now be refused with an
error code (the backend answered them with ``internal``)."""

from __future__ import annotations

import pytest

from client_api.envelope import decode_envelope, decode_payload
from client_api.errors import ErrorCode, ProtocolError
from client_api.registry import REQUESTS

# Invalid UTF-8 in a key the schema skips, and a 19-digit number that makes the decoder look again.
FOUND = [
    b'{"v":1,"kind":"req","type":"case.detail","id":"f9339","ts":1.0,"payload":{"case_id":9223372036854775807,'
    b'"unexpect\xe5d":1}}',
    b'{"v":1,"kind":"req","type":"subscribe","id":"f34750","ts":1.0,"payload":{"fro\xed\x7fseq":-9223372036854775808}}',
]


@pytest.mark.parametrize("frame", FOUND, ids=["case.detail", "subscribe"])
def test_found_frames_are_refused_with_a_code(frame: bytes) -> None:
    env = decode_envelope(frame)
    with pytest.raises(ProtocolError) as refused:
        decode_payload(env.payload, REQUESTS[env.type][0])
    assert refused.value.code == ErrorCode.INVALID_PAYLOAD
