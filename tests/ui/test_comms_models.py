"""The comms panel's table models: the directory with live presence and drag data, a call's parties,
messages with receipt counts, one message's receipts, the call log and the video sessions."""

from __future__ import annotations

from typing import Any

import msgspec
from PySide6.QtCore import QMimeData, Qt

from app.comms_messaging import case_values, fill_template
from client_api import comms_messages as cm
from tests.ui.test_comms_support import (
    CITY_DUTY,
    ENTRIES,
    NOW,
    UNIT_3,
    ZHANG_WEI,
    call,
    case,
    conference,
    party,
    receipt,
    session,
    sms,
)
from widgets.comms_call_log_model import CallLogModel
from widgets.comms_labels import receipt_counts, telephony_text
from widgets.comms_message_model import MessageTableModel
from widgets.comms_party_model import PartyTableModel
from widgets.comms_receipt_model import ReceiptTableModel
from widgets.comms_video_model import VideoSessionModel
from widgets.directory_table_model import ENTRY_ROLE, DirectoryTableModel, entry_from_mime


def cell(model: Any, row: int, column: str) -> str:
    return str(model.index(row, model.COLUMNS.index(column)).data())


def test_directory_rows_show_presence_and_follow_it_row_by_row(qtmodeltester: Any, qtbot: Any) -> None:
    model = DirectoryTableModel()
    model.set_entries(ENTRIES)
    qtmodeltester.check(model)
    assert [model.entry_at(r).name for r in range(3)] == ["区城市管理局值班室", "张伟", "城管执法3 李强"]
    assert cell(model, 1, "org") == "滨江社区 · 网格员" and cell(model, 1, "radio_id") == "2102"
    assert cell(model, 2, "presence") == "Busy" and cell(model, 0, "presence") == "Available"
    assert model.index(1, 0).data(Qt.ItemDataRole.DecorationRole) is not None  # the presence dot
    assert model.index(1, 0).data(ENTRY_ROLE) == ZHANG_WEI
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.set_presence(ZHANG_WEI.id, "in_call", NOW)
    assert changed.args[0].row() == 1 and changed.args[1].row() == 1
    assert cell(model, 1, "presence") == "In a call"
    with qtbot.assertNotEmitted(model.dataChanged):
        model.set_presence("not-shown", "offline", NOW)
        model.set_presence(ZHANG_WEI.id, "in_call", NOW)  # no change
    qtmodeltester.check(model)


def test_a_directory_row_drags_as_its_entry(qtbot: Any) -> None:
    model = DirectoryTableModel()
    model.set_entries(ENTRIES)
    assert model.flags(model.index(1, 1)) & Qt.ItemFlag.ItemIsDragEnabled
    data = model.mimeData([model.index(1, 1), model.index(1, 3)])
    assert entry_from_mime(data) == ZHANG_WEI and data.text() == "张伟 13951200102"
    foreign = QMimeData()
    foreign.setText("张伟")
    assert entry_from_mime(foreign) is None
    broken = QMimeData()
    broken.setData(model.mimeTypes()[0], b"{not json")
    assert entry_from_mime(broken) is None


def test_parties_change_in_place_and_joiners_are_appended(qtmodeltester: Any, qtbot: Any) -> None:
    model = PartyTableModel()
    first = call(7)
    model.set_parties(first.parties)
    qtmodeltester.check(model)
    conf = conference(7)
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.set_parties(conf.parties)
    assert inserted.args[1:] == [1, 2] and model.rowCount() == 3
    assert cell(model, 2, "name") == "13700001111" and cell(model, 1, "state") == "Connected"
    muted = msgspec.structs.replace(conf.parties[1], muted=True)
    left = msgspec.structs.replace(conf.parties[2], state="left", result="completed", left_at=NOW)
    with qtbot.waitSignal(model.dataChanged):
        model.set_parties((conf.parties[0], muted, left))
    assert cell(model, 1, "muted") == "Muted" and cell(model, 2, "state") == "Left (Completed)"
    assert model.index(2, 0).data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    with qtbot.waitSignal(model.modelReset):
        model.set_parties((party(5, "110"),))  # another call's parties
    assert model.rowCount() == 1
    qtmodeltester.check(model)


