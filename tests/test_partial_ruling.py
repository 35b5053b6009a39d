"""Partial ruling, separate cell lines, double striking, objects off the page, curve ruling (issue 12).

Generated cases: tests/data/ruling/*.pdf, drawn by samples/generate/ruling.py; the truth is that
generator's model (ruling.TRUTH), written by hand. Real pages: Taiwan pp. 46-47, expected rows written by
reading the rendered pages (pdfplumber's page image at 100 dpi), amounts as printed.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from corpus import REAL_CORPUS_DIR, TAIWAN, needs_real
from extractor.extract import extract_grids
from extractor.locate import locate_pages
from samples.generate import ruling

RULING_DIR = Path(__file__).resolve().parent / "data" / "ruling"
ENGINES = ("camelot", "pdfplumber")


def _read(path: Path, engine: str, pages=None):
    warnings = []
    with pdfplumber.open(path) as pdf:
        layouts = locate_pages(pdf, pages, warnings)
        lines = {lay.number: [ln.text for ln in lay.lines] for lay in layouts}
        grids = extract_grids(pdf, layouts, engine, warnings)
    return grids, warnings, lines


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("case", sorted(ruling.TRUTH))
def test_generated_case_equals_its_model(case, engine):
    truth = ruling.TRUTH[case]
    grids, warnings, _ = _read(RULING_DIR / f"{case}.pdf", engine)
    got = {}
    for g in grids:
        got.setdefault(g.page, []).append(g.rows)
        assert g.lost_chars == 0
    assert got == truth["pages"]
    from_text = [w.page for w in warnings if w.code == "grid_from_text"]
    assert from_text == ([1] if truth["text_rows"] or truth.get("text_cols") else [])
    suffix = ("+text_cols" if truth.get("text_cols") else "") + ("+text_rows" if truth["text_rows"] else "")
    assert [g.engine for g in grids] == [engine + suffix]


def test_off_page_table_and_text_are_not_read():
    _, _, lines = _read(RULING_DIR / "off-page.pdf", "pdfplumber")
    assert not any("另一页" in t or "隐藏" in t for t in lines[1])


def test_two_line_cell_with_stacked_amounts_is_reported():
    _, warnings, _ = _read(RULING_DIR / "two-line-cells.pdf", "pdfplumber")
    assert [(w.code, w.page) for w in warnings] == [("stacked_values", 1)]


# Taiwan 歲入來源別預算表: (款, 項, 目, 節, code above the name, name, 本年度預算數, 上年度預算數, 前年度決算數,
# 本年度與上年度比較), one entry per item, read from the rendered pages.
TAIWAN_46 = [
    ("", "", "", "", None, "合　　　　　　計", "278,856", "217,739", "440,635", "61,117"),
    ("2", "", "", "", "0400000000", "罰款及賠償收入", "1,786", "1,786", "9,785", "-"),
    ("", "66", "", "", "0408010000", "內政部", "1,786", "1,786", "9,785", "-"),
    ("", "", "1", "", "0408010100", "罰金罰鍰及怠金", "-", "-", "1,267", "-"),
    ("", "", "", "1", "0408010101", "罰金罰鍰", "-", "-", "1,267", "-"),
    ("", "", "2", "", "0408010300", "賠償收入", "1,786", "1,786", "8,518", "-"),
    ("", "", "", "1", "0408010301", "一般賠償收入", "1,786", "1,786", "8,518", "-"),
    ("3", "", "", "", "0500000000", "規費收入", "59,097", "58,715", "72,212", "382"),
    ("", "53", "", "", "0508010000", "內政部", "59,097", "58,715", "72,212", "382"),
    ("", "", "1", "", "0508010100", "行政規費收入", "28,881", "28,849", "31,091", "32"),
    ("", "", "", "1", "0508010101", "審查費", "11,415", "11,371", "12,254", "44"),
    ("", "", "", "2", "0508010102", "證照費", "17,466", "17,478", "18,837", "-12"),
    ("", "", "2", "", "0508010300", "使用規費收入", "30,216", "29,866", "41,121", "350"),
    ("", "", "", "1", "0508010303", "資料使用費", "14,377", "14,027", "13,993", "350"),
    ("", "", "", "2", "0508010307", "服務費", "15,839", "15,839", "27,127", "-"),
]
TAIWAN_47 = [
    ("4", "", "", "", "0700000000", "財產收入", "66,956", "55,170", "88,700", "11,786"),
    ("", "76", "", "", "0708010000", "內政部", "66,956", "55,170", "88,700", "11,786"),
    ("", "", "1", "", "0708010100", "財產孳息", "66,856", "55,070", "87,105", "11,786"),
    ("", "", "", "1", "0708010101", "利息收入", "1,400", "70", "14,086", "1,330"),
    ("", "", "", "2", "0708010102", "權利金", "65,000", "55,000", "71,054", "10,000"),
    ("", "", "", "3", "0708010103", "租金收入", "456", "-", "1,966", "456"),
    ("", "", "2", "", "0708010500", "廢舊物資售價", "100", "100", "1,595", "-"),
    ("7", "", "", "", "1200000000", "其他收入", "151,017", "102,068", "269,937", "48,949"),
    ("", "75", "", "", "1208010000", "內政部", "151,017", "102,068", "269,937", "48,949"),
    ("", "", "1", "", "1208010200", "雜項收入", "151,017", "102,068", "269,937", "48,949"),
    ("", "", "", "1", "1208010201", "收回以前年度歲出", "-", "-", "12,625", "-"),
    ("", "", "", "2", "1208010210", "其他雜項收入", "151,017", "102,068", "257,311", "48,949"),
]


def _items(rows):
    """(款, 項, 目, 節, code, name, amounts…) per amount row; the code is the row just above, when it is a
    code-only row. Every row holds at most one printed line (no cell of the body has a line break)."""
    out = []
    body = rows[2:]  # two header rows
    for i, row in enumerate(body):
        cells = ["" if v is None else v for v in row]
        assert all("\n" not in v for v in cells)
        if not any(cells[5:9]):
            continue
        above = ["" if v is None else v for v in body[i - 1]] if i else []
        code = above[4] if above and above[4].isdigit() and not any(above[:4] + above[5:9]) else None
        out.append((*cells[:4], code, cells[4], *cells[5:9]))
    return out


@needs_real
@pytest.mark.parametrize("engine", ENGINES)
def test_taiwan_unruled_rows_one_per_printed_line(engine):
    grids, warnings, _ = _read(REAL_CORPUS_DIR / TAIWAN, engine, [46, 47])
    assert [g.page for g in grids] == [46, 47]
    assert _items(grids[0].rows) == TAIWAN_46
    assert _items(grids[1].rows) == TAIWAN_47
    assert [(w.code, w.page) for w in warnings if w.code in ("grid_from_text", "stacked_values")] == \
        [("grid_from_text", 46), ("grid_from_text", 47)]


@needs_real
def test_taiwan_double_struck_amounts_read_once():
    # p. 63: 預算金額 11,415 printed in bold by striking it twice; every amount on the page is 11,415.
    grids, _, _ = _read(REAL_CORPUS_DIR / TAIWAN, "pdfplumber", [63])
    cells = [v for g in grids for row in g.rows for v in row if v and "11" in v and "," in v]
    assert cells and all(v in ("11,415",) for v in cells if v.replace(",", "").isdigit())
    assert not any("1111" in v for v in cells)


@needs_real
def test_taiwan_spread_halves_off_the_page_are_not_read():
    # pp. 131-132 draw a two-page spread on each page; each page shows one half: one table a page, inside it.
    grids, _, _ = _read(REAL_CORPUS_DIR / TAIWAN, "pdfplumber", [131, 132])
    assert [g.page for g in grids] == [131, 132]
    assert all(0 <= g.bbox[0] and g.bbox[2] <= 595 for g in grids)


GUANGZHOU_LIST = "guangdong-guangzhou-ecology-env-2026-project-perf-targets.pdf"
GUANGZHOU_HEADER = ["项目名称（资金使用单位）", "总计：", "财政拨款", "财政专户拨款", "其他资金", "绩效目标", "绩效指标"]


@needs_real
@pytest.mark.parametrize("engine", ENGINES)
def test_guangzhou_list_has_seven_columns_and_a_row_per_project(engine):
    # Read from the rendered pages 1-2: the header, 合计, the unit row 广州市生态环境局, then one ruled row
    # per project (name, 总计, 财政拨款, two empty amount columns, 绩效目标, 绩效指标).
    grids, warnings, _ = _read(REAL_CORPUS_DIR / GUANGZHOU_LIST, engine, [1, 2])
    assert [g.page for g in grids] == [1, 2]
    p1, p2 = grids[0].rows, grids[1].rows
    assert p1[0] == GUANGZHOU_HEADER and p2[0] == GUANGZHOU_HEADER
    assert [r[:5] for r in p1[1:3]] == [["合计：", "37,367.86", "35,790.09", "", "1,577.77"],
                                        ["广州市生态环境局", "12,887.86", "12,887.86", "", ""]]
    projects = [r[:3] for r in p1[3:] + p2[1:]]
    assert projects == [["广州市镇（街）园区环保监督检查员经费（越秀区）", "238.00", "238.00"],
                        ["广州市镇（街）园区环保监督检查员经费（海珠区）", "619.50", "619.50"],
                        ["广州市镇（街）园区环保监督检查员经费（荔湾区）", "287.00", "287.00"],
                        ["广州市镇（街）园区环保监督检查员经费（天河区）", "478.90", "478.90"]]
    for r in p1[3:] + p2[1:]:
        assert r[5].startswith("通过开展广州市建立镇（街）园区环境保护监督检查员队伍")
        assert r[6].startswith("1.1－产出指标，11－数量指标，项目专职环保员数量")
    assert all(g.lost_chars == 0 for g in grids) and not warnings
