"""Variation documents: layouts and value forms real budget-performance PDFs have beyond the seed.

Each document states what it exercises in its docstring-like comment; build.py lists them with self-checks
(e.g. that a row really was cut by a page break). Values are given by hand with their expected reading.
"""

from __future__ import annotations

from .model import (Department, Document, GradedIndicator, Indicator, Layout, Project, Section, central_val,
                    qual, val)

P1, P2, P3 = "产出指标", "效益指标", "满意度指标"


def ind(l1, l2, l3, desc, v, basis):
    return Indicator(l1, l2, l3, desc, v, basis)


def grades(a, b, c, d):
    return {"优": a, "良": b, "中": c, "差": d}


# ---------------------------------------------------------------------------------------------------
# wps-rects: borders as thin filled rectangles (WPS export), 单位：元 with thousands separators,
# 其他资金 `0.00` and a number, three and two numbered goals (1．/（1）), no 第一部分, no table of contents,
# one font (WenQuanYi Micro Hei) throughout; value forms: comparison symbols in several widths and the
# Chinese comparison words. A table continues onto a second page (row moved whole, header repeated).

ORG_W = "双桥区农业农村局本级"

WPS_P1 = Project(
    title="高标准农田建设项目绩效目标表", code="13080225P00031210001X", name="高标准农田建设项目", amount_unit="元",
    budget_total="1,250,000.00", budget_fiscal="1,250,000.00", budget_other="0.00",
    purpose="用于全区高标准农田建设，包括土地平整、灌溉与排水、田间道路、农田防护与生态环境保持等工程",
    periods=[("3月底", "10%"), ("6月底", "40%"), ("9月底", "70%"), ("12月底", "100%")],
    goals=["1．完成高标准农田建设面积3000亩", "2．新增高效节水灌溉面积1200亩", "3．项目区粮食综合生产能力稳步提高"],
    indicators=[
        ind(P1, "数量指标", "建设高标准农田面积", "年度内建成高标准农田面积", val("≥3,000亩", ">=", 3000, "亩"), "年度建设任务"),
        ind(P1, "数量指标", "新增高效节水灌溉面积", "新增高效节水灌溉面积", val("⩾1200亩", ">=", 1200, "亩"), "初步设计批复"),
        ind(P1, "数量指标", "新建田间道路长度", "新建及改建田间道路长度", val(">=12.5千米", ">=", 12.5, "千米"), "初步设计批复"),
        ind(P1, "质量指标", "工程验收合格率", "工程竣工验收合格率", val("＞=95%", ">=", 95, "%"), "竣工验收报告"),
        ind(P1, "质量指标", "新增粮食产能", "项目区新增粮食综合生产能力", val("≥1,000吨", ">=", 1000, "吨"), "耕地质量评价报告"),
        ind(P1, "时效指标", "项目完工时间", "项目完工时间", val("≤10个月", "<=", 10, "个月"), "实施方案"),
        ind(P1, "时效指标", "资金拨付时限", "验收后资金拨付时限", val("⩽15个工作日", "<=", 15, "工作日"), "资金管理办法"),
        ind(P1, "成本指标", "亩均投资", "亩均财政投资", val("<=1500元/亩", "<=", 1500, "元/亩"), "建设标准"),
        ind(P2, "经济效益指标", "粮食产能提升", "项目区亩均粮食产能提升", val("＞100公斤", ">", 100, "公斤"), "农业统计数据"),
        ind(P2, "社会效益指标", "受益农户数", "项目区受益农户数", val(">1200户", ">", 1200, "户"), "项目区农户统计"),
        ind(P2, "生态效益指标", "农药使用量变化", "项目区农药使用量增长率", val("＜0%", "<", 0, "%"), "农业统计数据"),
        ind(P2, "可持续影响指标", "工程设施使用年限", "工程设施设计使用年限", val("＝15年", "=", 15, "年"), "设计规范"),
        ind(P3, "服务对象满意度指标", "受益农户满意度", "受益农户满意度", val("≥９５％", ">=", 95, "%"), "问卷调查"),
    ])

