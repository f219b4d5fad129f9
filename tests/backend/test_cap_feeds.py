"""Atom and RSS feeds of CAP messages from a file, from an http URL and as text: good entries are taken,
each bad one is rejected with its reason and disturbs nothing else; the poller retries what it cannot
reach."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from html import escape
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from backend.alerts.feeds import MAX_ENTRIES
from backend.alerts.poller import CapFeedPoller
from backend.store import Store
from client_api.alert_messages import CapIngested
from tests.backend.test_alert_support import CAP_NS, cap_alert, cap_server, counts, ingest, refused, sample

ATOM = "http://www.w3.org/2005/Atom"


def body(name: str) -> str:
    """A sample without its XML declaration, to put inline."""
    return sample(name).split("?>", 1)[1]


def atom(*entries: str) -> str:
    head = f'<?xml version="1.0" encoding="UTF-8"?><feed xmlns="{ATOM}"><title>江滨预警</title>'
    return f"{head}{''.join(entries)}</feed>"


def entry(entry_id: str, content: str) -> str:
    return f"<entry><id>{entry_id}</id><title>预警</title>{content}</entry>"


def rss(*items: str) -> str:
    head = '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>预警</title>'
    return f"{head}{''.join(items)}</channel></rss>"


def item(guid: str, content: str) -> str:
    return f"<item><guid>{guid}</guid><title>预警</title>{content}</item>"


BAD_URGENCY = cap_alert("BAD-1", urgency="Soon")
OPEN_RING = cap_alert(
    "BAD-2",
    extra_info="<area><areaDesc>某地</areaDesc>"
    "<polygon>31.1,120.1 31.2,120.2 31.1,120.3 31.0,120.1</polygon></area>",
)


def atom_feed_on_disk(folder: Path) -> Path:
    """3 good entries (inline, by relative link, escaped text) and 2 bad (schema, missing file)."""
    (folder / "cap").mkdir()
    (folder / "cap" / "gas.xml").write_text(sample("gas_grid.xml"), encoding="utf-8")
    feed = atom(
        entry("urn:1", f'<content type="application/cap+xml">{body("hazmat_leak.xml")}</content>'),
        entry("urn:2", '<link rel="alternate" type="application/cap+xml" href="cap/gas.xml"/>'),
        entry("urn:3", f'<content type="text">{escape(body("rainstorm_red.xml"))}</content>'),
        entry("urn:4", f"<content type='application/cap+xml'>{BAD_URGENCY}</content>"),
        entry("urn:5", '<link href="cap/missing.xml"/>'),
    )
    path = folder / "feed.atom"
    path.write_text(feed, encoding="utf-8")
    return path


def check_three_good_two_bad(result: CapIngested) -> None:
    assert sorted(a.identifier for a in result.alerts) == [
        "JBQX-20260701-0012",
        "RQ-20260703-031",
        "YJ-HZ-2026-0088",
    ]
    assert [(r.index, r.identifier) for r in result.rejected] == [(3, "BAD-1"), (4, "urn:5")]


def test_atom_feed_from_a_file(aio: Any, store: Store, tmp_path: Path) -> None:
    path = atom_feed_on_disk(tmp_path)
    poller = CapFeedPoller([str(path)], server=cap_server(store))
    result = aio.run(poller.poll(str(path)))
    assert result is not None
    check_three_good_two_bad(result)
    assert result.rejected[0].reason.startswith("info/urgency: 'Soon' is not one of")
    assert result.rejected[1].reason.startswith(f"{tmp_path / 'cap' / 'missing.xml'}: cannot be read")
    assert counts(aio, store)[0] == 3
    again = aio.run(poller.poll(str(path)))
    assert again is not None and again.alerts == [] and len(again.unchanged) == 3


@asynccontextmanager
async def http_site(files: dict[str, str]) -> AsyncIterator[str]:
    """A local HTTP server of ``files`` (path → text); yields its base URL."""

    async def serve(request: web.Request) -> web.Response:
        text = files.get(request.path)
        if text is None:
            raise web.HTTPNotFound()
        return web.Response(text=text, content_type="application/xml")

    app = web.Application()
    app.router.add_get("/{tail:.*}", serve)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        yield f"http://127.0.0.1:{runner.addresses[0][1]}"
    finally:
        await runner.cleanup()


def test_rss_feed_from_a_url(aio: Any, store: Store) -> None:
    feed = rss(
        item("a", '<enclosure url="/cap/hazmat.xml" length="1" type="application/cap+xml"/>'),
        item("b", "<link>cap/gas.xml</link>"),
        item("c", body("rainstorm_red.xml")),
        item("d", "<link>/cap/gone.xml</link>"),
        item("e", f"<description>开环</description>{OPEN_RING}"),
    )
    files = {
        "/feeds/rss.xml": feed,
        "/cap/hazmat.xml": sample("hazmat_leak.xml"),
        "/feeds/cap/gas.xml": sample("gas_grid.xml"),
    }
    server = cap_server(store)

    async def run() -> tuple[CapIngested | None, str]:
        async with http_site(files) as base:
            poller = CapFeedPoller([f"{base}/feeds/rss.xml"], server=server)
            found = await poller.tick()
            return found[f"{base}/feeds/rss.xml"], base

    result, base = aio.run(run())
    assert result is not None
    assert sorted(a.identifier for a in result.alerts) == [
        "JBQX-20260701-0012",
        "RQ-20260703-031",
        "YJ-HZ-2026-0088",
    ]
    assert [(r.index, r.identifier) for r in result.rejected] == [
        (3, "d"),
        (4, "BAD-2"),
    ]  # the guid, or the CAP identifier
    assert result.rejected[0].reason == f"{base}/cap/gone.xml: HTTP 404 Not Found"
    assert "the ring is not closed" in result.rejected[1].reason
    assert counts(aio, store)[0] == 3


def test_a_feed_sent_as_text_may_not_read_files(aio: Any, store: Store, tmp_path: Path) -> None:
    path = atom_feed_on_disk(tmp_path)
    result = ingest(aio, cap_server(store), path.read_text(encoding="utf-8"))
    assert len(result.alerts) == 2  # the inline and the escaped entries
    reasons = {r.index: r.reason for r in result.rejected}
    assert reasons[1] == "link 'cap/gas.xml': only http(s) links can be followed from a feed sent as text"
    file_link = atom(entry("urn:9", f'<link href="file://{tmp_path}/cap/gas.xml"/>'))
    assert ingest(aio, cap_server(store), file_link).rejected[0].reason.startswith("link 'file://")


def test_entries_are_applied_oldest_first(aio: Any, store: Store) -> None:
    ref = "test@jiangbin.gov.cn,O-1,2026-07-05T10:00:00+08:00"
    update = cap_alert(
        "O-2", msg_type="Update", references=ref, severity="Severe", sent="2026-07-05T11:00:00+08:00"
    )
    feed = atom(
        entry("u", f"<content>{update}</content>"), entry("a", f"<content>{cap_alert('O-1')}</content>")
    )
    result = ingest(aio, cap_server(store), feed)
    assert result.rejected == [] and [(a.identifier, a.severity) for a in result.alerts] == [
        ("O-1", "Severe")
    ]


def test_a_feed_without_cap_and_a_feed_too_long(aio: Any, store: Store) -> None:
    result = ingest(aio, cap_server(store), atom(entry("x", "<summary>没有CAP</summary>")))
    assert result.rejected[0].reason == "the entry carries no CAP alert, inline or by link"
    many = atom(*(entry(str(i), "") for i in range(MAX_ENTRIES + 1)))
    assert (
        refused(aio, cap_server(store), many).message
        == f"the feed has {MAX_ENTRIES + 1} entries, more than the limit of {MAX_ENTRIES}"
    )
    other = refused(aio, cap_server(store), f"<rdf xmlns='{CAP_NS}x'/>")
    assert other.message.startswith(
        "not a CAP 1.2 alert (nor an Atom or RSS 2.0 feed of them): root element is"
    )
    assert counts(aio, store)[0] == 0


def test_the_poller_logs_an_unreachable_source_and_tries_again(
    aio: Any, store: Store, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    good = atom_feed_on_disk(tmp_path)
    dead = "http://127.0.0.1:9/feed.xml"  # the discard port: nothing listens
    poller = CapFeedPoller([dead, str(good)], interval=60, server=cap_server(store))
    with caplog.at_level(logging.DEBUG, logger="backend.alerts"):
        first = aio.run(poller.tick())
        second = aio.run(poller.tick())
    assert first[dead] is None and second[dead] is None
    assert first[str(good)] is not None and len(first[str(good)].alerts) == 3
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 3  # the dead source and the two rejected entries, once each
    assert warnings[0].startswith(f"CAP feed {dead}: unreachable, tried again in 60 s: {dead}: unreachable")
    assert any("entry 3 (BAD-1) rejected: info/urgency" in text for text in warnings)
    assert counts(aio, store)[0] == 3
