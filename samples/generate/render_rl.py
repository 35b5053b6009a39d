"""Draw a model Document with reportlab, the way Word/WPS print these documents, and report a Placement.

Everything is positioned by hand on the canvas (no platypus), so the renderer knows every rule, cell and
page exactly. Coordinates inside this module are top-down (pdfplumber's), converted only when drawing.

Determinism: canvas `invariant=1`; fonts are the Debian TrueType CJK fonts, subset by reportlab.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass, field
from typing import Callable

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas

from .model import Cell, Document, Layout, LogicalTable, Placement, TablePlacement, all_tables

FONT_FILES = {
    "uming": ("UMingCN", "/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    "wqy": ("WenQuanYiMicroHei", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    "dejavu": ("DejaVuSans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", None),
}
#: reportlab's built-in Adobe-GB1 font, not embedded: needs no font file (the random documents of
#: random_docs.py use it, so they render on any machine); the reader maps its codes through Adobe's CMaps.
CID_FONTS = {"stsong": "STSong-Light"}
FALLBACK = "dejavu"
_registered: dict[str, TTFont | UnicodeCIDFont] = {}


def font(key: str) -> TTFont | UnicodeCIDFont:
    if key not in _registered:
        if key in CID_FONTS:
            f = UnicodeCIDFont(CID_FONTS[key])
        else:
            name, path, index = FONT_FILES[key]
            f = TTFont(name, path, subfontIndex=index) if index is not None else TTFont(name, path)
        pdfmetrics.registerFont(f)
        _registered[key] = f
    return _registered[key]


@functools.lru_cache(maxsize=None)
def cid_covers(ch: str) -> bool:
    """Does the Adobe-GB1 collection (UniGB-UCS2-H) have this character, so a reader gets it back?"""
    from pdfminer.cmapdb import CMapDB

    cids = list(CMapDB.get_cmap("UniGB-UCS2-H").decode(ch.encode("utf-16-be")))
    return len(cids) == 1 and cids[0] != 0 and CMapDB.get_unicode_map("Adobe-GB1").get_unichr(cids[0]) == ch


def covers(key: str, ch: str) -> bool:
    if key in CID_FONTS:
        return ch == "\n" or cid_covers(ch)
    return ord(ch) in font(key).face.charToGlyph or ch == "\n"


def runs(text: str, key: str) -> list[tuple[str, str]]:
    """Split text into (font key, chars) runs; characters the font lacks go to the fallback font."""
    out: list[tuple[str, str]] = []
    for ch in text:
        k = key if covers(key, ch) else FALLBACK
        if k == FALLBACK and ord(ch) not in font(FALLBACK).face.charToGlyph:
            raise ValueError(f"no font has {ch!r} (U+{ord(ch):04X})")
        if out and out[-1][0] == k:
            out[-1] = (k, out[-1][1] + ch)
        else:
            out.append((k, ch))
    return out


def width(text: str, key: str, size: float) -> float:
    return sum(pdfmetrics.stringWidth(t, font(k).fontName, size) for k, t in runs(text, key))


NO_LINE_START = set("，。、；：？！）》」】%％,.;:)")


def wrap(text: str, key: str, size: float, max_w: float, breaks: list[int] | tuple[int, ...] = (),
         first_indent: float = 0.0) -> list[str]:
    """Greedy character wrap at max_w; never breaks next to a space (so joining lines with nothing gives the
    text back); `breaks` are char offsets that must start a new line."""
    lines: list[str] = []
    forced = sorted(set(breaks))
    segments, start = [], 0
    for b in forced + [len(text)]:
        segments.append(text[start:b])
        start = b
    for seg in segments:
        i = 0
        while i < len(seg):
            avail = max_w - (first_indent if not lines else 0.0)
            j = i + 1
            while j < len(seg) and width(seg[i:j + 1], key, size) <= avail:
                j += 1
            if j < len(seg):
                k = j
                while k > i + 1 and (seg[k] == " " or seg[k - 1] == " "):
                    k -= 1
                if k > i + 1:
                    j = k
                if seg[j] in NO_LINE_START and j - 1 > i + 1 and seg[j - 1] != " ":
                    j -= 1  # kinsoku: a closing mark never starts a line; carry one character over
            lines.append(seg[i:j])
            i = j
        if not seg:
            lines.append("")
    return lines or [""]


# ------------------------------------------------------------------------------------------- pages

Op = Callable[[rl_canvas.Canvas, float], None]  # (canvas, page height) -> draw


@dataclass
class Page:
    size: tuple[float, float]
    ops: list[Op] = field(default_factory=list)


@dataclass
class RowPiece:
    page: int  # 1-based
    top: float
    bottom: float
    first_line: int  # lines [first_line, last_line) of each rowspan-1 cell are printed in this piece
    last_line: int | None  # None: to the end


def _as_rect(a: float, b: float) -> bool:
    """The "mixed" border style's choice for one edge: a fixed function of its position (deterministic)."""
    return int(a * 7 + b * 3) % 3 == 0


