"""Units of indicator values and their canonical spellings (contract: VALUE `unit`).

Units are open-ended (contract, "VALUE: several quantities in one cell"): the unit is the measure printed
after the number. It is read in this order, so that words after a number stay words:
1. a known unit from the list below, longest first (`人次` over `人`), with a multiplier (`万人`), then
   - further known units up to the end of the quantity (`台套`, `万头只`: chained measures),
   - compound pieces after `/`, open-ended (`元/人/半天`, `万元/项目`, `次/季`, `天/架`),
   - known units in brackets (`台（套）`) or after `、` (`人、户`) up to the end of the quantity;
2. else (numbers in digits only) a short run of one to three characters that ends the quantity and holds
   no word-like character (`岁`, `则`, `把`, `平米`, `罐车次`).
In `≥30 建筑垃圾倾倒情况显著改善` the run is long, so there is no unit; in `完成前期4家审核` the unit is the known
measure 家 and 审核 is a word. Units are kept as printed except for the percent spellings (百分比, ％,
百分之 -> %), the measure word 个 before 百分点 and 工作日, which the contract drops, and the brackets
around a whole unit (`(平方米)` -> 平方米). 百分点, 工作日 and 人次 stay distinct from %, 天 and 人.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["UNIT_PATTERN", "UNIT_START", "KNOWN_UNIT_PATTERN", "OPEN_UNIT_PATTERN", "END", "canonical_unit", "is_unit"]

# Base units, as printed in budget-performance tables. Longer spellings win over their prefixes
# (人次 over 人, 个月 over 个, 平方米 over 米) because the pattern lists them longest first.
BASE_UNITS = """
百分比 百分点 个百分点 千分比 ‰ % 工作日 个工作日 个月 人次 万人次 人天 人日 人月 户次 车次 架次 批次 台次 班次 场次 课时 学时
万元 亿元 千元 元 美元 万美元 万 亿 千 平方米 平方公里 平方千米 立方米 万平方米 万立方米 公里 千米 延米 米 厘米 毫米 亩 万亩 公顷
吨 万吨 千克 公斤 克 斤 毫克 微克 毫升 千瓦 千瓦时 度 兆瓦 升 分贝 ℃ 摄氏度 dB
天 日 年 月 周 季度 小时 分钟 秒 个 人 名 位 户 家 辆 台 套 件 份 册 本 篇 期 次 场 项 处 座 所 条 张 部 株 棵 只 头 匹 盏 块 间 栋 幢
床 个点 分 倍 元/月 级 星 家次 人数 例 宗 起 单 批 轮 届 组 队 支 个次 票 箱 包 袋 瓶 盒 片 根 辆次 门 类 种 项次 笔 张次 篇次
km m cm mm kg t kW kWh MW MWh GB TB h ㎡ m2 m3 m² m³ km² ㎥ ㎞
艘 枚 颗 副 幅 封 遍 趟 岁 则 把 点位 平米
""".split()

_UNIT_WORDS = sorted(set(BASE_UNITS), key=len, reverse=True)
_ONE_UNIT = "(?:" + "|".join(re.escape(u) for u in _UNIT_WORDS) + ")"
# A multiplier before any unit (万人, 千人次, 百万元) and compound units (元/月, 元/人/月, 次/年, 元每月).
_MULTIPLIER = "(?:百万|千万|万|亿|千)?"
UNIT_PATTERN = f"{_MULTIPLIER}{_ONE_UNIT}(?:[/每]{_MULTIPLIER}{_ONE_UNIT})*"
_UNIT_RE = re.compile(UNIT_PATTERN)

# Where a quantity ends: not followed by a letter or ideograph, or followed by the words that may close it
# (以上, 以内, 左右 …). Text is folded first (`（` -> `(`), and dates are blanked with NUL (a non-word).
END = r"(?=[\W\d_]|$|及以|或以|以上|以下|以内|之内|内|左右)"
# Characters no open-ended unit holds: grammar words, 满 of 满意, 率, the words of comparisons and notes.
_WORDLIKE = "的了和与及或是在为满完成率达到至内外前后左右约近超逾余多第每共计等以上下不已未无有将可并且得均"
_OPEN_CHAR = rf"[^\W\d_A-Za-z{_WORDLIKE}]"
_OPEN_PIECE = rf"{_OPEN_CHAR}{{1,4}}(?=/|[\W\d_]|$|及以|或以|以上|以下|以内|之内|内|左右)"
# 1. a known unit, chained known units to the end, open pieces after /, (known) in brackets, 、known to the end
# The first characters of known units: a cheap look-ahead before trying the long alternation of units.
_FIRST = "[" + "".join(sorted({re.escape(u[0]) for u in _UNIT_WORDS} | set("百千万亿"))) + "]"
UNIT_START = _FIRST
KNOWN_UNIT_PATTERN = (
    f"(?={_FIRST}){_MULTIPLIER}{_ONE_UNIT}(?:(?={_FIRST}){_ONE_UNIT}+{END})?"
    f"(?:/(?:{_OPEN_PIECE}|{_MULTIPLIER}{_ONE_UNIT})|每{_MULTIPLIER}{_ONE_UNIT})*"
    rf"(?:\({_ONE_UNIT}+\))?(?:(?:、{_ONE_UNIT}+)+{END})?"
)
# 2. an unknown measure: one to three unit-like characters that end the quantity (岁, 则, 罐车次)
OPEN_UNIT_PATTERN = f"{_OPEN_CHAR}{{1,3}}{END}"

_PERCENT = {"百分比", "％", "%", "百分之", "百分率"}
_DROP_MEASURE_WORD = {"个百分点": "百分点", "个工作日": "工作日"}
_OPENING, _CLOSING = "(（[【〔", ")）]】〕"


@lru_cache(maxsize=1024)
def canonical_unit(unit: str | None) -> str | None:
    """`百分比` -> `%`, `个百分点` -> `百分点`, `(平方米)` -> `平方米`; None/empty -> None."""
    if not unit:
        return None
    unit = "".join(ch for ch in unit if not ch.isspace())
    # Brackets around the whole unit are layout (`(平方米)`, `（%）`); inside it they are print (`台（套）`).
    while unit and unit[0] in _OPENING and unit[-1] in _CLOSING:
        unit = unit[1:-1]
    if not unit:
        return None
    if unit in _PERCENT:
        return "%"
    return _DROP_MEASURE_WORD.get(unit, unit)


def is_unit(text: str) -> bool:
    """True if the whole text is a unit this module knows (after removing spaces and brackets)."""
    unit = canonical_unit(text)
    return unit is not None and (unit == "%" or _UNIT_RE.fullmatch(unit) is not None)
