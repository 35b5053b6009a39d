"""The page reader: what turns a page's content stream into the characters, lines, rects and curves locate
works on (objects.PageObjects). One interface, two implementations, chosen by `--reader`:

* "pdfminer" - pdfplumber's pdfminer layout, walked by objects.read_objects (the reference);
* "playa"    - playa-pdf (a camelot 2.0 dependency) reading the same objects in about half the time,
               with pdfminer's character boxes (playa_objects). tests/test_reader_identity.py and
               bench/reader_identity.py show it gives pdfminer's objects on every corpus and sample page;
* "auto"     - the default: playa, except for a read of fewer than AUTO_MIN_PAGES pages (pdfminer, which
               is imported anyway: pdfplumber opens every PDF).

The playa reader falls back to pdfminer, cheaply and silently, wherever identity is not shown: for the
whole document when playa cannot open it or finds another number of pages (a damaged file each repairs
its own way; pdfminer's error, if any, is then the one the user sees); for a page when playa's page is
another object than pdfminer's, when it uses a font kind the identity test does not show identical
(Type 3: none in the corpus), when a font claims widths for more CIDs than a font has (a hostile /W array),
or when playa fails. Clip paths, form XObjects, vertical writing and fonts with an impossible descent are
read by playa (playa_objects puts pdfminer's handling of each back).
Either way the PDF is opened by pdfplumber first (guard.open_pdf): the file's checks stay pdfplumber's.
A reader lists the pages it reads (`pages`): pdfplumber's, or where playa reads and the two page trees have
no reason to differ, playa's with pdfplumber's boxes (locate.playa_pages), so that pdfminer's page tree,
slow to read, is read only for a page left to it. Readers hold no page's objects between calls.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from extractor.locate.objects import PageObjects, read_objects

READERS = ("auto", "playa", "pdfminer")
DEFAULT_READER = "auto"
# "auto": playa, unless fewer pages than this are read. playa opens the file a second time (its own
# cross-reference and page tree: ~0.1 s of CPU on the 392-page book, before its first page), which a few
# pages do not win back (playa saves ~10-25 ms a page); the output is the same either way.
AUTO_MIN_PAGES = 4


class PageReader(Protocol):
    name: str

    @property
    def pages(self) -> Sequence:
        """Every page of the PDF, in order: pdfplumber Pages, or playa_pages.PageShells."""

    def read(self, page) -> PageObjects:
        """The objects of `page` (one of `pages`)."""

    def close(self) -> None: ...


class PdfminerReader:
    """pdfminer's layout of each page, through pdfplumber (the reference reader). `pages_of()`: the PDF's
    pdfplumber pages (read when first asked for)."""

    name = "pdfminer"

    def __init__(self, pages_of: Callable[[], Sequence] | None = None) -> None:
        self._pages_of = pages_of

    @property
    def pages(self) -> Sequence:
        return self._pages_of()

    def read(self, page) -> PageObjects:
        return read_objects(page)

    def close(self) -> None:
        pass


class NotCovered(Exception):
    """A page the playa reader leaves to pdfminer (a font kind, or a use of one, without an identity test)."""


class PlayaReader:
    """playa-pdf's reading of each page, with pdfminer's character boxes; pdfminer where not covered."""

    name = "playa"

    def __init__(self, doc, norm: str | None, pages: Sequence, pages_of: Callable[[], Sequence]) -> None:
        """`pages`: what `pages` lists (shells, or pdfplumber's pages); `pages_of()`: pdfplumber's pages."""
        from extractor.locate.playa_objects import _Fonts

        self._doc = doc
        self._norm = norm
        self._pages = pages
        self._fonts = _Fonts(on_font=_refuse_uncovered)
        self._fallback = PdfminerReader(pages_of)
        self._checked: set[int] = set()  # font dictionaries (object ids) whose /W was measured
        self.fallback_pages: list[int] = []  # pages read by pdfminer instead (for the identity script)

    @property
    def pages(self) -> Sequence:
        return self._pages

    def read(self, page, fontnames: list[str] | None = None) -> PageObjects:
        """`fontnames`: see playa_objects.read_playa_objects (not filled on a page left to pdfminer)."""
        from extractor.guard.streams import stdlib_zlib_bounded
        from extractor.locate.playa_objects import read_playa_objects

        try:
            ppage = getattr(page, "playa_page", None)
            if ppage is None:  # a pdfplumber page
                ppage = self._doc.pages[page.page_number - 1]
                if ppage.pageid != page.page_obj.pageid:  # the page trees read differently (a broken file)
                    raise NotCovered("not the same page object")
            _refuse_width_claims(ppage, self._checked)
            with stdlib_zlib_bounded():  # playa inflates the content streams: within the guard's limit too
                return read_playa_objects(ppage, float(page.height), page.mediabox[0], page.mediabox[1],
                                          self._norm, self._fonts, fontnames)
        except NotCovered:
            pass
        except Exception as exc:  # noqa: BLE001 - playa choked: pdfminer reads the page, or says what is wrong
            from extractor.errors import ExtractorError

            if isinstance(exc, (ExtractorError, MemoryError)):  # a limit (TooLarge, --max-memory) holds
                raise
        self.fallback_pages.append(page.page_number)
        if getattr(page, "playa_page", None) is None:
            return self._fallback.read(page)
        miner_pages = self._fallback.pages  # pdfminer's page tree, read once
        number = page.page_number
        if len(miner_pages) < number or miner_pages[number - 1].page_obj.pageid != page.playa_page.pageid:
            from extractor.errors import Damaged

            raise Damaged(f"page {number}: playa's and pdfminer's page trees differ, and pdfminer would read "
                          "this page (read it with --reader pdfminer)")
        try:
            return self._fallback.read(miner_pages[number - 1])
        finally:
            miner_pages[number - 1].close()

    def close(self) -> None:
        try:
            self._doc.close()
        except Exception:  # noqa: BLE001 - closing must not hide the result
            pass


def _refuse_uncovered(font) -> None:
    from playa.font import Type3Font

    if isinstance(font, Type3Font):
        raise NotCovered(type(font).__name__)


# A CID font has at most 65,536 CIDs; a /W range claiming more is hostile (tests/bad_inputs.py's
# font-widths-bomb: CIDs 2 to 99,999,999,999). Both readers would fill a dict entry per claimed CID;
# such a page is left to pdfminer, which stops at the memory limit as before (too_large), where playa would
# run on for longer first.
_MAX_CIDS = 1 << 16


def _refuse_width_claims(ppage, checked: set[int]) -> None:
    """Raise NotCovered if a Type0 font of the page claims widths for more CIDs than a font can have."""
    from playa.pdftypes import dict_value, list_value, resolve1

    fonts = resolve1(ppage.resources.get("Font")) if ppage.resources else None
    if not isinstance(fonts, dict):
        return
    for ref in fonts.values():
        key = getattr(ref, "objid", None) or id(ref)
        if key in checked:
            continue
        checked.add(key)
        spec = resolve1(ref)
        if not isinstance(spec, dict) or resolve1(spec.get("Subtype")) is None or \
                getattr(resolve1(spec.get("Subtype")), "name", "") != "Type0":
            continue
        for desc in list_value(resolve1(spec.get("DescendantFonts", []))):
            w = resolve1(dict_value(resolve1(desc)).get("W", []))
            if not isinstance(w, list):
                continue
            claimed, run = 0, []
            for v in w:
                v = resolve1(v)
                if isinstance(v, list):
                    claimed += len(v)
                    run = []
                elif isinstance(v, (int, float)):
                    run.append(v)
                    if len(run) == 3:
                        claimed += max(0, int(run[1]) - int(run[0]) + 1)
                        run = []
                if claimed > _MAX_CIDS:
                    checked.discard(key)  # every page using it goes to pdfminer
                    raise NotCovered("a font claims widths for more CIDs than a font has")


def expected_pages(pdf, pages: Sequence[int] | None = None) -> int | None:
    """How many pages a read of `pdf` will take, as far as known before a page tree is read (open_reader's
    `n_pages`): the pages asked for, else the page tree's /Count, else None (unknown)."""
    from extractor.guard.opening import declared_page_count

    return len(set(pages)) if pages is not None else declared_page_count(pdf.doc)


def open_reader(pdf, name: str = DEFAULT_READER, password: str | None = None,
                n_pages: int | None = None, pages_of: Callable[[], Sequence] | None = None) -> PageReader:
    """The reader `name` for the pdfplumber PDF `pdf` (already opened and checked by guard.open_pdf), to
    read `n_pages` pages (None: unknown, many). "auto" is playa for AUTO_MIN_PAGES pages or more.
    `pages_of()`: pdfplumber's pages of `pdf` (default `pdf.pages`; guard.checked_pages for a PDF opened
    with count_pages=False), read only where the reader needs them."""
    if name not in READERS:
        raise ValueError(f"unknown reader {name!r} (choose from {', '.join(READERS)})")
    if pages_of is None:
        def pages_of():
            return pdf.pages
    if name == "pdfminer" or (name == "auto" and n_pages is not None and n_pages < AUTO_MIN_PAGES):
        return PdfminerReader(pages_of)
    path = getattr(pdf.stream, "name", None)
    if not isinstance(path, str) or not Path(path).is_file():
        return PdfminerReader(pages_of)  # opened from a stream: playa needs the file
    try:
        import playa

        from extractor.guard.streams import stdlib_zlib_bounded

        with stdlib_zlib_bounded():
            doc = playa.open(path, space="page", password=password or "")
    except Exception as exc:  # noqa: BLE001 - playa cannot open what pdfminer could: pdfminer reads it all
        from extractor.errors import ExtractorError

        if isinstance(exc, ExtractorError):
            raise
        return PdfminerReader(pages_of)
    from extractor.locate.playa_pages import playa_shells

    shells = playa_shells(doc, pdf.doc)
    if shells is not None:
        return PlayaReader(doc, pdf.unicode_norm, shells, pages_of)
    try:
        miner_pages = pages_of()
    except BaseException:
        doc.close()
        raise
    try:
        same = len(doc.pages) == len(miner_pages)
    except Exception:  # noqa: BLE001 - playa cannot walk the page tree: pdfminer reads it all
        same = False
    if not same:  # the page trees differ (a damaged file either reader repairs its own way)
        doc.close()
        return PdfminerReader(pages_of)
    return PlayaReader(doc, pdf.unicode_norm, miner_pages, pages_of)
