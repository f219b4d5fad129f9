"""The after-action report: HTML and PDF, in Chinese, with the timeline chart, each trainee's scores and
deductions, and the event timeline."""

from __future__ import annotations

import base64
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from PySide6.QtPdf import QPdfDocument

from client_api import drill_messages as dm
from ui.drill.report_export import export_report

NAMES = {"operator1": "话务员 王芳", "operator2": "话务员 李强", "trainer1": "培训员 孙敏"}
REASON = "来电 call-3：分类为 P0201（井盖破损），应为 P0101（供水管道破裂）"


def person(username: str) -> str:
    return f"{NAMES[username]} ({username})" if username in NAMES else username


class Page(HTMLParser):
    """The text of an HTML page and the sources of its images."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.images: list[str] = []

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.images.extend(v or "" for k, v in attrs if k == "src")


def drill_record() -> tuple[dm.DrillLog, dm.Scores, dm.ScenarioInfo]:
    now = time.time()
    drill = dm.DrillState(
        id=4,
        scenario_id="water-main-burst",
        title="滨江路供水主管爆裂",
        state="ended",
        speed=5.0,
        started_at=now - 200,
        elapsed_s=420.0,
        at=now,
        duration_s=900.0,
        assignments=(dm.Assignment("seat-1", "operator1"), dm.Assignment("seat-2", "operator2")),
        trainer="trainer1",
        fired=9,
        total=18,
        ended_at=now,
    )
    rows = [
        (0.0, "engine", None, "inject.call", "来电 13800000001 呼入"),
        (8.0, "operator1", "seat-1", "call.answered", "王芳 接听来电"),
        (30.0, "operator1", "seat-1", "case.created", "王芳 登记工单 C-1"),
        (31.0, "engine", None, "inject.call", "来电 13800000002 呼入"),
        (40.0, "operator2", "seat-2", "call.answered", "李强 接听来电"),
        (70.0, "operator2", "seat-2", "case.created", "李强 登记工单 C-2"),
        (90.0, "operator2", "seat-2", "case.accept", "城管局 受理工单 C-2"),
    ]
    entries = [
        dm.LogEntry(seq=i + 1, t=t, at=drill.started_at + t / 5, actor=a, slot_id=s, kind=k, summary=m)
        for i, (t, a, s, k, m) in enumerate(rows)
    ]
    areas = (dm.AreaScore("call_control", 10, 10), dm.AreaScore("classification", 4, 10))
    trainees = [
        dm.TraineeScore("operator1", "seat-1", 14, 20, areas, (dm.Deduction("classification", 6, REASON),)),
        dm.TraineeScore("operator2", "seat-2", 20, 20, (dm.AreaScore("classification", 10, 10),), ()),
    ]
    scenario = dm.ScenarioInfo(
        "water-main-burst",
        drill.title,
        "district",
        "city_management",
        900,
        (dm.SeatSlot("seat-1", "operator"),),
        18,
    )
    return dm.DrillLog(drill=drill, entries=entries), dm.Scores(drill=drill, trainees=trainees), scenario


def test_report_exports_html_and_pdf_with_every_trainee(qtbot: Any, aio: Any, tmp_path: Path) -> None:
    log, scores, scenario = drill_record()
    html_path, pdf_path = tmp_path / "report.html", tmp_path / "report.pdf"
    aio.run(export_report(log, scores, scenario, person, html_path, pdf_path))

    page = Page()
    page.feed(html_path.read_text(encoding="utf-8"))
    text = "".join(page.text)
    assert "演练复盘报告" in text and "滨江路供水主管爆裂" in text
    assert "区" in text and "城市管理" in text and "city_management" not in text  # level and theme in words
    assert "话务员 王芳 (operator1)" in text and "话务员 李强 (operator2)" in text
    assert "培训员 孙敏 (trainer1)" in text  # the trainer
    assert REASON in text  # the deduction, with its reason
    assert "无扣分" in text  # operator2 lost nothing
    assert "信息采集" not in text and "分类" in text and "接听控制" in text  # areas by their Chinese names
    assert "工单流转" in text  # a case step the report has no word of its own for
    for summary in ("王芳 登记工单 C-1", "李强 接听来电"):
        assert summary in text  # the event timeline
    assert len(page.images) == 1 and page.images[0].startswith("data:image/png;base64,")
    chart = base64.b64decode(page.images[0].split(",", 1)[1])
    assert chart.startswith(b"\x89PNG")

    document = QPdfDocument()
    assert document.load(str(pdf_path)) == QPdfDocument.Error.None_
    try:
        assert document.pageCount() >= 1
        pdf_text = "".join(document.getAllText(i).text() for i in range(document.pageCount()))
        for name in ("王芳", "李强", "演练复盘报告"):
            assert name in pdf_text
    finally:
        document.close()


def test_a_report_that_cannot_be_written_says_so(qtbot: Any, aio: Any, tmp_path: Path) -> None:
    log, scores, scenario = drill_record()
    missing = tmp_path / "no-such-dir" / "report.html"
    try:
        aio.run(export_report(log, scores, scenario, person, missing, None))
    except OSError as exc:
        assert "no-such-dir" in str(exc)
    else:
        raise AssertionError("writing into a missing directory succeeded")
