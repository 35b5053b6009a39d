"""The pages of a PDF as playa's page tree gives them, with pdfplumber's page geometry (PageShell).

Where playa reads every page, pdfplumber's page list is only what locate asks of a page: its number and
its boxes. Building it walks the page tree a second time with pdfminer's slower parser (~0.25 s of CPU on
the 392-page book, before a `--jobs` worker can start), so a page is a PageShell instead: playa's page,
its boxes computed from the same attributes with pdfplumber's formulas. pdfminer's own pages are built
only if a page is left to pdfminer (locate.reader).

The shells are used only where the two page trees have no reason to differ: a cross-reference table read
as written (not rebuilt by scanning, which each library does its own way), every page playa lists a page
object of the file (playa makes up an empty page for a missing one), as many pages as the tree's /Count,
and every page's boxes numbers (`playa_shells` returns None otherwise, and pdfminer's pages are used).
tests/test_reader_identity.py checks every corpus and sample page's shell against pdfplumber's page.
"""

from __future__ import annotations

from pdfplumber.page import _invert_box, _normalize_box
from playa.pdftypes import resolve_all


class PageShell:
    """A page as locate and the playa reader see it: number, boxes (pdfplumber's Page attributes of the
    same names and values) and playa's page. It holds no objects: nothing to close."""

    __slots__ = ("page_number", "rotation", "mediabox", "cropbox", "bbox", "playa_page")

    def __init__(self, playa_page, page_number: int) -> None:
        attrs = playa_page.attrs

        def get_attr(key: str, default=None):
            value = resolve_all(attrs.get(key))
            return default if value is None else value

        self.playa_page = playa_page
        self.page_number = page_number
        self.rotation = get_attr("Rotate", 0) % 360
        mb_raw = _normalize_box(get_attr("MediaBox"), self.rotation)
        mb_height = mb_raw[3] - mb_raw[1]
        self.mediabox = _invert_box(mb_raw, mb_height)
        self.cropbox = self.mediabox
        if "CropBox" in attrs:
            self.cropbox = _invert_box(_normalize_box(get_attr("CropBox"), self.rotation), mb_height)
        self.bbox = self.mediabox

    @property
    def width(self):
        return self.bbox[2] - self.bbox[0]

    @property
    def height(self):
        return self.bbox[3] - self.bbox[1]

    def close(self) -> None:
        pass


def playa_shells(doc, miner_doc) -> list[PageShell] | None:
    """The shells of every page of the playa document `doc`, or None where pdfminer's page list (of
    `miner_doc`, the same file as pdfminer opened it) might differ (module docstring)."""
    from extractor.guard.opening import declared_page_count, was_repaired

    if was_repaired(miner_doc):
        return None
    try:
        pages = list(doc.pages)
        if not pages or declared_page_count(miner_doc) != len(pages):
            return None
        for ppage in pages:
            if ppage.pageid <= 0 or not isinstance(doc[ppage.pageid], dict):
                return None
        return [PageShell(ppage, number) for number, ppage in enumerate(pages, start=1)]
    except Exception:  # noqa: BLE001 - anything odd in the tree or the boxes: pdfminer's pages decide
        return None
