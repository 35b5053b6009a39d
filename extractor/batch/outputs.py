"""The files a batch writes besides the per-PDF JSONs: errors.csv and the combined CSV/XLSX.

With xlsx, each PDF also gets its own workbook next to its JSON (<rel>.xlsx). The combined files are
built at the end from the JSONs on disk, in the sorted order of the inputs, so a
resumed run writes the same bytes as an uninterrupted one. Their `file` column holds the input's path
relative to the batch's inputs (a/x.pdf), which stays unique when two folders hold the same name.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from extractor.batch.convert import Job
from extractor.write.atomic import atomic_write

ERRORS_CSV = "errors.csv"
ERROR_COLUMNS = ["file", "error_code", "message"]
WARNINGS_CSV = "warnings.csv"
COMBINED_XLSX = "batch.xlsx"


def write_errors(outdir: Path, failures: Iterable[tuple[str, str, str]]) -> Path:
    """errors.csv (file, error_code, message), sorted by file; written even when empty, so a stale one
    from an earlier run never stands."""
    path = outdir / ERRORS_CSV
    with atomic_write(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, dialect="excel", lineterminator="\r\n")
        writer.writerow(ERROR_COLUMNS)
        writer.writerows(sorted(failures))
    return path


def write_warnings(outdir: Path, docs: Iterable[dict[str, Any]]) -> Path:
    """warnings.csv (file, page, code, message) over the converted PDFs, in the order of their files;
    written even when empty, like errors.csv."""
    from extractor.write.rows import WARNING_COLUMNS, warning_rows

    path = outdir / WARNINGS_CSV
    with atomic_write(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, WARNING_COLUMNS, dialect="excel", lineterminator="\r\n")
        writer.writeheader()
        for doc in docs:
            writer.writerows(warning_rows([doc]))
    return path


def write_review_index(outdir: Path, converted: list[Job], failures: Iterable[tuple[str, str, str]]) -> Path:
    """OUTDIR/index.html over the review pages of the converted PDFs, and the failures with their code."""
    from extractor.review.index import index_entry, write_index

    by_rel = {job.rel: job for job in converted}
    entries = [index_entry(doc["source"]["file"], Path(by_rel[doc["source"]["file"]].review_path), outdir, doc)
               for doc in load_docs(converted, keep_tables=False)]
    entries += [index_entry(rel, None, outdir, error_code=code, message=message) for rel, code, message in failures]
    return write_index(entries, outdir)


def load_docs(jobs: list[Job], keep_tables: bool) -> Iterator[dict[str, Any]]:
    """The documents of converted jobs, read back from their JSON, named by their relative path.

    Without `keep_tables` the raw tables (the bulk of a document, unused by the CSV files) are dropped
    as each document is read, so memory grows with the indicators, not with the tables.
    """
    for job in sorted(jobs, key=lambda j: j.rel):
        doc = json.loads(Path(job.json_path).read_text(encoding="utf-8"))
        doc["source"] = dict(doc.get("source") or {}, file=job.rel)
        if not keep_tables:
            doc.pop("tables", None)
        yield doc


def write_combined(outdir: Path, converted: list[Job], formats: set[str], findings: bool = False) -> list[Path]:
    written: list[Path] = []
    if findings:  # batch --audit: every document's findings in one findings.csv
        from extractor.audit.report import FINDINGS_CSV, write_findings_csv

        written.append(write_findings_csv(load_docs(converted, keep_tables=False), outdir / FINDINGS_CSV))
    if "csv" in formats:
        from extractor.write.csv_out import TABLES_DIR, write_csv, write_table_csvs

        written += write_csv(load_docs(converted, keep_tables=False), outdir)
        for doc in load_docs(converted, keep_tables=True):  # one document's tables in memory at a time
            rel = doc["source"]["file"]
            stem = rel[: -len(Path(rel).suffix)] if Path(rel).suffix else rel
            written += write_table_csvs(doc, outdir / TABLES_DIR, stem=stem)
    if "xlsx" in formats:
        from extractor.write.xlsx_out import write_xlsx

        # One workbook per PDF, next to its JSON (its raw tables as sheets); batch.xlsx holds the data
        # sheets of all PDFs and an index of their tables linking into those workbooks.
        workbooks: dict[str, str] = {}
        for job, doc in zip(sorted(converted, key=lambda j: j.rel), load_docs(converted, keep_tables=True)):
            own = Path(job.json_path).with_suffix(".xlsx")
            write_xlsx(doc, own)
            workbooks[doc["source"]["file"]] = own.relative_to(outdir).as_posix()
            written.append(own)
        path = outdir / COMBINED_XLSX
        write_xlsx(load_docs(converted, keep_tables=True), path, raw_tables=False, workbooks=workbooks)
        written.append(path)
    return written
