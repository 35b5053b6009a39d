"""Header labels, matched by their text (never by position): what each printed label means.

Labels are compared after `squeeze` (all white space removed), so `其中：财政\\n资金` and `其中：财政资金` are one
label; full-width and half-width brackets and colons are both accepted.
"""

from __future__ import annotations

import regex

from extractor.interpret.cells import squeeze


def _re(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern)


# field -> pattern over the squeezed label text (full match)
CODE = _re(r"项目(?:编码|编号|代码)")
NAME = _re(r"项目名称")
TOTAL = [_re(r"预算数(?:[（(].*[)）])?"), _re(r"项目资金总额"), _re(r"年度资金申请总额"), _re(r"(?:项目)?(?:总金额|资金总额)")]
FISCAL = [_re(r"(?:其中[：:])?财政资金"), _re(r"(?:其中[：:])?(?:当年)?财政拨款")]
OTHER = _re(r"(?:其中[：:])?其他资金")
PURPOSE = _re(r"(?:资金用途|项目用途|用途)")
GOALS = _re(r"(?:年度)?(?:绩效目标|总体目标)|年度总体目标|年度目标")
GOALS_WHOLE = _re(r"项目总目标|总目标|(?:中)?长期(?:绩效)?目标|整体目标|实施期(?:绩效)?目标")

# labels that only name a block of other labels (no value of their own)
GROUPS = _re(r"预算规模及资金用途|项目资金(?:[（(][^）)]*[)）])?|项目绩效目标|绩效指标|资金来源")
PLAN = _re(r"资金支出计划(?:[（(][%％][)）])?|支出计划(?:[（(][%％][)）])?")

# any other label: a short text ending like a label does (项目性质, 主管部门, 计划开始日期 …)
OTHER_LABEL = _re(r"\p{Han}[\p{Han}（）()：:/、]{1,14}(?:性质|类别|类型|部门|单位|日期|期限|资金|总额|拨款|负责人|电话|"
                  r"方式|依据|内容|地点|周期|级次|年度|属性|科目)")

AMOUNT_UNIT_IN_LABEL = _re(r"[（(]((?:万|亿|千)?元)[)）]")
AMOUNT_UNIT_LINE = _re(r"单位[：:]((?:万|亿|千)?元)")

# indicator header columns
LEVEL1 = _re(r"一级指标")
LEVEL2 = _re(r"二级指标")
LEVEL3 = _re(r"三级指标|(?:绩效)?指标名称")
DESCRIPTION = _re(r"(?:绩效)?指标(?:描述|内容|解释|说明)")
BASIS = _re(r".*(?:确定依据|设定依据|依据).*")
OP_COLUMN = _re(r"指标性质|指标方向|计算符号|符号")
UNIT_COLUMN = _re(r"(?:度量|计量)单位|单位")
VALUE_COLUMN = _re(r".*指标值.*|目标值|.*年度指标值.*")

# department (graded) tables
GRADE_HEAD = _re(r"评价标准|评分标准|评价等级")
DEPT_NAME = _re(r"绩效指标|指标名称|指标")


def matches(pattern: regex.Pattern[str] | list[regex.Pattern[str]], text: str | None) -> bool:
    s = squeeze(text)
    if isinstance(pattern, list):
        return any(p.fullmatch(s) for p in pattern)
    return bool(pattern.fullmatch(s))


def is_strong_label(text: str | None) -> bool:
    """A label the contract names (项目名称, 预算数, 绩效目标 …): never a value."""
    s = squeeze(text)
    if not s:
        return False
    return any(p.fullmatch(s) for p in (CODE, NAME, OTHER, PURPOSE, GOALS, GOALS_WHOLE, GROUPS, PLAN, *TOTAL, *FISCAL))


def is_known_label(text: str | None) -> bool:
    """A strong label, or a text shaped like one (项目性质, 计划开始日期): a label when a value follows it."""
    s = squeeze(text)
    if not s:
        return False
    return is_strong_label(s) or bool(OTHER_LABEL.fullmatch(s))


# Indicator header cells, in the order they are tried (the first pattern that matches names the column).
INDICATOR_COLUMNS = (("level1", LEVEL1), ("level2", LEVEL2), ("level3", LEVEL3), ("basis", BASIS),
                     ("description", DESCRIPTION), ("op", OP_COLUMN), ("unit", UNIT_COLUMN), ("value", VALUE_COLUMN))


def indicator_field(text: str | None) -> str | None:
    """The indicator column a header cell names, or None."""
    s = squeeze(text)
    if not s:
        return None
    return next((field for field, pattern in INDICATOR_COLUMNS if pattern.fullmatch(s)), None)
