"""The workspace screenshot (docs/workspace.png): cases in every stage, some overdue, one selected with
its timeline. Called by docs/make_screenshots.py (run that under Xvfb)."""

from __future__ import annotations

import asyncio
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from app.bundled_backend import BundledBackend
from app.seat_service import SeatService
from client_api import dispatch_messages as dm
from client_api import lifecycle_messages as lm
from client_api import messages as m
from client_api import sla_messages as sm
from client_api.client import SeatClient
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
CASES = [  # category, address, description, steps (account, action, fields)
    ("E0401", "新桥路菜市场东侧", "早市占道经营，堵塞消防通道", ["register", "dispatch:T-001"]),
    ("E0102", "滨江路人行道", "人行道上堆放建筑垃圾，影响通行", ["register", "dispatch:D-CG", "accept"]),
    (
        "P0101",
        "望江路与滨江路交叉口",
        "上水井盖缺失，有行人跌落风险",
        ["register", "dispatch:D-SW", "accept"],
    ),
    ("A03", "东湖镇荷塘村3组", "夜间施工噪音扰民，持续至凌晨两点", ["register"]),
    ("E0502", "滨江路88号", "门口水管爆裂，水漫到马路上", ["register", "dispatch:D-SW"]),
    ("E0601", "青山镇幸福小区5栋", "广场舞音响声音过大", ["register", "dispatch:D-CG", "accept", "complete"]),
    ("A01", "桃源镇政务服务中心", "咨询新生儿落户需要的材料", []),
    ("E0303", "古渡路9号", "道路破损形成深坑", ["register", "dispatch:D-JT", "accept"]),
]


async def _act(clients: dict[str, SeatClient], case_id: int, step: str) -> None:
    action, _, unit = step.partition(":")
    who = "handler1" if action in ("accept", "complete") else "operator1"
    fields: dict[str, Any] = {"department_code": unit} if unit else {}
    if action == "complete":
        fields["result"] = "已处置完毕"
    if action in ("accept", "complete") and unit == "":
        who = "supervisor1"  # any unit: the district center may act for it in a demo
    await clients[who].request("case.transition", lm.TransitionCase(case_id=case_id, action=action, **fields))


async def take(app: Any, out: Path, until: Any) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        os.environ.update(  # a fresh seat: no remembered column layout or splitter
            {f"COMMAND_SEAT_{k}_DIR": str(Path(scratch) / k.lower()) for k in ("DATA", "CONFIG", "LOG")}
        )
        limits = json.loads((ROOT / "resources/taxonomy/time_limits.json").read_text(encoding="utf-8"))
        limits["rules"]["E0401"] = {"name": "演示", "handle": {"normal": [20, "seconds"]}}
        limits["rules"]["E0601"] = {"name": "演示", "verify": {"normal": [15, "seconds"]}}
        limits["rules"]["P0101"] = {"name": "演示", "handle": {"normal": [240, "seconds"]}}
        table = Path(scratch) / "limits.json"
        table.write_text(json.dumps(limits, ensure_ascii=False), encoding="utf-8")
        backend = BundledBackend(
            Path(scratch) / "server", extra_args=["--sla-interval", "0.5", "--time-limits", str(table)]
        )
        url = await backend.start_async()
        clients: dict[str, SeatClient] = {}
        for name in ("operator1", "supervisor1"):
            clients[name] = SeatClient(url)
            clients[name].start()
            await clients[name].wait_connected(10)
            await clients[name].login(name, "demo", f"shot-{name}")
        clients["handler1"] = clients["supervisor1"]  # the supervisor acts for the units here
        created: list[m.CaseRecord] = []
        for code, address, text, steps in CASES:
            case = await clients["operator1"].create_case(code, address, text)
            created.append(case)
            for step in steps:
                await _act(clients, case.id, step)
        star = created[1]  # the one on screen: supervised, urged, progress, an extension asked
        sup = clients["supervisor1"]
        await sup.request(
            "case.supervise", sm.SuperviseCase(case_id=star.id, level="key", note="今日内清理完毕")
        )
        await sup.request("case.progress", dm.ReportProgress(case_id=star.id, note="已调派渣土车，清运过半"))
        await sup.request(
            "extension.request",
            sm.RequestExtension(case_id=star.id, amount=1, unit="working_days", reason="需协调渣土车辆"),
        )
        await sup.request("case.urge", sm.UrgeCase(case_id=star.id, note="请立即安排清运"))
        await asyncio.sleep(21)  # the 20-second limits pass: overdue, supervised by the watcher
        service = SeatService(SeatClient(url))
        service.start()
        await service.client.wait_connected(10)
        await service.login("supervisor1", "demo", "S-01")
        window = MainWindow(service)
        window.resize(1440, 900)
        window.show()
        window.tabs.setCurrentWidget(window.cases)
        screen = window.cases
        await until(lambda: screen.proxy.rowCount() == len(CASES))
        screen.table.sortByColumn(screen.model.SLA_COLUMN, Qt.SortOrder.AscendingOrder)
        row = screen.proxy.row_of_case(star.id)
        assert row is not None
        screen.table.selectRow(row)
        await until(
            lambda: screen.detail_pane.detail is not None and len(screen.detail_pane.detail.timeline) > 5
        )
        await until(lambda: screen.kpi_panel.isVisible())
        await asyncio.sleep(2.5)
        window.grab().save(str(out))
        print(f"saved {out}")
        window.close()
        await service.close()
        for client in {id(c): c for c in clients.values()}.values():
            await client.close()
        await asyncio.to_thread(backend.stop)
