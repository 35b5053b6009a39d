"""Comparison words and symbols of indicator values, read the statutory way (contract: VALUE `op`).

By the usual statutory reading 以上 and 以下 include the number itself (≥ and ≤), as do 不低于, 不超过 and
their kin; 超过, 低于 and the like do not. Symbols come in several widths and forms (≥ ⩾ ≧ >= ＞=); the value
parser first folds full-width forms (＞ -> >), so only the half-width spellings are listed here.
"""

from __future__ import annotations

import re

__all__ = ["PREFIX_OPS", "SUFFIX_OPS", "PREFIX_PATTERN", "SUFFIX_PATTERN", "op_of", "SYMBOL_FOLD"]

# Words and symbols printed before the number.
PREFIX_OPS: dict[str, str] = {
    # >=
    "大于或等于": ">=", "大于等于": ">=", "不低于": ">=", "不少于": ">=", "不小于": ">=", "至少": ">=",
    "最少": ">=", "最低": ">=", ">=": ">=", "≥": ">=", "=>": ">=",
    # <=
    "小于或等于": "<=", "小于等于": "<=", "不高于": "<=", "不超过": "<=", "不多于": "<=", "不大于": "<=",
    "最多": "<=", "最高": "<=", "<=": "<=", "≤": "<=", "=<": "<=",
    # > and <
    "超过": ">", "高于": ">", "大于": ">", "多于": ">", ">": ">",
    "低于": "<", "少于": "<", "小于": "<", "不足": "<", "不满": "<", "<": "<",
    # =
    "等于": "=", "达到": "=", "达": "=", "为": "=", "=": "=", "==": "=",
}

# Words printed after the number (and its unit).
SUFFIX_OPS: dict[str, str] = {
    "及以上": ">=", "以上": ">=", "或以上": ">=",
    "及以下": "<=", "以下": "<=", "或以下": "<=", "以内": "<=", "之内": "<=", "内": "<=",
}

# Full-width and look-alike comparison symbols folded to one spelling each (one character to one,
# so positions in the folded text still point into the printed text).
SYMBOL_FOLD = {
    "⩾": "≥", "≧": "≥", "⪖": "≥",
    "⩽": "≤", "≦": "≤", "⪕": "≤",
    "＞": ">", "﹥": ">", "＜": "<", "﹤": "<", "＝": "=", "﹦": "=",
}


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


PREFIX_PATTERN = _alternation(PREFIX_OPS)
SUFFIX_PATTERN = _alternation(SUFFIX_OPS)


def op_of(text: str | None) -> str | None:
    """The operator a whole comparison word or symbol stands for (`不低于` -> ">="), else None.

    Used for the 指标性质 column of three-column layouts; spaces and full-width forms are tolerated.
    """
    if not text:
        return None
    word = "".join(SYMBOL_FOLD.get(c, c) for c in text if not c.isspace())
    if word in PREFIX_OPS:
        return PREFIX_OPS[word]
    if word in SUFFIX_OPS:
        return SUFFIX_OPS[word]
    return None
