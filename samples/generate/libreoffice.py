"""LibreOffice renderer: model -> flat ODF text (.fodt) -> PDF, then measure where things landed.

Why this exists: real departments write their tables in Word/WPS/LibreOffice and export PDF. LibreOffice's
export with Noto CJK fonts gives text lines whose boxes camelot assigns to the wrong cell or drops (zero
font descent, lines grouped across cells), so the extractor needs samples made exactly that way.

How:
1. `build_fodt(doc, layout)` writes the document as flat ODF XML (no dependency beyond the standard
   library): exact column widths, merged cells (number-columns/rows-spanned), ruled cells, page size and
   margins, explicit page breaks, a cover and table of contents, page numbers in the footer, Noto CJK fonts.
   A project table is written as two ODF tables printed flush together (header block, then the indicator
   block whose 一级指标 header row is a `table:table-header-rows` row), because ODF can only repeat the first
   rows of a table and the seed repeats the indicator header, not the 项目编码 row.
2. `convert()` runs `soffice --headless --convert-to pdf` with a private profile in a temporary folder
   (deterministic, and no clash with another LibreOffice), then pins the PDF's /CreationDate and /ID so the
   same model gives the same bytes.
3. `measure()` finds out what LibreOffice decided: the page breaks and the table boxes. It reads the PDF
   geometrically with pdfplumber only (ruling lines and rectangles -> table parts and row bands; characters
   -> which string is printed where) and never runs the extractor package. Every cell string of the model
   is checked to be printed inside the cell box the placement gives it (white space ignored), every
   character inside a table's rules must belong to a cell, and a wrap may not fall next to a real space
   (the extractor joins wrapped lines with nothing). Anything else raises `MeasureError`.
4. `render(doc, layout, pdf_path)` does 1-3 twice: the first pass finds the pages of the headings, the
   second prints them in the table of contents (the TOC length does not change, so nothing moves).

The truth in the expected JSON is the model (model.expected_json); LibreOffice only decides pages and boxes.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from .model import (Cell, Document, Layout, LogicalTable, Placement, TablePlacement, all_tables, expected_json)

#: Layout font names -> fontconfig families LibreOffice asks for.
FONT_FAMILIES = {
    "noto-serif": "Noto Serif CJK SC",
    "noto-sans": "Noto Sans CJK SC",
    "uming": "AR PL UMing CN",
    "wqy": "WenQuanYi Micro Hei",
}

#: Hebei project-table column widths (fractions of the text width): 一级/二级/三级 and 指标值 about five
#: characters wide (so 预算规模及资金用途 and 服务对象满意度指标 wrap as in the seed), 绩效指标描述 wider,
#: 指标值确定依据 spanning the last two.
HEBEI_COLS = [0.105, 0.115, 0.125, 0.225, 0.12, 0.13, 0.18]
CENTRAL_COLS = [0.10, 0.10, 0.12, 0.08, 0.09, 0.08, 0.14, 0.14, 0.15]

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')

PART_NUMERALS = "一二三四五六七八九十"


class MeasureError(RuntimeError):
    """The rendered PDF does not show the model where the placement says (the sample would lie)."""


def soffice_path() -> str | None:
    """The LibreOffice binary, or None when it is not installed (the generator then skips these samples)."""
    return shutil.which("soffice") or shutil.which("libreoffice")


# =============================================================================================== .fodt


def _pt(v: float) -> str:
    return f"{v:.2f}pt"


def _family(layout_font: str) -> str:
    return FONT_FAMILIES.get(layout_font, layout_font)


@dataclass
class TocEntry:
    """One line of the table of contents: its text and the key of the heading it points to."""

    text: str
    key: str
    level: int  # 0: part line (no page number), 1: entry


class _Fodt:
    """Accumulates the body XML and the automatic styles it needs."""

    def __init__(self, doc: Document, layout: Layout, toc_pages: dict[str, int] | None):
        self.doc, self.layout = doc, layout
        self.toc_pages = toc_pages or {}
        self.body: list[str] = []
        self.styles: dict[str, str] = {}
        self.pending_break = False
        self.pending_space = 0.0
        self._names: dict[tuple, str] = {}
        self._want_master = ""
        self._ntables = 0
        pw, ph = layout.page_size
        left, top, right, bottom = layout.margins
        self.text_width = pw - left - right

    # ---------------------------------------------------------------- styles

    def pstyle(self, *, font: str, size: float, align: str = "start", bold: bool = False, indent: float = 0.0,
               before: float = 0.0, after: float = 0.0, keep_next: bool = False, tabs: str = "",
               line: float | None = None) -> str:
        """A paragraph style name for these properties (created once), taking a pending page break,
        master-page switch and extra space."""
        brk = self.pending_break
        master = self._want_master
        if self.pending_space:
            before += self.pending_space
        key = (font, size, align, bold, indent, before, after, keep_next, tabs, line, brk, master)
        if key not in self._names:  # deterministic names, numbered in creation order
            self._names[key] = f"P{len(self._names) + 1}"
        name = self._names[key]
        if name not in self.styles:
            para = [f'fo:text-align="{align}"', f'fo:margin-top="{_pt(before)}"',
                    f'fo:margin-bottom="{_pt(after)}"', 'fo:orphans="2"', 'fo:widows="2"']
            if indent:
                para.append(f'fo:text-indent="{_pt(indent)}"')
            if keep_next:
                para.append('fo:keep-with-next="always"')
            if line:
                para.append(f'fo:line-height="{int(line * 100)}%"')
            attrs = ""
            if master:  # a new master page starts a new page by itself
                attrs = f' style:master-page-name="{master}"'
                if master == "Body":
                    para.append('style:page-number="1"')
            elif brk:
                para.append('fo:break-before="page"')
            inner = f"<style:tab-stops>{tabs}</style:tab-stops>" if tabs else ""
            fam = _family(font)
            txt = (f'style:font-name="{fam}" style:font-name-asian="{fam}" style:font-name-complex="{fam}" '
                   f'fo:font-size="{size}pt" style:font-size-asian="{size}pt" style:font-size-complex="{size}pt"')
            if bold:
                txt += ' fo:font-weight="bold" style:font-weight-asian="bold"'
            self.styles[name] = (f'<style:style style:name="{name}" style:family="paragraph"{attrs}>'
                                 f'<style:paragraph-properties {" ".join(para)}>{inner}</style:paragraph-properties>'
                                 f'<style:text-properties {txt}/></style:style>')
        self.pending_break = False
        self.pending_space = 0.0
        return name

    def want_master(self, name: str) -> None:
        """The next paragraph or table starts master page `name` on a new page: "Body" at the first body
        page (page numbers restart at 1), "Land" where landscape pages begin."""
        self._want_master = name

    def consumed_master(self) -> None:
        self._want_master = ""

    def para(self, text: str, **kw) -> None:
        style = self.pstyle(**kw)
        self.consumed_master()
        self.body.append(f'<text:p text:style-name="{style}">{_runs(text, self.layout.line_breaks.get(text))}'
                         f'</text:p>')

    def page_break(self) -> None:
        self.pending_break = True

    # ---------------------------------------------------------------- tables

    def table(self, t: LogicalTable, *, widths: list[float], font: str, size: float, can_cut: bool) -> None:
        """Write a logical table; split in two flush ODF tables when its repeated header is not at the top."""
        rep = t.repeat_rows
        if rep and rep[0] > 0:
            split = rep[0]
            self._odf_table(t, 0, split, [], widths, font, size, can_cut, last_open=True)
            self._odf_table(t, split, t.n_rows, rep, widths, font, size, can_cut, first_after_split=True)
        else:
            self._odf_table(t, 0, t.n_rows, rep, widths, font, size, can_cut)

    def _odf_table(self, t: LogicalTable, r0: int, r1: int, header: list[int], widths: list[float], font: str,
                   size: float, can_cut: bool, last_open: bool = False, first_after_split: bool = False) -> None:
        self._ntables += 1
        n = self._ntables
        tname = f"Table{n}"
        total = sum(widths)
        brk = self.pending_break
        master = self._want_master
        tprops = [f'style:width="{_pt(total)}"', 'table:align="left"', 'fo:margin-left="0pt"',
                  f'fo:margin-top="{_pt(self.pending_space)}"', 'fo:margin-bottom="0pt"']
        if brk and not master:
            tprops.append('fo:break-before="page"')
        mattr = f' style:master-page-name="{master}"' if master else ""
        if not last_open:
            tprops.append('style:may-break-between-rows="true"')
        else:
            # the header block stays with the indicator block that follows it
            tprops.append('fo:keep-with-next="always"')
        self.styles[tname] = (f'<style:style style:name="{tname}" style:family="table"{mattr}>'
                              f'<style:table-properties {" ".join(tprops)}/></style:style>')
        self.pending_break = False
        self.pending_space = 0.0
        self.consumed_master()
        cols = []
        for i, w in enumerate(widths):
            cname = f"{tname}.C{i}"
            self.styles[cname] = (f'<style:style style:name="{cname}" style:family="table-column">'
                                  f'<style:table-column-properties style:column-width="{_pt(w)}"/></style:style>')
            cols.append(f'<table:table-column table:style-name="{cname}"/>')
        rowstyle = "RowCut" if can_cut else "RowKeep"
        cell_l = self.pstyle(font=font, size=size, align="start")
        cell_c = self.pstyle(font=font, size=size, align="center")
        out = [f'<table:table table:name="{tname}" table:style-name="{tname}">', *cols]
        if header:
            out.append("<table:table-header-rows>")
        for r in range(r0, r1):
            if header and r == header[-1] + 1:
                out.append("</table:table-header-rows>")
            out.append(f'<table:table-row table:style-name="{rowstyle}">')
            for c, cell in enumerate(t.rows[r]):
                if cell is None:
                    out.append("<table:covered-table-cell/>")
                    continue
                ends_last = r + cell.rowspan == r1
                cstyle = "CellOpen" if (last_open and ends_last) else "Cell"
                span = ""
                if cell.colspan > 1:
                    span += f' table:number-columns-spanned="{cell.colspan}"'
                if cell.rowspan > 1:
                    span += f' table:number-rows-spanned="{cell.rowspan}"'
                long_text = cell.breaks or (cell.colspan >= 3 and len(cell.text) > 16)
                pst = cell_l if long_text and not cell.header else cell_c
                breaks = sorted(set(cell.breaks) | set(self.layout.line_breaks.get(cell.text, [])))
                paras = f'<text:p text:style-name="{pst}">{_runs(cell.text, breaks)}</text:p>'
                out.append(f'<table:table-cell table:style-name="{cstyle}"{span} office:value-type="string">'
                           f'{paras}</table:table-cell>')
            out.append("</table:table-row>")
        if header and header[-1] + 1 >= r1:
            out.append("</table:table-header-rows>")
        out.append("</table:table>")
        self.body.append("".join(out))


def _runs(text: str, breaks: list[int] | None = None) -> str:
    """Paragraph content: escaped text, forced line breaks at the given offsets, runs of spaces kept."""
    pieces = []
    last = 0
    for off in sorted(breaks or []):
        pieces.append(text[last:off])
        last = off
    pieces.append(text[last:])
    out = []
    for i, piece in enumerate(pieces):
        if i:
            out.append("<text:line-break/>")
        out.append(re.sub(r"  +", lambda m: f' <text:s text:c="{len(m.group()) - 1}"/>', escape(piece)))
    return "".join(out)


def _col_widths(layout: Layout, text_width: float) -> list[float]:
    fr = layout.col_widths or (CENTRAL_COLS if layout.table_style == "central" else HEBEI_COLS)
    s = sum(fr)
    return [round(text_width * f / s, 2) for f in fr]


def _dept_widths(n_cols: int, text_width: float) -> list[float]:
    first = text_width * 0.44
    rest = (text_width - first) / (n_cols - 1)
    return [round(first, 2)] + [round(rest, 2)] * (n_cols - 1)


def toc_entries(doc: Document) -> list[TocEntry]:
    """The table of contents as the seed prints it (part lines, then numbered entries)."""
    out: list[TocEntry] = []
    if doc.department:
        out.append(TocEntry("第一部分 部门整体绩效目标", "part1", 0))
        for i, (t, k) in enumerate([("总体绩效目标", "overall"), ("分项绩效目标", "sections"),
                                     ("工作保障措施", "measures")]):
            if k == "measures" and not doc.department.measures:
                continue
            out.append(TocEntry(f"{PART_NUMERALS[i]}、{t}", k, 1))
    if doc.projects:
        out.append(TocEntry(("第二部分 " if doc.department else "") + "预算项目绩效目标", "part2", 0))
        for i, p in enumerate(doc.projects, 1):
            out.append(TocEntry(f"{i}.{p.toc_title or p.title}", f"project:{i}", 1))
    return out


def heading_text(key: str, doc: Document) -> str:
    """The body heading a TOC key points to, as printed."""
    if key.startswith("project:"):
        i = int(key.split(":")[1])
        return f"{i}. {doc.projects[i - 1].title}"
    return {"overall": "一、总体绩效目标", "sections": "二、分项绩效目标", "measures": "三、工作保障措施",
            "part1": "部门整体绩效目标", "part2": "预算项目绩效目标"}[key]


def build_fodt(doc: Document, layout: Layout, toc_pages: dict[str, int] | None = None) -> str:
    """The whole document as flat ODF XML. `toc_pages`: printed page numbers for the TOC (pass 2)."""
    f = _Fodt(doc, layout, toc_pages)
    body_font, head_font, tfont = layout.body_font, layout.heading_font, layout.table_font
    tsize, bsize = layout.table_font_size, layout.body_size
    widths = _col_widths(layout, f.text_width)
    tables = {t.key: t for t in all_tables(doc, layout)}
    front = layout.with_cover or layout.with_toc

    if layout.with_cover:
        f.para("", font=body_font, size=bsize, before=150)
        f.para(doc.title, font=head_font, size=20, align="center", line=1.5)
        if doc.publisher_line:
            f.para(doc.publisher_line, font=body_font, size=16, align="center", before=260)
    if layout.with_toc:
        if layout.with_cover:
            f.page_break()
        f.para("目 录", font=head_font, size=18, align="center", after=18)
        tab = (f'<style:tab-stop style:position="{_pt(f.text_width - 1)}" style:type="right" '
               f'style:leader-style="dotted" style:leader-text="."/>')
        for e in toc_entries(doc):
            if e.level == 0:
                f.para(e.text, font=head_font, size=14, before=12, after=6)
            else:
                page = f.toc_pages.get(e.key, 0)
                f.para(e.text, font=body_font, size=bsize, tabs=tab, before=3, after=3)
                f.body[-1] = f.body[-1].replace("</text:p>", f"<text:tab/>{page}</text:p>")

    def start_block(key: str) -> None:
        if f"before:{key}" in layout.page_breaks:
            f.page_break()
        if key in layout.forced_space:
            f.pending_space += layout.forced_space[key]

    if front:
        f.page_break()
        f.want_master("Body")
    d = doc.department
    if d:
        f.para("第一部分", font=head_font, size=22, align="center", before=80, keep_next=True)
        f.para("部门整体绩效目标", font=head_font, size=22, align="center", before=20, after=40)
        f.para("一、总体绩效目标", font=head_font, size=14, before=12, after=6, keep_next=True)
        if d.overall_goal:
            f.para("总体绩效目标：", font=body_font, size=bsize, indent=24, keep_next=True)
            f.para(d.overall_goal, font=body_font, size=bsize, indent=24, align="justify", line=1.3)
        if d.duties_goal:
            f.para("职责分类绩效目标：", font=body_font, size=bsize, indent=24, keep_next=True)
            for para in d.duties_goal:
                f.para(para, font=body_font, size=bsize, indent=24, align="justify", line=1.3)
        f.para("二、分项绩效目标", font=head_font, size=14, before=12, after=6, keep_next=True)
        for i, s in enumerate(d.sections, 1):
            start_block(f"section:{i}")
            f.para(s.heading or f"（{PART_NUMERALS[i - 1]}）{s.name}", font=head_font, size=12, before=8,
                   keep_next=True)
            if s.goal:
                f.para(f"1. 绩效目标：{s.goal}", font=body_font, size=bsize, indent=24, align="justify", line=1.3)
            f.para("2. 绩效指标：", font=body_font, size=bsize, indent=24, after=4, keep_next=True)
            t = tables[f"section:{i}"]
            f.table(t, widths=_dept_widths(t.n_cols, f.text_width), font=tfont, size=tsize,
                    can_cut=layout.cut_rows.get(t.key, False))
        if d.measures:
            start_block("measures")
            f.para("三、工作保障措施", font=head_font, size=14, before=12, after=6, keep_next=True)
            for para in d.measures:
                f.para(para, font=body_font, size=bsize, indent=24, align="justify", line=1.3)
    if doc.projects:
        if d:
            start_block("part2")
            if "before:part2" not in layout.page_breaks:
                f.page_break()
            f.para("第二部分", font=head_font, size=22, align="center", before=80, keep_next=True)
        f.para("预算项目绩效目标", font=head_font, size=22 if d else 18, align="center",
               before=20 if d else 0, after=30 if d else 12)
        for i, p in enumerate(doc.projects, 1):
            key = f"project:{i}"
            start_block(key)
            if layout.landscape_from == key:
                f.want_master("Land")
            f.para(heading_text(key, doc), font=head_font, size=14, before=10, after=6, keep_next=True)
            if layout.unit_line:
                if doc.organization_code or doc.organization:
                    f.para(f"{doc.organization_code or ''} {doc.organization or ''}".strip(), font=body_font,
                           size=10.5, keep_next=True)
                f.para(f"单位：{p.amount_unit}", font=body_font, size=10.5, align="end", after=2, keep_next=True)
            t = tables[key]
            tw = widths
            if layout.landscape_from and _is_landscape(layout, i):
                lw = layout.page_size[1] - layout.margins[0] - layout.margins[2]
                tw = [round(w * lw / f.text_width, 2) for w in widths]
            f.table(t, widths=tw, font=tfont, size=tsize, can_cut=layout.cut_rows.get(key, False))
    return _document_xml(f, layout)


def _is_landscape(layout: Layout, project_index: int) -> bool:
    if not layout.landscape_from or not layout.landscape_from.startswith("project:"):
        return False
    return project_index >= int(layout.landscape_from.split(":")[1])


def _document_xml(f: _Fodt, layout: Layout) -> str:
    pw, ph = layout.page_size
    left, top, right, bottom = layout.margins
    fonts = sorted({_family(x) for x in (layout.body_font, layout.heading_font, layout.table_font)})
    face_decls = "".join(f'<style:font-face style:name="{x}" svg:font-family="\'{x}\'"/>' for x in fonts)
    body_fam = _family(layout.body_font)
    footer_size = 10.5

    def page_layout(name: str, w: float, h: float) -> str:
        return (f'<style:page-layout style:name="{name}"><style:page-layout-properties fo:page-width="{_pt(w)}" '
                f'fo:page-height="{_pt(h)}" style:print-orientation="{"landscape" if w > h else "portrait"}" '
                f'fo:margin-left="{_pt(left)}" fo:margin-right="{_pt(right)}" fo:margin-top="{_pt(top)}" '
                f'fo:margin-bottom="{_pt(max(bottom - 28, 10))}"/>'
                f'<style:footer-style><style:header-footer-properties fo:min-height="0pt" fo:margin-top="14pt"/>'
                f'</style:footer-style></style:page-layout>')

    footer = ""
    if layout.footer_numbers:
        footer = ('<style:footer><text:p text:style-name="Footer"><text:page-number text:select-page="current"/>'
                  '</text:p></style:footer>')
    cell_border = "0.5pt solid #000000"
    auto = [
        page_layout("PMPortrait", pw, ph),
        page_layout("PMLandscape", ph, pw),
        '<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties '
        f'fo:border="{cell_border}" fo:padding-left="2pt" fo:padding-right="2pt" fo:padding-top="1.5pt" '
        'fo:padding-bottom="1.5pt" style:vertical-align="middle"/></style:style>',
        '<style:style style:name="CellOpen" style:family="table-cell"><style:table-cell-properties '
        f'fo:border-left="{cell_border}" fo:border-right="{cell_border}" fo:border-top="{cell_border}" '
        'fo:border-bottom="none" fo:padding-left="2pt" fo:padding-right="2pt" fo:padding-top="1.5pt" '
        'fo:padding-bottom="1.5pt" style:vertical-align="middle"/></style:style>',
        '<style:style style:name="RowKeep" style:family="table-row"><style:table-row-properties '
        'fo:keep-together="always"/></style:style>',
        '<style:style style:name="RowCut" style:family="table-row"><style:table-row-properties '
        'fo:keep-together="auto"/></style:style>',
        *f.styles.values(),
    ]
    styles = (
        f'<style:default-style style:family="paragraph"><style:paragraph-properties '
        f'style:line-break="strict" style:writing-mode="lr-tb"/>'
        f'<style:text-properties style:font-name="{body_fam}" style:font-name-asian="{body_fam}" '
        f'style:font-name-complex="{body_fam}" fo:font-size="12pt" style:font-size-asian="12pt" '
        f'fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/>'
        f'</style:default-style>'
        f'<style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties '
        f'fo:text-align="center"/><style:text-properties fo:font-size="{footer_size}pt" '
        f'style:font-size-asian="{footer_size}pt"/></style:style>'
    )
    masters = (f'<style:master-page style:name="Standard" style:page-layout-name="PMPortrait"/>'
               f'<style:master-page style:name="Body" style:page-layout-name="PMPortrait">{footer}</style:master-page>'
               f'<style:master-page style:name="Land" style:page-layout-name="PMLandscape">{footer}'
               f'</style:master-page>')
    front = layout.with_cover or layout.with_toc
    if not front:
        masters = masters.replace('style:name="Standard" style:page-layout-name="PMPortrait"/>',
                                  f'style:name="Standard" style:page-layout-name="PMPortrait">{footer}'
                                  f'</style:master-page>')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<office:document {NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">'
            f'<office:font-face-decls>{face_decls}</office:font-face-decls>'
            f'<office:styles>{styles}</office:styles>'
            f'<office:automatic-styles>{"".join(auto)}</office:automatic-styles>'
            f'<office:master-styles>{masters}</office:master-styles>'
            f'<office:body><office:text>{"".join(f.body)}</office:text></office:body></office:document>\n')


# ============================================================================================ convert


def convert(fodt: str, pdf_path: Path) -> None:
    """Run LibreOffice headless on the XML with a throw-away profile; pin the PDF's date and ID."""
    exe = soffice_path()
    if exe is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory(prefix="lo-sample-") as tmp:
        src = Path(tmp) / (pdf_path.stem + ".fodt")
        src.write_text(fodt, encoding="utf-8")
        env = dict(os.environ, SAL_USE_VCLPLUGIN="svp", TZ="UTC")
        proc = subprocess.run([exe, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--norestore",
                               "--convert-to", "pdf", "--outdir", tmp, str(src)],
                              capture_output=True, text=True, timeout=300, env=env)
        out = Path(tmp) / (pdf_path.stem + ".pdf")
        if not out.exists():
            raise RuntimeError(f"soffice failed: {proc.stdout}{proc.stderr}")
        pdf_path.write_bytes(pin_pdf(out.read_bytes()))


