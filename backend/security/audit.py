"""The audit log: who did what, from where, when, with what outcome — append-only, hash-chained.

Each record's ``hash`` is sha256 over the previous record's hash and this record's fields, so changing a
record breaks its own hash and deleting one breaks the next record's link. The newest record's id and
hash are also kept in ``meta`` (key ``audit_head``) in the same transaction, so cutting records off the
end shows too. Someone who can rewrite the whole table *and* the head can still forge a consistent
chain: ``verify-audit`` prints the head so a site can note it elsewhere (docs/reliability.md).
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from backend import schema

GENESIS = "0" * 64
HEAD_KEY = "audit_head"
FIELDS = ("ts", "actor", "role", "seat_id", "address", "action", "target", "outcome", "detail")
MAX_DETAIL = 2000


@dataclass(frozen=True, slots=True)
class AuditEntry:
    action: str  # login | login_failed | logout | the request type of a command …
    outcome: str  # ok | refused | error
    actor: str | None = None  # the username (the attempted one for a failed login)
    role: str | None = None
    seat_id: str | None = None
    address: str | None = None  # the seat's IP address and port
    target: str | None = None  # what it acted on, e.g. "case:42"
    detail: str | None = None  # e.g. the error code and message of a refusal
    ts: float = field(default_factory=time.time)

    def values(self) -> dict[str, Any]:
        detail = self.detail[:MAX_DETAIL] if self.detail else self.detail
        return {name: getattr(self, name) for name in FIELDS} | {"detail": detail}


def record_hash(prev_hash: str, values: dict[str, Any]) -> str:
    """sha256 of the previous hash and the record's fields in a fixed, canonical form."""
    body = json.dumps([values[name] for name in FIELDS], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(f"{prev_hash}|{body}".encode()).hexdigest()


def _head(conn: sa.Connection) -> tuple[int, str]:
    text = conn.execute(sa.select(schema.meta.c.value).where(schema.meta.c.key == HEAD_KEY)).scalar()
    if not text:
        return 0, GENESIS
    last_id, _, last_hash = text.partition(":")
    return int(last_id), last_hash


def append(conn: sa.Connection, entry: AuditEntry) -> int:
    """Append ``entry`` in the caller's transaction (which holds the store's write lock); its id."""
    _last_id, prev_hash = _head(conn)
    values = entry.values()
    digest = record_hash(prev_hash, values)
    new_id = int(
        conn.execute(
            sa.insert(schema.audit_log)
            .values(**values, prev_hash=prev_hash, hash=digest)
            .returning(schema.audit_log.c.id)
        ).scalar_one()
    )
    conn.execute(sa.delete(schema.meta).where(schema.meta.c.key == HEAD_KEY))
    conn.execute(sa.insert(schema.meta).values(key=HEAD_KEY, value=f"{new_id}:{digest}"))
    return new_id


@dataclass
class AuditReport:
    records: int = 0
    head_id: int = 0
    head_hash: str = GENESIS
    problems: list[str] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not self.problems


def verify(conn: sa.Connection, batch: int = 5000) -> AuditReport:
    """Walk the chain from the first record; every record that was changed, removed or cut off is named."""
    report = AuditReport()
    prev_hash, last_id = GENESIS, 0
    table = schema.audit_log
    while True:
        rows = conn.execute(
            sa.select(table).where(table.c.id > last_id).order_by(table.c.id).limit(batch)
        ).all()
        if not rows:
            break
        for row in rows:
            values = {name: getattr(row, name) for name in FIELDS}
            if row.prev_hash != prev_hash:
                report.problems.append(
                    f"record {row.id}: the record before it was changed or deleted (its link does not match)"
                )
            if record_hash(row.prev_hash, values) != row.hash:
                report.problems.append(f"record {row.id}: its contents were changed after it was written")
            prev_hash, last_id = row.hash, row.id
            report.records += 1
    head_id, head_hash = _head(conn)
    report.head_id, report.head_hash = head_id, head_hash
    if (head_id, head_hash) != (last_id, prev_hash if last_id else GENESIS):
        report.problems.append(
            f"the log ends at record {last_id} but its head says {head_id}: records were cut off the end"
        )
    return report
