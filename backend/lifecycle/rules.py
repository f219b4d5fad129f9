"""The one table of the case lifecycle: which action moves a case from which state to which, who may
take it and what it needs. Everything else (the server, the docs, the tests) reads it from here.

受理 received → 立案 registered → 派遣 dispatched → 处置中 handling → 待核查 verifying → 待回访 callback
→ 已结案 closed → 已归档 archived, with 退回 return, 重办 reopen, 挂账 suspend and 作废 void beside them.
"""

from __future__ import annotations

from dataclasses import dataclass

STATES = {
    "received": "受理",
    "registered": "立案",
    "dispatched": "派遣",
    "handling": "处置中",
    "verifying": "待核查",
    "callback": "待回访",
    "closed": "已结案",
    "archived": "已归档",
    "suspended": "挂账",
    "voided": "作废",
}
FINAL_STATES = frozenset({"archived", "voided"})

DESK = frozenset({"operator", "supervisor", "admin"})  # the center's seats
SUPERVISORS = frozenset({"supervisor", "admin"})
DEPARTMENTS = frozenset({"handler"})


@dataclass(frozen=True)
class Transition:
    """``action`` takes a case from any of ``sources`` to ``target``; ``needs`` lists required fields."""

    action: str
    label: str
    sources: frozenset[str]
    target: str
    roles: frozenset[str]
    needs: tuple[str, ...] = ()
    reopens: bool = False  # counts as a reopening (重办)


def _t(
    action: str,
    label: str,
    sources: set[str],
    target: str,
    roles: frozenset[str],
    *needs: str,
    reopens: bool = False,
) -> Transition:
    return Transition(action, label, frozenset(sources), target, roles, tuple(needs), reopens)


TRANSITIONS: tuple[Transition, ...] = (
    _t("register", "立案", {"received"}, "registered", DESK),
    _t("dispatch", "派遣", {"registered"}, "dispatched", DESK, "department_code"),
    _t(
        "subdispatch", "下派", {"dispatched", "handling"}, "dispatched", DESK | DEPARTMENTS, "department_code"
    ),
    _t("accept", "签收", {"dispatched"}, "handling", DEPARTMENTS | SUPERVISORS),
    _t("return", "退回", {"dispatched", "handling"}, "registered", DEPARTMENTS | SUPERVISORS, "note"),
    _t("complete", "办结反馈", {"handling"}, "verifying", DEPARTMENTS | SUPERVISORS, "result"),
    _t("verify_pass", "核查通过", {"verifying"}, "callback", DESK),
    _t("verify_fail", "核查不通过", {"verifying"}, "dispatched", DESK, "note", reopens=True),
    _t("callback_done", "回访满意", {"callback"}, "closed", DESK, "satisfaction"),
    _t("callback_unsatisfied", "回访不满意", {"callback"}, "dispatched", DESK, "note", reopens=True),
    _t("suspend", "挂账", {"dispatched", "handling"}, "suspended", SUPERVISORS, "note"),
    _t("resume", "恢复办理", {"suspended"}, "dispatched", SUPERVISORS),
    _t("void", "作废", {"received", "registered"}, "voided", DESK, "note"),
    _t("archive", "归档", {"closed"}, "archived", SUPERVISORS),
)
BY_ACTION = {t.action: t for t in TRANSITIONS}
ROLES_IN_TABLE = frozenset(role for t in TRANSITIONS for role in t.roles)
SATISFIED = ("satisfied", "basically_satisfied")  # 满意 / 基本满意; 不满意 goes through callback_unsatisfied
SATISFACTIONS = (*SATISFIED, "unsatisfied")
SUPERVISION_LEVELS = {"general": "一般督办", "key": "重点督办", "listed": "挂牌督办", "escalated": "提级督办"}
# A case reopened this many times is escalated to supervision (提级督办).
ESCALATE_AFTER_REOPENINGS = 3


def allowed_actions(status: str, role: str) -> list[str]:
    """What ``role`` may do now with a case in ``status`` (the console shows exactly these)."""
    return [t.action for t in TRANSITIONS if status in t.sources and role in t.roles]


def reachable_states() -> set[str]:
    """Every state a case can reach from 受理 through the table (a check that no state is orphaned)."""
    seen, todo = {"received"}, ["received"]
    while todo:
        state = todo.pop()
        for t in TRANSITIONS:
            if state in t.sources and t.target not in seen:
                seen.add(t.target)
                todo.append(t.target)
    return seen
