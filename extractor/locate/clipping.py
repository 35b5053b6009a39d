"""Clip paths: a glyph drawn outside the current clip is not on the page a reader sees.

Some exporters (Beijing's 预算表12 lists) cut a table row at the page break and print the whole text of
each cut cell on both pages, each page showing only its own part through a clip rectangle; a cell that
overflows is clipped the same way. Read without the clip, the hidden text lands in the next row or in the
repeated header (p.79 `制，助推当地经济社会可` in the 三级指标 of the row below; p.42's project name under
p.43's header).

`ClipState` is the clip as the PDF graphics state holds it, kept as the bounding box of the clip path in
device space (a rectangle for every clip seen in the corpus; for another shape the box is larger than the
region, so a visible glyph is never dropped). It knows nothing of pdfminer: a reader built on another
interpreter (playa: playa_objects) calls `save`/`restore` on q/Q, `clip` (or `clip_box`) on W/W*,
`painted` when a path ends, and `visible` for each glyph. `ClippingInterpreter` binds it to pdfminer's interpreter; `clipped_layout`
builds pdfplumber's page layout with it, every LTChar then carrying the clip it was drawn under.
"""

from __future__ import annotations

import pdfplumber
from pdfminer.layout import LTChar, LTPage
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.utils import Matrix, apply_matrix_pt, mult_matrix

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in device space (PDF points, y up)

# A glyph's centre may stand this far (points) outside its clip and still count as shown: the clip
# rectangles sit on the cell's inner edge and a glyph on the last visible line reaches to it.
CLIP_SLACK = 0.0


def path_box(path: list[tuple], ctm: Matrix) -> Box | None:
    """The device-space bounding box of a path (pdfminer's segments: op letter, then coordinate pairs)."""
    xs: list[float] = []
    ys: list[float] = []
    for seg in path:
        nums = seg[1:]
        for i in range(0, len(nums) - 1, 2):
            x, y = nums[i], nums[i + 1]
            if not isinstance(x, (int, float)) or not isinstance(y, (int, float)):
                continue
            x, y = apply_matrix_pt(ctm, (x, y))
            xs.append(x)
            ys.append(y)
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


def intersect(a: Box | None, b: Box | None) -> Box | None:
    """The common part of two clips (None is no clip at all); an empty common part is a zero-area box."""
    if a is None:
        return b
    if b is None:
        return a
    x0, y0, x1, y1 = max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])
    return x0, y0, max(x0, x1), max(y0, y1)


def centre_inside(clip: Box | None, x0: float, y0: float, x1: float, y1: float,
                  slack: float = CLIP_SLACK) -> bool:
    """Is the centre of the box (x0, y0, x1, y1) inside the clip? The page box test uses centres too."""
    if clip is None:
        return True
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return clip[0] - slack <= cx <= clip[2] + slack and clip[1] - slack <= cy <= clip[3] + slack


class ClipState:
    """The current clip through q/Q, W/W* and the path-ending operators (PDF 32000 §8.5.4: W marks the
    current path as the new clip, which takes effect when the path is ended by a painting operator or n)."""

    def __init__(self, clip: Box | None = None):
        self.current: Box | None = clip
        self._pending: Box | None = None
        self._has_pending = False
        self._stack: list[Box | None] = []

    def save(self) -> None:
        self._stack.append(self.current)

    def restore(self) -> None:
        if self._stack:
            self.current = self._stack.pop()

    def clip(self, path: list[tuple], ctm: Matrix) -> None:
        self.clip_box(path_box(path, ctm))

    def clip_box(self, box: Box | None) -> None:
        """W with a path whose device-space bounding box is `box` (None: an empty path)."""
        if box is not None:  # W on an empty path clips nothing away (readers ignore it)
            self._pending, self._has_pending = box, True

    def painted(self) -> None:
        if self._has_pending:
            self.current = intersect(self.current, self._pending)
            self._pending, self._has_pending = None, False

    def visible(self, x0: float, y0: float, x1: float, y1: float) -> bool:
        return centre_inside(self.current, x0, y0, x1, y1)


