"""Helpers of the radio console tests: radio states, events as the backend sends them, a panel on a seat
that never connects (the test applies what the backend would send), and a speech queue stand-in."""

from __future__ import annotations

import time
from typing import Any

from app.radio_service import RadioService
from client_api import comms_messages as cm
from tests.ui.test_wall_support import send, signed_in_seat
from ui.comms.radio_panel import RadioPanel

GROUPS = [
    cm.TalkGroup(id="tg-district", name="区指挥调度", members=("unit-01", "unit-02")),
    cm.TalkGroup(id="tg-city", name="城管执法", members=("unit-03",)),
    cm.TalkGroup(id="tg-emergency", name="应急救援", members=("unit-04",)),
]


class RecordingSpeech:
    """Stands in for the seat's SpeechQueue (the speech engine is the edge of the world here): it keeps
    what it was asked to say, with the severity, and accepts everything."""

    def __init__(self) -> None:
        self.said: list[tuple[str, str]] = []

    def announce(self, text: str, severity: str) -> bool:
        self.said.append((text, severity))
        return True


def transmission(
    id_: int,
    group_id: str,
    text: str = "",
    *,
    unit: tuple[str, str] = ("unit-03", "王五"),
    started_at: float | None = None,
    ended: bool = False,
) -> cm.Transmission:
    start = time.time() - 5 if started_at is None else started_at
    return cm.Transmission(
        id=id_, group_id=group_id, unit_id=unit[0], unit_name=unit[1], started_at=start,
        ended_at=start + 4 if ended else None, text=text,
    )  # fmt: skip


def emergency(id_: int, group_id: str = "tg-city", *, acked_by: str | None = None) -> cm.Emergency:
    """Emergency ``id_`` pressed ``100 - id_`` seconds ago (a higher id is a later press)."""
    return cm.Emergency(
        id=id_, unit_id="unit-03", unit_name="王五", group_id=group_id, at=time.time() - 100 + id_,
        lat=30.51234, lon=120.12345, acked_by=acked_by, acked_at=time.time() if acked_by else None,
    )  # fmt: skip


def patch(id_: int, groups: tuple[str, ...], *, ended: bool = False) -> cm.Patch:
    now = time.time()
    return cm.Patch(
        id=id_, groups=groups, by="operator1", at=now, until=now + 1800, ended_at=now if ended else None
    )


def radio_state(**over: Any) -> cm.RadioState:
    fields: dict[str, Any] = {"groups": GROUPS, "talking": [], "last": [], "emergencies": [], "patches": []}
    return cm.RadioState(**(fields | over))


def radio_on_seat(
    state: cm.RadioState | None = None, role: str = "operator"
) -> tuple[RadioService, RecordingSpeech]:
    """A radio service on a seat that never connects, given ``state`` as the backend would."""
    seat = signed_in_seat(role)
    speech = RecordingSpeech()
    radio = RadioService(seat, speech=speech)
    radio.apply_state(state or radio_state())
    return radio, speech


def shown_panel(qtbot: Any, radio: RadioService) -> RadioPanel:
    panel = RadioPanel(radio)
    qtbot.addWidget(panel)
    panel.resize(1000, 600)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def send_transmission(radio: RadioService, t: cm.Transmission) -> None:
    send(radio.seat, "radio.transmission", cm.TransmissionUpdated(transmission=t))


def send_emergency(radio: RadioService, e: cm.Emergency) -> None:
    send(radio.seat, "radio.emergency", cm.EmergencyUpdated(emergency=e))


def send_patch(radio: RadioService, p: cm.Patch) -> None:
    send(radio.seat, "radio.patch", cm.PatchUpdated(patch=p))
