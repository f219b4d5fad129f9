"""The speech backlog: loudest first, FIFO within a severity, bounded; what is dropped spares Extreme."""

from __future__ import annotations

import threading

import pytest

from app.speech_backlog import SpeechBacklog


def drain(backlog: SpeechBacklog) -> list[str]:
    out = []
    while len(backlog):
        item = backlog.take(timeout=0)
        assert item is not None
        out.append(item.text)
        backlog.done()
    return out


def test_loudest_first_and_first_come_first_served_within_a_severity() -> None:
    backlog = SpeechBacklog()
    for text, severity in [
        ("m1", "Moderate"),
        ("s1", "Severe"),
        ("m2", "Moderate"),
        ("x1", "Extreme"),
        ("u1", "Unknown"),
        ("s2", "Severe"),
        ("x2", "Extreme"),
    ]:
        assert backlog.push(text, severity)
    assert drain(backlog) == ["x1", "x2", "s1", "s2", "m1", "m2", "u1"]


def test_full_backlog_drops_the_oldest_of_the_quietest() -> None:
    backlog = SpeechBacklog(capacity=3)
    assert backlog.push("m1", "Moderate")
    assert backlog.push("s1", "Severe")
    assert backlog.push("m2", "Moderate")
    assert backlog.push("s2", "Severe")  # full: the oldest Moderate goes
    assert backlog.dropped == ["m1"]
    assert backlog.push("x1", "Extreme")  # the other Moderate goes
    assert backlog.dropped == ["m1", "m2"]
    assert drain(backlog) == ["x1", "s1", "s2"]


def test_full_backlog_of_louder_or_equal_ones_drops_the_newcomer() -> None:
    backlog = SpeechBacklog(capacity=2)
    assert backlog.push("s1", "Severe")
    assert backlog.push("s2", "Severe")
    assert not backlog.push("s3", "Severe")
    assert not backlog.push("m1", "Moderate")
    assert backlog.dropped == ["s3", "m1"]
    assert drain(backlog) == ["s1", "s2"]


def test_extreme_announcements_are_never_dropped() -> None:
    backlog = SpeechBacklog(capacity=2)
    assert backlog.push("x1", "Extreme")
    assert backlog.push("x2", "Extreme")
    assert backlog.push("x3", "Extreme")  # grows past the capacity rather than lose one
    assert not backlog.push("s1", "Severe")
    assert backlog.dropped == ["s1"]
    assert drain(backlog) == ["x1", "x2", "x3"]


def test_pending_counts_the_one_in_hand_clear_and_close() -> None:
    backlog = SpeechBacklog()
    backlog.push("a", "Severe")
    backlog.push("b", "Severe")
    item = backlog.take()
    assert item is not None and item.text == "a"
    assert backlog.pending() == 2
    assert backlog.clear() == 1
    backlog.done()
    assert backlog.pending() == 0
    backlog.close()
    assert backlog.take() is None
    assert not backlog.push("c", "Extreme")


def test_take_waits_for_an_announcement_and_close_wakes_it() -> None:
    backlog = SpeechBacklog()
    got: list[object] = []
    worker = threading.Thread(target=lambda: got.append(backlog.take()))
    worker.start()
    backlog.push("hello", "Severe")
    worker.join(10)
    assert [getattr(item, "text", None) for item in got] == ["hello"]
    waiting = threading.Thread(target=lambda: got.append(backlog.take()))
    waiting.start()
    backlog.close()
    waiting.join(10)
    assert not waiting.is_alive()
    assert got[-1] is None


def test_capacity_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        SpeechBacklog(capacity=0)
