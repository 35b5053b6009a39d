"""Property tests (hypothesis) of the normalizers.

- any string in: no exception, `raw` is the cleaned cell, the VALUE is well formed;
- every canonical form `{op}{number}{unit}`, in every spelling the contract lists, parses back to itself;
- ranges and Chinese numerals likewise; cell text never loses a printed character.

Two properties (any text; canonical forms), 2,000 examples each, so the suite stays at a few seconds.
"""

from __future__ import annotations

import math
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.model import Value
from extractor.normalize.numerals import parse_chinese_number
from extractor.normalize.text import clean_cell
from extractor.normalize.value import parse_value

EXAMPLES = settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])

OPS = {">=", "<=", ">", "<", "=", "range", None}

# op -> (spellings before the number, spellings after the number and unit)
OP_SPELLINGS = {
    ">=": (["≥", "⩾", "≧", ">=", "＞=", "≥ ", "不低于", "不少于", "至少", "大于等于", "不小于"], ["以上", "及以上"]),
    "<=": (["≤", "⩽", "≦", "<=", "＜=", "不高于", "不超过", "不多于", "最多", "小于等于"], ["以下", "以内", "及以下"]),
    ">": (["＞", ">", "超过", "高于", "大于", "多于"], []),
    "<": (["＜", "<", "低于", "少于", "小于", "不足", "不满"], []),
    "=": (["", "＝", "=", "等于", "达到"], []),
}
# canonical unit -> spellings as printed
UNIT_SPELLINGS = {
    "%": ["%", "％", "百分比", " 百分比", "百分 比", "(%)", "（%）", "（％）"],
    "百分点": ["百分点", "个百分点"],
    "工作日": ["工作日", "个工作日"],
    "平方米": ["平方米", "(平方米)", "（平方米）"],
    None: [""],
    **{u: [u] for u in ["天", "人", "个", "亩", "米", "辆", "次", "元/月", "万元", "亿元", "年", "人次", "个月",
                        "家", "场", "万人次", "小时", "公里", "户", "元", "吨", "分"]},
}
FULL_WIDTH = str.maketrans("0123456789.,", "０１２３４５６７８９．，")


# Each form is drawn in four choices (hypothesis's cost is per draw, and 2,000 examples must stay quick).
FORMS = [(op, before, "") for op, (befores, _) in OP_SPELLINGS.items() for before in befores] + \
        [(op, "", after) for op, (_, afters) in OP_SPELLINGS.items() for after in afters]
UNITS = [(unit, spelling) for unit, spellings in UNIT_SPELLINGS.items() for spelling in spellings]
# (decimals, thousands separators, full-width digits, 百分之 before the number)
STYLES = [(d, sep, wide, pct) for d in (0, 0, 1, 2) for sep in (False, True) for wide in (False, False, True)
          for pct in (False, False, False, True)]


def _render_number(integer: int, decimals: int, separators: bool, wide: bool) -> tuple[str, float]:
    text = f"{integer:,}" if separators else str(integer)
    if decimals:
        text += "." + str(integer % 10**decimals).zfill(decimals)
    value = float(text.replace(",", ""))
    return (text.translate(FULL_WIDTH) if wide else text), value


def _is_year(number_text: str) -> bool:
    digits = unicodedata.normalize("NFKC", number_text)
    return digits.isdigit() and len(digits) == 4 and digits[:2] in ("19", "20")


@st.composite
def canonical_forms(draw) -> tuple[str, tuple]:
    op, before, after = draw(st.sampled_from(FORMS))
    unit, spelled_unit = draw(st.sampled_from(UNITS))
    integer = draw(st.integers(0, 10**9))
    decimals, separators, wide, pct = draw(st.sampled_from(STYLES))
    number_text, number = _render_number(integer, decimals, separators, wide)
    if unit == "年" and _is_year(number_text):  # 2024年 is a date, not a quantity (contract)
        unit, spelled_unit = "天", "天"
    if pct and not after:
        return before + "百分之" + number_text, (op, number, None, "%", None)
    return before + number_text + spelled_unit + after, (op, number, None, unit, None)


VALUE_CHARS = list("≥≤<>=＞＜＝%％~～-至到以上下内不低于超过百分之比点两万亿一二三五九十"
                   "0123456789.,，() （）天人次个元年月日第\n 满意度按时完成")


FOLDED_RANGES = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF), (0xF900, 0xFAFF))  # the contract's look-alike blocks


def _foldable(ch: str) -> bool:
    return any(lo <= ord(ch) <= hi for lo, hi in FOLDED_RANGES)


