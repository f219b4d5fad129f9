"""Messages of the inbox capability (see docs/protocol-inbox.md). Merged into client_api.registry."""

from __future__ import annotations

import msgspec

REQUESTS: dict[str, tuple[type[msgspec.Struct], type[msgspec.Struct]]] = {}
EVENTS: dict[str, type[msgspec.Struct]] = {}