WPS_P2 = Project(
    title="农村人居环境整治专项绩效目标表", code="13080225P00031310002K", name="农村人居环境整治专项", amount_unit="元",
    budget_total="860,000.00", budget_fiscal="800,000.00", budget_other="60,000.00",
    purpose="农村生活垃圾收运、农村厕所改造及村容村貌提升",
    periods=[("3月底", "25%"), ("6月底", "50%"), ("9月底", "75%"), ("12月底", "100%")],
    goals=["（1）完成农村户厕改造500户", "（2）农村生活垃圾收运处置体系覆盖全部行政村"],
    indicators=[
        ind(P1, "数量指标", "户厕改造数量", "完成农村户厕改造数量", val("500户以上", ">=", 500, "户"), "年度任务"),
        ind(P1, "数量指标", "垃圾转运车辆", "配置垃圾转运车辆", val("不少于8辆", ">=", 8, "辆"), "采购计划"),
        ind(P1, "数量指标", "保洁员培训", "组织保洁员培训", val("至少4次", ">=", 4, "次"), "培训计划"),
        ind(P1, "质量指标", "改厕合格率", "户厕改造验收合格率", val("不低于98%", ">=", 98, "%"), "验收标准"),
        ind(P1, "质量指标", "垃圾清运率", "生活垃圾及时清运率", val("大于等于95%", ">=", 95, "%"), "考核办法"),
        ind(P1, "时效指标", "问题整改时限", "群众反映问题整改时限", val("7个工作日以内", "<=", 7, "工作日"), "考核办法"),
        ind(P1, "时效指标", "垃圾清运周期", "生活垃圾清运周期", val("不超过3天", "<=", 3, "天"), "保洁制度"),
        ind(P1, "成本指标", "户均改厕成本", "户均改厕财政补助", val("不高于1200元", "<=", 1200, "元"), "补助标准"),
        ind(P1, "成本指标", "单车购置成本", "垃圾转运车辆单价", val("最多8万元", "<=", 8, "万元"), "采购计划"),
        ind(P1, "成本指标", "培训费用", "人均培训费用", val("小于等于300元", "<=", 300, "元"), "培训计划"),
        ind(P1, "成本指标", "运维费用", "年度运维费用", val("不多于6万元", "<=", 6, "万元"), "运维合同"),
        ind(P2, "社会效益指标", "受益人口", "项目受益人口", val("超过5000人", ">", 5000, "人"), "人口统计"),
        ind(P2, "社会效益指标", "卫生厕所普及率", "农村卫生厕所普及率", val("高于85%", ">", 85, "%"), "统计年报"),
        ind(P2, "社会效益指标", "宣传覆盖", "宣传覆盖行政村", val("多于30个", ">", 30, "个"), "宣传方案"),
        ind(P2, "生态效益指标", "垃圾无害化处理率", "生活垃圾无害化处理率", val("大于90%", ">", 90, "%"), "统计年报"),
        ind(P2, "生态效益指标", "黑臭水体", "农村黑臭水体数量", val("少于3处", "<", 3, "处"), "环境监测"),
        ind(P2, "生态效益指标", "投诉率", "环境卫生投诉率", val("低于2%", "<", 2, "%"), "投诉记录"),
        ind(P2, "可持续影响指标", "设施损坏率", "设施年度损坏率", val("小于5%", "<", 5, "%"), "巡查记录"),
        ind(P2, "可持续影响指标", "长效机制", "未建立长效机制村数", val("不足2个", "<", 2, "个"), "考核办法"),
        ind(P2, "可持续影响指标", "设施空置期", "改厕后设施空置期", val("不满1个月", "<", 1, "个月"), "巡查记录"),
        ind(P2, "可持续影响指标", "村庄覆盖率", "整治村庄覆盖率", val("达到100%", "=", 100, "%"), "年度任务"),
        ind(P3, "服务对象满意度指标", "群众满意度", "农户满意度", val("90%以上", ">=", 90, "%"), "问卷调查"),
    ])

