"""Review: one self-contained HTML page per PDF, so a person compares print and data cell by cell.

  capture   run the pipeline once, keeping every page's grid geometry beside the contract document
  cells     a grid's cells as boxes with their extracted text
  claims    which table each project (or the department part) was read from
  regions   where on its page a warning points (the lines that print what it quotes)
  images    the page pictures (pypdfium2, modest resolution, WebP), embedded as base64 text
  payload   the document, cells, warnings and findings as one JSON-able dict for the page
  page      the HTML: a JSON data island, a fixed script that builds the DOM with textContent only,
            a Content-Security-Policy that lets no other script run and nothing load from the network
  index     index.html over the documents of a batch

Everything taken from a PDF reaches the page as JSON data (`<` escaped), never as markup.
"""

from __future__ import annotations

from extractor.review.capture import review_pdf, write_review
from extractor.review.index import write_index

__all__ = ["review_pdf", "write_review", "write_index"]
