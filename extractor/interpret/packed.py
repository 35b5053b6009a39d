"""Indicators packed as numbered text in one cell (Guangzhou 绩效指标):

`1.1－产出指标，11－数量指标，项目专职环保员数量；实施周期指标值：≦核定人数，年度指标值：≦核定人数；2、1－产出指标，…`

Each numbered item (`N、` or `N.` before a coded first level `1－`) is one indicator: level1, level2, the name
(level3), 实施周期指标值 (period_value) and 年度指标值 (value). The labels inside the text are vocabulary.
"""

from __future__ import annotations

import regex

from extractor.interpret import labels as L
from extractor.interpret.records import Indicator
from extractor.interpret.values import read_value
from extractor.model import Warning

_ITEM_START = regex.compile(r"(?:^|(?<=[;；。]))\s*\d{1,2}\s*[、.．]\s*(?=\d{1,2}\s*[－\-—–])")
# The label ends at its colon, or where the value starts with an operator printed without one (Guangzhou p.45:
# `实施周期指标值》90%`, the 》 kept as printed in the value).
_LABEL_END = r"\s*(?:[:：]\s*|(?=[》《>＞<＜≥≤≧≦⩾⩽=＝]))"
_PERIOD = regex.compile(r"[；;，,。]?\s*(?:项目)?实施(?:周)?期指标值" + _LABEL_END)
_ANNUAL = regex.compile(r"[；;，,。]?\s*年度指标值" + _LABEL_END)
_LEVEL = regex.compile(r"^\s*(?P<l1>\d{1,2}\s*[－\-—–]\s*[^，,；;]+)[，,]\s*(?P<l2>\d{1,3}\s*[－\-—–]\s*[^，,；;]+)[，,]\s*")


def _clean(text: str) -> str:
    return regex.sub(r"\s+", "", text).strip().rstrip("；;").strip()


def read_packed(text: str | None, page: int, warnings: list[Warning]) -> list[Indicator]:
    flat = regex.sub(r"\s*\n\s*", "", text or "").strip()
    if not flat:
        return []
    starts = [m.start() for m in _ITEM_START.finditer(flat)]
    if not starts:
        warnings.append(Warning("table_uninterpreted", "a packed 绩效指标 cell has no numbered indicator items", page))
        return []
    out: list[Indicator] = []
    for a, b in zip(starts, starts[1:] + [len(flat)]):
        item = _ITEM_START.sub("", flat[a:b], count=1)
        m = _LEVEL.match(item)
        level1 = level2 = None
        if m:
            level1, level2 = L.level_name(m.group("l1")), L.level_name(m.group("l2"))
            item = item[m.end():]
        period = annual = None
        ma = None
        for ma in _ANNUAL.finditer(item):
            pass
        if ma is not None:
            annual = _clean(item[ma.end():])
            item = item[: ma.start()]
        mp = _PERIOD.search(item)
        if mp is not None:
            period = _clean(item[mp.end():])
            item = item[: mp.start()]
        name = _clean(item)
        out.append(Indicator(level1=level1, level2=level2, level3=name or None, description=None,
                             value=read_value(annual, page, warnings) if annual is not None else None,
                             basis=None, page=page,
                             period_value=read_value(period, page, warnings) if period is not None else None))
    return out
