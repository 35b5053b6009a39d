"""Extract: the grid of each located table (camelot or pdfplumber ruling) with per-character cell text."""

from extractor.extract.grids import ENGINES, extract_grids

__all__ = ["extract_grids", "ENGINES"]
