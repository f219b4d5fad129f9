"""A bare websockets broadcast server: the baseline of ``bench.fanout``.

Each connection first gets ``ready``; every message it then sends is broadcast to all the other
connections with ``websockets.broadcast`` and nothing else. ``python -m bench.broadcast_server
--port-file PATH`` writes its ws:// URL to PATH once listening and runs until SIGTERM or SIGINT.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
from pathlib import Path

from websockets.asyncio.server import ServerConnection, broadcast, serve
from websockets.exceptions import ConnectionClosed

from client_api.transport import COMPRESSION, HARD_FRAME_LIMIT, SERVER_PING_INTERVAL, SERVER_PING_TIMEOUT


async def run(host: str, port: int, port_file: Path | None) -> None:
    peers: set[ServerConnection] = set()

    async def handler(ws: ServerConnection) -> None:
        peers.add(ws)
        try:
            with contextlib.suppress(ConnectionClosed):
                await ws.send("ready")
                async for message in ws:
                    broadcast([p for p in peers if p is not ws], message)
        finally:
            peers.discard(ws)

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    # The same transport settings as the backend, so the comparison measures the protocol alone.
    async with serve(
        handler,
        host,
        port,
        max_size=HARD_FRAME_LIMIT,
        ping_interval=SERVER_PING_INTERVAL,
        ping_timeout=SERVER_PING_TIMEOUT,
        compression=COMPRESSION,
    ) as server:
        url = f"ws://{host}:{server.sockets[0].getsockname()[1]}"
        if port_file is not None:
            tmp = port_file.with_suffix(".tmp")
            tmp.write_text(url, encoding="utf-8")
            os.replace(tmp, port_file)
        await stop.wait()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.broadcast_server", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--port-file", type=Path, default=None, help="write the ws:// URL here")
    args = parser.parse_args(argv)
    asyncio.run(run(args.host, args.port, args.port_file))


if __name__ == "__main__":
    main()
