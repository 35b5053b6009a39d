"""An XLSX workbook for auditors: the project, indicator and department sheets, then every raw table.

Sheets: 项目, 指标, 部门指标 (the columns of the CSV files, typed: numbers as numbers, percentages as the
number printed, 90 for 90%), 警告 (every warning: file, page, code, message), 审核发现 (the findings, only for
audited documents), 表格 (an index of the raw tables: pages, title, unit, with links), then one sheet per
raw table that reproduces its merged cells so it reads as printed, its header rows frozen and its code
cells (科目编码 201, 05) kept as text. One workbook per PDF; a batch also writes batch.xlsx with the data
sheets across all PDFs and an index linking into each PDF's own workbook (no raw sheets: 331 of them
made it unusable).
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from extractor.write import rows as R
from extractor.write.atomic import atomic_write

MAX_WIDTH = 50  # characters; longer text wraps
RAW_MAX_WIDTH = 30
HEADER_FONT = Font(bold=True)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
FINDINGS_SHEET = "审核发现"  # the audit's findings, when the documents were audited

# A cell printed as a plain number: 5, 5.00, 1,234.56, -3.5, 25%, 25.00%. No leading zero (codes keep
# theirs), and long digit runs without separators (project codes, account numbers) stay text.
_NUMBER = re.compile(r"^(?P<sign>-?)(?P<int>0|[1-9]\d{0,8}|[1-9]\d{0,2}(?:,\d{3})+)(?:\.(?P<dec>\d+))?(?P<pct>%?)$")


def write_xlsx(docs: dict[str, Any] | Iterable[dict[str, Any]], path: str | os.PathLike[str], *,
               raw_tables: bool = True, workbooks: dict[str, str] | None = None) -> None:
    """Write one workbook for `docs` (one document, or several) to `path` atomically.

    `raw_tables=False` leaves out the sheet per raw table (a batch's combined workbook: one PDF's tables
    are in that PDF's own workbook); `workbooks` maps a document's `file` to its own workbook's path
    (relative to `path`), which the 表格 index then links to.
    """
    wb = build_workbook(docs, raw_tables=raw_tables, workbooks=workbooks)
    with atomic_write(path, "wb") as fh:
        wb.save(fh)


def workbook_bytes(docs: dict[str, Any] | Iterable[dict[str, Any]]) -> bytes:
    """The workbook as bytes (`extract --format xlsx -o -`)."""
    import io

    buf = io.BytesIO()
    build_workbook(docs).save(buf)
    return buf.getvalue()


INDEX_COLUMNS = ["file", "table", "sheet", "pages", "title", "unit", "n_rows", "n_cols", "first_cell"]


def build_workbook(docs: dict[str, Any] | Iterable[dict[str, Any]], *, raw_tables: bool = True,
                   workbooks: dict[str, str] | None = None) -> Workbook:
    docs = R.as_docs(docs)
    wb = Workbook()
    wb.remove(wb.active)
    _data_sheet(wb, "项目", R.project_columns(docs), R.project_rows(docs))
    _data_sheet(wb, "指标", R.INDICATOR_COLUMNS, R.indicator_rows(docs))
    _data_sheet(wb, "部门指标", R.DEPARTMENT_COLUMNS, R.department_rows(docs))
    _data_sheet(wb, "警告", R.WARNING_COLUMNS, R.warning_rows(docs))
    if any("findings" in doc for doc in docs):  # audited (extract --audit, audit --format xlsx)
        from extractor.audit.report import FINDING_COLUMNS, finding_rows

        _data_sheet(wb, FINDINGS_SHEET, FINDING_COLUMNS, finding_rows(docs))
    index = wb.create_sheet("表格")
    index_rows = []
    names = set(wb.sheetnames)
    several = len(docs) > 1 and raw_tables
    for d, doc in enumerate(docs, start=1):
        for t, table in enumerate(doc.get("tables") or [], start=1):
            name = _table_sheet_name(d if several else None, t, table, names if raw_tables else set())
            if raw_tables:
                names.add(name)
                _table_sheet(wb.create_sheet(name), table)
            index_rows.append({"file": R.file_of(doc), "table": t, "sheet": name,
                               "pages": R.pages_text(_table_pages(table)), "title": table.get("title"),
                               "unit": table.get("unit"), "n_rows": table.get("n_rows"),
                               "n_cols": table.get("n_cols"), "first_cell": _first_text(table)})
    columns = INDEX_COLUMNS if raw_tables else INDEX_COLUMNS[:2] + ["workbook"] + INDEX_COLUMNS[2:]
    if not raw_tables:
        for row in index_rows:
            row["workbook"] = (workbooks or {}).get(row["file"])
    _fill(index, columns, index_rows)
    for r, row in enumerate(index_rows, start=2):
        cell = index.cell(row=r, column=3)
        if raw_tables:
            cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{row['sheet']}'!A1")
        elif row.get("workbook"):
            cell.hyperlink = f"{row['workbook']}#'{row['sheet']}'!A1"
        else:
            continue
        cell.style = "Hyperlink"
    return wb


# ---------------------------------------------------------------- data sheets (项目, 指标, 部门指标, 表格)

def _data_sheet(wb: Workbook, title: str, columns: Sequence[str], rows: Sequence[R.Row]) -> None:
    _fill(wb.create_sheet(title), columns, rows)


def _fill(ws: Worksheet, columns: Sequence[str], rows: Sequence[R.Row]) -> None:
    ws.append(list(columns))
    for cell in ws[1]:
        cell.font = HEADER_FONT
    for r, row in enumerate(rows, start=2):
        for c, col in enumerate(columns, start=1):
            value = row.get(col)
            if value is None:
                continue
            cell = ws.cell(row=r, column=c)
            _set(cell, value)
            if isinstance(value, str) and ("\n" in value or _text_width(value) > MAX_WIDTH - 2):
                cell.alignment = WRAP_TOP
    ws.freeze_panes = "A2"
    if rows:
        ws.auto_filter.ref = ws.dimensions
    widths = []
    for c, col in enumerate(columns, start=1):
        texts = [col] + [_show(row.get(col)) for row in rows]
        widths.append(_width(texts, MAX_WIDTH))
        ws.column_dimensions[get_column_letter(c)].width = widths[-1]
    for r, row in enumerate(rows, start=2):
        lines = max((_lines(row.get(col), widths[c]) for c, col in enumerate(columns)), default=1)
        if lines > 1:
            ws.row_dimensions[r].height = _height(lines)


# ---------------------------------------------------------------- raw table sheets

def _table_sheet(ws: Worksheet, table: dict[str, Any]) -> None:
    rows = table.get("rows") or []
    spans = [tuple(s) for s in table.get("spans") or []]
    wide = {(r, c) for r, c, rs, cs in spans if cs > 1}
    codes = code_cells(rows, spans)
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row, start=1):
            if text is None or text == "":
                continue
            cell = ws.cell(row=r, column=c)
            number = None if (r - 1, c - 1) in codes else _number(text)
            if number is None:
                _set(cell, text)
            else:
                cell.value, cell.number_format = number
            cell.alignment = WRAP_TOP
    for r, c, rs, cs in spans:
        if rs > 1 or cs > 1:
            # The covered cells are never written (their text is None), so the range is recorded directly:
            # ws.merge_cells would also create a placeholder object per covered cell, a third of the time.
            ws.merged_cells.add(CellRange(min_row=r + 1, min_col=c + 1, max_row=r + rs, max_col=c + cs))
    ws.freeze_panes = f"A{R.header_rows(rows, spans) + 1}"  # every header row stays in view
    n_cols = max((len(row) for row in rows), default=0)
    widths = []
    for c in range(n_cols):
        texts = [row[c] for r, row in enumerate(rows) if c < len(row) and (r, c) not in wide]
        widths.append(_width(texts, RAW_MAX_WIDTH, minimum=8))
        ws.column_dimensions[get_column_letter(c + 1)].width = widths[-1]
    _fit_row_heights(ws, rows, spans, widths)


# A header or label naming a code (科目编码 201, 项目编号 05, 单位代码): its cells stay text in Excel,
# whatever digits they hold, so 201 and 05 look alike and nothing is summed or loses a zero.
_CODE_LABEL = re.compile(r"编码|代码|编号|科目|code", re.I)


def code_cells(rows: Sequence[Sequence[str | None]], spans: Sequence[Sequence[int]]) -> set[tuple[int, int]]:
    """(row, col) of every cell holding a code: the body of a column whose header names a code, and the
    value printed right of a code label in a form-like table (项目编码 | 13081124P… )."""
    out: set[tuple[int, int]] = set()
    n_head = R.header_rows(rows, spans)
    columns = {c for r in range(n_head) for c, text in enumerate(rows[r]) if text and _CODE_LABEL.search(text)}
    for r in range(n_head, len(rows)):
        out.update((r, c) for c in columns if c < len(rows[r]))
    for r, row in enumerate(rows):
        label = None
        for c, text in enumerate(row):
            if text is None:
                continue
            if label is not None:
                out.add((r, c))
            label = text if len(text) <= 12 and _CODE_LABEL.search(text) else None
    return out


def _table_pages(table: dict[str, Any]) -> list[int]:
    return sorted({p["page"] for p in table.get("parts") or []})


def _table_sheet_name(doc_no: int | None, table_no: int, table: dict[str, Any], taken: set[str]) -> str:
    """表3 p7-8, or F2 表3 p7-8 in a batch workbook (sheet names are at most 31 characters)."""
    pages = _table_pages(table)
    where = f" p{pages[0]}" + (f"-{pages[-1]}" if len(pages) > 1 else "") if pages else ""
    name = (f"F{doc_no} " if doc_no else "") + f"表{table_no}{where}"
    name = name[:31]
    base, n = name, 2
    while name in taken:
        suffix = f"~{n}"
        name = base[:31 - len(suffix)] + suffix
        n += 1
    return name


def _first_text(table: dict[str, Any]) -> str | None:
    for row in table.get("rows") or []:
        for text in row:
            if text:
                return text
    return None


# ---------------------------------------------------------------- cells

def _set(cell, value: Any) -> None:
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.value = value
        if value.startswith("="):  # text such as "=100.00(%)" is not a formula
            cell.data_type = "s"
    else:
        cell.value = value


def _number(text: str) -> tuple[float | int, str] | None:
    """'1,234.50' -> (1234.5, '#,##0.00'); '25%' -> (0.25, '0%'); anything else -> None (stays text)."""
    m = _NUMBER.match(text.strip())
    if not m:
        return None
    digits = m["int"].replace(",", "")
    dec = m["dec"] or ""
    number: float | int = float(f"{m['sign']}{digits}.{dec}") if dec else int(m["sign"] + digits)
    fmt = ("#,##0" if "," in m["int"] else "0") + (("." + "0" * len(dec)) if dec else "")
    if m["pct"]:
        number = number / 100
        fmt = "0" + (("." + "0" * len(dec)) if dec else "") + "%"
    elif fmt == "0":
        fmt = "General"
    return number, fmt


def _show(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _text_width(line: str) -> int:
    """Width in Excel character units: CJK (wide) characters count double."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def _width(texts: Iterable[str | None], cap: int, minimum: int = 6) -> float:
    """A column width that shows the longest line, at least `minimum`, at most `cap` (longer text wraps)."""
    longest = 0
    for text in texts:
        for line in (text or "").split("\n"):
            longest = max(longest, _text_width(line))
    return float(min(max(longest + 2, minimum), cap))


def _lines(value: Any, width: float) -> int:
    """How many lines `value` takes when wrapped in a column `width` wide."""
    if not isinstance(value, str) or not value:
        return 1
    room = max(width - 1, 1)
    return sum(max(1, -(-_text_width(line) // int(room))) for line in value.split("\n"))


def _height(lines: int) -> float:
    """Row height in points for so many lines of 11-point text (Excel's limit is 409)."""
    return float(min(15 * lines, 409))


def _fit_row_heights(ws: Worksheet, rows: Sequence[Sequence[str | None]], spans: Sequence[tuple[int, ...]],
                     widths: Sequence[float]) -> None:
    """Set row heights so wrapped text shows (openpyxl cannot ask Excel to fit them). A merged cell's
    text wraps in the width of all its columns and shares its height among its rows."""
    size = {(r, c): (rs, cs) for r, c, rs, cs in spans}
    need = [1.0] * len(rows)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if not text:
                continue
            rs, cs = size.get((r, c), (1, 1))
            lines = _lines(text, sum(widths[c:c + cs]))
            for k in range(r, min(r + rs, len(rows))):
                need[k] = max(need[k], lines / rs)
    for r, lines in enumerate(need, start=1):
        if lines > 1:
            ws.row_dimensions[r].height = _height(-(-int(lines * 10) // 10))