def test_messages_count_receipts_and_show_each_recipient(qtmodeltester: Any, qtbot: Any) -> None:
    broadcast = sms(
        1,
        receipt(ZHANG_WEI, "read"),
        receipt(CITY_DUTY, "delivered"),
        receipt(UNIT_3, "failed", "number not in service"),
        case_id=42,
    )
    counts = receipt_counts(broadcast)
    assert (counts["delivered"], counts["read"], counts["failed"]) == (2, 1, 1)
    model = MessageTableModel(lambda case_id: "" if case_id is None else f"BJ-{case_id}")
    model.set_records([sms(2, receipt(ZHANG_WEI, "sent")), broadcast])
    qtmodeltester.check(model)
    assert [model.record_at(r).id for r in range(2)] == [2, 1]  # newest first
    assert cell(model, 1, "receipts") == "2/3 delivered · 1 read · 1 failed"
    assert cell(model, 1, "case") == "BJ-42" and cell(model, 0, "medium") == "SMS"
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.upsert(sms(3, receipt(CITY_DUTY, "queued")))
    assert inserted.args[1] == 0
    receipts = ReceiptTableModel()
    receipts.set_message(broadcast)
    qtmodeltester.check(receipts)
    assert cell(receipts, 2, "state") == "Failed" and cell(receipts, 2, "reason") == "number not in service"
    later = msgspec.structs.replace(
        broadcast, receipts=(receipt(ZHANG_WEI, "read"), receipt(CITY_DUTY, "read"), broadcast.receipts[2])
    )
    with qtbot.waitSignal(receipts.dataChanged) as changed:
        receipts.set_message(later)
    assert changed.args[0].row() == 1 and cell(receipts, 1, "state") == "Read"
    with qtbot.waitSignal(receipts.modelReset):
        receipts.set_message(None)
    assert receipts.rowCount() == 0


def test_the_call_log_says_who_whom_how_long_and_how_it_ended(qtmodeltester: Any) -> None:
    done = call(3, state="ended", result="completed", answered_at=NOW - 125, ended_at=NOW, case_id=9)
    failed = call(
        4, state="failed", result="unknown_number", answered_at=None, ended_at=NOW, reason="no such number"
    )
    model = CallLogModel()
    model.set_records([done, failed])
    qtmodeltester.check(model)
    assert cell(model, 1, "duration") == "02:05" and cell(model, 1, "result") == "Completed"
    assert cell(model, 1, "parties") == "张伟 13951200102" and cell(model, 1, "owner") == "operator1"
    assert cell(model, 1, "case") == "9" and cell(model, 0, "duration") == ""
    assert cell(model, 0, "result") == "Unknown number"
    assert model.index(0, model.COLUMNS.index("result")).data(Qt.ItemDataRole.ToolTipRole) == "no such number"


def test_video_sessions_show_live_and_ended(qtmodeltester: Any, qtbot: Any) -> None:
    model = VideoSessionModel()
    model.set_records([session(1, ended=True), session(2)])
    qtmodeltester.check(model)
    assert cell(model, 0, "state") == "Live" and cell(model, 1, "state").startswith("Ended")
    with qtbot.waitSignal(model.dataChanged):
        model.upsert(session(2, ended=True))
    assert cell(model, 0, "state").startswith("Ended")
    model.remove(1)
    assert model.rowCount() == 1
    qtmodeltester.check(model)


def test_templates_fill_from_the_case_and_leave_unknown_fields_visible() -> None:
    body = "案件{case_id}（{category}）地址：{address}，请于{deadline}前处置。{unknown}"
    values = case_values(case(42, "BJ20260042", address="滨江路 8 号"), lambda code: f"类{code}")
    filled = fill_template(body, values)
    assert filled == "案件BJ20260042（类E0101）地址：滨江路 8 号，请于{deadline}前处置。{unknown}"
    assert fill_template("括号 { 不配对", values) == "括号 { 不配对"
    assert fill_template(body, case_values(None, str)) == body


def test_the_pbx_link_in_words() -> None:
    failed = cm.TelephonyStatus(adapter="sip", state="failed", retry_at=NOW + 12)
    assert telephony_text(failed, now=NOW) == "PBX unreachable — retrying in 12 s"
    assert telephony_text(cm.TelephonyStatus(adapter="sip", state="registered")) == "PBX: registered"
    assert telephony_text(cm.TelephonyStatus(adapter="sim", state="simulated")) == "Simulated telephony"
    assert telephony_text(None) == "PBX: unknown"
