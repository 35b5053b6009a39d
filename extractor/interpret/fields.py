"""Small readers for header field texts: amounts, percentages, numbered goals, headings."""

from __future__ import annotations

import regex

_AMOUNT = regex.compile(r"[-+]?\d+(?:\.\d+)?")
_PERCENT = regex.compile(r"([-+]?\d+(?:\.\d+)?)\s*[%％]?")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．，－", "0123456789.,-")


def amount(text: str | None) -> tuple[float | None, bool]:
    """'4,100,000.00' -> (4100000.0, True); '' -> (None, True); 'abc' -> (None, False)."""
    s = regex.sub(r"\s+", "", (text or "").translate(_FULLWIDTH_DIGITS)).replace(",", "")
    if not s or s in ("-", "—", "/"):
        return None, True
    if _AMOUNT.fullmatch(s):
        return float(s), True
    return None, False


def percent(text: str | None) -> tuple[float | None, bool]:
    """'25%' -> (25.0, True); '' -> (None, True)."""
    s = regex.sub(r"\s+", "", (text or "").translate(_FULLWIDTH_DIGITS))
    if not s:
        return None, True
    m = _PERCENT.fullmatch(s)
    if m:
        return float(m.group(1)), True
    return None, False


# list numbers a goal may start with: "1. " "1．" "1、" "（1）" "(1)" "①"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_STYLES = [
    (regex.compile(r"(\d{1,2})\s*[.．、](?!\d)\s*"), lambda n: rf"(?<!\d){n}\s*[.．、](?!\d)\s*"),
    (regex.compile(r"[（(](\d{1,2})[)）]\s*"), lambda n: rf"[（(]{n}[)）]\s*"),
    (regex.compile(r"[（(]([一二三四五六七八九十]{1,2})[)）]\s*"), None),
    (regex.compile(r"目标\s*(\d{1,2})\s*[：:]\s*"), lambda n: rf"目标\s*{n}\s*[：:]\s*"),
]


def split_goals(text: str | None) -> list[str]:
    """Numbered goals -> one item each, list numbers removed. Only a run 1, 2, 3 … splits (so a `2.` that
    is part of the text does not), whether the numbers start lines or follow each other on one line."""
    s = (text or "").strip()
    if not s:
        return []
    m = _STYLES[0][0].match(s)
    style = 0 if m else None
    if m is None:
        m = _STYLES[1][0].match(s)
        style = 1 if m else None
    if m is None:
        m = _STYLES[3][0].match(s)
        style = 3 if m else None
    if m is None and s.startswith("一是") and "二是" in s:  # 一是…二是…三是…: ordinal words removed
        parts = regex.split(r"[一二三四五六七八九十]{1,2}是", s)
        return [p.strip() for p in parts if p.strip()]
    if m is None:
        c = _CIRCLED.find(s[0])
        if c == 0:
            parts, rest, k = [], s[1:], 1
            while k < len(_CIRCLED) and _CIRCLED[k] in rest:
                head, rest = rest.split(_CIRCLED[k], 1)
                parts.append(head)
                k += 1
            parts.append(rest)
            return [p.strip() for p in parts if p.strip()]
        return [s]
    n = int(m.group(1))
    make = _STYLES[style][1]
    items: list[str] = []
    rest = s[m.end():]
    while True:
        n += 1
        nxt = regex.search(make(n), rest)
        if nxt is None:
            items.append(rest)
            break
        items.append(rest[: nxt.start()])
        rest = rest[nxt.end():]
    return [i.strip() for i in items if i.strip()]


_HEADING_NUMBER = regex.compile(r"^\s*(\d{1,3})\s*[.．、]\s*")


def heading_number(text: str) -> tuple[int | None, str]:
    """'1. 法律顾问绩效目标表' -> (1, '法律顾问绩效目标表')."""
    m = _HEADING_NUMBER.match(text)
    if not m:
        return None, text.strip()
    return int(m.group(1)), text[m.end():].strip()
