"""A time limit for work running in a thread other than the main one (a Dask worker runs tasks in threads,
where extractor.guard's SIGALRM cannot reach).

When the time is up, a timer raises an exception inside the working thread (CPython's
PyThreadState_SetAsyncExc). Like the alarm, it lands between two Python bytecodes: it stops the pure-Python
PDF readers in any loop, but not a single call that never returns from C.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from extractor.errors import Timeout


class _ThreadDeadline(BaseException):
    """A BaseException, so the PDF libraries' `except Exception` cannot swallow it."""


def _raise_in(thread_id: int, exc_type: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                               ctypes.py_object(exc_type) if exc_type else None)


@contextmanager
def thread_time_limit(seconds: float | None, what: str = "file") -> Iterator[None]:
    """Stop the body with Timeout after `seconds` (wall clock), in whatever thread it runs."""
    if not seconds or seconds <= 0:
        yield
        return
    thread_id = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def fire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                _raise_in(thread_id, _ThreadDeadline)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        try:
            yield
        finally:
            with lock:
                state["done"] = True
            timer.cancel()
            if state["fired"]:
                _raise_in(thread_id, None)  # withdraw it if it has not landed yet
    except _ThreadDeadline:
        raise Timeout(f"{what}: stopped after {seconds:g} s (raise --timeout to allow more)") from None
