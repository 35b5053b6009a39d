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

from extractor.interpret import labels as L
from extractor.interpret.cells import Cell, CellMap, squeeze
from extractor.interpret.fields import amount, percent, split_goals
from extractor.interpret.records import Indicator, PlanPeriod, Project
from extractor.interpret.values import read_value, read_value_columns
from extractor.model import Table, Warning


@dataclass
class IndicatorHeader:
    row: int
    columns: dict[str, int]  # field -> column


def find_indicator_header(cm: CellMap) -> IndicatorHeader | None:
    """The row naming 一级指标 … 指标值, and which column holds what."""
    for r in range(cm.n_rows):
        cols: dict[str, int] = {}
        for cell in cm.row_cells(r):
            if cell.row != r:
                continue
            name = L.indicator_field(cell.text)
            if name and name not in cols:
                cols[name] = cell.col
        if "level1" in cols and ("level2" in cols or "level3" in cols) and ("value" in cols or "op" in cols):
            return IndicatorHeader(r, cols)
    return None


def looks_like_project(cm: CellMap) -> bool:
    """Does this table claim to be a project table (so failing to read it deserves a warning)?"""
    for cell in cm.cells:
        if L.matches(L.CODE, cell.text) or L.matches(L.NAME, cell.text) or L.matches(L.LEVEL1, cell.text):
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


def _rank(patterns, text: str) -> int | None:
    s = squeeze(text)
    for i, p in enumerate(patterns):
        if p.fullmatch(s):
            return i
    return None


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
        header_cells = sorted((c for c in cm.cells if c.row < self.end_row), key=lambda c: (c.row, c.col))

        # a title row inside the table (Shanghai): one cell across the table, ending in 表
        if header_cells and header_cells[0].row == 0 and header_cells[0].colspan == cm.n_cols:
            t = squeeze(header_cells[0].text)
            if t.endswith("表"):
                project.title = project.title or t
                self.used.add((0, 0))

        for cell in header_cells:
            key = (cell.row, cell.col)
            text = cell.text or ""
            s = squeeze(text)
            if key in self.used or not s:
                continue
            unit = L.AMOUNT_UNIT_IN_LABEL.search(s)
            if unit and project.amount_unit is None and L.is_known_label(s):
                project.amount_unit = unit.group(1)
            if L.PLAN.fullmatch(s):
                self.used.add(key)
                self._read_plan(cell, project)
                continue
            if L.GROUPS.fullmatch(s):
                self.used.add(key)
                if "用途" in s:
                    purpose_groups.append(cell)
                continue
            is_label = L.is_known_label(s) or (cell.col == 0 and cm.right_of(cell) is not None)
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
            elif (rank := _rank(L.TOTAL, s)) is not None:
                total.add(rank, text, value)
                continue
            elif (rank := _rank(L.FISCAL, s)) is not None:
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


def read_indicators(table: Table, cm: CellMap, header: IndicatorHeader, warnings: list[Warning]) -> list[Indicator]:
    cols = header.columns
    out: list[Indicator] = []
    carried = {"level1": False, "level2": False}
    for r in range(header.row + 1, cm.n_rows):
        page = table.row_pages[r] if r < len(table.row_pages) else (table.parts[0].page if table.parts else 1)
        texts = {name: cm.text(r, c) for name, c in cols.items()}
        if not any(squeeze(t) for name, t in texts.items() if name not in ("level1", "level2")):
            continue  # nothing of its own (an empty row under merged level cells)
        row_cells = cm.row_cells(r)
        if len(row_cells) == 1 and row_cells[0].colspan == cm.n_cols:
            continue  # a note across the whole table (备注：…), not an indicator
        if L.matches(L.LEVEL1, texts.get("level1")):  # a header printed again after a page break
            continue
        prev = out[-1] if out else None
        prev_page = table.row_pages[r - 1] if 0 < r <= len(table.row_pages) else page
        for name in ("level1", "level2"):
            if name in texts and not squeeze(texts[name]) and prev is not None:
                if page != prev_page or carried[name]:
                    texts[name] = getattr(prev, name) or ""
                    carried[name] = True
                    continue
            carried[name] = False
        if "op" in cols or "unit" in cols:
            value = read_value_columns(texts.get("op", ""), texts.get("value", ""), texts.get("unit", ""),
                                       page, warnings)
        else:
            value = read_value(texts.get("value", ""), page, warnings)
        out.append(Indicator(
            level1=texts.get("level1"), level2=texts.get("level2"), level3=texts.get("level3"),
            description=(texts["description"] or None) if "description" in cols else None,
            value=value,
            basis=(texts["basis"] or None) if "basis" in cols else None,
            page=page,
        ))
    return out


def read_project(table: Table, title: str | None, warnings: list[Warning]) -> Project | None:
    """The Project of one stitched table, or None when the table has no indicator header."""
    cm = CellMap(table)
    header = find_indicator_header(cm)
    if header is None:
        return None
    first_page = table.parts[0].page if table.parts else (table.row_pages[0] if table.row_pages else 1)
    project = Project(title=title)
    _HeaderReader(cm, header.row, first_page, warnings).read(project)
    _caption_fields(table, project)
    project.indicators = read_indicators(table, cm, header, warnings)
    project.pages = sorted({p.page for p in table.parts} | set(table.row_pages))
    return project
