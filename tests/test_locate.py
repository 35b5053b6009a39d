"""Locate: text lines, table regions and text-layer health, checked against what the rendered pages show."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pdfplumber
import pytest

from corpus import REAL_CORPUS_DIR, SAMPLES_DIR, SHANGHAI_WANLI_2023, TAIWAN, needs_real
from extractor.locate import DEFAULT_SETTINGS, locate_pages
from extractor.locate.health import repeated_share
from extractor.locate.lines import text_lines
from extractor.locate.ruling import ruling_edges
from extractor.model import Char


@lru_cache(maxsize=None)
def located(path: Path, pages: tuple[int, ...] | None = None):
    warnings = []
    with pdfplumber.open(path) as pdf:
        layouts = locate_pages(pdf, list(pages) if pages else None, warnings)
    return layouts, warnings


def texts(layout):
    return [ln.text for ln in layout.lines]


# --- text-layer health ---------------------------------------------------------------------------------

@needs_real
def test_broken_font_map_is_reported_and_its_text_not_passed_on():
    layouts, warnings = located(REAL_CORPUS_DIR / "broken-font-encoding.pdf")
    assert [(w.code, w.page) for w in warnings] == [("garbled_text", 1)]
    assert layouts[0].garbled and layouts[0].lines == [] and layouts[0].table_regions == []


@needs_real
def test_ocr_layer_over_scanned_pages_is_not_trusted():
    layouts, warnings = located(REAL_CORPUS_DIR / "scanned-with-ocr-layer.pdf")
    assert [(w.code, w.page) for w in warnings] == [("garbled_text", n) for n in range(1, 7)]
    assert all(lay.garbled and not lay.lines for lay in layouts)


@needs_real
def test_image_only_cover_has_no_text_layer():
    layouts, warnings = located(REAL_CORPUS_DIR / TAIWAN, (1, 2))
    assert [(w.code, w.page) for w in warnings] == [("no_text_layer", 1)]
    assert not layouts[0].has_text and layouts[1].has_text and layouts[1].lines


@needs_real
def test_page_holding_only_an_empty_ruled_row_is_not_a_missing_text_layer():
    # putuo final accounts, page 14: one empty row of the table from page 13, no characters at all
    layouts, warnings = located(REAL_CORPUS_DIR / "shanghai-putuo-finance-2024-final-accounts.pdf", (14,))
    assert warnings == []
    assert len(layouts[0].table_regions) == 1


@pytest.mark.parametrize("text, garbled", [
    ("佛佛佛佛佛佛佛佛佛佛佛佛山市柏年建材有限公司纸纸釉釉釉铺地砖无牌平方米加拿大佛佛", True),
    ("高新区城市管理综合行政执法局负责行使住房城乡建设领域法律法规、规章规定的部分行政处罚权", False),
    ("人人参与，常常检查，年年达标", False),  # doubled characters happen in real prose
])
def test_repeated_ideograph_share(text, garbled):
    share, longest = repeated_share(list(text))
    assert (share > DEFAULT_SETTINGS.garbled_repeat_share and longest >= 3) is garbled


# --- ruling --------------------------------------------------------------------------------------------

def _rect(x0, top, x1, bottom, fill, stroke):
    return {"x0": x0, "top": top, "x1": x1, "bottom": bottom, "fill": fill, "stroke": stroke}


def test_ruling_takes_thin_filled_rects_as_lines_and_ignores_shading():
    edges = ruling_edges([], [_rect(10, 100, 200, 100.72, True, False),   # WPS border: a thin filled rect
                              _rect(10, 100, 10.5, 300, True, False),
                              _rect(10, 100, 200, 130, True, False)],     # cell shading: not a line
                         DEFAULT_SETTINGS)
    assert [(e["orientation"], round(e["top"], 2), round(e["x0"], 2)) for e in edges] == \
        [("h", 100.36, 10), ("v", 100, 10.25)]


def test_ruling_takes_a_thick_border_rect_as_a_line():
    # Xi'an 附表14 p.34: the 年度总体目标 box's sides are 1.92 pt filled rectangles (thick Excel borders)
    edges = ruling_edges([], [_rect(136.7, 14.2, 138.6, 144.2, True, False),
                              _rect(138.6, 142.3, 783.4, 144.2, True, False)], DEFAULT_SETTINGS)
    assert [(e["orientation"], round(e["x0"], 2), round(e["top"], 2)) for e in edges] == \
        [("v", 137.65, 14.2), ("h", 138.6, 143.25)]


def test_ruling_takes_the_four_sides_of_a_stroked_rect():
    edges = ruling_edges([], [_rect(10, 20, 30, 40, False, True)], DEFAULT_SETTINGS)
    assert sorted(e["orientation"] for e in edges) == ["h", "h", "v", "v"]


# --- text lines ----------------------------------------------------------------------------------------

def _chars(text, x0, top, size=10.0, step=10.0):
    return [Char(ch, x0 + i * step, top, x0 + i * step + size, top + size, size) for i, ch in enumerate(text)]


def test_text_lines_split_a_wide_gap_and_keep_word_spaces():
    chars = _chars("133001", 50, 100, step=5, size=5) + _chars("承德本级", 85, 100) + _chars("单位：万元", 450, 100)
    lines = text_lines(7, chars, DEFAULT_SETTINGS)
    assert [(ln.text, ln.page) for ln in lines] == [("133001 承德本级", 7), ("单位：万元", 7)]


@needs_real
def test_headings_and_unit_lines_above_the_budget_tables():
    layouts, _ = located(SHANGHAI_WANLI_2023, (10, 12))
    p10, p12 = layouts
    assert texts(p10)[:3] == ["2023年部门财务收支预算总表", "编制部门：上海市普陀区人民政府万里街道办事处", "单位：元"]
    assert len(p10.table_regions) == 1 and p10.lines[0].top < p10.table_regions[0][1]
    assert texts(p12) == []  # a continuation page: the table alone


@pytest.mark.skipif(not (SAMPLES_DIR / "seed.pdf").exists(), reason="samples/seed.pdf not generated yet")
def test_seed_project_headings_unit_line_and_toc():
    layouts, warnings = located(SAMPLES_DIR / "seed.pdf")
    assert warnings == []
    by_page = {lay.number: texts(lay) for lay in layouts}
    assert by_page[9][:3] == ["1. 法律顾问绩效目标表", "133001 承德高新技术产业开发区城市管理综合行政执法局本级",
                              "单位：万元"]
    assert any(t.startswith("一、总体绩效目标") for t in by_page[2])  # the table of contents
    assert [len(lay.table_regions) for lay in layouts][8:] == [1] * 10


@needs_real
def test_locate_reads_a_page_range_only():
    layouts, _ = located(SHANGHAI_WANLI_2023, (31, 35))
    assert [lay.number for lay in layouts] == [31, 35]
    assert all(len(lay.regions[0].chars) > 100 for lay in layouts)
