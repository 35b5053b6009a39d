"""The page reader: what turns a page's content stream into the characters, lines, rects and curves locate
works on (objects.PageObjects). One interface, two implementations, chosen by `--reader`:

* "pdfminer" - pdfplumber's pdfminer layout, walked by objects.read_objects (the reference);
* "playa"    - playa-pdf (a camelot 2.0 dependency) reading the same objects in about half the time,
               with pdfminer's character boxes (playa_objects). The default: tests/test_reader_identity.py
               and bench/reader_identity.py show it gives pdfminer's objects on every corpus and sample page.

The playa reader falls back to pdfminer, cheaply and silently, wherever identity is not shown: the whole
document when playa cannot open it (pdfminer's error, if any, is then the one the user sees), and a page
that uses a font kind the corpus does not cover (vertical writing, Type 3) or on which playa fails.
Either way the PDF is opened by pdfplumber first (guard.open_pdf): the checks, page count and page boxes
stay pdfplumber's. Readers hold no page between calls.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from extractor.locate.objects import PageObjects, read_objects

READERS = ("playa", "pdfminer")
DEFAULT_READER = "playa"


class PageReader(Protocol):
    name: str

    def read(self, page) -> PageObjects:
        """The objects of `page` (a pdfplumber Page of the PDF the reader was opened for)."""

    def close(self) -> None: ...


class PdfminerReader:
    """pdfminer's layout of each page, through pdfplumber (the reference reader)."""

    name = "pdfminer"

    def read(self, page) -> PageObjects:
        return read_objects(page)

    def close(self) -> None:
        pass


class _NotCovered(Exception):
    """A page the playa reader leaves to pdfminer (a font kind without an identity test)."""


class PlayaReader:
    """playa-pdf's reading of each page, with pdfminer's character boxes; pdfminer where not covered."""

    name = "playa"

    def __init__(self, doc, norm: str | None) -> None:
        from extractor.locate.playa_objects import _Fonts

        self._doc = doc
        self._norm = norm
        self._fonts = _Fonts(on_font=_refuse_uncovered)
        self._fallback = PdfminerReader()
        self.fallback_pages: list[int] = []  # pages read by pdfminer instead (for the identity script)

    def read(self, page, fontnames: list[str] | None = None) -> PageObjects:
        """`fontnames`: see playa_objects.read_playa_objects (not filled on a page left to pdfminer)."""
        from extractor.guard.streams import stdlib_zlib_bounded
        from extractor.locate.playa_objects import read_playa_objects

        try:
            with stdlib_zlib_bounded():
                return read_playa_objects(self._doc.pages[page.page_number - 1], float(page.height),
                                          page.mediabox[0], page.mediabox[1], self._norm, self._fonts,
                                          fontnames)
        except _NotCovered:
            pass
        except Exception as exc:  # noqa: BLE001 - playa choked: pdfminer reads the page, or says what is wrong
            from extractor.errors import ExtractorError

            if isinstance(exc, ExtractorError):  # TooLarge from the bounded zlib: the limit, not a reader issue
                raise
        self.fallback_pages.append(page.page_number)
        return self._fallback.read(page)

    def close(self) -> None:
        try:
            self._doc.close()
        except Exception:  # noqa: BLE001 - closing must not hide the result
            pass


def _refuse_uncovered(font) -> None:
    from playa.font import Type3Font

    if font.vertical or isinstance(font, Type3Font):
        raise _NotCovered(type(font).__name__)


def open_reader(pdf, name: str = DEFAULT_READER, password: str | None = None) -> PageReader:
    """The reader `name` for the pdfplumber PDF `pdf` (already opened and checked by guard.open_pdf)."""
    if name not in READERS:
        raise ValueError(f"unknown reader {name!r} (choose from {', '.join(READERS)})")
    if name == "pdfminer":
        return PdfminerReader()
    path = getattr(pdf.stream, "name", None)
    if not isinstance(path, str) or not Path(path).is_file():
        return PdfminerReader()  # opened from a stream: playa needs the file
    try:
        import playa

        from extractor.guard.streams import stdlib_zlib_bounded

        with stdlib_zlib_bounded():
            doc = playa.open(path, space="page", password=password or "")
    except Exception as exc:  # noqa: BLE001 - playa cannot open what pdfminer could: pdfminer reads it all
        from extractor.errors import ExtractorError

        if isinstance(exc, ExtractorError):
            raise
        return PdfminerReader()
    return PlayaReader(doc, pdf.unicode_norm)
