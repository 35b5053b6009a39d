"""Random list documents: the published list layouts (issue 11) drawn from a seeded source, true by the model.

A list table prints a row group per project (Beijing 预算表12, Changsha, Chongqing 表十二): the project's
columns (项目名称 as `<code>-<name>` or the name alone, 项目总额, 财政资金, 其他资金, 绩效目标) merged over its
indicator rows, and indicator columns beside them, operator / value / unit either in three columns
(绩效指标性质 / 本年绩效指标值 / 绩效度量单位) or in one (指标值). The table flows over as many pages as it needs, so
page breaks fall inside row groups, inside merged cells and inside rows (cut rows), with the header rows
repeated or not. Optionally the projects are grouped under unit rows (`106001 长沙市公安局`, a row across the
table), which give `department_unit`.

`build(seed)` renders a document with render_rl (reportlab, built-in STSong-Light, no font files) and returns
the PDF and its expected contract JSON, built from the model and the renderer's placement only, never from
the extractor. `check(seed)` extracts it and lists the differing fields (random_docs.compare).

    python -m samples.generate.random_lists N [--start S]      # make fuzz-lists N= START=
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass, field
from typing import Any

from .model import Cell, Document, Indicator, Layout, LogicalTable, Value, _grid, _indicator_rows, amount, central_val, val
from .render_rl import width
from .random_docs import (FONT, ORG_PLACES, PAGE_SIZES, QUALITATIVE, RandomRenderer, _level_rows, _number,
                          check_drawn, compare, fuzz_main, text)

KEY = "list:1"
ORG_BODIES = ["发展和改革委员会", "生态环境局", "公安局", "商务委员会", "水利局", "民政局", "司法局", "医疗保障局"]
HEADINGS = ["{year}年项目支出绩效目标表", "{year}年度项目支出绩效目标表", "预算项目绩效目标表（{year}年）"]
GRADES = ["优", "良", "中", "好"]


@dataclass
class ListProject:
    code: str | None
    name: str
    total: str  # amounts as printed
    fiscal: str
    other: str
    goal: str
    indicators: list[Indicator]
    unit: str | None = None  # the unit row it is printed under, if any
    parts: list[tuple[str, str, str]] = field(default_factory=list)  # (op, value, unit) as printed, per indicator

    @property
    def cell_name(self) -> str:
        return f"{self.code}-{self.name}" if self.code else self.name


@dataclass
class ListStyle:
    """How the list is drawn."""

    two_row_header: bool  # 其中： over 财政资金 / 其他资金
    value_columns: int  # 3 (性质 / 值 / 单位) or 1 (指标值)
    merged_levels: bool  # runs of equal 一级/二级指标 merged (else printed on every row)
    decimals: int  # 38.000000 (Beijing) or 38.00
    labels: dict[str, str]
    total_row: bool = False  # a 合计 row above the first project (Changsha)


@dataclass
class ListDrawn:
    doc: Document
    layout: Layout
    heading: str
    projects: list[ListProject]
    style: ListStyle
    repeat_header: bool
    merged_text: str


def _value(rng: random.Random, columns: int) -> tuple[Value, tuple[str, str, str]]:
    """A value and its three printed parts (op, value, unit; the one-column layout prints them joined)."""
    form = rng.random()
    if form < 0.15:
        grade = rng.choice(GRADES)
        if columns == 1:  # 定性 is the operator column's word; one column prints the grade alone
            return central_val("", grade, "", None, None, text=grade), ("", grade, "")
        return val("定性" + grade, None, None, None, text=grade), ("定性", grade, "")
    if form < 0.22:
        t = rng.choice(QUALITATIVE)
        return central_val("", t, "", None, None, text=t), ("", t, "")
    op = rng.choice([">=", "<=", "=", ">", "<"])
    sym = {">=": "≥", "<=": "≤", "=": rng.choice(["＝", "="]), ">": "＞", "<": "＜"}[op]
    s, n = _number(rng)
    unit = rng.choice(["%", "个", "人次", "万元", "家", "份", "天", "台", "平方米", "次", "项"])
    return central_val(sym, s, unit, op, n), (sym, s, unit)


def _code(rng: random.Random) -> str:
    return f"110000{rng.randint(21, 26)}{rng.choice('TYZ')}{rng.randint(0, 10**12 - 1):012d}"


def _amount(x: float, decimals: int) -> str:
    return f"{x:.{decimals}f}"


def _project(rng: random.Random, max_rows: int, style: ListStyle, with_code: bool) -> ListProject:
    name = text(rng, 3, rng.choice([8, 14, 24])) + rng.choice(["项目", "经费", "工作经费", "专项", ""])
    total = round(rng.uniform(0.5, 3000), rng.choice([2, 4]))
    other = rng.choice([0.0, 0.0, 0.0, round(total * rng.uniform(0.05, 0.5), 2)])
    fiscal = round(total - other, 4)
    other_s = _amount(other, style.decimals) if other else rng.choice(["", _amount(0, style.decimals)])
    # one goal, no numbering: a text that starts with a character and holds no `1、`-like marker
    goal = re.sub(r"^[^\u4e00-\u9fff]+|[0-9A-Za-z.．]+$", "", text(rng, 6, rng.choice([20, 60, 140]))) or "完成年度任务"
    indicators, parts = [], []
    for l1, l2 in _level_rows(rng, rng.randint(1, max_rows)):
        value, printed = _value(rng, style.value_columns)
        indicators.append(Indicator(l1, l2, text(rng, 2, rng.choice([6, 12, 24])), None, value, None))
        parts.append(printed)
    return ListProject(code=_code(rng) if with_code else None, name=name, total=_amount(total, style.decimals),
                       fiscal=_amount(fiscal, style.decimals), other=other_s, goal=goal, indicators=indicators,
                       parts=parts)


def _sums(projects: list[ListProject], decimals: int) -> list[str]:
    """项目总额, 财政资金, 其他资金 summed over projects, as a unit or 合计 row prints them."""
    out = []
    for k in ("total", "fiscal", "other"):
        x = sum(amount(getattr(p, k)) or 0.0 for p in projects)
        out.append(_amount(x, decimals) if x or k != "other" else "")
    return out


def list_table(projects: list[ListProject], style: ListStyle) -> tuple[LogicalTable, list[int]]:
    """The list as one logical table, and the first logical row of each project's group."""
    lab = style.labels
    value_heads = [lab["op"], lab["value"], lab["unit"]] if style.value_columns == 3 else [lab["value"]]
    level_heads = ["一级指标", "二级指标", "三级指标"]
    rows: list[list[Cell]] = []
    if style.two_row_header:
        rows.append([Cell(lab["name"], rowspan=2, header=True), Cell(lab["total"], rowspan=2, header=True),
                     Cell("其中：", colspan=2, header=True), Cell(lab["goal"], rowspan=2, header=True)]
                    + [Cell(h, rowspan=2, header=True) for h in level_heads + value_heads])
        rows.append([Cell(lab["fiscal"], header=True), Cell("其他资金", header=True)])
    else:
        rows.append([Cell(h, header=True) for h in [lab["name"], lab["total"], lab["fiscal"], "其他资金", lab["goal"]]
                     + level_heads + value_heads])
    repeat = list(range(len(rows)))
    n_cols = 5 + 3 + len(value_heads)
    starts: list[int] = []
    unit = None
    blank = [Cell("") for _ in range(n_cols - 4)]
    if style.total_row:
        rows.append([Cell("合计")] + [Cell(s) for s in _sums(projects, style.decimals)] + blank)
    for p in projects:
        if p.unit and p.unit != unit:  # a unit row: its code and name, its projects' sums (Changsha)
            unit = p.unit
            rows.append([Cell(p.unit)] + [Cell(s) for s in _sums([q for q in projects if q.unit == unit],
                                                                  style.decimals)] + blank)
        starts.append(len(rows))
        n = len(p.indicators)
        if style.merged_levels:
            levels = _indicator_rows(p.indicators)
        else:
            levels = [[Cell(i.level1), Cell(i.level2), Cell(i.level3)] for i in p.indicators]
        for k, ind in enumerate(p.indicators):
            row = [Cell(p.cell_name, rowspan=n), Cell(p.total, rowspan=n), Cell(p.fiscal, rowspan=n),
                   Cell(p.other, rowspan=n), Cell(p.goal, rowspan=n)] if k == 0 else []
            op_s, num_s, unit_s = p.parts[k]
            values = [Cell(op_s), Cell(num_s), Cell(unit_s)] if style.value_columns == 3 else [Cell(ind.value.raw)]
            rows.append(row + levels[k] + values)
    return LogicalTable(key=KEY, rows=_grid(rows, n_cols), repeat_rows=repeat), starts


