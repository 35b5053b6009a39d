"""The text outside tables as one ordered stream, with the table of contents set apart.

Locate gives each page's lines outside table regions; headings, unit lines, the TOC and the 第一部分 prose are
all read from this stream.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from extractor.interpret.cells import squeeze
from extractor.model import PageLayout, TextLine

# "2.冯营供销社地块围挡建设费用绩效目标表.....8": a title, a dot leader, a page number
# (some PDFs interleave the leader's dots with the page number's digits: "……1.0" is page 10)
TOC_ENTRY = regex.compile(r"^(?P<title>.*?[^.．…·・\s])\s*[.．…·・]{3,}\s*(?P<page>[\d.．]*\d[\d.．]*)\s*$")
# page numbers and running footers: "- 1 -", "第 3 页", "3"
FURNITURE = regex.compile(r"^[-—–\s]*\d{1,4}[-—–\s]*$|^第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?$")
TOC_HEADING = regex.compile(r"^目录$")


@dataclass
class Prose:
    lines: list[TextLine]  # every line outside tables, in reading order; TOC lines and page numbers excluded
    toc: list[TextLine]  # the TOC's entry lines

    @classmethod
    def from_layouts(cls, layouts: list[PageLayout]) -> Prose:
        all_lines = [ln for lay in sorted(layouts, key=lambda x: x.number)
                     for ln in sorted(lay.lines, key=lambda x: (x.top, x.x0))
                     if not FURNITURE.match(ln.text.strip())]
        in_toc = _toc_indices(all_lines)
        return cls([ln for i, ln in enumerate(all_lines) if i not in in_toc],
                   [ln for i, ln in enumerate(all_lines) if i in in_toc and TOC_ENTRY.match(ln.text.strip())])


def _toc_indices(lines: list[TextLine]) -> set[int]:
    """The TOC: from a 目录 heading (or the first leader line) to its last leader line, plus the lines between
    (part headings such as 第一部分 部门整体绩效目标 printed in the TOC without a page number)."""
    leader = [i for i, ln in enumerate(lines) if TOC_ENTRY.match(ln.text.strip())]
    if not leader:
        return set()
    start = next((i for i, ln in enumerate(lines) if TOC_HEADING.match(squeeze(ln.text))), leader[0])
    start = min(start, leader[0])
    # the TOC ends at the last leader line on the pages the TOC occupies (a page or two)
    toc_pages = {lines[i].page for i in leader if lines[i].page <= lines[leader[0]].page + 2}
    end = max(i for i in leader if lines[i].page in toc_pages)
    return set(range(start, end + 1))
