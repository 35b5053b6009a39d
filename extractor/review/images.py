"""Page pictures for the review: pypdfium2 renders, grey, 90 pixels per inch, WebP, base64 text.

A text page at that size is ~40 KB, so a 392-page book stays near 20 MB; the page shows a picture only
when its view is opened (the base64 text sits inert in the file until then).
"""

from __future__ import annotations

import base64
import io
import os
from collections.abc import Iterable

RESOLUTION = 90  # pixels per inch: table text stays legible, files stay small
QUALITY = 50


def open_document(path: str | os.PathLike[str], password: str | None = None):
    import pypdfium2 as pdfium

    return pdfium.PdfDocument(str(path), password=password)


def render_pages(pdf: "object", pages: Iterable[int], resolution: int = RESOLUTION) -> dict[int, str]:
    """1-based page -> "data:image/webp;base64,..." for each page that renders (others are left out)."""
    out = {}
    for number in sorted(set(pages)):
        if not 1 <= number <= len(pdf):
            continue
        try:
            bitmap = pdf[number - 1].render(scale=resolution / 72, grayscale=True)
            image = bitmap.to_pil()
        except Exception:  # a page pdfium cannot draw: its view shows the boxes without a picture
            continue
        buf = io.BytesIO()
        image.save(buf, "WEBP", quality=QUALITY, method=4)
        out[number] = "data:image/webp;base64," + base64.b64encode(buf.getvalue()).decode("ascii")
    return out