def random_list(seed: int, max_projects: int = 25, max_rows: int = 12) -> ListDrawn:
    rng = random.Random(seed)
    year = rng.choice([2024, 2025, 2026])
    org = rng.choice(ORG_PLACES[:1] + ["北京市", "长沙市", "重庆市"]) + rng.choice(ORG_BODIES)
    labels = {"name": rng.choice(["项目名称", "项目名称", "专项名称"]), "total": rng.choice(["项目总额", "预算数", "资金总额"]),
              "fiscal": rng.choice(["财政资金", "财政拨款"]), "goal": rng.choice(["绩效目标", "年度目标"]),
              "op": rng.choice(["绩效指标性质", "指标性质"]), "value": rng.choice(["本年绩效指标值", "指标值"]),
              "unit": rng.choice(["绩效度量单位", "计量单位", "度量单位"])}
    style = ListStyle(two_row_header=rng.random() < 0.6, value_columns=rng.choice([3, 3, 1]),
                      merged_levels=rng.random() < 0.5, decimals=rng.choice([6, 2, 2]), labels=labels)
    n_projects = min(max_projects, 1 + int(rng.expovariate(0.15)))
    with_code = rng.random() < 0.7
    projects = [_project(rng, max_rows, style, with_code) for _ in range(n_projects)]
    if rng.random() < 0.3:  # grouped under unit rows, under a 合计 row or not
        style.total_row = rng.random() < 0.5
        units = [f"{rng.randint(100001, 999999)} {rng.choice(ORG_PLACES[:1] + ['长沙市'])}{rng.choice(ORG_BODIES)}"
                 for _ in range(rng.randint(1, 3))]
        cut = sorted(rng.sample(range(1, n_projects), min(len(units) - 1, n_projects - 1))) if n_projects > 1 else []
        bounds = [0] + cut + [n_projects]
        for u, (a, b) in zip(units, zip(bounds, bounds[1:])):
            for p in projects[a:b]:
                p.unit = u
    doc = Document(title=f"{org}{year}年部门预算", year=year, organization=org, organization_code=None,
                   department=None, projects=[], publisher_line=f"{org}编制")
    size = rng.choice(PAGE_SIZES)
    margins = (round(rng.uniform(25, 70), 1), round(rng.uniform(30, 80), 1), round(rng.uniform(25, 70), 1),
               round(rng.uniform(60, 90), 1))
    base = [0.11, 0.06, 0.06, 0.06, 0.17, 0.07, 0.08, 0.14] + ([0.06, 0.09, 0.06] if style.value_columns == 3
                                                               else [0.12])
    layout = Layout(
        name=f"random-list-{seed}", page_size=size,
        landscape_from=KEY if style.value_columns == 3 or rng.random() < 0.7 else None,
        margins=margins, body_font=FONT, heading_font=FONT, table_font=FONT,
        table_font_size=rng.choice([7.0, 7.5, 8.0, 9.0]), body_size=12.0, border=rng.choice(["lines", "rects", "mixed"]),
        col_widths=[w * rng.uniform(0.8, 1.25) for w in base], with_cover=True, with_toc=False,
        footer_numbers=rng.random() < 0.7, footer_first_numbered=2, table_style="list",
        cut_rows={KEY: rng.random() < 0.5}, forced_space={KEY: round(rng.uniform(0, max(size) * 0.5), 1)}
        if rng.random() < 0.4 else {}, number_titles=False, unit_line=False)
    _fit_columns(layout, projects, style.decimals)
    heading = rng.choice(HEADINGS).format(year=year)
    return ListDrawn(doc, layout, heading, projects, style, repeat_header=rng.random() < 0.75,
                     merged_text=rng.choice(["before", "after"]))


