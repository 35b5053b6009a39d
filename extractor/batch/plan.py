"""The job plan of a batch and its resume manifest.

The manifest (OUTDIR/.extractor-batch.json) records, per input, the SHA-256 of the bytes converted and
what became of them. It is rewritten atomically, so a kill leaves the old or the new one, never a torn
one. `--resume` skips an input whose output JSON is there for the same SHA-256 and the same reading
options. An output finished after the manifest's last write (the manifest is written at most every few
seconds) is still recognised: the JSON names the SHA-256 of its source itself (source.sha256).
Failed inputs are always tried again.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.batch.convert import OK, Job, Result
from extractor.hashing import sha256_file
from extractor.batch.discover import Input
from extractor.guard import Limits
from extractor.write.atomic import atomic_write

MANIFEST_NAME = ".extractor-batch.json"
MANIFEST_VERSION = 1
REVIEW_DIR = "review"  # `--review`: OUTDIR/review/<rel>.html beside OUTDIR/index.html


@dataclass(frozen=True)
class Options:
    """How each PDF is read; a resumed run reuses outputs only if these are the same."""

    engine: str = "camelot"
    pages: tuple[int, ...] | None = None
    password: str | None = None
    limits: Limits | None = None
    audit: bool = False  # add the audit's findings to each document (batch --audit)
    reader: str = "auto"  # what reads the page objects (--reader); not in the record: the same outputs
    review: bool = False  # also write a review page per PDF (OUTDIR/review/<rel>.html); not an output option

    def as_record(self) -> dict[str, Any]:
        # The password itself is never written down; of the limits only max_pages changes an output.
        record = {"engine": self.engine, "pages": list(self.pages) if self.pages else None,
                  "password": self.password is not None,
                  "max_pages": self.limits.max_pages if self.limits else None}
        if self.audit:  # only when set, so manifests written before --audit existed still match
            record["audit"] = True
        return record


def json_path_for(outdir: Path, rel: str, taken: set[str] | None = None) -> Path:
    """OUTDIR/<rel with .json instead of .pdf> (mirrors the input folders).

    Where that name is in `taken` already (a.pdf and a.PDF side by side), the whole input name is kept:
    a.PDF.json.
    """
    rel_path = Path(rel)
    path = outdir / rel_path.parent / (rel_path.stem + ".json")
    if taken is not None:
        if str(path).lower() in taken:
            path = outdir / rel_path.parent / (rel_path.name + ".json")
        taken.add(str(path).lower())
    return path


def make_job(item: Input, outdir: Path, options: Options, taken: set[str] | None = None) -> Job:
    json_path = json_path_for(outdir, str(item.rel), taken)
    review = outdir / REVIEW_DIR / json_path.relative_to(outdir).with_suffix(".html") if options.review else None
    return Job(source=str(item.path), rel=str(item.rel), json_path=str(json_path),
               engine=options.engine, reader=options.reader, pages=options.pages, password=options.password,
               limits=options.limits,
               audit=options.audit, review_path=str(review) if review else None)


class Manifest:
    """rel -> {sha256, status, pages, seconds, peak_rss_mb[, code, message]}, saved atomically, throttled."""

    def __init__(self, outdir: Path, options: Options, entries: dict[str, dict[str, Any]] | None = None,
                 min_interval: float = 2.0):
        self.path = outdir / MANIFEST_NAME
        self.options = options
        self.entries: dict[str, dict[str, Any]] = entries or {}
        self.min_interval = min_interval
        self._saved_at = 0.0
        self._dirty = False

    @classmethod
    def load(cls, outdir: Path, options: Options) -> tuple["Manifest", bool]:
        """The manifest in `outdir` and whether it was made with the same options (False if none)."""
        path = outdir / MANIFEST_NAME
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entries = data["files"] if data.get("version") == MANIFEST_VERSION else {}
            same = data.get("options") == options.as_record()
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls(outdir, options), False
        return cls(outdir, options, entries if same else {}), same

    def record(self, job: Job, result: Result) -> None:
        entry: dict[str, Any] = {"sha256": result.sha256, "status": result.status, "pages": result.pages,
                                 "seconds": result.seconds, "peak_rss_mb": result.peak_rss_mb}
        if result.status != OK:
            entry.update(code=result.code, message=result.message)
        self.entries[job.rel] = entry
        self._dirty = True
        self.save(force=False)

    def save(self, force: bool = True) -> None:
        now = time.monotonic()
        if not self._dirty and not force:
            return
        if not force and now - self._saved_at < self.min_interval:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_write(self.path, "w", encoding="utf-8") as fh:
            json.dump({"version": MANIFEST_VERSION, "options": self.options.as_record(),
                       "files": dict(sorted(self.entries.items()))}, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        self._saved_at = now
        self._dirty = False


@dataclass
class Plan:
    todo: list[Job] = field(default_factory=list)
    done: list[Job] = field(default_factory=list)  # already converted (--resume); not run again
    done_pages: int = 0


def make_plan(inputs: list[Input], outdir: Path, options: Options, manifest: Manifest,
              resume: bool, trust_outputs: bool = True) -> Plan:
    """Split the inputs into those to convert and those already converted (only with `resume`).

    `trust_outputs`: an output JSON not in the manifest counts as done when its source.sha256 matches
    (false when the manifest was made with other options, so those outputs may differ).
    """
    plan = Plan()
    taken: set[str] = set()  # output names in use, compared without case (for case-blind file systems)
    for item in inputs:
        job = make_job(item, outdir, options, taken)
        if resume:
            pages = _already_done(job, manifest, trust_outputs)
            if pages is not None:
                plan.done.append(job)
                plan.done_pages += pages
                continue
        plan.todo.append(job)
    return plan


def _already_done(job: Job, manifest: Manifest, trust_outputs: bool) -> int | None:
    """The page count of a finished conversion of these very bytes, or None if it must be (re)done."""
    out = Path(job.json_path)
    if not out.is_file() or (job.review_path and not Path(job.review_path).is_file()):
        return None
    try:
        sha = sha256_file(job.source)
    except OSError:
        return None  # the worker will report why it cannot be read
    entry = manifest.entries.get(job.rel)
    if entry and entry.get("status") == OK and entry.get("sha256") == sha:
        return int(entry.get("pages") or 0)
    if trust_outputs:
        try:
            doc = json.loads(out.read_text(encoding="utf-8"))
            if doc["source"]["sha256"] == sha:
                manifest.entries[job.rel] = {"sha256": sha, "status": OK,
                                             "pages": int(doc["source"].get("pages") or 0), "seconds": None}
                return int(doc["source"].get("pages") or 0)
        except (OSError, ValueError, KeyError, TypeError):
            return None
    return None
