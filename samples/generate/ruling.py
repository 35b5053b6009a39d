"""Small PDFs of partial and unusual ruling (issue 12), with the truth each was drawn from.

`python -m samples.generate.ruling [--out DIR]` writes tests/data/ruling/<case>.pdf. The fonts are
reportlab's built-in CID font STSong-Light (not embedded: no font file needed to draw or to read it back).
Each case's TRUTH is the grid the page shows, written here by hand, never read back from a PDF: rows of
cell text by the contract's cell-text rules (wrapped text joined, separate items kept apart with `\\n`).
Coordinates are top-down (pdfplumber's), converted when drawing.
"""

from __future__ import annotations

import argparse
from pathlib import Path

PAGE_W, PAGE_H = 595.0, 842.0
FONT = "STSong-Light"
SIZE = 10.0
LINE = 16.0  # line pitch inside a cell

OUT_DIR = Path(__file__).resolve().parents[2] / "tests" / "data" / "ruling"

# --- the models -------------------------------------------------------------------------------------------

# Column rules, no row rules in the body: a budget table whose amount columns print one amount a line.
STACKED_COLS = [50.0, 90.0, 250.0, 350.0, 450.0]
STACKED_HEADER = ["编号", "名称", "本年度", "上年度"]
STACKED_LINES = [
    ["01", "合计", "1,786", "1,786"],
    ["", "罚款收入", "1,786", "-"],
    ["02", "规费收入", "59,097", "58,715"],
    ["", "审查费", "11,415", "11,371"],
    ["03", "财产收入", "-", "382"],
]

# A fully ruled table whose cells print two lines: separate items (formulas, amounts) and wrapped text.
TWO_LINE_COLS = [50.0, 150.0, 300.0, 420.0]
TWO_LINE_ROWS = [  # each cell: its printed lines
    [["类型"], ["标准"], ["说明"]],
    [["中型企业"], ["300≤X<1000", "2000≤Y<40000"], ["建设完成情", "况"]],
    [["小型企业"], ["20≤X<300"], ["1,786", "1,786"]],
]

# A fully ruled table whose body is printed twice at a sub-point offset (double-struck bold).
STRUCK_COLS = [50.0, 200.0, 320.0]
STRUCK_ROWS = [["科目", "金额"], ["审查费", "11,415"], ["合计", "1,786"]]
STRUCK_OFFSET = (0.3, 0.25)

# A table on the page, and a second one drawn right of the page's edge (half of a two-page spread).
OFF_PAGE_COLS = [50.0, 200.0, 320.0]
OFF_PAGE_ROWS = [["项目", "金额"], ["审查费", "11,415"], ["规费", "59,097"]]
OFF_PAGE_SHIFT = 600.0  # the second table's x offset: wholly beyond PAGE_W
OFF_PAGE_HIDDEN = [["隐藏", "金额"], ["不见", "999"], ["另页", "888"]]

# A fully ruled table whose every rule is a straight Bézier segment (a curve object), no lines or rects.
CURVE_COLS = [50.0, 180.0, 300.0, 420.0]
CURVE_ROWS = [["指标", "目标值", "单位"], ["完成率", "≥90", "%"], ["满意度", "≥85", "%"]]

# A list table ruled by row-wide rules only (the Guangzhou project list): columns by white space.
ROWS_ONLY_COLS = [50.0, 200.0, 260.0, 330.0, 545.0]  # where each column's text starts (no rule drawn)
ROWS_ONLY_ROWS = [  # each cell: its printed lines
    [["项目名称"], ["总计"], ["财政拨款"], ["绩效目标"]],
    [["合计："], ["857.50"], ["857.50"], [""]],
    [["环保监督检查员经费", "（越秀区）"], ["238.00"], ["238.00"], ["通过开展检查员队伍建设，提升", "基层环境保护水平。"]],
    [["环保监督检查员经费", "（海珠区）"], ["619.50"], ["619.50"], ["建立镇街园区环境保护监督检查", "员队伍。"]],
]

# A page a table runs on to (Xi'an 附表14 p.35): the left columns are merged cells whose row rules are on
# other pages (a vertical label printed one glyph a line, a level-1 and a level-2 label), so their column
# rules cross no row rule here; only the indicator columns are ruled into rows, the rule between them a
# 1.9 pt filled rectangle (a thick border), and one indicator's last glyph stands past that rule.
RUN_ON_COLS = [50.0, 90.0, 170.0, 250.0, 400.0, 480.0]
RUN_ON_LABELS = ["年度绩效指标", "产出指标", "数量指标"]  # the merged cells, left to right
RUN_ON_ROWS = [["指标1：保障完成情况", "100%"], ["指标2：开展日常监督检查", "≥80%"],
               ["指标3：应急处置能力达到一流水平", "100%"], ["指标4：驻局纪检组活动", "1项"]]
