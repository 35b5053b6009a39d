"""One input -> one JSON document: the unit of work a batch worker runs.

Every failure comes back as a Result with a stable code (the ExtractorError's `code`, or `internal` for
anything unexpected) and a one-line message, never as an exception, so one bad file cannot stop a batch.
"""

from __future__ import annotations

import os
import resource
import time
from dataclasses import dataclass, field
from pathlib import Path

from extractor.errors import ExtractorError
from extractor.guard import Limits

OK = "ok"
FAILED = "failed"
MESSAGE_LIMIT = 300  # characters of an error message kept in errors.csv


@dataclass(frozen=True)
class Job:
    """What a worker needs to convert one PDF (small and picklable: it crosses process boundaries)."""

    source: str  # absolute path of the PDF
    rel: str  # its path relative to the batch's inputs (POSIX), as errors.csv and the CSV `file` name it
    json_path: str  # absolute path of the JSON output
    engine: str = "camelot"
    reader: str = "auto"  # what reads each page's objects (extractor.locate.reader)
    pages: tuple[int, ...] | None = None
    password: str | None = None
    limits: Limits | None = None  # time, pages and decompressed size one PDF may cost (extractor.guard)
    audit: bool = False  # add `findings` (extractor.audit) to the document
    review_path: str | None = None  # where its review page goes (`batch --review`), else none is made


@dataclass
class Result:
    """What became of one Job. `document` carries the JSON text only when the caller writes it (Dask)."""

    rel: str
    status: str  # OK or FAILED
    sha256: str | None = None
    pages: int = 0
    code: str | None = None
    message: str | None = None
    seconds: float = 0.0
    peak_rss_mb: float = 0.0  # the worker process's peak resident memory so far
    worker: int = 0  # process id of the worker that ran it
    document: str | None = field(default=None, repr=False)
    review: str | None = field(default=None, repr=False)  # the review HTML, when the caller writes it (Dask)
    summary: list[str] = field(default_factory=list)  # the file's summary lines (extractor.summary)

    @classmethod
    def failed(cls, job: Job, code: str, message: str, seconds: float = 0.0) -> "Result":
        return cls(rel=job.rel, status=FAILED, code=code, message=one_line(message, job), seconds=seconds)


def convert_one(job: Job, write: bool = True, in_thread: bool = False) -> Result:
    """Extract `job.source`; write its JSON atomically (or, with write=False, return the text).

    `in_thread`: the caller runs this outside the main thread, where the guard's alarm cannot fire, so
    the time limit is applied by raising in this thread instead (extractor.batch.deadline).
    """
    # Imported here so that the parent of a Dask run need not import the extraction stack.
    from extractor.guard import guarded
    from extractor.review import write_review
    from extractor.summary import summary_lines
    from extractor.write.json_out import dumps

    start = time.monotonic()
    try:
        # guarded: the time limit (SIGALRM; in a pool worker's main thread, not in a Dask worker's task
        # thread) and every failure about the file as an ExtractorError; bugs pass through as they are.
        with guarded(job.source, job.limits), _thread_limit(job, in_thread):
            doc, review = _review(job) if job.review_path else (_extract(job), None)
        result = Result(rel=job.rel, status=OK, sha256=doc["source"]["sha256"], pages=_page_count(doc, job),
                        summary=summary_lines(job.rel, doc))
        if write:
            _write(doc, Path(job.json_path))
            if review is not None:
                write_review(review, job.review_path)
        else:
            result.document = dumps(doc)
            result.review = review
    except ExtractorError as exc:
        result = Result.failed(job, exc.code, str(exc))
    except OSError as exc:
        result = Result.failed(job, "unreadable", f"cannot read the input: {exc.strerror or type(exc).__name__}")
    except MemoryError:
        result = Result.failed(job, "out_of_memory", "ran out of memory")
    except Exception as exc:  # a bug or an unforeseen input: recorded, never fatal to the batch
        result = Result.failed(job, "internal", f"internal error: {type(exc).__name__}: {exc}")
    result.seconds = round(time.monotonic() - start, 3)
    result.peak_rss_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    result.worker = os.getpid()
    return result


def _write(doc: dict, path: Path) -> None:
    """The JSON output; a failure here is the output's (OutputError, code output_error), not the input's."""
    from extractor.write.atomic import make_folder
    from extractor.write.json_out import write_json

    make_folder(path.parent)
    write_json(doc, path)


def _thread_limit(job: Job, in_thread: bool):
    from contextlib import nullcontext

    if not in_thread or job.limits is None:
        return nullcontext()
    from extractor.batch.deadline import thread_time_limit

    return thread_time_limit(job.limits.timeout, Path(job.source).name)


def _extract(job: Job) -> dict:
    # Looked up at call time (not imported by name at module level), so a test can wrap it.
    from extractor import pipeline

    doc = pipeline.extract_pdf(job.source, engine=job.engine, pages=list(job.pages) if job.pages else None,
                               password=job.password, limits=job.limits, reader=job.reader)
    if job.audit:
        from extractor.audit import audit

        doc["findings"] = audit(doc)
    return doc


def _review(job: Job) -> tuple[dict, str]:
    """The document and its review page, from one run of the pipeline."""
    from extractor.review import review_pdf

    return review_pdf(job.source, engine=job.engine, pages=list(job.pages) if job.pages else None,
                      password=job.password, limits=job.limits, audit=job.audit)


def convert_remote(job: Job) -> Result:
    """convert_one for a cluster worker: the client writes the output, so workers only read inputs.

    Dask runs tasks in worker threads, so the time limit is the thread kind (extractor.batch.deadline).
    """
    return convert_one(job, write=False, in_thread=True)


def _page_count(doc: dict, job: Job) -> int:
    """Pages read: the PDF's page count, or the pages of a --pages selection that exist."""
    total = int((doc.get("source") or {}).get("pages") or 0)
    if job.pages:
        return sum(1 for p in job.pages if p <= total)
    return total


def one_line(message: str, job: Job | None = None) -> str:
    """A message fit for one CSV cell and one terminal line: no line breaks, no repeated file name."""
    text = " ".join(str(message).split())
    if job is not None:
        for prefix in (f"{job.rel}: ", f"{Path(job.source).name}: ", f"{job.source}: "):
            if text.startswith(prefix):
                text = text[len(prefix):]
    if len(text) > MESSAGE_LIMIT:
        text = text[: MESSAGE_LIMIT - 1] + "…"
    return text or "failed"
