"""Command-line options of the radio and messages, and the services they start: the radio (always),
the message service with its simulated delivery (always: it is the only medium adapter), and with
--simulate-radio the radio simulator playing the demo script."""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from backend.comms.message_sim import DEFAULT_RECEIPT_DELAY, MessageService
from backend.comms.radio_service import RadioService
from backend.comms.radio_sim import DEFAULT_INTERVAL, RadioSimulator

if TYPE_CHECKING:
    from backend.services import Service


def _seconds(minimum: float) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not minimum <= value < 1e9:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds (at least {minimum:g})")
        return value

    return parse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("radio and messages")
    group.add_argument(
        "--simulate-radio",
        action="store_true",
        help="run the radio simulator: units talk on request (sim.radio) and the demo script plays "
        "(drills, demos; not production)",
    )
    group.add_argument(
        "--sim-radio-interval",
        type=_seconds(0.0),
        default=DEFAULT_INTERVAL,
        metavar="S",
        help=f"with --simulate-radio, a scripted unit talks every S seconds (default {DEFAULT_INTERVAL:g}; "
        "0: on request only)",
    )
    group.add_argument(
        "--sim-receipt-delay",
        type=_seconds(0.0),
        default=DEFAULT_RECEIPT_DELAY,
        metavar="S",
        help="simulated SMS/IM delivery: each receipt step (sent, delivered, read) after S seconds "
        f"(default {DEFAULT_RECEIPT_DELAY:g})",
    )


def build(args: argparse.Namespace) -> list[Service]:
    radio = RadioService()
    services: list[Service] = [radio, MessageService(receipt_delay=args.sim_receipt_delay)]
    if args.simulate_radio:
        services.append(RadioSimulator(radio, interval=args.sim_radio_interval))
    return services
