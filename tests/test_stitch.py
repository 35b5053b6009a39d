"""Stitch: tables continued over page breaks come out whole.

Expected row counts of the real PDFs were counted on the rendered pages (pdftoppm -r 45), not taken from the
tool: header rows + data rows per page, a repeated header counted once.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pdfplumber
import pytest

from corpus import REAL_CORPUS_DIR, SHANGHAI_WANLI_2023, TAIWAN, needs_real, sample_pairs
from extractor.extract import extract_grids
from extractor.locate import locate_pages
from extractor.model import Grid, TextLine
from extractor.stitch import stitch_tables


@lru_cache(maxsize=None)
def tables(path: Path, engine: str = "pdfplumber"):
    warnings = []
    with pdfplumber.open(path) as pdf:
        layouts = locate_pages(pdf, None, warnings)
        grids = extract_grids(pdf, layouts, engine, warnings)
    return stitch_tables(grids, warnings), warnings


def _golden_cases():
    out = []
    for pdf, g in sample_pairs():
        for engine in ("pdfplumber", "camelot"):
            out.append(pytest.param(pdf, g, engine, id=f"{g.stem}-{engine}"))
    return out


@pytest.mark.parametrize("pdf, golden, engine", _golden_cases())
def test_sample_tables_equal_golden(pdf, golden, engine):
    expected = json.loads(golden.read_text(encoding="utf-8"))["tables"]
    got = [t.to_dict() for t in tables(pdf, engine)[0]]
    assert len(got) == len(expected)
    for i, (a, b) in enumerate(zip(got, expected)):
        assert [p["page"] for p in a["parts"]] == [p["page"] for p in b["parts"]], i
        for p, q in zip(a["parts"], b["parts"]):
            assert max(abs(x - y) for x, y in zip(p["bbox"], q["bbox"])) <= 1.0, (i, p, q)
        assert (a["n_rows"], a["n_cols"]) == (b["n_rows"], b["n_cols"]), i
        assert a["rows"] == b["rows"], i
        assert sorted(map(tuple, a["spans"])) == sorted(map(tuple, b["spans"])), i


def _find(ts, pages):
    matches = [t for t in ts if [p.page for p in t.parts] == pages]
    assert len(matches) == 1, [[p.page for p in t.parts] for t in ts]
    return matches[0]


@needs_real
def test_wanli_2025_expenditure_table_over_five_pages():
    # 2025年部门支出预算总表: p14 3 header + 12 rows, p15-17 18 rows each (no header), p18 the 合计 row alone
    ts, _ = tables(REAL_CORPUS_DIR / "shanghai-wanli-2025-budget.pdf")
    t = _find(ts, [14, 15, 16, 17, 18])
    assert t.n_rows == 3 + 12 + 18 * 3 + 1
    assert t.rows[-1][0] == "合计" and t.row_pages[-1] == 18
    assert t.caption[0].text == "2025年部门支出预算总表"


@needs_real
def test_finance_bureau_functional_table_drops_the_repeated_header():
    # 一般公共预算支出功能分类预算表: p13 3 header + 14 rows; p14 repeats the 3 header rows, then 10 rows
    ts, _ = tables(REAL_CORPUS_DIR / "shanghai-finance-bureau-2025-budget.pdf")
    t = _find(ts, [13, 14])
    assert t.n_rows == 3 + 14 + 10
    assert [r[0] for r in t.rows].count("项目") == 1
    assert t.rows[-1][0] == "合计" and t.rows[17][:4] == ["210", "", "", "卫生健康支出"]


@needs_real
def test_putuo_final_accounts_table_with_an_empty_row_run_over():
    # 财政拨款收入支出决算总表: p12 2 header + 13 rows, p13 19 rows (no header, no title), p14 one empty row
    ts, _ = tables(REAL_CORPUS_DIR / "shanghai-putuo-finance-2024-final-accounts.pdf")
    t = _find(ts, [12, 13, 14])
    assert t.n_rows == 2 + 13 + 19 + 1
    assert t.rows[33][0] == "总计"


@needs_real
def test_separate_tables_on_consecutive_pages_stay_separate():
    ts, _ = tables(SHANGHAI_WANLI_2023)
    pages = [[p.page for p in t.parts] for t in ts]
    for n in (24, 25, 31, 32, 33, 34, 35):  # each with its own title (or title row) above
        assert [n] in pages
    assert [11, 12, 13, 14] in pages and [20, 21, 22, 23] in pages and [26, 27] in pages


# --- the join rules on small made-up grids -------------------------------------------------------------

XS = [0.0, 60.0, 120.0, 200.0, 400.0]
HEADER = ["一级指标", "二级指标", "三级指标", "指标值确定依据"]


def grid(page, rows, spans=(), caption=(), trailer=(), xs=XS, top=100.0):
    return Grid(page=page, bbox=(xs[0], top, xs[-1], top + 20 * len(rows)), rows=[list(r) for r in rows],
                spans=list(spans), engine="pdfplumber", row_tops=[top + 20 * i for i in range(len(rows))],
                caption=[TextLine(page, top - 20, 0, t) for t in caption],
                trailer=[TextLine(page, 700, 0, t) for t in trailer], col_xs=list(xs))


def test_cut_row_is_made_whole_and_header_dropped():
    # seed table 8: the basis text's end `稿)》` alone in a row after the repeated header
    a = grid(16, [HEADER, ["产出指标", "数量指标", "出台办法", "《承德高新区全员招商实施办法(征求意见"]],
             caption=["8. 招商引资专项资金绩效目标表"], trailer=["- 14 -"])
    b = grid(17, [HEADER, ["", "", "", "稿)》"]], trailer=["- 15 -"])
    (t,) = stitch_tables([a, b], [])
    assert t.rows == [HEADER, ["产出指标", "数量指标", "出台办法", "《承德高新区全员招商实施办法(征求意见稿)》"]]
    assert [p.page for p in t.parts] == [16, 17] and t.row_pages == [16, 16]


def test_merged_first_level_indicator_continues_across_the_break():
    a = grid(1, [HEADER, ["产出指标", "数量指标", "a", "x"], [None, "质量指标", "b", "y"]], spans=[(1, 0, 2, 1)])
    b = grid(2, [["", "时效指标", "c", "z"], [None, "成本指标", "d", "w"]], spans=[(0, 0, 2, 1)])
    (t,) = stitch_tables([a, b], [])
    assert t.rows[1:] == [["产出指标", "数量指标", "a", "x"], [None, "质量指标", "b", "y"],
                          [None, "时效指标", "c", "z"], [None, "成本指标", "d", "w"]]
    assert t.spans == [(1, 0, 4, 1)]
    assert t.row_pages == [1, 1, 1, 2, 2]


def test_a_full_first_row_is_not_a_cut_row():
    a = grid(1, [HEADER, ["产出指标", "数量指标", "a", "x"]])
    b = grid(2, [["效益指标", "社会效益", "b", "y"]])
    (t,) = stitch_tables([a, b], [])
    assert t.n_rows == 3 and t.rows[2] == ["效益指标", "社会效益", "b", "y"]


def test_a_label_split_by_the_break_is_one_merged_cell():
    # issue 13 seed 87: 资金支出计划（%） over its periods row and percent row, one on each page, its text cut
    a = grid(1, [["项目编码", "P1", "项目名称", "n"], ["资金支", "6月底", "9月底", "12月底"]])
    b = grid(2, [["出计划（%）", "10%", "60%", "100%"], ["绩效目标", "g", None, None]], spans=[(1, 1, 1, 3)])
    (t,) = stitch_tables([a, b], [])
    assert t.rows[1:3] == [["资金支出计划（%）", "6月底", "9月底", "12月底"], [None, "10%", "60%", "100%"]]
    assert (1, 0, 2, 1) in t.spans


def test_two_labels_of_their_own_stay_two_cells():
    a = grid(1, [HEADER, ["产出指标", "数量指标", "a", "x"], [None, "质量指标", "b", "y"]], spans=[(1, 0, 2, 1)])
    b = grid(2, [["效益指标", "社会效益指标", "c", "z"]])
    (t,) = stitch_tables([a, b], [])
    assert t.rows[3] == ["效益指标", "社会效益指标", "c", "z"] and t.spans == [(1, 0, 2, 1)]


def test_an_empty_first_level_beside_another_group_is_a_cell_of_its_own():
    # issue 13 seed 10175: 效益指标's text printed on a later page; 经济效益指标 is not 产出指标's
    a = grid(1, [HEADER, ["产出指标", "数量指标", "a", "x"], [None, "质量指标", "b", "y"]], spans=[(1, 0, 2, 1)])
    b = grid(2, [["", "经济效益指标", "c", "z"], [None, "社会效益指标", "d", "w"]], spans=[(0, 0, 2, 1)])
    (t,) = stitch_tables([a, b], [])
    assert t.rows[3][0] == "" and (3, 0, 2, 1) in t.spans and (1, 0, 2, 1) in t.spans


def test_nothing_goes_on_under_column_heads_not_repeated():
    # issue 13 seed 10021: the table broke right under its 一级指标 row, which the next page does not repeat
    a = grid(1, [["项目名称", "n", "项目编码", "c"], HEADER])
    b = grid(2, [["", "数量指标", "a", "x"], [None, "质量指标", "b", "y"]], spans=[(0, 0, 2, 1)])
    (t,) = stitch_tables([a, b], [])
    assert t.rows[1] == HEADER and t.rows[2][0] == "" and (2, 0, 2, 1) in t.spans


def test_a_new_heading_starts_a_new_table():
    a = grid(1, [HEADER, ["产出指标", "数量指标", "a", "x"]], caption=["1. 法律顾问绩效目标表"])
    b = grid(2, [HEADER, ["产出指标", "数量指标", "b", "y"]], caption=["2. 冯营子供销社地块围挡建设费用绩效目标表"])
    assert len(stitch_tables([a, b], [])) == 2


def test_a_repeated_title_still_continues():
    a = grid(1, [HEADER, ["产出指标", "数量指标", "a", "x"]], caption=["2025年部门支出预算总表", "单位：元"])
    b = grid(2, [HEADER, ["效益指标", "社会效益", "b", "y"]], caption=["2025年部门支出预算总表", "单位：元"])
    (t,) = stitch_tables([a, b], [])
    assert t.n_rows == 3


def test_text_below_the_table_ends_it():
    a = grid(1, [HEADER, ["产出指标", "数量指标", "a", "x"]], trailer=["注：本表为空表。"])
    b = grid(2, [["效益指标", "社会效益", "b", "y"]])
    assert len(stitch_tables([a, b], [])) == 2


def test_other_columns_or_a_skipped_page_start_a_new_table():
    a = grid(1, [HEADER, ["产出指标", "数量指标", "a", "x"]])
    assert len(stitch_tables([a, grid(2, [["1", "2", "3"]], xs=[0.0, 100.0, 300.0, 400.0])], [])) == 2
    assert len(stitch_tables([a, grid(3, [["效益指标", "社会效益", "b", "y"]])], [])) == 2


def test_a_body_without_the_header_split_fits_the_table_columns():
    # the header splits column 0..120 in two, the continuation page has no such split
    a = grid(1, [["类", "款", "名称", "合计"], ["201", "", "一般公共服务支出", "3"]])
    b = grid(2, [["合计", "189"]], xs=[0.0, 200.0, 400.0])
    (t,) = stitch_tables([a, b], [])
    assert t.rows[2] == ["合计", None, None, "189"] and (2, 0, 1, 3) in t.spans


def test_a_header_block_alone_at_the_page_foot_joins_the_finer_rows_below():
    # issue 13 class 1 (random seed 17): the 项目名称/项目编码 block splits the width more coarsely than the
    # indicator rows on the next page; the table takes the union of both column layouts
    a = grid(1, [["项目名称", "甲项目", "项目编码"]], xs=[0.0, 120.0, 200.0, 400.0])
    b = grid(2, [HEADER, ["产出指标", "数量指标", "a", "x"]])
    (t,) = stitch_tables([a, b], [])
    assert t.rows == [["项目名称", None, "甲项目", "项目编码"], HEADER, ["产出指标", "数量指标", "a", "x"]]
    assert (0, 0, 1, 2) in t.spans and [p.page for p in t.parts] == [1, 2]


def test_the_next_table_of_the_same_form_at_a_page_top_starts_a_new_table():
    # issue 13 class 2 (random seeds 3, 5, 101): tables follow one another with no title between; the
    # piece begins as the table began (项目编码 …) with other values
    a = grid(1, [["项目编码", "P1", "项目名称", "甲"], HEADER, ["产出指标", "数量指标", "a", "x"]])
    b = grid(2, [["项目编码", "P2", "项目名称", "乙"], HEADER, ["产出指标", "质量指标", "b", "y"]])
    assert [t.rows[0][1] for t in stitch_tables([a, b], [])] == ["P1", "P2"]


def test_a_merged_cell_printed_after_the_break_fills_the_rows_before():
    # issue 13 class 4 (random seed 37): 一级指标 merged over the last row of page 1 and the first of page 2,
    # its text printed on page 2 only
    a = grid(1, [HEADER, ["", "数量指标", "a", "x"]])
    b = grid(2, [HEADER, ["产出指标", "质量指标", "b", "y"]])
    (t,) = stitch_tables([a, b], [])
    assert t.rows[1:] == [["产出指标", "数量指标", "a", "x"], [None, "质量指标", "b", "y"]]
    assert (1, 0, 2, 1) in t.spans


def test_an_empty_leading_cell_of_an_empty_row_takes_nothing():
    a = grid(1, [HEADER, ["产出指标", "数量指标", "a", "x"], ["", "", "", ""]])
    b = grid(2, [["效益指标", "社会效益", "b", "y"]])
    (t,) = stitch_tables([a, b], [])
    assert t.rows[2] == ["", "", "", ""] and t.rows[3][0] == "效益指标"


def test_a_renumbered_running_code_continues_only_under_the_repeated_header():
    # Taiwan budget pages carry a running page code above the title ((0801)-091, (0801)-092 …)
    title = ["(0801)-091", "歲出計畫提要及分支計畫概況表"]
    first_row = ["工作計畫名稱及編號", "3708012700 土地測量", "預算金額", "1,006,592"]
    a = grid(1, [first_row, HEADER, ["01", "x", "y", "z"]], caption=title)
    same = grid(2, [first_row, HEADER, ["02", "x", "y", "z"]], caption=["(0801)-092", title[1]])
    other = grid(2, [["工作計畫名稱及編號", "3708012800 土地開發", "預算金額", "86,000"], HEADER, ["01", "x", "y", "z"]],
                 caption=["(0801)-092", title[1]])
    (t,) = stitch_tables([a, same], [])
    assert t.n_rows == 4 and t.rows[3][0] == "02"
    assert len(stitch_tables([a, other], [])) == 2


def test_header_rows_repeated_without_the_row_between_them():
    first_row = ["工作計畫名稱及編號", "3708012700 土地測量", "預算金額", "1,006,592"]
    a = grid(1, [first_row, ["計畫內容：…", "", "預期成果：…", ""], HEADER, ["01", "x", "y", "z"]])
    b = grid(2, [first_row, HEADER, ["02", "p", "q", "r"]])
    (t,) = stitch_tables([a, b], [])
    assert [r[0] for r in t.rows] == ["工作計畫名稱及編號", "計畫內容：…", HEADER[0], "01", "02"]


@needs_real
def test_taiwan_work_plan_tables_are_joined_per_plan():
    # 歲出計畫提要及分支計畫概況表: one work plan per table, its pages marked (0801)-088 … with the plan's
    # name and amount repeated in the first row of every page (read off pages 90-107)
    warnings = []
    with pdfplumber.open(REAL_CORPUS_DIR / TAIWAN) as pdf:
        grids = extract_grids(pdf, locate_pages(pdf, list(range(90, 108)), warnings), "pdfplumber", warnings)
    ts = stitch_tables(grids, warnings)
    assert [[p.page for p in t.parts] for t in ts] == [[90, 91, 92, 93], [94, 95, 96],
                                                       list(range(97, 106)), [106, 107]]
    assert [t.rows[0][1] for t in ts] == ["3708012502 地籍及不動產服務業管理", "3708012503 平均地權及土地利用",
                                         "3708012700 土地測量", "3708012800 土地開發"]


def test_a_list_group_complete_before_the_break_keeps_its_empty_cells():
    # Beijing 预算表12 (p.29/30 and p.32/33 of the ecology budget): a project's row group ends at the page
    # foot with 其他资金 and the last 单位 empty as printed; the next page starts the next project, whose merged
    # 其他资金 (2.00) and first 单位 (期) are its own, not the text of a cell split by the break
    head = ["项目名称", "其他资金", "一级指标", "单位"]
    a = grid(29, [head, ["项目甲", "", "产出指标", "次"], [None, None, "效益指标", ""]],
             spans=[(1, 0, 2, 1), (1, 1, 2, 1)])
    b = grid(30, [head, ["项目乙", "2.00", "产出指标", "期"], [None, None, "满意度指标", "%"]],
             spans=[(1, 0, 2, 1), (1, 1, 2, 1)])
    (t,) = stitch_tables([a, b], [])
    assert t.rows[1:] == [["项目甲", "", "产出指标", "次"], [None, None, "效益指标", ""],
                          ["项目乙", "2.00", "产出指标", "期"], [None, None, "满意度指标", "%"]]


def test_a_table_names_every_inference_its_parts_needed():
    # a table whose second page's rows came from its text lines says so (H12: grid_from_text), not only the
    # first part's engine
    a = grid(1, [HEADER, ["产出指标", "数量指标", "a", "x"]])
    b = grid(2, [["", "质量指标", "b", "y"]])
    b.engine = "pdfplumber+text_rows"
    (t,) = stitch_tables([a, b], [])
    assert t.engine == "pdfplumber+text_rows"


def test_an_empty_amount_at_the_page_foot_does_not_take_the_next_rows_amount():
    # Shanghai finance bureau 2025 p.10/11: 死亡抚恤 has no 基本支出 (empty as printed); p.11 starts with
    # 卫生健康支出 4,668,000 | 4,620,000 | 48,000, whose 4,620,000 is its own. The header's 合计/基本支出/项目支出
    # cells are merged over two header rows, so those columns count as merged ones.
    head = [["功能分类科目名称", "合计", "基本支出", "项目支出"], [None, None, None, None]]
    spans = [(0, 0, 2, 1), (0, 1, 2, 1), (0, 2, 2, 1), (0, 3, 2, 1)]
    a = grid(10, head + [["抚恤", "1,200,000", "", "1,200,000"], ["死亡抚恤", "1,200,000", "", "1,200,000"]],
             spans=spans)
    b = grid(11, [["卫生健康支出", "4,668,000", "4,620,000", "48,000"]])
    (t,) = stitch_tables([a, b], [])
    assert t.rows[2:] == [["抚恤", "1,200,000", "", "1,200,000"], ["死亡抚恤", "1,200,000", "", "1,200,000"],
                          ["卫生健康支出", "4,668,000", "4,620,000", "48,000"]]


def test_a_cell_merged_over_a_cut_row_ends_with_it_where_the_piece_rules_it_off():
    # Xi'an 附表14 pp.33-34 (read from the rendered pages): 年度总体目标 is merged over two goal blocks; p.34 ends
    # the second block (目标12…) and rules it off, its left column then holds the vertical label 年度绩效指标
    # (empty on this page) merged over the indicator rows: another cell, not more of 年度总体目标.
    xs = [0.0, 80.0, 200.0, 300.0, 400.0]
    a = grid(33, [["部门（单位）名称", "西安市安全生产监督管理局", None, None],
                  ["年度总体目标", "目标1：全力保障。", None, None], [None, "目标7：通过开展", None, None]],
             spans=[(0, 1, 1, 3), (1, 0, 2, 1), (1, 1, 1, 3), (2, 1, 1, 3)], trailer=["第 2 页，共 45 页"], xs=xs)
    b = grid(34, [["", "目标12：掌握", None, None], ["", "一级指标", "二级指标", "指标值"],
                  [None, "产出指标", "数量指标", "100%"]],
             spans=[(0, 1, 1, 3), (1, 0, 2, 1)], trailer=["第 3 页，共 45 页"], xs=xs)
    (t,) = stitch_tables([a, b], [])  # 第 2 页，共 45 页 is page furniture: p.34 continues the table
    assert t.rows[2][1].replace("\n", "") == "目标7：通过开展目标12：掌握"
    assert (1, 0, 2, 1) in t.spans and (3, 0, 2, 1) in t.spans
    assert t.rows[3] == ["", "一级指标", "二级指标", "指标值"] and t.row_pages == [33, 33, 33, 34, 34]


def test_a_cell_ruled_off_on_both_sides_of_the_break_does_not_run_over_it():
    # Xi'an 附表15 pp.39-40 (read from the rendered pages): p.39 ends with 年度总体目标 and a rule under it;
    # p.40 starts the indicator block with a rule over its left column, the vertical label 年度绩效指标 merged
    # over the rows (its glyphs on a later page). Without those two rules the cell runs over the break.
    xs = [0.0, 80.0, 200.0, 300.0, 400.0]
    head = [["专项（项目）名称", "西安市安全生产监督管理局", None, None],
            ["年度总体目标", "目标1：通过开展", None, None], [None, "目标6：通过深入", None, None]]
    head_spans = [(0, 1, 1, 3), (1, 0, 2, 1), (1, 1, 1, 3), (2, 1, 1, 3)]
    body = [["", "一级指标", "二级指标", "指标值"], [None, "产出指标", "数量指标", "≥80%"]]

    def join(ruled: bool):
        a = grid(39, head, spans=head_spans, trailer=["第 8 页，共 45 页"], xs=xs)
        b = grid(40, body, spans=[(0, 0, 2, 1)], xs=xs)
        if ruled:
            a.bottom_rules, b.top_rules = [(0.0, 400.0)], [(0.0, 80.0)]
        (t,) = stitch_tables([a, b], [])
        return t

    t = join(ruled=True)
    assert (1, 0, 2, 1) in t.spans and (3, 0, 2, 1) in t.spans and t.rows[3][0] == ""
    assert (1, 0, 4, 1) in join(ruled=False).spans  # open at the break: one cell over both pages
