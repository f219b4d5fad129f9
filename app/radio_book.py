"""The seat's copy of the radio: talk groups, who talks now, the last transmission per group, the
emergencies not yet acknowledged and the patches in force. Plain Python, fed by RadioService."""

from __future__ import annotations

from client_api import comms_messages as cm


class RadioBook:
    """What the backend said about the radio, applied in the order it arrived.

    Attributes:
        groups: the talk groups in the backend's order.
        talking: the open transmission per group id.
        last: the last ended transmission per group id.
        emergencies: unacknowledged emergencies by id, oldest first.
        patches: patches in force by id.
    """

    def __init__(self) -> None:
        self.groups: list[cm.TalkGroup] = []
        self.talking: dict[str, cm.Transmission] = {}
        self.last: dict[str, cm.Transmission] = {}
        self.emergencies: dict[int, cm.Emergency] = {}
        self.patches: dict[int, cm.Patch] = {}

    def reset(self, state: cm.RadioState) -> None:
        self.groups = list(state.groups)
        self.talking = {t.group_id: t for t in state.talking if t.ended_at is None}
        self.last = {t.group_id: t for t in state.last}
        ordered = sorted(state.emergencies, key=lambda e: (e.at, e.id))
        self.emergencies = {e.id: e for e in ordered if e.acked_at is None and e.acked_by is None}
        self.patches = {p.id: p for p in state.patches if p.ended_at is None}

    def group(self, group_id: str) -> cm.TalkGroup | None:
        return next((g for g in self.groups if g.id == group_id), None)

    def group_name(self, group_id: str) -> str:
        group = self.group(group_id)
        return group.name if group is not None else group_id

    def apply_transmission(self, transmission: cm.Transmission) -> bool:
        """Take a transmission that started or ended; False when it is older than what is known."""
        group_id = transmission.group_id
        if transmission.ended_at is None:
            current = self.talking.get(group_id)
            if current is not None and current.id > transmission.id:
                return False
            last = self.last.get(group_id)
            if last is not None and last.id == transmission.id:
                return False  # the start arrived after the end
            self.talking[group_id] = transmission
            return True
        changed = False
        current = self.talking.get(group_id)
        if current is not None and current.id <= transmission.id:
            del self.talking[group_id]
            changed = True
        last = self.last.get(group_id)
        if (last is None or last.id <= transmission.id) and last != transmission:
            self.last[group_id] = transmission
            changed = True
        return changed

    def apply_emergency(self, emergency: cm.Emergency) -> bool:
        """Add an unacknowledged emergency or drop an acknowledged one; True when the list changed."""
        if emergency.acked_at is not None or emergency.acked_by is not None:
            return self.emergencies.pop(emergency.id, None) is not None
        known = self.emergencies.get(emergency.id)
        self.emergencies[emergency.id] = emergency
        return known != emergency

    def apply_patch(self, patch: cm.Patch) -> set[str]:
        """Add or end a patch; returns the ids of the groups whose patch changed."""
        if patch.ended_at is not None:
            old = self.patches.pop(patch.id, None)
            return set(patch.groups) | (set(old.groups) if old is not None else set())
        old = self.patches.get(patch.id)
        self.patches[patch.id] = patch
        return set(patch.groups) | (set(old.groups) if old is not None else set())

    def patches_of(self, group_id: str) -> list[cm.Patch]:
        return [p for p in self.patches.values() if group_id in p.groups]

    def partners(self, group_id: str) -> list[str]:
        """The groups patched with ``group_id`` now, in the order of ``groups``."""
        joined = {g for p in self.patches_of(group_id) for g in p.groups} - {group_id}
        return [g.id for g in self.groups if g.id in joined] + sorted(joined - {g.id for g in self.groups})
