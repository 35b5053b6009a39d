"""Interpretation by header text, on tables built by hand from the seed text (/work/shared/seed).

The tables here are what stitch hands over (cell text "" empty, None covered by a merge, spans), typed from
the seed's table 1 (法律顾问绩效目标表) and its 第一部分, so the expected values are the seed's, not the code's.
"""

from __future__ import annotations

import pytest

from extractor.interpret import interpret
from extractor.interpret.fields import amount, split_goals
from extractor.model import PageLayout, Table, TablePart, TextLine, Warning

SEED_INDICATORS = [
    # level1, level2, level3, description, value, basis
    ("产出指标", "数量指标", "专业律师提供法律帮助", "专业律师提供法律帮助", "≥1人",
     "根据执法工作需要，派遣至少一名专业法律咨询顾问提供法律帮助"),
    ("产出指标", "质量指标", "立案审核通过率", "立案审核通过率", "≥90百分比", "需进行行政处罚的案件，均有法律顾问审查后立案"),
    ("产出指标", "时效指标", "时效性", "反映问题解决速度", "≤30天", "出现相关问题，及时提供法律援助，确保按时、按质解决问题"),
    ("产出指标", "成本指标", "预算执行率", "预算执行率", "≥90百分比", "合同金额严格按照预算进行签订"),
    ("效益指标", "经济效益指标", "提高效率", "提高效率", "≥30百分比", "工作效率提升30%"),
    ("效益指标", "社会效益指标", "反映依法行政水平", "通过聘用法律顾问，促进依法行政水平逐步提高", "≥30百分比", "执法水平提升30%"),
    ("效益指标", "生态效益指标", "满足生态环保要求", "满足生态环保要求", "满足生态环保要求",
     "通过聘用法律顾问，解读政策，使工作更好的满足生态环保要求"),
    ("效益指标", "可持续影响指标", "提升人员素质", "提升人员素质", "≥50百分比", "通过抽样调查等形式，提升人员素质"),
    ("满意度指标", "服务对象满意度指标", "群众满意度", "抽样调查中群众满意数量占总数的比例", "≥90百分比", "通过抽样调查等形式，得到大部分群众满意"),
]

HEADER = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据", None]


def seed_table_1(order=None, page_break_at=None):
    """The seed's table 1 on the 7-column grid. `order` permutes the indicator columns (and their header)
    to show they are found by text; `page_break_at` puts indicator rows from that index on the next page,
    where the merged 一级指标 continues as an empty cell (as a stitched continuation gives it)."""
    rows = [
        ["项目编码", "13081124P00007610001E", None, "项目名称", "法律顾问", None, None],
        ["预算规模及资金用途", "预算数", "5.00", "其中：财政资金", "5.00", "其他资金", ""],
        [None, "法律顾问费", None, None, None, None, None],
        ["资金支出计划（%）", "3月底", None, "6月底", None, "10月底", None],
        [None, "25%", None, "50%", None, "75%", None],
        ["绩效目标", "1. 提高城市管理执法行为，提高依法行政水平，按时、按质解决法律问题", None, None, None, None, None],
    ]
    spans = [[0, 1, 1, 2], [0, 4, 1, 3], [1, 0, 2, 1], [2, 1, 1, 6], [3, 0, 2, 1], [3, 1, 1, 2], [3, 3, 1, 2],
             [3, 5, 1, 2], [4, 1, 1, 2], [4, 3, 1, 2], [4, 5, 1, 2], [5, 1, 1, 6]]
    cols = list(range(6)) if order is None else order
    header_row = len(rows)
    rows.append([HEADER[c] for c in cols] + [None])
    spans.append([header_row, cols.index(5), 1, 2])
    first = header_row + 1
    row_pages = [7] * first
    for i, ind in enumerate(SEED_INDICATORS):
        cells = list(ind)
        row = [cells[c] for c in cols] + [None]
        row_pages.append(7 if page_break_at is None or i < page_break_at else 8)
        rows.append(row)
        spans.append([first + i, cols.index(5), 1, 2])
    # level1 merged over its run (split at the page break), level2 single cells
    runs, start = [], 0
    for i in range(1, len(SEED_INDICATORS) + 1):
        if (i == len(SEED_INDICATORS) or SEED_INDICATORS[i][0] != SEED_INDICATORS[start][0]
                or i == page_break_at):
            runs.append((start, i - start))
            start = i
    c1 = cols.index(0)
    for s, n in runs:
        if page_break_at is not None and s == page_break_at:
            rows[first + s][c1] = ""  # the continuation's piece of the merged cell is empty
        for k in range(1, n):
            rows[first + s + k][c1] = None
        if n > 1:
            spans.append([first + s, c1, n, 1])
    pages = sorted(set(row_pages))
    parts = [TablePart(p, (56.7, 100.0, 538.6, 700.0)) for p in pages]
    caption = [TextLine(7, 60.0, 57.0, "1. 法律顾问绩效目标表"),
               TextLine(7, 80.0, 57.0, "133001 承德高新技术产业开发区城市管理综合行政执法局本级"),
               TextLine(7, 80.0, 480.0, "单位：万元")]
    return Table(parts=parts, rows=rows, spans=[tuple(s) for s in spans], engine="camelot",
                 row_pages=row_pages, caption=caption)


