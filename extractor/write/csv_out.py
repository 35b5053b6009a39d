"""The three CSV files of the contract (indicators.csv, projects.csv, department.csv) and every raw table
as tables/<stem>-<n>.csv.

UTF-8 with a byte-order mark (Excel then reads the Chinese text right), one header row, RFC 4180 quoting
(CRLF line ends, a field quoted when it holds a comma, quote or line break). Numbers are written as
numbers (unquoted, Python's shortest exact spelling), an empty value as an empty field.

A text cell of two or more characters starting with =, +, - or @ (or a tab or carriage return) would be
run by Excel as a formula
(`=HYPERLINK(…)`, `-2+3`); it is written with a leading apostrophe (`'=100.00(%)`), which makes Excel show
it as text. The JSON keeps the text as printed; a program reading the CSV drops one leading ' from such
cells (`text[1:] if text[:1] == "'" and text[1:2] in "=+-@\t\r"`).
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from extractor.write import rows as R
from extractor.write.atomic import atomic_write, make_folder

FILES = ("indicators.csv", "projects.csv", "department.csv")


def write_csv(docs: dict[str, Any] | Iterable[dict[str, Any]], outdir: str | os.PathLike[str]) -> list[Path]:
    """Write the three CSV files for all `docs` into `outdir` (created if missing); return their paths."""
    docs = R.as_docs(docs)
    outdir = make_folder(outdir)
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
    for doc in docs:
        written += write_table_csvs(doc, outdir / TABLES_DIR)
    return written


TABLES_DIR = "tables"


def write_table_csvs(doc: dict[str, Any], folder: str | os.PathLike[str], stem: str | None = None) -> list[Path]:
    """One CSV per raw table of `doc`, `<stem>-<n>.csv` (n from 1, in document order): the rows as printed,
    header rows included, a cell covered by a merged cell empty. `stem` may hold folders (a/b/x)."""
    tables = doc.get("tables") or []
    if not tables:
        return []
    stem = stem or Path(R.file_of(doc)).stem or "document"
    folder = Path(folder)
    written = []
    for n, table in enumerate(tables, start=1):
        path = folder / f"{stem}-{n}.csv"
        make_folder(path.parent)
        with atomic_write(path, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
            width = table.get("n_cols") or max((len(r) for r in table.get("rows") or []), default=0)
            for row in table.get("rows") or []:
                writer.writerow([_cell(text) for text in list(row) + [None] * (width - len(row))])
        written.append(path)
    return written


def write_rows(path: Path, columns: Sequence[str], rows: Iterable[R.Row]) -> None:
    # newline="" hands line ends to the csv module, which writes the RFC's CRLF.
    with atomic_write(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(col)) for col in columns])


def excel_text(text: str) -> str:
    """How a text cell is written so that Excel shows it as text (see the module's docstring)."""
    if len(text) > 1 and text[0] in FORMULA_STARTS:
        return "'" + text
    return text


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):  # not expected in the contract; never print True as a number
        return str(value).lower()
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return excel_text(value)  # a lone "=" or "-" (op, an empty marker) cannot run anything: kept
    return value


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
