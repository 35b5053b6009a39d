"""When does a page piece continue the table before it rather than start a new one?

- it is the first table on the page right after the table's last page, and the table was the last one on
  its page;
- nothing but page furniture stands between them: below the table only page numbers, above the piece only
  page numbers or lines repeated from the table's own caption (a repeated title or unit line);
- it has the table's column layout (see columns.column_map).
"""

from __future__ import annotations

import regex

from extractor.locate.settings import TableSettings
from extractor.model import Grid, TextLine

_PAGE_NUMBER = regex.compile(r"^[\s\-—–_·.]*(第\s*)?[0-9０-９ivxlcIVXLC]+(\s*页)?(\s*[/共]\s*[0-9]+\s*页?)?[\s\-—–_·.]*$")


def is_page_furniture(line: TextLine) -> bool:
    """A page number in its usual dresses: `3`, `- 3 -`, `第 3 页`, `3/12`, `第3页 共12页`."""
    return bool(_PAGE_NUMBER.match(line.text))


def _norm(text: str) -> str:
    return regex.sub(r"\s+", "", text)


def quiet_between(previous: Grid, piece: Grid, table_caption: list[TextLine]) -> bool:
    if any(not is_page_furniture(ln) for ln in previous.trailer):
        return False
    repeated = {_norm(ln.text) for ln in table_caption}
    return all(is_page_furniture(ln) or _norm(ln.text) in repeated for ln in piece.caption)


def continues(previous: Grid, piece: Grid, first_on_page: bool, last_on_page: bool,
              table_caption: list[TextLine], table_xs: list[float], settings: TableSettings) -> list[int] | None:
    """The piece's column map onto the table when the piece continues it, else None."""
    from extractor.stitch.columns import column_map

    if piece.page != previous.page + 1 or not first_on_page or not last_on_page:
        return None
    if not quiet_between(previous, piece, table_caption):
        return None
    return column_map(table_xs, piece.col_xs, settings.column_tolerance)
