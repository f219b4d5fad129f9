"""Atom 1.0 and RSS 2.0 feeds of CAP messages: the entries of a parsed feed, each with its CAP inline
(an ``alert`` element in Atom ``content`` or in the entry/item itself, or as escaped XML text) or by
link (Atom ``link href``, RSS ``enclosure url`` or ``link``); and reading a feed or a linked message
from a file or an http(s) URL.

Links are resolved relative to where the feed came from: a feed read from a file may link to files and
http(s) URLs, a feed read from a URL to http(s) URLs, a feed sent as text (alert.ingest_cap, the HTTP
endpoint) only to absolute http(s) URLs: a seat or gateway cannot make the backend read its files.
"""

from __future__ import annotations

import asyncio
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import url2pathname

import aiohttp

from backend.alerts.cap_xml import ATOM_NS, MAX_XML_BYTES, CapInvalid, cap

FETCH_TIMEOUT = 15.0  # seconds for one http(s) document
MAX_ENTRIES = 500
CAP_MIME = "application/cap+xml"
_ATOM = f"{{{ATOM_NS}}}"


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a document came from: a file, an http(s) URL, or neither (sent as text)."""

    url: str | None = None
    path: Path | None = None


@dataclass(slots=True)
class FeedEntry:
    """One entry or item: its CAP inline (``element`` or escaped ``text``) or a ``link`` to it."""

    index: int
    label: str | None  # the entry's id or guid, for a rejection
    element: ET.Element | None = None
    text: str | None = None
    link: str | None = None


def is_feed(root: ET.Element) -> bool:
    return root.tag == f"{_ATOM}feed" or root.tag == "rss"


def feed_entries(root: ET.Element) -> list[FeedEntry]:
    """The entries of an Atom feed or the items of an RSS 2.0 channel, in document order."""
    if root.tag == "rss":
        items = [item for channel in root.findall("channel") for item in channel.findall("item")]
        entries = [_rss_item(i, item) for i, item in enumerate(items)]
    else:
        entries = [_atom_entry(i, entry) for i, entry in enumerate(root.findall(f"{_ATOM}entry"))]
    if len(entries) > MAX_ENTRIES:
        raise CapInvalid(f"the feed has {len(entries)} entries, more than the limit of {MAX_ENTRIES}")
    return entries


def _atom_entry(index: int, entry: ET.Element) -> FeedEntry:
    found = FeedEntry(index, _text(entry.find(f"{_ATOM}id")), element=entry.find(f".//{cap('alert')}"))
    content = entry.find(f"{_ATOM}content")
    if found.element is None and content is not None:
        if (content.text or "").strip().startswith("<"):
            found.text = (content.text or "").strip()
        elif content.get("src"):
            found.link = content.get("src")
    if found.element is None and found.text is None and found.link is None:
        links = entry.findall(f"{_ATOM}link")
        typed = [link for link in links if link.get("type") == CAP_MIME]
        plain = [link for link in links if link.get("rel", "alternate") in ("alternate", "enclosure")]
        chosen = typed or plain
        found.link = chosen[0].get("href") if chosen else None
    return found


def _rss_item(index: int, item: ET.Element) -> FeedEntry:
    label = _text(item.find("guid")) or _text(item.find("link"))
    found = FeedEntry(index, label, element=item.find(f".//{cap('alert')}"))
    if found.element is None:
        enclosures = item.findall("enclosure")
        typed = [e for e in enclosures if e.get("type") == CAP_MIME]
        chosen = typed or enclosures
        found.link = chosen[0].get("url") if chosen else _text(item.find("link"))
    return found


def _text(element: ET.Element | None) -> str | None:
    text = (element.text or "").strip() if element is not None else ""
    return text or None


# --- reading documents ---------------------------------------------------------------------------


def resolve(href: str, origin: Origin) -> str | Path:
    """Where a link points: an http(s) URL or a file; CapInvalid when it may not be followed."""
    parts = urlsplit(href)
    if parts.scheme in ("http", "https"):
        return href
    if origin.url is not None:
        joined = urljoin(origin.url, href)
        if urlsplit(joined).scheme in ("http", "https"):
            return joined
    elif origin.path is not None:
        if parts.scheme == "file":
            return Path(url2pathname(parts.path))
        if not parts.scheme:
            return origin.path.parent / unquote(parts.path)
    raise CapInvalid(f"link {href!r}: only http(s) links can be followed from a feed sent as text")


def source_origin(source: str) -> tuple[str | Path, Origin]:
    """A configured feed source (an http(s) URL, a file:// URL or a path) and its origin."""
    parts = urlsplit(source)
    if parts.scheme in ("http", "https"):
        return source, Origin(url=source)
    path = Path(url2pathname(parts.path)) if parts.scheme == "file" else Path(source)
    return path, Origin(path=path)


async def read_document(where: str | Path, session: aiohttp.ClientSession | None = None) -> bytes:
    """The bytes of a file or an http(s) document, at most MAX_XML_BYTES; CapInvalid with the reason."""
    if isinstance(where, Path):
        return await asyncio.to_thread(_read_file, where)
    if session is None:
        async with new_session() as own:
            return await _fetch(where, own)
    return await _fetch(where, session)


def new_session() -> aiohttp.ClientSession:
    return aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=FETCH_TIMEOUT))


def _read_file(path: Path) -> bytes:
    try:
        with path.open("rb") as file:
            data = file.read(MAX_XML_BYTES + 1)
    except OSError as exc:
        raise CapInvalid(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > MAX_XML_BYTES:
        raise CapInvalid(f"{path}: larger than the limit of {MAX_XML_BYTES} bytes")
    return data


async def _fetch(url: str, session: aiohttp.ClientSession) -> bytes:
    try:
        async with session.get(url) as response:
            if response.status != 200:
                raise CapInvalid(f"{url}: HTTP {response.status} {response.reason or ''}".rstrip())
            data = bytearray()
            async for chunk in response.content.iter_chunked(64 * 1024):
                data += chunk
                if len(data) > MAX_XML_BYTES:
                    raise CapInvalid(f"{url}: larger than the limit of {MAX_XML_BYTES} bytes")
            return bytes(data)
    except (aiohttp.ClientError, TimeoutError) as exc:
        raise CapInvalid(f"{url}: unreachable ({type(exc).__name__}: {exc})") from None