WPS = Document(title=f"{ORG_W} 2025 年项目支出绩效目标", year=2025, organization=ORG_W, organization_code="208001",
               department=None, projects=[WPS_P1, WPS_P2], publisher_line=f"{ORG_W}编制")

WPS_LAYOUT = Layout(name="wps-rects", border="rects", body_font="wqy", heading_font="wqy", table_font="wqy",
                    table_font_size=10.5, col_widths=[0.12, 0.13, 0.15, 0.18, 0.15, 0.13, 0.14],
                    with_toc=False, footer_first_numbered=2,
                    page_breaks={"before:project:1", "before:project:2"})


# ---------------------------------------------------------------------------------------------------
# page-breaks: a project table over three pages with rows cut by the page breaks (the cut row made whole in
# the golden), merged 一级指标/二级指标 continuing across a break, long wrapped texts, a wrapped project code
# in a narrow column; a second table whose rows move whole to the next page; 第一部分 with one section;
# table cells print 用/生 as the Kangxi radicals ⽤/⽣ (U+2F64/U+2F63), which the contract folds back.

ORG_B = "宽城满族自治县卫生健康局本级"
LONG_BASIS = ("依据《国家基本公共卫生服务规范（第三版）》及省、市年度基本公共卫生服务项目实施方案，结合本县常住人口数量、"
              "上年度项目绩效评价结果和基层医疗卫生机构服务能力综合确定")


def _health_rows():
    rows = []
    services = [
        ("居民健康档案建档率", "为辖区常住居民建立统一、规范的居民健康档案，并及时更新档案信息", val("≥90%", ">=", 90, "%")),
        ("电子健康档案开放使用率", "向居民本人开放使用的电子健康档案占建档总数的比例", val("≥60%", ">=", 60, "%")),
        ("适龄儿童国家免疫规划疫苗接种率", "以乡镇为单位适龄儿童国家免疫规划疫苗接种率", val("≥90%", ">=", 90, "%")),
        ("0-6岁儿童健康管理率", "0-6岁儿童接受1次及以上随访的人数占辖区0-6岁儿童数的比例", val("≥85%", ">=", 85, "%")),
        ("孕产妇系统管理率", "辖区内按照规范要求在孕早期建册并进行5次及以上产前随访的产妇比例", val("≥85%", ">=", 85, "%")),
        ("老年人健康管理率", "接受健康管理的65岁及以上常住居民占辖区65岁及以上常住居民数的比例", val("≥62%", ">=", 62, "%")),
        ("高血压患者基层规范管理服务率", "按照规范要求进行高血压患者健康管理的人数占年内管理人数的比例", val("≥65%", ">=", 65, "%")),
        ("2型糖尿病患者基层规范管理服务率", "按照规范要求进行2型糖尿病患者健康管理的人数占年内管理人数的比例",
         val("≥65%", ">=", 65, "%")),
        ("严重精神障碍患者规范管理率", "按照规范要求进行管理的确诊严重精神障碍患者人数占登记在册患者人数的比例",
         val("≥80%", ">=", 80, "%")),
        ("肺结核患者管理率", "已管理的肺结核患者人数占辖区同期内经上级定点医疗机构确诊并通知基层的患者人数的比例",
         val("≥90%", ">=", 90, "%")),
    ]
    for l3, desc, v in services:
        rows.append(ind(P1, "数量指标", l3, desc, v, LONG_BASIS))
    rows += [
        ind(P1, "质量指标", "健康档案合格率", "抽查居民健康档案内容完整、填写规范的比例", val("≥95%", ">=", 95, "%"), LONG_BASIS),
        ind(P1, "质量指标", "传染病报告及时率", "法定传染病报告及时率", val("100%", "=", 100, "%"), "《传染病信息报告管理规范》"),
        ind(P1, "时效指标", "资金下达时限", "中央和省级补助资金到位后下达基层医疗卫生机构的时限",
            val("≤30天", "<=", 30, "天"), "《基本公共卫生服务补助资金管理办法》"),
        ind(P1, "成本指标", "人均基本公共卫生服务经费补助标准", "按常住人口计算的人均补助标准",
            val("94元", "=", 94, "元"), "国家规定的年度补助标准"),
        ind(P2, "社会效益指标", "居民健康素养水平", "城乡居民具备基本健康素养的人数占总人数的比例，较上年提高",
            val("≥1个百分点", ">=", 1, "百分点"), "《健康中国行动（2019—2030年）》"),
        ind(P2, "社会效益指标", "城乡居民公共卫生差距", "城乡居民公共卫生服务差距不断缩小",
            qual("不断缩小"), "基本公共卫生服务项目绩效评价"),
        ind(P2, "可持续影响指标", "基本公共卫生服务水平", "基本公共卫生服务水平持续提高，群众获得感增强",
            qual("不断提高"), "基本公共卫生服务项目绩效评价"),
        ind(P3, "服务对象满意度指标", "居民综合满意度", "城乡居民对基本公共卫生服务的综合满意度",
            val("≥85%", ">=", 85, "%"), "第三方满意度调查"),
    ]
    return rows


