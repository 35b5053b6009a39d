"""Project performance tables, read by their header text.

One reader serves the layouts seen so far, because they differ in where labels sit, not in what they say:
- Hebei 绩效目标表 (seed): 项目编码 | 项目名称 | 预算规模及资金用途 (预算数, 其中：财政资金, 其他资金, purpose) |
  资金支出计划（%） (periods over percentages) | 绩效目标 | 一级/二级/三级指标, 绩效指标描述, 指标值, 指标值确定依据.
- Shanghai 财政项目支出绩效目标填报表: title row inside the table, 项目名称/项目性质/项目类别, 主管部门/实施单位,
  dates, a 项目资金（元） block, 项目总目标 / 年度总体目标 as column heads over their text, 年度(/项目)指标值.
- Central: 指标性质 / 指标值 / 度量单位 as three columns read into one VALUE.

A label's value is the cell right of it; where that is another label (or nothing), the cell below it with
the same columns (a column head, as 项目总目标 over its text).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from extractor.interpret import labels as L
from extractor.interpret.cells import Cell, CellMap, squeeze
from extractor.interpret.fields import amount, percent, split_goals
from extractor.interpret.indicators import IndicatorHeader, find_indicator_header, read_rows
from extractor.interpret.records import Execution, Indicator, PlanPeriod, Project
from extractor.model import Table, Warning


def looks_like_project(cm: CellMap) -> bool:
    """Does this table claim to be a project table (so failing to read it deserves a warning)?"""
    texts = set(c.text for c in cm.cells)  # each text asked once (a budget table repeats many)
    if any(L.matches(L.LEVEL1, t) or L.matches(L.INDICATOR_HINTS, t) for t in texts):
        return True
    named = {t for t in texts if L.matches(L.CODE, t) or L.matches(L.NAME, t)}
    for cell in cm.cells:  # 项目名称 as a form label (over other labels), not as a budget list's column head
        if cell.text in named:
            below = cm.below(cell)
            if below is None or L.is_known_label(below.text):
                return True
    return False


@dataclass
class _Candidates:
    """Labels that can fill one budget field; the best-ranked wins, the rest stay attributes."""

    items: list[tuple[int, str, str]] = field(default_factory=list)  # (rank, label, value text)

    def add(self, rank: int, label: str, value: str) -> None:
        self.items.append((rank, label, value))

    def best(self) -> tuple[str, str] | None:
        if not self.items:
            return None
        rank, label, value = min(self.items, key=lambda x: x[0])
        return label, value

    def others(self) -> list[tuple[str, str]]:
        best = self.best()
        out, skipped = [], False
        for _, label, value in self.items:
            if not skipped and best is not None and (label, value) == best:
                skipped = True
                continue
            out.append((label, value))
        return out


_SCORED_LABEL = regex.compile(r"(\p{Han}{2,12})[（(](\d+(?:\.\d+)?)分?[)）]")
_INLINE_LABEL = regex.compile(r"^(\p{Han}{2,10})[：:]\s*(\S.*)$", regex.S)


class _HeaderReader:
    """Reads the labelled fields above the indicator rows into a Project."""

    def __init__(self, cm: CellMap, end_row: int, page: int, warnings: list[Warning]):
        self.cm, self.end_row, self.page, self.warnings = cm, end_row, page, warnings
        self.used: set[tuple[int, int]] = set()

    def _is_label(self, cell: Cell | None) -> bool:
        return cell is not None and L.is_strong_label(cell.text)

    def _value_of(self, label: Cell) -> Cell | None:
        right = self.cm.right_of(label)
        if right is not None and (right.row, right.col) not in self.used and not self._is_label(right):
            return right
        below = self.cm.below(label)
        if (below is not None and below.col == label.col and below.colspan == label.colspan
                and below.row < self.end_row and not self._is_label(below)):
            return below
        return None

    def read(self, project: Project) -> None:
        cm = self.cm
        total, fiscal = _Candidates(), _Candidates()
        other_seen = False
        attributes: dict[str, str | None] = {}
        goals_text: str | None = None
        purpose_groups: list[Cell] = []
        groups: list[Cell] = []  # labels naming a block of rows (预算规模及资金用途, 项目资金（元）)
        header_cells = sorted((c for c in cm.cells if c.row < self.end_row), key=lambda c: (c.row, c.col))

        # a title row inside the table (Shanghai): one cell across the table, ending in 表
        if header_cells and header_cells[0].row == 0 and header_cells[0].colspan == cm.n_cols:
            t = squeeze(header_cells[0].text)
            if t.endswith("表"):
                project.title = t  # the table's own title row names it better than a heading above
                self.used.add((0, 0))

        for cell in header_cells:
            key = (cell.row, cell.col)
            text = cell.text or ""
            s = L.label_text(text)
            if key in self.used or not s:
                continue
            unit = L.AMOUNT_UNIT_IN_LABEL.search(s)
            if unit and project.amount_unit is None and L.is_known_label(s):
                project.amount_unit = unit.group(1)
            if L.matches(L.PLAN, s):
                self.used.add(key)
                self._read_plan(cell, project)
                continue
            if L.matches(L.GROUPS, s):
                self.used.add(key)
                groups.append(cell)
                if "用途" in s:
                    purpose_groups.append(cell)
                continue
            whole = L.label_of_part(s) if cm.right_of(cell) is not None else None
            if whole is not None:  # a label cut by its cell's clip: only its middle is printed
                self.warnings.append(Warning("label_part", f"header label {s!r} read as {whole!r}: the page "
                                             "shows only part of it", self.page))
                s = whole
            is_label = L.is_known_label(s) or (cell.col == 0 and cm.right_of(cell) is not None)
            scored = _SCORED_LABEL.fullmatch(s)
            if scored and self._value_of(cell) is None:  # 执行率分值（10）: the label carries its value
                self.used.add(key)
                attributes[scored.group(1)] = scored.group(2)
                continue
            inline = _INLINE_LABEL.match((text or "").strip())
            if not is_label and inline and cell.colspan == cm.n_cols:  # 主要政策任务：… across the table
                self.used.add(key)
                attributes[inline.group(1)] = inline.group(2).strip()
                continue
            if (is_label and not L.is_strong_label(s) and cm.right_of(cell) is None
                    and any(g.row <= cell.row <= g.last_row and cell.col >= g.end_col for g in groups)):
                continue  # the last text of a block's row (资金用途 beside 预算规模及资金用途), even one shaped
                # like a label (推动绿色发展和绿色生活方式): a label has its value right of it there
            if not is_label:
                continue
            value_cell = self._value_of(cell)
            if value_cell is None and not L.is_strong_label(s):
                continue  # shaped like a label but nothing follows: a value (招商引资资金), not a label
            if value_cell is None and self._is_label(cm.right_of(cell)):
                self.used.add(key)  # heads a block of labels (绩效目标 over 长期目标 / 年度目标)
                continue
            self.used.add(key)
            value = ""
            if value_cell is not None:
                self.used.add((value_cell.row, value_cell.col))
                value = value_cell.text or ""
            if L.matches(L.CODE, s):
                if project.code is None:
                    project.code = squeeze(value) or None
                    continue
            elif L.matches(L.NAME, s):
                if project.name is None:
                    project.name = value or None
                    continue
            elif (rank := L.rank(L.TOTAL, s)) is not None:
                total.add(rank, text, value)
                continue
            elif (rank := L.rank(L.FISCAL, s)) is not None:
                fiscal.add(rank, text, value)
                continue
            elif L.matches(L.OTHER, s) and not other_seen:
                other_seen = True
                project.budget.other = self._amount(value)
                continue
            elif L.matches(L.PURPOSE, s):
                if project.purpose is None:
                    project.purpose = value or None
                    continue
            elif L.matches(L.GOALS_WHOLE, s):
                attributes[s] = value
                continue
            elif L.matches(L.GOALS, s):
                if goals_text is None:
                    goals_text = value
                    if s.startswith("年度总体"):
                        attributes[s] = value
                    continue
            if not L.matches(L.KNOWN_ATTRIBUTES, s):
                self.warnings.append(Warning("unknown_label", f"header label {s!r} is not in the vocabulary; "
                                             "read into attributes", self.page))
            attributes[s] = value

        best = total.best()
        if best is not None:
            project.budget.total = self._amount(best[1])
        for label, value in total.others():
            attributes[squeeze(label)] = value
        best = fiscal.best()
        if best is not None:
            project.budget.fiscal = self._amount(best[1])
        for label, value in fiscal.others():
            attributes[squeeze(label)] = value

        if project.purpose is None:
            for group in purpose_groups:
                for cell in header_cells:
                    if (cell.row, cell.col) in self.used or not squeeze(cell.text):
                        continue
                    if group.row <= cell.row <= group.last_row and cell.col >= group.end_col:
                        project.purpose = cell.text
                        self.used.add((cell.row, cell.col))
                        break
        project.goals = split_goals(goals_text)
        project.attributes = attributes

    def _amount(self, text: str) -> float | None:
        number, ok = amount(text)
        if not ok:
            self.warnings.append(Warning("value_unparsed", f"amount {text!r} is not a number", self.page))
        return number

    def _read_plan(self, label: Cell, project: Project) -> None:
        cm = self.cm
        head_row = label.row
        pct_row = label.row + 1
        for period in cm.row_cells(head_row):
            if period.row != head_row or period.col < label.end_col:
                continue
            name = squeeze(period.text)
            self.used.add((period.row, period.col))
            pct_cell = cm.at(pct_row, period.col) if pct_row < self.end_row else None
            pct_text = ""
            if pct_cell is not None and pct_cell.row == pct_row:
                pct_text = pct_cell.text or ""
                self.used.add((pct_cell.row, pct_cell.col))
            if not name:
                continue
            number, ok = percent(pct_text)
            if not ok:
                self.warnings.append(Warning("value_unparsed", f"spending plan {name}: {pct_text!r}", self.page))
            project.spending_plan.append(PlanPeriod(name, number))


def _caption_fields(table: Table, project: Project) -> None:
    for line in table.caption:
        s = squeeze(line.text)
        m = L.AMOUNT_UNIT_LINE.search(s)
        if m and project.amount_unit is None:
            project.amount_unit = m.group(1)


def read_indicators(table: Table, cm: CellMap, header: IndicatorHeader, warnings: list[Warning],
                    stop: int | None = None) -> list[Indicator]:
    return read_rows(table, cm, header, range(header.data_row, cm.n_rows if stop is None else stop), warnings)


_TITLE_ONLY = regex.compile(r"^(?P<code>[0-9A-Za-z]+)_(?P<unit>[^_]+)_(?P<name>.+?)(?:绩效目标表|绩效自评表)$")


def _title_fields(project: Project) -> None:
    """A title-only layout: `<unit code>_<unit name>_<project name>绩效目标表`, no 项目名称 row."""
    if project.name is not None or not project.title:
        return
    m = _TITLE_ONLY.match(squeeze(project.title))
    if m:
        project.name = m.group("name").split("_")[-1]


def _first_page(table: Table) -> int:
    return table.parts[0].page if table.parts else (table.row_pages[0] if table.row_pages else 1)


def slice_table(table: Table, start: int, stop: int) -> Table:
    """Rows [start, stop) of a table as a table of its own (spans clipped), so one stitched table that holds
    several form tables one after another is read as several."""
    spans = []
    for r, c, rs, cs in table.spans:
        top, bottom = max(r, start), min(r + rs, stop)
        if top < bottom and start <= r < stop:
            spans.append((r - start, c, bottom - top, cs))
    rows = [list(row) for row in table.rows[start:stop]]
    pages = table.row_pages[start:stop]
    parts = [part for part in table.parts if part.page in set(pages)] or list(table.parts[:1])
    return Table(parts=parts, rows=rows, spans=spans, engine=table.engine, row_pages=pages,
                 caption=table.caption if start == 0 else [], grids=[],
                 row_tops=table.row_tops[start:stop] if table.row_tops else [])


def join_cut_form(head: Table, rest: Table) -> Table:
    """A form whose head rows (title, 项目名称) stand alone at the foot of a page and whose other rows start the
    next page, as one table. A first row of `rest` with no label (`'' | 金`) is the rest of the head's cut last
    row: its text joins that row's last cell."""
    width = max(head.n_cols, rest.n_cols)
    rows = [list(r) + [None] * (width - len(r)) for r in head.rows]
    tail = [list(r) + [None] * (width - len(r)) for r in rest.rows]
    spans = [tuple(sp) for sp in head.spans]
    row_pages = list(head.row_pages) + list(rest.row_pages)
    if tail and not (tail[0][0] or "").strip() and rows:
        more = "".join((c or "").strip() for c in tail[0][1:])
        last = max((c for c, text in enumerate(rows[-1]) if text), default=None)
        if more and last is not None:
            rows[-1][last] = rows[-1][last] + more
            tail, row_pages = tail[1:], row_pages[:len(rows)] + row_pages[len(rows) + 1:]
            offset_rest = 1
        else:
            offset_rest = 0
    else:
        offset_rest = 0
    for r, c, rs, cs in rest.spans:
        if r - offset_rest >= 0:
            spans.append((r - offset_rest + len(rows), c, rs, cs))
    for r, c, rs, cs in list(head.spans):  # a head cell spanning the head's width spans the joined width
        if c + cs == head.n_cols and width > head.n_cols:
            spans[spans.index((r, c, rs, cs))] = (r, c, rs, width - c)
    return Table(parts=list(head.parts) + list(rest.parts), rows=rows + tail, spans=spans, engine=rest.engine,
                 row_pages=row_pages, caption=head.caption, grids=[], row_tops=[])