def _fit_columns(layout: Layout, projects: list[ListProject], decimals: int) -> None:
    """Widen the amount columns until every amount (and a unit's sum) fits on one line, and the 项目名称
    column until it holds 7 characters a line: producers size them so (Beijing 预算表12 prints 8 a line, its
    21-character code over two lines). A number wrapped over lines could not be told from numbers stacked
    one per line, nor could a code wrapped in 6-digit lines (`110000` over `25Z560` over `270302`)."""
    w, h = layout.page_size
    page_w = max(w, h) if layout.landscape_from else min(w, h)
    usable = page_w - layout.margins[0] - layout.margins[2]
    fr = layout.col_widths or []
    printed = [a for p in projects for a in (p.total, p.fiscal, p.other)] + _sums(projects, decimals)
    longest = max(printed, key=len)
    amount_need = width(longest + "00", layout.table_font, layout.table_font_size) + 5 + 2.5 * 2
    need = {0: width("项" * 7, layout.table_font, layout.table_font_size) + 1 + 2.5 * 2,
            1: amount_need, 2: amount_need, 3: amount_need}
    for _ in range(20):  # growing one column's share narrows the others: again until all of them fit
        for c, n in need.items():
            total = sum(fr)
            if usable * fr[c] / total < n:  # grow its share so that its width is `n` after renormalising
                fr[c] = n * (total - fr[c]) / (usable - n) * 1.001
        if all(usable * fr[c] / sum(fr) >= n for c, n in need.items()):
            break


