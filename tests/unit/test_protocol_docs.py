"""docs/protocol.md documents every message type and error code the code defines."""

from __future__ import annotations

import re
from pathlib import Path

from client_api import registry
from client_api.errors import ErrorCode

DOCS = Path(__file__).resolve().parents[2] / "docs"
DOC = DOCS / "protocol.md"


def documented_types() -> list[str]:
    """Section names over docs/protocol.md and each capability's docs/protocol-*.md."""
    names: list[str] = []
    for doc in sorted(DOCS.glob("protocol*.md")):
        names += re.findall(r"^### `([\w.]+)`", doc.read_text(encoding="utf-8"), re.M)
    return names


def test_every_request_and_event_has_a_section() -> None:
    defined = set(registry.REQUESTS) | set(registry.EVENTS)
    documented = documented_types()
    assert defined - set(documented) == set(), "add these to docs/protocol*.md"
    assert set(documented) - defined == set(), "docs/protocol*.md documents types the code lacks"
    assert len(documented) == len(set(documented)), "a type is documented twice"


def test_every_error_code_is_listed() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [code.value for code in ErrorCode if f"| `{code.value}` |" not in text]
    assert not missing


def test_every_section_has_an_example() -> None:
    text = "\n".join(doc.read_text(encoding="utf-8") for doc in sorted(DOCS.glob("protocol*.md")))
    sections = re.split(r"^### ", text, flags=re.M)[1:]
    for section in sections:
        name = section.split("\n", 1)[0]
        assert "```json" in section, f"{name} has no example"
