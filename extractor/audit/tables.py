"""`table_sum`: the sums of a 部门预算's budget tables, read from the stitched `tables` by their headers.

Checked where a table prints them: 收入总计 = 支出总计; a row's 合计 = 基本支出 + 项目支出 (or another
column family of the rules file); a 功能分类/经济分类 row = the sum of the rows under its code (类 = Σ款,
款 = Σ项); a 合计 row = the sum of the 类 rows. Amounts are compared as printed, in the table's unit
(元 or 万元), allowing each summand the rounding of its last printed digit (sums of rounded figures).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from extractor.audit.finding import ERROR, Context, Finding
from extractor.audit.place import squeeze

_AMOUNT = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$")
_UNIT = re.compile(r"单位[：:]\s*(万元|元|千元|亿元)")
CODE_LABELS = {"类", "款", "项"}
TOTAL_ROW = {"合计", "总计"}
NOT_AMOUNT = ("编码", "代码", "编号", "序号", "名称", "科目")  # header words of columns that hold no amounts


def amount(text: Any) -> tuple[float, int] | None:
    """'3,296,600' -> (3296600.0, 0 decimals); '37.91' -> (37.91, 2); anything else -> None."""
    s = squeeze(text).replace("−", "-")
    m = _AMOUNT.match(s)
    if not m:
        return None
    return float(s.replace(",", "")), len(m.group(1) or "")


@dataclass
class Grid:
    """A table's rows with merged header text filled in, and where its header ends."""

    index: int
    rows: list[list[str | None]]
    header_rows: int
    labels: list[str]  # the deepest header label of each column
    paths: list[list[tuple[int, int]]]  # each column's header cells (their origins), top down
    unit: str | None
    parts: list[dict[str, Any]]

    def cell(self, r: int, c: int) -> str:
        row = self.rows[r]
        return squeeze(row[c]) if c < len(row) and row[c] else ""

    def value(self, r: int, c: int) -> tuple[float, int] | None:
        return amount(self.cell(r, c))

    def where(self, r: int) -> tuple[int | None, list[float] | None, bool]:
        """(page, part bbox, estimated?) of row r: rows are spread over the parts by the parts' heights,
        as the document does not record which rows each part holds."""
        parts = [p for p in self.parts if p.get("bbox")]
        if not parts:
            return None, None, False
        if len(parts) == 1:
            return parts[0].get("page"), [float(v) for v in parts[0]["bbox"]], False
        heights = [max(p["bbox"][3] - p["bbox"][1], 1.0) for p in parts]
        at = (r + 0.5) / max(len(self.rows), 1) * sum(heights)
        for part, h in zip(parts, heights):
            if at <= h:
                return part.get("page"), [float(v) for v in part["bbox"]], True
            at -= h
        return parts[-1].get("page"), [float(v) for v in parts[-1]["bbox"]], True


def grid_of(index: int, table: dict[str, Any]) -> Grid | None:
    rows = [list(r) for r in table.get("rows") or [] if isinstance(r, list)]
    if len(rows) < 2:
        return None
    n_cols = max(len(r) for r in rows)
    header = 0
    while header < len(rows) and (not any(amount(c) for c in rows[header] if c)
                                   or any(squeeze(c) == "栏次" for c in rows[header] if c)):
        header += 1  # a 栏次 row (1 | 2 | 3 numbering the columns) is part of the header
    if header == 0 or header >= len(rows):
        return None
    filled = [list(r) + [None] * (n_cols - len(r)) for r in rows[:header]]
    for r, c, rs, cs in table.get("spans") or []:
        for rr in range(r, min(r + rs, header)):
            for cc in range(c, min(c + cs, n_cols)):
                if filled[rr][cc] is None:
                    filled[rr][cc] = rows[r][c] if c < len(rows[r]) else None
    origin = {(r, c): (r, c) for r in range(header) for c in range(n_cols)}
    for r, c, rs, cs in table.get("spans") or []:
        for rr in range(r, min(r + rs, header)):
            for cc in range(c, min(c + cs, n_cols)):
                origin[(rr, cc)] = (r, c)
    labels, paths = [], []
    for c in range(n_cols):
        label = ""
        for r in range(header - 1, -1, -1):
            if filled[r][c]:
                label = squeeze(filled[r][c])
                break
        labels.append(label)
        path: list[tuple[int, int]] = []
        for r in range(header):
            o = origin[(r, c)]
            if o not in path and squeeze(filled[r][c]):
                path.append(o)
        paths.append(path)
    text = "".join(squeeze(c) for r in rows for c in r if c)
    unit = _UNIT.search(text)
    return Grid(index=index, rows=rows, header_rows=header, labels=labels, paths=paths, unit=unit.group(1) if unit else None,
                parts=[p for p in table.get("parts") or [] if isinstance(p, dict)])


def _tolerance(rounding: float, decimals: list[int], n_terms: int) -> float:
    step = 10.0 ** -max(decimals or [0])
    return rounding * step * max(n_terms, 1) + 1e-9


def _fmt(x: float, decimals: int) -> str:
    return f"{x:,.{decimals}f}"


