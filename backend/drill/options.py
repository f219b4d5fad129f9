"""Command-line options of drill mode and the services they start (to be written)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from backend.services import Service


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def build(args: argparse.Namespace) -> list[Service]:
    return []
