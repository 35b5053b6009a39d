"""A whole batch: find the inputs, plan (and resume), convert in parallel, write what is combined.

Nothing is lost: every input ends as its JSON or as a row of errors.csv, whatever happens to one file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from extractor.batch.convert import OK, Job, Result
from extractor.batch.discover import NoPdfs, find_inputs
from extractor.batch.outputs import load_docs, write_combined, write_errors, write_review_index, write_warnings
from extractor.batch.plan import Manifest, Options, make_plan
from extractor.batch.progress import Progress, Summary
from extractor.guard import DEFAULT_LIMITS
from extractor.write.atomic import make_folder

# The temporary names of extractor.write.atomic (mkstemp: "." + final name + "." + 8 characters + ".tmp").
_TEMP_NAME = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")


@dataclass
class BatchSettings:
    outdir: Path
    formats: frozenset[str] = frozenset({"json", "csv"})
    jobs: int = os.cpu_count() or 1
    resume: bool = False
    scheduler: str | None = None
    options: Options = Options(limits=DEFAULT_LIMITS)
    progress: bool | None = None  # None: a bar only on a terminal
    quiet: bool = False  # no summary line per converted file
    max_tasks_per_worker: int = 50


def run_batch(paths: list[str], settings: BatchSettings, stream: TextIO | None = None) -> Summary:
    """Convert every PDF under `paths` into `settings.outdir`; return the summary (failed > 0: exit 1)."""
    inputs = find_inputs(paths)
    if not inputs:
        raise NoPdfs(f"{', '.join(str(p) for p in paths)}: no PDF found")
    outdir = settings.outdir.resolve()
    make_folder(outdir)  # an OutputError naming OUTDIR when it cannot be made
    remove_stray_temp_files(outdir)

    if settings.resume:
        manifest, same_options = Manifest.load(outdir, settings.options)
        plan = make_plan(inputs, outdir, settings.options, manifest, resume=True,
                         trust_outputs=same_options or not manifest.path.exists())
    else:
        manifest = Manifest(outdir, settings.options)
        plan = make_plan(inputs, outdir, settings.options, manifest, resume=False)

    progress = Progress(len(inputs), already_done=len(plan.done), stream=stream, enabled=settings.progress,
                        quiet=settings.quiet)
    converted: list[Job] = list(plan.done)
    failures: list[tuple[str, str, str]] = []
    by_rel = {job.rel: job for job in plan.todo}
    interrupted = False
    results = _results(plan.todo, settings)
    try:
        for result in results:
            job = by_rel[result.rel]
            manifest.record(job, result)
            progress.add(result)
            if result.status == OK:
                converted.append(job)
            else:
                failures.append((result.rel, result.code or "internal", result.message or ""))
    except KeyboardInterrupt:
        # Ctrl-C: the runner's generator stops its workers as it closes; what finished is kept and
        # written below (errors.csv, the combined files), and --resume does the rest.
        interrupted = True
        close = getattr(results, "close", None)
        if close is not None:
            close()
    finally:
        manifest.save(force=True)
        summary = progress.close()
    summary.interrupted = interrupted
    summary.errors_csv = str(write_errors(outdir, failures))
    write_warnings(outdir, load_docs(converted, keep_tables=False))
    if settings.options.review:
        write_review_index(outdir, converted, failures)
    write_combined(outdir, converted, set(settings.formats), findings=settings.options.audit)
    return summary


def _results(jobs: list[Job], settings: BatchSettings) -> Iterator[Result]:
    timeout = settings.options.limits.timeout if settings.options.limits else None
    if settings.scheduler:
        from extractor.batch.cluster import run_dask

        return run_dask(jobs, scheduler=settings.scheduler, timeout=timeout)
    from extractor.batch.local import run_local

    return run_local(_largest_first(jobs), workers=settings.jobs, timeout=timeout,
                     max_tasks=settings.max_tasks_per_worker)


def _largest_first(jobs: list[Job]) -> list[Job]:
    """Big files first, so no worker is left with a long file while the others idle at the end."""
    def size(job: Job) -> int:
        try:
            return os.path.getsize(job.source)
        except OSError:
            return 0
    return sorted(jobs, key=size, reverse=True)


def remove_stray_temp_files(outdir: Path) -> int:
    """Delete the temporary files a killed run left behind (never a file under a final name)."""
    removed = 0
    for folder, _dirs, files in os.walk(outdir):
        for name in files:
            if _TEMP_NAME.match(name):
                try:
                    os.unlink(os.path.join(folder, name))
                    removed += 1
                except OSError:
                    pass
    return removed
