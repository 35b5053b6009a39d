"""The table patterns of the published layouts, on small tables typed from their rendered pages.

Each table is what stitch hands over (cell text, None under a merge, spans); the texts are copied from the
pages named in each test, so the expected values are the page's, not the code's.
"""

from __future__ import annotations

from extractor.interpret import interpret
from extractor.interpret import labels as L
from extractor.interpret.packed import read_packed
from extractor.model import PageLayout, Table, TablePart, TextLine


def table(rows, spans=(), pages=None, caption=()):
    row_pages = pages or [1] * len(rows)
    parts = [TablePart(p, (40.0, 80.0, 800.0, 560.0)) for p in sorted(set(row_pages))]
    return Table(parts=parts, rows=rows, spans=[tuple(s) for s in spans], engine="camelot",
                 row_pages=row_pages, caption=list(caption))


def run(*tables, lines=()):
    pages = sorted({p for t in tables for p in t.row_pages} | {ln.page for ln in lines})
    layouts = [PageLayout(number=p, width=842.0, height=595.0, lines=[ln for ln in lines if ln.page == p])
               for p in pages]
    warnings = []
    return interpret(layouts, list(tables), warnings), warnings


def test_vocabulary_is_data():
    """The labels come from vocabulary.toml; a label there is matched with white space and a colon ignored."""
    assert "年度资金总额" in L.VOCABULARY["project"]["total"]
    assert L.matches(L.TOTAL, "年度资金总额：")
    assert L.matches(L.FISCAL, "其中：财政\n拨款")
    assert L.indicator_field("分值权重（90分）") == "weight"
    assert L.indicator_field("实施周期指标值") == "period_value"
    assert L.indicator_field("本年绩效指标值") == "value"


# Beijing 预算表12 (beijing-city-dev-reform-2026-budget p.30): a list, a row group per project
BEIJING_HEAD = [["项目名称", "项目总额", "其中：", None, "绩效目标", "一级指标", "二级指标", "三级指标", "绩效指标性质",
                 "本年绩效指标值", "绩效度量单位"],
                [None, None, "财政资金", "其他资金", None, None, None, None, None, None, None]]
BEIJING_HEAD_SPANS = [(0, 0, 2, 1), (0, 1, 2, 1), (0, 2, 1, 2)] + [(0, c, 2, 1) for c in range(4, 11)]


def test_list_table_one_project_per_row_group():
    rows = BEIJING_HEAD + [
        ["11000021Y000000390848-公务用车购置项目", "18.690000", "18.690000", "", "圆满完成公车购置工作，车辆验收合格。",
         "成本指标", "经济成本指标", "车辆购置税", "≤", "0.89", "万元"],
        [None, None, None, None, None, "效益指标", "可持续影响指标", "持续保障单位车辆使用", "定性", "优，持续保障单位车辆使用", ""],
        ["11000022T000000455956-价格管理委托服务\n事项", "125.000000", "125.000000", "", "开展价格政策评估。",
         "产出指标", "数量指标", "价格政策评估报告数量", "＝", "5", "份"],
        [None, None, None, None, None, "成本指标", "经济成本指标", "单项委托成本", "≤", "30", "万"],
    ]
    spans = BEIJING_HEAD_SPANS + [(2, c, 2, 1) for c in range(5)] + [(4, c, 2, 1) for c in range(5)]
    out, warnings = run(table(rows, spans))
    first, second = out["projects"]
    assert (first["code"], first["name"]) == ("11000021Y000000390848", "公务用车购置项目")
    assert (second["code"], second["name"]) == ("11000022T000000455956", "价格管理委托服务事项")
    assert first["budget"] == {"total": 18.69, "fiscal": 18.69, "other": None}
    assert [i["value"]["raw"] for i in first["indicators"]] == ["≤0.89万元", "定性优，持续保障单位车辆使用"]
    assert [i["level3"] for i in second["indicators"]] == ["价格政策评估报告数量", "单项委托成本"]
    assert not [w for w in warnings if w.code in ("list_single_project", "too_many_indicators")]


def test_list_unit_rows_and_totals_are_not_projects():
    """Changsha (hunan-changsha-public-security-2025-budget p.23): 合计, then a unit row, then its projects;
    value, unit and 指标值类型 in separate columns, joined in print order."""
    rows = [
        ["单位编码", "单位（项目）名称", "资金总额", "绩效目标", "绩效指标", None, None, None, None, None],
        [None, None, None, None, "一级指标", "二级指标", "三级指标", "指标值", "度量单位", "指标值类型"],
        ["合计", "", "40,233.95", "", "", "", "", "", "", ""],
        ["106001", "长沙市公安局", "40,233.95", "", "", "", "", "", "", ""],
        ["106001", "大型警保卫及基础设施安全保护工作经费", "428.69", "发挥公安职能，切实做好大型警保卫工作", "成本指标",
         "经济成本指标", "成本控制率", "100", "%", "≤"],
        [None, None, None, None, "产出指标", "数量指标", "警保卫活动次数", "10", "次", "≥"],
    ]
    spans = [(0, 0, 2, 1), (0, 1, 2, 1), (0, 2, 2, 1), (0, 3, 2, 1), (0, 4, 1, 6)] + [(4, c, 2, 1) for c in range(4)]
    out, _ = run(table(rows, spans))
    [project] = out["projects"]
    assert project["name"] == "大型警保卫及基础设施安全保护工作经费"
    assert project["department_unit"] == "长沙市公安局"
    assert project["budget"]["total"] == 428.69
    assert [i["value"]["raw"] for i in project["indicators"]] == ["100%≤", "10次≥"]