def form_segments(cm: CellMap) -> list[tuple[int, int]]:
    """Where one table holds several form tables (stitch joined them): a row whose first cell is a
    project-start label (项目名称, 项目编码 …) or a title across the table (…绩效目标表) below indicator rows
    starts the next project."""
    header = find_indicator_header(cm)
    if header is None:
        return [(0, cm.n_rows)]
    starts = [0]
    seen_rows = False
    r = header.data_row
    while r < cm.n_rows:
        cell = cm.at(r, 0)
        title_row = cell is not None and cell.colspan == cm.n_cols and squeeze(cell.text).endswith("表")
        if cell is not None and cell.row == r and (L.matches(L.NAME, cell.text) or L.matches(L.CODE, cell.text)
                                                   or title_row):
            if seen_rows and find_indicator_header(cm, r + 1, min(cm.n_rows, r + 25)) is not None:
                starts.append(r)
                seen_rows = False
                nxt = find_indicator_header(cm, r + 1, min(cm.n_rows, r + 25))
                r = nxt.data_row
                continue
        seen_rows = True
        r += 1
    return [(a, b) for a, b in zip(starts, starts[1:] + [cm.n_rows])]


def _read_execution(cm: CellMap, end_row: int, project: Project) -> None:
    """A self-evaluation's budget block: column heads 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
    over rows 年度资金总额 / 其中：财政拨款 / 上年结转 / 其他资金."""
    for cell in cm.cells:
        if cell.row >= end_row or not L.matches(L.SELF_BUDGETED, cell.text):
            continue
        head = cell.row
        columns: dict[str, int] = {}
        for c in cm.row_cells(head):
            if c.row != head:
                continue
            for key, pats in (("budgeted", L.SELF_BUDGETED), ("executed", L.SELF_EXECUTED),
                              ("rate", L.SELF_RATE), ("score", L.SELF_SCORE)):
                if key not in columns and L.matches(pats, c.text):
                    columns[key] = c.col
        if "executed" not in columns:
            continue  # a 预算数 label alone is a target's budget, not a self-evaluation's execution block
        execution = Execution()
        for r in range(head + 1, end_row):
            label = next((c for c in cm.row_cells(r) if c.row == r and squeeze(c.text)
                          and c.col < cell.col), None)
            if label is None:
                continue
            values = {k: cm.text(r, col) for k, col in columns.items()}
            if L.rank(L.TOTAL, label.text) is not None:
                execution.budgeted = amount(values.get("budgeted"))[0]
                execution.executed = amount(values.get("executed"))[0]
                execution.rate = percent(values.get("rate"))[0]
                execution.score = amount(values.get("score"))[0]
                project.budget.total = execution.budgeted
            elif L.rank(L.FISCAL, label.text) is not None:
                project.budget.fiscal = amount(values.get("budgeted"))[0]
            elif L.matches(L.OTHER, label.text):
                project.budget.other = amount(values.get("budgeted"))[0]
            else:
                project.attributes[L.label_text(label.text)] = values.get("budgeted") or ""
        project.execution = execution
        project.kind = "self_evaluation"
        return


