"""Long-running parts of a backend beside the websocket server (call distribution, simulators,
the Open311 HTTP listener …), started after the server listens and stopped before it closes."""

from __future__ import annotations

import argparse
import math
from typing import TYPE_CHECKING, Protocol

from backend.alerts import options as alert_options
from backend.calls.center import CallCenter
from backend.calls.simulator import CallSimulator
from backend.comms import options as comms_options
from backend.drill import options as drill_options
from backend.intake import settings as intake_settings
from backend.open311.service import DEFAULT_AGENCY, Open311Service
from backend.reliability import retention
from backend.sla import options as sla_options
from backend.wall import options as wall_options
from backend.warnings import options as warning_options

if TYPE_CHECKING:
    from backend.server import Server


class Service(Protocol):
    async def start(self, server: Server) -> None: ...

    async def stop(self) -> None: ...


def _port(text: str) -> int:
    if not (text.isascii() and text.isdigit() and int(text) <= 65535):
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (0-65535)")
    return int(text)


def _seconds(text: str, minimum: float = 0.0) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not minimum <= value < 1e9:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds (at least {minimum:g})")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Each capability's command-line options of ``command-seat-server``."""
    calls = parser.add_argument_group("hotline calls")
    calls.add_argument(
        "--ring-timeout",
        type=lambda text: _seconds(text, 1.0),
        default=15.0,
        metavar="S",
        help="an unanswered call goes back to the queue after S seconds (default 15)",
    )
    calls.add_argument(
        "--wrap-up",
        type=_seconds,
        default=30.0,
        metavar="S",
        help="after a call its seat is ready again after S seconds (default 30)",
    )
    calls.add_argument(
        "--simulate-calls", action="store_true", help="run the call simulator (drills, demos; not production)"
    )
    calls.add_argument(
        "--sim-call-interval",
        type=_seconds,
        default=0.0,
        metavar="S",
        help="with --simulate-calls, a scripted caller rings every S seconds (default 0: on request only)",
    )
    calls.add_argument(
        "--sim-caller-patience",
        type=_seconds,
        default=90.0,
        metavar="S",
        help="a simulated caller hangs up after waiting S seconds (default 90; 0: never)",
    )
    parser.add_argument(
        "--open311-port",
        type=_port,
        default=0,
        metavar="PORT",
        help="serve Open311 GeoReport v2 over HTTP on this port, same host (default 0: off)",
    )
    parser.add_argument(
        "--open311-agency", default=DEFAULT_AGENCY, help="agency_responsible in Open311 request records"
    )
    intake_settings.add_arguments(parser)
    sla_options.add_arguments(parser)
    retention.add_arguments(parser)
    alert_options.add_arguments(parser)
    warning_options.add_arguments(parser)
    wall_options.add_arguments(parser)
    comms_options.add_arguments(parser)
    drill_options.add_arguments(parser)


def build_services(args: argparse.Namespace) -> list[Service]:
    """The services a server started with ``args`` runs, in start order."""
    center = CallCenter(ring_timeout=args.ring_timeout, wrap_up=args.wrap_up)
    services: list[Service] = [center]
    services.append(intake_settings.IntakeService(intake_settings.from_args(args)))
    if args.simulate_calls:
        services.append(
            CallSimulator(center, interval=args.sim_call_interval, patience=args.sim_caller_patience)
        )
    if args.open311_port:
        services.append(Open311Service(args.open311_port, args.open311_agency))
    services.extend(sla_options.build(args))
    services.append(retention.build(args))
    services.extend(alert_options.build(args))
    services.extend(warning_options.build(args))
    services.extend(wall_options.build(args))
    services.extend(comms_options.build(args))
    services.extend(drill_options.build(args))
    return services
