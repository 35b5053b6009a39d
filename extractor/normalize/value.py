"""Indicator values (`≥90百分比`, `60%以下`, `3至5天`, `按时完成`) as typed VALUEs (contract: VALUE).

How a value is read, in small steps:
1. `raw` is the cleaned cell text (`clean_cell`); white space is layout, so it is squeezed out
   (`≥20 百分 比` -> `≥20百分比`).
2. Full-width and look-alike characters are folded one for one (`＞`->`>`, `９`->`9`, `～`->`~`, `⩾`->`≥`),
   so a position in the folded text is the same position in the printed text.
3. Dates and ordinals (`2024年12月31日前`, `第3季度`, `9-12月`) are blanked out: they are not quantities.
4. A cell of several quantities (`1份；13份`, `慰问人数不少于100人,宣传用品不少于20000份`) is cut at its
   separators; where two or more pieces hold a quantity, each is a VALUE of `parts` and the top level
   has op/number/unit null and text = raw, unless the two pieces are the ends of one range (`≥90%，≤100%`).
5. The first quantity is found: comparison word or symbol, number (a fraction `3/4`, `±5`, `1000余`),
   unit (open-ended, see units.py), a second number for a range, a trailing 以上/以下/以内. A quantity
   with a comparison wins over one without.
6. Whatever printed text is left around it is `text` (`满意度≥90%` -> text `满意度`); a change word
   (较上年提高, 下降 …) also sets `change`. A comparison symbol before words only (`≦核定人数`) keeps its op.

`parse_value` never raises. `is_unparsed(value)` tells a caller that a value looked quantitative (a
comparison symbol, a percent sign, a digit) but no number could be read: the interpreter's `value_unparsed`.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from extractor.model import Value
from extractor.normalize.comparisons import PREFIX_OPS, PREFIX_PATTERN, SUFFIX_OPS, SYMBOL_FOLD, op_of
from extractor.normalize.dates import mask_dates
from extractor.normalize.numerals import NUMERAL_CHARS, parse_chinese_number
from extractor.normalize.text import clean_cell, squeeze_spaces
from extractor.normalize.units import (KNOWN_UNIT_PATTERN, OPEN_UNIT_PATTERN, UNIT_PATTERN, UNIT_START,
                                      canonical_unit, is_unit)

__all__ = ["parse_value", "parse_value_columns", "is_unparsed", "fold"]

# --- step 2: one-for-one folding -------------------------------------------------------------------------
_FOLD_TABLE: dict[int, str] = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}  # full-width ASCII
_FOLD_TABLE.update({ord(k): v for k, v in SYMBOL_FOLD.items()})
_FOLD_TABLE.update({ord(c): "~" for c in "〜～∼"})
_FOLD_TABLE.update({ord(c): "-" for c in "—–−﹣‐‑"})
_FOLD_TABLE.update({ord("﹪"): "%", ord("\u3000"): " ", ord("﹐"): ",", ord("﹒"): "."})


def fold(text: str) -> str:
    """Full-width and look-alike characters to one spelling, one character for one (positions kept)."""
    return text.translate(_FOLD_TABLE)


# --- step 4: the quantity patterns ----------------------------------------------------------------------
_NUM = r"(?<![A-Za-z0-9.])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
# Chinese numerals; 百 of 百分比/百分点/百分之 is a percent word, not a hundred.
_CN = "(?:[" + NUMERAL_CHARS.replace("百", "") + "]|百(?!分[比点之率]))+"
# A unit in brackets right after the number, as Shanghai's forms print it: (平方米), (%), (人数), (标准间).
# Notes in brackets are words, not units: (含), (暂定), (抽样), (累计) …
_BRACKET_NOTES = "含|暂定|约|预计|预估|抽样|累计|平均|年均|合计|试行|不含|左右|以上|以下|全年|每年|每月"
_BRACKET_UNIT = rf"\((?!{_BRACKET_NOTES})(?:%|[^()\d\s,;，；、]{{1,6}})\)"
_SUFFIX = r"及以上|或以上|以上|及以下|或以下|以下|以内|之内|内(?![容部外涵在需业])"
_RANGE_SEP = r"-|~|至|到"


# 1000余人, 100多家: more than the number (contract: op ">"); 多 only before a unit or the end (not 5多媒体)
_APPROX = rf"余|多(?=[\W\d_]|$|{UNIT_START})(?![于少])"


def _quantity_pattern(number: str, denominator: str, unit: str) -> re.Pattern[str]:
    # The comparison before the number is looked up backwards from the match (_prefix_op): an optional
    # alternation of sixty words at the head of the pattern would be tried at every position of the text.
    return re.compile(
        rf"(?P<pct>百分之)?(?P<num>{number})(?:/(?P<den>{denominator}))?(?P<approx>{_APPROX})?"
        rf"(?:(?P<bunit>{_BRACKET_UNIT})|(?P<unit>{unit}))?"
        rf"(?:(?:{_RANGE_SEP})(?:{PREFIX_PATTERN})?(?P<pct2>百分之)?(?P<num2>{number})"
        rf"(?:(?P<bunit2>{_BRACKET_UNIT})|(?P<unit2>{unit}))?)?"
        rf"(?:(?:\(含[^()]{{0,4}}\))?(?P<post>{_SUFFIX}))?"  # 90%（含）以上: the note says >=
    )


# Digits take open-ended units; Chinese numerals only known ones (统一思想 is not 1 思想). A fraction's
# denominator is digits right after a slash (3/4); a slash before a unit is a compound unit (次/年).
# Compiled on first use (~16 ms together, at every start-up otherwise, and a document without indicator
# values never uses them: issue 18).
@lru_cache(maxsize=1)
def _arabic() -> re.Pattern[str]:
    return _quantity_pattern(_NUM, r"\d+(?:\.\d+)?(?![\d.])", f"(?:{KNOWN_UNIT_PATTERN})|(?:{OPEN_UNIT_PATTERN})")


@lru_cache(maxsize=1)
def _chinese() -> re.Pattern[str]:
    return _quantity_pattern(_CN, "(?!)", UNIT_PATTERN)


_HAS_DIGIT = re.compile(r"\d")
_MAYBE_DATE = re.compile(r"[年月:第]|(?:19|20)\d\d[-/.]")  # cheap test before the full date pattern
_HAS_NUMERAL = re.compile(f"[{NUMERAL_CHARS}]")
# A comparison word a few characters before the number: 至少开展3次, 不低于去年的90%.
_DISTANT_OP = re.compile(
    "(" + "|".join(re.escape(w) for w in sorted(PREFIX_OPS, key=len, reverse=True)
                   if len(w) >= 2 and not w.isascii()) + r")[\u4e00-\u9fff]{1,4}$"
)
# What makes a value look quantitative, for is_unparsed.
_QUANT_HINT = re.compile(r"[≥≤<>=%]|百分比|百分之|百分点|(?<![A-Za-z])\d")
_EDGE_PUNCT = " \t,，、;；:：。.!！?？"
_BLANK = "\x00"


def _number(text: str) -> float | None:
    if text[0].isdigit():
        return float(text.replace(",", "")) if "," in text else float(text)
    return parse_chinese_number(text)


def _unit(pct: str | None, bracketed: str | None, unit: str | None) -> str | None:
    if pct:
        return "%"
    return canonical_unit(bracketed or unit)


def _words(prefix: str, suffix: str) -> str | None:
    """The printed words left around the quantity; a leading 的 of the tail belongs to the number."""
    if suffix.startswith("的"):
        suffix = suffix[1:]
    text = (prefix + suffix).strip(_EDGE_PUNCT)
    if not text.strip("()（）[]【】"):  # (≥90%): only the brackets around the quantity are left
        return None
    return text


# Positions in Match.groups() of the quantity patterns' named groups.
_PCT, _NUM1, _DEN, _APPROX_G, _BUNIT, _UNIT, _PCT2, _NUM2, _BUNIT2, _UNIT2, _POST = range(11)
_BEFORE_SIGN = "(:,;~ "
_PREFIX_LENGTHS = sorted({len(w) for w in PREFIX_OPS}, reverse=True)


def _prefix_op(masked: str, start: int) -> str:
    """The comparison word or symbol printed right before position `start` ("" if none), longest first."""
    for k in _PREFIX_LENGTHS:
        if k <= start and masked[start - k:start] in PREFIX_OPS:
            return masked[start - k:start]
    return ""


def _pick(pattern: re.Pattern[str], masked: str, chinese: bool) -> tuple[re.Match[str], str, int] | None:
    """The first quantity with a comparison, else the first quantity at all.

    Returns the match, the comparison word before it ("" if none) and where the quantity starts: before
    a minus sign that belongs to the number (`≥-5%`, `-3`), not one that separates a range (`90-100`).
    """
    first = None
    for m in pattern.finditer(masked):
        g = m.groups()
        start = m.start()
        if start and masked[start - 1] == "-" and not chinese and not g[_PCT] and (
                start == 1 or masked[start - 2] in _BEFORE_SIGN or _prefix_op(masked, start - 1)):
            start -= 1
        pre = _prefix_op(masked, start)
        if chinese and not _plausible_chinese(m, g, pre, masked):
            continue
        if pre or g[_POST] or g[_NUM2]:
            return m, pre, start
        if first is None:
            first = m, pre, start
    return first


_ONE_WORDS = {"起", "片", "体", "道"}  # 一起, 一片: words, not one incident or one piece


def _plausible_chinese(m: re.Match[str], g: tuple, pre: str, masked: str) -> bool:
    """Chinese numerals hide in ordinary words (统一, 进一步, 十九大): trust them only in a clear quantity.

    Clear: the whole value, after a comparison, before 以上/以下, or a numeral with a unit that ends the
    value (`举行演练两次`, `每年开展一次`; but not the words `连成一片`, `凝聚在一起`).
    """
    if parse_chinese_number(g[_NUM1]) is None:
        return False
    if g[_PCT]:
        return True
    if not (g[_UNIT] or g[_BUNIT] or g[_UNIT2] or g[_BUNIT2] or g[_PCT2]):
        return False
    if g[_NUM2] and parse_chinese_number(g[_NUM2]) is None:
        return False
    stripped = masked.rstrip(_EDGE_PUNCT)
    whole = masked.strip(_EDGE_PUNCT) == m.group().strip(_EDGE_PUNCT)
    at_end = (m.end() >= len(stripped) and not (g[_NUM1] == "一" and g[_UNIT] in _ONE_WORDS)
              and not (m.start() and masked[m.start() - 1] == "第"))  # 第四季度 is an ordinal
    return bool(whole or pre or g[_POST] or at_end)


# --- step 4: several quantities in one cell --------------------------------------------------------------
# Separators between quantities (≥90%且≤100% too); a comma between digits with three after it is a thousands
# separator.
_SEPARATOR = re.compile(r"[;、且]|(?<!\d),|,(?!\d{3}(?!\d))")
_RANGE_WORDS = {"最低", "最高", "最少", "最多", "下限", "上限"}  # 最低不低于5%，最高不超过12%: one range

# --- step 6: changes and operators before words ----------------------------------------------------------
# 较上年/同比/比上年 提高 … (contract); a change word before 率 names a rate (增长率), not a change.
# With a number the word is enough (降低不低于10%); words alone state a change only against a baseline
# (`较上年增长`, `发案率同比下降`), while `不断提高`, `提高企业管理水平` are qualitative targets.
_CHANGE = re.compile(r"(提高|增长|上升)(?!率)|(降低|下降|减少)(?!率)")
_BASELINE = re.compile(r"(?:较|比|相比|相较)(?:上年|去年|上一年|上年度|上期|同期)|同比|环比")
_OP_BEFORE_WORDS = re.compile(r"(?:>=|<=|=>|=<|==|[≥≤<>=])(?=[\u4e00-\u9fff])")


# One cheap test for the rarer steps (separators, change words): most values (`≥90%`) have none of these.
_RARE = re.compile("[;、,且提增升降下减]")


def _change(masked: str) -> str | None:
    found = _CHANGE.search(masked)
    if found is None:
        return None
    return "increase" if found.group(1) else "decrease"


def _read(raw: str) -> Value:
    compact = squeeze_spaces(raw)
    masked = fold(compact)
    if _MAYBE_DATE.search(masked):
        masked = mask_dates(masked, _BLANK)
    rare = _RARE.search(masked) is not None
    if rare and _SEPARATOR.search(masked):
        several = _read_several(raw, compact, masked)
        if several is not None:
            return several
    return _read_one(raw, compact, masked, rare)


def _read_several(raw: str, compact: str, masked: str) -> Value | None:
    """A VALUE with `parts` where two or more separated pieces hold a quantity, else None (read as one).

    A piece after `、` with no quantity of its own belongs to the one before it (`≥325人、户`: a unit).
    """
    spans: list[list[int]] = []  # [start, end] of the pieces holding a quantity
    start = 0
    words_from = None  # `每天早餐、午餐合计用餐不少于95人`: words before 、 belong to the quantity after it
    for cut in [*_SEPARATOR.finditer(masked), None]:
        if cut is not None and masked.count("(", 0, cut.start()) > masked.count(")", 0, cut.start()):
            continue  # a separator inside brackets lists things of one quantity: 4份（A、B、C）
        end = cut.start() if cut is not None else len(masked)
        piece = masked[start:end]
        if _HAS_DIGIT.search(piece) or _HAS_NUMERAL.search(piece):
            spans.append([start if words_from is None else words_from, end])
            words_from = None
        elif spans and spans[-1][1] == start - 1 and masked[start - 1] == "、":
            spans[-1][1] = end  # ≥325人、户: the piece after 、 is the quantity's own
        elif cut is not None and cut.group() == "、":
            words_from = start if words_from is None else words_from
        else:
            words_from = None
        if cut is not None:
            start = cut.end()
    if len(spans) < 2:
        return None
    parts = []
    for start, end in spans:
        piece = compact[start:end]
        lead = len(piece) - len(piece.lstrip(_EDGE_PUNCT))
        piece = piece.strip(_EDGE_PUNCT)
        value = _read_one(piece, piece, masked[start + lead:start + lead + len(piece)])
        if value.number is not None:
            parts.append(value)
    if len(parts) < 2:
        return None
    if len(parts) == 2:
        low, high = parts if parts[0].op in (">=", ">") else parts[::-1]
        if (low.op in (">=", ">") and high.op in ("<=", "<") and low.number <= high.number  # type: ignore
                and (low.unit == high.unit or low.unit is None or high.unit is None)
                and len(words := {low.text, high.text} - {None, *_RANGE_WORDS}) <= 1
                and (not words or None in (low.text, high.text))):
            # 满意度≥90%，≤100%: the words of one end name the range; 满意度≥90%，投诉率≤5% are two quantities
            return Value(raw=raw, op="range", number=low.number, upper=high.number, unit=low.unit or high.unit,
                         text=words.pop() if words else None, change=low.change or high.change)
    return Value(raw=raw, text=raw or None, parts=tuple(parts))


def _read_one(raw: str, compact: str, masked: str, rare: bool = True) -> Value:
    """One quantity (the first with a comparison, else the first), the words around it, a change."""
    found = None
    if _HAS_DIGIT.search(masked):
        found = _pick(_arabic(), masked, chinese=False)
    if found is None and _HAS_NUMERAL.search(masked):
        found = _pick(_chinese(), masked, chinese=True)
    if found is None:
        return _without_number(raw, compact, masked, rare)

    m, pre_text, start = found
    g = m.groups()
    num = g[_NUM1]
    number = _number(num)
    if g[_DEN] and number is not None:
        denominator = float(g[_DEN])
        number = number / denominator if denominator else None  # 3/4 -> 0.75; 1/0 is no number
    if number is not None and start < m.start():
        number = -number
    unit = _unit(g[_PCT], g[_BUNIT], _printed(m, _UNIT, g[_UNIT], compact))
    upper = None
    if g[_NUM2]:
        upper = _number(g[_NUM2])
        if upper is not None and masked[m.start(_NUM2 + 1) - 1] == "-" and masked[m.start(_NUM2 + 1) - 2] == "-":
            upper = -upper  # 5--3: a range down to a negative number
        unit = _unit(g[_PCT2], g[_BUNIT2], _printed(m, _UNIT2, g[_UNIT2], compact)) or unit
    if num[-1] in "万亿" and len(num) > 1 and not num[0].isdigit():
        # 两万元 is printed like 2万元: the 万 belongs to the unit (contract: 两万元 -> 2 万元).
        number = parse_chinese_number(num[:-1])
        unit = num[-1] + (unit or "")
    if number is None or not math.isfinite(number) or (upper is not None and not math.isfinite(upper)):
        return _without_number(raw, compact, masked, rare)

    start, end = start - len(pre_text), m.end()
    plus_minus = start > 0 and masked[start - 1] == "±" and upper is None
    if plus_minus:  # ±5% -> -5 … 5 (contract); a comparison before it adds nothing (≤±5%)
        start -= 1
        number, upper = -abs(number), abs(number)
        start -= len(_prefix_op(masked, start))
    prefix, suffix = compact[:start], compact[end:]
    pre = PREFIX_OPS[pre_text] if pre_text else None
    post = SUFFIX_OPS.get(g[_POST]) if g[_POST] else None
    if pre is None and post is None and start:
        distant = _DISTANT_OP.search(masked, 0, start)
        if distant:
            pre = PREFIX_OPS[distant.group(1)]
            prefix = prefix[: distant.start()] + prefix[distant.end(1):]
    if upper is not None:
        op = "range"
        if upper < number:
            number, upper = upper, number
    elif post and (pre is None or pre == "="):
        op = post
    elif g[_APPROX_G] and (pre is None or pre == "="):
        op = ">"  # 1000余人, 100多家
    else:
        op = pre or "="
    text = _words(prefix, suffix) if prefix or suffix else None
    change = _change(masked) if rare else None
    return Value(raw=raw, op=op, number=number, upper=upper, unit=unit, text=text, change=change)


def _printed(m: re.Match[str], group: int, unit: str | None, compact: str) -> str | None:
    """A unit as the folded text has it (`ｋｍ` -> km), but brackets inside it as printed (`台（套）`)."""
    if unit and "(" in unit:
        return compact[m.start(group + 1):m.end(group + 1)]
    return unit


def _without_number(raw: str, compact: str, masked: str, rare: bool = True) -> Value:
    """Words only; a comparison symbol before them keeps its op (`≦核定人数` -> `<=`, text `核定人数`)."""
    change = _change(masked) if rare and _BASELINE.search(masked) else None
    symbol = _OP_BEFORE_WORDS.match(masked)
    if symbol is not None:
        words = compact[symbol.end():].strip(_EDGE_PUNCT)
        if words and not is_unit(words):
            return Value(raw=raw, op=PREFIX_OPS[symbol.group()], text=words, change=change)
    return Value(raw=raw, text=compact or None, change=change)


@lru_cache(maxsize=8192)
def _read_cached(raw: str) -> Value:
    return _read(raw)


def parse_value(text: str) -> Value:
    """Read one indicator value. Never raises: anything unreadable comes back with op/number None.

    >>> parse_value("≥90百分比")
    Value(raw='≥90百分比', op='>=', number=90.0, upper=None, unit='%', text=None)
    """
    try:
        raw = clean_cell(text)
    except Exception:  # a non-string that str() cannot render: keep what we can, never raise
        raw = ""
    try:
        return _read_cached(raw)
    except Exception:  # a bug must not stop a batch of thousands of PDFs; the value stays as text
        return Value(raw=raw, text=raw or None)


def parse_value_columns(op: str, value: str, unit: str) -> Value:
    """Three-column layouts (指标性质 / 指标值 / 度量单位) read into one VALUE; `raw` is the three joined.

    The columns are joined with nothing (`≥` `90` `%` -> `≥90%`), as they would print in one cell.
    The operator column wins over a comparison inside the value cell; the unit column over a unit in it.
    Words in the operator column that are not comparisons (定性, 定量, 正向) are layout and are ignored.
    """
    try:
        op_text, value_text, unit_text = (clean_cell(x or "") for x in (op, value, unit))
        raw = op_text + value_text + unit_text
        inner = parse_value(value_text)
        column_op = op_of(op_text)
        column_unit = canonical_unit(unit_text)
        if inner.parts:  # several quantities in the value cell: the parts say it all
            return Value(raw=raw, text=raw, parts=inner.parts)
        if inner.number is None:  # qualitative (指标性质 定性): the words are the value cell's
            # an operator column before words keeps its op, as `≦核定人数` in one cell does (contract)
            op_before_words = inner.op or (column_op if inner.text else None)
            return Value(raw=raw, op=op_before_words, text=inner.text, change=inner.change)
        result_op = inner.op if inner.op == "range" else (column_op or inner.op)
        return Value(raw=raw, op=result_op, number=inner.number, upper=inner.upper,
                     unit=column_unit or inner.unit, text=inner.text, change=inner.change)
    except Exception:
        return Value(raw="".join(str(x or "") for x in (op, value, unit)))


def is_unparsed(value: Value) -> bool:
    """True when the value looked quantitative (≥, %, a digit outside a date) but no number was read.

    The interpreter emits warning `value_unparsed` for these (e.g. `≥ 百分比`, `≥`, `%`).
    """
    if value.number is not None or value.op is not None or value.parts or not value.raw:
        return False  # a number, an operator before words (≦核定人数), or parts: the reading is complete
    masked = mask_dates(fold(squeeze_spaces(value.raw)), _BLANK)
    return _QUANT_HINT.search(masked) is not None