def pin_pdf(data: bytes) -> bytes:
    """Replace /CreationDate, the /ID pair and /DocChecksum with fixed values of the same length, so xref
    offsets stay valid and the same model gives the same bytes."""
    data = re.sub(rb"/CreationDate\(D:\d{14}", b"/CreationDate(D:20240101000000", data)
    ids = re.compile(rb"(/ID\s*\[\s*<)[0-9A-Fa-f]{32}(>\s*<)[0-9A-Fa-f]{32}(>)")
    checksum = re.compile(rb"(/DocChecksum\s*/)[0-9A-Fa-f]{32}")
    digest = hashlib.md5(checksum.sub(rb"\1", ids.sub(rb"\1\2\3", data))).hexdigest().upper().encode()
    data = ids.sub(lambda m: m.group(1) + digest + m.group(2) + digest + m.group(3), data)
    return checksum.sub(lambda m: m.group(1) + digest, data)


# ============================================================================================ measure


@dataclass
class _Part:
    """A cluster of ruling on one page: one page piece of a ruled table."""

    page: int
    bbox: tuple[float, float, float, float]
    ys: list[float]  # row boundaries, top to bottom
    xs: list[float]  # column boundaries, left to right


def _merge(vals: list[float], tol: float = 1.2) -> list[float]:
    out: list[list[float]] = []
    for v in sorted(vals):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [round(sum(g) / len(g), 2) for g in out]