class RLRenderer:
    def __init__(self, doc: Document, layout: Layout):
        self.doc, self.layout = doc, layout
        self.pages: list[Page] = []
        self.y = 0.0
        self.heading_pages: dict[str, int] = {}
        self.table_places: dict[str, TablePlacement] = {}
        self.events: list[str] = []  # what happened (cut rows, merged cells across breaks) for self-checks
        self.landscape = False
        self.toc_fill: list[Callable[[], None]] = []
        self.repeat_printed_only = False  # True (random_docs): header rows are repeated as Word does: only
        # once printed (a break above them repeats nothing), a merged header cell over its whole height
        self.merged_text = "first"  # where a merged cell split by a page break prints its text (_merged_shares)

    # --- page flow
    @property
    def page_no(self) -> int:
        return len(self.pages)

    def page_size(self) -> tuple[float, float]:
        w, h = self.layout.page_size
        return (max(w, h), min(w, h)) if self.landscape else (min(w, h), max(w, h))

    def new_page(self) -> None:
        self.pages.append(Page(self.page_size()))
        self.y = self.layout.margins[1]

    @property
    def left(self) -> float:
        return self.layout.margins[0]

    @property
    def right(self) -> float:
        return self.pages[-1].size[0] - self.layout.margins[2]

    @property
    def bottom(self) -> float:
        return self.pages[-1].size[1] - self.layout.margins[3]

    def block(self, key: str) -> None:
        """Start of a named block: apply the layout's page breaks, orientation and forced space."""
        if self.layout.landscape_from == key:
            self.landscape = True
            self.new_page()
        elif f"before:{key}" in self.layout.page_breaks and self.y > self.layout.margins[1] + 0.1:
            self.new_page()
        self.y += self.layout.forced_space.get(key, 0.0)

    def text_at(self, x: float, top: float, text: str, key: str, size: float) -> None:
        """Draw one line with its glyph box starting at `top` (top-down)."""
        f = font(key).face
        base = top + size * f.ascent / 1000.0 * 0.95 + 0.5
        pieces, cx = [], x
        for k, t in runs(text, key):
            pieces.append((cx, font(k).fontName, t))
            cx += pdfmetrics.stringWidth(t, font(k).fontName, size)

        def op(c: rl_canvas.Canvas, h: float, pieces=pieces, base=base, size=size) -> None:
            for px, fname, t in pieces:
                c.setFont(fname, size)
                c.drawString(px, h - base, t)

        self.pages[-1].ops.append(op)

    def paragraph(self, text: str, key: str | None = None, size: float | None = None, indent: bool = True,
                  align: str = "left", leading: float | None = None, space_after: float = 4.0) -> None:
        key = key or self.layout.body_font
        size = size or self.layout.body_size
        leading = leading or size * 1.6
        w = self.right - self.left
        ind = 2 * size if indent else 0.0
        lines = wrap(text, key, size, w, first_indent=ind)
        for n, line in enumerate(lines):
            if self.y + leading > self.bottom:
                self.new_page()
            x = self.left + (ind if n == 0 else 0.0)
            if align == "center":
                x = (self.left + self.right - width(line, key, size)) / 2
            elif align == "right":
                x = self.right - width(line, key, size)
            self.text_at(x, self.y + (leading - size) / 2, line, key, size)
            self.y += leading
        self.y += space_after

    def heading(self, text: str, key_name: str | None, size: float = 14.0, align: str = "left",
                space_before: float = 6.0) -> None:
        if self.y + size * 3 > self.bottom:
            self.new_page()
        self.y += space_before
        if key_name:
            self.heading_pages[key_name] = self.page_no
        self.paragraph(text, self.layout.heading_font, size, indent=False, align=align)

    # --- tables
    def table(self, t: LogicalTable, fractions: list[float], caption_keep: float = 0.0) -> None:
        lay = self.layout
        size = lay.table_font_size
        leading = round(size * 1.3, 2)
        pad_x, pad_y = 2.5, 3.0
        key = lay.table_font
        total_w = self.right - self.left
        xs = [round(self.left, 2)]
        acc = 0.0
        for f in fractions:
            acc += f
            xs.append(round(self.left + total_w * acc / sum(fractions), 2))
        n_rows, n_cols = t.n_rows, t.n_cols
        # wrap every cell
        lines: dict[tuple[int, int], list[str]] = {}
        for r, row in enumerate(t.rows):
            for c, cell in enumerate(row):
                if cell is None:
                    continue
                cw = xs[c + cell.colspan] - xs[c] - 2 * pad_x
                br = list(cell.breaks) + lay.line_breaks.get(cell.text, [])
                lines[r, c] = wrap(cell.text, key, size, cw, br) if cell.text else []
        heights = []
        for r, row in enumerate(t.rows):
            need = [len(lines[r, c]) for c, cell in enumerate(row) if cell is not None and cell.rowspan == 1]
            heights.append(max(max(need, default=1), 1) * leading + 2 * pad_y)
        for r, row in enumerate(t.rows):  # merged cells taller than their rows: grow the last row
            for c, cell in enumerate(row):
                if cell is not None and cell.rowspan > 1:
                    need = max(len(lines[r, c]), 1) * leading + 2 * pad_y
                    have = sum(heights[r:r + cell.rowspan])
                    if need > have:
                        heights[r + cell.rowspan - 1] += need - have
        heights = [round(h, 2) for h in heights]
        row_lines = [max([len(lines[r, c]) for c, cell in enumerate(row) if cell is not None
                          and cell.rowspan == 1] or [1]) for r, row in enumerate(t.rows)]

        allow_cut = lay.cut_rows.get(t.key, False)
        pages_before, y_before, events_before = len(self.pages), self.y, len(self.events)
        grow: dict[int, float] = {}  # row -> height added so that a merged cell's last part holds its lines
        for attempt in range(8):  # placed again while a merged cell's part after a break cannot hold its lines
            pieces, repeats, parts = self._place_rows(t, heights, row_lines, allow_cut, leading, pad_y, grow)
            grown = False
            for r, row in enumerate(t.rows):
                for c, cell in enumerate(row):
                    if cell is None or cell.rowspan == 1:
                        continue
                    boxes: dict[int, list[float]] = {}
                    for rr in range(r, r + cell.rowspan):
                        for pc in pieces[rr]:
                            b = boxes.setdefault(pc.page, [pc.top, pc.bottom])
                            b[0], b[1] = min(b[0], pc.top), max(b[1], pc.bottom)
                    if len(boxes) < 2:
                        continue
                    segments = [(pg, b[0], b[1]) for pg, b in sorted(boxes.items())]
                    shown = self._merged_shares(lines[r, c], segments, leading, pad_y)[-1]
                    need = len(shown) * leading + 2 * pad_y - (segments[-1][2] - segments[-1][1])
                    if need > 0.01:  # a producer grows the row to hold the text (Word), never prints past it
                        heights[r + cell.rowspan - 1] = round(heights[r + cell.rowspan - 1] + need, 2)
                        grow[r + cell.rowspan - 1] = grow.get(r + cell.rowspan - 1, 0.0) + need
                        grown = True
            if not grown or attempt == 7:
                break
            del self.pages[pages_before:]
            del self.events[events_before:]
            self.y = y_before
        self.y += 6.0

        # cells -> page segments
        segs: dict[int, list[tuple[float, float, float, float]]] = {}  # page -> rects (x0, top, x1, bottom)
        for r, row in enumerate(t.rows):
            for c, cell in enumerate(row):
                if cell is None:
                    continue
                by_page: dict[int, list[RowPiece]] = {}
                for rr in range(r, r + cell.rowspan):
                    for pc in pieces[rr]:
                        by_page.setdefault(pc.page, []).append(pc)
                if len(by_page) > 1 and cell.rowspan > 1:
                    self.events.append(f"merged-across-break:{t.key}:row{r}:col{c}")
                x0, x1 = xs[c], xs[c + cell.colspan]
                cell_lines = lines[r, c]
                boxes = [(pg, min(p.top for p in pcs), max(p.bottom for p in pcs))
                         for pg, pcs in sorted(by_page.items())]
                shares = self._merged_shares(cell_lines, boxes, leading, pad_y) if cell.rowspan > 1 else []
                for i, (pg, pcs) in enumerate(sorted(by_page.items())):
                    top, bot = min(p.top for p in pcs), max(p.bottom for p in pcs)
                    segs.setdefault(pg, []).append((x0, top, x1, bot))
                    if cell.rowspan == 1:
                        pc = pcs[0]
                        shown = cell_lines[pc.first_line:pc.last_line]
                    else:
                        shown = shares[i]
                    self._cell_text(pg, cell, shown, x0, top, x1, bot, key, size, leading, pad_x)
        rep_bottom = {(pg, rr): bot for pg, rr, _, bot in repeats}
        for pg, rr, top, row_bot in repeats:
            row = t.rows[rr]
            for c, cell in enumerate(row):
                if cell is None:
                    continue
                x0, x1 = xs[c], xs[c + cell.colspan]
                bot = row_bot
                if self.repeat_printed_only and cell.rowspan > 1:  # a merged header cell repeated whole
                    bot = rep_bottom.get((pg, rr + cell.rowspan - 1), row_bot)
                segs.setdefault(pg, []).append((x0, top, x1, bot))
                self._cell_text(pg, cell, lines[rr, c], x0, top, x1, bot, key, size, leading, pad_x)
        for pg, rects in segs.items():
            self._rules(pg, rects)
        self.table_places[t.key] = TablePlacement(
            parts=[(pg, (xs[0], tb[0], xs[-1], tb[1])) for pg, tb in sorted(parts.items())],
            row_pages=[pieces[r][0].page for r in range(n_rows)])

    def _place_rows(self, t: LogicalTable, heights: list[float], row_lines: list[int], allow_cut: bool,
                    leading: float, pad_y: float, grow: dict[int, float]
                    ) -> tuple[list[list[RowPiece]], list[tuple[int, int, float, float]], dict[int, list[float]]]:
        """Rows onto pages from the current position: each row's pieces, the repeated header rows (page,
        row, top, bottom) and each page's top and bottom of the table. `grow`: height added to a row for a
        merged cell's last part, which a cut row adds to its part after the break."""
        n_rows = t.n_rows
        pieces: list[list[RowPiece]] = [[] for _ in range(n_rows)]
        repeats: list[tuple[int, int, float, float]] = []  # (page, row, top, bottom) repeated header rows
        parts: dict[int, list[float]] = {}

        def place(r: int, top: float, h: float, first: int, last: int | None) -> None:
            pieces[r].append(RowPiece(self.page_no, top, top + h, first, last))
            parts.setdefault(self.page_no, [top, top + h])
            parts[self.page_no][1] = top + h

        def continue_page(r: int) -> None:
            self.new_page()
            for rr in t.repeat_rows:
                if self.repeat_printed_only and rr >= r:
                    continue  # Word repeats a header row only once it has been printed
                repeats.append((self.page_no, rr, self.y, self.y + heights[rr]))
                parts.setdefault(self.page_no, [self.y, self.y])
                parts[self.page_no][1] = self.y + heights[rr]
                self.y += heights[rr]

        for r in range(n_rows):
            h = heights[r]
            if (self.repeat_printed_only and t.repeat_rows and r == t.repeat_rows[0]
                    and self.y + sum(heights[rr] for rr in t.repeat_rows) > self.bottom + 0.01):
                continue_page(r)  # Word keeps the header rows together: the block moves to the next page
            if self.y + h > self.bottom + 0.01:
                fit_lines = int((self.bottom - self.y - 2 * pad_y) // leading)
                if allow_cut and r not in t.repeat_rows and 1 <= fit_lines < row_lines[r]:
                    h1 = round(fit_lines * leading + 2 * pad_y, 2)
                    place(r, self.y, h1, 0, fit_lines)
                    continue_page(r)
                    h2 = round((row_lines[r] - fit_lines) * leading + 2 * pad_y + grow.get(r, 0.0), 2)
                    place(r, self.y, h2, fit_lines, None)
                    self.y += h2
                    self.events.append(f"cut:{t.key}:row{r}:page{self.page_no - 1}")
                    continue
                continue_page(r)
            place(r, self.y, h, 0, None)
            self.y += h
        return pieces, repeats, parts

    def _merged_shares(self, lines: list[str], boxes: list[tuple[int, float, float]], leading: float,
                       pad_y: float) -> list[list[str]]:
        """The lines of a merged cell printed in each of its page segments.

        merged_text "first" (the samples): all in the first segment. "before" / "after": all in the first /
        last segment where they fit there, else in the other one where they fit there (a 一级指标 whose
        text is printed after the break); else as "flow": as many as fit in each segment, in order, the
        rest in the last (the text itself split by the break).
        """
        n = len(boxes)
        if n == 1 or self.merged_text == "first":
            return [lines] + [[] for _ in range(n - 1)]
        caps = [max(0, int((bot - top - 2 * pad_y + 0.01) // leading)) for _, top, bot in boxes]
        order = {"before": [0, n - 1], "after": [n - 1, 0]}.get(self.merged_text, [])
        for k in order:
            if caps[k] >= len(lines):
                return [lines if i == k else [] for i in range(n)]
        out, i = [], 0
        for k, cap in enumerate(caps):
            take = len(lines) - i if k == n - 1 else min(cap, len(lines) - i)
            out.append(lines[i:i + take])
            i += take
        return out

    def _cell_text(self, pg: int, cell: Cell, shown: list[str], x0: float, top: float, x1: float, bot: float,
                   key: str, size: float, leading: float, pad_x: float) -> None:
        if not shown:
            return
        y = (top + bot - len(shown) * leading) / 2
        center = cell.header or (len(shown) == 1 and not cell.breaks)
        saved = self.pages
        page = self.pages[pg - 1]
        look = self.layout.print_as
        for line in shown:
            if look:
                line = "".join(look.get(ch, ch) for ch in line)
            if center:
                x = (x0 + x1 - width(line, key, size)) / 2
            else:
                x = x0 + pad_x
            self._text_on(page, x, y + (leading - size) / 2, line, key, size)
            y += leading
        self.pages = saved

    def _text_on(self, page: Page, x: float, top: float, text: str, key: str, size: float) -> None:
        cur = self.pages
        self.pages = [page]
        try:
            self.text_at(x, top, text, key, size)
        finally:
            self.pages = cur

    def _rules(self, pg: int, rects: list[tuple[float, float, float, float]]) -> None:
        """Cell borders, each edge once: 0.5 pt lines, thin filled rectangles (WPS style), or "mixed" (some
        edges of each kind, as documents pasted together from several producers have)."""
        hs, vs = set(), set()
        for x0, top, x1, bot in rects:
            hs.add((round(top, 2), x0, x1))
            hs.add((round(bot, 2), x0, x1))
            vs.add((x0, round(top, 2), round(bot, 2)))
            vs.add((x1, round(top, 2), round(bot, 2)))
        style = self.layout.border
        hs_l, vs_l = sorted(hs), sorted(vs)

        def op(c: rl_canvas.Canvas, h: float) -> None:
            c.setLineWidth(0.5)
            c.setStrokeColorRGB(0, 0, 0)
            c.setFillColorRGB(0, 0, 0)
            for y, a, b in hs_l:
                if style == "rects" or (style == "mixed" and _as_rect(y, a)):
                    c.rect(a - 0.25, h - y - 0.25, b - a + 0.5, 0.5, stroke=0, fill=1)
                else:
                    c.line(a, h - y, b, h - y)
            for x, t0, t1 in vs_l:
                if style == "rects" or (style == "mixed" and _as_rect(x, t0)):
                    c.rect(x - 0.25, h - t1 - 0.25, 0.5, t1 - t0 + 0.5, stroke=0, fill=1)
                else:
                    c.line(x, h - t0, x, h - t1)

        self.pages[pg - 1].ops.insert(0, op)

    # --- document
    def render(self) -> tuple[bytes, Placement]:
        doc, lay = self.doc, self.layout
        tables = {t.key: t for t in all_tables(doc, lay)}
        toc_entries: list[tuple[str, str | None, bool]] = []  # (text, key for page number, is part title)
        if lay.with_cover:
            self.new_page()
            self.y = self.pages[-1].size[1] * 0.28
            self.paragraph(doc.title, lay.heading_font, 22, indent=False, align="center", leading=36)
            if doc.publisher_line:
                self.y += 60
                self.paragraph(doc.publisher_line, lay.heading_font, 16, indent=False, align="center")
        toc_page = None
        if lay.with_toc:
            self.new_page()
            toc_page = self.page_no
            self.paragraph("目 录", lay.heading_font, 18, indent=False, align="center", space_after=16)
            toc_y = self.y
        self.new_page()
        if not lay.with_cover:  # the document title heads the first page
            self.paragraph(doc.title, lay.heading_font, 16, indent=False, align="center", space_after=10)
        dep = doc.department
        if dep is not None:
            self.heading("第一部分", None, 16, "center", 0)
            self.heading("部门整体绩效目标", "part1", 16, "center", 0)
            self.block("overall")
            self.heading("一、总体绩效目标", "overall", 14)
            self.paragraph("总体绩效目标：")
            if dep.overall_goal:
                self.paragraph(dep.overall_goal)
            if dep.duties_goal:
                self.paragraph("职责分类绩效目标：")
                for para in dep.duties_goal:
                    self.paragraph(para)
            self.block("sections")
            self.heading("二、分项绩效目标", "sections", 14)
            for i, s in enumerate(dep.sections, 1):
                key = f"section:{i}"
                self.block(key)
                self.heading(s.heading or s.name, None, 12, space_before=2)
                if s.goal:
                    self.paragraph("1. 绩效目标：" + s.goal)
                self.paragraph("2. 绩效指标：")
                self.table(tables[key], [0.44, 0.14, 0.14, 0.14, 0.14])
            if dep.measures:
                self.block("measures")
                self.heading("三、工作保障措施", "measures", 14)
                for para in dep.measures:
                    self.paragraph(para)
            toc_entries += [("第一部分 部门整体绩效目标", None, True), ("一、总体绩效目标", "overall", False),
                            ("二、分项绩效目标", "sections", False)]
            if dep.measures:
                toc_entries.append(("三、工作保障措施", "measures", False))
            self.block("part2")
            self.heading("第二部分", None, 16, "center", 0)
            self.heading("预算项目绩效目标", None, 16, "center", 0)
            toc_entries.append(("第二部分 预算项目绩效目标", None, True))
        fr = lay.col_widths or ([0.13, 0.13, 0.15, 0.19, 0.12, 0.14, 0.14] if lay.table_style == "hebei"
                                else [0.12, 0.13, 0.17, 0.09, 0.13, 0.10, 0.26])
        for i, p in enumerate(doc.projects, 1):
            key = f"project:{i}"
            self.block(key)
            if self.y + 160 > self.bottom:
                self.new_page()
            self.heading(f"{i}. {p.title}" if lay.number_titles else p.title, key, 12, space_before=0)
            if lay.unit_line:
                if doc.organization_code or doc.organization:
                    self.paragraph(f"{doc.organization_code} {doc.organization}", lay.body_font, 10.5,
                                   indent=False, space_after=0)
                if lay.table_style == "hebei":
                    self.paragraph(f"单位：{p.amount_unit}", lay.body_font, 10.5, indent=False, align="right",
                                   space_after=2)
            self.table(tables[key], fr)
            toc_entries.append((f"{i}.{p.toc_title or p.title}", key, False))
        # table of contents (page numbers as printed in the footers)
        if toc_page is not None:
            saved_pages, saved_y = self.pages, self.y
            self.pages = saved_pages[:toc_page]
            self.y = toc_y
            for text, key, is_part in toc_entries:
                if is_part:
                    self.y += 8
                    self.paragraph(text, lay.heading_font, 14, indent=False, space_after=6)
                    continue
                num = str(self.printed_number(self.heading_pages[key]))
                size = 12
                dots_w = self.right - self.left - width(text, lay.body_font, size) - width(num, lay.body_font, size) - 8
                dots = "." * max(3, int(dots_w // width(".", lay.body_font, size)))
                line = f"{text}{dots}"
                self.text_at(self.left + 24, self.y, line, lay.body_font, size)
                self.text_at(self.right - width(num, lay.body_font, size), self.y, num, lay.body_font, size)
                self.y += size * 2
            self.pages, self.y = saved_pages, saved_y
        return self.finish()

    def finish(self) -> tuple[bytes, Placement]:
        """The page footers drawn, and the PDF written: its bytes and where everything landed."""
        doc, lay = self.doc, self.layout
        if lay.footer_numbers:
            for n, page in enumerate(self.pages, 1):
                if n >= lay.footer_first_numbered:
                    label = f"- {self.printed_number(n)} -"
                    w, h = page.size
                    x = (w - width(label, lay.body_font, 10.5)) / 2
                    self._text_on(page, x, h - 45, label, lay.body_font, 10.5)
        buf = io.BytesIO()
        c = rl_canvas.Canvas(buf, invariant=1, pageCompression=1)
        c.setTitle(doc.title)
        c.setAuthor("extractor sample generator")
        for page in self.pages:
            c.setPageSize(page.size)
            for op in page.ops:
                op(c, page.size[1])
            c.showPage()
        c.save()
        return buf.getvalue(), Placement(n_pages=len(self.pages), tables=self.table_places,
                                         heading_pages=self.heading_pages)

    def printed_number(self, physical: int) -> int:
        return physical - self.layout.footer_first_numbered + 1