BRK_P1 = Project(
    title="基本公共卫生服务项目绩效目标表", code="13082725P0000412000123Q", name="基本公共卫生服务项目", amount_unit="万元",
    budget_total="1,286.40", budget_fiscal="1,286.40", budget_other="",
    purpose=("用于为城乡居民免费提供建立居民健康档案、健康教育、预防接种、0-6岁儿童健康管理、孕产妇健康管理、老年人健康"
             "管理、慢性病患者健康管理、严重精神障碍患者管理、肺结核患者健康管理、中医药健康管理、传染病及突发公共卫生事件"
             "报告和处理、卫生监督协管等基本公共卫生服务，补助基层医疗卫生机构和乡村医生"),
    periods=[("3月底", "20%"), ("6月底", "50%"), ("9月底", "80%"), ("12月底", "100%")],
    goals=["1. 为城乡居民免费提供基本公共卫生服务，居民电子健康档案建档率保持在90%以上，重点人群健康管理水平不断提高，"
           "城乡居民公共卫生服务差距不断缩小，居民健康素养水平持续提升"],
    indicators=_health_rows())

BRK_P2 = Project(
    title="家庭医生签约服务补助绩效目标表", code="13082725P00004130002B", name="家庭医生签约服务补助", amount_unit="万元",
    budget_total="96.00", budget_fiscal="86.00", budget_other="10.00",
    purpose="用于对家庭医生团队开展签约服务给予补助",
    periods=[("6月底", "50%"), ("12月底", "100%")],
    goals=["1. 重点人群家庭医生签约服务覆盖率稳步提高", "2. 签约居民获得连续、综合的健康管理服务"],
    indicators=[
        ind(P1, "数量指标", "重点人群签约服务覆盖率", "重点人群家庭医生签约服务覆盖率", val("≥75%", ">=", 75, "%"), LONG_BASIS),
        ind(P1, "数量指标", "签约团队数量", "组建家庭医生签约服务团队数量", val("≥46个", ">=", 46, "个"), LONG_BASIS),
        ind(P1, "质量指标", "履约率", "签约服务履约率", val("≥90%", ">=", 90, "%"), LONG_BASIS),
        ind(P1, "时效指标", "补助发放时限", "按季度考核后发放补助的时限", val("≤20个工作日", "<=", 20, "工作日"), LONG_BASIS),
        ind(P1, "成本指标", "人均签约服务补助", "按签约人数计算的补助标准", val("≤40元", "<=", 40, "元"), LONG_BASIS),
        ind(P2, "社会效益指标", "签约居民健康管理", "签约居民获得连续健康管理服务的比例", val("≥80%", ">=", 80, "%"), LONG_BASIS),
        ind(P2, "可持续影响指标", "签约服务机制", "家庭医生签约服务长效机制", qual("逐步完善"), LONG_BASIS),
        ind(P3, "服务对象满意度指标", "签约居民满意度", "签约居民对家庭医生服务的满意度", val("≥85%", ">=", 85, "%"), LONG_BASIS),
    ])

