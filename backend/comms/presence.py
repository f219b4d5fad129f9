"""Presence of directory entries, kept in memory by the comms hub.

Each entry has a presence set by hand (available, busy, off_duty, offline; it starts as the directory
says) and is ``in_call`` over that while it is a connected party of an open call. Every change of the
presence shown is a ``PresenceChanged`` for the hub to publish as a comms.presence event.
"""

from __future__ import annotations

from collections.abc import Iterable

from client_api import comms_messages as cm

SETTABLE = tuple(p for p in cm.PRESENCE if p != "in_call")  # in_call follows the calls


class PresenceBook:
    """Attributes: the presence set by hand per entry id, the entries in a call, and since when each
    shows what it shows."""

    def __init__(self, entries: Iterable[cm.DirectoryEntry], now: float) -> None:
        self._set: dict[str, str] = {}
        self._since: dict[str, float] = {}
        for entry in entries:
            self._set[entry.id] = entry.presence if entry.presence in SETTABLE else "available"
            self._since[entry.id] = entry.presence_since or now
        self._in_call: set[str] = set()

    def __contains__(self, entry_id: str) -> bool:
        return entry_id in self._set

    def shown(self, entry_id: str) -> str:
        if entry_id in self._in_call:
            return "in_call"
        return self._set.get(entry_id, "available")

    def current(self, entry_id: str) -> tuple[str, float]:
        """What the entry shows and since when."""
        return self.shown(entry_id), self._since.get(entry_id, 0.0)

    def changed(self, entry_id: str) -> cm.PresenceChanged:
        presence, since = self.current(entry_id)
        return cm.PresenceChanged(entry_id=entry_id, presence=presence, since=since)

    def set(self, entry_id: str, presence: str, now: float) -> cm.PresenceChanged | None:
        """Set by hand; the change shown (None when the entry shows the same as before: it is in a
        call, or had that presence already)."""
        assert presence in SETTABLE, presence
        before = self.shown(entry_id)
        self._set[entry_id] = presence
        return self._moved(entry_id, before, now)

    def follow_calls(self, in_call: Iterable[str], now: float) -> list[cm.PresenceChanged]:
        """The entries now in a call are ``in_call``; the changes shown, by entry id."""
        before = {entry_id: self.shown(entry_id) for entry_id in self._in_call}
        new = {entry_id for entry_id in in_call if entry_id in self._set}
        before |= {entry_id: self.shown(entry_id) for entry_id in new - self._in_call}
        self._in_call = new
        moved = (self._moved(entry_id, shown, now) for entry_id, shown in sorted(before.items()))
        return [change for change in moved if change is not None]

    def _moved(self, entry_id: str, before: str, now: float) -> cm.PresenceChanged | None:
        if self.shown(entry_id) == before:
            return None
        self._since[entry_id] = now
        return self.changed(entry_id)
