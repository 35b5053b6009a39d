"""Department-wide tables (部门整体绩效目标表, 部门整体预算绩效目标申报表, 部门整体支出绩效目标表, 专项资金整体支出
绩效目标表): the department's name, budget, overall goal, tasks and indicators, read by their labels
(vocabulary.toml [department]).

A table is department-wide when its title says so (in its caption or its own first rows). Its label cells are
read like a form's: the value right of a label, else below it (a column head over its amount; a block head
such as 财政拨款 over 合计 over the amount). The tasks block (年度主要任务 / 年度重点工作任务) has column heads
(任务名称, 主要内容, 预算金额 …) over one row per task; the indicator rows are read as in projects.
"""

from __future__ import annotations

import regex

from extractor.interpret import labels as L
from extractor.interpret.cells import Cell, CellMap, squeeze
from extractor.interpret.fields import amount
from extractor.interpret.indicators import find_indicator_header, read_rows
from extractor.interpret.records import Budget, Department, Task
from extractor.model import Table, TextLine, Warning
from extractor.normalize.text import clean_cell

_CAPTION_NAME = regex.compile(r"^(?:单位名称|部门名称|部门[（(]单位[)）]名称|预算单位)(?:[：:]|\s)\s*(?P<name>\S.*?)\s*$")


def is_department_wide(table: Table, caption: list[TextLine], title: str | None) -> bool:
    texts = [ln.text for ln in caption] + ([title] if title else [])
    cm_rows = table.rows[:3]
    texts += [c for row in cm_rows for c in row if c]
    return any(L.matches(L.DEPT_TITLE, squeeze(t)) for t in texts)


_AMOUNT_UNIT = regex.compile(r"\s*(?:万元|亿元|元)\s*$")


def _amount(text: str | None) -> tuple[float | None, bool]:
    """An amount, with a unit printed after it (`100000万元`) allowed."""
    return amount(_AMOUNT_UNIT.sub("", text or ""))


def _is_amount(text: str | None) -> bool:
    value, ok = _amount(text)
    return ok and value is not None


def _value_below(cm: CellMap, label: Cell, limit: int) -> str | None:
    """An amount under a column-head label, passing a 合计 head on the way."""
    r = label.last_row + 1
    while r < limit:
        cell = cm.at(r, label.col)
        if cell is None:
            return None
        if _is_amount(cell.text):
            return cell.text
        if not L.matches(L.SUBTOTAL, cell.text):
            return None
        r = cell.last_row + 1
    return None


def _right(cm: CellMap, cell: Cell) -> Cell | None:
    right = cm.right_of(cell)
    return right if right is not None and right is not cell else None


def _is_label(text: str) -> bool:
    """Any label the vocabulary knows (a field, a block head, a table title): never a piece of a value."""
    return (L.is_known_label(text) or L.indicator_field(text) is not None or L.matches(L.DEPT_TITLE, squeeze(text))
            or any(L.matches(patterns, text) for patterns in L.DEPT_FIELDS.values()))


def _stack_right(cm: CellMap, label: Cell, limit: int) -> list[Cell] | None:
    """The cells right of a label merged over several rows when they are one value cut by rules into
    pieces (a long 年度总体目标 ruled into blocks, or cut by a page break): cells of the same columns, one
    under the other, covering the label's rows above the indicator header (`limit`), none of them a label
    (a head over sub-heads, 整体绩效目标 over 其他说明, is read the usual way). None otherwise."""
    if label.rowspan < 2 or label.end_col >= cm.n_cols:
        return None
    stack: list[Cell] = []
    r, end = label.row, min(label.last_row + 1, limit)
    while r < end:
        cell = cm.at(r, label.end_col)
        if cell is None or cell.row != r or (stack and cell.colspan != stack[0].colspan):
            return None
        if _is_label(cell.text):
            return None
        stack.append(cell)
        r = cell.last_row + 1
    return stack if stack and r == end else None


