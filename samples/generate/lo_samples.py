"""The documents rendered by LibreOffice (libreoffice.py): lo-hebei and lo-continued.

Both are in the Hebei layout of the seed and set in Noto CJK, the fonts with which LibreOffice's PDFs lead
camelot to put text in the wrong cell. Every value below is written with its reading (model.val), so the
expected JSON is the model's, not a parser's.

- lo-hebei: cover, table of contents, 第一部分 with two graded section tables, 第二部分 with three project
  tables each on its own page; 一级指标/二级指标 merged, 预算规模及资金用途 and 资金支出计划 merged over two rows,
  wrapped text in the narrow columns, the unit line and 单位：万元 above each table. Noto Serif CJK SC for
  text and tables, Noto Sans CJK SC for headings.
- lo-continued: no 第一部分; amounts in 元 (其他资金 empty, `0.00` and a number); the first project has 24
  indicators, so its table continues on the next page with the 一级指标 header row repeated
  (table:table-header-rows) and a merged 一级指标 cut by the page break; three numbered goals; the tables
  are set in Noto Sans CJK SC; the projects follow each other without page breaks. LibreOffice cut the
  扬尘污染投诉下降 row at the page break (its end stands under the repeated header on page 4).

What camelot 2.0 makes of them (lattice, engine="vector"; measured when they were made): the grids and boxes
are right, but its text reader (playa) places every text line of these PDFs about one font size below where it
is printed, so text lands in the row below: `单位：万元` (printed above the table) enters row 0, 项目编码 moves
into the 预算规模及资金用途 row, the last line of the bottom row falls out of the table (`…得到大部分群众满意`
comes back as `…得到大部分群`, `…占总数的比例` as `…占`), and a department table loses its last row. Only 64
of 260 lo-hebei cells and 30 of 192 lo-continued first-part cells come back equal to the model (seed.pdf from
reportlab: 777 of 786). pdfplumber's character boxes are right on the same files.
"""

from __future__ import annotations

from .model import (Department, Document, GradedIndicator, Indicator, Layout, Project, Section, qual, val)

ORG = "承德高新技术产业开发区市政园林管理处本级"
ORG_CODE = "133004"


def _grades(top: str = "100%") -> dict:
    n = float(top.rstrip("%"))
    return {"优": val(top, "=", n, "%"), "良": val("90%", "=", 90, "%"), "中": val("80%", "=", 80, "%"),
            "差": val("60%以下", "<=", 60, "%")}


def _ind(l1: str, l2: str, l3: str, desc: str, value, basis: str) -> Indicator:
    return Indicator(level1=l1, level2=l2, level3=l3, description=desc, value=value, basis=basis)