def _finding(ctx: Context, g: Grid, r: int, message: str, **values: Any) -> Finding:
    page, bbox, estimated = g.where(r)
    unit = f"（单位：{g.unit}）" if g.unit else ""
    return Finding(rule="table_sum", severity=ERROR, message=message + unit, page=page, bbox=bbox,
                   values={"table": g.index, "row": r, **values, **({"page_estimated": True} if estimated else {})})


def grand_totals(ctx: Context, g: Grid) -> Iterator[Finding]:
    """收入总计 = 支出总计 (each the first amount printed to the right of its label)."""
    found: dict[str, tuple[int, float, int]] = {}
    for r in range(g.header_rows, len(g.rows)):
        for c in range(len(g.rows[r])):
            label = g.cell(r, c)
            if label in ("收入总计", "支出总计") and label not in found:
                for cc in range(c + 1, len(g.rows[r])):
                    v = g.value(r, cc)
                    if v:
                        found[label] = (r, *v)
                        break
    if len(found) < 2:
        return
    (r_in, income, d1), (r_out, spending, d2) = found["收入总计"], found["支出总计"]
    if abs(income - spending) > _tolerance(ctx.rules["tables"]["rounding"], [d1, d2], 2):
        d = max(d1, d2)
        yield _finding(ctx, g, r_in, f"收支总表：收入总计印的是 {_fmt(income, d)}，支出总计印的是 {_fmt(spending, d)}，"
                       f"两者应相等（相差 {_fmt(income - spending, d)}）", income=income, spending=spending)


def column_totals(ctx: Context, g: Grid) -> Iterator[Finding]:
    """On every row: the 合计 column = the sum of its part columns (合计 = 基本支出 + 项目支出)."""
    rounding = ctx.rules["tables"]["rounding"]
    for family in ctx.rules["tables"].get("columns") or []:
        parts = [g.labels.index(squeeze(p)) if squeeze(p) in g.labels else None for p in family["parts"]]
        if None in parts:
            continue
        totals = [c for c, label in enumerate(g.labels) if label == squeeze(family["total"]) and c < min(parts)]
        if not totals:
            continue
        total_col = max(totals)
        if not _one_family(g, total_col, parts):
            continue
        for r in range(g.header_rows, len(g.rows)):
            total = g.value(r, total_col)
            if total is None or any(w in g.labels[total_col] for w in NOT_AMOUNT[:4]):
                continue
            values = [g.value(r, c) for c in parts]
            if total is None or not any(values):
                continue
            got = sum(v[0] for v in values if v)
            decimals = [total[1]] + [v[1] for v in values if v]
            if abs(total[0] - got) > _tolerance(rounding, decimals, len(parts)):
                d = max(decimals)
                names = " + ".join(f"{family['parts'][k]} {_fmt(v[0], d) if v else '（空）'}"
                                   for k, v in enumerate(values))
                yield _finding(ctx, g, r, f"{_row_name(g, r)}：{family['total']}印的是 {_fmt(total[0], d)}，"
                               f"而 {names} = {_fmt(got, d)}", total=total[0], parts=got,
                               column=g.labels[total_col])


def _one_family(g: Grid, total: int, parts: list[int]) -> bool:
    """The total and its parts side by side under one parent header (支出预算 over 合计|基本支出|项目支出),
    so 合计 | 基本支出(人员经费, 公用经费) | 项目支出 is not read as 合计 = 人员经费 + 公用经费."""
    cols = [total] + parts
    if cols != list(range(total, total + len(cols))):
        return False
    parents = {tuple(g.paths[c][:-1]) for c in cols}
    return len(parents) == 1


def _code_columns(g: Grid) -> list[int]:
    split = [c for c, label in enumerate(g.labels) if label in CODE_LABELS]
    if split:
        first = split[0]
        if any(len(g.cell(r, first)) in (5, 7) and g.cell(r, first).isdigit()
               for r in range(g.header_rows, len(g.rows))):
            return [first]  # 类/款/项 printed as a header, the whole code in one column (20101)
        return split
    single = [c for c, label in enumerate(g.labels) if "编码" in label or "代码" in label][:1]
    if single:  # a 科目编码 header over 类 | 款 | 项 columns whose cells hold 201 | 05 | 07
        c = single[0]
        cols = [c]
        while c + 1 < len(g.labels) and _two_digit_column(g, c + 1, single[0]):
            c += 1
            cols.append(c)
        return cols
    return []


def _two_digit_column(g: Grid, c: int, first: int) -> bool:
    cells = [g.cell(r, c) for r in range(g.header_rows, len(g.rows)) if g.cell(r, first).isdigit()]
    filled = [x for x in cells if x]
    return bool(filled) and all(x.isdigit() and len(x) == 2 for x in filled)


