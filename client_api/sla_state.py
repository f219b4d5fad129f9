"""How far a case is into its time limits, for the countdown badges: normal, warning, overdue."""

from __future__ import annotations

from dataclasses import dataclass

from client_api.messages import CaseRecord

WARNING_AT = 0.8  # warning once 80% of the time is used
DONE_STATES = frozenset({"closed", "archived", "voided", "suspended"})
COMPLETED_STATES = DONE_STATES | {"verifying", "callback"}


@dataclass(frozen=True, slots=True)
class Badge:
    state: str  # none | normal | warning | overdue
    remaining_s: float | None  # seconds left (negative when overdue); None without a deadline
    used: float | None  # fraction of the time used


NO_BADGE = Badge("none", None, None)


def badge(start: float | None, deadline: float | None, now: float, flagged: bool = False) -> Badge:
    """The badge of a limit running from ``start`` to ``deadline``; ``flagged`` is the backend's word that
    it passed (the seat's clock may lag)."""
    if deadline is None:
        return NO_BADGE
    remaining = deadline - now
    span = deadline - start if start is not None else 0.0
    used = (now - start) / span if start is not None and span > 0 else (1.0 if remaining <= 0 else 0.0)
    if flagged or remaining <= 0:
        return Badge("overdue", remaining, used)
    return Badge("warning" if used >= WARNING_AT else "normal", remaining, used)


def stage_badge(case: CaseRecord, now: float) -> Badge:
    """The current stage's limit (dispatch, accept, handle, verify, callback)."""
    if case.status in DONE_STATES:
        return NO_BADGE
    return badge(case.stage_started_at, case.stage_deadline_at, now, case.stage_overdue)


def completion_badge(case: CaseRecord, now: float) -> Badge:
    """The limit to complete the case (办结时限), running from its receipt."""
    if case.status in COMPLETED_STATES:
        return NO_BADGE
    return badge(case.created_at, case.deadline_at, now, case.overdue)


def worst(*badges: Badge) -> Badge:
    order = {"none": 0, "normal": 1, "warning": 2, "overdue": 3}
    return max(badges, key=lambda b: order[b.state])


def countdown(remaining_s: float | None) -> str:
    """'2d 03:04', '03:04:05', '-00:12:00' — compact, for a badge."""
    if remaining_s is None:
        return ""
    sign = "-" if remaining_s < 0 else ""
    total = int(abs(remaining_s))
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    if days:
        return f"{sign}{days}d {hours:02d}:{minutes:02d}"
    return f"{sign}{hours:02d}:{minutes:02d}:{seconds:02d}"
