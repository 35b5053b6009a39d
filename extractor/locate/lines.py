"""Characters outside the tables, read into TextLines (headings, unit lines, TOC entries, prose)."""

from __future__ import annotations

import statistics

from extractor.locate.settings import TableSettings
from extractor.model import Char, TextLine


def group_rows(chars: list[Char], settings: TableSettings) -> list[list[Char]]:
    """Characters grouped into printed lines (top to bottom), each sorted left to right.

    A character joins a line when its vertical centre lies within the line's band (half the font size
    around the line's centre): robust to mixed CJK/Latin glyph boxes and to vertical labels (one character
    per line).
    """
    rows: list[list[Char]] = []
    overlap = settings.line_overlap
    row: list[Char] = []
    centre = size = 0.0  # of the line being filled (row)
    for ch in sorted(chars, key=_centre_then_x0):
        cy, s = (ch.top + ch.bottom) / 2, ch.size  # Char.cy
        band = s if s > size else size  # max(size, s, 1.0), spelled out: a call a glyph costs
        if row and abs(cy - centre) <= overlap * (1.0 if 1.0 > band else band):
            row.append(ch)
            centre += (cy - centre) / len(row)
            size = band
        else:
            row = [ch]
            rows.append(row)
            centre, size = cy, s
    for row in rows:
        row.sort(key=_x0)
    return rows


def _centre_then_x0(c: Char) -> tuple[float, float]:
    return (c.top + c.bottom) / 2, c.x0


def _x0(c: Char) -> float:
    return c.x0


def join_chars(row: list[Char], settings: TableSettings) -> str:
    """The text of one line; a gap wider than `word_gap` with no space character reads as one space."""
    out: list[str] = []
    prev: Char | None = None
    for ch in row:
        if prev is not None and ch.x0 - prev.x1 > settings.word_gap and not ch.text.isspace() \
                and not prev.text.isspace():
            out.append(" ")
        out.append(ch.text)
        prev = ch
    return "".join(out)


def split_wide_gaps(row: list[Char], settings: TableSettings) -> list[list[Char]]:
    """Pieces of one printed line separated by a gap of several font sizes (left and right columns)."""
    pieces: list[list[Char]] = [[]]
    prev: Char | None = None
    for ch in row:
        if ch.text.isspace():
            pieces[-1].append(ch)
            continue
        if prev is not None and ch.x0 - prev.x1 > settings.line_split_gap * max(prev.size, ch.size, 1.0):
            pieces.append([])
        pieces[-1].append(ch)
        prev = ch
    return [p for p in pieces if any(not c.text.isspace() for c in p)]


def text_lines(page: int, chars: list[Char], settings: TableSettings) -> list[TextLine]:
    lines: list[TextLine] = []
    for row in group_rows(chars, settings):
        for piece in split_wide_gaps(row, settings):
            text = join_chars(piece, settings).strip()
            if not text:
                continue
            ink = [c for c in piece if not c.text.isspace()]
            lines.append(TextLine(page=page, top=min(c.top for c in ink), x0=min(c.x0 for c in ink), text=text,
                                  x1=max(c.x1 for c in ink), bottom=max(c.bottom for c in ink),
                                  size=statistics.median(c.size for c in ink)))
    lines.sort(key=lambda ln: (round(ln.top), ln.x0))
    return lines
