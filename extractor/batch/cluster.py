"""The cluster runner: the same jobs on an existing Dask distributed cluster (`--scheduler tcp://HOST:PORT`).

Workers read the inputs from a path they share with this machine (the jobs carry absolute paths) and
send the JSON text back; this process writes every output, so the workers need no write access to OUTDIR.
dask.distributed is imported only here, and only when --scheduler is given (extra `cluster`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from extractor.batch.convert import Job, Result, convert_remote
from extractor.write.atomic import atomic_write


class ClusterUnavailable(Exception):
    """dask.distributed is missing or the scheduler cannot be reached (a usage error: nothing ran)."""


def run_dask(jobs: Iterable[Job], *, scheduler: str, timeout: float | None) -> Iterator[Result]:
    """Convert `jobs` on the cluster; yield one Result per job, in order of completion.

    The per-file time limit travels in each job's limits and is applied inside the task's thread
    (extractor.batch.deadline); `timeout` is not used here, since Dask cannot end one running task
    without its worker: a file stuck inside one C call is not stopped on a cluster (it is locally).
    A task that takes its worker down is retried by Dask on other workers and, when it keeps doing so,
    recorded as `crashed`.
    """
    try:
        from distributed import Client
        from distributed import as_completed as dask_completed
    except ImportError:
        raise ClusterUnavailable("--scheduler needs dask.distributed: pip install 'extractor[cluster]'") from None
    jobs = list(jobs)
    if not jobs:
        return
    try:
        client = Client(scheduler)  # waits distributed.comm.timeouts.connect (30 s)
    except Exception as exc:  # OSError, TimeoutError, ValueError for a bad address ...
        raise ClusterUnavailable(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
    try:
        keys = [f"extractor-{i}-{Path(job.rel).name}" for i, job in enumerate(jobs)]
        futures = client.map(convert_remote, jobs, key=keys, pure=False, retries=0)
        by_key = {f.key: job for f, job in zip(futures, jobs)}
        for future in dask_completed(futures):
            job = by_key[future.key]
            try:
                result = future.result()
            except Exception as exc:  # KilledWorker: the task took its worker down (more than once)
                yield Result.failed(job, "crashed", f"cluster worker died: {type(exc).__name__}")
                continue
            finally:
                future.release()
            if result.document is not None:
                try:
                    _write(job.json_path, result.document)
                    if result.review is not None and job.review_path:
                        _write(job.review_path, result.review)
                except OSError as exc:
                    result = Result.failed(job, "unwritable", f"cannot write {job.json_path}: {exc.strerror}")
                result.document = result.review = None
            yield result
    finally:
        client.close()


def _write(path: str, text: str) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(path, "w", encoding="utf-8") as fh:
        fh.write(text)
