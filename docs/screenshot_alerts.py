"""The alert screenshot (docs/alert-banner.png): an Extreme CAP alert taken in by the backend, left
unacknowledged until it escalates, on a supervisor's seat: the banner over the alert center, "+N more",
the alert selected with its CAP fields. Run it under Xvfb:

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python docs/screenshot_alerts.py
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import qasync
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.alerts_service import AlertsService  # noqa: E402
from app.bundled_backend import BundledBackend  # noqa: E402
from app.i18n import Translations  # noqa: E402
from app.seat_service import SeatService  # noqa: E402
from app.settings import Settings  # noqa: E402
from client_api import alert_messages as am  # noqa: E402
from client_api.client import SeatClient  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

CST = dt.timezone(dt.timedelta(hours=8))


def cap_time(ts: float) -> str:
    return dt.datetime.fromtimestamp(int(ts), CST).isoformat()


RING = ("31.3206,120.5342", "31.3188,120.5443", "31.3227,120.5570", "31.3470,120.5600", "31.3478,120.5369")
POLYGON = " ".join((*RING, RING[0]))  # closed: the first point again


def rainstorm(now: float) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>JBQX-{int(now)}-0012</identifier>
  <sender>met-office@jiangbin.gov.cn</sender>
  <sent>{cap_time(now)}</sent>
  <status>Actual</status>
  <msgType>Alert</msgType>
  <scope>Public</scope>
  <info>
    <language>zh-CN</language>
    <category>Met</category>
    <event>暴雨</event>
    <responseType>Prepare</responseType>
    <responseType>Avoid</responseType>
    <urgency>Immediate</urgency>
    <severity>Extreme</severity>
    <certainty>Likely</certainty>
    <expires>{cap_time(now + 6 * 3600)}</expires>
    <senderName>江滨示范区气象台</senderName>
    <headline>江滨示范区气象台发布暴雨红色预警信号</headline>
    <description>预计未来3小时内临江街道沿江一带降雨量将达100毫米以上，伴有雷电和短时大风，低洼地段易积水。</description>
    <instruction>停止户外作业，低洼地区人员及时转移，地下车库做好挡水准备。</instruction>
    <area>
      <areaDesc>临江街道滨江社区、望江社区沿江一带</areaDesc>
      <polygon>{POLYGON}</polygon>
    </area>
  </info>
</alert>
"""


EARLIER = [  # raised by hand before the CAP message: event, headline, severity, area
    ("道路积水", "新桥路下穿通道积水约30厘米", "Moderate", "新桥路下穿通道"),
    ("大风", "沿江一带阵风8级，注意高空坠物", "Severe", "临江街道沿江一带"),
]


async def until(check: Callable[[], object], timeout: float = 20.0) -> None:
    for _ in range(int(timeout / 0.05)):
        if check():
            return
        await asyncio.sleep(0.05)
    raise TimeoutError(str(check))


async def take(out: Path) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        os.environ.update(
            {f"COMMAND_SEAT_{k}_DIR": str(Path(scratch) / k.lower()) for k in ("DATA", "CONFIG", "LOG")}
        )
        backend = BundledBackend(
            Path(scratch) / "server",
            extra_args=["--alert-escalate-after", "3", "--alert-check-interval", "0.5"],
        )
        url = await backend.start_async()
        staff = SeatClient(url)
        staff.start()
        await staff.wait_connected(10)
        await staff.login("admin", "demo", "ADM")
        service = SeatService(SeatClient(url))
        service.start()
        await service.client.wait_connected(10)
        await service.login("supervisor1", "demo", "S-01")
        alerts = AlertsService(service, Settings(speech_muted=True))  # a picture needs no sound
        window = MainWindow(service, alerts=alerts)
        window.resize(1440, 900)
        window.show()
        for event, headline, severity, area in EARLIER:
            await staff.request(
                "alert.raise",
                am.RaiseAlert(event=event, headline=headline, severity=severity, area_desc=area),
            )
        ingested: am.CapIngested = await staff.request(
            "alert.ingest_cap", am.IngestCap(xml=rainstorm(time.time()))
        )
        extreme = ingested.alerts[0]
        await until(lambda: extreme.id in window.banner.escalated)
        window.seat_alerts.show_alert(extreme.id)
        await until(lambda: not window.banner.is_flashing())
        await asyncio.sleep(0.5)
        window.grab().save(str(out))
        print(f"saved {out}")
        window.close()
        await service.close()
        await staff.close()
        await asyncio.to_thread(backend.stop)


if __name__ == "__main__":
    application = QApplication(sys.argv[:1])
    application.setQuitOnLastWindowClosed(False)
    Translations().install(application, "zh_CN")
    loop = qasync.QEventLoop(application)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(take(ROOT / "docs" / "alert-banner.png"))