class ListRenderer(RandomRenderer):
    """Draws the cover, the list's heading and 单位 line, and the list table."""

    def __init__(self, d: ListDrawn):
        super().__init__(d.doc, d.layout, d.repeat_header, d.merged_text)
        self.drawn = d

    def render_list(self) -> tuple[bytes, Any, LogicalTable, list[int]]:
        d, lay = self.drawn, self.layout
        table, starts = list_table(d.projects, d.style)
        self.new_page()
        self.y = self.pages[-1].size[1] * 0.28
        self.paragraph(d.doc.title, lay.heading_font, 22, indent=False, align="center", leading=36)
        self.y += 60
        self.paragraph(d.doc.publisher_line or "", lay.heading_font, 16, indent=False, align="center")
        self.landscape = lay.landscape_from == KEY
        self.new_page()
        self.y += lay.forced_space.get(KEY, 0.0)
        self.heading(d.heading, KEY, 14, align="center", space_before=0)
        self.paragraph("单位：万元", lay.body_font, 10.5, indent=False, align="right", space_after=2)
        if self.y + 100 > self.bottom:  # the header rows are kept together with a first row (as Word does)
            self.new_page()
        self.table(table, lay.col_widths or [])
        pdf, placement = self.finish()
        return pdf, placement, table, starts


def _row_pages(renderer: ListRenderer, placement: Any, rows: range) -> set[int]:
    """The pages logical rows touch: where each starts, and the next page for a row cut by the break."""
    pages = {placement.tables[KEY].row_pages[r] for r in rows}
    for event in renderer.events:
        m = re.fullmatch(rf"cut:{re.escape(KEY)}:row(\d+):page(\d+)", event)
        if m and int(m.group(1)) in rows:
            pages.add(int(m.group(2)) + 1)
    return pages


def build(seed: int, max_projects: int = 25, max_rows: int = 12) -> tuple[bytes, dict[str, Any], ListRenderer]:
    """(PDF bytes, expected contract JSON, the renderer) of one seed: the truth is the model."""
    d = random_list(seed, max_projects, max_rows)
    r = ListRenderer(d)
    pdf, placement, table, starts = r.render_list()
    row_pages = placement.tables[KEY].row_pages
    projects = []
    for seq, (p, first) in enumerate(zip(d.projects, starts), 1):
        rows = range(first, first + len(p.indicators))
        projects.append({
            "seq": seq, "title": d.heading, "code": p.code, "name": p.name, "amount_unit": "万元",
            "budget": {"total": amount(p.total), "fiscal": amount(p.fiscal), "other": amount(p.other)},
            "purpose": None, "spending_plan": [], "goals": [p.goal], "attributes": {},
            "department_unit": p.unit.split(" ", 1)[1] if p.unit else None,
            "indicators": [{"level1": ind.level1, "level2": ind.level2, "level3": ind.level3, "description": None,
                            "value": ind.value.to_dict(), "basis": None, "page": row_pages[first + k]}
                           for k, ind in enumerate(p.indicators)],
            "pages": sorted(_row_pages(r, placement, rows)),
        })
    tp = placement.tables[KEY]
    expected = {
        "schema_version": 1,
        "source": {"file": f"random-list-{seed}.pdf", "sha256": hashlib.sha256(pdf).hexdigest(),
                   "pages": placement.n_pages},
        "document": {"title": d.doc.title, "year": d.doc.year, "organization": d.doc.organization,
                     "organization_code": None},
        "department": None,
        "projects": projects,
        "tables": [{"parts": [{"page": pg, "bbox": [round(v, 1) for v in bb]} for pg, bb in tp.parts],
                    "n_rows": table.n_rows, "n_cols": table.n_cols, "rows": table.contract_rows(),
                    "spans": table.spans()}],
    }
    return pdf, expected, r


def compare_list(expected: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """random_docs.compare, plus each project's department_unit."""
    out = compare(expected, got)
    for i, (e, g) in enumerate(zip(expected["projects"], got["projects"])):
        if e["department_unit"] != g.get("department_unit"):
            out.append(f"projects[{i}].department_unit: {e['department_unit']!r} != {g.get('department_unit')!r}")
    return out


def check(seed: int, max_projects: int = 25, max_rows: int = 12, keep: str | None = None) -> list[str]:
    """Render one seed, extract it, and list the differences from its model."""
    return check_drawn(build, compare_list, "random-list", seed, max_projects, max_rows, keep)


def main(argv: list[str] | None = None) -> int:
    """`python -m samples.generate.random_lists N [--start S]`: N seeds from S, up to 25 projects; each failing
    seed and a summary line. Exit status 1 on a failure."""
    return fuzz_main(argv, check, "fuzz-lists", 25, 12, main.__doc__)


if __name__ == "__main__":
    raise SystemExit(main())