def run(tables, lines=()):
    warnings: list[Warning] = []
    pages = sorted({ln.page for ln in lines} | {p.page for t in tables for p in t.parts})
    layouts = [PageLayout(number=p, width=595.0, height=842.0, lines=[ln for ln in lines if ln.page == p])
               for p in pages]
    return interpret(layouts, tables, warnings), warnings


def test_hebei_project_table_read_by_header_text():
    out, warnings = run([seed_table_1()])
    (p,) = out["projects"]
    assert (p["seq"], p["title"], p["code"], p["name"]) == (1, "法律顾问绩效目标表", "13081124P00007610001E", "法律顾问")
    assert p["amount_unit"] == "万元"
    assert p["budget"] == {"total": 5.0, "fiscal": 5.0, "other": None}
    assert p["purpose"] == "法律顾问费"
    assert p["spending_plan"] == [{"period": "3月底", "percent": 25.0}, {"period": "6月底", "percent": 50.0},
                                  {"period": "10月底", "percent": 75.0}]
    assert p["goals"] == ["提高城市管理执法行为，提高依法行政水平，按时、按质解决法律问题"]
    assert p["attributes"] == {}
    got = [(i["level1"], i["level2"], i["level3"], i["description"], i["value"]["raw"], i["basis"])
           for i in p["indicators"]]
    assert got == SEED_INDICATORS
    assert p["indicators"][1]["value"]["op"] == ">=" and p["indicators"][1]["value"]["unit"] == "%"
    assert p["pages"] == [7]
    assert out["document"]["organization_code"] == "133001"
    assert out["document"]["organization"] == "承德高新技术产业开发区城市管理综合行政执法局本级"
    assert warnings == []


def test_columns_found_by_text_not_position():
    out, _ = run([seed_table_1(order=[2, 0, 1, 4, 3, 5])])
    got = [(i["level1"], i["level2"], i["level3"], i["description"], i["value"]["raw"], i["basis"])
           for i in out["projects"][0]["indicators"]]
    assert got == SEED_INDICATORS


def test_merged_level1_repeated_across_a_page_break():
    out, _ = run([seed_table_1(page_break_at=2)])
    inds = out["projects"][0]["indicators"]
    assert [i["level1"] for i in inds] == [x[0] for x in SEED_INDICATORS]
    assert [i["page"] for i in inds] == [7, 7] + [8] * 7
    assert out["projects"][0]["pages"] == [7, 8]


def test_wrapped_labels_and_thousands_separators():
    t = seed_table_1()
    t.rows[1][3] = "其中：财政\n资金"
    t.rows[1][1] = "预算数"
    t.rows[1][2] = "1,234.50"
    t.rows[0][0] = "项目编号"  # table 3 of the seed prints 项目编号
    out, _ = run([t])
    p = out["projects"][0]
    assert p["budget"] == {"total": 1234.5, "fiscal": 5.0, "other": None}
    assert p["code"] == "13081124P00007610001E"


