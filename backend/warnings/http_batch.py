"""A batch of readings as the HTTP endpoint gets it: a JSON array, or JSON lines (one reading a line).
Broken JSON refuses the whole batch; a well-formed entry that is not a reading is refused on its own."""

from __future__ import annotations

from dataclasses import dataclass, field

import msgspec

from client_api.alert_messages import Reading, RejectedEntry

_READING: msgspec.json.Decoder[Reading] = msgspec.json.Decoder(Reading)
_ENTRIES = msgspec.json.Decoder(list[msgspec.Raw])


class BatchError(ValueError):
    """The body is not a batch at all (400)."""


@dataclass(slots=True)
class Batch:
    """``readings`` with ``positions``: the index of each in the body; ``rejected``: entries not readings."""

    readings: list[Reading] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)
    rejected: list[RejectedEntry] = field(default_factory=list)
    size: int = 0


def parse_batch(body: bytes) -> Batch:
    entries = _entries(body)
    batch = Batch(size=len(entries))
    for index, raw in enumerate(entries):
        try:
            batch.readings.append(_READING.decode(raw))
        except msgspec.ValidationError as exc:
            batch.rejected.append(RejectedEntry(index=index, reason=f"not a reading: {exc}"))
            continue
        batch.positions.append(index)
    return batch


def _entries(body: bytes) -> list[msgspec.Raw]:
    text = body.strip()
    if not text:
        raise BatchError("the body is empty: send a JSON array of readings or one reading per line")
    if text.startswith(b"["):
        try:
            return _ENTRIES.decode(text)
        except msgspec.DecodeError as exc:
            raise BatchError(f"the body is not a JSON array of readings: {exc}") from None
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            entries.append(msgspec.json.decode(line, type=msgspec.Raw))
        except msgspec.DecodeError as exc:
            raise BatchError(f"line {number} is not JSON: {exc}") from None
    return entries
