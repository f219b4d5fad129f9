"""Command-line options of backend.wall and the services they start."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from backend.services import Service


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of this capability (none yet)."""


def build(args: argparse.Namespace) -> list[Service]:
    return []
