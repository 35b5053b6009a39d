"""Clip paths: a glyph its clip hides is not read, a glyph the page shows is (locate.clipping), and a cell cut
by the page break whose two pages each show their part is one cell (stitch.join.clipped_cells).

Generated case: a two-page list table drawn here with reportlab the way Beijing's 预算表12 exporter draws it
(each cut cell's whole text on both pages, each page clipping the body to its own part; a cell whose text
overflows clipped to the cell). The truth is the generator's own model: which line sits where, hence which
lines each page shows. Real pages: Beijing dev-reform pp. 31-32, 42-43, 78-79, read from the rendered
pages, and PDFium's reading of the clips (tests/clip_truth.py) for which glyphs are hidden.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from clip_truth import hidden_glyphs
from corpus import REAL_CORPUS_DIR, needs_real
from extractor.extract import extract_grids
from extractor.locate import locate_pages
from extractor.locate.clipping import ClipState, intersect
from extractor.locate.objects import read_objects
from extractor.stitch import stitch_tables

PAGE_W, PAGE_H = 420.0, 300.0
FONT, SIZE = "STSong-Light", 10.0
COLS = [40.0, 160.0, 240.0, 380.0]  # 项目名称 | 金额 | 指标
HEADER = (50.0, 74.0)  # top, bottom (top-down points)
ROW_H = 24.0
P1_BOTTOM = 146.0  # page 1: rows 74-98, 98-122 (project A), 122-146 (project B's first row)
P2_BOTTOM = 122.0  # page 2: rows 74-98, 98-122 (project B's other rows)

# Project B's cells run over the break: their lines, by offset from the cell's top (the cell is 72 pt high,
# 24 on page 1 and 48 on page 2, so the virtual top is 122 on page 1 and 74 - 24 = 50 on page 2).
B_NAME = [(3.0, "项目乙"), (27.0, "第二行字"), (43.0, "第三行字")]
B_AMOUNT = [(27.0, "20.00")]
OVERFLOW = "溢出文字"  # a second line of A's last 指标 cell, below the cell and clipped to it
FORM_IN, FORM_OUT = "表单内", "表单外"  # page 2, a form XObject: inside its BBox, and outside it

# the model: what each page shows, and the table a reader sees (texts with white space removed)
SHOWN = {1: {"项目名称", "金额", "指标", "项目甲", "10.00", "指标一", "指标二", "项目乙", "指标三"},
         2: {"项目名称", "金额", "指标", "第二行字", "第三行字", "20.00", "指标四", "指标五", FORM_IN}}
HIDDEN = {1: {"第二行字", "第三行字", "20.00", OVERFLOW}, 2: {"项目乙", FORM_OUT}}
TABLE = [["项目名称", "金额", "指标"],
         ["项目甲", "10.00", "指标一"],
         [None, None, "指标二"],
         ["项目乙第二行字第三行字", "20.00", "指标三"],
         [None, None, "指标四"],
         [None, None, "指标五"]]


def _draw(path: Path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))

    def text(x: float, top: float, s: str) -> None:  # top-down: the glyphs' top at `top`
        c.setFont(FONT, SIZE)
        c.drawString(x, PAGE_H - top - SIZE * 0.88, s)

    def hline(y: float, x0: float = COLS[0]) -> None:
        c.line(x0, PAGE_H - y, COLS[-1], PAGE_H - y)

    def clip(x0: float, top: float, x1: float, bottom: float) -> None:
        p = c.beginPath()
        p.rect(x0, PAGE_H - bottom, x1 - x0, bottom - top)
        c.clipPath(p, stroke=0, fill=0)

    def page(bottom: float, group_ys: list[float], row_ys: list[float], body) -> None:
        c.setLineWidth(0.5)
        for y in (HEADER[0], HEADER[1], *group_ys, bottom):
            hline(y)
        for y in row_ys:  # rows of one group: 项目名称 and 金额 merged over them
            hline(y, COLS[2])
        for x in COLS:
            c.line(x, PAGE_H - HEADER[0], x, PAGE_H - bottom)
        for x, label in zip(COLS, ("项目名称", "金额", "指标")):
            text(x + 4, HEADER[0] + 7, label)
        c.saveState()
        clip(COLS[0], HEADER[1], COLS[-1], bottom)  # the body, as the exporter clips it
        body()
        c.restoreState()

    def page1() -> None:
        text(COLS[0] + 4, 74 + 15, "项目甲")
        text(COLS[1] + 4, 74 + 15, "10.00")
        text(COLS[2] + 4, 74 + 7, "指标一")
        c.saveState()
        clip(COLS[2], 98, COLS[3], 122)  # the cell's own clip: its second line overflows it
        text(COLS[2] + 4, 98 + 7, "指标二")
        text(COLS[2] + 4, 98 + 22, OVERFLOW)
        c.restoreState()
        for off, s in B_NAME:
            text(COLS[0] + 4, 122 + off, s)
        for off, s in B_AMOUNT:
            text(COLS[1] + 4, 122 + off, s)
        text(COLS[2] + 4, 122 + 7, "指标三")

    def page2() -> None:
        for off, s in B_NAME:
            text(COLS[0] + 4, 50 + off, s)
        for off, s in B_AMOUNT:
            text(COLS[1] + 4, 50 + off, s)
        text(COLS[2] + 4, 74 + 7, "指标四")
        text(COLS[2] + 4, 98 + 7, "指标五")

    page(P1_BOTTOM, [122.0], [98.0], page1)
    c.showPage()
    page(P2_BOTTOM, [], [98.0], page2)
    c.beginForm("note", 0, 0, 100, 30)  # a form XObject clips to its BBox
    c.setFont(FONT, SIZE)
    c.drawString(5, 10, FORM_IN)
    c.drawString(150, 10, FORM_OUT)
    c.endForm()
    c.saveState()
    c.translate(COLS[0], 40)
    c.doForm("note")
    c.restoreState()
    c.showPage()
    c.save()


@pytest.fixture(scope="module")
def cut_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("clip") / "cut-row.pdf"
    _draw(path)
    return path


def _words(chars) -> set[str]:
    """The page's printed pieces: characters in a row and close together (one drawString each here)."""
    out, cur, last = [], "", None
    for ch in sorted(chars, key=lambda c: (round(c.top), c.x0)):
        if last is not None and (round(ch.top) != round(last.top) or ch.x0 - last.x1 > 2):
            out.append(cur)
            cur = ""
        cur += ch.text
        last = ch
    return set(out + [cur]) - {""}


