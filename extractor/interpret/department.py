"""第一部分 部门整体绩效目标: the overall goal and section goals from the prose, graded indicator tables.

A graded table has a 评价标准 head over grade columns (优/良/中/差 as printed) and one indicator a row. Each
table belongs to the last section heading ("（一）综合科") printed before it.
"""

from __future__ import annotations

import regex

from extractor.interpret import labels as L
from extractor.interpret.cells import CellMap, squeeze
from extractor.interpret.prose import Prose
from extractor.interpret.records import Department, GradedIndicator, Measure, Section
from extractor.interpret.values import read_value
from extractor.model import Table, TextLine, Warning

SECTION_HEADING = regex.compile(r"^[（(]([一二三四五六七八九十]{1,3})[)）]\s*([^\s，。；：、,;:][^，。；：,;:]{0,19})$")
OVERALL_START = regex.compile(r"^(?:[一二三四五六七八九十]+[、.．]\s*)?总体绩效目标\s*[：:]?\s*")
SECTIONS_START = regex.compile(r"^[一二三四五六七八九十]+[、.．]\s*分项绩效目标")
PART_HEADING = regex.compile(r"^[一二三四五六七八九十]+[、.．]\s*\S")
DUTIES = regex.compile(r"^职责分类绩效目标")
GOAL_START = regex.compile(r"^(?:\d+\s*[.．、]\s*)?(?:绩效目标|工作目标)\s*[：:]\s*")
INDICATORS_START = regex.compile(r"^(?:\d+\s*[.．、]\s*)?绩效指标\s*[：:]?")
PART_TWO = regex.compile(r"^第二部分")
MEASURES_START = regex.compile(r"^[一二三四五六七八九十]+[、.．]\s*(?:工作)?保障措施")
ITEM_MARK = regex.compile(r"^[（(]([一二三四五六七八九十]{1,3})[)）]\s*")


def _items(lines: list[str]) -> list[str]:
    """Lines -> items, one per （一）（二）… marker (markers removed, wrapped lines joined)."""
    items: list[list[str]] = []
    for text in lines:
        m = ITEM_MARK.match(text)
        if m:
            items.append([text[m.end():]])
        elif items:
            items[-1].append(text)
    return [t for t in (_join(item) for item in items) if t]


def read_duties_and_measures(prose: Prose) -> tuple[list[str], list[Measure]]:
    """第一部分's 职责分类绩效目标 items (to the next part heading) and 工作保障措施 items (to 第二部分)."""
    found: dict[str, list[str]] = {"duties": [], "measures": []}
    state: str | None = None
    for ln in prose.lines:
        text = ln.text.strip()
        if PART_TWO.match(text):
            break
        if DUTIES.match(text):
            state = "duties"
            rest = DUTIES.sub("", text, count=1).lstrip("：: ")
            if rest:
                found[state].append(rest)
            continue
        if MEASURES_START.match(text):
            state = "measures"
            continue
        if PART_HEADING.match(text):
            state = None
            continue
        if state is not None:
            found[state].append(text)
    measures = [Measure(item.split("。", 1)[0], item) for item in _items(found["measures"])]
    return _items(found["duties"]), measures


def grade_columns(cm: CellMap) -> tuple[int, int, dict[str, int]] | None:
    """(grade row, name column, {grade label: column}) of a graded table, or None."""
    for cell in cm.cells:
        if not L.matches(L.GRADE_HEAD, cell.text):
            continue
        r = cell.last_row + 1
        if r >= cm.n_rows:
            return None
        grades: dict[str, int] = {}
        for c in range(cell.col, cell.end_col):
            g = cm.at(r, c)
            if g is not None and g.row == r and squeeze(g.text):
                grades.setdefault(squeeze(g.text), c)
        if not grades:
            return None
        name_col = 0
        for other in cm.cells:
            if other.row <= cell.row <= other.last_row and other.col < cell.col:
                name_col = other.col
                break
        return r, name_col, grades
    return None