def test_other_labelled_fields_go_to_attributes():
    t = seed_table_1()
    t.rows.insert(3, ["项目负责人", "张三", None, None, None, None, None])
    t.row_pages.insert(3, 7)
    t.spans = [(r + 1 if r >= 3 else r, c, rs, cs) for r, c, rs, cs in t.spans] + [(3, 1, 1, 6)]
    out, _ = run([t])
    assert out["projects"][0]["attributes"] == {"项目负责人": "张三"}
    assert out["projects"][0]["purpose"] == "法律顾问费"


@pytest.mark.parametrize("text, goals", [
    ("1. 提高执法水平", ["提高执法水平"]),
    ("1. 提高执法水平，按时解决问题2. 加强培训", ["提高执法水平，按时解决问题", "加强培训"]),
    ("1．完成率达到1.5倍；2．满意度≥90%", ["完成率达到1.5倍；", "满意度≥90%"]),
    ("（1）做好围挡建设（2）确保安全", ["做好围挡建设", "确保安全"]),
    ("管理各类下拨费用，实报实销", ["管理各类下拨费用，实报实销"]),
    ("", []),
])
def test_goals_split_on_their_own_numbering(text, goals):
    assert split_goals(text) == goals


@pytest.mark.parametrize("text, number", [("4,100,000.00", 4100000.0), ("5.00", 5.0), ("", None), ("0.00", 0.0)])
def test_amounts(text, number):
    assert amount(text) == (number, True)


def test_unknown_table_stays_raw_and_project_like_one_is_flagged():
    budget = Table(parts=[TablePart(20, (50, 100, 550, 400))], engine="camelot", row_pages=[20, 20],
                   rows=[["功能分类科目编码", "功能分类科目名称", "合计"], ["201", "一般公共服务支出", "1,000.00"]], spans=[])
    broken = Table(parts=[TablePart(21, (50, 100, 550, 400))], engine="camelot", row_pages=[21, 21],
                   rows=[["项目名称", "某项目"], ["预算数", "5.00"]], spans=[])
    out, warnings = run([budget, broken])
    assert out["projects"] == []
    assert [(w.code, w.page) for w in warnings] == [("table_uninterpreted", 21)]


def test_central_layout_three_value_columns():
    rows = [
        ["项目名称", "办公设备购置", None, "项目编码", "11000022T000000000001"],
        ["项目资金（万元）", "年度资金申请总额", "120.00", None, None],
        [None, "其中：财政资金", "100.00", None, None],
        [None, "其他资金", "20.00", None, None],
        ["资金用途", "购置办公设备", None, None, None],
        ["绩效目标", "1. 按时完成采购2. 设备完好", None, None, None],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "指标值设定依据及数据来源"],
        ["产出指标", "数量指标", "购置台数", "≥", "30", "台", "采购计划"],
        [None, "时效指标", "完成时间", "≤", "3", "个月", "合同"],
        ["满意度指标", "服务对象满意度指标", "使用人员满意度", "≥", "90", "%", "问卷"],
    ]
    rows = [r + [None] * (7 - len(r)) for r in rows]
    spans = [(0, 1, 1, 2), (0, 4, 1, 3), (1, 0, 3, 1), (1, 2, 1, 5), (2, 2, 1, 5), (3, 2, 1, 5), (4, 1, 1, 6),
             (5, 1, 1, 6), (7, 0, 2, 1)]
    t = Table(parts=[TablePart(5, (50, 100, 550, 700))], rows=rows, spans=spans, engine="camelot", row_pages=[5] * 10)
    out, warnings = run([t])
    p = out["projects"][0]
    assert (p["name"], p["code"], p["amount_unit"]) == ("办公设备购置", "11000022T000000000001", "万元")
    assert p["budget"] == {"total": 120.0, "fiscal": 100.0, "other": 20.0}
    assert p["purpose"] == "购置办公设备" and p["goals"] == ["按时完成采购", "设备完好"]
    first, second, third = p["indicators"]
    assert (first["value"]["raw"], first["value"]["op"], first["value"]["number"], first["value"]["unit"]) == \
        ("≥30台", ">=", 30.0, "台")
    assert second["level1"] == "产出指标" and second["value"]["op"] == "<="
    assert third["value"]["unit"] == "%" and third["description"] is None and third["basis"] == "问卷"
    assert warnings == []


