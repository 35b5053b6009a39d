"""The Python API: read PDFs into typed `Document`s, with pandas views for a notebook.

    import extractor
    doc = extractor.read("samples/seed.pdf")            # pages=[9, 10], engine="pdfplumber", password=...
    doc.projects[0]["name"]                             # the contract's project objects
    doc.indicators_df()                                 # one row per indicator (the indicators.csv columns)
    doc.tables[0].to_df()                               # a raw table, its header rows as the column index
    for doc in extractor.read_many(["a.pdf", "pdfs/"], jobs=2): ...

A `Document` holds exactly the contract's JSON (spec/output-contract.md; `to_dict()` gives it back, keys
added by later stages included), so the CLI writes what the API returns.
"""

from __future__ import annotations

import json
import os
import warnings as _warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractor.errors import ExtractorError, PageOutOfRange

if TYPE_CHECKING:  # pandas is imported only when a DataFrame is asked for
    import pandas as pd

    from extractor.guard import Limits

__all__ = ["Document", "PageOutOfRange", "Table", "read", "read_many"]

_DOCUMENT_KEYS = ("schema_version", "source", "document", "department", "projects", "tables", "warnings")
_TABLE_KEYS = ("parts", "n_rows", "n_cols", "rows", "spans", "engine", "title", "unit")


@dataclass
class Table:
    """One ruled table as printed (contract: `tables[]`): cell text, merged cells, where it was found.

    `rows[r][c]` is the text ("" an empty cell, None a cell covered by a merged cell); `spans` the merged
    cells as [row, col, rowspan, colspan]; `title` the heading printed above it, `unit` its 单位 (元, 万元).
    """

    rows: list[list[str | None]]
    spans: list[list[int]] = field(default_factory=list)
    parts: list[dict[str, Any]] = field(default_factory=list)
    engine: str = ""
    title: str | None = None
    unit: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, repr=False)  # keys this version does not know

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    @property
    def pages(self) -> list[int]:
        return sorted({p["page"] for p in self.parts})

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Table:
        return cls(rows=[list(r) for r in data.get("rows") or []], spans=[list(s) for s in data.get("spans") or []],
                   parts=list(data.get("parts") or []), engine=data.get("engine") or "",
                   title=data.get("title"), unit=data.get("unit"),
                   extra={k: v for k, v in data.items() if k not in _TABLE_KEYS})

    def to_dict(self) -> dict[str, Any]:
        return {"parts": self.parts, "n_rows": self.n_rows, "n_cols": self.n_cols, "rows": self.rows,
                "spans": self.spans, "engine": self.engine, "title": self.title, "unit": self.unit,
                **self.extra}

    def header_rows(self) -> int:
        """How many rows the header takes: the first row, and every row a merged cell starting in the
        header reaches down into (一级指标 spanning two rows over 二级指标 / 三级指标)."""
        from extractor.write.rows import header_rows

        return header_rows(self.rows, self.spans)

    def filled(self) -> list[list[str | None]]:
        """The rows with every covered cell holding the text of the merged cell that covers it."""
        out = [list(r) + [None] * (self.n_cols - len(r)) for r in self.rows]
        for r, c, rs, cs in self.spans:
            text = out[r][c] if r < len(out) and c < len(out[r]) else None
            for i in range(r, min(r + rs, len(out))):
                for j in range(c, min(c + cs, self.n_cols)):
                    if (i, j) != (r, c):
                        out[i][j] = text
        return out

    def to_df(self, header: int | None = None) -> pd.DataFrame:
        """The table as a DataFrame: its header rows (`header`, default `header_rows()`) as the column
        index (a MultiIndex for several), a merged header cell's text repeated over the columns it covers.
        Body cells covered by a merged cell are None; `header=0` gives every row as data, columns 0..n-1."""
        import pandas as pd

        n = self.header_rows() if header is None else max(0, min(header, self.n_rows))
        filled = self.filled()
        body = [list(r) + [None] * (self.n_cols - len(r)) for r in self.rows[n:]]
        if n == 0:
            return pd.DataFrame(body, columns=range(self.n_cols))
        head = [[text or "" for text in row] for row in filled[:n]]
        if n == 1:
            columns: Any = pd.Index(head[0])
        else:
            columns = pd.MultiIndex.from_arrays(head)
        return pd.DataFrame(body, columns=columns)


