"""The radio over a real server: floor control with the reason a console's PTT is refused,
transmissions announced at start and end, the last one per group, transmissions on a case in its
timeline, a seat that goes away letting go of the floor, and the demo script."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from backend.cli import build_parser
from backend.comms.message_sim import MessageService
from backend.comms.radio import load_groups
from backend.comms.radio_service import RadioService
from backend.comms.radio_sim import RadioSimulator, ScriptLine, load_script
from backend.intake import data
from backend.services import build_services
from client_api import comms_messages as cm
from client_api.errors import ErrorCode
from tests.backend.test_comms_radio_support import Seat, comms_server, radio_log_rows


def ended(transmission_id: int, group: str = "") -> Any:
    return lambda e: (
        e.type == "radio.transmission"
        and e.payload.transmission.id == transmission_id
        and e.payload.transmission.ended_at is not None
        and (not group or e.payload.transmission.group_id == group)
    )


def test_a_unit_holding_the_floor_refuses_the_console_until_it_lets_go(
    aio: Any, tmp_path: Path, fast_seed: None
) -> None:
    async def scenario(comms: Any) -> None:
        trainer = await comms.seat("trainer1", "T1")
        seat = await comms.seat("operator1", "S1")
        unit = await trainer.ask(
            "sim.radio", cm.SimRadio(unit_id="unit-03", group_id="tg-city", text="收到", seconds=60)
        )
        said = unit.transmission
        assert (said.unit_id, said.unit_name, said.group_id, said.ended_at) == (
            "unit-03",
            "刘洋",
            "tg-city",
            None,
        )
        rows = await radio_log_rows(comms.store)
        busy = await seat.refused("radio.ptt", cm.PushToTalk(group_id="tg-city", on=True))
        assert (busy.code, busy.details["field"]) == (ErrorCode.INVALID_FIELD, "group_id")
        assert busy.message == "刘洋 (unit-03) is talking on 城管执法"
        assert await radio_log_rows(comms.store) == rows  # a refusal writes nothing
        state: cm.RadioState = await seat.ask("radio.state", cm.GetRadio())
        assert [t.id for t in state.talking] == [said.id]
        await comms.radio.release("unit-03", "tg-city")  # the unit lets go
        await seat.wait_for(ended(said.id))

        mine = (await seat.ask("radio.ptt", cm.PushToTalk(group_id="tg-city", on=True))).transmission
        assert (mine.unit_id, mine.unit_name, mine.ended_at) == ("console:operator1", "话务员 王芳", None)
        again = (await seat.ask("radio.ptt", cm.PushToTalk(group_id="tg-city", on=True))).transmission
        assert again == mine  # a second press while talking is the same transmission
        other = await trainer.refused("sim.radio", cm.SimRadio(unit_id="unit-01", group_id="tg-city"))
        assert other.message == "话务员 王芳 (console:operator1) is talking on 城管执法"
        done = await seat.ask(
            "radio.ptt", cm.PushToTalk(group_id="tg-city", on=False, text="请二中队到滨江路")
        )
        assert done.transmission.ended_at is not None and done.transmission.text == "请二中队到滨江路"
        last: cm.LastTransmission = await seat.ask("radio.last", cm.GetLastTransmission(group_id="tg-city"))
        assert last.transmission == done.transmission
        none: cm.LastTransmission = await seat.ask(
            "radio.last", cm.GetLastTransmission(group_id="tg-emergency")
        )
        assert none.transmission is None
        await seat.wait_for(ended(mine.id))
        heard = [(t.transmission.id, t.transmission.ended_at is None) for t in seat.of("radio.transmission")]
        assert heard == [(said.id, True), (said.id, False), (mine.id, True), (mine.id, False)]
        state = await seat.ask("radio.state", cm.GetRadio())
        assert state.talking == [] and state.last == [done.transmission]
        assert [g.id for g in state.groups] == list(load_groups())
        assert {g.id: g.members for g in state.groups}["tg-city"] == ("unit-01", "unit-03")
        off = await seat.refused("radio.ptt", cm.PushToTalk(group_id="tg-city", on=False))
        assert (off.details["field"], off.message) == ("on", "console:operator1 is not talking on 城管执法")
        unknown = await seat.refused("radio.ptt", cm.PushToTalk(group_id="tg-nowhere", on=True))
        assert (unknown.code, unknown.details["field"]) == (ErrorCode.NOT_FOUND, "group_id")

    with comms_server(aio, f"sqlite:///{tmp_path}/radio.sqlite3") as comms:
        aio.run(scenario(comms))


def test_a_transmission_on_a_case_is_in_its_timeline(aio: Any, tmp_path: Path, fast_seed: None) -> None:
    async def scenario(comms: Any) -> None:
        seat = await comms.seat()
        case_id = await seat.new_case()
        missing = await seat.refused("radio.ptt", cm.PushToTalk(group_id="tg-city", on=True, case_id=99999))
        assert (missing.code, missing.details["field"]) == (ErrorCode.NOT_FOUND, "case_id")
        await seat.ask("radio.ptt", cm.PushToTalk(group_id="tg-city", on=True, case_id=case_id))
        comms.clock.advance(12)
        await seat.ask("radio.ptt", cm.PushToTalk(group_id="tg-city", on=False, text="二中队去现场"))
        radio = [t for t in await seat.timeline(case_id) if t.action == "radio"]
        assert [(t.actor, t.seat_id, t.note) for t in radio] == [
            ("operator1", "S1", "radio 城管执法: 话务员 王芳 (console:operator1), 12 s: 二中队去现场")
        ]

    with comms_server(aio, f"sqlite:///{tmp_path}/radio.sqlite3") as comms:
        aio.run(scenario(comms))


def test_a_seat_that_goes_away_lets_go_of_the_floor(aio: Any, tmp_path: Path, fast_seed: None) -> None:
    async def scenario(comms: Any) -> None:
        leaving = await comms.seat("operator2", "S2")
        watcher = await comms.seat("supervisor1", "W1")
        held = (await leaving.ask("radio.ptt", cm.PushToTalk(group_id="tg-district", on=True))).transmission
        await leaving.client.close()
        await watcher.wait_for(ended(held.id))
        await watcher.ask("radio.ptt", cm.PushToTalk(group_id="tg-district", on=True))

    with comms_server(aio, f"sqlite:///{tmp_path}/radio.sqlite3") as comms:
        aio.run(scenario(comms))


def test_sim_radio_is_checked_and_off_without_the_simulator(
    aio: Any, tmp_path: Path, fast_seed: None
) -> None:
    async def scenario(comms: Any) -> None:
        trainer: Seat = await comms.seat("trainer1", "T1")
        for req, code, field, message in [
            (
                cm.SimRadio(unit_id="unit-99"),
                ErrorCode.NOT_FOUND,
                "unit_id",
                "there is no directory entry 'unit-99'",
            ),
            (
                cm.SimRadio(unit_id="dept-D-CG"),
                ErrorCode.INVALID_FIELD,
                "unit_id",
                "区城市管理局 (dept-D-CG) has no radio",
            ),
            (
                cm.SimRadio(unit_id="unit-06", group_id="tg-city"),
                ErrorCode.INVALID_FIELD,
                "group_id",
                "高峰 (unit-06) is not in talk group 城管执法",
            ),
            (
                cm.SimRadio(unit_id="unit-06", seconds=0),
                ErrorCode.INVALID_FIELD,
                "seconds",
                "a unit talks for more than 0",
            ),
        ]:
            refused = await trainer.refused("sim.radio", req)
            assert (refused.code, refused.details["field"], refused.message[: len(message)]) == (
                code,
                field,
                message,
            )
        said = (await trainer.ask("sim.radio", cm.SimRadio(unit_id="unit-06", seconds=0.05))).transmission
        assert said.group_id == "tg-emergency"  # the unit's first group
        await trainer.wait_for(ended(said.id))  # its seconds are up
        await comms.sim.stop()
        off = await trainer.refused("sim.radio", cm.SimRadio(unit_id="unit-06"))
        assert off.code == ErrorCode.UNAVAILABLE

    with comms_server(aio, f"sqlite:///{tmp_path}/radio.sqlite3") as comms:
        aio.run(scenario(comms))


def test_the_demo_script_plays_by_itself(aio: Any, tmp_path: Path, fast_seed: None) -> None:
    script = [
        ScriptLine(group="tg-city", unit="unit-01", text="滨江农贸市场东门有三处占道经营", seconds=0.05),
        ScriptLine(group="tg-emergency", text="江堤水位四点二米", seconds=0.05),
    ]

    async def scenario(comms: Any) -> list[cm.Transmission]:
        seat = await comms.seat()  # the script may have started before the seat listens: wait for each line

        async def said(text: str) -> cm.Transmission:
            event = await seat.wait_for(
                lambda e: e.type == "radio.transmission" and e.payload.transmission.text == text
            )
            transmission: cm.Transmission = event.payload.transmission
            return transmission

        return [await said(script[0].text), await said(script[1].text)]

    with comms_server(aio, f"sqlite:///{tmp_path}/radio.sqlite3", script=script, interval=0.05) as comms:
        first, second = aio.run(scenario(comms))
        assert comms.sim.played >= 2
    assert (first.unit_id, first.group_id) == ("unit-01", "tg-city")
    assert second.group_id == "tg-emergency" and second.unit_id in ("unit-03", "unit-06")


def test_the_demo_script_and_talk_groups_fit_the_district() -> None:
    groups = load_groups()
    towns = [a["code"] for a in data.load_json(data.DEMO, "district.json")["areas"] if a["level"] == "town"]
    assert {"tg-district", "tg-city", "tg-emergency"} | {f"tg-town-{t}" for t in towns} == set(groups)
    script = load_script()
    assert len(script) >= 10 and all(line.group in groups and line.text for line in script)


def test_the_command_line_starts_the_radio_messages_and_on_request_the_simulator() -> None:
    plain = build_services(build_parser().parse_args([]))
    [radio] = [s for s in plain if isinstance(s, RadioService)]
    [messages] = [s for s in plain if isinstance(s, MessageService)]
    assert messages.receipt_delay == 1.0 and not [s for s in plain if isinstance(s, RadioSimulator)]
    argv = ["--simulate-radio", "--sim-radio-interval", "5", "--sim-receipt-delay", "0.2"]
    demo = build_services(build_parser().parse_args(argv))
    [sim] = [s for s in demo if isinstance(s, RadioSimulator)]
    [radio] = [s for s in demo if isinstance(s, RadioService)]
    assert (sim.interval, sim.radio) == (5.0, radio)
    assert [s.receipt_delay for s in demo if isinstance(s, MessageService)] == [0.2]
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--sim-receipt-delay", "-1"])