def test_toc_mismatch_warns_with_the_heading_page():
    t = seed_table_1()
    t.caption = [TextLine(8, 60.0, 57.0, "2. 冯营子供销社地块围挡建设费用绩效目标表")]
    t.parts = [TablePart(8, (56.7, 100.0, 538.6, 700.0))]
    toc = [TextLine(2, 75.0, 277.0, "目 录"),
           TextLine(2, 260.0, 81.0, "1.法律顾问绩效目标表.....7"),
           TextLine(2, 284.0, 81.0, "2.冯营供销社地块围挡建设费用绩效目标表.....8")]
    seed1 = seed_table_1()
    out, warnings = run([seed1, t], toc)
    assert [p["title"] for p in out["projects"]] == ["法律顾问绩效目标表", "冯营子供销社地块围挡建设费用绩效目标表"]
    assert [(w.code, w.page) for w in warnings] == [("toc_title_mismatch", 8)]
    assert "冯营供销社" in warnings[0].message and "冯营子供销社" in warnings[0].message


def test_department_part_from_prose_and_graded_tables():
    lines = [
        TextLine(1, 240.0, 67.0, "承德高新技术产业开发区城市管理综合行政执法局本级 2024 年部门预算绩效文本", size=22.0),
        TextLine(1, 377.0, 90.0, "承德高新技术产业开发区城市管理综合行政执法局本级编制", size=16.0),
        TextLine(3, 139.0, 57.0, "一、总体绩效目标"),
        TextLine(3, 166.0, 89.0, "总体绩效目标："),
        TextLine(3, 196.0, 89.0, "高新区城市管理综合行政执法局负责行使住房城乡建设领域法律"),
        TextLine(3, 221.0, 57.0, "法规、规章规定的部分行政处罚权。"),
        TextLine(3, 430.0, 89.0, "职责分类绩效目标："),
        TextLine(3, 460.0, 89.0, "（一）结合工作实际，履行办公室职能，认真完成综合协调、处"),
        TextLine(3, 797.0, 285.0, "- 1 -"),
        TextLine(4, 348.0, 57.0, "二、分项绩效目标"),
        TextLine(4, 376.0, 57.0, "（一）综合科"),
        TextLine(4, 400.0, 89.0, "1. 绩效目标：综合科围绕全局中心工作，结合工作实际，履行"),
        TextLine(4, 426.0, 57.0, "办公室职能。"),
        TextLine(4, 532.0, 89.0, "2. 绩效指标："),
    ]
    graded = Table(parts=[TablePart(4, (57.0, 550.0, 538.0, 660.0))], engine="camelot", row_pages=[4, 4, 4, 4],
                   rows=[["绩效指标", "评价标准", None, None, None], [None, "优", "良", "中", "差"],
                         ["综合业务管理工作完成率", "100%", "90%", "80%", "60%以下"],
                         ["综合文书工作完成率", "100%", "90%", "80%", "60%以下"]],
                   spans=[(0, 0, 2, 1), (0, 1, 1, 4)])
    out, warnings = run([graded], lines)
    assert out["document"]["title"] == "承德高新技术产业开发区城市管理综合行政执法局本级 2024 年部门预算绩效文本"
    assert out["document"]["year"] == 2024
    assert out["document"]["organization"] == "承德高新技术产业开发区城市管理综合行政执法局本级"
    dep = out["department"]
    assert dep["overall_goal"] == "高新区城市管理综合行政执法局负责行使住房城乡建设领域法律法规、规章规定的部分行政处罚权。"
    (sec,) = dep["sections"]
    assert (sec["name"], sec["goal"]) == ("综合科", "综合科围绕全局中心工作，结合工作实际，履行办公室职能。")
    assert [i["name"] for i in sec["indicators"]] == ["综合业务管理工作完成率", "综合文书工作完成率"]
    grades = sec["indicators"][0]["grades"]
    assert list(grades) == ["优", "良", "中", "差"]
    assert grades["差"]["op"] == "<=" and grades["差"]["number"] == 60.0
    assert sec["indicators"][0]["page"] == 4
    assert out["projects"] == [] and warnings == []