_PATH_ENDS = ("do_n", "do_S", "do_f", "do_F", "do_f_a", "do_B", "do_B_a")  # s, b, b* go through S and B


class ClippingInterpreter(PDFPageInterpreter):
    """pdfminer's interpreter keeping the clip: each LTChar it draws gets `clip` (its device-space clip box,
    None when unclipped). A form XObject starts from its caller's clip, cut to its BBox."""

    _inherited: Box | None = None

    def init_state(self, ctm: Matrix) -> None:
        super().init_state(ctm)
        self.clipping = ClipState(self._inherited)

    def subinterp(self) -> PDFPageInterpreter:
        interp = super().subinterp()
        interp._inherited = self.clipping.current
        return interp

    def do_Do(self, xobjid_arg) -> None:
        from pdfminer.pdftypes import list_value, stream_value
        from pdfminer.psparser import literal_name

        saved = self.clipping.current
        try:
            xobj = stream_value(self.xobjmap[literal_name(xobjid_arg)])
            bbox = list_value(xobj["BBox"]) if "BBox" in xobj else None
            matrix = list_value(xobj.get("Matrix", (1, 0, 0, 1, 0, 0)))
            if bbox is not None and len(bbox) == 4:
                x0, y0, x1, y1 = (float(v) for v in bbox)
                corners = [("m", x0, y0), ("l", x1, y0), ("l", x1, y1), ("l", x0, y1)]
                self.clipping.current = intersect(saved, path_box(corners, mult_matrix(matrix, self.ctm)))
        except Exception:  # noqa: BLE001 - pdfminer itself reports (or skips) a broken XObject below
            pass
        try:
            super().do_Do(xobjid_arg)
        finally:
            self.clipping.current = saved

    def do_q(self) -> None:
        super().do_q()
        self.clipping.save()

    def do_Q(self) -> None:
        super().do_Q()
        self.clipping.restore()

    def do_W(self) -> None:
        self.clipping.clip(self.curpath, self.ctm)

    def do_W_a(self) -> None:
        self.clipping.clip(self.curpath, self.ctm)

    def do_TJ(self, seq) -> None:
        objs = self.device.cur_item._objs
        n = len(objs)
        super().do_TJ(seq)
        clip = self.clipping.current
        if clip is not None:
            for obj in objs[n:]:
                if type(obj) is LTChar:
                    obj.clip = clip


def _ended(name: str):
    base = getattr(PDFPageInterpreter, name)

    def op(self) -> None:
        base(self)
        self.clipping.painted()

    op.__name__ = name
    return op


for _name in _PATH_ENDS:
    setattr(ClippingInterpreter, _name, _ended(_name))


def char_visible(obj: LTChar) -> bool:
    """Is the glyph inside the clip it was drawn under (always, for a layout not made by clipped_layout)?"""
    return centre_inside(getattr(obj, "clip", None), obj.x0, obj.y0, obj.x1, obj.y1)


def clipped_layout(page: pdfplumber.page.Page) -> LTPage:
    """pdfplumber's `page.layout`, built by the clipping interpreter (same device, same errors), and cached
    on the page as pdfplumber caches its own, so page.chars and the table finder reuse it."""
    if hasattr(page, "_layout"):
        return page._layout
    from pdfplumber.page import PDFPageAggregatorWithMarkedContent
    from pdfplumber.utils.exceptions import PdfminerException

    device = PDFPageAggregatorWithMarkedContent(page.pdf.rsrcmgr, pageno=page.page_number,
                                                laparams=page.pdf.laparams)
    interpreter = ClippingInterpreter(page.pdf.rsrcmgr, device)
    try:
        interpreter.process_page(page.page_obj)
    except Exception as e:
        raise PdfminerException(e)
    page._layout = device.get_result()
    return page._layout
