"""Extract: grids of both engines, compared with each other and with what the rendered pages show."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pdfplumber
import pytest

from corpus import REAL_CORPUS_DIR, SHANGHAI_WANLI_2023, TAIWAN, every_pdf_pages_param, needs_real, sample_pdfs
from extractor.extract import extract_grids
from extractor.extract.lattice import from_cell_boxes, from_open_sides
from extractor.locate import locate_pages

TAIWAN_PAGES = tuple(range(1, 21))  # the whole book takes ~30 s an engine: a page range is enough here


@lru_cache(maxsize=None)
def grids(path: Path, engine: str, pages: tuple[int, ...] | None = None):
    warnings = []
    with pdfplumber.open(path) as pdf:
        layouts = locate_pages(pdf, list(pages) if pages else None, warnings)
        found = extract_grids(pdf, layouts, engine, warnings)
    return found, warnings


@pytest.mark.parametrize("path, pages", every_pdf_pages_param(TAIWAN_PAGES))
def test_both_engines_give_the_same_cells(path, pages):
    a, wa = grids(path, "pdfplumber", pages)
    b, wb = grids(path, "camelot", pages)
    assert [(w.code, w.page) for w in wa] == [(w.code, w.page) for w in wb]
    assert [g.page for g in a] == [g.page for g in b]
    for ga, gb in zip(a, b):
        assert ga.rows == gb.rows, f"page {ga.page}"
        assert ga.spans == gb.spans, f"page {ga.page}"
        assert max(abs(x - y) for x, y in zip(ga.bbox, gb.bbox)) <= 1.0, f"page {ga.page}"


@needs_real
@pytest.mark.parametrize("engine", ["pdfplumber", "camelot"])
def test_shanghai_project_table_cells_as_printed(engine):
    # Read off the rendered page 31 (pdftoppm -r 100): 财政项目支出绩效目标填报表, borders drawn as filled rects.
    found, warnings = grids(SHANGHAI_WANLI_2023, engine, (31,))
    assert warnings == []
    (g,) = found
    assert (len(g.rows), len(g.rows[0])) == (17, 8)
    assert g.rows[0][0] == "财政项目支出绩效目标填报表" and (0, 0, 1, 8) in g.spans
    # camelot's own text placement reads this row as `阶段性项目 项目类别`; per-character placement does not
    assert g.rows[2] == ["项目名称", None, "新建万里街道社区公共服务中心", None, "项目性质", "阶段性项目", "项目类别",
                         "特定目标类"]
    assert g.rows[5][:5] == ["项目资金（元）", None, "项目资金总额", None, "4,100,000.00"]
    assert (5, 0, 4, 2) in g.spans  # 项目资金（元） covers four rows, two columns
    assert g.rows[12][:4] == ["绩效指标", "产出指标", "数量指标", "规划建筑面积"]
    assert g.rows[12][6] == "≥13459.00(平方米)"
    assert (12, 0, 5, 1) in g.spans and (12, 1, 3, 1) in g.spans  # 绩效指标, 产出指标 merged down
    assert g.rows[16][1:4] == ["满意度指标", "服务对象满意度指标", "居民满意度"]
    assert g.row_tops == sorted(g.row_tops) and len(g.row_tops) == 17


@needs_real
def test_long_shrunk_table_on_one_page():
    # page 34: one project over 55 rows; 一级指标 产出指标 covers 23 rows, 效益指标 14, 满意度指标 6
    (g,), _ = grids(SHANGHAI_WANLI_2023, "pdfplumber", (34,))
    assert len(g.rows) == 55
    assert (12, 1, 23, 1) in g.spans and (35, 1, 14, 1) in g.spans and (49, 1, 6, 1) in g.spans
    assert g.rows[54][3] == "党员群众满意度" and g.rows[54][6] == "党员群众满意度不少于80%"


@needs_real
def test_caption_holds_the_lines_above_the_table():
    (g,), _ = grids(SHANGHAI_WANLI_2023, "pdfplumber", (10,))
    assert [ln.text for ln in g.caption] == ["2023年部门财务收支预算总表", "编制部门：上海市普陀区人民政府万里街道办事处",
                                             "单位：元"]


@needs_real
def test_empty_table_is_kept_by_both_engines():
    # page 24 prints an empty 功能分类 table (本表为空表); camelot's own whitespace gate would drop it
    for engine in ("pdfplumber", "camelot"):
        (g,), _ = grids(SHANGHAI_WANLI_2023, engine, (24,))
        assert len(g.rows) == 16 and all(v in ("", None) for row in g.rows[3:15] for v in row)
        assert g.rows[15] == ["合计", None, None, None, "", "", ""]


def test_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="unknown engine"):
        extract_grids(None, [], "tabula", [])


# --- the lattice skeleton ------------------------------------------------------------------------------

def test_cell_boxes_to_lattice_with_a_merged_cell_and_a_gap():
    boxes = [(0, 0, 20, 10), (20, 0, 30, 10), (0, 10, 10, 20)]  # (10..30, 10..20) has no box
    lat = from_cell_boxes(boxes, 2.0)
    assert lat.xs == [0, 10, 20, 30] and lat.ys == [0, 10, 20]
    assert lat.cells == [(0, 0, 1, 2), (0, 2, 1, 1), (1, 0, 1, 1), (1, 1, 1, 1), (1, 2, 1, 1)]


def test_open_sides_to_lattice():
    # 2x2 slots, the left column joined vertically: one 2-row cell and two single cells
    lat = from_open_sides([0, 10, 20], [0, 5, 10], open_right=[[False, False], [False, False]],
                          open_below=[[True, False], [False, False]])
    assert lat.cells == [(0, 0, 2, 1), (0, 1, 1, 1), (1, 1, 1, 1)]


def test_an_l_shaped_opening_is_not_one_cell():
    lat = from_open_sides([0, 10, 20], [0, 5, 10], open_right=[[True, False], [False, False]],
                          open_below=[[True, False], [False, False]])
    assert sorted(lat.cells) == [(0, 0, 1, 1), (0, 1, 1, 1), (1, 0, 1, 1), (1, 1, 1, 1)]


@pytest.mark.parametrize("path", sample_pdfs()[:3]
                         + ([SHANGHAI_WANLI_2023] if REAL_CORPUS_DIR.is_dir() else []), ids=lambda p: p.name)
def test_camelot_on_located_ruling_equals_camelot_reparsing_the_page(path):
    # the default feeds camelot's vector lattice the ruling locate read; reparse=True lets camelot read the
    # pages itself as read_pdf does: the grids must not differ
    def run(reparse):
        warnings = []
        with pdfplumber.open(path) as pdf:
            found = extract_grids(pdf, locate_pages(pdf, None, warnings), "camelot", warnings, reparse=reparse)
        return [(g.page, g.rows, g.spans, [round(v) for v in g.bbox]) for g in found]

    assert run(False) == run(True)


@needs_real
def test_open_sided_table_is_read_whole_and_an_org_chart_is_no_table():
    # Taiwan p100 (歲出計畫提要及分支計畫概況表): no left/right border lines; the 說明 column is part of the table.
    # p11: the ministry's org chart, boxes joined by connector lines: not a table.
    found, _ = grids(REAL_CORPUS_DIR / TAIWAN, "pdfplumber", (11, 100))
    assert [g.page for g in found] == [100]
    g = found[0]
    assert g.rows[0][0] == "工作計畫名稱及編號" and g.rows[0][-1] == "1,006,592"
    assert g.rows[2][4].startswith("千元、處理經常性公務所需業務費326千元")
    assert g.bbox[0] < 30 and g.bbox[2] > 565
