"""Emergency buttons (they cut in, stay until acknowledged once, survive a restart) and patches (a
shared floor heard on every group, ending by themselves at ``until`` or when unpatched, on record)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from backend.comms.radio_service import RadioService
from client_api import comms_messages as cm
from client_api.errors import ErrorCode
from tests.backend.test_comms_radio import ended
from tests.backend.test_comms_radio_support import comms_server, radio_log_rows


def test_an_emergency_cuts_in_and_stays_until_acknowledged_once(
    aio: Any, tmp_path: Path, fast_seed: None
) -> None:
    async def scenario(comms: Any) -> None:
        trainer = await comms.seat("trainer1", "T1")
        seat = await comms.seat("operator1", "S1")
        talking = await trainer.ask(
            "sim.radio", cm.SimRadio(unit_id="unit-03", group_id="tg-emergency", seconds=60)
        )
        alarm = await trainer.ask(
            "sim.radio", cm.SimRadio(unit_id="unit-06", emergency=True, text="队员落水")
        )
        said = alarm.transmission
        assert (said.unit_id, said.group_id, said.emergency, said.text) == (
            "unit-06",
            "tg-emergency",
            True,
            "队员落水",
        )
        await seat.wait_for(ended(talking.transmission.id))  # the emergency took the floor
        pressed = (await seat.wait_for(lambda e: e.type == "radio.emergency")).payload.emergency
        assert (pressed.unit_id, pressed.unit_name, pressed.group_id, pressed.acked_by) == (
            "unit-06",
            "高峰",
            "tg-emergency",
            None,
        )
        assert pressed.lat is not None and pressed.lon is not None  # the district's middle: no grid, no town
        state: cm.RadioState = await seat.ask("radio.state", cm.GetRadio())
        assert state.emergencies == [pressed]

        acked = (
            await seat.ask("radio.ack_emergency", cm.AckEmergency(pressed.id, note="已通知应急二组"))
        ).emergency
        assert (acked.acked_by, acked.acked_at, acked.note) == (
            "operator1",
            comms.clock.now,
            "已通知应急二组",
        )
        assert (
            await seat.wait_for(lambda e: e.type == "radio.emergency" and e.payload.emergency.acked_by)
        ).payload.emergency == acked
        assert (await seat.ask("radio.state", cm.GetRadio())).emergencies == []
        rows = await radio_log_rows(comms.store)
        twice = await trainer.refused("radio.ack_emergency", cm.AckEmergency(pressed.id))
        assert (twice.code, twice.details["field"]) == (ErrorCode.INVALID_FIELD, "emergency_id")
        assert twice.message == f"emergency {pressed.id} was already acknowledged by operator1"
        missing = await seat.refused("radio.ack_emergency", cm.AckEmergency(999))
        assert (missing.code, missing.message) == (ErrorCode.NOT_FOUND, "there is no emergency 999")
        assert await radio_log_rows(comms.store) == rows

    with comms_server(aio, f"sqlite:///{tmp_path}/radio.sqlite3") as comms:
        aio.run(scenario(comms))


def test_an_unacknowledged_emergency_and_a_patch_survive_a_restart(
    aio: Any, tmp_path: Path, fast_seed: None
) -> None:
    async def scenario(comms: Any) -> None:
        seat = await comms.seat("trainer1", "T1")
        await seat.ask("sim.radio", cm.SimRadio(unit_id="unit-01", emergency=True, seconds=60))
        await seat.ask("radio.patch", cm.PatchGroups(groups=["tg-city", "tg-district"], minutes=30))
        before: cm.RadioState = await seat.ask("radio.state", cm.GetRadio())
        await comms.radio.stop()  # the open transmission is closed on record
        again = RadioService(clock=comms.clock)
        comms.server.services.append(again)
        await again.start(comms.server)
        after = await again.state()
        assert after.emergencies == before.emergencies and after.patches == before.patches
        assert after.talking == []
        assert [(t.group_id, t.emergency, t.ended_at) for t in after.last] == [
            ("tg-district", True, comms.clock.now)
        ]
        await again.stop()

    with comms_server(aio, f"sqlite:///{tmp_path}/radio.sqlite3") as comms:
        aio.run(scenario(comms))


def test_a_patch_shares_the_floor_and_ends_by_itself(aio: Any, tmp_path: Path, fast_seed: None) -> None:
    async def scenario(comms: Any) -> None:
        trainer = await comms.seat("trainer1", "T1")
        seat = await comms.seat("supervisor1", "W1")
        patch = (
            await seat.ask("radio.patch", cm.PatchGroups(groups=["tg-city", "tg-emergency"], minutes=1))
        ).patch
        assert (patch.groups, patch.by, patch.until, patch.ended_at) == (
            ("tg-city", "tg-emergency"),
            "supervisor1",
            comms.clock.now + 60,
            None,
        )
        state: cm.RadioState = await seat.ask("radio.state", cm.GetRadio())
        assert {g.id: g.patched_with for g in state.groups if g.patched_with} == {
            "tg-city": ("tg-emergency",),
            "tg-emergency": ("tg-city",),
        }
        twice = await seat.refused("radio.patch", cm.PatchGroups(groups=["tg-emergency", "tg-district"]))
        assert twice.message == f"应急救援 is already patched with 城管执法 (patch {patch.id})"

        said = (
            await trainer.ask("sim.radio", cm.SimRadio(unit_id="unit-01", group_id="tg-city", seconds=60))
        ).transmission
        busy = await seat.refused("radio.ptt", cm.PushToTalk(group_id="tg-emergency", on=True))
        assert busy.message == "王勇 (unit-01) is talking on 城管执法, patched with 应急救援"
        await comms.radio.release("unit-01", "tg-emergency")  # let go where it is heard
        await seat.wait_for(ended(said.id, "tg-emergency"))
        heard = {
            (t.transmission.group_id, t.transmission.ended_at is None) for t in seat.of("radio.transmission")
        }
        assert heard == {
            ("tg-city", True),
            ("tg-emergency", True),
            ("tg-city", False),
            ("tg-emergency", False),
        }
        last: cm.LastTransmission = await seat.ask(
            "radio.last", cm.GetLastTransmission(group_id="tg-emergency")
        )
        assert last.transmission is not None and (last.transmission.id, last.transmission.unit_id) == (
            said.id,
            "unit-01",
        )

        comms.clock.advance(61)
        over = await seat.wait_for(lambda e: e.type == "radio.patch" and e.payload.patch.ended_at is not None)
        assert (over.payload.patch.id, over.payload.patch.ended_at) == (patch.id, comms.clock.now)
        assert (await seat.ask("radio.state", cm.GetRadio())).patches == []
        late = await seat.refused("radio.unpatch", cm.EndPatch(patch.id))
        assert (late.code, late.message) == (ErrorCode.INVALID_FIELD, f"patch {patch.id} has already ended")

        second = (
            await seat.ask("radio.patch", cm.PatchGroups(groups=["tg-city", "tg-district"], minutes=480))
        ).patch
        assert second.id == patch.id + 1
        undone = (await seat.ask("radio.unpatch", cm.EndPatch(second.id))).patch
        assert undone.ended_at == comms.clock.now
        missing = await seat.refused("radio.unpatch", cm.EndPatch(99))
        assert (missing.code, missing.details["field"]) == (ErrorCode.NOT_FOUND, "patch_id")
        await trainer.ask("sim.radio", cm.SimRadio(unit_id="unit-03", group_id="tg-emergency", seconds=30))
        await seat.ask("radio.ptt", cm.PushToTalk(group_id="tg-city", on=True))  # no longer one floor

    with comms_server(aio, f"sqlite:///{tmp_path}/radio.sqlite3") as comms:
        aio.run(scenario(comms))


BAD_PATCHES = [
    (["tg-city"], 30.0, "groups", "a patch joins 2 to 4 talk groups, not 1"),
    (
        ["tg-city", "tg-emergency", "tg-district", "tg-town-320999001", "tg-town-320999002"],
        30.0,
        "groups",
        "a patch joins 2 to 4 talk groups, not 5",
    ),
    (["tg-city", "tg-city"], 30.0, "groups", "城管执法 is listed twice"),
    (["tg-city", "tg-nowhere"], 30.0, "groups", "there is no talk group 'tg-nowhere'"),
    (["tg-city", "tg-emergency"], 0.5, "minutes", "a patch lasts 1 to 480 minutes, not 0.5"),
    (["tg-city", "tg-emergency"], 481.0, "minutes", "a patch lasts 1 to 480 minutes, not 481"),
]


@pytest.mark.parametrize(("groups", "minutes", "field", "message"), BAD_PATCHES)
def test_bad_patches_are_refused(
    aio: Any, tmp_path: Path, fast_seed: None, groups: list[str], minutes: float, field: str, message: str
) -> None:
    async def scenario(comms: Any) -> None:
        seat = await comms.seat("supervisor1", "W1")
        refused = await seat.refused("radio.patch", cm.PatchGroups(groups=groups, minutes=minutes))
        assert (refused.details["field"], refused.message) == (field, message)
        assert await radio_log_rows(comms.store) == 0

    with comms_server(aio, f"sqlite:///{tmp_path}/radio.sqlite3") as comms:
        aio.run(scenario(comms))