RUN_ON_THICK = 1.9

ROW_H = 24.0
TOP = 100.0


def _stacked_truth() -> list[list[str]]:
    return [STACKED_HEADER] + [list(r) for r in STACKED_LINES]


def _two_line_truth() -> list[list[str]]:
    return [["类型", "标准", "说明"], ["中型企业", "300≤X<1000\n2000≤Y<40000", "建设完成情况"],
            ["小型企业", "20≤X<300", "1,786\n1,786"]]


def _rows_only_truth() -> list[list[str]]:
    return [["".join(cell) for cell in row] for row in ROWS_ONLY_ROWS]


def _run_on_truth() -> list[list[str | None]]:
    rows: list[list[str | None]] = [list(RUN_ON_LABELS) + RUN_ON_ROWS[0]]
    rows += [[None, None, None] + r for r in RUN_ON_ROWS[1:]]  # None: covered by a merged cell
    return rows


TRUTH: dict[str, dict] = {
    "row-rules-only": {"pages": {1: [_rows_only_truth()]}, "text_rows": False, "text_cols": True},
    "column-rules-stacked": {"pages": {1: [_stacked_truth()]}, "text_rows": True},
    "two-line-cells": {"pages": {1: [_two_line_truth()]}, "text_rows": False},
    "double-struck": {"pages": {1: [STRUCK_ROWS]}, "text_rows": False},
    "off-page": {"pages": {1: [OFF_PAGE_ROWS]}, "text_rows": False},
    "curve-ruling": {"pages": {1: [CURVE_ROWS]}, "text_rows": False},
    "run-on-columns": {"pages": {1: [_run_on_truth()]}, "text_rows": False},
}


# --- drawing ----------------------------------------------------------------------------------------------

def _canvas(path: Path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1)
    c.setFont(FONT, SIZE)
    c.setLineWidth(0.75)
    return c


def _line(c, x0, top, x1, bottom):
    c.line(x0, PAGE_H - top, x1, PAGE_H - bottom)


def _text(c, x, top, s):
    """Text whose glyph box starts at `top` (baseline a font size below)."""
    c.drawString(x, PAGE_H - top - SIZE * 0.88, s)


def _grid(c, cols, n_rows, top, rule=_line):
    bottom = top + n_rows * ROW_H
    for i in range(n_rows + 1):
        rule(c, cols[0], top + i * ROW_H, cols[-1], top + i * ROW_H)
    for x in cols:
        rule(c, x, top, x, bottom)


def _cells(c, cols, rows, top, dx=0.0, dy=0.0):
    for r, row in enumerate(rows):
        for k, s in enumerate(row):
            _text(c, cols[k] + 4 + dx, top + r * ROW_H + 7 + dy, s)


def draw_stacked(path: Path) -> None:
    c = _canvas(path)
    cols = STACKED_COLS
    head_bottom = TOP + ROW_H
    body_bottom = head_bottom + 8 + LINE * len(STACKED_LINES) + 8
    for y in (TOP, head_bottom, body_bottom):
        _line(c, cols[0], y, cols[-1], y)
    for x in cols:
        _line(c, x, TOP, x, body_bottom)
    _cells(c, cols, [STACKED_HEADER], TOP)
    for i, row in enumerate(STACKED_LINES):
        for k, s in enumerate(row):
            if s:
                _text(c, cols[k] + 4, head_bottom + 8 + i * LINE, s)
    c.showPage()
    c.save()


def draw_two_line(path: Path) -> None:
    c = _canvas(path)
    cols = TWO_LINE_COLS
    heights = [max(len(cell) for cell in row) * LINE + 10 for row in TWO_LINE_ROWS]
    ys = [TOP]
    for h in heights:
        ys.append(ys[-1] + h)
    for y in ys:
        _line(c, cols[0], y, cols[-1], y)
    for x in cols:
        _line(c, x, ys[0], x, ys[-1])
    for r, row in enumerate(TWO_LINE_ROWS):
        for k, lines in enumerate(row):
            for i, s in enumerate(lines):
                _text(c, cols[k] + 4, ys[r] + 5 + i * LINE, s)
    c.showPage()
    c.save()


