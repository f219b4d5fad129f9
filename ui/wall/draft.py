"""The designer's draft of the wall: a layout per monitor, edited here and pushed in one change.

Plain Python. When another seat changes the wall the draft is rebased: monitors left untouched here take
the new layouts, monitors edited here keep the edits (pushing them wins, the last change wins) and are
reported as conflicts when the other change touched them too.
"""

from __future__ import annotations

from client_api import wall_messages as wm


class WallDraft:
    """Attributes: base (the WallState the draft starts from, None before the first load), layouts (the
    draft's Layout per monitor index)."""

    def __init__(self) -> None:
        self.base: wm.WallState | None = None
        self.layouts: dict[int, wm.Layout] = {}

    @property
    def monitors(self) -> list[wm.Monitor]:
        """The base's monitors, with the draft's layouts."""
        if self.base is None:
            return []
        return [
            wm.Monitor(
                index=m.index,
                name=m.name,
                row=m.row,
                col=m.col,
                width_px=m.width_px,
                height_px=m.height_px,
                layout=self.layouts.get(m.index, m.layout),
            )
            for m in self.base.monitors
        ]

    @property
    def base_version(self) -> int | None:
        return None if self.base is None else self.base.version

    def base_layout(self, monitor: int) -> wm.Layout | None:
        if self.base is None:
            return None
        return next((m.layout for m in self.base.monitors if m.index == monitor), None)

    def reset(self, state: wm.WallState) -> None:
        """Start over from ``state`` (edits are dropped)."""
        self.base = state
        self.layouts = {m.index: m.layout for m in state.monitors}

    def edited(self) -> list[int]:
        """Monitors whose draft differs from the base."""
        return [i for i, layout in sorted(self.layouts.items()) if layout != self.base_layout(i)]

    def rebase(self, state: wm.WallState) -> list[int]:
        """Move the draft onto ``state``; returns the monitors edited both here and in ``state``."""
        if self.base is None or [m.index for m in self.base.monitors] != [m.index for m in state.monitors]:
            self.reset(state)  # another wall (monitors added or removed): nothing to keep
            return []
        edited = set(self.edited())
        conflicts = []
        layouts = {}
        for monitor in state.monitors:
            i = monitor.index
            if i not in edited:
                layouts[i] = monitor.layout
                continue
            layouts[i] = self.layouts[i]
            if monitor.layout != self.base_layout(i):
                conflicts.append(i)
        self.base, self.layouts = state, layouts
        return conflicts

    def changed_layouts(self) -> dict[int, wm.Layout]:
        """What to push: the edited monitors' layouts."""
        return {i: self.layouts[i] for i in self.edited()}
