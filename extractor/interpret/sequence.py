"""Tables in document order, each read by the pattern its cells show, and joined to the record it continues.

Patterns (each its own module): a department-wide table (wide.py), a list table with a row group per project
(listing.py), a form table, one project per table (project.py, split where stitch joined several). A table
may also continue the record before it: indicator rows under a header printed again (or not at all) on the
next page, or a list whose row group was cut by the page break between two tables. The reader remembers the
last record and the last list's columns to decide that.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from extractor.interpret import labels as L
from extractor.interpret.cells import CellMap, squeeze
from extractor.interpret.indicators import IndicatorHeader, find_indicator_header, read_rows
from extractor.interpret.listing import ListColumns, find_list_columns, join_cut, read_list
from extractor.interpret.project import (form_segments, join_cut_form, looks_like_project, read_indicators,
                                         read_project, slice_table)
from extractor.interpret.records import Department, Project
from extractor.interpret.wide import is_department_wide, read_wide
from extractor.model import Table, TextLine, Warning

MAX_INDICATORS = 60  # more indicator rows than one plausible project table


def _same_project(a: Project, b: Project) -> bool:
    return (a.name or "") == (b.name or "") and a.code == b.code and a.budget.total == b.budget.total and bool(a.name)


def _caption_amount_unit(caption: list[TextLine]) -> str | None:
    for ln in caption:
        m = L.AMOUNT_UNIT_LINE.search(squeeze(ln.text))
        if m:
            return m.group(1)
    return None


@dataclass
class SequenceReader:
    warnings: list[Warning]
    projects: list[Project] = field(default_factory=list)
    wide: list[Department] = field(default_factory=list)  # department-wide tables, in order
    last: Project | Department | None = None  # the record a continuation table belongs to
    list_columns: tuple[ListColumns, int] | None = None  # the last list table's columns and width
    last_from_list: bool = False  # the last project came from a list table
    pending_head: tuple | None = None  # (table, last page, title, its warning): a form head with no indicators

    def continues(self, table: Table, cm: CellMap) -> bool:
        """Read `table` into the last record when it only continues it; True if it did."""
        header = find_indicator_header(cm)
        last = self.last
        first_page = table.parts[0].page if table.parts else None
        if header is None or last is None or not last.pages or first_page is None:
            return self._headerless(table, cm, header, first_page)
        if header.row == 0 and self._list_columns(cm, header) is None and first_page <= last.pages[-1] + 1:
            # a continuation that stitch did not join: its rows belong to the record before it
            last.indicators.extend(read_indicators(table, cm, header, self.warnings))
            last.pages = sorted(set(last.pages) | {p.page for p in table.parts})
            return True
        return False

    def _headerless(self, table: Table, cm: CellMap, header: IndicatorHeader | None, first_page: int | None) -> bool:
        """A form's indicator rows continued on the next page as a table of their own, no header printed."""
        last = self.last
        if (header is not None or not isinstance(last, Project) or not last.pages
                or getattr(last, "source_header", None) is None or cm.n_cols != last.source_cols
                or first_page != last.pages[-1] + 1 or looks_like_project(cm) or find_list_columns(cm)):
            return False
        head = last.source_header
        more = read_rows(table, cm, IndicatorHeader(-1, head.columns, head.attributes, 0), range(cm.n_rows),
                         self.warnings, before=last.indicators[-1] if last.indicators else None)
        if not more:
            return False
        tail = last.indicators[-1] if last.indicators else None
        for name in ("level1", "level2"):  # a level cell cut by the page break, its label printed below
            if tail is not None and getattr(tail, name) == "" and getattr(more[0], name):
                setattr(tail, name, getattr(more[0], name))
        last.indicators.extend(more)
        last.pages = sorted(set(last.pages) | {p.page for p in table.parts})
        return True

    def _list_columns(self, cm: CellMap, header: IndicatorHeader | None) -> ListColumns | None:
        columns = find_list_columns(cm)
        if (self.list_columns is None or not self.last_from_list
                or self.last is not (self.projects[-1] if self.projects else None)
                or cm.n_cols != self.list_columns[1]):
            return columns
        own = self.list_columns[0]
        # the list continues in a table whose repeated header is garbled (text of a cut cell printed under
        # it: 决策参考。绩效目标, or its characters run in among the label's): the list's own columns still hold
        if columns is None and header is not None:
            return dataclasses.replace(own, header=header, data_row=header.data_row)
        if columns is not None:
            for role in ("name", "code", "total", "fiscal", "other", "goals", "packed"):
                col = getattr(own, role)
                if col is not None and getattr(columns, role) is None and col in columns.attributes:
                    setattr(columns, role, col)  # a role of the list read as an unknown label here
                    del columns.attributes[col]
        return columns

    def read(self, table: Table, cm: CellMap, caption: list[TextLine], title: str | None) -> list[Project]:
        """The new projects of one table (none for a department-wide one, kept in `wide`)."""
        first_page = table.parts[0].page if table.parts else None
        if self.pending_head is not None and (first_page is None or first_page > self.pending_head[1] + 1):
            self.pending_head = None
        if is_department_wide(table, caption, title):
            dept = read_wide(table, caption, self.warnings)
            self.wide.append(dept)
            self.last, self.last_from_list = dept, False
            return []
        header = find_indicator_header(cm)
        columns = self._list_columns(cm, header)
        if columns is not None:
            found = self._read_list(table, cm, columns, caption, title, first_page)
        else:
            found = self._read_forms(table, cm, header, title, first_page)
        if found or columns is not None:
            self.last_from_list = columns is not None
        for project in found:
            project.seq = len(self.projects) + 1
            self.projects.append(project)
            if len(project.indicators) > MAX_INDICATORS:
                self.warnings.append(Warning(
                    "too_many_indicators", f"project {project.seq} ({project.name}) has {len(project.indicators)} "
                    "indicator rows: several tables read as one?", project.pages[0] if project.pages else None))
            self.last = project
        return found

    def _read_list(self, table: Table, cm: CellMap, columns: ListColumns, caption: list[TextLine],
                   title: str | None, first_page: int | None) -> list[Project]:
        last = self.last
        continued = bool(self.projects) and last is self.projects[-1] and self.last_from_list
        self.list_columns = (columns, cm.n_cols)
        unit = last.department_unit if continued else None
        found = read_list(table, cm, columns, title, _caption_amount_unit(caption), self.warnings, unit)
        if not found:
            self.warnings.append(Warning("table_uninterpreted", "a list table with project columns gave no "
                                         "project; kept raw in tables", first_page))
        elif len(found) == 1 and len(found[0].pages) > 3:
            self.warnings.append(Warning("list_single_project", f"a list table over {len(found[0].pages)} pages "
                                         "was read as a single project", first_page))
        if continued and found:
            # a list table cut in two by stitch: its first group may continue the last project
            if _same_project(found[0], last):
                first = found.pop(0)
                if len("".join(first.goals)) > len("".join(last.goals)):  # a goal clipped on the first page
                    last.goals = first.goals
                last.indicators.extend(first.indicators)
                last.pages = sorted(set(last.pages) | set(first.pages))
            elif found[0].pages and last.pages and found[0].pages[0] == last.pages[-1] + 1 and (
                    found[0].name is None or (found[0].code is None and (
                        last.budget.total is None or found[0].budget.total is None
                        or found[0].budget.total == last.budget.total))):  # the amount printed on both pages
                join_cut(last, found.pop(0))  # the group cut by the page break between the two tables
        if continued:
            for project in found:  # a list continued from an earlier table keeps its amount unit
                project.amount_unit = project.amount_unit or last.amount_unit
        return found

    def _read_forms(self, table: Table, cm: CellMap, header: IndicatorHeader | None, title: str | None,
                    first_page: int | None) -> list[Project]:
        found: list[Project] = []
        warn = self.warnings.append
        head, self.pending_head = self.pending_head, None
        if (head is not None and header is not None and first_page is not None
                and head[1] + 1 == first_page and not any(L.matches(L.NAME, c) for c in table.rows[0] if c)):
            # the form's head (title, 项目名称) was left alone at the foot of the page before: one form
            table = join_cut_form(head[0], table)
            cm = CellMap(table)
            header = find_indicator_header(cm)
            title = title or head[2]
            self.warnings[:] = [w for w in self.warnings if w is not head[3]]
        for start, stop in form_segments(cm) if header is not None else [(0, cm.n_rows)]:
            part = table if (start, stop) == (0, cm.n_rows) else slice_table(table, start, stop)
            project = read_project(part, title, self.warnings, cm if part is table else None)
            if project is None:
                if looks_like_project(cm):
                    w = Warning("table_uninterpreted", "a table with project or indicator labels has no "
                                "一级指标/指标值 header row; kept raw in tables", first_page)
                    warn(w)
                    if first_page is not None:
                        self.pending_head = (table, table.parts[-1].page if table.parts else first_page, title, w)
                continue
            if project.indicators and project.name is None and project.code is None and not any(
                    (project.budget.total, project.budget.fiscal, project.budget.other, project.goals)):
                warn(Warning("indicators_without_project", "a table of indicator rows names no project (no name, "
                             "code, budget or goal): not read as a project", first_page))
                continue
            if not project.indicators and project.name is None and project.budget.total is None:
                warn(Warning("table_empty", "a project form with nothing filled in (a blank template): not a "
                             "project", first_page))
                continue
            if not project.indicators:
                warn(Warning("table_uninterpreted", "project table with no indicator rows", first_page))
            found.append(project)
        return found