def test_value_that_does_not_parse_is_kept_and_flagged():
    t = seed_table_1()
    t.rows[-1][4] = "≥百分比"
    out, warnings = run([t])
    assert out["projects"][0]["indicators"][-1]["value"]["raw"] == "≥百分比"
    assert [(w.code, w.page) for w in warnings] == [("value_unparsed", 7)]


def test_heading_left_at_the_foot_of_the_previous_page():
    t = seed_table_1()
    t.caption = []
    t.parts = [TablePart(8, (56.7, 72.0, 538.6, 700.0))]
    t.row_pages = [8] * len(t.rows)
    lines = [TextLine(7, 700.0, 57.0, "1. 法律顾问绩效目标表"), TextLine(7, 730.0, 480.0, "单位：万元")]
    out, _ = run([t], lines)
    assert out["projects"][0]["title"] == "法律顾问绩效目标表"


def test_goal_block_with_long_term_and_annual_goals():
    rows = [
        ["项目名称", "校舍维修", None],
        ["绩效目标", "长期目标", "年度目标"],
        [None, "建立校舍安全长效机制", "1. 完成12所学校维修2. 消除安全隐患"],
        ["一级指标", "二级指标", "指标值"],
        ["产出指标", "数量指标", "≥12所"],
    ]
    t = Table(parts=[TablePart(3, (50, 100, 550, 500))], rows=rows, spans=[(0, 1, 1, 2), (1, 0, 2, 1)],
              engine="camelot", row_pages=[3] * 5)
    out, warnings = run([t])
    p = out["projects"][0]
    assert p["goals"] == ["完成12所学校维修", "消除安全隐患"]
    assert p["attributes"]["长期目标"] == "建立校舍安全长效机制"
    assert p["indicators"][0]["value"]["number"] == 12.0 and warnings == []


@pytest.mark.parametrize(("printed", "label"), [
    ("期资金总", "实施期资金总额"),   # Xi'an justice p.85: the clip shows the middle of 实施期资金总额
    ("目名称", "项目名称"),
    ("资金总", None),               # in 项目资金总额, 年度资金总额, 实施期资金总额 …: names none of them
    ("实施期", None),               # in 实施期资金总额 and 项目实施期目标
    ("财政拨款", None),             # a whole label of its own, not a part
    ("警用服装购置", None),          # a value
])
def test_a_label_cut_by_its_clip_is_named_by_the_one_label_it_is_part_of(printed, label):
    from extractor.interpret.labels import label_of_part
    assert label_of_part(printed) == label


def test_a_cut_label_is_read_and_flagged():
    rows = [[label, value, None, None] for label, value in
            [("项目名称", "警用服装购置"), ("期资金总", "55.72"), ("财政拨款", "55.72"), ("年度目标", "购置警用服装")]]
    rows += [["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "购置数量(件)", "≤4154"]]
    spans = [(r, 1, 1, 3) for r in range(4)]
    table = Table(parts=[TablePart(7, (56.7, 100.0, 538.6, 300.0))], rows=rows, spans=spans, engine="camelot",
                  row_pages=[7] * len(rows), caption=[TextLine(7, 60.0, 57.0, "部门专项业务经费绩效目标表")])
    out, warnings = run([table])
    (p,) = out["projects"]
    assert p["budget"] == {"total": 55.72, "fiscal": 55.72, "other": None}
    assert [w.code for w in warnings] == ["label_part"]
