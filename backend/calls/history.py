"""Screen-pop: what a caller reported before, shown when the call rings."""

from __future__ import annotations

from typing import TYPE_CHECKING

import sqlalchemy as sa

from backend import schema
from backend.calls.records import checked_phone
from backend.case_writes import case_from_row
from backend.masking import mask_cases
from client_api.calls_messages import CallerHistory
from client_api.messages import CaseRecord

if TYPE_CHECKING:
    from backend.store import Store

FINISHED_STATUSES = ("closed", "archived")
LOOKBACK_S = 365 * 86_400.0  # "the last 12 months"
MAX_CASES = 50

cases = schema.cases


def caller_cases(conn: sa.Connection, phone: str, now: float) -> list[CaseRecord]:
    """The phone's cases of the last 12 months and its open ones of any age, newest first."""
    query = (
        sa.select(cases)
        .where(
            cases.c.reporter_phone == phone,  # ix_cases_reporter_phone_created_at
            sa.or_(cases.c.created_at >= now - LOOKBACK_S, cases.c.status.not_in(FINISHED_STATUSES)),
        )
        .order_by(cases.c.created_at.desc(), cases.c.id.desc())
        .limit(MAX_CASES)
    )
    return [case_from_row(row) for row in conn.execute(query)]


async def caller_history(store: Store, phone: str, role: str, now: float) -> CallerHistory:
    """The screen-pop for ``phone`` as ``role`` may see it (confidential reporters masked)."""
    phone = checked_phone(phone, "phone")
    async with store.engine.connect() as conn:
        found = await conn.run_sync(caller_cases, phone, now)
    open_count = sum(1 for case in found if case.status not in FINISHED_STATUSES)
    return CallerHistory(phone=phone, cases=mask_cases(found, role), open_count=open_count)
