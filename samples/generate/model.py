"""The sample document model: what a budget-performance PDF says, and how it is laid out.

The model is renderer-neutral. A renderer (reportlab in `render_rl.py`, LibreOffice in H1b's module) draws a
`Document` according to its `Layout` and reports where things landed in a `Placement`. The expected contract
JSON (`expected_json`) is built from the model plus that placement only: the truth comes from the model,
never from `extractor.normalize` or from reading the PDF back.

Strings in the model are the cell/heading texts *as printed, joined*: a renderer may wrap them onto several
lines inside a cell, but never adds or drops characters (a wrap never falls next to a real space, so the
extractor's "join wrapped lines with nothing" gives the model string back).

Tables: every ruled table is described once as a `LogicalTable` (rows of `Cell`s on one grid, merges as
rowspan/colspan). `department_table()` and `project_table()` build them from the model, so every renderer
draws the same grid and the golden `tables` entries are exactly these.
"""

from __future__ import annotations

import re

import hashlib
from dataclasses import dataclass, field
from typing import Any

# --------------------------------------------------------------------------------------------- values

#: Canonical unit spellings of the contract (only percent has aliases; everything else is kept as printed).
PERCENT_ALIASES = {"百分比", "％", "%", "百分之"}


@dataclass(frozen=True)
class Value:
    """An indicator value: `raw` exactly as printed, and the reading the contract expects.

    Built by hand (or by the small constructors below, which *compose* `raw` from the parts, so the
    direction is always truth -> print, never print -> parse).
    """

    raw: str
    op: str | None = None
    number: float | None = None
    upper: float | None = None
    unit: str | None = None
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"raw": self.raw, "op": self.op, "number": self.number, "upper": self.upper,
                "unit": self.unit, "text": self.text}


def canon_unit(unit: str | None) -> str | None:
    """The contract's unit spelling: 百分比/％/百分之 -> %, brackets and spaces dropped, 个 before 百分点/工作日 dropped."""
    if unit is None:
        return None
    u = unit.replace(" ", "").strip("()（）")
    if u in PERCENT_ALIASES:
        return "%"
    if u in ("个百分点", "个工作日"):
        return u[1:]
    return u or None


def val(raw: str, op: str | None = None, number: float | None = None, unit: str | None = None,
        upper: float | None = None, text: str | None = None) -> Value:
    """A value given by hand: raw as printed plus its reading (unit canonicalised)."""
    return Value(raw=raw, op=op, number=None if number is None else float(number),
                 upper=None if upper is None else float(upper), unit=canon_unit(unit), text=text)


def qual(text: str) -> Value:
    """A purely qualitative value (`按时完成`)."""
    return Value(raw=text, text=text)


# ----------------------------------------------------------------------------------------- document


@dataclass
class GradedIndicator:
    """A department indicator with one value per grade column (优/良/中/差)."""

    name: str
    grades: dict[str, Value]


@dataclass
class Section:
    """A 分项绩效目标 section of 第一部分 (综合科 …): its goal and its graded indicator table."""

    name: str  # as the contract wants it, without "（一）"
    goal: str | None
    indicators: list[GradedIndicator]
    heading: str = ""  # as printed, e.g. "（一）综合科"; defaults to name


@dataclass
class Department:
    """第一部分 部门整体绩效目标."""

    overall_goal: str | None
    sections: list[Section]
    grade_labels: list[str] = field(default_factory=lambda: ["优", "良", "中", "差"])
    duties_goal: list[str] = field(default_factory=list)  # 职责分类绩效目标 paragraphs (printed, not in JSON)
    measures: list[str] = field(default_factory=list)  # 三、工作保障措施 paragraphs (printed, not in JSON)


