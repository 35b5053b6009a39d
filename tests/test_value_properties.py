"""Property tests (hypothesis) of the normalizers.

- any string in: no exception, `raw` is the cleaned cell, the VALUE is well formed;
- every canonical form `{op}{number}{unit}`, in every spelling the contract lists, parses back to itself;
- ranges and Chinese numerals likewise; cell text never loses a printed character;
- issue 14: open units (with brackets `台（套）`, compounds `元/人/半天`, unknown measures `罐车次`) read back
  as printed; several quantities joined by separators come back as `parts`, one per quantity, in order;
  changes, ±, fractions and an operator before words read as the contract says.

Properties of 2,000 examples (any text; canonical forms) and 500 (the issue-14 forms), so the suite stays
at a few seconds.
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
OPEN_UNITS = ["台套", "元/人/半天", "次/季", "天/架", "元/人月", "罐车次", "岁", "则", "把", "平米", "万头只", "人、户",
              "个、所", "张/个", "微克/立方米", "份/月", "次/天"]
# canonical unit -> spellings as printed
UNIT_SPELLINGS = {
    "%": ["%", "％", "百分比", " 百分比", "百分 比", "(%)", "（%）", "（％）"],
    "百分点": ["百分点", "个百分点"],
    "工作日": ["工作日", "个工作日"],
    "平方米": ["平方米", "(平方米)", "（平方米）"],
    None: [""],
    **{u: [u] for u in ["天", "人", "个", "亩", "米", "辆", "次", "元/月", "万元", "亿元", "年", "人次", "个月",
                        "家", "场", "万人次", "小时", "公里", "户", "元", "吨", "分"]},
    # issue 14: open-ended units, as printed (brackets inside a unit stay; around a whole unit they go)
    **{u: [u] for u in OPEN_UNITS},
    "台（套）": ["台（套）", " 台（套）"],
    "万元/项目": ["万元/项目", " 万元/项目"],
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
                   "0123456789.,，() （）天人次个元年月日第\n 满意度按时完成"
                   "；;、/±余多台套岁罐车较上提高降低核定")


FOLDED_RANGES = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF), (0xF900, 0xFAFF))  # the contract's look-alike blocks


def _foldable(ch: str) -> bool:
    return any(lo <= ord(ch) <= hi for lo, hi in FOLDED_RANGES)


def _well_formed(value: Value) -> None:
    assert value.op in OPS
    assert value.change in (None, "increase", "decrease")
    if value.op is None:
        assert value.number is None
    if value.number is None:  # no number: words only, or an operator before words (≦核定人数)
        assert value.op is None or (value.op != "range" and value.text)
    assert value.number is None or math.isfinite(value.number)
    if value.op == "range":
        assert value.upper is not None and value.number <= value.upper
    else:
        assert value.upper is None
    assert value.text is None or value.text.strip()


@EXAMPLES
@given(st.one_of(st.text(), st.text(alphabet=st.sampled_from(VALUE_CHARS), max_size=30)))
def test_any_string_is_read_without_exception(text):
    """Any text, and random strings of the characters values are made of (the parser's deep corners).

    The VALUE is well formed and keeps the cleaned cell as `raw`; the cleaned cell has every printed
    character of the input, in order (only look-alike ideographs may change), and no line break but between
    items the contract keeps apart (cell lines that are separate items: `1,786` over `1,786`).
    """
    value = parse_value(text)
    assert isinstance(value, Value)
    assert value.raw == clean_cell(text)
    _well_formed(value)
    for part in value.parts:
        _well_formed(part)
        assert not part.parts and part.number is not None
    if value.parts:  # contract: op, number and unit null at the top, text = raw
        assert len(value.parts) >= 2
        assert (value.op, value.number, value.unit, value.text, value.change) == (None, None, None, value.raw, None)

    cell = value.raw
    assert cell == cell.strip() and all(line and line == line.strip() for line in cell.split("\n") if cell)
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


# --- issue 14: several quantities, changes, ±, fractions, an operator before words ----------------------
ISSUE_14 = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Words that name what a quantity counts (none is a comparison, a unit, a change or a numeral).
PART_WORDS = ["满意度", "投诉率", "慰问人数", "宣传用品", "覆盖面积", "培训场次", "采购设备", "审核家数"]
SEPARATORS = ["；", ";", "，", ",", "、", "， ", "且"]


@st.composite
def several_quantities(draw) -> tuple[str, list[tuple]]:
    """`满意度≥90%；投诉率不超过5件…`: two to four quantities, each with its own words, in print order."""
    words = draw(st.lists(st.sampled_from(PART_WORDS), min_size=2, max_size=4, unique=True))
    pieces, expected = [], []
    for word in words:
        text, (op, number, upper, unit, _) = draw(canonical_forms())
        pieces.append(word + text)
        expected.append((word + text, op, number, upper, unit, word))
    separator = draw(st.sampled_from(SEPARATORS))
    return separator.join(pieces), expected


@ISSUE_14
@given(several_quantities())
def test_several_quantities_come_back_as_parts(case):
    text, expected = case
    value = parse_value(text)
    got = [(clean_cell(p.raw), p.op, p.number, p.upper, p.unit, p.text) for p in value.parts]
    assert got == [(clean_cell(e[0]).replace(" ", ""), *e[1:]) for e in expected], text
    assert (value.op, value.number, value.unit, value.text) == (None, None, None, value.raw)


CHANGES = [("较上年提高", "increase"), ("同比增长", "increase"), ("比上年上升", "increase"), ("提高", "increase"),
           ("较上年降低", "decrease"), ("同比下降", "decrease"), ("比上年减少", "decrease"), ("下降", "decrease")]


@ISSUE_14
@given(st.sampled_from(CHANGES), canonical_forms())
def test_changes_keep_op_and_number_as_printed(change, form):
    """`较上年提高5%` -> `=`, 5, `%`, increase; `降低不低于10%` -> `>=`, 10, decrease (contract)."""
    (word, direction), (text, (op, number, upper, unit, _)) = change, form
    value = parse_value(word + text)
    assert (value.op, value.number, value.upper, value.unit, value.text, value.change) == \
        (op, number, upper, unit, word, direction), word + text


@ISSUE_14
@given(st.integers(1, 10**6), st.sampled_from([0, 1, 2]), st.sampled_from(UNITS))
def test_plus_minus_is_a_symmetric_range(integer, decimals, unit_spelling):
    unit, spelled = unit_spelling
    number_text, number = _render_number(integer, decimals, False, False)
    if unit == "年" and _is_year(number_text):
        unit, spelled = "天", "天"
    value = parse_value("±" + number_text + spelled)
    assert (value.op, value.number, value.upper, value.unit) == ("range", -number, number, unit)


@ISSUE_14
@given(st.integers(1, 99), st.integers(1, 99), st.sampled_from(["", "以上", "以下"]))
def test_fractions_are_numbers(numerator, denominator, after):
    value = parse_value(f"{numerator}/{denominator}{after}")
    assert value.op == {"": "=", "以上": ">=", "以下": "<="}[after]
    assert value.number == numerator / denominator and value.unit is None


@ISSUE_14
@given(st.sampled_from(["≦", "≤", "≥", "≧", "＞", "＜", "<=", ">="]),
       st.sampled_from(["核定人数", "预算数", "上年", "批复金额", "合同约定标准"]))
def test_operator_before_words_keeps_its_op(symbol, words):
    value = parse_value(symbol + words)
    assert value.op is not None and value.number is None and value.text == words