def _row_code(g: Grid, r: int, cols: list[int]) -> tuple[str, ...] | None:
    """The row's code as its levels: ('201', '05', '07'), or from one code column 2010507 -> same."""
    cells = [g.cell(r, c) for c in cols]
    if len(cols) == 1:
        code = cells[0]
        if not code.isdigit() or len(code) not in (3, 5, 7):
            return None
        return tuple([code[:3]] + [code[i:i + 2] for i in range(3, len(code), 2)])
    if not cells[0].isdigit():
        return None
    key = []
    for cell in cells:
        if not cell:
            break
        if not cell.isdigit():
            return None
        key.append(cell)
    return tuple(key)


def _row_name(g: Grid, r: int) -> str:
    name_cols = [c for c, label in enumerate(g.labels) if "名称" in label]
    code = "".join(g.cell(r, c) for c in _code_columns(g))
    name = g.cell(r, name_cols[0]) if name_cols else ""
    first = next((g.cell(r, c) for c in range(len(g.rows[r])) if g.cell(r, c)), "")
    return f"第 {r + 1} 行“{' '.join(x for x in (code, name) if x) or first}”"


def code_sums(ctx: Context, g: Grid, continued: bool = False) -> Iterator[Finding]:
    """类 = Σ款 = Σ项 on every amount column; the 合计 row = Σ类.

    `continued`: the next table starts with coded rows and no header, so this one may go on there (a
    continuation the stitch stage did not join): a group running to the table's end, and the 合计 row,
    may lack rows printed on the next page, and are not checked.
    """
    cols = _code_columns(g)
    if not cols:
        return
    rounding = ctx.rules["tables"]["rounding"]
    coded: list[tuple[int, tuple[str, ...]]] = []
    total_rows, other_rows = [], []
    for r in range(g.header_rows, len(g.rows)):
        key = _row_code(g, r, cols)
        if key:
            coded.append((r, key))
        elif any(g.cell(r, c) in TOTAL_ROW for c in range(len(g.rows[r]))):
            total_rows.append(r)
        elif any(g.value(r, c) for c in range(max(cols) + 1, len(g.rows[r]))):
            other_rows.append(r)  # a unit row (125001 西安市…局) or a code not read: 合计 ≠ Σ类 then
    if not coded:
        return
    # A second code column further right starts a second table printed beside the first (经济分类 人员经费 |
    # 公用经费 halves): only the amounts between the two belong to these codes.
    end = next((c for c in range(max(cols) + 1, len(g.labels))
                if "编码" in g.labels[c] or "代码" in g.labels[c]), len(g.labels))
    amount_cols = [c for c in range(max(cols) + 1, end)
                   if not any(w in g.labels[c] for w in NOT_AMOUNT) and any(g.value(r, c) for r, _ in coded)]
    groups: list[tuple[int, list[int]]] = []  # (parent row, child rows)
    last = coded[-1][1]
    for r, key in coded:
        children = [rr for rr, kk in coded if len(kk) == len(key) + 1 and kk[:len(key)] == key]
        if children and not (continued and last[:len(key)] == key):
            groups.append((r, children))
    top = [r for r, key in coded if len(key) == 1]
    if not continued and not other_rows:
        groups += [(r, top) for r in total_rows if top]
    for parent, children in groups:
        for c in amount_cols:
            total = g.value(parent, c)
            if total is None:
                continue
            values = [g.value(r, c) for r in children]
            if not any(values):
                continue
            got = sum(v[0] for v in values if v)
            decimals = [total[1]] + [v[1] for v in values if v]
            if abs(total[0] - got) > _tolerance(rounding, decimals, len(children)):
                d = max(decimals)
                yield _finding(ctx, g, parent, f"{_row_name(g, parent)} 的“{g.labels[c]}”印的是 "
                               f"{_fmt(total[0], d)}，而它下面 {len(children)} 行之和是 {_fmt(got, d)}"
                               f"（相差 {_fmt(total[0] - got, d)}）", total=total[0], sum=got,
                               column=g.labels[c], rows=children)


def table_sum(ctx: Context) -> Iterator[Finding]:
    tables = [t if isinstance(t, dict) else {} for t in ctx.doc.get("tables") or []]
    for i, table in enumerate(tables):
        g = grid_of(i, table)
        if g is None:
            continue
        yield from grand_totals(ctx, g)
        yield from column_totals(ctx, g)
        yield from code_sums(ctx, g, continued=i + 1 < len(tables) and _continues(table, tables[i + 1]))


def _continues(table: dict[str, Any], after: dict[str, Any]) -> bool:
    """`after` looks like the rest of `table` on the next page, left unjoined: it starts on the page after
    and with a coded row (2080505 | 机关事业单位… | 3,720.78) or with one of `table`'s header rows."""
    pages = [p.get("page") for p in table.get("parts") or [] if isinstance(p, dict)]
    next_pages = [p.get("page") for p in after.get("parts") or [] if isinstance(p, dict)]
    if not pages or not next_pages or None in pages or next_pages[0] != max(pages) + 1:
        return False
    rows = after.get("rows") or []
    if not rows:
        return False
    first = next((squeeze(c) for c in rows[0] if c), "")
    if first.isdigit() and len(first) in (3, 5, 7):
        return True
    head = [squeeze(c) for c in rows[0] if c]
    return any([squeeze(c) for c in row if c] == head for row in (table.get("rows") or [])[:4])
