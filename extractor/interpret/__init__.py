"""Interpret: stitched tables and the text around them -> document, department and projects.

Every table is read by its header text (see labels.py), never by position: graded department tables
(department.py), project tables of the Hebei, Shanghai and central layouts (project.py). The cover and unit
lines give the document (document.py); the table of contents is checked against the headings (toc.py).
A table none of them knows stays only in `tables`; one that looks like a project table but cannot be read
also gets a `table_uninterpreted` warning.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import regex

from extractor.interpret import labels as L
from extractor.interpret.cells import CellMap, squeeze
from extractor.interpret.department import read_department, read_graded
from extractor.interpret.document import YEAR, read_document
from extractor.interpret.fields import heading_number
from extractor.interpret.indicators import IndicatorHeader, find_indicator_header, read_rows
from extractor.interpret.listing import find_list_columns, join_cut, read_list
from extractor.interpret.project import form_segments, looks_like_project, read_indicators, read_project, slice_table
from extractor.interpret.prose import Prose
from extractor.interpret.records import Department, GradedIndicator, Project
from extractor.interpret.wide import is_department_wide, read_wide
from extractor.interpret.toc import check_titles, read_toc
from extractor.model import PageLayout, Table, TextLine, Warning

__all__ = ["interpret"]

_HEADING = regex.compile(r"表\s*(?:[（(][^（()）]{1,12}[)）])?\s*$")


def _caption(table: Table, prose: Prose, previous: Table | None) -> list[TextLine]:
    """The lines printed above a table: its own caption from stitch, else the prose lines between the
    previous table (or the page top) and this one."""
    if table.caption:
        return list(table.caption)
    if not table.parts:
        return []
    page, top = table.parts[0].page, table.parts[0].bbox[1]
    floor = -1.0
    if previous is not None and previous.parts and previous.parts[-1].page == page:
        floor = previous.parts[-1].bbox[3]
    return [ln for ln in prose.lines if ln.page == page and floor < ln.top < top]


def _heading_before(table: Table, prose: Prose, caption: list[TextLine], previous: Table | None) -> TextLine | None:
    """The table's heading: in its caption, else among the last lines of the page before (a heading left
    alone at the foot of a page, its table starting on the next)."""
    found = _heading(caption)
    if found is not None or not table.parts:
        return found
    page = table.parts[0].page - 1
    if caption and any(ln.page == table.parts[0].page for ln in caption):
        return None
    floor = -1.0
    if previous is not None and previous.parts:
        if previous.parts[-1].page > page:
            return None
        if previous.parts[-1].page == page:
            floor = previous.parts[-1].bbox[3]
    tail = [ln for ln in prose.lines if ln.page == page and ln.top > floor][-3:]
    return _heading(tail)


def _heading(caption: list[TextLine]) -> TextLine | None:
    for ln in reversed(caption):
        text = ln.text.strip()
        if _HEADING.search(text) and not L.AMOUNT_UNIT_LINE.search(squeeze(text)):
            return ln
    return None


MAX_INDICATORS = 60  # more indicator rows than one plausible project table


def _project_warnings(project: Project, warnings: list[Warning]) -> None:
    page = project.pages[0] if project.pages else None
    if len(project.indicators) > MAX_INDICATORS:
        warnings.append(Warning("too_many_indicators", f"project {project.seq} ({project.name}) has "
                                f"{len(project.indicators)} indicator rows: several tables read as one?", page))


def _same_project(a: Project, b: Project) -> bool:
    return (a.name or "") == (b.name or "") and a.code == b.code and a.budget.total == b.budget.total and bool(a.name)


def _list_caption_fields(caption: list[TextLine]) -> str | None:
    for ln in caption:
        m = L.AMOUNT_UNIT_LINE.search(squeeze(ln.text))
        if m:
            return m.group(1)
    return None


def interpret(layouts: list[PageLayout], tables: list[Table], warnings: list[Warning]) -> dict[str, Any]:
    prose = Prose.from_layouts(layouts)
    graded: list[tuple[Table, list[GradedIndicator]]] = []
    projects: list[Project] = []
    wide: list[Department] = []
    headings: list[tuple[int | None, str, int]] = []
    captions: list[TextLine] = []
    project_tables: list[Table] = []
    previous: Table | None = None
    last: Project | Department | None = None  # the record a continuation table belongs to
    list_columns = None  # (columns, n_cols) of the last list table
    last_from_list = False  # the last project came from a list table
    for index, table in enumerate(tables):
        caption = _caption(table, prose, previous)
        previous = table
        indicators = read_graded(table, warnings)
        if indicators is not None:
            graded.append((table, indicators))
            continue
        first_page = table.parts[0].page if table.parts else None
        cm = CellMap(table)
        header = find_indicator_header(cm)
        columns = find_list_columns(cm)
        if (columns is None and header is not None and list_columns is not None and last_from_list
                and last is (projects[-1] if projects else None) and cm.n_cols == list_columns[1]):
            # the list continues in a table whose repeated header is garbled (text of a cut cell printed
            # under it): the list's own columns still hold
            columns = dataclasses.replace(list_columns[0], header=header, data_row=header.data_row)
        if (header is not None and header.row == 0 and last is not None and columns is None and last.pages
                and first_page is not None and first_page <= last.pages[-1] + 1):
            # a continuation that stitch did not join: its rows belong to the record before it
            more = read_indicators(table, cm, header, warnings)
            last.indicators.extend(more)
            last.pages = sorted(set(last.pages) | {p.page for p in table.parts})
            continue
        if (header is None and columns is None and isinstance(last, Project) and last.pages
                and getattr(last, "source_header", None) is not None and cm.n_cols == last.source_cols
                and first_page == last.pages[-1] + 1 and not looks_like_project(cm)):
            # a form's indicator rows continued on the next page as a table of their own, no header printed
            head = last.source_header
            more = read_rows(table, cm, IndicatorHeader(-1, head.columns, head.attributes, 0), range(cm.n_rows),
                             warnings, before=last.indicators[-1] if last.indicators else None)
            if more:
                tail = last.indicators[-1] if last.indicators else None
                for name in ("level1", "level2"):  # a level cell cut by the page break, its label printed below
                    if tail is not None and getattr(tail, name) == "" and getattr(more[0], name):
                        setattr(tail, name, getattr(more[0], name))
                last.indicators.extend(more)
                last.pages = sorted(set(last.pages) | {p.page for p in table.parts})
                continue
        heading = _heading_before(table, prose, caption, tables[index - 1] if index else None)
        number, title = heading_number(heading.text) if heading is not None else (None, None)
        if is_department_wide(table, caption, title):
            dept = read_wide(table, caption, warnings)
            wide.append(dept)
            last, last_from_list = dept, False
            continue
        found: list[Project] = []
        if columns is not None:
            list_columns = (columns, cm.n_cols)
            unit = projects[-1].department_unit if projects and last is projects[-1] and last_from_list else None
            found = read_list(table, cm, columns, title, _list_caption_fields(caption), warnings, unit)
            if not found:
                warnings.append(Warning("table_uninterpreted", "a list table with project columns gave no "
                                        "project; kept raw in tables", first_page))
            elif len(found) == 1 and len(found[0].pages) > 3:
                warnings.append(Warning("list_single_project", f"a list table over {len(found[0].pages)} pages "
                                        "was read as a single project", first_page))
        else:
            for start, stop in form_segments(cm) if header is not None else [(0, cm.n_rows)]:
                part = table if (start, stop) == (0, cm.n_rows) else slice_table(table, start, stop)
                project = read_project(part, title, warnings)
                if project is None:
                    if looks_like_project(cm):
                        warnings.append(Warning("table_uninterpreted",
                                                "a table with project or indicator labels has no "
                                                "一级指标/指标值 header row; kept raw in tables", first_page))
                    continue
                if project.indicators and project.name is None and project.code is None and not any(
                        (project.budget.total, project.budget.fiscal, project.budget.other, project.goals)):
                    warnings.append(Warning("indicators_without_project", "a table of indicator rows names no "
                                            "project (no name, code, budget or goal): not read as a project",
                                            first_page))
                    continue
                if not project.indicators and project.name is None and project.budget.total is None:
                    warnings.append(Warning("table_empty", "a project form with nothing filled in (a blank "
                                            "template): not a project", first_page))
                    continue
                if not project.indicators:
                    warnings.append(Warning("table_uninterpreted", "project table with no indicator rows",
                                            first_page))
                found.append(project)
        continued = columns is not None and projects and last is projects[-1] and last_from_list
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
                        last.budget.total is None or found[0].budget.total is None))):
                join_cut(last, found.pop(0))  # the group cut by the page break between the two tables
        if continued:
            for project in found:  # a list continued from an earlier table keeps its amount unit
                project.amount_unit = project.amount_unit or last.amount_unit
        if found or columns is not None:
            last_from_list = columns is not None
        for project in found:
            project.seq = len(projects) + 1
            projects.append(project)
            _project_warnings(project, warnings)
            last = project
        if found:
            project_tables.append(table)
            captions.extend(caption)
            if heading is not None:
                headings.append((number, title or "", heading.page))

    check_titles(read_toc(prose.toc), headings, warnings)
    info = read_document(prose.lines, captions)
    if info.year is None:  # a year printed inside a project table ("（2023年度）" under the title)
        for table in project_tables:
            for row in table.rows[:3]:
                for text in row:
                    m = YEAR.search(text or "")
                    if m:
                        info.year = int(m.group(1))
                        break
                if info.year:
                    break
            if info.year:
                break
    department = read_department(prose, graded)
    if wide:
        first = wide[0]
        if department is not None:  # the seed's prose part and a department-wide table: one department
            first.overall_goal = first.overall_goal or department.overall_goal
            first.sections = department.sections
            first.duty_goals, first.measures = department.duty_goals, department.measures
        department = first
    out = {
        "document": info.to_dict(),
        "department": department.to_dict() if department is not None else None,
        "projects": [p.to_dict() for p in projects],
    }
    if len(wide) > 1:
        out["department_tables"] = [d.to_dict() for d in wide]
    return out
