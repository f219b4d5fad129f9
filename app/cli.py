"""Command-line options of ``command-seat``."""

from __future__ import annotations

import argparse

from client_api.wall_messages import MAX_MONITORS


def monitor_number(text: str) -> int:
    """A wall monitor's number, 1 to MAX_MONITORS."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"a monitor is a number from 1 to {MAX_MONITORS}, not {text!r}"
        ) from None
    if not 1 <= number <= MAX_MONITORS:
        raise argparse.ArgumentTypeError(f"a monitor is a number from 1 to {MAX_MONITORS}, not {number}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="command-seat", description="The command center's seat console.")
    parser.add_argument("--server", metavar="URL", help="connect to a central backend (ws:// or wss://)")
    parser.add_argument("--tls-ca", metavar="FILE", help="verify the wss:// backend against this CA file")
    parser.add_argument(
        "--tls-fingerprint", metavar="SHA256", help="verify the wss:// backend by its pinned certificate"
    )
    parser.add_argument(
        "--allow-insecure-ws",
        action="store_true",
        help="permit unencrypted ws:// to another machine (labs only)",
    )
    parser.add_argument("--lang", help="user-interface language: zh_CN or en (default: the system's)")
    parser.add_argument("--seat-id", help="this seat's id (default: the setting, else the host name)")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="bundled backend with the demo district, logged in as the demo operator",
    )
    parser.add_argument("--user", help="log in as this user without asking (with --password)")
    parser.add_argument("--password", help=argparse.SUPPRESS)
    parser.add_argument(
        "--exercise", action="store_true", help="bundled backend on a separate drill database"
    )
    parser.add_argument(
        "--self-check", action="store_true", help="check this seat end to end, print a report"
    )
    parser.add_argument(
        "--wall",
        metavar="MONITOR",
        type=monitor_number,
        action="append",
        help="be a wall display: show monitor MONITOR (1-based) of the video wall full screen instead of "
        "the main window; repeat for several monitors (default: the wall_monitors setting)",
    )
    parser.add_argument("--no-crash-dialog", action="store_true", help="log crashes without showing a dialog")
    parser.add_argument(
        "--screenshot", metavar="PNG", help=argparse.SUPPRESS
    )  # docs: grab the window and quit
    return parser
