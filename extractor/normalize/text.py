"""Cell text as the contract's "Cell text" rules want it.

PDF table engines hand back a wrapped cell as lines separated by ``\\n``. Chinese has no spaces between
words, so a line break inside ``建设完成情\\n况`` is only layout: the lines are joined with nothing. Only two
Latin words (``Public\\nservice``) get a space back. Some PDFs map glyphs to look-alike code points (Kangxi
radicals ⼀ ⼈, CJK radicals ⻓ ⻔, compatibility ideographs 﨑); those are folded to the unified ideographs so
that ``⻓期使用`` and ``长期使用`` compare equal.

Full-width characters other than these (，（）％ １２) are kept as printed: the cell text is what the reader
sees. White space of any width (U+3000, U+00A0 …) counts as white space at the edges and at line breaks.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean_cell", "is_item_line", "is_number_line", "squeeze_spaces"]

# CJK Radicals Supplement (U+2E80–U+2EFF): NFKC maps only two of them, so the ones that stand for a whole
# character are listed by hand (checked against their Unicode names, e.g. U+2ED3 C-SIMPLIFIED LONG -> 长).
_RADICALS_SUPPLEMENT = {
    0x2E81: "厂", 0x2E8C: "小", 0x2E8D: "小", 0x2E92: "巳", 0x2E93: "幺", 0x2E97: "心", 0x2E9B: "旡",
    0x2E9D: "月", 0x2E9E: "歺", 0x2E9F: "母", 0x2EA0: "民", 0x2EA9: "王", 0x2EAA: "疋", 0x2EAC: "示",
    0x2EAF: "糸", 0x2EB6: "羊", 0x2EB7: "羊", 0x2EBB: "聿", 0x2EBC: "月", 0x2EBD: "臼", 0x2EC1: "虎",
    0x2EC3: "覀", 0x2EC4: "西", 0x2EC5: "见", 0x2EC6: "角", 0x2EC8: "讠", 0x2EC9: "贝", 0x2ECB: "车",
    0x2ED0: "钅", 0x2ED1: "長", 0x2ED3: "长", 0x2ED4: "门", 0x2ED7: "雨", 0x2ED8: "青", 0x2ED9: "韦",
    0x2EDA: "页", 0x2EDB: "风", 0x2EDC: "飞", 0x2EDD: "食", 0x2EE0: "饣", 0x2EE2: "马", 0x2EE3: "骨",
    0x2EE4: "鬼", 0x2EE5: "鱼", 0x2EE6: "鸟", 0x2EE7: "卤", 0x2EE8: "麦", 0x2EE9: "黄", 0x2EEA: "黾",
    0x2EEB: "斉", 0x2EEC: "齐", 0x2EED: "歯", 0x2EEE: "齿", 0x2EEF: "竜", 0x2EF0: "龙", 0x2EF1: "龜",
    0x2EF2: "亀", 0x2EF3: "龟",
}


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = dict(_RADICALS_SUPPLEMENT)
    for start, end in ((0x2F00, 0x2FDF), (0xF900, 0xFAFF)):  # Kangxi radicals, compatibility ideographs
        for cp in range(start, end + 1):
            folded = unicodedata.normalize("NFKC", chr(cp))
            if folded != chr(cp):
                table[cp] = folded
    return table


_FOLD = _build_fold_table()
_FOLDABLE = re.compile("[\u2e80-\u2fdf\uf900-\ufaff]")  # cheap pre-check before translate()
_LINE_BREAK = re.compile(r"\s*(?:\r\n|[\r\n\u2028\u2029\x0b\x0c\x85])\s*")
_LATIN_WORD_END = re.compile(r"(?<![0-9A-Za-z])[A-Za-z]+$")
_LATIN_WORD_START = re.compile(r"^[A-Za-z]+(?![0-9A-Za-z])")
_SPACES = re.compile(r"\s+")
# A printed line that is one whole amount: 1,786 / -12 / 59.097 / (1,234) / a dash standing for none.
# A printed line that is a formula or range over a variable: 300≤X<1000, Y≥5000, 2000≤Y＜40000.
_OP = r"[<>≤≥＜＞≦≧⩽⩾=＝]"
_NUM = r"\d[\d,]*(?:\.\d+)?"
_FORMULA_LINE = re.compile(rf"\s*(?:{_NUM}\s*{_OP}=?\s*)?[A-Za-z]\s*{_OP}=?\s*{_NUM}\s*|\s*{_NUM}\s*{_OP}=?\s*[A-Za-z]\s*")
_NUMBER_LINE = re.compile(r"\s*(?:[-−]?\(?\d{1,3}(?:,\d{3})+(?:\.\d+)?\)?|[-−]?\d+(?:\.\d+)?|[-−–—－])\s*")


def _fold(text: str) -> str:
    if not _FOLDABLE.search(text):
        return text
    return text.translate(_FOLD)


def _ends_with_latin_word(line: str) -> bool:
    tail = line[-64:]  # look at the end only: a cell of thousands of lines must not cost n² time
    m = _LATIN_WORD_END.search(tail)
    if m is None:
        return False
    if m.start() == 0 and len(line) > len(tail):
        before = line[-len(tail) - 1]
        return not (before.isascii() and before.isalnum())
    return True


def is_item_line(line: str) -> bool:
    """Is this printed line a whole item of its own: an amount, a dash, or a formula (`300≤X<1000`)?"""
    return _NUMBER_LINE.fullmatch(line) is not None or _FORMULA_LINE.fullmatch(line) is not None


def _join_lines(text: str) -> str:
    """Join wrapped lines: nothing between them, a space only between two whole Latin words. Lines that
    are each a separate item (amounts, formulas: the contract's "Cell lines that are separate items") stay
    apart, one line break between them."""
    lines = [ln for ln in _LINE_BREAK.split(text) if ln]
    if len(lines) > 1 and all(map(is_item_line, lines)):
        return "\n".join(ln.strip() for ln in lines)
    pieces: list[str] = []
    previous = ""
    for line in lines:
        if not line:
            continue
        if previous and _LATIN_WORD_START.match(line) and _ends_with_latin_word(previous):
            pieces.append(" ")
        pieces.append(line)
        previous = line
    return "".join(pieces)


def clean_cell(text: str) -> str:
    """The contract's cell text: lines joined, look-alike ideographs folded, edges stripped.

    >>> clean_cell("建设完成情\\n况"), clean_cell(" 100 百分比 ")
    ('建设完成情况', '100 百分比')
    """
    if text is None:
        return ""
    if not isinstance(text, str):
        text = str(text)
    if not text:
        return text
    text = _fold(text)
    if "\n" in text or "\r" in text or "\u2028" in text or "\u2029" in text or "\x0b" in text \
            or "\x0c" in text or "\x85" in text:
        text = _join_lines(text)
    return text.strip()


def is_number_line(line: str) -> bool:
    """Is this printed line one whole amount or a dash (`1,786`, `-12`, `-`), with nothing else on it?"""
    return _NUMBER_LINE.fullmatch(line) is not None


def squeeze_spaces(text: str) -> str:
    """Remove white space, except one space between two Latin letters (`LED 灯` -> `LED灯`, `A B` kept).

    Spaces inside a Chinese value (`≥20 百分 比`, `100 百分比`) are layout, not meaning.
    """
    if not _SPACES.search(text):
        return text
    parts = _SPACES.split(text)
    out = parts[0]
    for part in parts[1:]:
        if out and part and out[-1].isascii() and out[-1].isalpha() and part[0].isascii() and part[0].isalpha():
            out += " "
        out += part
    return out