@dataclass
class Indicator:
    """One indicator row of a project table. `description`/`basis` are None where the layout has no column."""

    level1: str
    level2: str
    level3: str
    description: str | None
    value: Value
    basis: str | None
    # other labelled indicator columns, label -> text as printed (the central layout's 指标解释)
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass
class Project:
    """One project performance table (N. XXX绩效目标表)."""

    title: str  # heading as printed without the "N. " number: "法律顾问绩效目标表"
    code: str | None
    name: str | None
    amount_unit: str  # "万元" or "元"
    budget_total: str  # amounts as printed ("5.00", "13,459.00"); "" for an empty cell
    budget_fiscal: str
    budget_other: str
    purpose: str | None
    periods: list[tuple[str, str]]  # (label as printed "3 月底", percent as printed "25%")
    goals: list[str]  # as printed, numbered: "1. 提高……"
    indicators: list[Indicator]
    attributes: dict[str, str] = field(default_factory=dict)  # other labelled header fields (printed rows)
    code_label: str = "项目编码"  # table 3 of the seed prints 项目编号
    toc_title: str | None = None  # title as the table of contents prints it, when it differs
    total_label: str = "年度资金申请总额"  # the central layout's label of budget_total (or 年度资金总额)

    @property
    def budget(self) -> dict[str, float | None]:
        return {"total": amount(self.budget_total), "fiscal": amount(self.budget_fiscal),
                "other": amount(self.budget_other)}

    @property
    def goal_texts(self) -> list[str]:
        return [strip_goal_number(g) for g in self.goals]

    @property
    def spending_plan(self) -> list[dict[str, Any]]:
        return [{"period": label.replace(" ", ""), "percent": float(pct.rstrip("%").strip())}
                for label, pct in self.periods]


def amount(printed: str) -> float | None:
    s = printed.replace(",", "").strip()
    return float(s) if s else None


def strip_goal_number(goal: str) -> str:
    """`1. 提高…` / `1．` / `（1）` -> the goal text (the model knows the numbers it printed)."""
    for i, ch in enumerate(goal):
        if not (ch.isdigit() or ch in ".．、()（） "):
            return goal[i:]
    return goal


@dataclass
class Document:
    title: str
    year: int | None
    organization: str | None
    organization_code: str | None
    department: Department | None
    projects: list[Project]
    publisher_line: str | None = None  # cover line under the title ("……编制")


# ------------------------------------------------------------------------------------------- layout


@dataclass
class Layout:
    """How a document is drawn. Renderer-neutral choices; a renderer may ignore what it cannot do.

    page_breaks: keys naming where a new page starts, e.g. "before:part2", "before:project:3",
        "before:section:2", "before:measures".
    cut_rows: {"project:8": True} lets a table row be split at the page break (the lines that fit stay,
        the rest continue after the repeated header); otherwise a row that does not fit moves whole.
    forced_space: {"project:2": 120.0} adds blank space (points) before a block, to push a break where wanted.
    line_breaks: {text: [char offsets]} fixes where a cell string wraps (else the renderer wraps at width).
    col_widths: the 7 grid column widths of project tables, as fractions.
    """

    name: str
    page_size: tuple[float, float] = (595.28, 841.89)  # A4 portrait, points
    landscape_from: str | None = None  # "project:1": pages from that block on are landscape
    margins: tuple[float, float, float, float] = (56.69, 70.0, 56.69, 70.0)  # left, top, right, bottom
    body_font: str = "uming"  # "uming" (宋体-like) or "wqy" (黑体-like)
    heading_font: str = "wqy"
    table_font: str = "uming"
    table_font_size: float = 9.0
    body_size: float = 12.0  # prose (government documents often use 16 pt, 三号)
    border: str = "lines"  # "lines" or "rects" (thin filled rectangles, as WPS exports)
    col_widths: list[float] | None = None
    with_cover: bool = True
    with_toc: bool = True
    footer_numbers: bool = True
    footer_first_numbered: int = 3  # physical page printed as "1" (cover and TOC unnumbered)
    table_style: str = "hebei"  # "hebei" (seed layout) or "central" (指标性质/指标值/度量单位 columns)
    page_breaks: set[str] = field(default_factory=set)
    cut_rows: dict[str, bool] = field(default_factory=dict)
    forced_space: dict[str, float] = field(default_factory=dict)
    line_breaks: dict[str, list[int]] = field(default_factory=dict)
    print_as: dict[str, str] = field(default_factory=dict)  # in table cells, draw a char as a look-alike code
    # point (Kangxi radical ⽤ for 用), as some producers' font maps give; the model keeps the unified ideograph
    number_titles: bool = True  # project headings printed "1. XXX绩效目标表" (else just the title)
    unit_line: bool = True  # "133001 承德…本级" and "单位：万元" above each project table


# ------------------------------------------------------------------------------------- logical tables


@dataclass
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False  # drawn bold/centered by renderers that care
    breaks: tuple[int, ...] = ()  # char offsets where a new printed line must start (one goal per line)


