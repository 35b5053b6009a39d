"""The list of samples and how one is built: model + layout -> (PDF bytes, expected contract JSON)."""

from __future__ import annotations

from typing import Any, Callable

from . import seed, variations as v
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


def _parts(r: RLRenderer, key: str) -> int:
    return len(r.table_places[key].parts)


def _wps_check(r: RLRenderer) -> None:
    assert _parts(r, "project:2") == 2, r.table_places["project:2"].parts


def _breaks_check(r: RLRenderer) -> None:
    assert _parts(r, "project:1") == 3, r.table_places["project:1"].parts
    assert any(e.startswith("cut:project:1:") for e in r.events), r.events
    assert any(e.startswith("merged-across-break:project:1:") and e.endswith("col0") for e in r.events), r.events
    assert _parts(r, "project:2") == 2 and not any(e.startswith("cut:project:2") for e in r.events), r.events


def _landscape_check(r: RLRenderer) -> None:
    page = r.heading_pages["project:1"]
    w, h = r.pages[page - 1].size
    assert w > h and r.pages[0].size[0] < r.pages[0].size[1]


SAMPLES: dict[str, tuple[Document, Layout, Check | None]] = {
    "seed": (seed.DOCUMENT, seed.LAYOUT, _seed_check),
    "wps-rects": (v.WPS, v.WPS_LAYOUT, _wps_check),
    "page-breaks": (v.BRK, v.BRK_LAYOUT, _breaks_check),
    "landscape": (v.LAND, v.LAND_LAYOUT, _landscape_check),
    "central": (v.CEN, v.CEN_LAYOUT, None),
}


def build(name: str) -> tuple[bytes, dict[str, Any]]:
    doc, layout, check = SAMPLES[name]
    r = RLRenderer(doc, layout)
    pdf, placement = r.render()
    if check:
        check(r)
    return pdf, expected_json(doc, layout, placement, pdf, f"{name}.pdf")
