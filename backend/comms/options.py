"""Command-line options of backend.comms and the services they start."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from backend.comms import call_options, radio_options

if TYPE_CHECKING:
    from backend.services import Service


def add_arguments(parser: argparse.ArgumentParser) -> None:
    call_options.add_arguments(parser)
    radio_options.add_arguments(parser)


def build(args: argparse.Namespace) -> list[Service]:
    return [*call_options.build(args), *radio_options.build(args)]
