"""Is a page's text layer real? No text at all, a broken font map (佛佛佛…), or an OCR layer over a scan.

A page that fails is reported (no_text_layer / garbled_text) and its text is never passed on as real.
"""

from __future__ import annotations

from extractor.locate.settings import TableSettings
from extractor.model import Char


def repeated_share(texts: list[str]) -> tuple[float, int]:
    """Share of CJK characters standing in runs of one repeated ideograph, and the longest run.

    A font whose character map sends many glyphs to one code prints 佛佛佛佛 where the page shows different
    characters; real Chinese text rarely doubles a character and almost never triples one.
    """
    cjk = 0
    in_runs = 0
    longest = 0
    run_ch, run_len = "", 0
    for ch in texts + [""]:
        is_cjk = ch and ("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff")  # a CJK ideograph
        if is_cjk:
            cjk += 1
            if ch == run_ch:
                run_len += 1
                continue
        if run_len >= 2:
            in_runs += run_len
            if run_len > longest:
                longest = run_len
        run_ch, run_len = ch, 1
    return (in_runs / cjk if cjk else 0.0), longest


def text_health(chars: list[Char], image_boxes: list[tuple[float, float, float, float]], page_area: float,
                settings: TableSettings) -> str | None:
    """None when the text layer is trustworthy, else a short reason (for the garbled_text warning)."""
    texts = [c.text for c in chars if not c.text.isspace()]
    if not texts:
        return None
    bad = sum(1 for t in texts if t == "\ufffd" or "\ue000" <= t <= "\uf8ff" or t.startswith("(cid:"))  # unmapped
    if bad / len(texts) > settings.garbled_bad_share:
        return f"{bad} of {len(texts)} characters have no Unicode mapping"
    share, longest = repeated_share(texts)
    if share > settings.garbled_repeat_share and longest >= 3:
        return f"broken font map: {share:.0%} of the CJK characters are one ideograph repeated"
    for x0, top, x1, bottom in image_boxes:
        if (x1 - x0) * (bottom - top) >= settings.scan_image_share * page_area:
            on_image = sum(1 for c in chars if x0 <= c.cx <= x1 and top <= c.cy <= bottom)
            if on_image >= 0.5 * len(chars):
                return "text is an OCR layer over a scanned image"
    return None
