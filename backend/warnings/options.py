"""Command-line options of backend.warnings and the services they start."""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from backend.warnings.catalog import Catalog
from backend.warnings.generators import DEFAULT_INTERVAL, SensorSimulator
from backend.warnings.http_ingest import IngestHttpService
from backend.warnings.service import DEFAULT_SCAN_INTERVAL, WarningService

if TYPE_CHECKING:
    from backend.services import Service


def _catalog(text: str) -> Catalog:
    try:
        return Catalog.from_file(Path(text))
    except (OSError, ValueError) as exc:
        raise argparse.ArgumentTypeError(f"{text}: not a usable warning data file ({exc})") from None


def _port(text: str) -> int:
    if not (text.isascii() and text.isdigit() and int(text) <= 65535):
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (0-65535)")
    return int(text)


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
    group = parser.add_argument_group("warning models")
    group.add_argument(
        "--warning-data",
        type=_catalog,
        default=None,
        metavar="FILE",
        help="households, hazmat vehicles, forbidden zones and storage sites the models watch "
        "(default: the demo district's, resources/demo/warning_data.json)",
    )
    group.add_argument(
        "--warning-scan-interval",
        type=_seconds(0.05),
        default=DEFAULT_SCAN_INTERVAL,
        metavar="S",
        help=f"look for stages about to be overdue every S seconds (default {DEFAULT_SCAN_INTERVAL:g})",
    )
    group.add_argument(
        "--ingest-port",
        type=_port,
        default=0,
        metavar="PORT",
        help="take readings (POST /readings) and CAP (POST /cap) over HTTP on this port (default 0: off)",
    )
    group.add_argument(
        "--simulate-sensors",
        action="store_true",
        help="stream demo meter, vehicle and storage readings with anomalies, and bursts of cases "
        "(drills, demos)",
    )
    group.add_argument(
        "--sensor-interval",
        type=_seconds(0.01),
        default=DEFAULT_INTERVAL,
        metavar="S",
        help=f"with --simulate-sensors, one round of readings every S seconds (default {DEFAULT_INTERVAL:g})",
    )


def build(args: argparse.Namespace) -> list[Service]:
    warnings = WarningService(catalog=args.warning_data, scan_interval=args.warning_scan_interval)
    services: list[Service] = [warnings]
    if args.ingest_port:
        services.append(IngestHttpService(args.ingest_port))
    if args.simulate_sensors:
        services.append(SensorSimulator(warnings, interval=args.sensor_interval))
    return services
