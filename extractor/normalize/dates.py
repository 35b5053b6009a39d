"""Dates and ordinals inside indicator values, which are not quantities.

`2024年12月31日前`, `12月底` or `9-12月` is a deadline or a period, not "2024 年"; `第3季度` is an ordinal. The value parser blanks
these spans out before it looks for a quantity, so they stay in `text`.
"""

from __future__ import annotations

import re

__all__ = ["DATE_PATTERN", "mask_dates"]

_MONTH_TAIL = r"(?:份|底|末|初|中旬|上旬|下旬)?(?:\d{1,2}[日号])?"
DATE_PATTERN = re.compile(
    r"(?<!\d)(?:19|20)\d{2}(?:年)?[-~至到](?:19|20)\d{2}年(?:度)?"
    # 2024年12月31日, 2018年5月至7月 (a span of months in one year)
    rf"|(?<!\d)(?:19|20)\d{{2}}年(?:度|底|末|初)?(?:\d{{1,2}}月{_MONTH_TAIL}(?:[-~至到]+\d{{1,2}}月{_MONTH_TAIL})?)?"
    # 9-12月, 1月-12月, 4月至12月: months, not a range of 月 (a duration is 3-5个月)
    rf"|(?<![\d.])\d{{1,2}}月?[-~至到]+\d{{1,2}}月{_MONTH_TAIL}"
    r"|(?<!\d)\d{1,2}月(?:\d{1,2}[日号]|份|底|末|初|中旬|上旬|下旬)"
    r"|(?<![\d.])(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?![\d.])"
    r"|(?<![\d.])(?:19|20)\d{2}[-/]\d{1,2}(?![\d.])"
    r"|(?<!\d)\d{1,2}:\d{2}(?!\d)"
    r"|第\d+"
    r"|[〇零一二三四五六七八九]{4}年"
)


def mask_dates(text: str, blank: str = "\x00") -> str:
    """Replace every date/ordinal span with `blank` characters of the same length (positions kept)."""
    return DATE_PATTERN.sub(lambda m: blank * len(m.group()), text)
