"""Run a fault scenario on a plain asyncio loop in a thread of its own, away from Qt.

The fault tests need no Qt, and they run long with worker threads (the outbox, database counts). On the
session's qasync loop a collection in such a thread once finalised a Qt connection (which needs the GIL)
while the main thread, holding the GIL, waited for Qt's connection lock inside ``QObject::connect``: a
deadlock that even the test timeout could not break. Here the main thread only waits in ``join``.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


def run_in_own_loop(make: Callable[[], Coroutine[Any, Any, T]], timeout: float) -> T:
    """``make()`` run to the end (or TimeoutError after ``timeout`` s); the coroutine cleans up after
    itself, and whatever task it left behind is cancelled before the loop closes."""
    outcome: list[T] = []
    failure: list[BaseException] = []

    def main() -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)  # this thread's current loop only
        try:
            outcome.append(loop.run_until_complete(asyncio.wait_for(make(), timeout)))
        except BaseException as exc:  # handed to the test's thread
            failure.append(exc)
        finally:
            left = asyncio.all_tasks(loop)
            for task in left:
                task.cancel()
            loop.run_until_complete(asyncio.gather(*left, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
            loop.close()
            asyncio.set_event_loop(None)

    thread = threading.Thread(target=main, name="fault-scenario")
    thread.start()
    thread.join()
    if failure:
        raise failure[0]
    return outcome[0]