def read_wide(table: Table, caption: list[TextLine], warnings: list[Warning]) -> Department:
    cm = CellMap(table)
    header = find_indicator_header(cm)
    limit = header.row if header is not None else cm.n_rows
    dept = Department(wide=True, budget=Budget())
    fields = L.DEPT_FIELDS
    used: set[tuple[int, int]] = set()
    for cell in cm.cells:
        if cell.row < limit and L.matches(fields["tasks"], cell.text) and cell.rowspan > 1:
            used = _tasks(cm, cell, limit, dept)
            break
    goals: list[tuple[int, str]] = []  # (rank, text): the best-ranked goal label wins
    amounts: dict[str, list[tuple[Cell, float | None]]] = {"total": [], "fiscal": [], "other": []}
    for cell in sorted(cm.cells, key=lambda c: (c.row, c.col)):
        if cell.row >= limit:
            break
        s = L.label_text(cell.text)
        if not s or (cell.row, cell.col) in used:
            continue
        right = _right(cm, cell)
        if right is not None and right.rowspan < cell.rowspan:
            right = cm.below(cell)  # a column head over a block of heads: its value is below it
        if right is not None and (L.is_strong_label(right.text) or L.indicator_field(right.text)):
            right = None  # a head over other labels (总体目标 over 实施期总目标 / 年度目标)
        if dept.name is None and L.matches(fields["name"], s) and right is not None:
            dept.name = squeeze(right.text) or None
        elif (rank := L.rank(fields["overall_goal"], s)) is not None:
            stack = _stack_right(cm, cell, limit)
            if stack is not None:
                goals.append((rank, clean_cell("\n".join(c.text for c in stack))))
                continue
            value = right if right is not None else cm.below(cell)
            if (value is not None and (value.text or "").strip() and not L.is_strong_label(value.text)
                    and not L.indicator_field(value.text)):
                goals.append((rank, value.text.strip()))  # (an empty cell is no goal: a vertical label's foot)
        else:
            for key in ("total", "fiscal", "other"):
                if L.matches(fields[key], s):
                    text = right.text if right is not None and _is_amount(right.text) else _value_below(cm, cell, limit)
                    amounts[key].append((cell, _amount(text)[0] if text else None))
                    break
    if goals:
        dept.overall_goal = min(goals, key=lambda g: g[0])[1] or None
    if amounts["total"] and dept.budget.total is None:
        # the best-ranked label wins (年度资金总额 over 实施期资金总额), the first printed among equals
        label, dept.budget.total = min(amounts["total"], key=lambda a: L.rank(fields["total"], a[0].text))
        for key in ("fiscal", "other"):  # the split printed under the total's own label, where it repeats
            same = [v for c, v in amounts[key] if c.col == label.col] or [v for _, v in amounts[key]]
            if same and getattr(dept.budget, key) is None:
                setattr(dept.budget, key, same[0])
    else:
        for key in ("fiscal", "other"):
            if amounts[key] and getattr(dept.budget, key) is None:
                setattr(dept.budget, key, amounts[key][0][1])
    if dept.name is None:
        for ln in caption:
            m = _CAPTION_NAME.match(ln.text.strip())
            if m:
                dept.name = squeeze(m.group("name"))
                break
    if header is not None:
        dept.indicators = read_rows(table, cm, header, range(header.data_row, cm.n_rows), warnings)
    dept.pages = sorted({p.page for p in table.parts} | set(table.row_pages))
    return dept


def _tasks(cm: CellMap, head: Cell, limit: int, dept: Department) -> set[tuple[int, int]]:
    """The task rows right of a 年度主要任务 head: its first rows name the columns (任务名称 | 主要内容 |
    预算金额 over 总额 / 财政拨款 / 其他资金); a 合计 row gives the department's budget. Returns the cells used."""
    fields = L.DEPT_FIELDS
    columns: dict[str, int] = {}
    used: set[tuple[int, int]] = {(head.row, head.col)}
    data_row = None
    for r in range(head.row, min(limit, head.last_row + 1)):
        for cell in cm.row_cells(r):
            if cell.row != r or cell is head:
                continue
            for key in ("task_name", "task_content", "task_budget"):
                if key not in columns and L.matches(fields[key], cell.text):
                    columns[key] = cell.col
                    used.add((cell.row, cell.col))
                    data_row = max(data_row or 0, cell.last_row + 1)
                    if key == "task_budget" and cell.colspan > 1:  # 预算金额 over 总额 / 财政拨款 / 其他资金
                        for sub in cm.row_cells(cell.last_row + 1):
                            if sub.row == cell.last_row + 1 and cell.col <= sub.col < cell.end_col:
                                used.add((sub.row, sub.col))
                                data_row = max(data_row, sub.last_row + 1)
                                for k2 in ("total", "fiscal", "other"):
                                    if k2 not in columns and L.matches(fields[k2], sub.text):
                                        columns[k2] = sub.col
        if data_row is not None:
            break
    if data_row is None:
        return used
    budget_col = columns.get("total", columns.get("task_budget"))
    r = data_row
    while r < min(limit, head.last_row + 1):
        first = cm.at(r, columns.get("task_name", head.end_col))
        if first is None:
            r += 1
            continue
        for c in cm.row_cells(r):
            if c.row == r:
                used.add((c.row, c.col))
        name = cm.text(r, columns["task_name"]).strip() if "task_name" in columns else None
        if name and L.matches(L.SUBTOTAL, name):
            budget = dept.budget or Budget()
            for key in ("total", "fiscal", "other"):
                col = columns.get(key, budget_col if key == "total" else None)
                if col is not None:
                    setattr(budget, key, amount(cm.text(r, col))[0])
            dept.budget = budget
            r = first.last_row + 1
            continue
        content = cm.text(r, columns["task_content"]).strip() if "task_content" in columns else None
        budget = amount(cm.text(r, budget_col))[0] if budget_col is not None else None
        if name or content:
            dept.tasks.append(Task(name or None, content or None, budget))
        r = first.last_row + 1
    return used