def test_packed_indicators():
    """Guangzhou (guangdong-guangzhou-ecology-env-2026-project-perf-targets p.2): numbered items in one cell."""
    text = ("1.1－产出指标，11－数量指标，项目专职环保员数量；实施周期指标值：≦核定人数，年度指标值：≦核定人数；2、1－产出指标，"
            "12－质量指标，环境应急事件响应率；实施周期指标值：100%，年度指标值：100%;3、2－效益指标，22－社会效益，"
            "环保信访投诉办结率；实施周期指标值：≥90%，年度指标值：≥90%;")
    got = read_packed(text, 2, [])
    assert [(i.level1, i.level2, i.level3) for i in got] == [
        ("产出指标", "数量指标", "项目专职环保员数量"), ("产出指标", "质量指标", "环境应急事件响应率"),
        ("效益指标", "社会效益", "环保信访投诉办结率")]
    assert [(i.period_value.raw, i.value.raw) for i in got] == [("≦核定人数", "≦核定人数"), ("100%", "100%"),
                                                                 ("≥90%", "≥90%")]


def test_packed_value_printed_without_colon():
    """Guangzhou p.45: `实施周期指标值》90%，年度指标值》90%`: no colon, the value starts with its operator."""
    text = "3、1－产出指标，13－时效指标，合同进度执行率；实施周期指标值》90%，年度指标值》90%;"
    [got] = read_packed(text, 45, [])
    assert (got.level3, got.period_value.raw, got.value.raw) == ("合同进度执行率", "》90%", "》90%")


def test_form_with_weights_and_scored_label():
    """Central 101号 form (central-nat-public-complaints-bureau-2026-budget p.30)."""
    rows = [
        ["项目名称", None, "信息化运行维护", None, None, None, None],
        ["主管部门及代码", None, "[292]国家信访局", None, "实施单位", "国家信访局本级", None],
        ["项目资金（万元）", None, "年度资金总额：", None, "2,134.87", None, "执行率分值（10）"],
        [None, None, "其中：财政拨款", None, "1,384.87", None, None],
        [None, None, "上年结转", None, "750.00", None, None],
        [None, None, "其他资金", None, "-", None, None],
        ["年度总体目标", "1.加强指导。2.推进法治化。", None, None, None, None, None],
        ["绩效指标", "一级指标", "二级指标", "三级指标", None, "指标值", "分值（90）"],
        [None, "成本指标", "经济成本指标", "项目总成本", None, "≤2134.87万元", "20"],
    ]
    spans = [(0, 0, 1, 2), (0, 2, 1, 5), (1, 0, 1, 2), (1, 2, 1, 2), (1, 5, 1, 2), (2, 0, 4, 2), (2, 2, 1, 2),
             (2, 4, 1, 2), (2, 6, 4, 1), (3, 2, 1, 2), (3, 4, 1, 2), (4, 2, 1, 2), (4, 4, 1, 2), (5, 2, 1, 2),
             (5, 4, 1, 2), (6, 1, 1, 6), (7, 0, 2, 1), (7, 3, 1, 2), (8, 3, 1, 2)]
    out, _ = run(table(rows, spans, pages=[30] * len(rows)))
    [p] = out["projects"]
    assert p["amount_unit"] == "万元"
    assert p["budget"] == {"total": 2134.87, "fiscal": 1384.87, "other": None}
    assert p["attributes"]["上年结转"] == "750.00" and p["attributes"]["执行率分值"] == "10"
    assert p["goals"] == ["加强指导。", "推进法治化。"]
    assert p["indicators"][0]["weight"] == 20.0


def test_indicators_without_a_project_are_reported():
    """An indicator table inside a report (central-nat-public-complaints-bureau-2024-final-selfeval p.46)."""
    rows = [["一级指标", "二级指标", "三级指标", "指标值"], ["成本指标", "经济成本指标", "项目总成本", "不超过预算"]]
    out, warnings = run(table(rows, pages=[46, 46]))
    assert out["projects"] == []
    assert [(w.code, w.page) for w in warnings] == [("indicators_without_project", 46)]


def test_too_many_indicator_rows_are_reported():
    rows = [["项目名称", "某项目", None, None], ["一级指标", "二级指标", "三级指标", "指标值"]]
    rows += [["产出指标", "数量指标", f"指标{k}", "1"] for k in range(61)]
    out, warnings = run(table(rows, spans=[(0, 1, 1, 3)]))
    assert len(out["projects"][0]["indicators"]) == 61
    assert "too_many_indicators" in {w.code for w in warnings}


