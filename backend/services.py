"""Long-running parts of a backend beside the websocket server (call distribution, simulators,
the Open311 HTTP listener …), started after the server listens and stopped before it closes."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from backend.server import Server


class Service(Protocol):
    async def start(self, server: Server) -> None: ...

    async def stop(self) -> None: ...


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Each capability's command-line options of ``command-seat-server``."""


def build_services(args: argparse.Namespace) -> list[Service]:
    """The services a server started with ``args`` runs, in start order."""
    return []