BRK_DEPT = Department(
    overall_goal="全面推进健康宽城建设，深化医药卫生体制改革，巩固基本公共卫生服务均等化成果，提升基层医疗卫生服务能力。",
    sections=[Section(name="基层卫生健康股", heading="（一）基层卫生健康股",
                      goal="指导基层医疗卫生机构开展基本医疗和基本公共卫生服务，推进家庭医生签约服务。",
                      indicators=[
                          GradedIndicator("基本公共卫生服务项目任务完成率",
                                          grades(val("≥95%", ">=", 95, "%"), val("90%-95%", "range", 90, "%", upper=95),
                                                 val("80%-90%", "range", 80, "%", upper=90),
                                                 val("低于80%", "<", 80, "%"))),
                          GradedIndicator("家庭医生签约服务考核得分",
                                          grades(val("90分以上", ">=", 90, "分"), val("80～90分", "range", 80, "分", upper=90),
                                                 val("70～80分", "range", 70, "分", upper=80),
                                                 val("70分以下", "<=", 70, "分"))),
                      ])],
)

BRK = Document(title=f"{ORG_B} 2025 年部门预算绩效文本", year=2025, organization=ORG_B, organization_code="316001",
               department=BRK_DEPT, projects=[BRK_P1, BRK_P2], publisher_line=f"{ORG_B}编制")

BRK_LAYOUT = Layout(name="page-breaks", body_font="uming", heading_font="wqy", table_font="uming", table_font_size=10.5,
                    col_widths=[0.10, 0.09, 0.11, 0.22, 0.11, 0.15, 0.22],
                    page_breaks={"before:part2", "before:project:1", "before:project:2"},
                    cut_rows={"project:1": True}, forced_space={"project:2": 40.0},
                    print_as={"用": "\u2f64", "生": "\u2f63"})  # Kangxi radicals ⽤ ⽣ in table cells


# ---------------------------------------------------------------------------------------------------
# landscape: portrait cover and contents, landscape pages from the first project table on; header fields
# (attributes rows), 其他资金 a number; value forms: ranges, units in brackets, 百分点/工作日/人次, Chinese
# numerals, dates, qualitative text, bare numbers with 个/个月.

ORG_L = "滦平县文化广电和旅游局本级"