@dataclass
class LogicalTable:
    """A ruled table on one grid. `rows[r][c]` is a Cell where a cell starts, None where a merge covers it.

    `repeat_rows`: the header rows printed again at the top of a continuation page.
    `key`: "section:N" or "project:N" (1-based), matching Layout keys and Placement.
    """

    key: str
    rows: list[list[Cell | None]]
    repeat_rows: list[int] = field(default_factory=list)

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_cols(self) -> int:
        return len(self.rows[0]) if self.rows else 0

    def contract_rows(self) -> list[list[str | None]]:
        return [[None if c is None else c.text for c in row] for row in self.rows]

    def spans(self) -> list[list[int]]:
        return [[r, c, cell.rowspan, cell.colspan] for r, row in enumerate(self.rows)
                for c, cell in enumerate(row) if cell is not None and (cell.rowspan > 1 or cell.colspan > 1)]


def _grid(cells: list[list[Cell]], n_cols: int) -> list[list[Cell | None]]:
    """Place row-wise cell lists onto a grid, skipping positions covered by earlier merges."""
    grid: list[list[Cell | None]] = []
    covered: set[tuple[int, int]] = set()
    for r, row in enumerate(cells):
        out: list[Cell | None] = [None] * n_cols
        c = 0
        for cell in row:
            while (r, c) in covered:
                c += 1
            out[c] = cell
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    if dr or dc:
                        covered.add((r + dr, c + dc))
            c += cell.colspan
        while (r, c) in covered:
            c += 1
        if c != n_cols:
            raise ValueError(f"row {r} fills {c} of {n_cols} columns")
        grid.append(out)
    return grid


def department_table(section: Section, grade_labels: list[str], key: str) -> LogicalTable:
    n = len(grade_labels)
    rows = [[Cell("绩效指标", rowspan=2, header=True), Cell("评价标准", colspan=n, header=True)],
            [Cell(g, header=True) for g in grade_labels]]
    for ind in section.indicators:
        rows.append([Cell(ind.name)] + [Cell(ind.grades[g].raw) for g in grade_labels])
    return LogicalTable(key=key, rows=_grid(rows, n + 1), repeat_rows=[0, 1])


def _runs(values: list[str]) -> list[tuple[str, int]]:
    """Consecutive equal level1/level2 values -> (value, rowspan) runs (merged cells)."""
    runs: list[tuple[str, int]] = []
    for v in values:
        if runs and runs[-1][0] == v:
            runs[-1] = (v, runs[-1][1] + 1)
        else:
            runs.append((v, 1))
    return runs


#: More project table styles, by name: style -> (Project, key) -> LogicalTable (random_docs adds "shanghai").
TABLE_STYLES: dict[str, Any] = {}


def project_table(p: Project, key: str, style: str = "hebei") -> LogicalTable:
    """The seed's 7-column project table (style "hebei"), the central 9-column one (style "central"), or
    one registered in TABLE_STYLES."""
    if style == "central":
        return _central_table(p, key)
    if style in TABLE_STYLES:
        return TABLE_STYLES[style](p, key)
    rows: list[list[Cell]] = [
        [Cell(p.code_label, header=True), Cell(p.code or "", colspan=2), Cell("项目名称", header=True),
         Cell(p.name or "", colspan=3)],
        [Cell("预算规模及资金用途", rowspan=2, header=True), Cell("预算数", header=True), Cell(p.budget_total),
         Cell("其中：财政资金", header=True), Cell(p.budget_fiscal), Cell("其他资金", header=True),
         Cell(p.budget_other)],
        [Cell(p.purpose or "", colspan=6)],
    ]
    for label, text in p.attributes.items():
        rows.append([Cell(label, header=True), Cell(text, colspan=6)])
    if p.periods:
        spans = {3: [2, 2, 2], 4: [2, 1, 1, 2], 2: [3, 3], 1: [6], 5: [2, 1, 1, 1, 1], 6: [1] * 6}[len(p.periods)]
        rows.append([Cell("资金支出计划（%）", rowspan=2, header=True)]
                    + [Cell(lbl, colspan=s, header=True) for (lbl, _), s in zip(p.periods, spans)])
        rows.append([Cell(pct, colspan=s) for (_, pct), s in zip(p.periods, spans)])
    rows.append([Cell("绩效目标", header=True), goals_cell(p.goals, 6)])
    header_row = len(rows)
    rows.append([Cell(h, header=True) for h in ("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值")]
                + [Cell("指标值确定依据", colspan=2, header=True)])
    body = _indicator_rows(p.indicators)
    for i, ind in enumerate(p.indicators):
        row = body[i] + [Cell(ind.description or ""), Cell(ind.value.raw), Cell(ind.basis or "", colspan=2)]
        rows.append(row)
    return LogicalTable(key=key, rows=_grid(rows, 7), repeat_rows=[header_row])