@dataclass
class Document:
    """One PDF read into the output contract (spec/output-contract.md), typed.

    `projects` and `department` are the contract's JSON objects (dicts: project["indicators"][i]["value"]
    ["number"] …), `tables` are `Table`s, `warnings` dicts with `code`, `message`, `page`.
    """

    source: dict[str, Any]
    document: dict[str, Any] = field(default_factory=dict)
    department: dict[str, Any] | None = None
    projects: list[dict[str, Any]] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)
    schema_version: int = 1
    extra: dict[str, Any] = field(default_factory=dict, repr=False)  # keys added by other stages (findings …)

    @property
    def file(self) -> str:
        return self.source.get("file") or ""

    @property
    def title(self) -> str | None:
        return (self.document or {}).get("title")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return cls(source=dict(data.get("source") or {}), document=dict(data.get("document") or {}),
                   department=data.get("department"), projects=list(data.get("projects") or []),
                   tables=[Table.from_dict(t) for t in data.get("tables") or []],
                   warnings=list(data.get("warnings") or []), schema_version=data.get("schema_version", 1),
                   extra={k: v for k, v in data.items() if k not in _DOCUMENT_KEYS})

    @classmethod
    def from_json(cls, text: str) -> Document:
        return cls.from_dict(json.loads(text))

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object, keys in the contract's order."""
        out = {"schema_version": self.schema_version, "source": self.source, "document": self.document,
               "department": self.department, "projects": self.projects,
               "tables": [t.to_dict() for t in self.tables], "warnings": self.warnings}
        out.update(self.extra)
        return out

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    # ------------------------------------------------------------ pandas views (the CSV files' columns)

    def indicators_df(self) -> pd.DataFrame:
        """One row per project indicator: the columns of indicators.csv."""
        from extractor.write import rows as R

        return _frame(R.INDICATOR_COLUMNS, R.indicator_rows([self.to_dict()]))

    def projects_df(self) -> pd.DataFrame:
        """One row per project: the columns of projects.csv (plan_<period>, attr_<label> …)."""
        from extractor.write import rows as R

        docs = [self.to_dict()]
        return _frame(R.project_columns(docs), R.project_rows(docs))

    def department_df(self) -> pd.DataFrame:
        """One row per department indicator and grade: the columns of department.csv."""
        from extractor.write import rows as R

        return _frame(R.DEPARTMENT_COLUMNS, R.department_rows([self.to_dict()]))