LAND_P1 = Project(
    title="公共文化服务体系建设专项绩效目标表", code="13082425P00011230001C", name="公共文化服务体系建设专项", amount_unit="万元",
    budget_total="120.00", budget_fiscal="100.00", budget_other="20.00",
    purpose="用于县图书馆、文化馆免费开放，送戏下乡及农家书屋出版物补充更新",
    attributes={"项目属性": "经常性项目", "项目期限": "2025年1月至2025年12月"},
    periods=[("3月底", "20%"), ("6月底", "45%"), ("9月底", "70%"), ("12月底", "100%")],
    goals=["1. 保障公共文化场馆免费开放", "2. 完成送戏下乡演出任务", "3. 更新农家书屋出版物"],
    indicators=[
        ind(P1, "数量指标", "送戏下乡场次", "全年送戏下乡演出场次", val("120-150场", "range", 120, "场", upper=150), "年度工作计划"),
        ind(P1, "数量指标", "农家书屋补充出版物", "补充更新出版物数量", val("≥13459.00(册)", ">=", 13459, "册"), "出版物配送清单"),
        ind(P1, "数量指标", "场馆开放面积", "免费开放场馆面积", val("≥13459.00(平方米)", ">=", 13459, "平方米"), "场馆资产台账"),
        ind(P1, "数量指标", "培训文化骨干", "培训基层文化骨干", val("≥1200人次", ">=", 1200, "人次"), "培训计划"),
        ind(P1, "数量指标", "开展讲座展览", "开展讲座、展览次数", val("三十次", "=", 30, "次"), "年度工作计划"),
        ind(P1, "质量指标", "场馆开放时间", "每周开放时间", val("≥56（小时）", ">=", 56, "小时"), "免费开放标准"),
        ind(P1, "质量指标", "演出合格率", "送戏下乡演出质量合格率", val("90%-100%", "range", 90, "%", upper=100), "演出验收"),
        ind(P1, "质量指标", "书屋出版物更新率", "农家书屋出版物更新率", val("90～100%", "range", 90, "%", upper=100), "配送清单"),
        ind(P1, "时效指标", "演出任务完成时间", "送戏下乡任务完成时间", qual("2025年11月30日前"), "年度工作计划"),
        ind(P1, "时效指标", "出版物配送周期", "出版物采购后配送到村的周期", val("3至5天", "range", 3, "天", upper=5), "配送合同"),
        ind(P1, "时效指标", "资金支付时限", "演出验收后资金支付时限", val("≤10个工作日", "<=", 10, "工作日"), "资金管理办法"),
        ind(P1, "成本指标", "每场演出补助", "每场送戏下乡演出补助标准", val("两万元", "=", 2, "万元"), "补助标准"),
        ind(P2, "社会效益指标", "群众参与率", "群众参与公共文化活动的比例提高", val("≥2个百分点", ">=", 2, "百分点"), "抽样调查"),
        ind(P2, "社会效益指标", "公共文化服务覆盖率", "公共文化服务覆盖行政村比例", val("百分之九十五", "=", 95, "%"), "统计年报"),
        ind(P2, "可持续影响指标", "长效运行机制", "公共文化设施长效运行机制", qual("持续有效运行"), "管理制度"),
        ind(P2, "可持续影响指标", "设施维护周期", "公共文化设施维护周期", val("12个月", "=", 12, "个月"), "管理制度"),
        ind(P3, "服务对象满意度指标", "群众满意度", "群众对公共文化服务的满意度", val("≥90%", ">=", 90, "%"), "第三方调查"),
    ])

LAND_P2 = Project(
    title="文物安全巡查专项绩效目标表", code="13082425P00011240002D", name="文物安全巡查专项", amount_unit="万元",
    budget_total="18.50", budget_fiscal="18.50", budget_other="",
    purpose="用于长城及县级以上文物保护单位日常安全巡查和文物保护员补助",
    periods=[("6月底", "50%"), ("12月底", "100%")],
    goals=["1. 确保全县文物安全无重大事故"],
    indicators=[
        ind(P1, "数量指标", "巡查次数", "全年文物安全巡查次数", val("不少于十二次", ">=", 12, "次"), "文物安全管理办法"),
        ind(P1, "数量指标", "文物保护员人数", "聘用文物保护员", val("46人", "=", 46, "人"), "聘用合同"),
        ind(P1, "质量指标", "安全隐患整改率", "发现安全隐患整改率", val("100%", "=", 100, "%"), "巡查记录"),
        ind(P1, "时效指标", "补助发放时间", "文物保护员补助发放时间", qual("每季度末"), "补助办法"),
        ind(P1, "成本指标", "文物保护员补助", "文物保护员月补助标准", val("500元/月", "=", 500, "元/月"), "补助办法"),
        ind(P2, "社会效益指标", "文物安全事故", "重大文物安全事故", val("0起", "=", 0, "起"), "文物安全管理办法"),
        ind(P3, "服务对象满意度指标", "社会公众满意度", "社会公众对文物保护工作的满意度", val("≥85%", ">=", 85, "%"), "抽样调查"),
    ])