def goals_cell(goals: list[str], colspan: int) -> Cell:
    """Numbered goals, one per printed line; the contract cell text joins lines with nothing."""
    offsets, pos = [], 0
    for g in goals[:-1]:
        pos += len(g)
        offsets.append(pos)
    return Cell("".join(goals), colspan=colspan, breaks=tuple(offsets))


def _indicator_rows(inds: list[Indicator]) -> list[list[Cell]]:
    """level1/level2/level3 cells with level1 and level2 merged over runs of equal values."""
    out: list[list[Cell]] = [[] for _ in inds]
    i = 0
    for v1, n1 in _runs([x.level1 for x in inds]):
        out[i].append(Cell(v1, rowspan=n1))
        j = i
        for v2, n2 in _runs([x.level2 for x in inds[i:i + n1]]):
            out[j].append(Cell(v2, rowspan=n2))
            j += n2
        i += n1
    for k, ind in enumerate(inds):
        out[k].append(Cell(ind.level3))
    return out


def _central_table(p: Project, key: str) -> LogicalTable:
    """Central-government style: 指标性质 / 指标值 / 度量单位 as three columns (7 grid columns, each boundary
    used by the indicator rows), and an 8th, 指标解释, where the project's indicators have one (their
    attributes). Values must be built with `central_val` (raw = the three printed pieces)."""
    explained = any(EXPLANATION in ind.attributes for ind in p.indicators)
    n = 8 if explained else 7
    rows: list[list[Cell]] = [
        [Cell("项目名称", header=True), Cell(p.name or "", colspan=3), Cell("项目编码", header=True),
         Cell(p.code or "", colspan=n - 5)],
    ]
    for label, text in p.attributes.items():
        rows.append([Cell(label, header=True), Cell(text, colspan=n - 1)])
    rows += [
        [Cell(f"项目资金（{p.amount_unit}）", rowspan=3, header=True), Cell(p.total_label, colspan=2, header=True),
         Cell(p.budget_total, colspan=n - 3)],
        [Cell("其中：财政资金", colspan=2, header=True), Cell(p.budget_fiscal, colspan=n - 3)],
        [Cell("其他资金", colspan=2, header=True), Cell(p.budget_other, colspan=n - 3)],
        [Cell("资金用途", header=True), Cell(p.purpose or "", colspan=n - 1)],
        [Cell("绩效目标", header=True), goals_cell(p.goals, n - 1)],
    ]
    header_row = len(rows)
    rows.append([Cell(h, header=True) for h in ("一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位",
                                                "指标值设定依据及数据来源", EXPLANATION)[:n]])
    body = _indicator_rows(p.indicators)
    for i, ind in enumerate(p.indicators):
        op_s, num_s, unit_s = CENTRAL_PARTS[ind.value.raw]
        rows.append(body[i] + [Cell(op_s), Cell(num_s), Cell(unit_s), Cell(ind.basis or "")]
                    + ([Cell(ind.attributes.get(EXPLANATION, ""))] if explained else []))
    return LogicalTable(key=key, rows=_grid(rows, n), repeat_rows=[header_row])


EXPLANATION = "指标解释"  # the central layout's optional last indicator column (contract: indicator attributes)


#: raw -> (指标性质, 指标值, 度量单位) as printed in the three central-layout columns.
CENTRAL_PARTS: dict[str, tuple[str, str, str]] = {}


def central_val(op_s: str, num_s: str, unit_s: str, op: str | None, number: float | None,
                unit: str | None = None, text: str | None = None, upper: float | None = None) -> Value:
    """A value printed in three columns; raw is the three joined (contract: parse_value_columns)."""
    raw = op_s + num_s + unit_s
    CENTRAL_PARTS[raw] = (op_s, num_s, unit_s)
    return val(raw, op, number, unit if unit is not None else (unit_s or None), upper=upper, text=text)


