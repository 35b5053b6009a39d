"""Interpret: stitched tables and the text around them -> document, department and projects.

Every table is read by what its cells say (the vocabulary in vocabulary.toml, loaded by labels.py), never
by position: graded department tables (department.py), and through sequence.py the department-wide tables
(wide.py), list tables (listing.py, packed.py) and form tables (project.py), whose indicator rows one reader
serves (indicators.py). The cover and unit lines give the document (document.py); the table of contents is
checked against the headings (toc.py). A table none of them knows stays only in `tables`; one that looks
like a project or indicator table but cannot be read gets a warning.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import regex

from extractor.interpret import labels as L
from extractor.interpret.cells import CellMap, squeeze
from extractor.interpret.department import read_department, read_graded
from extractor.interpret.document import YEAR, read_document
from extractor.interpret.fields import heading_number
from extractor.interpret.prose import Prose
from extractor.interpret.records import GradedIndicator
from extractor.interpret.sequence import SequenceReader
from extractor.interpret.toc import check_titles, read_toc
from extractor.model import PageLayout, Table, TextLine, Warning

__all__ = ["interpret"]

_HEADING = regex.compile(r"表\s*(?:[（(][^（()）]{1,12}[)）])?\s*$")


def _caption(table: Table, prose: Prose, previous: Table | None) -> list[TextLine]:
    """The lines printed above a table: its own caption from stitch, else the prose lines between the
    previous table (or the page top) and this one; where nothing is printed above it at its page top, the last
    lines of the page before (its heading and 单位 line left alone at the foot of that page)."""
    if table.caption:
        return list(table.caption)
    if not table.parts:
        return []
    page, top = table.parts[0].page, table.parts[0].bbox[1]
    floor = -1.0
    if previous is not None and previous.parts and previous.parts[-1].page == page:
        floor = previous.parts[-1].bbox[3]
    return [ln for ln in prose.lines if ln.page == page and floor < ln.top < top] or _page_foot(table, prose, previous)


def _page_foot(table: Table, prose: Prose, previous: Table | None) -> list[TextLine]:
    """The last lines (at most 3) of the page before the table's first, after any table there."""
    if not table.parts:
        return []
    page = table.parts[0].page - 1
    floor = -1.0
    if previous is not None and previous.parts:
        if previous.parts[-1].page > page:
            return []
        if previous.parts[-1].page == page:
            floor = previous.parts[-1].bbox[3]
    return [ln for ln in prose.lines if ln.page == page and ln.top > floor][-3:]


def _heading_before(table: Table, prose: Prose, caption: list[TextLine], previous: Table | None) -> TextLine | None:
    """The table's heading: in its caption, else among the last lines of the page before (a heading left
    alone at the foot of a page, its table - under its 单位 line or not - starting on the next)."""
    found = _heading(caption)
    if found is not None or not table.parts:
        return found
    if any(ln.page == table.parts[0].page and not L.AMOUNT_UNIT_LINE.search(squeeze(ln.text)) for ln in caption):
        return None
    return _heading(_page_foot(table, prose, previous))


def _heading(caption: list[TextLine]) -> TextLine | None:
    for i in range(len(caption) - 1, -1, -1):
        ln = caption[i]
        text = ln.text.strip()
        if _HEADING.search(text) and not L.AMOUNT_UNIT_LINE.search(squeeze(text)):
            return _unwrapped(caption[i - 1], ln) if i else ln
    return None


def _unwrapped(before: TextLine, ln: TextLine) -> TextLine:
    """The heading whole where it wrapped (`…项目支出绩效目标` over `表`): the line above in the same size,
    starting where it starts, running on further right, that is no heading of its own, is its first part."""
    size = ln.size or (ln.bottom - ln.top)
    wrapped = (before.page == ln.page and abs(before.size - ln.size) <= 0.3 and abs(before.x0 - ln.x0) <= 2.0
               and before.x1 > ln.x1 and 0 < ln.top - before.top <= 2.0 * size
               and not _HEADING.search(before.text.strip()) and not regex.search(r"[：:。；;]\s*$", before.text))
    if not wrapped:
        return ln
    return replace(ln, text=before.text.strip() + ln.text.strip(), top=before.top, x1=before.x1)


def interpret(layouts: list[PageLayout], tables: list[Table], warnings: list[Warning]) -> dict[str, Any]:
    prose = Prose.from_layouts(layouts)
    graded: list[tuple[Table, list[GradedIndicator]]] = []
    reader = SequenceReader(warnings)
    headings: list[tuple[int | None, str, int]] = []
    captions: list[TextLine] = []
    project_tables: list[Table] = []
    previous: Table | None = None
    for index, table in enumerate(tables):
        caption = _caption(table, prose, previous)
        previous = table
        cm = CellMap(table)
        indicators = read_graded(table, warnings, cm)
        if indicators is not None:
            graded.append((table, indicators))
            continue
        if reader.continues(table, cm):
            continue
        heading = _heading_before(table, prose, caption, tables[index - 1] if index else None)
        number, title = heading_number(heading.text) if heading is not None else (None, None)
        if reader.read(table, cm, caption, title):
            project_tables.append(table)
            captions.extend(caption)
            if heading is not None:
                headings.append((number, title or "", heading.page))
    projects, wide = reader.projects, reader.wide

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
