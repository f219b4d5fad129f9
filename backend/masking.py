"""Masking of confidential reporters (GB/T 33358: a caller's identity is kept confidential on request).

A case marked confidential shows its reporter's name as ``***`` and the phone as ``138****5678`` to
every role but those below. Used wherever cases leave the backend for a seat.
"""

from __future__ import annotations

import msgspec

from client_api.messages import CaseRecord

# Roles that see a confidential reporter in clear.
CLEAR_ROLES = frozenset({"supervisor", "admin"})

MASKED_NAME = "***"


def mask_phone(phone: str) -> str:
    """``13812345678`` → ``138****5678``; a number too short to keep both ends is hidden entirely."""
    if len(phone) < 8:
        return "*" * max(len(phone), 4)
    return f"{phone[:3]}****{phone[-4:]}"


def sees_confidential(role: str) -> bool:
    return role in CLEAR_ROLES


def mask_case(case: CaseRecord, role: str) -> CaseRecord:
    """``case`` as ``role`` may see it: a confidential reporter masked, anything else unchanged."""
    if not case.confidential or sees_confidential(role):
        return case
    return msgspec.structs.replace(
        case,
        reporter_name=MASKED_NAME if case.reporter_name else case.reporter_name,
        reporter_phone=mask_phone(case.reporter_phone) if case.reporter_phone else case.reporter_phone,
    )


def mask_cases(cases: list[CaseRecord], role: str) -> list[CaseRecord]:
    return [mask_case(case, role) for case in cases]


def masked_event_payload(payload: bytes) -> bytes | None:
    """An event payload with its confidential case masked, or None when nothing in it needs masking.

    Events are stored and replayed in clear; each seat gets the copy its role may see.
    """
    if b'"confidential":true' not in payload:
        return None
    data = msgspec.json.decode(payload)
    changed = False
    for key in ("case", "new_case"):
        case = data.get(key) if isinstance(data, dict) else None
        if isinstance(case, dict) and case.get("confidential"):
            masked = mask_case(msgspec.convert(case, CaseRecord), role="")
            data[key] = msgspec.to_builtins(masked)
            changed = True
    return msgspec.json.encode(data) if changed else None