def hebei_document() -> Document:
    dept = Department(
        overall_goal=("高新区市政园林管理处负责辖区内城市道路、桥梁、排水、路灯等市政公用设施的维护管理，"
                      "负责公园、游园、道路绿地的养护管理，组织实施城市绿化建设和园林绿化行业监管，"
                      "保障市政设施完好运行，提升城市园林绿化水平。"),
        duties_goal=[
            "（一）认真完成综合协调、财务管理、人事管理、党的建设等日常工作，保障全处各项工作有序运转。",
            "（二）做好市政公用设施日常巡查、维修养护和应急抢修，确保道路、桥梁、排水、路灯设施完好率达标。",
        ],
        sections=[
            Section(name="综合科", heading="（一）综合科",
                    goal=("综合科围绕全处中心工作，认真完成综合协调、处理部门日常工作；财务管理、"
                          "接待工作、拟定部门工作计划、管理制度，党的建设及群团工作。"),
                    indicators=[
                        GradedIndicator("综合业务管理工作完成率", _grades()),
                        GradedIndicator("财务管理、办公资产管理等工作完成率", _grades()),
                        GradedIndicator("督考、保障工作完成率", _grades("95%")),
                    ]),
            Section(name="市政设施管理科", heading="（二）市政设施管理科",
                    goal=("负责辖区内城市道路、桥梁、排水、路灯等市政公用设施的日常巡查和维修养护，"
                          "组织实施市政设施应急抢修，保障市政设施安全运行。"),
                    indicators=[
                        GradedIndicator("市政设施日常巡查完成率", _grades()),
                        GradedIndicator("道路、桥梁、排水设施维修养护及时率", _grades("95%")),
                        GradedIndicator("路灯亮灯率", _grades("98%")),
                        GradedIndicator("应急抢修工作完成率", _grades()),
                    ]),
        ],
        measures=[
            "（一）加强组织领导。成立由主要负责人任组长的预算绩效管理领导小组，细化工作目标，落实工作措施，"
            "确保年度重点工作有序推进。",
            "（二）加强绩效运行监控。按照要求及时开展绩效运行监控，发现问题及时采取措施，确保绩效目标如期保质实现。",
        ],
    )
    p1 = Project(
        title="城区园林绿化养护费用绩效目标表",
        code="13081124P00009210001A", name="城区园林绿化养护费用", amount_unit="万元",
        budget_total="48.50", budget_fiscal="48.50", budget_other="",
        purpose="城区公园、游园及道路绿地养护费用",
        periods=[("3月底", "25%"), ("6月底", "50%"), ("10月底", "75%"), ("12月底", "100%")],
        goals=["1. 保障城区绿地养护质量，提升城市园林绿化水平"],
        indicators=[
            _ind("产出指标", "数量指标", "绿地养护面积", "城区公园、游园及道路绿地养护面积", val("≥85公顷", ">=", 85, "公顷"),
                 "根据养护合同确定养护面积"),
            _ind("产出指标", "质量指标", "苗木成活率", "苗木成活率", val("≥95%", ">=", 95, "%"), "园林绿化养护标准"),
            _ind("产出指标", "时效指标", "养护及时率", "病虫害发现后处置及时率", val("100%", "=", 100, "%"),
                 "养护合同约定时限"),
            _ind("产出指标", "成本指标", "控制在预算资金内", "控制在预算资金内", val("≤48.5万元", "<=", 48.5, "万元"),
                 "预算批复"),
            _ind("效益指标", "经济效益指标", "节约养护成本", "通过集中采购节约养护成本", val("≥5%", ">=", 5, "%"),
                 "采购合同"),
            _ind("效益指标", "社会效益指标", "城市绿化水平", "城市绿化水平提升情况", qual("显著提升"),
                 "抽样调查报告"),
            _ind("效益指标", "生态效益指标", "绿地覆盖率", "建成区绿地覆盖率", val("≥40%", ">=", 40, "%"),
                 "园林绿化统计年报"),
            _ind("效益指标", "可持续影响指标", "长效养护机制", "建立绿地长效养护机制", qual("长期有效"),
                 "养护管理制度"),
            _ind("满意度指标", "服务对象满意度指标", "群众满意度", "抽样调查中群众满意数量占总数的比例",
                 val("≥90百分比", ">=", 90, "百分比"), "通过抽样调查等形式，得到大部分群众满意"),
        ],
    )
    p2 = Project(
        title="路灯设施维修维护费用绩效目标表",
        code="13081124P00011510002C", name="路灯设施维修维护费用", amount_unit="万元",
        budget_total="26.00", budget_fiscal="26.00", budget_other="0.00",
        purpose="辖区路灯设施日常维修、更换灯具及电缆费用",
        periods=[("3月底", "25%"), ("6月底", "50%"), ("10月底", "75%")],
        goals=["1. 保障辖区路灯正常亮灯，亮灯率达到98%以上", "2. 故障路灯及时修复，保障群众夜间出行安全"],
        indicators=[
            _ind("产出指标", "数量指标", "维护路灯数量", "维护路灯数量", val("2000盏以上", ">=", 2000, "盏"), "路灯设施台账"),
            _ind("产出指标", "数量指标", "巡查次数", "每月夜间巡查次数", val("不少于四次", ">=", 4, "次"), "巡查制度"),
            _ind("产出指标", "质量指标", "亮灯率", "主次干道路灯亮灯率", val("≥98%", ">=", 98, "%"), "城市道路照明设施管理规定"),
            _ind("产出指标", "时效指标", "故障修复时限", "接到报修后修复时限", val("≤24小时", "<=", 24, "小时"),
                 "路灯维护合同"),
            _ind("产出指标", "成本指标", "维修成本", "单盏路灯年均维修成本", val("≤130元", "<=", 130, "元"), "市场询价"),
            _ind("效益指标", "社会效益指标", "夜间出行安全", "保障群众夜间出行安全", qual("有效保障"), "抽样调查报告"),
            _ind("效益指标", "可持续影响指标", "设施使用年限", "路灯设施正常使用年限", val("3至5年", "range", 3, "年", upper=5),
                 "设备技术参数"),
            _ind("满意度指标", "服务对象满意度指标", "群众满意度", "抽样调查群众满意数量占总数的比例",
                 val("90%-100%", "range", 90, "%", upper=100), "通过抽样调查等形式，得到大部分群众满意"),
        ],
    )
    p3 = Project(
        title="凤凰山公园游园设施改造费用绩效目标表",
        code="13081124P00013010001F", name="凤凰山公园游园设施改造费用", amount_unit="万元",
        budget_total="35.00", budget_fiscal="30.00", budget_other="5.00",
        purpose="凤凰山公园园路、座椅、垃圾箱等游园设施改造费用",
        periods=[("3月底", "10%"), ("6月底", "40%"), ("10月底", "80%"), ("12月底", "100%")],
        goals=["1. 完成公园游园设施改造，方便居民休闲游览"],
        indicators=[
            _ind("产出指标", "数量指标", "改造园路长度", "改造园路长度", val("≥800米", ">=", 800, "米"), "设计方案"),
            _ind("产出指标", "质量指标", "工程验收合格率", "工程验收合格率", val("100%", "=", 100, "%"), "验收报告"),
            _ind("产出指标", "时效指标", "完工时间", "工程完工时间", qual("2024年10月31日前"), "施工合同"),
            _ind("产出指标", "成本指标", "工程成本", "工程成本控制在中标价格内", val("≤35万元", "<=", 35, "万元"),
                 "中标通知书"),
            _ind("效益指标", "社会效益指标", "游客接待能力", "公园日均接待游客能力提升", val("3个百分点", "=", 3, "百分点"),
                 "公园游客统计"),
            _ind("效益指标", "生态效益指标", "生态环境改善", "公园生态环境改善情况", qual("明显改善"), "抽样调查报告"),
            _ind("满意度指标", "服务对象满意度指标", "游客满意度", "抽样调查游客满意数量占总数的比例",
                 val("不低于90%", ">=", 90, "%"), "通过抽样调查等形式，得到大部分游客满意"),
        ],
    )
    return Document(
        title=f"{ORG} 2024 年部门预算绩效文本", year=2024, organization=ORG, organization_code=ORG_CODE,
        department=dept, projects=[p1, p2, p3], publisher_line=f"{ORG}编制")