def draw_struck(path: Path) -> None:
    c = _canvas(path)
    _grid(c, STRUCK_COLS, len(STRUCK_ROWS), TOP)
    _cells(c, STRUCK_COLS, STRUCK_ROWS, TOP)
    _cells(c, STRUCK_COLS, STRUCK_ROWS[1:], TOP + ROW_H, *STRUCK_OFFSET)  # the body struck a second time
    c.showPage()
    c.save()


def draw_off_page(path: Path) -> None:
    c = _canvas(path)
    _grid(c, OFF_PAGE_COLS, len(OFF_PAGE_ROWS), TOP)
    _cells(c, OFF_PAGE_COLS, OFF_PAGE_ROWS, TOP)
    hidden = [x + OFF_PAGE_SHIFT for x in OFF_PAGE_COLS]
    _grid(c, hidden, len(OFF_PAGE_HIDDEN), TOP)
    _cells(c, hidden, OFF_PAGE_HIDDEN, TOP)
    _text(c, 50 + OFF_PAGE_SHIFT, 60, "另一页的标题")
    c.showPage()
    c.save()


def _curve_rule(c, x0, top, x1, bottom):
    """One rule as a Bézier segment whose control points lie on it (a straight curve)."""
    p = c.beginPath()
    y0, y1 = PAGE_H - top, PAGE_H - bottom
    p.moveTo(x0, y0)
    p.curveTo(x0 + (x1 - x0) / 3, y0 + (y1 - y0) / 3, x0 + 2 * (x1 - x0) / 3, y0 + 2 * (y1 - y0) / 3, x1, y1)
    c.drawPath(p, stroke=1, fill=0)


def draw_rows_only(path: Path) -> None:
    c = _canvas(path)
    cols = ROWS_ONLY_COLS
    left, right = cols[0] - 4, cols[-1] + 4
    ys = [TOP]
    for row in ROWS_ONLY_ROWS:
        ys.append(ys[-1] + max(len(cell) for cell in row) * LINE + 10)
    for y in ys:
        _line(c, left, y, right, y)
    for r, row in enumerate(ROWS_ONLY_ROWS):
        for k, lines in enumerate(row):
            for i, s in enumerate(lines):
                if s:
                    _text(c, cols[k], ys[r] + 5 + i * LINE, s)
    c.showPage()
    c.save()


def draw_curves(path: Path) -> None:
    c = _canvas(path)
    _grid(c, CURVE_COLS, len(CURVE_ROWS), TOP, rule=_curve_rule)
    _cells(c, CURVE_COLS, CURVE_ROWS, TOP)
    c.showPage()
    c.save()


def draw_run_on(path: Path) -> None:
    c = _canvas(path)
    cols = RUN_ON_COLS
    bottom = TOP + len(RUN_ON_ROWS) * ROW_H
    for x in cols[:4] + cols[5:]:  # every column rule runs the table's height
        _line(c, x, TOP, x, bottom)
    c.rect(cols[4] - RUN_ON_THICK / 2, PAGE_H - bottom, RUN_ON_THICK, bottom - TOP, stroke=0, fill=1)
    for i in range(len(RUN_ON_ROWS) + 1):  # row rules across the indicator columns only
        _line(c, cols[3], TOP + i * ROW_H, cols[-1], TOP + i * ROW_H)
    label, step = RUN_ON_LABELS[0], 14.0  # the vertical label: one glyph a line, centred in its cell
    first = TOP + (bottom - TOP - len(label) * step) / 2
    for i, ch in enumerate(label):
        _text(c, cols[0] + 15, first + i * step, ch)
    middle = TOP + (bottom - TOP - SIZE) / 2
    for k, text in enumerate(RUN_ON_LABELS[1:], start=1):
        _text(c, cols[k] + 4, middle, text)
    for r, (content, value) in enumerate(RUN_ON_ROWS):
        _text(c, cols[3] + 4, TOP + r * ROW_H + 7, content)  # row 3's last glyph stands past cols[4]
        _text(c, cols[4] + 30, TOP + r * ROW_H + 7, value)
    c.showPage()
    c.save()


CASES = {
    "column-rules-stacked": draw_stacked,
    "two-line-cells": draw_two_line,
    "double-struck": draw_struck,
    "off-page": draw_off_page,
    "curve-ruling": draw_curves,
    "row-rules-only": draw_rows_only,
    "run-on-columns": draw_run_on,
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT_DIR)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, draw in CASES.items():
        draw(args.out / f"{name}.pdf")
        print(args.out / f"{name}.pdf")


if __name__ == "__main__":
    main()