def _page_parts(page, page_no: int) -> list[_Part]:
    """Ruling lines and thin rectangles of a page, grouped into connected tables."""
    hs, vs = [], []
    for o in list(page.lines) + list(page.rects):
        x0, x1, top, bottom = o["x0"], o["x1"], o["top"], o["bottom"]
        if bottom - top <= 2.0 and x1 - x0 > 2.0:
            hs.append((x0, x1, (top + bottom) / 2))
        elif x1 - x0 <= 2.0 and bottom - top > 2.0:
            vs.append(((x0 + x1) / 2, top, bottom))
    segs = [("h", s) for s in hs] + [("v", s) for s in vs]
    parent = list(range(len(segs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def box(kind, s):
        return (s[0], s[2], s[1], s[2]) if kind == "h" else (s[0], s[1], s[0], s[2])

    boxes = [box(k, s) for k, s in segs]
    tol = 2.0
    for i in range(len(segs)):
        a = boxes[i]
        for j in range(i + 1, len(segs)):
            b = boxes[j]
            if a[0] - tol <= b[2] and b[0] - tol <= a[2] and a[1] - tol <= b[3] and b[1] - tol <= a[3]:
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(segs)):
        groups.setdefault(find(i), []).append(i)
    parts = []
    for idx in groups.values():
        gh = [segs[i][1] for i in idx if segs[i][0] == "h"]
        gv = [segs[i][1] for i in idx if segs[i][0] == "v"]
        if len(gh) < 2 or len(gv) < 2:
            continue
        # the outer rules' centre lines (LibreOffice draws each rule half a line width past the crossing one)
        x0, x1 = min(s[0] for s in gv), max(s[0] for s in gv)
        top, bottom = min(s[2] for s in gh), max(s[2] for s in gh)
        parts.append(_Part(page_no, (x0, top, x1, bottom), _merge([s[2] for s in gh]), _merge([s[0] for s in gv])))
    parts.sort(key=lambda p: p.bbox[1])
    return parts


def _nows(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _cell_lines(chars: list[dict]) -> list[str]:
    """Characters of one cell piece as printed lines (grouped by baseline, left to right)."""
    lines: list[list[dict]] = []
    for ch in sorted(chars, key=lambda c: (round(c["bottom"], 0), c["x0"])):
        if lines and abs(lines[-1][0]["bottom"] - ch["bottom"]) < 2.0:
            lines[-1].append(ch)
        else:
            lines.append([ch])
    return ["".join(c["text"] for c in sorted(ln, key=lambda c: c["x0"])) for ln in lines]


@dataclass
class _Band:
    page: int
    top: float
    bottom: float


def _check_wrap(text: str, lines: list[str], where: str) -> None:
    """A wrap (line end inside the cell) must not fall next to a real space of the model string."""
    flat = text.replace("\n", "")
    pos = 0
    idx = []  # positions in flat of non-space characters
    for i, ch in enumerate(flat):
        if not ch.isspace():
            idx.append(i)
    for ln in lines[:-1]:
        pos += len(_nows(ln))
        if 0 < pos < len(idx):
            i = idx[pos - 1]
            if i + 1 < len(flat) and flat[i + 1] == " ":
                raise MeasureError(f"{where}: a wrap falls next to a space in {text!r}")


def _verify(t: LogicalTable, xs: list[float], rows: list[list[_Band]], header_bands: list[tuple[int, _Band]],
            chars_by_page: dict[int, list[dict]], parts: list[_Part]) -> None:
    """Every cell string printed inside its box; every character inside the table's rules in some cell."""
    used: set[int] = set()

    def chars_in(band: _Band, c0: int, c1: int) -> list[dict]:
        out = []
        for ch in chars_by_page[band.page]:
            cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
            if xs[c0] < cx < xs[c1] and band.top < cy < band.bottom:
                out.append(ch)
                used.add(id(ch))
        return out

    def check(cell: Cell, bands: list[_Band], c: int, where: str) -> None:
        lines: list[str] = []
        for page in sorted({b.page for b in bands}):
            pb = [b for b in bands if b.page == page]
            band = _Band(page, min(b.top for b in pb), max(b.bottom for b in pb))
            lines += _cell_lines(chars_in(band, c, c + cell.colspan))
        got = _nows("".join(lines))
        if got != _nows(cell.text):
            raise MeasureError(f"{where}: printed {got!r}, model {cell.text!r}")
        if " " in cell.text:
            _check_wrap(cell.text, lines, where)

    for r, row in enumerate(t.rows):
        for c, cell in enumerate(row):
            if cell is None:
                continue
            bands = [b for rr in range(r, r + cell.rowspan) for b in rows[rr]]
            check(cell, bands, c, f"{t.key} row {r} col {c}")
    for r, band in header_bands:
        for c, cell in enumerate(t.rows[r]):
            if cell is not None:
                check(cell, [band], c, f"{t.key} repeated header row {r} on page {band.page}")
    for p in parts:
        x0, top, x1, bottom = p.bbox
        for ch in chars_by_page[p.page]:
            cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
            if x0 < cx < x1 and top < cy < bottom and id(ch) not in used and not ch["text"].isspace():
                raise MeasureError(f"{t.key}: {ch['text']!r} on page {p.page} is in no cell")


def _assign(t: LogicalTable, parts: list[_Part], cut: tuple[bool, ...]) -> tuple[list[list[_Band]], list]:
    """Map the logical rows onto the row bands of the parts. cut[j]: part j+1 starts with the rest of the
    row cut by the page break (a row printed in two pieces)."""
    rows: list[list[_Band]] = [[] for _ in range(t.n_rows)]
    headers: list[tuple[int, _Band]] = []
    r = 0
    for j, p in enumerate(parts):
        bands = [_Band(p.page, a, b) for a, b in zip(p.ys, p.ys[1:])]
        k = 0
        if j:
            for rr in t.repeat_rows:
                if k >= len(bands):
                    raise MeasureError(f"{t.key}: page {p.page} lacks the repeated header")
                headers.append((rr, bands[k]))
                k += 1
            if cut[j - 1]:
                rows[r - 1].append(bands[k])
                k += 1
        for b in bands[k:]:
            if r >= t.n_rows:
                raise MeasureError(f"{t.key}: more row bands than rows")
            rows[r].append(b)
            r += 1
    if r != t.n_rows:
        raise MeasureError(f"{t.key}: {r} of {t.n_rows} rows found")
    return rows, headers


def measure(pdf_path: Path, doc: Document, layout: Layout) -> Placement:
    """Page breaks and table boxes of the rendered PDF, each cell checked against the model."""
    import itertools

    import pdfplumber

    tables = all_tables(doc, layout)
    with pdfplumber.open(pdf_path) as pdf:
        n_pages = len(pdf.pages)
        all_parts: list[_Part] = []
        chars_by_page: dict[int, list[dict]] = {}
        texts: dict[int, str] = {}
        for page in pdf.pages:
            all_parts += _page_parts(page, page.page_number)
            chars_by_page[page.page_number] = page.chars
            texts[page.page_number] = _nows(page.extract_text() or "")
    placements: dict[str, TablePlacement] = {}
    i = 0
    for t in tables:
        if i >= len(all_parts):
            raise MeasureError(f"{t.key}: no ruled table left in the PDF")
        # a table's parts: consecutive clusters, each later one at the top of the next page
        best, last_err = None, None
        for n in (1, 2, 3, 4, 5):
            parts = all_parts[i:i + n]
            if len(parts) < n or any(b.page != a.page + 1 for a, b in zip(parts, parts[1:])):
                break
            xs = _merge([x for p in parts for x in p.xs])
            if len(xs) != t.n_cols + 1:
                continue
            for cut in itertools.product((False, True), repeat=n - 1):
                if any(cut) and not layout.cut_rows.get(t.key, False):
                    continue
                try:
                    rows, headers = _assign(t, parts, cut)
                    _verify(t, xs, rows, headers, chars_by_page, parts)
                except MeasureError as e:
                    last_err = e
                    continue
                best = (n, rows, parts)
                break
            if best:
                break
        if best is None:
            raise MeasureError(f"{t.key}: no reading of the ruling matches the model "
                               f"(last: {last_err})")
        n, rows, parts = best
        i += n
        placements[t.key] = TablePlacement(parts=[(p.page, p.bbox) for p in parts],
                                           row_pages=[rs[0].page for rs in rows])
    if i != len(all_parts):
        raise MeasureError(f"{len(all_parts) - i} ruled tables in the PDF that the model does not have")
    heading_pages = _heading_pages(doc, texts, placements, first_body_page(doc, layout))
    return Placement(n_pages=n_pages, tables=placements, heading_pages=heading_pages)


def _heading_pages(doc: Document, texts: dict[int, str], placements: dict[str, TablePlacement],
                   start: int) -> dict[str, int]:
    """Page of each TOC target after the front pages: the first page from the previous heading on that prints
    it (a project heading must be on its table's first page or the page before)."""
    out: dict[str, int] = {}
    for key in [e.key for e in toc_entries(doc)]:
        needle = _nows(heading_text(key, doc))
        found = next((pg for pg in range(start, max(texts) + 1) if needle in texts[pg]), None)
        if found is None:
            raise MeasureError(f"heading {heading_text(key, doc)!r} not printed after page {start}")
        if key.startswith("project:") and found not in (placements[key].parts[0][0] - 1,
                                                         placements[key].parts[0][0]):
            raise MeasureError(f"heading {heading_text(key, doc)!r} on page {found}, its table elsewhere")
        out[key] = start = found
    return out


# ============================================================================================= render


def first_body_page(doc: Document, layout: Layout) -> int:
    """Physical page printed as "1": the page after the cover and the TOC."""
    return 1 + int(layout.with_cover) + int(layout.with_toc)


def render(doc: Document, layout: Layout, pdf_path: Path) -> Placement:
    """Draw `doc` with LibreOffice into pdf_path and return where things landed (checked against the model)."""
    pdf_path = Path(pdf_path)
    toc_pages: dict[str, int] | None = None
    placement = None
    for _ in range(3):
        convert(build_fodt(doc, layout, toc_pages), pdf_path)
        placement = measure(pdf_path, doc, layout)
        if not layout.with_toc:
            break
        offset = first_body_page(doc, layout) - 1
        want = {k: v - offset for k, v in placement.heading_pages.items()}
        if want == toc_pages:
            break
        toc_pages = want
    else:
        raise MeasureError("table of contents page numbers do not settle")
    return placement


def build(name: str) -> tuple[bytes, dict]:
    """One LibreOffice sample of lo_samples.SAMPLES: (PDF bytes, expected contract JSON from the model)."""
    from .lo_samples import SAMPLES

    make_doc, make_layout = SAMPLES[name]
    doc, layout = make_doc(), make_layout()
    with tempfile.TemporaryDirectory(prefix="lo-build-") as tmp:
        pdf_path = Path(tmp) / f"{name}.pdf"
        placement = render(doc, layout, pdf_path)
        pdf = pdf_path.read_bytes()
    return pdf, expected_json(doc, layout, placement, pdf, f"{name}.pdf")
