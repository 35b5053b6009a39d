"""When does a page piece continue the table before it rather than start a new one?

- it is the first table on the page right after the table's last page, and the table was the last one on
  its page;
- nothing but page furniture stands between them: below the table only page numbers, above the piece only
  page numbers or lines repeated from the table's own caption (a repeated title or unit line);
- it spans the table's width; its column boundaries and the table's are merged (see columns.merge_columns);
- it does not begin the way the table began, with other values (`starts_again`): that is the next table of
  the same form (项目编码 | <another code> | 项目名称 | <another name>), printed with no title between.
"""

from __future__ import annotations

import regex

from extractor.locate.settings import TableSettings
from extractor.model import Grid, TextLine

_PAGE_NUMBER = regex.compile(r"^[\s\-—–_·.]*(第\s*)?[0-9０-９ivxlcIVXLC]+(\s*页)?(\s*[,，、]?\s*[/共]\s*[0-9]+\s*页?)?"
                            r"[\s\-—–_·.]*$")


def is_page_furniture(line: TextLine) -> bool:
    """A page number in its usual dresses: `3`, `- 3 -`, `第 3 页`, `3/12`, `第3页 共12页`, `第 2 页，共 45 页`."""
    return bool(_PAGE_NUMBER.match(line.text))


def _norm(text: str) -> str:
    return regex.sub(r"\s+", "", text)


def _digits_masked(text: str) -> str:
    return regex.sub(r"[0-9０-９]+", "#", _norm(text))


QUIET, RENUMBERED = "quiet", "renumbered"


def quiet_between(previous: Grid, piece: Grid, table_caption: list[TextLine]) -> str | None:
    """QUIET when only page furniture or the table's own caption lines stand between the two pieces;
    RENUMBERED when some caption line repeats only with other numbers (a running page code such as
    `(0801)-091` over every page of a Taiwan budget table); None when other text stands between them."""
    if any(not is_page_furniture(ln) for ln in previous.trailer):
        return None
    repeated = {_norm(ln.text) for ln in table_caption}
    masked = {_digits_masked(ln.text) for ln in table_caption}
    verdict = QUIET
    for ln in piece.caption:
        if is_page_furniture(ln) or _norm(ln.text) in repeated:
            continue
        if _digits_masked(ln.text) in masked:
            verdict = RENUMBERED
            continue
        return None
    return verdict


def continues(previous: Grid, piece: Grid, first_on_page: bool, last_on_page: bool,
              table_caption: list[TextLine], table_xs: list[float], settings: TableSettings
              ) -> tuple[tuple[list[float], list[int], list[int]], str] | None:
    """(the merged column layout (columns.merge_columns), QUIET or RENUMBERED) when the piece may continue
    the table.

    A RENUMBERED caption is weaker evidence: the caller also wants the table's first row repeated.
    """
    from extractor.stitch.columns import merge_columns

    if piece.page != previous.page + 1 or not first_on_page or not last_on_page:
        return None
    verdict = quiet_between(previous, piece, table_caption)
    if verdict is None:
        return None
    merged = merge_columns(table_xs, piece.col_xs, settings.column_tolerance)
    return (merged, verdict) if merged is not None else None


def starts_again(table_first: list[str | None], piece_first: list[str | None]) -> bool:
    """Does the piece's first row repeat the table's first row's labels with other values?

    Same merged-cell pattern, at least one cell with the same text (a label) and at least one filled cell
    with another text (a value). A repeated header row is identical, so it does not count.
    """
    if len(table_first) != len(piece_first):
        return False
    if [v is None for v in table_first] != [v is None for v in piece_first]:
        return False
    same = sum(1 for a, b in zip(table_first, piece_first) if a and a == b)
    other = sum(1 for a, b in zip(table_first, piece_first) if a and b and a != b)
    return same >= 1 and other >= 1
