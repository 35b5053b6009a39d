"""A table's title and unit from the lines printed above it (contract: `tables[].title`, `tables[].unit`).

stitch gives each table its caption: the text lines between the previous table (or the page top) and this
one (where it has none, the page's text lines above the table are read instead, as interpret does). The title is the last of them that reads as a table heading (ends in 表: `1. 法律顾问绩效目标表`), the
unit the 单位：元 / 万元 line. Both as printed; None where the caption has none (a department table under
prose, a continuation).
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from extractor.model import PageLayout, Table, TextLine

_TITLE = regex.compile(r"表\s*(?:[（(]续[）)])?\s*$")
_UNIT = regex.compile(r"单位\s*[：:]?\s*((?:人民币)?(?:千|万|亿|百万)?元)")


def caption_lines(table: Table, layouts: Sequence[PageLayout], previous: Table | None) -> list[TextLine]:
    """The lines printed above `table`: its caption from stitch, else (a caption extract did not keep)
    the text lines of its first page between the previous table, or the page top, and its top."""
    if table.caption or not table.parts:
        return list(table.caption)
    page, top = table.parts[0].page, table.parts[0].bbox[1]
    floor = -1.0
    if previous is not None and previous.parts and previous.parts[-1].page == page:
        floor = previous.parts[-1].bbox[3]
    return [ln for layout in layouts if layout.number == page for ln in layout.lines if floor < ln.top < top]


def table_title(lines: Sequence[TextLine]) -> str | None:
    for line in reversed(lines):
        text = line.text.strip()
        if _TITLE.search(text) and not _UNIT.search(text.replace(" ", "")):
            return text
    return None


def table_unit(lines: Sequence[TextLine]) -> str | None:
    for line in reversed(lines):
        m = _UNIT.search(line.text.replace(" ", ""))
        if m:
            return m.group(1)
    return None


def table_dicts(tables: Sequence[Table], layouts: Sequence[PageLayout]) -> list[dict]:
    """The contract's `tables[]`: each table as printed, with its title and unit."""
    out = []
    for i, table in enumerate(tables):
        lines = caption_lines(table, layouts, tables[i - 1] if i else None)
        out.append({**table.to_dict(), "title": table_title(lines), "unit": table_unit(lines)})
    return out
