"""Chinese numerals (三, 九十五, 一百二十, 两万, 二〇二四, 三点五, 壹佰) as numbers.

Indicator values sometimes spell their quantity in words (`三次`, `百分之九十五`, `两万元`). This reads the
numeral itself; deciding *whether* a run of numeral characters is a quantity is the value parser's job.
"""

from __future__ import annotations

__all__ = ["DIGITS", "NUMERAL_CHARS", "parse_chinese_number"]

DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "两": 2, "贰": 2, "貳": 2, "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "陸": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
LARGE_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
POINT = "点"
NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(LARGE_UNITS) + POINT


def _integer(text: str) -> int | None:
    if not text:
        return None
    # A plain digit string (二〇二四, 三五) is positional.
    if all(c in DIGITS for c in text):
        value = 0
        for c in text:
            value = value * 10 + DIGITS[c]
        return value
    total = 0      # finished 亿/万 sections
    section = 0    # current section below 万
    digit = None   # pending digit
    last_small = 10_000  # to read 二百五 as 250 (an elided trailing unit)
    for c in text:
        if c in DIGITS:
            if digit is not None and DIGITS[c] != 0 and digit != 0:
                return None  # two digits in a row inside a unit numeral: not a numeral
            digit = DIGITS[c]
        elif c in SMALL_UNITS:
            unit = SMALL_UNITS[c]
            section += (1 if digit is None else digit) * unit
            digit = None
            last_small = unit
        elif c in LARGE_UNITS:
            unit = LARGE_UNITS[c]
            section += digit or 0
            digit = None
            if section == 0:
                section = 1
            total = (total + section) * unit if unit > 10_000 else total + section * unit
            section = 0
            last_small = unit
        else:
            return None
    if digit is not None:
        # 二百五 = 250, 三千二 = 3200: a trailing digit takes one unit below the last one.
        section += digit * (last_small // 10 if last_small >= 100 and text[-2:-1] not in DIGITS else 1)
    return total + section


def parse_chinese_number(text: str) -> float | None:
    """`九十五` -> 95.0, `三点五` -> 3.5, `两万` -> 20000.0, `二〇二四` -> 2024.0; None if not a numeral."""
    if not text or len(text) > 24:  # longer than any amount anyone prints: words, not a number
        return None
    whole, _, fraction = text.partition(POINT)
    integer = _integer(whole) if whole else 0
    if integer is None:
        return None
    if not fraction:
        return None if text.endswith(POINT) else float(integer)
    if not all(c in DIGITS for c in fraction):
        return None
    return float(f"{integer}.{''.join(str(DIGITS[c]) for c in fraction)}")
