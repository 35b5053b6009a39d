"""What one PDF may cost (`Limits`), and the time and memory limits that hold one file's work to it.

The other two limits are applied where their work happens: the decompressed size of streams in streams.py,
the number of pages in opening.select_pages().
"""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from extractor.errors import Timeout

MiB = 1 << 20


@dataclass(frozen=True)
class Limits:
    """How much one PDF may cost. The defaults pass real budget books (392 pages, scanned covers) with room
    to spare and stop hostile files quickly. `None`/0 switches a limit off."""

    timeout: float | None = 600.0  # seconds for one whole file
    max_pages: int | None = 2000  # pages read from one file; the rest get a page_limit warning
    # bytes any one stream the reader inflates (page content, forms, fonts, object streams) may reach.
    # Real budget PDFs stay under 5 MiB; pdfminer needs about 10x a content stream's size in memory and
    # ~1.5 s per MiB to parse it, so 64 MiB bounds a hostile page near 600 MB and well inside the timeout.
    max_decompressed: int | None = 64 * MiB
    # bytes of memory reading one file may add to the process (RLIMIT_DATA; Linux). A hostile font can ask
    # pdfminer for 10^11 glyph widths; this turns that into `too_large` in a second instead of swap and the
    # OOM killer. The 392-page budget book needs under 200 MB.
    max_memory: int | None = 2048 * MiB


DEFAULT_LIMITS = Limits()


# ------------------------------------------------------------------------------------------------------ time

class _Deadline(BaseException):
    """Raised by the alarm. A BaseException, so the PDF libraries' `except Exception` cannot swallow it;
    time_limit turns it into Timeout at its boundary."""


@contextmanager
def time_limit(seconds: float | None, what: str = "file") -> Iterator[None]:
    """Stop the body with Timeout after `seconds` (wall clock).

    Uses SIGALRM, so it works only in a process's main thread (the CLI, and each worker process of a
    process pool); elsewhere it does nothing and the caller's own watchdog must apply (e.g. batch kills a
    worker). The alarm repeats every second until the body has stopped, in case library code catches it.
    Nesting keeps the outer deadline.
    """
    usable = (seconds and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def on_alarm(signum, frame):
        raise _Deadline()

    start = time.monotonic()
    old_handler = signal.signal(signal.SIGALRM, on_alarm)
    old_delay, old_interval = signal.getitimer(signal.ITIMER_REAL)
    delay = min(seconds, old_delay) if old_delay else seconds
    finished = False
    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, delay, 1.0)
            yield
            finished = True
        finally:
            _disarm(old_handler)
    except _Deadline:
        if finished:  # the alarm rang just as the work ended: keep the work
            pass
        elif old_delay and time.monotonic() - start >= old_delay - 0.01:  # the outer deadline, not ours
            raise
        else:
            raise Timeout(f"{what}: stopped after {seconds:g} s (raise --timeout to allow more)") from None
    if old_delay:  # give the outer time_limit back the rest of its time
        remaining = old_delay - (time.monotonic() - start)
        signal.signal(signal.SIGALRM, old_handler)
        signal.setitimer(signal.ITIMER_REAL, max(remaining, 0.001), old_interval)


def _disarm(old_handler) -> None:
    """Stop the alarm and restore the handler; an alarm ringing meanwhile cannot interrupt this."""
    while True:
        try:
            signal.signal(signal.SIGALRM, signal.SIG_IGN)  # from here on a pending alarm is ignored
            break
        except _Deadline:
            continue
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, old_handler)


# ---------------------------------------------------------------------------------------------------- memory

@contextmanager
def memory_limit(extra: int | None) -> Iterator[None]:
    """Let the process's data grow by at most `extra` bytes inside this block; beyond, allocations fail
    with MemoryError (classified `too_large`). Process-wide (an rlimit); does nothing where Linux's
    RLIMIT_DATA or /proc are missing."""
    try:
        import resource
    except ImportError:  # not on this platform
        yield
        return
    used = _data_size()
    if not extra or used is None or not hasattr(resource, "RLIMIT_DATA"):
        yield
        return
    old_soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    soft = used + extra
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    if old_soft != resource.RLIM_INFINITY:
        soft = min(soft, old_soft)  # an outer limit stays in force
    resource.setrlimit(resource.RLIMIT_DATA, (soft, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_DATA, (old_soft, hard))


def _data_size() -> int | None:
    """The process's data size as RLIMIT_DATA counts it (VmData), or None if unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmData:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        return None
    return None
