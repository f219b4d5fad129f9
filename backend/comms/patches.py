"""Patches: two to four talk groups joined for a set time. A patched group shares one floor with its
partners and whatever is said on one is heard on all. The rules here are pure; the radio service
keeps the patches in force, stores them and ends them at ``until``."""

from __future__ import annotations

from collections.abc import Iterable

from client_api import comms_messages as cm
from client_api.errors import ErrorCode, ProtocolError

MIN_MINUTES, MAX_MINUTES = 1.0, 480.0
MIN_GROUPS, MAX_GROUPS = 2, 4


def invalid(field: str, message: str) -> ProtocolError:
    return ProtocolError(ErrorCode.INVALID_FIELD, message, {"field": field})


def not_found(field: str, message: str) -> ProtocolError:
    return ProtocolError(ErrorCode.NOT_FOUND, message, {"field": field})


def checked_groups(req: cm.PatchGroups, names: dict[str, str], active: Iterable[cm.Patch]) -> tuple[str, ...]:
    """The groups to patch, or the reason they cannot be: each must exist, once, in no other patch."""
    if not MIN_GROUPS <= len(req.groups) <= MAX_GROUPS:
        raise invalid(
            "groups", f"a patch joins {MIN_GROUPS} to {MAX_GROUPS} talk groups, not {len(req.groups)}"
        )
    seen: list[str] = []
    for group in req.groups:
        if group not in names:
            raise not_found("groups", f"there is no talk group {group!r}")
        if group in seen:
            raise invalid("groups", f"{names[group]} is listed twice")
        seen.append(group)
    for patch in active:
        for group in seen:
            if group in patch.groups:
                others = ", ".join(names.get(g, g) for g in patch.groups if g != group)
                raise invalid("groups", f"{names[group]} is already patched with {others} (patch {patch.id})")
    if not MIN_MINUTES <= req.minutes <= MAX_MINUTES:
        raise invalid(
            "minutes", f"a patch lasts {MIN_MINUTES:g} to {MAX_MINUTES:g} minutes, not {req.minutes:g}"
        )
    return tuple(seen)


def partners(group_id: str, active: Iterable[cm.Patch]) -> tuple[str, ...]:
    """The groups that hear what is said on ``group_id``: itself first, then its patch partners."""
    for patch in active:
        if group_id in patch.groups:
            return (group_id, *(g for g in patch.groups if g != group_id))
    return (group_id,)


def due(active: Iterable[cm.Patch], now: float) -> list[cm.Patch]:
    """The patches whose time is up."""
    return [p for p in active if p.until <= now]


def describe(patch: cm.Patch, names: dict[str, str]) -> str:
    return " + ".join(names.get(g, g) for g in patch.groups)
