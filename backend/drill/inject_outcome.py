"""What firing an inject needs (the server, the run, the timer for later steps) and what it gives back."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from backend.drill.scenario_model import Inject

if TYPE_CHECKING:
    from backend.drill.clock import Timer
    from backend.drill.run import DrillRun
    from backend.server import Server
    from client_api.messages import Operator


@dataclass(frozen=True, slots=True)
class Outcome:
    """``status`` fired | skipped | failed; ``reason`` (English) when not fired; ``summary`` the log's
    line (Chinese); ``data`` what the backend made of it (call_id, item_id, alert_ids …)."""

    status: str
    summary: str
    reason: str = ""
    data: dict[str, object] = field(default_factory=dict)


def fired(summary: str, **data: object) -> Outcome:
    return Outcome("fired", summary, data=data)


def skipped(reason: str, summary: str) -> Outcome:
    return Outcome("skipped", summary, reason)


def failed(reason: str, summary: str) -> Outcome:
    return Outcome("failed", summary, reason)


@dataclass(frozen=True, slots=True)
class FollowUp:
    """A later step of an inject: a caller hanging up, a department acting on a case. ``act`` returns
    the outcome to log under the inject, or None when there is nothing to log."""

    inject: Inject
    act: Callable[[], Awaitable[Outcome | None]]


@dataclass(slots=True)
class FireContext:
    """Attributes: server, run, timer (later steps are added to it), trainer (who runs the drill)."""

    server: Server
    run: DrillRun
    timer: Timer[Any]
    trainer: Operator

    def now_t(self, now: float) -> float:
        return self.run.t(now)