@pytest.mark.parametrize("number", [1, 2])
def test_generated_page_reads_what_it_shows(cut_pdf, number):
    with pdfplumber.open(cut_pdf) as pdf:
        objects = read_objects(pdf.pages[number - 1])
    assert _words(objects.chars) == SHOWN[number]
    assert _words([c for c, _ in objects.hidden]) == HIDDEN[number]


def test_generated_hidden_glyphs_agree_with_pdfium(cut_pdf):
    for number in (1, 2):
        with pdfplumber.open(cut_pdf) as pdf:
            mine = sorted(c.text for c, _ in read_objects(pdf.pages[number - 1]).hidden if not c.text.isspace())
        assert mine == sorted(t for t, _, _ in hidden_glyphs(str(cut_pdf), number))


def _bare(rows):
    return [[None if v is None else "".join(v.split()) for v in row] for row in rows]


@pytest.mark.parametrize("engine", ["pdfplumber", "camelot"])
def test_generated_cut_row_is_one_row_group(cut_pdf, engine):
    warnings = []
    with pdfplumber.open(cut_pdf) as pdf:
        layouts = locate_pages(pdf, None, warnings)
        grids = extract_grids(pdf, layouts, engine, warnings)
    assert all(g.lost_chars == 0 for g in grids)
    (table,) = stitch_tables(grids, warnings)
    assert _bare(table.rows) == TABLE
    assert (3, 0, 3, 1) in table.spans and (3, 1, 3, 1) in table.spans  # 项目乙's cells over its three rows


