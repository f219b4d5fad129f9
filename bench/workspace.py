"""The case workspace under load: 100,000 cases in the real case table, then live updates.

``python -m bench.workspace [--rows 100000] [--seconds 30] [--rate 500]``

Offscreen. Builds N realistic CaseRecords and loads them into a CaseBook behind the real CaseTableModel,
CaseFilterProxy and a QTableView shown at 1440×900, sorted by the stage SLA column (the most urgent on
top), with the 1 s countdown ticker running. ``load_s`` runs from the book's reset to the view having
painted once. Then ``--rate`` updates per second (status, supervision and deadline changes of random
cases through ``CaseBook.upsert``, in ticks of 10 ms) for ``--seconds``, while a 5 ms heartbeat timer
measures its lateness (actual interval − 5 ms) on the GUI thread. The baseline does the same load and
updates through a QStandardItemModel (setItem per cell) in a view sorted by the same column, in the
same run. The last line is ``RESULT rows=… load_s=… stall_p99_ms=… stall_max_ms=… baseline_load_s=…
baseline_stall_p99_ms=…``.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

import msgspec

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView

from app import gc_tuning
from bench.fanout import fmt, summary
from client_api.case_book import CaseBook
from client_api.messages import CaseRecord
from widgets.case_filter_proxy import CaseFilterProxy
from widgets.case_table_model import CaseTableModel
from widgets.case_table_view import CaseTableView, CountdownTicker

DISPLAY = Qt.ItemDataRole.DisplayRole.value
HOUR = 3600.0
HEARTBEAT_MS = 5
TICK_MS = 10
CATEGORIES = ["E0101", "E0102", "E0201", "E0301", "E0502", "E0601", "C0101", "C0203", "A01", "A03"]
STATUSES = ["received", "registered", "dispatched", "handling", "verifying", "callback", "closed"]
STATUS_WEIGHTS = [3, 3, 10, 25, 5, 5, 49]
DEPARTMENTS = [f"D-{i:02d}" for i in range(40)]
LEVELS = [None, None, None, None, "general", "key", "listed"]
LEFT_FOR_EXIT: list[object] = []  # objects whose teardown would outlast the bench; os._exit skips it
STREETS = ["滨江路", "新桥路", "人民路", "解放路", "中山路", "建设路", "和平街", "文化路", "东风路", "胜利路"]


def make_case(rng: random.Random, case_id: int, now: float) -> CaseRecord:
    created = now - rng.uniform(0, 90 * 24 * HOUR) * (case_id / 100_000 + 0.01)
    status = rng.choices(STATUSES, STATUS_WEIGHTS)[0]
    stage_start = created + rng.uniform(0, 24 * HOUR)
    town = f"3209990{rng.randrange(10):02d}"
    village = f"{town}{rng.randrange(20):03d}"
    return CaseRecord(
        id=case_id,
        case_no=f"2026{case_id:08d}",
        category_code=rng.choice(CATEGORIES),
        address=f"{rng.choice(STREETS)}{rng.randrange(1, 400)}号",
        description="市民反映路灯不亮，夜间通行不便，请尽快处置",
        status=status,
        created_at=created,
        created_by=f"operator{rng.randrange(1, 30)}",
        seat_id=f"A-{rng.randrange(1, 40):02d}",
        grid_code=f"{village}{rng.randrange(10):02d}",
        town_code=town,
        village_code=village,
        urgency=rng.choices(["normal", "urgent", "critical"], [90, 8, 2])[0],
        reporter_phone=f"138{rng.randrange(10**8):08d}",
        deadline_at=created + rng.choice([3, 5, 10, 15]) * 24 * HOUR,
        lead_department=None if status in ("received", "registered") else rng.choice(DEPARTMENTS),
        supervision_level=rng.choice(LEVELS),
        stage_started_at=stage_start,
        stage_deadline_at=stage_start + rng.choice([2, 4, 24, 72]) * HOUR,
    )


def make_cases(rows: int, seed: int = 4) -> list[CaseRecord]:
    rng = random.Random(seed)
    now = time.time()
    return [make_case(rng, i, now) for i in range(rows, 0, -1)]


def changed(rng: random.Random, case: CaseRecord) -> CaseRecord:
    """A live update: the case moves on, is supervised, or its stage deadline changes."""
    kind = rng.randrange(3)
    if kind == 0:
        return msgspec.structs.replace(case, status=rng.choice(STATUSES))
    if kind == 1:
        return msgspec.structs.replace(case, supervision_level=rng.choice(LEVELS))
    now = time.time()
    return msgspec.structs.replace(
        case, stage_started_at=now, stage_deadline_at=now + rng.choice([2, 4, 24]) * HOUR
    )


@dataclass
class Figures:
    load_s: float
    lateness_ms: list[float]
    updates: int


def show_view(view: QTableView) -> None:
    view.resize(1440, 900)
    view.verticalHeader().setDefaultSectionSize(24)
    view.verticalHeader().setVisible(False)
    view.setSortingEnabled(True)
    view.show()
    QApplication.processEvents()


def settle_view() -> None:
    """Until the view has painted with its final geometry: the vertical scroll bar showing up once
    rows are in makes a second layout and a full repaint, still part of the load."""
    for _ in range(3):
        QApplication.processEvents()


def run_updates(apply: Callable[[random.Random], None], seconds: float, rate: int) -> tuple[list[float], int]:
    """Apply ``rate`` updates a second in 10 ms ticks while a 5 ms heartbeat records its lateness."""
    rng = random.Random(7)
    lateness: list[float] = []
    per_tick = rate * TICK_MS / 1000
    done = {"owed": 0.0, "count": 0, "last": time.perf_counter()}

    def tick() -> None:
        done["owed"] += per_tick
        while done["owed"] >= 1:
            apply(rng)
            done["owed"] -= 1
            done["count"] += 1

    def beat() -> None:
        now = time.perf_counter()
        lateness.append(max(0.0, (now - done["last"]) * 1000 - HEARTBEAT_MS))
        done["last"] = now

    loop = QEventLoop()
    ticker = QTimer(interval=TICK_MS, timerType=Qt.TimerType.PreciseTimer)
    ticker.timeout.connect(tick)
    heartbeat = QTimer(interval=HEARTBEAT_MS, timerType=Qt.TimerType.PreciseTimer)
    heartbeat.timeout.connect(beat)
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    ticker.start()
    done["last"] = time.perf_counter()
    heartbeat.start()
    loop.exec()
    ticker.stop()
    heartbeat.stop()
    return lateness[1:], int(done["count"])


def workspace(cases: list[CaseRecord], seconds: float, rate: int) -> Figures:
    book = CaseBook()
    model = CaseTableModel(book, str, lambda code: code or "", department_name=str)
    proxy = CaseFilterProxy(model)
    view = CaseTableView()
    view.setModel(proxy)
    show_view(view)
    view.sortByColumn(CaseTableModel.SLA_COLUMN, Qt.SortOrder.AscendingOrder)
    ticker = CountdownTicker(view)
    started = time.perf_counter()
    book.reset(cases)
    settle_view()
    gc_tuning.settle()  # as the seat does once its book is paged in (app/case_pager.py)
    load_s = time.perf_counter() - started

    def apply(rng: random.Random) -> None:
        book.upsert(changed(rng, book[rng.randrange(len(book))]))

    lateness, count = run_updates(apply, seconds, rate)
    ticker.timer.stop()
    view.close()
    return Figures(load_s, lateness, count)


def baseline(cases: list[CaseRecord], seconds: float, rate: int) -> Figures:
    """The same through a QStandardItemModel: one item per cell, texts made once.

    The items are made by the model (``setData`` on an index), not as Python ``QStandardItem`` objects
    handed to ``setItem``: PySide keeps a wrapper for each of those, and letting go of one costs time
    in proportion to how many there are (replacing 11 items per update took milliseconds), which is
    PySide's bookkeeping, not the cost of a QStandardItemModel. The model is kept to the process's
    end (``LEFT_FOR_EXIT``): once sorted, each of its items looks for its own place among 1.2 million
    when it is deleted, minutes in all, which is no part of what is measured."""
    shape = CaseTableModel(CaseBook(), str, lambda code: code or "", department_name=str)
    columns = len(CaseTableModel.COLUMNS)
    items = QStandardItemModel(0, columns)
    view = QTableView()
    view.setModel(items)
    show_view(view)
    view.sortByColumn(CaseTableModel.SLA_COLUMN, Qt.SortOrder.AscendingOrder)
    rows: dict[int, QStandardItem] = {}
    index, set_text = items.index, items.setData
    started = time.perf_counter()
    items.setRowCount(len(cases))
    for row, case in enumerate(cases):
        for column in range(columns):
            set_text(index(row, column), shape.case_data(case, column, DISPLAY))
        rows[case.id] = items.item(row, 0)
    items.sort(CaseTableModel.SLA_COLUMN)
    settle_view()
    gc_tuning.settle()
    load_s = time.perf_counter() - started
    by_id = {c.id: c for c in cases}
    ids = list(by_id)

    def apply(rng: random.Random) -> None:
        case = changed(rng, by_id[rng.choice(ids)])
        by_id[case.id] = case
        row = rows[case.id].row()
        for column in range(1, columns):
            set_text(index(row, column), shape.case_data(case, column, DISPLAY))

    lateness, count = run_updates(apply, seconds, rate)
    view.close()
    LEFT_FOR_EXIT.append((items, view, rows))
    return Figures(load_s, lateness, count)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.workspace", description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000, help="cases in the table")
    parser.add_argument("--seconds", type=float, default=30.0, help="seconds of live updates")
    parser.add_argument("--rate", type=int, default=500, help="updates per second")
    args = parser.parse_args(argv)
    _app = QApplication.instance() or QApplication(sys.argv[:1])
    cases = make_cases(args.rows)
    ours = workspace(cases, args.seconds, args.rate)
    print(f"workspace: load {ours.load_s:.3f} s, {ours.updates} updates")
    print(fmt("workspace heartbeat lateness", ours.lateness_ms))
    phase = time.perf_counter()
    base = baseline(cases, args.seconds, args.rate)
    print(f"baseline phase {time.perf_counter() - phase:.1f} s", file=sys.stderr)
    print(f"baseline (QStandardItemModel): load {base.load_s:.3f} s, {base.updates} updates")
    print(fmt("baseline heartbeat lateness", base.lateness_ms))
    mine, theirs = summary(ours.lateness_ms), summary(base.lateness_ms)
    print(
        f"RESULT rows={args.rows} load_s={ours.load_s:.3f} stall_p99_ms={mine['p99']:.2f} "
        f"stall_max_ms={mine['max']:.2f} baseline_load_s={base.load_s:.3f} "
        f"baseline_stall_p99_ms={theirs['p99']:.2f}"
    )
    return 0


if __name__ == "__main__":
    status = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
