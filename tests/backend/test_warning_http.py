"""The HTTP ingestion endpoint: ``POST /readings`` (JSON array or JSON lines) and ``POST /cap``, with API
keys; malformed batches are 400 with the reason, too large ones 413."""

from __future__ import annotations

import io
import json
import time
from typing import Any

import aiohttp

from backend.open311.keys import add_key, revoke_keys
from backend.store import Store
from backend.warnings.http_ingest import IngestHttpService
from tests.backend.test_alert_support import sample
from tests.backend.test_warning_support import warning_server


def meter(value: float, ts: float, household: str = "H-0002", utility: str = "water") -> dict[str, Any]:
    return {"kind": "meter", "household": household, "utility": utility, "value": value, "ts": ts}


async def post(url: str, body: bytes | str | io.BytesIO, key: str | None) -> tuple[int, Any]:
    headers = {"X-API-Key": key} if key else {}
    async with aiohttp.ClientSession() as session, session.post(url, data=body, headers=headers) as reply:
        return reply.status, await reply.json()


def test_readings_and_cap_over_http(aio: Any, seeded_store: Store) -> None:
    http = IngestHttpService(0)

    async def scenario() -> None:
        key = await add_key(seeded_store, "iot-gateway")
        url = http.url
        now = time.time()
        day = 86_400.0
        batch = []
        for d in range(3):  # 12 people where 3 are registered
            ts = now - (3 - d) * day
            batch += [meter(1.44, ts), meter(36.0, ts, utility="electricity")]
        batch.insert(2, meter(1.44, now + 3600))  # an hour ahead of the server
        batch.insert(3, {"kind": "meter", "household": "H-0002"})  # not a reading
        status, answer = await post(f"{url}/readings", json.dumps(batch), key)
        assert status == 200, answer
        assert answer["accepted"] == 6 and len(answer["alerts"]) == 1
        assert [r["index"] for r in answer["rejected"]] == [2, 3]
        assert answer["rejected"][0]["reason"].startswith("ts is 3600 s in the future")
        assert answer["rejected"][1]["reason"].startswith("not a reading: Object missing required field")
        lines = "\n".join(json.dumps(meter(0.3, now, household="H-0001")) for _ in range(3)) + "\n\n"
        status, answer = await post(f"{url}/readings", lines, key)
        assert (status, answer) == (200, {"accepted": 3, "rejected": [], "alerts": []})
        for body, why in [
            (b'[{"kind": "meter",', "the body is not a JSON array of readings"),
            (b'{"kind": "meter"}\n{oops', "line 2 is not JSON"),
            (b"  ", "the body is empty"),
        ]:
            status, answer = await post(f"{url}/readings", body, key)
            assert status == 400 and answer["error"].startswith(why), answer
        status, answer = await post(f"{url}/readings", json.dumps([meter(0.3, now)] * 10_001), key)
        assert (status, answer) == (413, {"error": "at most 10000 readings per request, not 10001"})
        huge = io.BytesIO(b"[" + b" " * (17 * 1024 * 1024) + b"]")
        status, answer = await post(f"{url}/readings", huge, key)
        assert status == 413
        status, answer = await post(f"{url}/readings", "[]", None)
        assert (status, answer["error"]) == (401, "an API key is required (header X-API-Key)")
        status, answer = await post(f"{url}/cap", sample("hazmat_leak.xml"), key)
        assert status == 200 and len(answer["alerts"]) == 1 and answer["alerts"][0]["source"] == "cap"
        status, answer = await post(f"{url}/cap", "<alert>not cap", key)
        assert status == 400 and answer["error"]
        await revoke_keys(seeded_store, "iot-gateway")
        status, answer = await post(f"{url}/readings", "[]", key)
        assert (status, answer["error"]) == (403, "the API key is unknown or revoked")

    with warning_server(aio, seeded_store, http):
        aio.run(scenario(), timeout=60)
