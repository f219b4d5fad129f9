"""Messages over a real server: a broadcast to every grid member of a town with its receipts (SMS
needs a phone; offline recipients are never delivered), IM read receipts, one audience only, the
templates, and messages on a case's timeline."""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Any

import pytest

from backend.comms.templates import PLACEHOLDERS, list_templates
from client_api import comms_messages as cm
from client_api.errors import ErrorCode
from tests.backend.test_comms_radio_support import GRID, OTHER_TOWN, TOWN, comms_server

WU, QIAN, SUN = f"gm-{GRID}-1", f"gm-{GRID}-2", "gm-32099900100201-1"


def states(message: cm.Message) -> dict[str, tuple[str, str | None]]:
    return {r.entry_id: (r.state, r.reason) for r in message.receipts}


def test_a_broadcast_to_a_town_reaches_its_grid_members(aio: Any, tmp_path: Path, fast_seed: None) -> None:
    async def scenario(comms: Any) -> None:
        seat = await comms.seat()
        sent = (
            await seat.ask("message.send", cm.SendMessage(medium="sms", body=" 今夜有强降雨 ", town=TOWN))
        ).message
        assert (sent.sender, sent.body, sent.audience, sent.medium) == (
            "operator1",
            "今夜有强降雨",
            "临江街道全体网格员",
            "sms",
        )
        assert states(sent) == {
            WU: ("queued", None),
            QIAN: ("failed", "钱秀英 has no phone number"),
            SUN: ("queued", None),
        }
        assert [r.address for r in sent.receipts] == ["13951200101", "", "13951200201"]
        delivered = await seat.wait_for(
            lambda e: e.type == "message.updated" and states(e.payload.message)[WU][0] == "delivered"
        )
        assert states(delivered.payload.message) == {
            WU: ("delivered", None),
            QIAN: ("failed", "钱秀英 has no phone number"),
            SUN: ("sent", None),  # offline: the gateway never hears back
        }
        steps = [states(e.message)[WU][0] for e in seat.of("message.updated")]
        assert steps == ["queued", "sent", "delivered"]
        listed: cm.MessageList = await seat.ask("message.list", cm.ListMessages())
        assert listed.messages == [delivered.payload.message]
        other = (
            await seat.ask("message.send", cm.SendMessage(medium="sms", body="东湖镇通知", town=OTHER_TOWN))
        ).message
        assert [r.name for r in other.receipts] == ["周杰"]

    with comms_server(aio, f"sqlite:///{tmp_path}/msg.sqlite3") as comms:
        aio.run(scenario(comms))


def test_an_im_is_read_by_who_is_available(aio: Any, tmp_path: Path, fast_seed: None) -> None:
    async def scenario(comms: Any) -> None:
        seat = await comms.seat()
        sent = (
            await seat.ask(
                "message.send", cm.SendMessage(medium="im", body="请核查", entry_ids=[WU, SUN, WU])
            )
        ).message
        assert (sent.audience, [r.address for r in sent.receipts]) == ("吴磊、孙丽", [WU, SUN])
        read = await seat.wait_for(
            lambda e: e.type == "message.updated" and states(e.payload.message)[WU][0] == "read"
        )
        assert states(read.payload.message)[SUN] == ("sent", None)
        group = (
            await seat.ask("message.send", cm.SendMessage(medium="im", body="集合", group_id="tg-city"))
        ).message
        assert (group.audience, [r.entry_id for r in group.receipts]) == (
            "通话组城管执法",
            ["unit-01", "unit-03"],
        )

    with comms_server(aio, f"sqlite:///{tmp_path}/msg.sqlite3") as comms:
        aio.run(scenario(comms))


def test_delivery_follows_live_presence(aio: Any, tmp_path: Path, fast_seed: None) -> None:
    async def scenario(comms: Any) -> None:
        seat = await comms.seat("supervisor1", "W1")
        await seat.ask("comms.set_presence", cm.SetPresence(entry_id=WU, presence="offline"))
        await seat.ask("comms.set_presence", cm.SetPresence(entry_id=SUN, presence="busy"))  # back online
        sent = (
            await seat.ask("message.send", cm.SendMessage(medium="im", body="集合", entry_ids=[WU, SUN]))
        ).message
        done = await seat.wait_for(
            lambda e: e.type == "message.updated" and states(e.payload.message)[SUN][0] == "delivered"
        )
        assert done.payload.message.id == sent.id
        assert states(done.payload.message) == {
            WU: ("sent", None),
            SUN: ("delivered", None),
        }  # busy: not read

    with comms_server(aio, f"sqlite:///{tmp_path}/msg.sqlite3", hub=True) as comms:
        aio.run(scenario(comms))


def send(**fields: Any) -> cm.SendMessage:
    return cm.SendMessage(**({"medium": "sms", "body": "通知", "entry_ids": [WU]} | fields))


