"""locate_pages: one pass over each page's objects, giving a PageLayout (text lines, table regions, health).

Each page's characters are read once; the characters inside a table region stay on the layout (compact
`Char` tuples) for extract, which releases them. pdfplumber's page cache is flushed after each page so a
long PDF never holds all its pages' objects at once.
"""

from __future__ import annotations

from collections.abc import Iterator

import pdfplumber

from extractor.locate.health import text_health
from extractor.locate.lines import text_lines
from extractor.locate.objects import read_objects
from extractor.locate.reader import PageReader
from extractor.locate.regions import find_tables
from extractor.locate.ruling import ruling_edges
from extractor.locate.settings import DEFAULT_SETTINGS, TableSettings
from extractor.locate.visible import drop_double_struck, visible_chars, visible_segments
from extractor.model import BBox, Char, PageLayout, TableRegion, Warning


# A hidden glyph below a table whose clip ends this close (points) to the table's bottom edge was cut off
# along that edge: the exporter prints the rest of the cut row on the next page.
_CUT_EDGE_TOL = 3.0


def hidden_below(hidden: list[tuple[Char, BBox]], bbox: BBox) -> list[Char]:
    """The hidden glyphs under the table, cut off by a clip along its bottom edge (locate.clipping)."""
    x0, _, x1, bottom = bbox
    return [ch for ch, clip in hidden
            if x0 <= ch.cx <= x1 and ch.cy > bottom - _CUT_EDGE_TOL and abs(clip[3] - bottom) <= _CUT_EDGE_TOL]


# More curves than this on a page without characters: text drawn as outlines, not a text layer.
_OUTLINED_TEXT_CURVES = 50


def locate_page(page: pdfplumber.page.Page, warnings: list[Warning],
                settings: TableSettings = DEFAULT_SETTINGS, reader: PageReader | None = None) -> PageLayout:
    """The layout of one page; its objects read by `reader` (default: pdfminer's, objects.read_objects)."""
    number = page.page_number
    layout = PageLayout(number=number, width=float(page.width), height=float(page.height))
    objects = reader.read(page) if reader is not None else read_objects(page)
    box = tuple(float(v) for v in page.bbox)
    chars = drop_double_struck(visible_chars(objects.chars, box))
    images = objects.images
    if not any(not c.text.isspace() for c in chars):
        layout.has_text = False
        if images or objects.n_curves > _OUTLINED_TEXT_CURVES:
            warnings.append(Warning("no_text_layer", f"page {number} has no text layer (an image or drawn "
                                    "outlines only); nothing was read from it", number))
            return layout
        # else a blank page, or one holding only ruling (an empty row run over from the page before)
    problem = text_health(chars, images, float(page.width * page.height), settings)
    if problem:
        layout.garbled = True
        warnings.append(Warning("garbled_text", f"page {number}: text layer not trusted ({problem}); "
                                "nothing was read from it", number))
        return layout
    edges = ruling_edges(visible_segments(objects.lines + objects.curve_lines, box),
                         visible_segments(objects.rects, box), settings)
    tables = find_tables(page, edges, settings, chars)
    for t in tables:
        edges = edges + t.implied_edges  # inferred edges: camelot builds its grid from them too
    inside: list[list[Char]] = [[] for _ in tables]
    outside: list[Char] = []
    if tables:
        slack = settings.region_char_slack
        areas = [(x0 - slack, top - slack, x1 + slack, bottom + slack, found)
                 for (x0, top, x1, bottom), found in zip((t.bbox for t in tables), inside)]
        for ch in chars:  # each character into the first region holding its centre (within the slack)
            cx, cy = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
            for x0, top, x1, bottom, found in areas:
                if x0 <= cx <= x1 and top <= cy <= bottom:
                    found.append(ch)
                    break
            else:
                outside.append(ch)
    else:
        outside = chars
    for t, cs in zip(tables, inside):
        layout.table_regions.append(t.bbox)
        layout.regions.append(TableRegion(bbox=t.bbox, cells=t.cells, chars=cs,
                                          hidden_below=hidden_below(objects.hidden, t.bbox)))
    if tables:
        layout.ruling = edges
    layout.lines = text_lines(number, outside, settings)
    return layout


def iter_layouts(pdf: pdfplumber.PDF, pages: list[int] | None, warnings: list[Warning],
                 settings: TableSettings = DEFAULT_SETTINGS, reader: PageReader | None = None
                 ) -> Iterator[PageLayout]:
    """Layouts of the given 1-based pages (all when None), in page order, one page read at a time.
    `reader`: a locate.reader.open_reader() reader of `pdf`, which lists the pages (default: pdfminer's
    layout of pdfplumber's pages)."""
    listed = reader.pages if reader is not None else pdf.pages
    numbers = list(range(1, len(listed) + 1)) if pages is None else sorted(set(pages))
    for n in numbers:
        page = listed[n - 1]
        try:
            layout = locate_page(page, warnings, settings, reader)
        finally:
            page.close()  # flush pdfplumber's per-page object cache
        yield layout


def locate_pages(pdf: pdfplumber.PDF, pages: list[int] | None, warnings: list[Warning],
                 settings: TableSettings = DEFAULT_SETTINGS) -> list[PageLayout]:
    """Layouts of the given 1-based pages (all when None), in page order."""
    return list(iter_layouts(pdf, pages, warnings, settings))