def test_unknown_header_label_is_reported():
    rows = [["项目名称", "某项目", None, None], ["资金监管方式", "专户", None, None],
            ["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "培训人数", "≥300人"]]
    out, warnings = run(table(rows, spans=[(0, 1, 1, 3), (1, 1, 1, 3)]))
    assert out["projects"][0]["attributes"]["资金监管方式"] == "专户"
    assert [w.code for w in warnings] == ["unknown_label"]


def test_department_wide_table():
    """Chongqing 表十 (chongqing-city-water-resources-2026-budget p.30): flat 指标名称 list, name in the caption."""
    caption = [TextLine(30, 40.0, 300.0, "2026 年部门整体绩效目标表"), TextLine(30, 60.0, 60.0, "单位名称：重庆市水利局")]
    rows = [["当年整体绩效目标", None, None, None, None, None, None],
            ["完善全市水网建设布局。", None, None, None, None, None, None],
            ["绩效指标", "指标名称", "指标性质", "指标值", "计量单位", "指标权重(%)", "是否核心"],
            [None, "续建大中型水库", "≥", "27", "座", "20", "是"]]
    out, _ = run(table(rows, spans=[(0, 0, 1, 7), (1, 0, 1, 7), (2, 0, 2, 1)], pages=[30] * 4, caption=caption))
    dept = out["department"]
    assert dept["name"] == "重庆市水利局" and dept["overall_goal"] == "完善全市水网建设布局。"
    [ind] = dept["indicators"]
    assert (ind["level1"], ind["level2"], ind["level3"]) == (None, None, "续建大中型水库")
    assert ind["value"]["raw"] == "≥27座" and ind["weight"] == 20.0 and ind["attributes"] == {"是否核心": "是"}
    assert out["projects"] == []


def test_value_head_over_annual_and_period_sub_heads():
    """A 指标值 head over 实施期指标值 / 年度指标值 sub-heads: each sub-head names its column."""
    rows = [["项目名称", "某项目", None, None, None],
            ["一级指标", "二级指标", "三级指标", "指标值", None],
            [None, None, None, "实施期指标值", "年度指标值"],
            ["产出指标", "数量指标", "培训人数", "≥900人", "≥300人"]]
    spans = [(0, 1, 1, 4), (1, 0, 2, 1), (1, 1, 2, 1), (1, 2, 2, 1), (1, 3, 1, 2)]
    out, _ = run(table(rows, spans))
    [ind] = out["projects"][0]["indicators"]
    assert (ind["period_value"]["raw"], ind["value"]["raw"]) == ("≥900人", "≥300人")


def test_project_named_only_in_its_title():
    """`<unit code>_<unit name>_<project name>绩效目标表` above a form with no 项目名称 row."""
    heading = TextLine(5, 50.0, 100.0, "133001_某某局本级_法律顾问服务绩效目标表")
    rows = [["主管部门", "某某局", None, None], ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "提供法律帮助", "≥1人"]]
    out, _ = run(table(rows, [(0, 1, 1, 3)], pages=[5, 5, 5]), lines=[heading])
    [p] = out["projects"]
    assert p["name"] == "法律顾问服务" and p["title"] == "133001_某某局本级_法律顾问服务绩效目标表"


def test_list_unit_name_column():
    rows = [["单位名称", "项目名称", "资金总额", "绩效目标", "一级指标", "二级指标", "三级指标", "指标值"],
            ["某某中心", "设备维护", "10.00", "保障运行", "产出指标", "数量指标", "维护台数", "≥5台"],
            ["某某站", "监测运维", "20.00", "保障监测", "产出指标", "质量指标", "数据获取率", "≥90%"]]
    out, _ = run(table(rows))
    assert [(p["name"], p["department_unit"]) for p in out["projects"]] == [("设备维护", "某某中心"), ("监测运维", "某某站")]


def test_forms_joined_by_stitch_are_split_at_each_title_or_name():
    """Two one-page forms that stitch joined into one table (Yantai pp.34-35 pattern): two projects."""
    def form(title, name, value):
        return [[title, None, None, None], ["项目名称", name, None, None],
                ["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "采购数量", value]]
    rows = form("甲项目绩效目标表", "甲项目", "≥1台") + form("乙项目绩效目标表", "乙项目", "≥2台")
    spans = [(0, 0, 1, 4), (1, 1, 1, 3), (4, 0, 1, 4), (5, 1, 1, 3)]
    out, _ = run(table(rows, spans, pages=[34] * 4 + [35] * 4))
    assert [(p["title"], p["name"], p["pages"]) for p in out["projects"]] == [
        ("甲项目绩效目标表", "甲项目", [34]), ("乙项目绩效目标表", "乙项目", [35])]
    assert [p["indicators"][0]["value"]["raw"] for p in out["projects"]] == ["≥1台", "≥2台"]