def all_tables(doc: Document, layout: Layout) -> list[LogicalTable]:
    """Every ruled table of the document in print order (department sections, then projects)."""
    tables: list[LogicalTable] = []
    if doc.department:
        for i, s in enumerate(doc.department.sections, 1):
            tables.append(department_table(s, doc.department.grade_labels, f"section:{i}"))
    for i, p in enumerate(doc.projects, 1):
        tables.append(project_table(p, f"project:{i}", layout.table_style))
    return tables


# ---------------------------------------------------------------------------------------- placement


@dataclass
class TablePlacement:
    """Where a renderer put one logical table: page parts (1-based physical page, pdfplumber top-down bbox
    of the outer rules) and the page each logical row starts on."""

    parts: list[tuple[int, tuple[float, float, float, float]]]
    row_pages: list[int]


@dataclass
class Placement:
    n_pages: int
    tables: dict[str, TablePlacement]  # by LogicalTable.key
    heading_pages: dict[str, int]  # "project:N" -> page of its heading


# ------------------------------------------------------------------------------------ expected JSON


_PROSE_MARKER = re.compile(r"^[（(][一二三四五六七八九十]{1,3}[)）]\s*")


def _prose_item(text: str) -> str:
    return _PROSE_MARKER.sub("", "".join(text.split()))


def expected_json(doc: Document, layout: Layout, placement: Placement, pdf_bytes: bytes,
                  file_name: str) -> dict[str, Any]:
    """The output contract for the rendered PDF, from the model and the placement alone."""
    tables = all_tables(doc, layout)
    by_key = {t.key: t for t in tables}
    department = None
    if doc.department:
        secs = []
        for i, s in enumerate(doc.department.sections, 1):
            key = f"section:{i}"
            pl = placement.tables[key]
            inds = [{"name": ind.name,
                     "grades": {g: ind.grades[g].to_dict() for g in doc.department.grade_labels},
                     "page": pl.row_pages[2 + k]} for k, ind in enumerate(s.indicators)]
            secs.append({"name": s.name, "goal": s.goal, "indicators": inds})
        department = {"overall_goal": doc.department.overall_goal, "sections": secs}
        # the prose part's items as the contract reads them: list markers (（一）) and white space removed;
        # a measure's title is the phrase before its first 。
        if doc.department.duties_goal:
            department["duty_goals"] = [_prose_item(d) for d in doc.department.duties_goal]
        if doc.department.measures:
            department["measures"] = [{"title": _prose_item(m).split("。", 1)[0], "text": _prose_item(m)}
                                      for m in doc.department.measures]
    projects = []
    warnings = []
    for i, p in enumerate(doc.projects, 1):
        key = f"project:{i}"
        t, pl = by_key[key], placement.tables[key]
        first_ind = t.repeat_rows[0] + 1
        projects.append({
            "seq": i,
            "title": p.title,
            "code": p.code,
            "name": p.name,
            "amount_unit": p.amount_unit,
            "budget": p.budget,
            "purpose": p.purpose,
            "spending_plan": p.spending_plan,
            "goals": p.goal_texts,
            "attributes": dict(p.attributes),
            "indicators": [{"level1": ind.level1, "level2": ind.level2, "level3": ind.level3,
                            "description": ind.description if layout.table_style == "hebei" else None,
                            "value": ind.value.to_dict(), "basis": ind.basis,
                            "page": pl.row_pages[first_ind + k]} for k, ind in enumerate(p.indicators)],
            "pages": sorted({pg for pg, _ in pl.parts}),
        })
        if p.toc_title and p.toc_title != p.title and layout.with_toc:
            warnings.append({"code": "toc_title_mismatch",
                             "message": f"table of contents says {p.toc_title!r}, the table says {p.title!r}",
                             "page": placement.heading_pages[key]})
    return {
        "schema_version": 1,
        "source": {"file": file_name, "sha256": hashlib.sha256(pdf_bytes).hexdigest(),
                   "pages": placement.n_pages},
        "document": {"title": doc.title, "year": doc.year, "organization": doc.organization,
                     "organization_code": doc.organization_code},
        "department": department,
        "projects": projects,
        "tables": [{"parts": [{"page": pg, "bbox": [round(v, 1) for v in bb]}
                              for pg, bb in placement.tables[t.key].parts],
                    "n_rows": t.n_rows, "n_cols": t.n_cols, "rows": t.contract_rows(), "spans": t.spans(),
                    "engine": "camelot"} for t in tables],
        "warnings": warnings,
    }
