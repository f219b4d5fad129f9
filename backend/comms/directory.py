"""The directory of people and endpoints, read from its table once and searched in memory.

Entries are few (hundreds) and change only when the directory is seeded or edited, so the comms hub
keeps them in a ``Directory`` and answers comms.directory from it with the live presence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import msgspec

from backend.intake.pinyin import fold, full
from client_api import comms_messages as cm
from client_api.errors import ErrorCode, ProtocolError

MAX_LIMIT = 500
MAX_TEXT = 64
_SIP = re.compile(r"^sips?:([^@;]+)@", re.I)
_PHONE_CHARS = re.compile(r"\+?[0-9][0-9 \-]*")
# What may be dialled: a phone number or extension (digits, + and - or spaces between), or a SIP URI.
_PHONE = re.compile(r"\+?[0-9][0-9 \-]{1,30}[0-9]")
_SIP_URI = re.compile(r"sips?:[^\s@<>\"]+@[A-Za-z0-9.\-\[\]:]+", re.I)
MAX_NUMBER = 128


def invalid(field: str, message: str) -> ProtocolError:
    return ProtocolError(ErrorCode.INVALID_FIELD, message, {"field": field})


def number_key(number: str) -> str:
    """How numbers are compared: the user part of a SIP URI; a phone number as its digits
    (0512-66010001 → 051266010001, +86 138… keeps its +)."""
    text = number.strip()
    match = _SIP.match(text)
    if match:
        text = match.group(1)
    if _PHONE_CHARS.fullmatch(text):
        return ("+" if text.startswith("+") else "") + "".join(ch for ch in text if ch.isdigit())
    return text.lower()


def checked_number(value: str, field: str) -> str:
    """``value`` trimmed if it is a phone number or a SIP URI, else invalid_field naming ``field``."""
    number = value.strip()
    if not number:
        raise invalid(field, "the number is empty")
    if len(number) > MAX_NUMBER or not (_PHONE.fullmatch(number) or _SIP_URI.fullmatch(number)):
        shown = number if len(number) <= 40 else number[:40] + "…"
        raise invalid(field, f"{shown!r} is not a phone number or a SIP address")
    return number


class Directory:
    """The entries by id and by phone number. ``presence_of(entry_id)`` gives an entry's live
    presence and since (the hub's presence book)."""

    def __init__(
        self,
        entries: Iterable[cm.DirectoryEntry],
        presence_of: Callable[[str], tuple[str, float]] | None = None,
    ) -> None:
        self._entries = {e.id: e for e in entries}
        self._presence_of = presence_of
        self._by_number: dict[str, str] = {}
        for entry in self._entries.values():
            for address in (entry.phone, entry.sip):
                if address:
                    self._by_number.setdefault(number_key(address), entry.id)
        kinds = {kind: i for i, kind in enumerate(cm.ENTRY_KINDS)}
        self._order = sorted(self._entries, key=lambda i: self._sort_key(self._entries[i], kinds))

    @staticmethod
    def _sort_key(entry: cm.DirectoryEntry, kinds: dict[str, int]) -> tuple[int, str, str]:
        return kinds.get(entry.kind, len(kinds)), full(entry.name), entry.id

    def __len__(self) -> int:
        return len(self._entries)

    def stored(self) -> list[cm.DirectoryEntry]:
        """The entries as stored (their presence is the one they start with)."""
        return [self._entries[i] for i in self._order]

    def get(self, entry_id: str) -> cm.DirectoryEntry | None:
        entry = self._entries.get(entry_id)
        return None if entry is None else self._live(entry)

    def by_number(self, number: str) -> cm.DirectoryEntry | None:
        """The entry whose phone or SIP address is ``number`` (written any usual way), live."""
        entry_id = self._by_number.get(number_key(number))
        return None if entry_id is None else self.get(entry_id)

    def _live(self, entry: cm.DirectoryEntry) -> cm.DirectoryEntry:
        if self._presence_of is None:
            return entry
        presence, since = self._presence_of(entry.id)
        return msgspec.structs.replace(entry, presence=presence, presence_since=since)

    def search(self, req: cm.SearchDirectory) -> list[cm.DirectoryEntry]:
        """The entries every set filter matches, by kind then name (pinyin order), at most ``limit``."""
        check_search(req)
        text = fold(req.text)
        found: list[cm.DirectoryEntry] = []
        for entry_id in self._order:
            entry = self._entries[entry_id]
            if req.kind and entry.kind != req.kind:
                continue
            if req.grid_code and entry.grid_code != req.grid_code.strip():
                continue
            if req.town and entry.town != req.town.strip():
                continue
            if req.role and fold(req.role) not in fold(entry.role):
                continue
            if text and not text_matches(entry, text):
                continue
            found.append(self._live(entry))
            if len(found) >= req.limit:
                break
        return found


def text_matches(entry: cm.DirectoryEntry, text: str) -> bool:
    """``text`` (folded) is in the name, org, role, phone or radio id, or begins the pinyin initials."""
    if entry.initials.startswith(text):
        return True
    if any(text in fold(value) for value in (entry.name, entry.org, entry.role, entry.radio_id)):
        return True
    phone = entry.phone.replace("-", "").replace(" ", "")
    return bool(entry.phone) and (text in entry.phone or text in phone)


def check_search(req: cm.SearchDirectory) -> None:
    if not 1 <= req.limit <= MAX_LIMIT:
        raise invalid("limit", f"limit is 1 to {MAX_LIMIT}, not {req.limit}")
    if req.kind and req.kind not in cm.ENTRY_KINDS:
        raise invalid("kind", f"kind {req.kind!r} is not one of {', '.join(cm.ENTRY_KINDS)}")
    for field in ("text", "grid_code", "town", "role"):
        if len(getattr(req, field)) > MAX_TEXT:
            raise invalid(field, f"{field} is longer than {MAX_TEXT} characters")


def resolve_target(directory: Directory, target: cm.Target, field: str) -> tuple[str, str, str | None]:
    """(number to dial, name, entry id) of a target: an entry's phone (else its SIP address), or a
    number typed in, named when the directory knows it. Refused field by field."""
    if (target.entry_id is None) == (target.number is None):
        raise invalid(field, "give either a directory entry_id or a number")
    if target.entry_id is not None:
        entry = directory.get(target.entry_id)
        if entry is None:
            raise ProtocolError(
                ErrorCode.NOT_FOUND,
                f"there is no directory entry {target.entry_id!r}",
                {"field": f"{field}.entry_id"},
            )
        number = entry.phone or entry.sip
        if not number:
            raise invalid(f"{field}.entry_id", f"{entry.name} has no phone number or SIP address")
        return number, entry.name, entry.id
    number = checked_number(target.number or "", f"{field}.number")
    found = directory.by_number(number)
    return number, found.name if found else "", found.id if found else None
