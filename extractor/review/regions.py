"""Where on its page a warning points. Warnings carry a page, not a box; many quote the text they are about
(`the table says '冯营子供销社…绩效目标表'`), so the box is drawn around the page's lines that print a
quoted fragment. Otherwise the whole page is the region (the page shows it framed).
"""

from __future__ import annotations

from typing import Any

import regex

_QUOTED = regex.compile(r"'([^']{4,})'|‘([^’]{4,})’|“([^”]{4,})”|「([^」]{4,})」")
_SPACE = regex.compile(r"\s+")


def warning_box(warning: dict[str, Any], lines: list[list[Any]]) -> list[float] | None:
    """[x0, top, x1, bottom] around the lines ([x0, top, x1, bottom, text], its page's) that print a
    fragment the message quotes, or None."""
    fragments = [_SPACE.sub("", next(g for g in m.groups() if g)) for m in _QUOTED.finditer(warning.get("message") or "")]
    if not fragments:
        return None
    hits = [ln for ln in lines if any(f in _SPACE.sub("", ln[4]) or _SPACE.sub("", ln[4]) in f
                                      for f in fragments if len(_SPACE.sub("", ln[4])) >= 4)]
    if not hits:
        return None
    return [min(h[0] for h in hits) - 2, min(h[1] for h in hits) - 2, max(h[2] for h in hits) + 2,
            max(h[3] for h in hits) + 2]
