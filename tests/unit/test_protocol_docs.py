"""docs/protocol.md documents every message type and error code the code defines."""

from __future__ import annotations

import re
from pathlib import Path

from client_api import messages
from client_api.errors import ErrorCode

DOC = Path(__file__).resolve().parents[2] / "docs" / "protocol.md"


def documented_types() -> set[str]:
    return set(re.findall(r"^### `([\w.]+)`", DOC.read_text(encoding="utf-8"), re.M))


def test_every_request_and_event_has_a_section() -> None:
    defined = set(messages.REQUESTS) | set(messages.EVENTS)
    assert defined - documented_types() == set(), "add these to docs/protocol.md"
    assert documented_types() - defined == set(), "docs/protocol.md documents types the code lacks"


def test_every_error_code_is_listed() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [code.value for code in ErrorCode if f"| `{code.value}` |" not in text]
    assert not missing


def test_every_section_has_an_example() -> None:
    text = DOC.read_text(encoding="utf-8")
    sections = re.split(r"^### ", text, flags=re.M)[1:]
    for section in sections:
        name = section.split("\n", 1)[0]
        assert "```json" in section, f"{name} has no example"
