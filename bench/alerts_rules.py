"""The warning models' throughput on a stream of readings, for ``python -m bench.alerts``.

``measure(n)`` builds the rules engine in-process (no network, no database) on the demo registry and
the shipped rules, makes a realistic mixed stream of ``n`` readings with the simulator of the demo (every
household's daily water, electricity, gas and parcels, vehicle positions, storage levels; one group
rental household, a vehicle leaving its route and standing in a forbidden zone, a tank over its licence)
and encodes it as ``readings.ingest`` payloads of 1,000 readings. Two passes over the same bytes:

- rules: decode (msgspec) + the checks of each reading + the rules engine (``ingest_readings``), the path
  of the ``readings.ingest`` handler short of writing alerts;
- baseline: decode + the checks only, without rules.

The alerts written to the store are not in the figure (a handful per run; see the alert latency bench).
"""

from __future__ import annotations

import time

import msgspec

from backend.warnings.catalog import demo_catalog
from backend.warnings.engine import WarningEngine
from backend.warnings.ingest import Ingested, ingest_readings
from backend.warnings.names import Names
from backend.warnings.readings import ReadingChecker
from backend.warnings.rule_store import default_rules
from backend.warnings.sim_world import SimWorld
from client_api.alert_messages import IngestReadings, Reading

BATCH = 1000


ROUND_S = 5.0  # the demo's sensor interval: a vehicle stands long enough in its zone to be seen


def stream(n: int, start: float, seed: int = 7) -> list[bytes]:
    """``n`` readings as encoded IngestReadings payloads; round ``k`` is stamped ``start + k * ROUND_S``."""
    world = SimWorld(demo_catalog(), seed)
    readings: list[Reading] = []
    k = 0
    while len(readings) < n:
        readings += world.readings(k, start + k * ROUND_S)
        k += 1
    readings = readings[:n]
    encoder = msgspec.json.Encoder()
    return [encoder.encode(IngestReadings(readings=readings[i : i + BATCH])) for i in range(0, n, BATCH)]


def _baseline(payloads: list[bytes], now: float) -> float:
    decoder = msgspec.json.Decoder(IngestReadings)
    checker = ReadingChecker(demo_catalog())
    refused = 0
    started = time.perf_counter()
    for payload in payloads:
        for reading in decoder.decode(payload).readings:
            refused += checker.problem(reading, now) is not None
    elapsed = time.perf_counter() - started
    assert refused == 0, f"{refused} readings of the stream were refused"
    return elapsed


def _rules(payloads: list[bytes], now: float) -> tuple[float, Ingested]:
    catalog = demo_catalog()
    engine = WarningEngine(catalog, Names.demo(), default_rules())
    checker = ReadingChecker(catalog)
    decoder = msgspec.json.Decoder(IngestReadings)
    done = Ingested()
    started = time.perf_counter()
    index = 0
    for payload in payloads:
        readings = decoder.decode(payload).readings
        ingest_readings(engine, checker, readings, now, done, index)
        index += len(readings)
    elapsed = time.perf_counter() - started
    assert not done.rejected, done.rejected[:3]
    return elapsed, done


def measure(n: int = 200_000) -> dict[str, float]:
    """Readings per second through the ingestion with rules and without (the baseline), same stream."""
    now = time.time()
    rounds = n // 480 + 2  # a round is ~480 readings; all of them lie in the past
    payloads = stream(n, now - rounds * ROUND_S)
    demo_catalog()  # loaded before the clocks start
    _baseline(payloads[:5], now)  # warm-up of both paths on a few batches
    base_s = _baseline(payloads, now)
    rules_s, done = _rules(payloads, now)
    kinds = sorted({f.kind for f in done.firings})
    return {
        "readings": float(n),
        "readings_per_s": n / rules_s,
        "baseline_readings_per_s": n / base_s,
        "alerts": float(len(done.firings)),
        "alert_kinds": float(len(kinds)),
    }


if __name__ == "__main__":
    result = measure()
    print(" ".join(f"{k}={v:.0f}" for k, v in result.items()))
