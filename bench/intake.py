"""Intake look-ups on a large case table: the screen-pop history and the duplicate-candidate query.

``python -m bench.intake [--cases 1000000] [--queries 1000] [--baseline-queries 50] [--keep DIR]``

Builds a SQLite database in a temp dir (migrated with the project's migrations, demo district seeded)
and bulk-loads N realistic cases over two years, each with its first report: categories skewed as at a
real center, 85% located around gazetteer places, callers from a long tail plus a few frequent callers,
object codes that repeat, most old cases closed. Then it times, per query on one sync connection, the
screen-pop (``backend.calls.history.caller_cases``: a phone's cases of the last 12 months and its open
ones) and ``backend.intake.duplicates.find_duplicates`` with realistic form input. The baseline is a
copy of the database (``VACUUM INTO``) without the project's indexes on cases and reports, measured in
the same run with fewer queries (each is a full scan). The last line is ``RESULT cases=…
screenpop_p50_ms=… screenpop_p99_ms=… dedup_p50_ms=… dedup_p99_ms=… baseline_screenpop_p99_ms=…
baseline_dedup_p99_ms=… ratio=…`` (ratio = dedup p99 / baseline dedup p99).
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from backend.calls.history import caller_cases
from backend.intake.duplicates import DedupQuery, find_duplicates
from backend.intake.gazetteer import Entry, gazetteer
from backend.intake.settings import DedupSettings
from backend.intake.suggest import Suggester
from backend.intake.taxonomy import CategoryRow, leaves
from backend.seed import load_demo_district, seed_demo
from backend.store import Store
from bench.fanout import fmt, summary

DAY = 86_400.0
SPAN_DAYS = 730
BATCH = 50_000
INDEXES = (
    "ix_cases_reporter_phone_created_at",
    "ix_cases_category_created_at",
    "ix_cases_object_code",
    "ix_case_reports_reporter_phone",
)
CHANNELS = [
    ("hotline", 60),
    ("app", 12),
    ("web", 5),
    ("inspector", 10),
    ("grid", 10),
    ("enterprise", 2),
    ("iot", 1),
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
# What callers say, per category family; the place is put in front about half the time.
PHRASES = {
    "E01": ["这里有人乱搭乱建", "垃圾堆了好几天没人清", "路边堆了很多建筑垃圾", "河面上漂了很多垃圾"],
    "E02": ["电线杆上贴满了小广告", "有个广告牌快掉下来了"],
    "E03": ["工地晚上还在施工很吵", "路面坏了一个大坑", "施工把路挖开了没有围挡"],
    "E04": ["门口有人占道摆摊", "店家把东西摆到人行道上", "车乱停把路堵了", "电动车乱停挡住了消防通道"],
    "E05": [
        "自来水管爆了水一直冒",
        "路面塌陷了一个洞",
        "闻到很大的煤气味",
        "下雨后积水很深",
        "有烟冒出来像是着火了",
    ],
    "E06": ["楼下广场舞噪音太大", "出租房住了很多人有隐患", "有个问题想反映一下"],
    "P01": ["井盖不见了很危险", "路灯晚上不亮", "雨水箅子堵了", "消防栓漏水"],
    "P02": ["红绿灯坏了", "护栏被撞倒了", "公交站亭玻璃碎了"],
    "P03": ["公共厕所很脏", "垃圾桶满了没人倒", "店招快掉下来了"],
    "P04": ["大树倒了压在路上", "绿化带被人种了菜", "古树的树枝断了"],
    "A0": ["想咨询一下社保卡怎么补办", "要投诉这家店乱收费", "想举报有人偷排污水", "建议增设公交线路"],
}


def weighted(rng: random.Random, pairs: list[tuple[Any, float]]) -> Callable[[], Any]:
    values, weights = zip(*pairs, strict=True)
    cum = []
    total = 0.0
    for w in weights:
        total += w
        cum.append(total)
    return lambda: values[bisect.bisect_left(cum, rng.random() * total)]


class CaseMaker:
    """Realistic rows of cases and their first reports, from a seeded random generator."""

    def __init__(self, rng: random.Random, end: float) -> None:
        self.rng = rng
        self.end = end
        cats = leaves([CategoryRow(c["code"], c["name"], c["kind"], c["parent_code"]) for c in _categories()])
        rng.shuffle(cats)
        # A long tail: a handful of categories take most cases, as consultations and complaints do.
        self.category = weighted(rng, [(c, 1.0 / (i + 1) ** 0.8) for i, c in enumerate(cats)])
        self.channel = weighted(rng, [(c, float(w)) for c, w in CHANNELS])
        self.places: list[Entry] = gazetteer().entries
        self.frequent = [f"139{rng.randrange(10**8):08d}" for _ in range(200)]

    def phone(self) -> str | None:
        r = self.rng.random()
        if r < 0.10:
            return None
        if r < 0.15:
            return self.rng.choice(self.frequent)  # 职业投诉人 and other frequent callers
        return f"13{self.rng.randrange(5, 9)}{self.rng.randrange(600_000):08d}"

    def status(self, age_days: float) -> str:
        r = self.rng.random()
        if age_days < 2:
            return "received" if r < 0.7 else "closed"
        if age_days < 30:
            return "dispatched" if r < 0.25 else "closed"
        if r < 0.03:
            return "dispatched"  # long-running (挂账)
        return "archived" if age_days > 180 else "closed"

    def rows(self, first_id: int, n: int) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        rng, cases, reports = self.rng, [], []
        for case_id in range(first_id, first_id + n):
            cat = self.category()
            age_days = rng.random() * SPAN_DAYS
            created = self.end - age_days * DAY
            place = rng.choice(self.places)
            located = rng.random() < 0.85
            lat = place.lat + rng.gauss(0, 0.0013) if located else None
            lon = place.lon + rng.gauss(0, 0.0015) if located else None
            codes = place.codes
            family = cat.code[:2] if cat.code.startswith("A") else cat.code[:3]
            text = rng.choice(PHRASES.get(family, PHRASES["A0"]))
            description = f"{place.name}{text}" if rng.random() < 0.5 else text
            object_code = None
            if cat.kind == "object" and rng.random() < 0.6:
                object_code = f"320999{cat.code[1:3]}{cat.code[3:5]}{rng.randrange(1, 3000):06d}"
            status = self.status(age_days)
            phone, channel = self.phone(), self.channel()
            name = f"{rng.choice(SURNAMES)}{rng.choice(('先生', '女士'))}" if phone else None
            confidential = rng.random() < 0.02
            appeal = cat.code if cat.kind == "appeal" else rng.choice(("A03", "A03", "A02", None))
            closed_at = created + rng.random() * 5 * DAY if status in ("closed", "archived") else None
            cases.append((
                case_id, f"{time.strftime('%Y%m%d', time.localtime(created))}{case_id:07d}", cat.code,
                place.address, description, codes.grid_code if codes else None, status, created,
                rng.choice(("operator1", "operator2")), f"S{rng.randrange(1, 21):02d}", appeal,
                rng.choice(("normal",) * 18 + ("urgent", "critical")), channel, name, phone, confidential,
                lat, lon, codes.town_code if codes else None, codes.village_code if codes else None,
                object_code, created + 3 * DAY, None, closed_at, 1 + (rng.random() < 0.05),
            ))  # fmt: skip
            reports.append(
                (case_id, created, channel, name, phone, confidential, description, place.address, lat, lon)
            )
        return cases, reports


CASE_COLUMNS = (
    "id, case_no, category_code, address, description, grid_code, status, created_at, created_by, seat_id, "
    "appeal_type, urgency, channel, reporter_name, reporter_phone, confidential, lat, lon, town_code, "
    "village_code, object_code, deadline_at, resolution, closed_at, reporter_count"
)
REPORT_COLUMNS = (
    "case_id, received_at, channel, reporter_name, reporter_phone, confidential, "
    "description, address, lat, lon"
)


def _categories() -> list[dict[str, Any]]:
    categories: list[dict[str, Any]] = load_demo_district()["categories"]
    return categories


async def _migrate_and_seed(url: str) -> None:
    store = await Store.open(url)
    try:
        await seed_demo(store)
    finally:
        await store.close()


def build(path: Path, n: int, end: float, seed: int) -> None:
    """Migrate, seed and bulk-load ``n`` cases into a new SQLite file."""
    url = f"sqlite:///{path}"
    asyncio.run(_migrate_and_seed(url))
    maker = CaseMaker(random.Random(seed), end)
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            raw.execute("PRAGMA synchronous=OFF")  # a benchmark database: no need to survive power loss
            raw.execute("PRAGMA cache_size=-262144")
            case_sql = f"INSERT INTO cases ({CASE_COLUMNS}) VALUES ({', '.join('?' * 25)})"
            report_sql = f"INSERT INTO case_reports ({REPORT_COLUMNS}) VALUES ({', '.join('?' * 10)})"
            for first in range(1, n + 1, BATCH):
                cases, reports = maker.rows(first, min(BATCH, n + 1 - first))
                raw.executemany(case_sql, cases)
                raw.executemany(report_sql, reports)
    finally:
        engine.dispose()


def without_indexes(source: Path, target: Path) -> None:
    engine = sa.create_engine(f"sqlite:///{source}")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(f"VACUUM INTO '{target}'")
    finally:
        engine.dispose()
    engine = sa.create_engine(f"sqlite:///{target}")
    try:
        with engine.begin() as conn:
            for index in INDEXES:
                conn.exec_driver_sql(f"DROP INDEX {index}")
    finally:
        engine.dispose()


def workload(path: Path, count: int, end: float, seed: int) -> tuple[list[str], list[DedupQuery]]:
    """Phones that call (mostly known callers, frequent ones often; a fifth new) and dedup queries as
    the case form sends them (category chosen or suggested, a point, sometimes object code and phone)."""
    rng = random.Random(seed)
    engine = sa.create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            n = conn.exec_driver_sql("SELECT max(id) FROM cases").scalar_one()
            sample = [
                conn.exec_driver_sql(
                    "SELECT category_code, reporter_phone, object_code, lat, lon, description, address "
                    "FROM cases WHERE id = ?",
                    (rng.randrange(1, n + 1),),
                ).one()
                for _ in range(count)
            ]
    finally:
        engine.dispose()
    phones = [
        r.reporter_phone if r.reporter_phone and rng.random() < 0.8 else f"186{rng.randrange(10**8):08d}"
        for r in sample
    ]
    suggester = Suggester(
        [CategoryRow(c["code"], c["name"], c["kind"], c["parent_code"]) for c in _categories()]
    )
    queries = []
    for r in sample:
        chosen = rng.random() < 0.8
        categories = (
            (r.category_code,) if chosen else tuple(s.row.code for s in suggester.suggest(r.description))
        )
        point = (r.lat + rng.gauss(0, 0.0005), r.lon + rng.gauss(0, 0.0005)) if r.lat is not None else None
        queries.append(
            DedupQuery(
                categories=categories,
                point=point,
                object_code=r.object_code if rng.random() < 0.5 else None,
                description=r.description,
                reporter_phone=r.reporter_phone if rng.random() < 0.3 else None,
                address=r.address,
            )
        )
    return phones, queries


def timed(path: Path, calls: list[Callable[[sa.Connection], object]], warmup: int) -> list[float]:
    """Milliseconds per call on one connection; the first ``warmup`` calls are run and not counted."""
    engine = sa.create_engine(f"sqlite:///{path}")
    samples = []
    try:
        with engine.connect() as conn:
            for i, call in enumerate(calls):
                t0 = time.perf_counter()
                call(conn)
                if i >= warmup:
                    samples.append((time.perf_counter() - t0) * 1000.0)
    finally:
        engine.dispose()
    return samples


def run(args: argparse.Namespace, work: Path) -> None:
    end = time.time()
    db, baseline = work / "cases.sqlite3", work / "baseline.sqlite3"
    t0 = time.perf_counter()
    build(db, args.cases, end, args.seed)
    built = time.perf_counter() - t0
    without_indexes(db, baseline)
    copied = time.perf_counter() - t0 - built
    size_mb = db.stat().st_size / 1e6
    print(
        f"built {args.cases} cases and their reports in {built:.1f} s ({size_mb:.0f} MB); "
        f"copy without indexes in {copied:.1f} s"
    )
    phones, queries = workload(db, args.queries + args.warmup, end, args.seed + 1)
    settings = DedupSettings()

    def screenpop(phone: str) -> Callable[[sa.Connection], object]:
        return lambda conn: caller_cases(conn, phone, end)

    def dedup(query: DedupQuery) -> Callable[[sa.Connection], object]:
        return lambda conn: find_duplicates(conn, query, settings, end, 10)

    nb = args.baseline_queries
    results = {
        "screenpop": timed(db, [screenpop(p) for p in phones], args.warmup),
        "dedup": timed(db, [dedup(q) for q in queries], args.warmup),
        "baseline screenpop": timed(baseline, [screenpop(p) for p in phones[: nb + 2]], 2),
        "baseline dedup": timed(baseline, [dedup(q) for q in queries[: nb + 2]], 2),
    }
    for name, samples in results.items():
        print(fmt(name, samples))
    s, d = summary(results["screenpop"]), summary(results["dedup"])
    bs, bd = summary(results["baseline screenpop"]), summary(results["baseline dedup"])
    print(
        f"RESULT cases={args.cases} screenpop_p50_ms={s['p50']:.2f} screenpop_p99_ms={s['p99']:.2f} "
        f"dedup_p50_ms={d['p50']:.2f} dedup_p99_ms={d['p99']:.2f} "
        f"baseline_screenpop_p99_ms={bs['p99']:.2f} baseline_dedup_p99_ms={bd['p99']:.2f} "
        f"ratio={d['p99'] / bd['p99']:.4f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.intake", description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=1_000_000, help="cases in the database")
    parser.add_argument("--queries", type=int, default=1000, help="measured queries of each kind")
    parser.add_argument("--warmup", type=int, default=50, help="queries run first and not measured")
    parser.add_argument(
        "--baseline-queries", type=int, default=50, help="measured queries on the copy without indexes"
    )
    parser.add_argument("--seed", type=int, default=12345)
    parser.add_argument(
        "--keep", type=Path, default=None, help="build in this directory and keep the databases"
    )
    args = parser.parse_args(argv)
    if args.cases < 1000 or args.queries < 1 or args.baseline_queries < 1:
        parser.error("needs --cases >= 1000, --queries >= 1, --baseline-queries >= 1")
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        for name in ("cases.sqlite3", "baseline.sqlite3"):
            (args.keep / name).unlink(missing_ok=True)
        run(args, args.keep)
        return 0
    with tempfile.TemporaryDirectory(prefix="command-seat-intake-") as tmp:
        run(args, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
