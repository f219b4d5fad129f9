"""A fault-injecting TCP proxy for the fault tests: it drops connections in the middle of traffic
(after a random number of bytes, in either direction), delays chunks, and can cut everything."""

from __future__ import annotations

import asyncio
import contextlib
import random
from dataclasses import dataclass


@dataclass
class Faults:
    """``drop_rate``: chance per forwarded chunk that the connection is aborted at a random byte of it
    (the part before is delivered, the rest never is); ``delay_s``: added before each chunk."""

    drop_rate: float = 0.0
    delay_s: float = 0.0


class FaultProxy:
    """Forwards 127.0.0.1:<port> to the target port with ``faults`` applied; ``drops`` counts the
    connections it aborted. The proxy keeps its port, so a seat reconnects to the same URL."""

    def __init__(self, target_port: int, faults: Faults | None = None, seed: int = 1) -> None:
        self.target_port = target_port
        self.faults = faults or Faults()
        self.port = 0
        self.drops = 0
        self.connections = 0
        self._random = random.Random(seed)
        self._server: asyncio.Server | None = None
        self._links: set[tuple[asyncio.StreamWriter, asyncio.StreamWriter]] = set()

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._on_client, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        for a, b in list(self._links):
            a.transport.abort()
            b.transport.abort()
        self._links.clear()

    def drop_all(self) -> None:
        """Abort every open connection now (new ones are accepted)."""
        for a, b in list(self._links):
            self.drops += 1
            a.transport.abort()
            b.transport.abort()

    async def _on_client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            writer.transport.abort()
            return
        self.connections += 1
        link = (writer, up_writer)
        self._links.add(link)
        try:
            await asyncio.gather(self._pipe(reader, up_writer, link), self._pipe(up_reader, writer, link))
        finally:
            self._links.discard(link)

    async def _pipe(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        link: tuple[asyncio.StreamWriter, asyncio.StreamWriter],
    ) -> None:
        try:
            while data := await reader.read(65536):
                if self.faults.delay_s:
                    await asyncio.sleep(self.faults.delay_s)
                if self.faults.drop_rate and self._random.random() < self.faults.drop_rate:
                    cut = self._random.randrange(len(data) + 1)
                    writer.write(data[:cut])
                    self.drops += 1
                    for side in link:
                        side.transport.abort()
                    return
                writer.write(data)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            for side in link:
                side.transport.abort()
            with contextlib.suppress(Exception):
                await writer.wait_closed()