def test_clip_state_follows_q_Q_and_takes_effect_when_the_path_ends():
    state = ClipState()
    square = [("m", 0, 0), ("l", 10, 0), ("l", 10, 10), ("l", 0, 10), ("h",)]
    identity = (1, 0, 0, 1, 0, 0)
    state.save()
    state.clip(square, identity)
    assert state.visible(20, 20, 21, 21)  # W sets the clip only once the path is ended (n)
    state.painted()
    assert not state.visible(20, 20, 21, 21) and state.visible(4, 4, 6, 6)
    state.save()
    state.clip(square, (1, 0, 0, 1, 5, 5))  # a clip inside a clip: their common part
    state.painted()
    assert state.current == (5, 5, 10, 10)
    state.restore()
    assert state.current == (0, 0, 10, 10)
    state.restore()
    assert state.current is None and state.visible(20, 20, 21, 21)
    assert intersect((0, 0, 1, 1), (5, 5, 6, 6))[2:] == (5, 5)  # disjoint clips: nothing shows


# --- the real pages -----------------------------------------------------------------------------------------

BEIJING = REAL_CORPUS_DIR / "beijing-city-dev-reform-2026-budget.pdf"


@needs_real
@pytest.mark.parametrize("number", [31, 32, 42, 43, 78, 79])
def test_beijing_hidden_glyphs_are_those_pdfium_hides(number):
    with pdfplumber.open(BEIJING) as pdf:
        objects = read_objects(pdf.pages[number - 1])
    mine = sorted((c.text, round(c.cx), round(c.cy)) for c, _ in objects.hidden if not c.text.isspace())
    theirs = sorted((t, round(x), round(y)) for t, x, y in hidden_glyphs(str(BEIJING), number))
    assert len(mine) == len(theirs) and [m[0] for m in mine] == [t[0] for t in theirs]
    assert all(abs(a[1] - b[1]) <= 1 and abs(a[2] - b[2]) <= 1 for a, b in zip(mine, theirs))


def _table(pages):
    warnings = []
    with pdfplumber.open(BEIJING) as pdf:
        layouts = locate_pages(pdf, pages, warnings)
        grids = extract_grids(pdf, layouts, "pdfplumber", warnings)
    (table,) = stitch_tables(grids, warnings)
    return _bare(table.rows)


@needs_real
def test_beijing_p79_cell_overflow_stays_hidden():
    # p.79 as rendered: the last 可持续影响指标 row of 支援合作地区综合数据分析项目 shows two lines of its 三级指标
    # (its third, 制，助推当地经济社会可…, is clipped to the cell); the row below reads 风险评估报告
    rows = _table([79])
    i = next(r for r, row in enumerate(rows) if row[7] == "常态化推进数据分析项目，构建数据赋能长效机")
    assert rows[i + 1][7] == "风险评估报告"


@needs_real
def test_beijing_p31_p32_cut_group_is_one():
    # pp.31-32 as rendered: 成本监审工作经费's name, amounts and goal are cut by the break, their lines shown
    # half on each page; the group has 3 indicator rows on p.31 and 3 on p.32
    rows = _table([31, 32])
    names = [row[0] for row in rows if row[0] and "456102" in row[0]]
    assert names == ["11000022T000000456102-成本监审工作经费"]
    r = next(r for r, row in enumerate(rows) if row[0] == names[0])
    assert rows[r][1:5] == ["142.000000", "142.000000", "", "做好重要公用事业和公益性服务成本调查监审,为政府制定价格提供支撑。"]
    assert [row[7] for row in rows[r:r + 6]] == ["掌握定价成本数据", "为相关的价格工作提供成本数据", "形成成本审核报告数量",
                                                 "开展的项目数量", "委托服务事项验收通过率", "单项年度成本"]
    assert all(row[0] is None for row in rows[r + 1:r + 6])
