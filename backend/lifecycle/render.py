"""Render the lifecycle table as Markdown: ``python -m backend.lifecycle.render > docs/lifecycle.md``."""

from __future__ import annotations

from backend.lifecycle.rules import ESCALATE_AFTER_REOPENINGS, STATES, TRANSITIONS


def render() -> str:
    lines = [
        "# The case lifecycle",
        "",
        "Generated from `backend/lifecycle/rules.py` by `python -m backend.lifecycle.render`; a test fails",
        "when this file and the table differ. Every action is one transaction: the case row, a timeline",
        "entry (who, role, seat, when, from, to, note) and a `case.updated` event commit together or not at",
        "all. An action the table does not allow is refused with `invalid_transition` (wrong state) or",
        "`forbidden` (wrong role), naming the rule, and changes nothing.",
        "",
        "## States",
        "",
        "| state | 中文 |",
        "|---|---|",
        *(f"| `{code}` | {name} |" for code, name in STATES.items()),
        "",
        "## Actions",
        "",
        "| action | 中文 | from | to | roles | needs |",
        "|---|---|---|---|---|---|",
    ]
    for t in TRANSITIONS:
        sources = ", ".join(f"`{s}`" for s in sorted(t.sources))
        roles = ", ".join(sorted(t.roles))
        needs = ", ".join(f"`{n}`" for n in t.needs) or "—"
        reopen = " (重办)" if t.reopens else ""
        lines.append(f"| `{t.action}` | {t.label}{reopen} | {sources} | `{t.target}` | {roles} | {needs} |")
    lines += [
        "",
        f"A case reopened {ESCALATE_AFTER_REOPENINGS} times (重办) is escalated to supervision (提级督办):",
        "its `supervision_level` becomes `escalated` and the timeline says so.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(render(), end="")
