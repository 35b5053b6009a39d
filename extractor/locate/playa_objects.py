"""A page's objects read with playa-pdf, as pdfminer (through pdfplumber) would give them.

playa parses content streams in about half pdfminer's time (it is compiled with mypyc) and walks the
same interpreter model: text objects yield glyphs with their rendering matrix, paths their segments,
form XObjects their children. Three things differ from pdfminer, and are put back here so that every
character, line and rect is the one `objects.read_objects` gives:

* a character's box. playa's own (and playa.miner's) uses the font's Descent with playa's defaults: -120
  when the descriptor has none, and the FontBBox when Ascent = Descent = 0 (the LibreOffice PDFs), where
  pdfminer keeps 0. The box here is pdfminer's: (0, descent + rise) to (advance, descent + rise + size) in
  text space, through the glyph's matrix, with pdfminer's descent (font descriptor, 0 when missing).
* a simple font's width for a code it lists no width for: pdfminer 0 (MissingWidth absent), playa 1000.
  That moves every later glyph; the font is given pdfminer's value before its glyphs are laid out.
* character spacing (Tc): playa adds it after every glyph, as the PDF spec says; pdfminer before every
  glyph but an operator's first item (render_string_horizontal), so a Tj's last glyph has none and a TJ
  opening with a number gets one before its first glyph. Later glyphs on the same line move by that much
  (Fuzhou healthcare p. 6, 2.35 pt); the shift is put back (`dx`, `lead`).
* a path ended with `n` (a clip) is no object for pdfminer; playa yields it, unpainted: skipped.
* the clip path: playa 1.1's W is a no-op. The clip is kept here with locate.clipping's ClipState, through
  the interpreter's own dispatch table (q, Q, W, W* and the path-ending operators wrapped: `_keep_clip`),
  so a glyph its clip hides goes to `hidden` as on the pdfminer path.
* a form XObject: pdfminer draws it only when it has a BBox, clipped to that box (through the form's Matrix
  and the caller's CTM, cut to the caller's clip), and interprets it from a fresh graphics and text state
  (its render_contents calls init_state), where playa carries the caller's state in. The form is
  interpreted here pdfminer's way.
* a glyph of a font declaring a descent deeper than half an em is boxed from its baseline
  (locate.glyph_box), as objects.read_objects does.

Coordinates: playa's "page" space is pdfminer's (origin at the media box's lower left); pdfplumber's
top-down geometry is then computed with the same formulas as objects.read_objects.
"""

from __future__ import annotations

from dataclasses import fields

from playa.content import GraphicState, ImageObject, PathObject, TextObject, XObjectObject
from playa.font import SimpleFont, Type3Font
from playa.interp import LazyInterpreter, TextState
from playa.miner import LTCurve, LTLine, LTRect, process_path
from playa.parser import KWD
from playa.pdftypes import num_value, resolve1
from playa.utils import mult_matrix, translate_matrix

from extractor.locate.clipping import Box, ClipState, centre_inside, intersect, path_box
from extractor.locate.glyph_box import DEEPEST_DESCENT, baseline_box
from extractor.locate.objects import PageObjects, curve_lines
from extractor.locate.reader import NotCovered
from extractor.model import Char

