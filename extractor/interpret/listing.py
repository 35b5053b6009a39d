"""List tables: many projects in one table, a row group per project (Beijing 预算表12, Changsha, Chongqing
表十二, Guangzhou).

The header names project columns (项目名称, 项目总额, 其中：财政资金 / 其他资金, 绩效目标 …) left of the indicator
columns. A project's cells are merged over its indicator rows; the group ends where the next project's name
cell starts. Rows that total a unit or the table (合计, a unit code and name with an amount but no indicators)
are not projects: a unit row gives `department_unit` to the projects below it. A group cut by a page break
continues on the next page (its name cell there is empty, or holds the rest of a name cut in two); a layout
that prints the project's cells again on every page gives the same name again: both stay one project.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from extractor.interpret import labels as L
from extractor.interpret.cells import CellMap, squeeze
from extractor.interpret.fields import amount, split_goals
from extractor.interpret.indicators import IndicatorHeader, find_indicator_header, is_header_row, read_rows
from extractor.interpret.packed import read_packed
from extractor.interpret.records import Project
from extractor.model import Table, Warning

# `11000022T000000456061-本市新能源和可再生能源推动工作`: a project code, a dash, the name
CODE_NAME = regex.compile(r"^(?P<code>[0-9A-Za-z]{8,}(?:[0-9A-Za-z]*))\s*[-－—]\s*(?P<name>\S.*)$", regex.S)
# `项目名称（资金使用单位）` cells: `<name>（<unit>）`
NAME_UNIT = regex.compile(r"^(?P<name>.+?)[（(](?P<unit>[^（()）]+)[)）]$", regex.S)


@dataclass
class ListColumns:
    header: IndicatorHeader | None
    data_row: int
    name: int
    code: int | None = None
    unit_code: int | None = None
    unit_name: int | None = None  # a 单位名称 column: each row names its unit
    total: int | None = None
    fiscal: int | None = None
    other: int | None = None
    goals: int | None = None
    packed: int | None = None
    name_label: str = ""
    attributes: dict[int, str] = field(default_factory=dict)

    def project_columns(self) -> list[int]:
        return [c for c in (self.name, self.code, self.total, self.fiscal, self.other, self.goals)
                if c is not None]


def find_list_columns(cm: CellMap) -> ListColumns | None:
    """The project columns of a list table (a 项目名称 head beside indicator heads), or None."""
    header = find_indicator_header(cm)
    if header is not None:
        top, bottom = max(0, header.row - 1), header.data_row
        first_indicator_col = min(header.columns.values())
    else:  # a packed 绩效指标 column instead of indicator columns
        packed = next((c for c in cm.cells if c.row < 8 and L.matches(L.PACKED, c.text)), None)
        if packed is None:
            return None
        top, bottom = max(0, packed.row - 2), packed.last_row + 1
        for c in cm.cells:
            if top <= c.row < bottom:
                bottom = max(bottom, c.last_row + 1)
        first_indicator_col = packed.col
    cols = ListColumns(header=header, data_row=bottom, name=-1)
    if header is None:
        cols.packed = first_indicator_col
    fiscal_other: list[tuple[int, str]] = []
    for cell in cm.cells:
        if not (top <= cell.row < bottom) or cell.col >= first_indicator_col:
            continue
        text = L.label_text(cell.text)
        if not text:
            continue
        if cell.row == (header.row if header is not None else cell.row):
            # a repeated header may hold text of a cell cut by the page break, hidden under it
            text = next((m.group(0) for p in L.NAME + L.GOALS + L.TOTAL if (m := p.match(text))), text)
        if L.matches(L.NAME, text) and cols.name < 0:
            cols.name, cols.name_label = cell.col, L.label_text(cell.text)
        elif L.matches(L.CODE, text):
            cols.code = cell.col
        elif L.matches(L.UNIT_CODE, text):
            cols.unit_code = cell.col
        elif L.matches(L.UNIT_NAME, text) and cols.unit_name is None:
            cols.unit_name = cell.col
        elif L.rank(L.TOTAL, text) is not None and cols.total is None:
            cols.total = cell.col
        elif L.rank(L.FISCAL, text) is not None and cols.fiscal is None:
            cols.fiscal = cell.col
        elif L.matches(L.OTHER, text) and cols.other is None:
            cols.other = cell.col
        elif L.matches(L.GOALS, text) and cols.goals is None:
            cols.goals = cell.col
        elif L.matches(L.GROUPS, text):
            continue
        elif cell.colspan == 1:
            fiscal_other.append((cell.col, text))
    if cols.name < 0:
        return None
    taken = set(cols.project_columns()) | {cols.unit_code, cols.unit_name}
    for c, text in fiscal_other:
        if c not in taken:
            cols.attributes[c] = text
    return cols


@dataclass
class _Group:
    rows: list[int]
    name: str
    code: str | None
    unit_code: str | None
    total: str
    fiscal: str
    other: str
    goals: str
    attributes: dict[str, str]
    unit: str | None


def _origin_text(cm: CellMap, r: int, c: int | None) -> str | None:
    """The text of the cell starting at (r, c); None where (r, c) is covered from above."""
    if c is None:
        return ""
    cell = cm.at(r, c)
    if cell is None:
        return ""
    if cell.row != r:
        return None
    return cell.text or ""


def _join_text(a: str, b: str) -> str:
    """The two halves of a cell cut by a page break. Where a page prints the merged cell's text again, the
    halves overlap (`…456102-成本监审` over `456102-成本监审工作经费`): the overlap is kept once."""
    from extractor.normalize.text import clean_cell

    if not (a and b):
        return a or b
    a, b = clean_cell(a), clean_cell(b)
    overlap = next((n for n in range(min(len(a), len(b)), 3, -1) if a.endswith(b[:n])), 0)
    return clean_cell(a + "\n" + b[overlap:]) if overlap else clean_cell(a + "\n" + b)


def read_list(table: Table, cm: CellMap, cols: ListColumns, title: str | None, amount_unit: str | None,
              warnings: list[Warning], unit: str | None = None) -> list[Project]:
    """The projects of a list table; `unit` is the department unit in force where the table starts (a list
    continued from an earlier table keeps its unit)."""
    groups: list[_Group] = []
    if amount_unit is None:  # `金额单位：万元` in a cell above the header
        for cell in cm.cells:
            m = L.AMOUNT_UNIT_LINE.search(squeeze(cell.text)) if cell.row < cols.data_row else None
            if m:
                amount_unit = m.group(1)
                break
    header = cols.header
    prev_page = None
    for r in range(cols.data_row, cm.n_rows):
        page = table.row_pages[r] if r < len(table.row_pages) else None
        name = _origin_text(cm, r, cols.name)
        if header is not None and is_header_row(cm, header, r):
            prev_page = page
            continue
        if cols.header is None and L.matches(L.PACKED, cm.text(r, cols.packed)):
            continue  # the packed layout's header printed again
        if L.matches(L.NAME, name) or (name and L.label_text(name).startswith(L.label_text(cols.name_label))
                                       and cols.name_label and header is not None
                                       and is_header_row(cm, header, r)):
            continue
        new_page = page != prev_page
        prev_page = page
        if name is None:  # covered by the group's merged name cell
            if groups:
                groups[-1].rows.append(r)
            continue
        values = {k: squeeze(_origin_text(cm, r, getattr(cols, k)) or "") for k in ("total", "fiscal", "other")}
        goals = _origin_text(cm, r, cols.goals) or ""
        code_text = squeeze(_origin_text(cm, r, cols.code) or "") or None
        unit_code = squeeze(_origin_text(cm, r, cols.unit_code) or "") or None
        row_label = squeeze(name) or (unit_code or "")
        if L.matches(L.SUBTOTAL, row_label) or L.matches(L.SUBTOTAL, unit_code):
            continue  # 合计 / 小计 row: not a project
        has_indicator = _has_indicator(cm, cols, r)
        if squeeze(name) and not has_indicator and not squeeze(goals) and values["total"] and not _continues(
                cm, cols, r):
            unit = _unit_name(name)  # a unit row (`106001 长沙市公安局  40,233.95`): the projects below are its
            continue
        attributes = {label: squeeze(_origin_text(cm, r, c) or "") for c, label in cols.attributes.items()}
        last = groups[-1] if groups else None
        # a group printed again after the break; the page before may show only the part of its goal text its
        # clip let through (Changsha p.33), the reprint the whole
        reprinted = bool(last is not None and squeeze(last.goals) and squeeze(goals).startswith(squeeze(last.goals)))
        repeated = (last is not None and squeeze(name) == squeeze(last.name)
                    and values["total"] in ("", last.total) and (not squeeze(goals) or reprinted))
        if last is not None and (repeated or new_page and (not squeeze(name) or (not last.total and values["total"]))):
            # the group continues over the page break, or a layout prints its cells again on every row
            last.rows.append(r)
            if repeated and len(squeeze(goals)) > len(squeeze(last.goals)):
                last.goals = goals
            if squeeze(name) != squeeze(last.name):
                last.name = _join_text(last.name, name)
                last.goals = _join_text(last.goals, goals) if goals.strip() != last.goals.strip() else last.goals
            for k in ("total", "fiscal", "other"):
                if not getattr(last, k) and values[k]:
                    setattr(last, k, values[k])
            continue
        if last is not None and not squeeze(name) and not values["total"]:
            last.rows.append(r)  # a row of its own under no name cell (a grid without row merges)
            continue
        row_unit = squeeze(cm.text(r, cols.unit_name)) if cols.unit_name is not None else ""
        groups.append(_Group([r], name, code_text, unit_code, values["total"], values["fiscal"], values["other"],
                             goals, attributes, row_unit or unit))
    projects = []
    for g in groups:
        projects.append(_project(table, cm, cols, g, title, amount_unit, warnings))
    return projects


def _continues(cm: CellMap, cols: ListColumns, r: int) -> bool:
    cell = cm.at(r, cols.name)
    return cell is not None and cell.rowspan > 1


def _has_indicator(cm: CellMap, cols: ListColumns, r: int) -> bool:
    if cols.header is not None:
        return any(squeeze(cm.text(r, c)) for name, c in cols.header.columns.items())
    return bool(squeeze(cm.text(r, cols.packed)))


_UNIT_CODE_PREFIX = regex.compile(r"^\d{3,}\s*")


def _unit_name(text: str) -> str:
    return _UNIT_CODE_PREFIX.sub("", text.strip()).strip()


def _project(table: Table, cm: CellMap, cols: ListColumns, g: _Group, title: str | None,
             amount_unit: str | None, warnings: list[Warning]) -> Project:
    page = table.row_pages[g.rows[0]] if g.rows[0] < len(table.row_pages) else None
    name = g.name.strip()
    code = g.code
    unit = g.unit
    m = CODE_NAME.match(squeeze(name))
    if m and code is None:
        code, name = m.group("code"), squeeze(name)[m.end("code"):].lstrip("-－— ")
    if unit is None and "资金使用单位" in cols.name_label:
        mu = NAME_UNIT.match(name)  # no unit row above: the unit is the name's bracket (the name stays whole)
        if mu:
            unit = mu.group("unit").strip()
    project = Project(title=title, code=code, name=squeeze(name) if "\n" in name else name or None,
                      amount_unit=amount_unit, department_unit=unit)
    for key in ("total", "fiscal", "other"):
        text = getattr(g, key)
        if getattr(cols, key) is not None:
            number, ok = amount(text)
            if not ok:
                warnings.append(Warning("value_unparsed", f"amount {text!r} is not a number", page))
            setattr(project.budget, key, number)
    project.goals = split_goals(g.goals)
    attributes = dict(g.attributes)
    if g.unit_code:
        attributes[L.label_text(cm.text(cols.data_row - 1, cols.unit_code)) or "单位编码"] = g.unit_code
    project.attributes = {k: v for k, v in attributes.items()}
    rows = sorted(set(g.rows))
    if cols.header is not None:
        member = set(rows)
        project.indicators = read_rows(table, cm, cols.header, range(rows[0], rows[-1] + 1), warnings,
                                       skip=lambda r: r not in member)
    else:
        seen: set[tuple[int, int]] = set()
        for r in rows:
            cell = cm.at(r, cols.packed)
            if cell is None or (cell.row, cell.col) in seen:
                continue
            seen.add((cell.row, cell.col))
            project.indicators += read_packed(cell.text, table.row_pages[r] if r < len(table.row_pages) else 1,
                                              warnings)
    project.pages = sorted({page for r in rows for page in table.row_span_pages(r)})
    project.source_name, project.source_goals = g.name, g.goals  # to join a group cut by a table boundary
    return project


def join_cut(last: Project, first: Project) -> None:
    """`first` (a new table's first group) is the rest of `last`, cut by a page break between two tables."""
    name = _join_text(getattr(last, "source_name", last.name or ""), getattr(first, "source_name", first.name or ""))
    goals = _join_text(getattr(last, "source_goals", ""), getattr(first, "source_goals", ""))
    m = CODE_NAME.match(squeeze(name))
    if m:
        last.code, last.name = m.group("code"), squeeze(name)[m.end("code"):].lstrip("-－— ")
    else:
        last.name = name or None
    for key in ("total", "fiscal", "other"):
        if getattr(last.budget, key) is None:
            setattr(last.budget, key, getattr(first.budget, key))
    last.goals = split_goals(goals)
    last.indicators.extend(first.indicators)
    last.pages = sorted(set(last.pages) | set(first.pages))