@EXAMPLES
@given(st.one_of(st.text(), st.text(alphabet=st.sampled_from(VALUE_CHARS), max_size=30)))
def test_any_string_is_read_without_exception(text):
    """Any text, and random strings of the characters values are made of (the parser's deep corners).

    The VALUE is well formed and keeps the cleaned cell as `raw`; the cleaned cell has every printed
    character of the input, in order (only look-alike ideographs may change), and no line break.
    """
    value = parse_value(text)
    assert isinstance(value, Value)
    assert value.raw == clean_cell(text)
    assert value.op in OPS
    assert (value.op is None) == (value.number is None)
    assert value.number is None or math.isfinite(value.number)
    if value.op == "range":
        assert value.upper is not None and value.number <= value.upper
    else:
        assert value.upper is None
    assert value.text is None or value.text.strip()

    cell = value.raw
    assert "\n" not in cell and cell == cell.strip()
    printed, kept = [c for c in text if not c.isspace()], [c for c in cell if not c.isspace()]
    assert len(printed) == len(kept)
    assert all(a == b or _foldable(a) for a, b in zip(printed, kept))
    assert clean_cell(cell) == cell


RANGE_STYLES = [(sep, unit, both) for sep in ["-", "~", "～", "至", "到", "—", "〜"]
                for unit in ["%", "百分比", "天", "个工作日", "人次", "万元", ""] for both in (False, True)]


@st.composite
def range_forms(draw) -> tuple[str, tuple]:
    lo = draw(st.integers(0, 10**6))
    hi = lo + draw(st.integers(1, 10**6))
    sep, unit, both = draw(st.sampled_from(RANGE_STYLES))
    canonical = {"百分比": "%", "个工作日": "工作日", "": None}.get(unit, unit)
    return f"{lo}{unit if both else ''}{sep}{hi}{unit}", ("range", float(lo), float(hi), canonical, None)


DIGIT_WORDS = "零一二三四五六七八九"


def chinese(n: int) -> str:
    """An independent, plain spelling of 0 <= n < 10^8 (九十五, 一百零五, 三万零二十, 十二)."""
    if n == 0:
        return "零"

    def below_10k(k: int) -> str:
        out, zero = "", False
        for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = k // value % 10
            if d:
                out += ("零" if zero and out else "") + DIGIT_WORDS[d] + name
                zero = False
            else:
                zero = True
        return out

    high, low = divmod(n, 10_000)
    if not high:
        text = below_10k(low)
    else:
        text = below_10k(high) + "万" + (("零" if low < 1000 else "") + below_10k(low) if low else "")
    if text.startswith("一十"):
        text = text[1:]  # 十二, not 一十二
    return text


CHINESE_UNITS = ["次", "人", "天", "个", "元", "年", "人次", "个月", "辆", "个百分点"]


@st.composite
def chinese_forms(draw) -> tuple[str, tuple]:
    """三次, 不少于九十五人, 两万元-like 十万元 (万 goes to the unit, contract), 百分之九十五."""
    n = draw(st.integers(0, 10**8 - 1))
    op, before, after = draw(st.sampled_from(FORMS))
    unit = draw(st.sampled_from(CHINESE_UNITS + ["百分之"]))
    if unit == "百分之":
        n %= 1000
        if after:
            return "百分之" + chinese(n) + after, (op, float(n), None, "%", None)
        return before + "百分之" + chinese(n), (op, float(n), None, "%", None)
    canonical = {"个百分点": "百分点"}.get(unit, unit)
    number = float(n)
    if n >= 10_000 and n % 10_000 == 0:
        number, canonical = float(n // 10_000), "万" + canonical
    return before + chinese(n) + unit + after, (op, number, None, canonical, None)


@EXAMPLES
@given(st.one_of(canonical_forms(), range_forms(), chinese_forms()))
def test_canonical_form_parses_back(case):
    """{op}{number}{unit} in every spelling (digits or Chinese numerals), and ranges, read back to themselves."""
    text, expected = case
    value = parse_value(text)
    assert (value.op, value.number, value.upper, value.unit, value.text) == expected, text


def test_chinese_spelling_helper():
    assert [chinese(n) for n in (0, 10, 12, 95, 105, 1000, 1001, 30020, 100000, 2024)] == \
        ["零", "十", "十二", "九十五", "一百零五", "一千", "一千零一", "三万零二十", "十万", "二千零二十四"]
    assert parse_chinese_number("一亿二千万") == 120_000_000.0
