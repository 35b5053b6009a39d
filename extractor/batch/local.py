"""The local runner: a pool of worker processes (pebble.ProcessPool) on this machine.

Why pebble rather than concurrent.futures: a file that hangs or kills its worker (a crash in a C
library, the kernel's OOM killer) must cost only that file. pebble stops a task that runs past its time
limit by ending its process and replaces a dead worker, while the pool goes on; the standard pools break
as a whole (ProcessPoolExecutor) or lose the task silently (multiprocessing.Pool). Workers are recycled
after `max_tasks` files so memory cannot grow without bound.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Iterable, Iterator
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures import as_completed

from extractor.batch.convert import Job, Result, convert_one

MAX_TASKS_PER_WORKER = 50


def hard_limit(timeout: float | None) -> float | None:
    """When a worker is ended: a while after the time limit the worker applies itself (extractor.guard's
    alarm), which cannot fire while a C library holds the interpreter."""
    if not timeout:
        return None
    return timeout + max(5.0, 0.1 * timeout)


def _context():
    """fork where there is one: a worker starts in milliseconds with the extraction stack already imported
    by the parent, which makes recycling cheap."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


# What extraction imports on first use (camelot brings OpenCV and pandas: about 1.5 s). Imported once in
# the parent, it is inherited by every forked worker instead of being paid again by each new worker.
PRELOAD = ("extractor.pipeline", "extractor.locate", "extractor.extract", "extractor.stitch",
           "extractor.interpret", "extractor.write.json_out", "camelot")


def _preload() -> None:
    import importlib

    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - a missing optional module only costs the workers time
            pass


def _worker_init() -> None:
    # Ctrl-C is the parent's to handle (it stops the pool); a worker must not print a traceback for it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_local(jobs: Iterable[Job], *, workers: int, timeout: float | None,
              max_tasks: int = MAX_TASKS_PER_WORKER) -> Iterator[Result]:
    """Convert `jobs` in `workers` processes; yield one Result per job, in order of completion.

    `timeout`: the per-file time limit. The worker stops a file itself when it runs out (code `timeout`);
    a worker still busy a while later is ended and the file recorded as `timeout` all the same.
    """
    from pebble import ProcessExpired, ProcessPool

    jobs = list(jobs)
    if not jobs:
        return
    if _context().get_start_method() == "fork":
        _preload()
    pool = ProcessPool(max_workers=max(1, workers), max_tasks=max_tasks, initializer=_worker_init,
                       context=_context())
    finished = False
    try:
        limit = hard_limit(timeout)
        futures = {pool.schedule(convert_one, args=(job,), timeout=limit): job for job in jobs}
        for future in as_completed(futures):
            job = futures.pop(future)
            try:
                yield future.result()
            except FutureTimeout:
                yield Result.failed(job, "timeout", f"stopped after {limit:g} s; its worker was ended "
                                                    "(raise --timeout to allow more)")
            except ProcessExpired as exc:
                yield Result.failed(job, "crashed", f"worker process died ({_death(exc.exitcode)})")
            except Exception as exc:  # e.g. a result that could not be sent back
                yield Result.failed(job, "internal", f"internal error: {type(exc).__name__}: {exc}")
        finished = True
    finally:
        if finished:
            pool.close()
        else:  # interrupted: end the workers now rather than wait for the queue to drain
            pool.stop()
        pool.join()


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            pass
    return f"exit code {exitcode}"