def _frame(columns: Sequence[str], rows: Sequence[dict[str, Any]]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame([[row.get(c) for c in columns] for row in rows], columns=list(columns))


# ---------------------------------------------------------------- reading

def read(path: str | os.PathLike[str], *, pages: Iterable[int] | None = None, engine: str = "camelot",
         password: str | None = None, limits: Limits | None = None,
         on_page: Callable[[int, int], None] | None = None, jobs: int = 1, reader: str = "auto") -> Document:
    """Read one PDF into a Document.

    `pages`: 1-based pages to read (default all); a page the PDF does not have raises PageOutOfRange.
    `engine`: "camelot" or "pdfplumber" (what finds the table grid). `limits`: extractor.guard.Limits
    (time, pages, memory one PDF may cost). `on_page(done, total)` is called as each page is read (a
    progress bar). `jobs`: processes reading page ranges of one long PDF in parallel (the same document).
    `reader`: "auto", "playa" or "pdfminer" (what reads each page's characters and ruling; the same
    document; "auto" is playa from 4 pages on, extractor.locate.reader).
    Any failure about the file raises an ExtractorError whose
    `code` is stable (not_a_pdf, encrypted, damaged, timeout …).
    """
    from extractor.errors import Unreadable
    from extractor.guard import guarded
    from extractor.pipeline import extract_pdf

    path = Path(path)
    if engine not in ("camelot", "pdfplumber"):
        raise ValueError(f"engine must be 'camelot' or 'pdfplumber', not {engine!r}")
    if reader not in ("auto", "playa", "pdfminer"):
        raise ValueError(f"reader must be 'auto', 'playa' or 'pdfminer', not {reader!r}")
    if not path.is_file():
        raise Unreadable(f"{path.name}: " + ("no such file" if not path.exists() else
                                              "a folder, not a file" if path.is_dir() else "not a regular file"))
    wanted = sorted(set(pages)) if pages is not None else None
    with guarded(path, limits), _warnings.catch_warnings():
        _warnings.simplefilter("ignore")  # camelot's and pdfminer's chatter; our warnings are in the document
        kwargs = {"on_page": on_page} if on_page is not None else {}
        data = extract_pdf(path, engine=engine, pages=wanted, password=password, limits=limits, jobs=jobs,
                           reader=reader, **kwargs)
    n_pages = int((data.get("source") or {}).get("pages") or 0)
    beyond = [p for p in wanted or [] if p > n_pages]
    if beyond:
        raise PageOutOfRange(f"{path.name}: no page {_pages_text(beyond)}: the PDF has {n_pages} "
                             f"page{'s' if n_pages != 1 else ''}", n_pages)
    return Document.from_dict(data)


def _pages_text(pages: Sequence[int]) -> str:
    return f"{pages[0]}" if len(pages) == 1 else f"{pages[0]}-{pages[-1]}" if pages == list(
        range(pages[0], pages[-1] + 1)) else ",".join(map(str, pages))


def read_many(paths: Iterable[str | os.PathLike[str]], *, jobs: int | None = None, pages: Iterable[int] | None = None,
              engine: str = "camelot", password: str | None = None, limits: Limits | None = None,
              errors: str = "raise", reader: str = "auto") -> Iterator[Document]:
    """Read many PDFs (files, or folders searched for *.pdf recursively), yielding one Document each in
    the order given (a folder's PDFs sorted by path), `jobs` in parallel (default: the number of cores).

    `errors="raise"` raises the first failure's ExtractorError where that document would come;
    `errors="skip"` leaves failed files out.
    """
    if errors not in ("raise", "skip"):
        raise ValueError("errors must be 'raise' or 'skip'")
    files = _expand(paths)
    wanted = tuple(sorted(set(pages))) if pages is not None else None
    args = [(str(f), wanted, engine, password, limits, reader) for f in files]
    jobs = max(1, jobs or os.cpu_count() or 1)
    if jobs == 1 or len(args) <= 1:
        results: Iterator[tuple] = map(_read_one, args)
        yield from _documents(results, errors)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(max_workers=min(jobs, len(args)),
                             mp_context=multiprocessing.get_context(method)) as pool:
        yield from _documents(pool.map(_read_one, args), errors)


def _documents(results: Iterable[tuple], errors: str) -> Iterator[Document]:
    for status, payload in results:
        if status == "ok":
            yield Document.from_dict(payload)
        elif errors == "raise":
            name, message, code, n_pages = payload
            if name == "PageOutOfRange":
                raise PageOutOfRange(message, n_pages)
            from extractor import errors as E

            cls = getattr(E, name, ExtractorError)  # the same class as in the worker (NotAPdf, Encrypted …)
            raise (cls(message, code) if isinstance(cls, type) and issubclass(cls, ExtractorError)
                   else ExtractorError(message, code))


def _read_one(args: tuple) -> tuple[str, Any]:
    """A worker's job: the document as a dict, or the failure as plain values (both pickle safely)."""
    path, pages, engine, password, limits, reader = args
    try:
        return "ok", read(path, pages=pages, engine=engine, password=password, limits=limits,
                          reader=reader).to_dict()
    except ExtractorError as exc:
        return "error", (type(exc).__name__, str(exc), exc.code, getattr(exc, "n_pages", 0))


def _expand(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() == ".pdf"
                          and not q.name.startswith("."))
        else:
            out.append(p)
    return out
