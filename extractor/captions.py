"""A table's title and unit from the lines printed above it (contract: `tables[].title`, `tables[].unit`).

stitch gives each table its caption: the text lines between the previous table (or the page top) and this
one. The title is the last of them that reads as a table heading (ends in 表: `1. 法律顾问绩效目标表`), the
unit the 单位：元 / 万元 line. Both as printed; None where the caption has none (a department table under
prose, a continuation).
"""

from __future__ import annotations

import regex

from extractor.model import Table

_TITLE = regex.compile(r"表\s*(?:[（(]续[）)])?\s*$")
_UNIT = regex.compile(r"单位\s*[：:]\s*((?:人民币)?(?:千|万|亿|百万)?元)")


def table_title(table: Table) -> str | None:
    for line in reversed(table.caption):
        text = line.text.strip()
        if _TITLE.search(text) and not _UNIT.search(text):
            return text
    return None


def table_unit(table: Table) -> str | None:
    for line in reversed(table.caption):
        m = _UNIT.search(line.text.replace(" ", ""))
        if m:
            return m.group(1)
    return None


def table_dict(table: Table) -> dict:
    """The contract's `tables[]` entry: the table as printed, with its title and unit."""
    return {**table.to_dict(), "title": table_title(table), "unit": table_unit(table)}