def read_graded(table: Table, warnings: list[Warning], cm: CellMap | None = None
                ) -> list[GradedIndicator] | None:
    """`cm`: the table's CellMap when the caller has it."""
    cm = cm if cm is not None else CellMap(table)
    found = grade_columns(cm)
    if found is None:
        return None
    grade_row, name_col, grades = found
    out: list[GradedIndicator] = []
    for r in range(grade_row + 1, cm.n_rows):
        name = cm.text(r, name_col)
        if L.matches(L.GRADE_HEAD, name) or L.matches(L.DEPT_NAME, name) and all(
                squeeze(cm.text(r, c)) == g for g, c in grades.items()):
            continue  # header printed again after a page break
        if not squeeze(name) and not any(squeeze(cm.text(r, c)) for c in grades.values()):
            continue
        page = table.row_pages[r] if r < len(table.row_pages) else table.parts[0].page
        out.append(GradedIndicator(name, {g: read_value(cm.text(r, c), page, warnings) for g, c in grades.items()},
                                   page))
    return out


def _join(lines: list[str]) -> str | None:
    from extractor.normalize.text import clean_cell

    text = clean_cell("\n".join(lines))
    return text or None


def _position(line: TextLine) -> tuple[int, float]:
    return line.page, line.top


def read_prose(prose: Prose) -> tuple[str | None, list[tuple[TextLine, str, str | None]]]:
    """(overall goal, [(heading line, section name, section goal)]) from 第一部分's text.

    The overall goal runs from 总体绩效目标： to 职责分类绩效目标 or the next numbered heading; a section goal
    from 绩效目标： to 绩效指标.
    """
    overall: list[str] | None = None
    overall_open = False
    sections: list[tuple[TextLine, str, list[str] | None]] = []
    in_sections = False
    goal: list[str] | None = None
    for ln in prose.lines:
        text = ln.text.strip()
        if PART_TWO.match(text):
            break
        if (overall is None or (overall_open and not overall)) and not in_sections and OVERALL_START.match(text):
            # "一、总体绩效目标" then "总体绩效目标：…": the text starts after the last such label
            rest = OVERALL_START.sub("", text, count=1)
            overall, overall_open = ([rest] if rest else []), True
            continue
        if SECTIONS_START.match(text):
            in_sections, overall_open, goal = True, False, None
            continue
        if overall_open:
            if DUTIES.match(text) or PART_HEADING.match(text) or SECTION_HEADING.match(text):
                overall_open = False
            else:
                overall.append(text)
            continue
        if not in_sections:
            continue
        if PART_HEADING.match(text):  # 三、工作保障措施
            in_sections, goal = False, None
            continue
        m = SECTION_HEADING.match(text)
        if m:
            sections.append((ln, m.group(2).strip(), None))
            goal = None
            continue
        if sections and GOAL_START.match(text):
            goal = [GOAL_START.sub("", text, count=1)]
            line, name, _ = sections[-1]
            sections[-1] = (line, name, goal)
            continue
        if INDICATORS_START.match(text):
            goal = None
            continue
        if goal is not None:
            goal.append(text)
    return (_join(overall) if overall else None,
            [(line, name, _join(g) if g else None) for line, name, g in sections])


def read_department(prose: Prose, graded: list[tuple[Table, list[GradedIndicator]]]) -> Department | None:
    overall, heads = read_prose(prose)
    duties, measures = read_duties_and_measures(prose)
    if not graded and overall is None and not heads and not duties and not measures:
        return None
    sections = [Section(name, goal) for _, name, goal in heads]
    for table, indicators in graded:
        where = (table.parts[0].page, table.parts[0].bbox[1]) if table.parts else (0, 0.0)
        owner = None
        for i, (line, _, _) in enumerate(heads):
            if _position(line) < where:
                owner = i
        if owner is None:
            sections.append(Section("", None, indicators))
        else:
            sections[owner].indicators.extend(indicators)
    return Department(overall, sections, duty_goals=duties, measures=measures)
