"""Locate: per page, the ruled table regions, the text lines outside them, and whether the text is real."""

from extractor.locate.pages import iter_layouts, locate_page, locate_pages
from extractor.locate.settings import DEFAULT_SETTINGS, TableSettings

__all__ = ["locate_pages", "iter_layouts", "locate_page", "TableSettings", "DEFAULT_SETTINGS"]