LAND_DEPT = Department(
    overall_goal="推进公共文化服务体系建设，加强文物保护利用和文化遗产保护传承，促进文化和旅游融合发展。",
    sections=[Section(name="公共服务股", heading="（一）公共服务股", goal="组织实施公共文化惠民工程，指导基层文化阵地建设。",
                      indicators=[GradedIndicator("送戏下乡任务完成率",
                                                  grades(val("100%", "=", 100, "%"), val("95%", "=", 95, "%"),
                                                         val("90%", "=", 90, "%"), val("90%以下", "<=", 90, "%")))])],
)

LAND = Document(title=f"{ORG_L} 2025 年部门预算绩效文本", year=2025, organization=ORG_L, organization_code="421001",
                department=LAND_DEPT, projects=[LAND_P1, LAND_P2], publisher_line=f"{ORG_L}编制")

LAND_LAYOUT = Layout(name="landscape", body_font="wqy", heading_font="wqy", table_font="wqy",
                     landscape_from="project:1", margins=(56.69, 56.69, 56.69, 62.0),
                     col_widths=[0.10, 0.11, 0.17, 0.22, 0.12, 0.14, 0.14],
                     page_breaks={"before:part2", "before:project:2"})


# ---------------------------------------------------------------------------------------------------
# central: the central-government layout: 项目名称/项目编码 in one row, 主管部门/实施单位 rows, 项目资金（元）
# merged over three rows, 指标性质 / 指标值 / 度量单位 in separate columns, 指标值设定依据及数据来源;
# no cover, no contents, no unit line above the table, level2 merged over several rows.

CEN_P1 = Project(
    title="中小学校舍安全保障长效机制项目支出绩效目标表", code="11000025T000000412345", name="中小学校舍安全保障长效机制",
    amount_unit="元", budget_total="3,600,000.00", budget_fiscal="3,000,000.00", budget_other="600,000.00",
    purpose="用于农村公办中小学校舍维修改造、抗震加固和综合治理",
    attributes={"主管部门": "县教育和体育局", "实施单位": "县教育和体育局本级"},
    periods=[],
    goals=["1. 完成12所农村中小学校舍维修改造", "2. 消除校舍安全隐患，改善农村学校办学条件"],
    indicators=[
        ind(P1, "数量指标", "维修改造学校数量", None, central_val("≥", "12", "所", ">=", 12), "年度维修改造计划"),
        ind(P1, "数量指标", "维修改造校舍面积", None, central_val("≥", "8600", "平方米", ">=", 8600), "校舍安全排查台账"),
        ind(P1, "质量指标", "工程验收合格率", None, central_val("＝", "100", "%", "=", 100), "竣工验收报告"),
        ind(P1, "时效指标", "工程完工时间", None, central_val("≤", "8", "个月", "<=", 8), "实施方案"),
        ind(P1, "成本指标", "校舍维修改造单位成本", None, central_val("≤", "1200", "元/平方米", "<=", 1200), "建设标准"),
        ind(P2, "社会效益指标", "受益学生人数", None, central_val("≥", "5200", "人", ">=", 5200), "学籍管理系统"),
        ind(P2, "社会效益指标", "校舍安全隐患", None, central_val("", "基本消除", "", None, None, text="基本消除"), "安全排查报告"),
        ind(P3, "服务对象满意度指标", "师生满意度", None, central_val("≥", "90", "%", ">=", 90), "问卷调查"),
    ])

CEN = Document(title="2025 年度项目支出绩效目标表", year=2025, organization=None,
               organization_code=None, department=None, projects=[CEN_P1])

CEN_LAYOUT = Layout(name="central", table_style="central", with_cover=False, with_toc=False, unit_line=False,
                    number_titles=False,
                    footer_first_numbered=1, body_font="uming", heading_font="wqy", table_font="uming")
