"""Command-line options of backend.alerts and the services they start: the alert watcher (escalation
and expiry) always, the CAP feed poller when feeds are given."""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from backend.alerts import escalation, poller

if TYPE_CHECKING:
    from backend.services import Service


def _seconds(minimum: float) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not minimum <= value <= 1e9:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds ({minimum:g} to 1e9)")
        return value

    return parse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("alerts (CAP)")
    group.add_argument(
        "--alert-check-interval",
        type=_seconds(escalation.MIN_INTERVAL),
        default=escalation.DEFAULT_INTERVAL,
        metavar="S",
        help="look for alerts to escalate or expire every S seconds "
        f"(default {escalation.DEFAULT_INTERVAL:g})",
    )
    group.add_argument(
        "--alert-escalate-after",
        type=_seconds(0.0),
        default=escalation.DEFAULT_ESCALATE_AFTER,
        metavar="S",
        help="escalate a Severe or Extreme alert to the supervisors' seats when nobody acknowledged it "
        f"within S seconds (default {escalation.DEFAULT_ESCALATE_AFTER:g})",
    )
    group.add_argument(
        "--cap-feed",
        action="append",
        default=[],
        metavar="URL_OR_PATH",
        help="poll this CAP message or Atom/RSS feed of CAP messages (a file or an http(s) URL); repeatable",
    )
    group.add_argument(
        "--cap-feed-interval",
        type=_seconds(poller.MIN_INTERVAL),
        default=poller.DEFAULT_INTERVAL,
        metavar="S",
        help=f"poll the CAP feeds every S seconds (default {poller.DEFAULT_INTERVAL:g})",
    )


def build(args: argparse.Namespace) -> list[Service]:
    services: list[Service] = [
        escalation.AlertWatcher(interval=args.alert_check_interval, escalate_after=args.alert_escalate_after)
    ]
    if args.cap_feed:
        services.append(poller.CapFeedPoller(args.cap_feed, interval=args.cap_feed_interval))
    return services
