"""SIP status codes in the terms of the comms panel: a call result, a reason, a registration failure."""

from __future__ import annotations

# Final responses to an INVITE → comms_messages.CALL_RESULTS.
_CALL_RESULTS = {
    404: "unknown_number",
    484: "unknown_number",
    604: "unknown_number",
    486: "busy",
    600: "busy",
    408: "no_answer",
    480: "no_answer",
    487: "cancelled",
    603: "rejected",
}


def call_result(code: int) -> str:
    """What a failed call's final status means: 404 → unknown_number, 486 → busy, 480 → no_answer …
    Other refusals by the far end (4xx, 6xx) are ``rejected``; server failures (5xx) ``unreachable``."""
    if code in _CALL_RESULTS:
        return _CALL_RESULTS[code]
    if 400 <= code < 500 or code >= 600:
        return "rejected"
    return "unreachable"


def status_text(code: int, reason: str) -> str:
    """'404 Not Found': the code and its phrase, as the PBX sent them."""
    phrase = reason.strip()
    return f"{code} {phrase}" if phrase else str(code)


def registration_failure(code: int, reason: str, transport_error: str, registrar: str, lost: bool) -> str:
    """Why a REGISTER failed, in words: nobody answers, the network refuses, or the PBX refuses.
    ``lost``: the account was registered and a refresh failed."""
    if transport_error:
        return f"the PBX at {registrar} cannot be reached: {transport_error}"
    if code in (0, 408):
        silent = f"the PBX at {registrar} does not answer"
        return f"the registration was lost: {silent}" if lost else silent
    refused = status_text(code, reason)
    return f"the PBX dropped the registration: {refused}" if lost else f"registration refused: {refused}"


def retry_delay(attempt: int, first: float, longest: float) -> float:
    """Back-off before retry number ``attempt`` (0-based): first, 2×first, 4×first … up to longest."""
    return float(min(longest, first * (2 ** min(attempt, 16))))
