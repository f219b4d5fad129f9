"""Message templates (resources/demo/message_templates.json): a title, a body with {case_id},
{address}, {category} and {deadline} the seat fills in, and the medium it is meant for."""

from __future__ import annotations

import functools

import msgspec

from backend.intake import data
from client_api import comms_messages as cm

PLACEHOLDERS = ("case_id", "address", "category", "deadline")


@functools.cache
def _templates() -> tuple[cm.MessageTemplate, ...]:
    raw = data.load_json(data.DEMO, "message_templates.json")["templates"]
    return tuple(msgspec.convert(raw, list[cm.MessageTemplate]))


def list_templates() -> list[cm.MessageTemplate]:
    return list(_templates())


def template_ids() -> frozenset[str]:
    return frozenset(t.id for t in _templates())
