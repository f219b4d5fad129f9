"""What the server writes to the audit log about a request: who, role, seat, source address, what, on
which target, and the outcome.

Logins, failed logins, logouts and every request that is not a pure read (``permissions.READS``) are
audited. A command that succeeds is audited in the transaction that applies it (see
backend/reliability/request_scope.py); a refusal is its own small write. Frames that are not a command
at all (malformed, unknown type, a payload that does not decode) and anything before a login other than
the login itself are not audited: nothing was attempted on anyone's behalf.

Retention: audit records are never deleted before they are 400 days old; nothing prunes them today.
"""

from __future__ import annotations

from typing import Any

from backend.peer import Peer
from backend.permissions import PERMISSIONS, READS
from backend.security.audit import AuditEntry
from client_api.errors import ErrorCode, ProtocolError

KEEP_AUDIT_DAYS = 400  # the floor any future pruning must respect (the issue asks for a year)

# Payload fields naming what a command acts on, most specific first.
TARGET_FIELDS = ("case_id", "item_id", "call_id", "extension_id", "consultation_id", "rule_id")
# Refusals of frames that were never a command (see the module docstring).
NOT_COMMANDS = frozenset(
    {
        ErrorCode.MALFORMED,
        ErrorCode.UNKNOWN_TYPE,
        ErrorCode.INVALID_PAYLOAD,
        ErrorCode.NOT_HELLO,
        ErrorCode.NOT_AUTHENTICATED,
        ErrorCode.TOO_LARGE,
    }
)


def audited(type_: str) -> bool:
    """Whether a request of this type is audited (login and logout are, reads are not)."""
    return type_ in PERMISSIONS and type_ not in READS


def target_of(payload: Any) -> str | None:
    for name in TARGET_FIELDS:
        value = getattr(payload, name, None)
        if isinstance(value, int):
            return f"{name.removesuffix('_id')}:{value}"
    return None


def entry(
    peer: Peer, action: str, outcome: str, payload: Any = None, detail: str | None = None
) -> AuditEntry:
    """An entry for what ``peer``'s logged-in account did."""
    operator = peer.operator
    return AuditEntry(
        action=action,
        outcome=outcome,
        actor=operator.username if operator is not None else None,
        role=operator.role if operator is not None else None,
        seat_id=peer.seat_id,
        address=peer.address,
        target=target_of(payload),
        detail=detail,
    )


def refusal(peer: Peer, type_: str, payload: Any, exc: ProtocolError) -> AuditEntry | None:
    """The entry for a refused request, or None when it is not audited."""
    if not audited(type_) or exc.code in NOT_COMMANDS:
        return None
    if type_ == "login":
        if payload is None:
            return None
        return AuditEntry(
            action="login_failed",
            outcome="refused",
            actor=payload.username[:64],  # the name tried, known or not
            seat_id=payload.seat_id[:64],
            address=peer.address,
            detail=f"{exc.code}: {exc.message}",
        )
    if peer.operator is None:
        return None
    return entry(peer, type_, "refused", payload, f"{exc.code}: {exc.message}")