BAD_MESSAGES = [
    (send(entry_ids=[]), ErrorCode.INVALID_FIELD, "entry_ids", "say whom the message is for"),
    (
        send(town=TOWN),
        ErrorCode.INVALID_FIELD,
        "town",
        "a message has one audience: entry_ids or town, not both",
    ),
    (
        send(entry_ids=[], group_id="tg-city", grid_code=GRID),
        ErrorCode.INVALID_FIELD,
        "grid_code",
        "a message has one audience",
    ),
    (
        send(entry_ids=[WU, "gm-nobody"]),
        ErrorCode.NOT_FOUND,
        "entry_ids",
        "there is no directory entry 'gm-nobody'",
    ),
    (
        send(entry_ids=[], group_id="tg-nowhere"),
        ErrorCode.NOT_FOUND,
        "group_id",
        "there is no talk group 'tg-nowhere'",
    ),
    (
        send(entry_ids=[], town="320999009"),
        ErrorCode.NOT_FOUND,
        "town",
        "there is no town '320999009' in the district",
    ),
    (send(entry_ids=[], grid_code=TOWN), ErrorCode.NOT_FOUND, "grid_code", "there is no grid '320999001'"),
    (
        send(entry_ids=[], grid_code="32099900300101"),
        ErrorCode.INVALID_FIELD,
        "grid_code",
        "青山村第1网格全体网格员 has nobody",
    ),
    (send(body="  "), ErrorCode.INVALID_FIELD, "body", "the message is empty"),
    (send(body="长" * 501), ErrorCode.INVALID_FIELD, "body", "an SMS message is at most 500 characters"),
    (send(medium="fax"), ErrorCode.INVALID_FIELD, "medium", "medium 'fax' is not one of sms, im"),
    (send(template_id="nope"), ErrorCode.NOT_FOUND, "template_id", "there is no message template 'nope'"),
    (send(case_id=99999), ErrorCode.NOT_FOUND, "case_id", "case 99999 does not exist"),
]


@pytest.mark.parametrize(("req", "code", "field", "message"), BAD_MESSAGES)
def test_bad_messages_are_refused(
    aio: Any, tmp_path: Path, fast_seed: None, req: cm.SendMessage, code: str, field: str, message: str
) -> None:
    async def scenario(comms: Any) -> None:
        seat = await comms.seat()
        refused = await seat.refused("message.send", req)
        assert (refused.code, refused.details["field"], refused.message[: len(message)]) == (
            code,
            field,
            message,
        )
        assert (await seat.ask("message.list", cm.ListMessages())).messages == []

    with comms_server(aio, f"sqlite:///{tmp_path}/msg.sqlite3") as comms:
        aio.run(scenario(comms))


def test_messages_on_a_case_are_in_its_timeline(aio: Any, tmp_path: Path, fast_seed: None) -> None:
    async def scenario(comms: Any) -> None:
        seat = await comms.seat()
        case_id = await seat.new_case()
        body = "请网格员尽快到滨江路 1 号现场核实占道经营情况"
        on_case = (
            await seat.ask("message.send", send(body=body, grid_code=GRID, entry_ids=[], case_id=case_id))
        ).message
        later = (await seat.ask("message.send", send(medium="im", body="已到场"))).message
        attached = (await seat.ask("message.attach", cm.AttachMessage(later.id, case_id))).message
        assert attached.case_id == case_id
        notes = [
            (t.action, t.actor, t.note) for t in await seat.timeline(case_id) if t.action == "comms_message"
        ]
        assert notes == [
            ("comms_message", "operator1", f"短信 发给 滨江社区第1网格全体网格员（2人）：{body}"),
            ("comms_message", "operator1", "即时消息 发给 吴磊（1人）：已到场"),
        ]
        listed: cm.MessageList = await seat.ask("message.list", cm.ListMessages(case_id=case_id))
        assert [m.id for m in listed.messages] == [later.id, on_case.id]
        twice = await seat.refused("message.attach", cm.AttachMessage(later.id, case_id))
        assert twice.message == f"message {later.id} is already attached to case {case_id}"
        gone = await seat.refused("message.attach", cm.AttachMessage(999, case_id))
        assert (gone.code, gone.details["field"]) == (ErrorCode.NOT_FOUND, "message_id")

    with comms_server(aio, f"sqlite:///{tmp_path}/msg.sqlite3") as comms:
        aio.run(scenario(comms))


def test_templates_are_listed_with_known_placeholders(aio: Any, tmp_path: Path, fast_seed: None) -> None:
    async def scenario(comms: Any) -> list[cm.MessageTemplate]:
        seat = await comms.seat()
        listed: cm.TemplateList = await seat.ask("message.templates", cm.ListTemplates())
        return listed.templates

    with comms_server(aio, f"sqlite:///{tmp_path}/msg.sqlite3") as comms:
        templates = aio.run(scenario(comms))
    assert templates == list_templates() and 6 <= len(templates) <= 8
    assert len({t.id for t in templates}) == len(templates)
    for t in templates:
        fields = {name for _text, name, _spec, _conv in string.Formatter().parse(t.body) if name}
        assert fields <= set(PLACEHOLDERS) and t.medium in cm.MEDIA and re.search("[\u4e00-\u9fff]", t.body)
        assert (
            len(t.body.format(case_id=123456, address="滨江路 1 号", category="占道经营", deadline="18:00"))
            <= 500
        )
    assert any(
        set(PLACEHOLDERS) <= {n for _t, n, _s, _c in string.Formatter().parse(t.body) if n} for t in templates
    )
