"""Command-line options of voice calls and the service they start: the comms hub with the simulated
telephony (default) or the SIP adapter registered to a PBX."""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from backend.comms.hub import CommsHub
from backend.comms.sim_telephony import SimTelephony
from backend.comms.telephony import TelephonyAdapter

if TYPE_CHECKING:
    from backend.services import Service

DEFAULT_ANSWER_DELAY = 1.5
DEFAULT_RING_TIMEOUT = 20.0
DEFAULT_REREGISTER = 300.0


def _seconds(minimum: float, exclusive: bool = False) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        low_ok = value > minimum if exclusive else value >= minimum
        if not (low_ok and value < 1e9):
            more = "more than" if exclusive else "at least"
            raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds ({more} {minimum:g})")
        return value

    return parse


def _port(text: str) -> int:
    if not (text.isascii() and text.isdigit() and int(text) <= 65535):
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (0-65535)")
    return int(text)


def _registrar(text: str) -> str:
    host, colon, port = text.strip().rpartition(":")
    if not colon:
        host, port = text.strip(), ""
    if not host or (port and not (port.isdigit() and 0 < int(port) <= 65535)):
        raise argparse.ArgumentTypeError(f"{text!r} is not HOST or HOST:PORT")
    return text.strip()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("voice calls (comms panel)")
    group.add_argument(
        "--telephony",
        choices=("sim", "sip"),
        default="sim",
        help="the telephony adapter: sim (simulated, drills and demos; default) or sip (a PBX)",
    )
    group.add_argument(
        "--sim-answer-delay",
        type=_seconds(0.0),
        default=DEFAULT_ANSWER_DELAY,
        metavar="S",
        help="simulated telephony: a directory entry answers after S seconds "
        f"(default {DEFAULT_ANSWER_DELAY:g})",
    )
    group.add_argument(
        "--sim-ring-timeout",
        type=_seconds(0.0, exclusive=True),
        default=DEFAULT_RING_TIMEOUT,
        metavar="S",
        help="simulated telephony: nobody answers an off-duty entry, and a simulated caller gives up, "
        f"after S seconds (default {DEFAULT_RING_TIMEOUT:g})",
    )
    group.add_argument(
        "--sip-registrar", type=_registrar, metavar="HOST[:PORT]", help="the PBX to register to"
    )
    group.add_argument("--sip-user", default="", help="the SIP account the backend registers as")
    group.add_argument("--sip-password", default="", help="the SIP account's password")
    group.add_argument(
        "--sip-port", type=_port, default=0, metavar="PORT", help="local UDP port for SIP (default 0: any)"
    )
    group.add_argument("--sip-domain", default="", help="the SIP domain (default: the registrar's host)")
    group.add_argument(
        "--sip-reregister",
        type=_seconds(1.0),
        default=DEFAULT_REREGISTER,
        metavar="S",
        help=f"register again every S seconds (default {DEFAULT_REREGISTER:g})",
    )


def build(args: argparse.Namespace) -> list[Service]:
    return [CommsHub(adapter=adapter(args))]


def adapter(args: argparse.Namespace) -> TelephonyAdapter:
    if args.telephony == "sip":
        if not args.sip_registrar:
            raise SystemExit("--telephony sip needs --sip-registrar HOST[:PORT]")
        from backend.comms.sip_adapter import SipAdapter  # pjsua2 is loaded only for SIP

        sip: TelephonyAdapter = SipAdapter(
            registrar=args.sip_registrar,
            user=args.sip_user,
            password=args.sip_password,
            port=args.sip_port,
            domain=args.sip_domain,
            reregister=args.sip_reregister,
        )
        return sip
    return SimTelephony(answer_delay=args.sim_answer_delay, ring_timeout=args.sim_ring_timeout)