def hebei_layout() -> Layout:
    return Layout(name="lo-hebei", body_font="noto-serif", heading_font="noto-sans", table_font="noto-serif",
                  table_font_size=9.0,
                  page_breaks={"before:part2", "before:project:2", "before:project:3", "before:measures"},
                  line_breaks={f"{ORG} 2024 年部门预算绩效文本": [len("承德高新技术产业开发区")]})


CONT_ORG = "承德高新技术产业开发区城市管理综合行政执法局本级"


def continued_document() -> Document:
    l1 = "产出指标"
    inds = [
        _ind(l1, "数量指标", "油烟检测数量", "餐饮单位油烟检测数量", val("≥80次", ">=", 80, "次"), "根据中标通知书及合同"),
        _ind(l1, "数量指标", "巡查路段数量", "每日巡查主次干道路段数量", val("≥35条", ">=", 35, "条"), "日常巡查制度"),
        _ind(l1, "数量指标", "专项整治行动", "开展市容环境专项整治行动次数", val("三次", "=", 3, "次"), "年度工作计划"),
        _ind(l1, "数量指标", "执法车辆租赁数量", "租赁执法用车数量", val("6辆", "=", 6, "辆"), "车辆租赁合同"),
        _ind(l1, "数量指标", "培训人次", "执法人员业务培训人次", val("120人次以上", ">=", 120, "人次"), "培训计划"),
        _ind(l1, "质量指标", "检验检测设备达标率", "检验检测设备达标率", val("≥90%", ">=", 90, "%"),
             "根据拆除验收报告，确保检测设备达标率"),
        _ind(l1, "质量指标", "案件办结率", "立案查处案件按期办结的比例", val("百分之九十五", "=", 95, "百分之"), "案件管理台账"),
        _ind(l1, "质量指标", "投诉处理合格率", "群众投诉按规定处理的比例", val("＞85%", ">", 85, "%"), "投诉处理记录"),
        _ind(l1, "时效指标", "中介机构按时完成服务", "按时完成协议约定的服务内容的情况占全部委托事项的百分比",
             val("100%", "=", 100, "%"), "根据合同，确保中介机构按时完成协议约定的服务内容"),
        _ind(l1, "时效指标", "投诉响应时间", "接到投诉后到达现场时间", val("不超过5个工作日", "<=", 5, "工作日"), "投诉处理制度"),
        _ind(l1, "成本指标", "降低执法成本", "执法成本下降幅度", val("≥5%", ">=", 5, "%"), "依据审计结算将执法成本降低5%以上"),
        _ind(l1, "成本指标", "车辆租赁单价", "执法用车月租赁单价", val("≤4500元/月", "<=", 4500, "元/月"), "车辆租赁合同"),
        _ind("效益指标", "经济效益指标", "为招商引资提供便利", "为招商引资提供便利，为居民增收提供条件",
             qual("改善营商环境"), "通过处置违法案件，提升环境卫生，为招商引资提供便利"),
        _ind("效益指标", "社会效益指标", "改善市容环境卫生", "加大巡查力度，改善市容环境卫生", qual("显著改善市容环境卫生"),
             "通过加大巡查力度，减少违法案件的发生，改善市容环境卫生"),
        _ind("效益指标", "社会效益指标", "违法建设发生率", "新增违法建设发生率", val("低于5%", "<", 5, "%"), "违法建设巡查台账"),
        _ind("效益指标", "生态效益指标", "减少绿地侵占", "减少绿地侵占现象", val("≥10%", ">=", 10, "%"), "园林工作总结"),
        _ind("效益指标", "生态效益指标", "扬尘污染投诉下降", "建筑施工扬尘污染投诉下降幅度", val("≥15%", ">=", 15, "%"),
             "投诉处理记录"),
        _ind("效益指标", "可持续影响指标", "提升城市形象", "提升城市形象", qual("改善城市环境，提升城市形象"),
             "通过处置违法案件，改善城市环境，提升城市形象"),
        _ind("效益指标", "可持续影响指标", "长效管理机制", "建立市容环境长效管理机制", qual("长期有效"), "市容管理制度"),
        _ind("满意度指标", "服务对象满意度指标", "群众满意度", "抽样调查群众满意数量占总数的比例",
             val("≥90%", ">=", 90, "%"), "通过抽样调查等形式，得到大部分群众满意"),
        _ind("满意度指标", "服务对象满意度指标", "执法人员满意度", "执法人员对车辆保障的满意度", val("≥95%", ">=", 95, "%"),
             "内部问卷调查"),
    ]
    p1 = Project(
        title="综合管理服务专项绩效目标表",
        code="13081124P00007510001Q", name="综合管理服务专项", amount_unit="元",
        budget_total="2,000,000.00", budget_fiscal="2,000,000.00", budget_other="",
        purpose="支付执法用车租赁费用、拆迁公司的费用、测量费用、公证费用、其他与综合管理服务活动相关的费用",
        periods=[("3月底", "25%"), ("6月底", "50%"), ("9月底", "75%"), ("12月底", "100%")],
        goals=["1. 支付执法用车租赁费用，保障日常执法巡查用车",
               "2. 支付拆迁、测量、公证等中介服务费用，保障违法建设依法处置",
               "3. 开展市容环境专项整治，改善城市环境，提升城市形象"],
        indicators=inds,
    )
    p2 = Project(
        title="招商引资专项资金绩效目标表",
        code="13081124P000077100014", name="招商引资专项资金", amount_unit="元",
        budget_total="60,000.00", budget_fiscal="60,000.00", budget_other="0.00",
        purpose="招商引资活动经费",
        periods=[("3月底", "25%"), ("6月底", "50%"), ("10月底", "75%")],
        goals=["1. 完成招商引资工作"],
        indicators=[
            _ind("产出指标", "数量指标", "举办招商引资活动数量", "举办招商引资活动数量", val("≥3个", ">=", 3, "个"),
                 "《承德高新区全员招商实施办法》"),
            _ind("产出指标", "质量指标", "签约项目个数", "招商活动的签约项目个数", val("≥2个", ">=", 2, "个"),
                 "《承德高新区全员招商实施办法》"),
            _ind("产出指标", "成本指标", "项目总成本", "项目总成本", val("≤6万元", "<=", 6, "万元"),
                 "《承德高新区全员招商实施办法》"),
            _ind("效益指标", "经济效益指标", "签约项目金额", "招商活动的签约项目金额", val("两亿元", "=", 2, "亿元"),
                 "《承德高新区全员招商实施办法》"),
            _ind("满意度指标", "服务对象满意度指标", "工作人员满意度", "工作人员满意度", val("≥90%", ">=", 90, "%"),
                 "《承德高新区全员招商实施办法》"),
        ],
    )
    p3 = Project(
        title="执法装备购置费用绩效目标表",
        code="13081124P00020110003B", name="执法装备购置费用", amount_unit="元",
        budget_total="150,000.00", budget_fiscal="120,000.00", budget_other="30,000.00",
        purpose="购置执法记录仪、对讲机等执法装备",
        periods=[("6月底", "60%"), ("12月底", "100%")],
        goals=["1. 配齐一线执法人员执法装备", "2. 规范执法行为，全程记录执法过程"],
        indicators=[
            _ind("产出指标", "数量指标", "执法记录仪购置数量", "执法记录仪购置数量", val("40台", "=", 40, "台"), "采购计划"),
            _ind("产出指标", "时效指标", "购置完成时间", "装备购置完成时间", qual("2024年6月30日前"), "采购合同"),
            _ind("效益指标", "社会效益指标", "执法全过程记录率", "执法全过程记录率", val("100%", "=", 100, "%"),
                 "执法全过程记录制度"),
            _ind("满意度指标", "服务对象满意度指标", "执法人员满意度", "执法人员满意度", val("≥90%", ">=", 90, "%"), "内部问卷调查"),
        ],
    )
    return Document(
        title=f"{CONT_ORG} 2024 年项目支出绩效目标", year=2024, organization=CONT_ORG, organization_code="133001",
        department=None, projects=[p1, p2, p3], publisher_line=f"{CONT_ORG}编制")


def continued_layout() -> Layout:
    return Layout(name="lo-continued", body_font="noto-serif", heading_font="noto-sans", table_font="noto-sans",
                  table_font_size=9.0, cut_rows={"project:1": True},
                  line_breaks={f"{CONT_ORG} 2024 年项目支出绩效目标": [len("承德高新技术产业开发区"),
                                                                len("承德高新技术产业开发区城市管理综合行政执法局")]})


#: file stem -> (document builder, layout builder)
SAMPLES = {
    "lo-hebei": (hebei_document, hebei_layout),
    "lo-continued": (continued_document, continued_layout),
}
