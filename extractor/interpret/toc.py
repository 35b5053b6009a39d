"""The table of contents, and the check that each project heading says what the TOC says.

The seed's TOC lists `2.冯营供销社地块围挡建设费用绩效目标表` while the table's heading reads `2. 冯营子供销社…`:
neither is silently preferred; the project keeps its heading and a `toc_title_mismatch` warning names both.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractor.interpret.cells import squeeze
from extractor.interpret.fields import heading_number
from extractor.interpret.prose import TOC_ENTRY
from extractor.model import TextLine, Warning


@dataclass(frozen=True)
class TocEntry:
    number: int | None
    title: str
    page: int  # the page number printed in the TOC (footer numbering, not physical)


def read_toc(lines: list[TextLine]) -> list[TocEntry]:
    out = []
    for ln in lines:
        m = TOC_ENTRY.match(ln.text.strip())
        if not m:
            continue
        number, title = heading_number(m.group("title"))
        page = int("".join(ch for ch in m.group("page") if ch.isdigit()))
        out.append(TocEntry(number, squeeze(title), page))
    return out


def check_titles(toc: list[TocEntry], headings: list[tuple[int | None, str, int]], warnings: list[Warning]) -> None:
    """headings: (number, title, page of the heading) of each project table, in document order."""
    by_number = {e.number: e for e in toc if e.number is not None and e.title.endswith("表")}
    if not by_number:
        return
    for number, title, page in headings:
        entry = by_number.get(number)
        if entry is None:
            continue
        if squeeze(title) != entry.title:
            warnings.append(Warning(
                "toc_title_mismatch",
                f"table of contents says {entry.title!r}, the table says {squeeze(title)!r}", page))