def _total_score(cm: CellMap, project: Project) -> None:
    for cell in cm.cells:
        if L.matches(L.SELF_TOTAL_SCORE, cell.text):
            right = [c for c in cm.row_cells(cell.row) if c.col >= cell.end_col and squeeze(c.text)]
            if right:
                project.total_score = amount(right[-1 if len(right) == 1 else -2].text)[0]
                for c in reversed(right):
                    value, ok = amount(c.text)
                    if ok and value is not None:
                        project.total_score = value
                        break
            return


def read_project(table: Table, title: str | None, warnings: list[Warning], cm: CellMap | None = None
                 ) -> Project | None:
    """The Project of one form table, or None when the table has no indicator header. `cm`: the table's
    CellMap when the caller has it."""
    cm = cm if cm is not None else CellMap(table)
    header = find_indicator_header(cm)
    if header is None:
        return None
    first_page = _first_page(table)
    project = Project(title=title)
    _HeaderReader(cm, header.row, first_page, warnings).read(project)
    _caption_fields(table, project)
    _title_fields(project)
    _read_execution(cm, header.row, project)
    stop = cm.n_rows
    for cell in cm.cells:
        if cell.row > header.row and cell.col == 0 and L.matches(L.SELF_TOTAL_SCORE, cell.text):
            stop = min(stop, cell.row)
    project.indicators = read_indicators(table, cm, header, warnings, stop)
    project.source_header, project.source_cols = header, cm.n_cols  # for a continuation without a header
    if project.kind == "self_evaluation" or stop < cm.n_rows:
        _total_score(cm, project)
        if "actual" in header.columns:
            project.kind = "self_evaluation"
    if project.title and L.matches(L.SELF_TITLE, project.title):  # 项目绩效自评表
        project.kind = "self_evaluation"
    project.pages = sorted({p.page for p in table.parts} | set(table.row_pages))
    return project
