"""The list of samples and how one is built: model + layout -> (PDF bytes, expected contract JSON)."""

from __future__ import annotations

from typing import Any, Callable

from . import seed
from .model import Document, Layout, expected_json
from .render_rl import RLRenderer

Check = Callable[[RLRenderer], None]


def _seed_check(r: RLRenderer) -> None:
    """The printed page numbers of the seed's table of contents, and table 8 cut as the seed shows."""
    want = {"overall": 1, "sections": 2, "measures": 4, **{f"project:{i}": n for i, n in
            enumerate([7, 8, 9, 10, 11, 12, 13, 14, 16], 1)}}
    got = {k: r.printed_number(r.heading_pages[k]) for k in want}
    assert got == want, f"TOC pages differ from the seed: {got}"
    assert any(e.startswith("cut:project:8:row") for e in r.events), r.events


SAMPLES: dict[str, tuple[Document, Layout, Check | None]] = {
    "seed": (seed.DOCUMENT, seed.LAYOUT, _seed_check),
}


def build(name: str) -> tuple[bytes, dict[str, Any]]:
    doc, layout, check = SAMPLES[name]
    r = RLRenderer(doc, layout)
    pdf, placement = r.render()
    if check:
        check(r)
    return pdf, expected_json(doc, layout, placement, pdf, f"{name}.pdf")