_Q, _UNQ, _W, _W_EVENODD = KWD(b"q"), KWD(b"Q"), KWD(b"W"), KWD(b"W*")
# the operators that end a path, where a pending clip (W) takes effect (pdfminer: ClippingInterpreter._PATH_ENDS,
# with s, b, b* reaching them through S and B)
_PATH_ENDS = tuple(KWD(op) for op in (b"n", b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"))


def _segments_box(curpath, ctm) -> Box | None:
    """The device-space bounding box of playa's current path (PathSegments), as clipping.path_box gives it
    for pdfminer's (every point of every segment, control points too, through the CTM)."""
    a, b, c, d, e, f = ctm
    xs: list[float] = []
    ys: list[float] = []
    for seg in curpath:
        for x, y in seg.points:
            xs.append(a * x + c * y + e)
            ys.append(b * x + d * y + f)
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


# playa's `q` copies the graphics and text states with copy.copy (~2 us each, through __reduce_ex__); a
# Chinese budget page saves the state around almost every glyph (230,000 times over the corpus). The same
# shallow copies are made directly where the two state classes are what playa 1.1 declares: GraphicState
# a dataclass with a __dict__, TextState (compiled) a dataclass of line_matrix and glyph_offset.
_QUICK_SAVE = (not hasattr(GraphicState, "__slots__") and not hasattr(GraphicState, "__copy__")
               and [f.name for f in fields(TextState)] == ["line_matrix", "glyph_offset"])


def _copy_graphics(state: GraphicState) -> GraphicState:
    copied = object.__new__(type(state))
    copied.__dict__.update(state.__dict__)
    return copied


def _copy_text(state: TextState) -> TextState:
    return TextState(state.line_matrix, state.glyph_offset)


def _keep_clip(interp: LazyInterpreter, clip: ClipState) -> None:
    """Make `interp` keep `clip`: its dispatch table's q, Q, W, W* and path-ending entries wrapped (the table
    is a plain dict of bound methods; the compiled methods themselves are untouched)."""
    table = interp._dispatch
    save, restore = table[_Q][0], table[_UNQ][0]
    if _QUICK_SAVE:
        def save():  # playa's do_q, with quicker copies of the two states (_QUICK_SAVE)
            interp.gstack.append((interp.ctm, _copy_graphics(interp.graphicstate), _copy_text(interp.textstate)))

    def do_q():
        save()
        clip.save()

    def do_Q():
        restore()
        clip.restore()

    def do_W():
        clip.clip_box(_segments_box(interp.curpath, interp.ctm))

    table[_Q] = (do_q, 0)
    table[_UNQ] = (do_Q, 0)
    table[_W] = table[_W_EVENODD] = (do_W, 0)
    for op in _PATH_ENDS:
        table[op] = (_ended(table[op][0], clip), 0)


def _ended(base, clip: ClipState):
    def op():
        got = base()
        clip.painted()
        return got

    return op


def _form_interpreter(ppage, form: XObjectObject, caller: LazyInterpreter, clip: Box | None,
                      running: set) -> tuple[LazyInterpreter, ClipState] | None:
    """The interpreter of a form XObject as pdfminer runs it (fresh graphics state, clipped to the BBox; no
    Resources of its own, or empty ones: the caller's, where playa takes the page's), or None where pdfminer
    draws nothing: no BBox, or a stream already being run (`running`: the object ids of the page's streams
    and of the forms drawing this one; pdfminer refuses a circular reference)."""
    stream = form.stream
    if "BBox" not in stream or stream.objid is None or stream.objid in running:
        return None
    try:
        bbox = [num_value(resolve1(v)) for v in resolve1(stream["BBox"])]
    except Exception:  # noqa: BLE001 - pdfminer's clip is skipped the same way (ClippingInterpreter.do_Do)
        bbox = []
    if len(bbox) == 4:
        x0, y0, x1, y1 = bbox
        corners = [("m", x0, y0), ("l", x1, y0), ("l", x1, y1), ("l", x0, y1)]
        clip = intersect(clip, path_box(corners, form.ctm))
    interp = LazyInterpreter(ppage, [stream], form.resources or caller.resources, ctm=form.ctm,
                             parent_key=form._parentkey)
    state = ClipState(clip)
    _keep_clip(interp, state)
    return interp, state


def _vertical_box(font, cid: int, scaling: float) -> tuple[float, float, float, float]:
    """pdfminer's box of a vertical-writing glyph (LTChar: x from -vx to -vx + size, y from (1000 - vy) / 1000
    em plus the advance to (1000 - vy) / 1000 em, vx half an em unless W2 gives one, the advance being the
    vertical displacement times the horizontal scaling), in the units of playa's glyph matrix (text space
    per unit of size and scaling: the matrix carries both, and the rise)."""
    pos = font.positions.get(cid)
    vx = 0.5 if pos is None else pos[0] * 0.001
    vy = font.default_position[1] if pos is None else pos[1]
    top = (1000 - vy) * 0.001
    return (-vx / scaling, top + font.vdisps.get(cid, font.default_vdisp) * 0.001 * scaling,
            (1 - vx) / scaling, top)


def _pdfminer_descent(font) -> float:
    """The descent pdfminer gives the font (PDFFont.get_descent: text-space units per unit of size)."""
    if isinstance(font, Type3Font):  # pdfminer: FontBBox's bottom, scaled by the FontMatrix
        a, b, c, d, _e, _f = font.matrix
        return font.bbox[1] * (b + d)
    descriptor = font.descriptor or {}
    try:
        descent = num_value(resolve1(descriptor.get("Descent", 0)))
    except Exception:  # noqa: BLE001 - pdfminer's num_value gives 0 for a non-number too
        descent = 0
    if descent > 0:
        descent = -descent
    return descent * 0.001


# The longest string whose decoding _Fonts keeps (a CJK glyph is 2 bytes; longer strings seldom repeat).
_CACHED_BYTES = 8


class _Fonts:
    """Per font (by identity: playa keeps one font object per font of the document): pdfminer's descent,
    pdfminer's default width set once, and a decoding of the font's strings. `on_font(font)` (a test of
    the font alone) is called for a font until it has passed once, and may raise to refuse the page (the
    reader's fallback for font kinds it does not cover): a refused font is refused on every page that
    uses it."""

    def __init__(self, on_font=None) -> None:
        self._known: dict[int, tuple[object, float, object]] = {}
        self._on_font = on_font

    def of(self, font) -> tuple[float, object]:
        """(pdfminer's descent of `font`, its decoding: bytes -> its glyphs' (cid, text, displacement)).

        The displacement is playa's (hdisp, or vdisp in vertical writing). Strings of up to _CACHED_BYTES
        bytes are decoded once a document: CJK producers show one or two glyphs a text operator, the same
        few thousand strings over and over, and playa decodes each through three generators and a log
        call."""
        got = self._known.get(id(font))
        if got is not None and got[0] is font:  # (kept only once on_font passed it)
            return got[1], got[2]
        if self._on_font is not None:
            self._on_font(font)
        if isinstance(font, SimpleFont) and not isinstance(font, Type3Font) \
                and "MissingWidth" not in (font.descriptor or {}):
            font.default_width = 0  # pdfminer: PDFFont default_width = MissingWidth or 0
        cache: dict[bytes, tuple] = {}
        disp = font.vdisp if font.vertical else font.hdisp

        def decode(data: bytes) -> tuple:
            glyphs = cache.get(data)
            if glyphs is None:
                glyphs = tuple((cid, text, disp(cid)) for cid, text in font.decode(data))
                if len(data) <= _CACHED_BYTES:
                    cache[data] = glyphs
            return glyphs

        descent = _pdfminer_descent(font)
        self._known[id(font)] = (font, descent, decode)
        return descent, decode


def read_playa_objects(ppage, height: float, mb_x0: float, mb_top: float, norm: str | None = None,
                       fonts: _Fonts | None = None, fontnames: list[str] | None = None) -> PageObjects:
    """Characters, ruling candidates, image boxes and the number of curves of the playa page `ppage`
    (opened with space="page"), in pdfplumber's geometry for a page of `height` and media box origin
    (`mb_x0`, `mb_top`). `fontnames`, when given, receives each character's font name (for the identity
    test: Char does not carry it)."""
    out = PageObjects()
    chars = out.chars
    new_char = tuple.__new__  # Char(...) without NamedTuple's Python-level __new__: one call less a glyph
    fonts = fonts or _Fonts()
    if norm is not None:
        from pdfplumber.utils.text import normalize_unicode

    def box(x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        if mb_x0 != 0:
            x0, x1 = x0 + mb_x0, x1 + mb_x0
        return x0, (height - y1) + mb_top, x1, (height - y0) + mb_top

    def text(obj: TextObject, carry: list, clip: ClipState) -> None:
        """The glyphs of one text-showing operator. `carry` = [previous operator, its end offset, dx]:
        dx is pdfminer's offset from playa's along the line, in text space (character spacing, above).

        The glyphs are laid out here as playa 1.1's TextObject.__iter__ lays them out (the same operations
        in the same order: each glyph's rendering matrix T_rm = [size*scaling 0 0 size 0 rise] x Tm x
        CTM, the offset moved by its displacement, Tc and Tw), without a GlyphObject and a generator step
        for each: a CJK producer's operator shows one glyph, and those made a third of the read's time.
        The object's next glyph offset is left as __iter__ leaves it (the interpreter reads it)."""
        gstate = obj.gstate
        font = gstate.font
        if font is None:
            return
        descent, decode = fonts.of(font)
        top_y = descent + 1.0
        vertical = font.vertical
        scaling = gstate.scaling * 0.01
        prev, prev_end, dx = carry
        if prev is None or obj.line_matrix != prev.line_matrix or obj._glyph_offset != prev_end:
            dx = 0.0  # a new line (Td, Tm, T*, BT): both readers start from its origin
        cs = gstate.charspace * scaling
        args = obj.args
        lead = cs if cs and args and not isinstance(args[0], bytes) else 0.0
        shift = dx + lead
        tlm_ctm = mult_matrix(obj.line_matrix, obj.ctm)
        if shift:
            sx, sy = shift * tlm_ctm[0], shift * tlm_ctm[1]
        rise = gstate.rise
        # glyph_box re-boxes a glyph whose box starts over half an em below its baseline: only possible with
        # such a declared descent, a text rise below the baseline, or vertical writing (pdfminer's vertical box
        # spans (1000 - vy) / 1000 em above the origin down to an em below that: 0.88 em below it by default)
        deep = descent < -DEEPEST_DESCENT or rise < 0 or vertical
        if vertical and (cs or scaling != 1.0):
            # pdfminer scales a vertical glyph's advance and TJ offsets by Tz and adds Tc as across a line;
            # playa does neither: not shown identical (the corpus's vertical text has neither)
            raise NotCovered("vertical writing with character spacing or horizontal scaling")
        if deep:
            # pdfminer's LTChar.matrix: the line matrix x CTM moved to the glyph's origin, without size and rise
            ta, tb_, tc, td = tlm_ctm[0], tlm_ctm[1], tlm_ctm[2], tlm_ctm[3]
        limits = clip.current
        # playa's layout state (TextObject.__iter__)
        fontsize = gstate.fontsize
        if fontsize == 0.0:
            scaled_charspace = scaled_wordspace = 0.0
        else:
            scaled_charspace = gstate.charspace / fontsize
            scaled_wordspace = gstate.wordspace / fontsize
        if font.multibyte:
            scaled_wordspace = 0
        scaling_matrix = (fontsize * scaling, 0, 0, fontsize, 0, rise)
        gx, gy = obj._glyph_offset
        pos = gy if vertical else gx
        n = 0
        for item in args:
            if isinstance(item, (int, float)):
                if vertical:
                    pos -= item * 0.001 * fontsize
                else:
                    pos -= item * 0.001 * fontsize * scaling
                continue
            for cid, t, disp in decode(item):
                n += 1
                a, b, c, d, e, f = mult_matrix(scaling_matrix,
                                               translate_matrix(tlm_ctm, (gx, pos) if vertical else (pos, gy)))
                if shift:
                    e, f = e + sx, f + sy
                if not vertical and b == 0 and c == 0:  # upright or mirrored text: two corners decide
                    w = a * disp + e
                    x0, x1 = (e, w) if w >= e else (w, e)
                    lo, hi = d * descent + f, d * top_y + f
                    y0, y1 = (lo, hi) if hi >= lo else (hi, lo)
                else:  # pdfminer's apply_matrix_rect: the four corners, min and max
                    if vertical:
                        tb = _vertical_box(font, cid, scaling)
                    else:
                        tb = (0.0, descent, disp, top_y)
                    xs = [a * x + c * y + e for x in (tb[0], tb[2]) for y in (tb[1], tb[3])]
                    ys = [b * x + d * y + f for x in (tb[0], tb[2]) for y in (tb[1], tb[3])]
                    x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
                if t is None:
                    t = "(cid:%d)" % cid
                elif norm is not None:
                    t = normalize_unicode(norm, t)
                size = (x1 - x0) if vertical else (y1 - y0)
                upright = a * d * scaling > 0 and b * c <= 0
                shown = limits is None or centre_inside(limits, x0, y0, x1, y1)
                if deep:
                    reboxed = baseline_box((ta, tb_, tc, td, e, f - rise * td), y0, y1)
                    if reboxed is not None:
                        y0, y1 = reboxed
                if mb_x0 != 0:
                    x0, x1 = x0 + mb_x0, x1 + mb_x0
                top, bottom = (height - y1) + mb_top, (height - y0) + mb_top
                ch = new_char(Char, (t, x0, top, x1, bottom, size or (bottom - top), upright))
                if shown:
                    chars.append(ch)
                    if fontnames is not None:
                        fontnames.append(font.fontname)
                else:
                    out.hidden.append((ch, box(*limits)))
                # playa's advance: the displacement with Tc, and Tw after a space (code 32)
                disp += scaled_charspace
                if cid == 32:
                    disp += scaled_wordspace
                if vertical:
                    pos += disp * fontsize
                else:
                    pos += disp * fontsize * scaling
        if obj._next_glyph_offset is None:
            obj._next_glyph_offset = (gx, pos) if vertical else (pos, gy)
        if n and cs and not lead:
            dx -= cs  # pdfminer adds no character spacing after the operator's last glyph
        carry[:] = [obj, obj._next_glyph_offset, dx]

    def path(obj: PathObject) -> None:
        if not (obj.stroke or obj.fill):
            return
        for item in process_path(obj):
            kind = type(item)
            if kind is LTLine:
                x0, top, x1, bottom = box(*item.bbox)
                out.lines.append({"x0": x0, "top": top, "x1": x1, "bottom": bottom, "stroke": item.stroke})
            elif kind is LTRect:
                x0, top, x1, bottom = box(*item.bbox)
                out.rects.append({"x0": x0, "top": top, "x1": x1, "bottom": bottom, "stroke": item.stroke,
                                  "fill": item.fill})
            elif kind is LTCurve:
                out.n_curves += 1
                if item.stroke and item.original_path:
                    out.curve_lines += curve_lines(item.original_path, height, mb_x0, mb_top)

    def walk(interp: LazyInterpreter, clip: ClipState, running: set) -> None:
        carry: list = [None, None, 0.0]
        try:
            for obj in interp:
                if isinstance(obj, TextObject):
                    text(obj, carry, clip)
                elif isinstance(obj, PathObject):
                    path(obj)
                elif isinstance(obj, XObjectObject):
                    form = _form_interpreter(ppage, obj, interp, clip.current, running)
                    if form is not None:
                        walk(*form, running | {obj.stream.objid})
                elif isinstance(obj, ImageObject):
                    out.images.append(box(*obj.bbox))
        finally:
            interp._dispatch.clear()  # its wrapped entries hold the interpreter: no cycle left behind

    page_interp = ppage.interp()
    page_clip = ClipState()
    _keep_clip(page_interp, page_clip)
    walk(page_interp, page_clip, {stream.objid for stream in ppage.streams})
    return out
