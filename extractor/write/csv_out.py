"""The three CSV files of the contract: indicators.csv, projects.csv, department.csv.

UTF-8 with a byte-order mark (Excel then reads the Chinese text right), one header row, RFC 4180 quoting
(CRLF line ends, a field quoted when it holds a comma, quote or line break). Numbers are written as
numbers (unquoted, Python's shortest exact spelling), an empty value as an empty field.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from extractor.write import rows as R
from extractor.write.atomic import atomic_write

FILES = ("indicators.csv", "projects.csv", "department.csv")


def write_csv(docs: dict[str, Any] | Iterable[dict[str, Any]], outdir: str | os.PathLike[str]) -> list[Path]:
    """Write the three CSV files for all `docs` into `outdir` (created if missing); return their paths."""
    docs = R.as_docs(docs)
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    tables = {
        "indicators.csv": (R.INDICATOR_COLUMNS, R.indicator_rows(docs)),
        "projects.csv": (R.project_columns(docs), R.project_rows(docs)),
        "department.csv": (R.DEPARTMENT_COLUMNS, R.department_rows(docs)),
    }
    written = []
    for name in FILES:
        columns, rows = tables[name]
        path = outdir / name
        write_rows(path, columns, rows)
        written.append(path)
    return written


def write_rows(path: Path, columns: Sequence[str], rows: Iterable[R.Row]) -> None:
    # newline="" hands line ends to the csv module, which writes the RFC's CRLF.
    with atomic_write(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(col)) for col in columns])


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):  # not expected in the contract; never print True as a number
        return str(value).lower()
    if isinstance(value, float):
        return repr(value)
    return value
