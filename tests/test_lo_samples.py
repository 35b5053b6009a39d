"""The LibreOffice samples (samples/lo-*.pdf) print the model's strings where their golden files say.

The golden files come from the generator's model; only page breaks and table boxes were measured from the
PDF. These tests read the committed PDFs with pdfplumber alone (no LibreOffice, no extractor): inside each
golden table part, the column rules give the column x-ranges, and every cell string of the golden rows must be
printed in its columns in row order; every indicator's 三级指标 on the page the golden gives it. They also pin
what the samples exist for: Noto CJK fonts, a table continued on the next page under a repeated header row,
and a merged 一级指标 running across that page break.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pdfplumber
import pytest

from corpus import GOLDEN_DIR, SAMPLES_DIR

LO = sorted(p.stem for p in SAMPLES_DIR.glob("lo-*.pdf"))
WS = re.compile(r"\s+")


def _golden(name: str) -> dict:
    return json.loads((GOLDEN_DIR / f"{name}.json").read_text(encoding="utf-8"))


def _column_rules(page, bbox) -> list[float]:
    """x of the vertical rules inside a table part (merged within 1.5 pt)."""
    x0, top, x1, bottom = bbox
    xs = sorted((e["x0"] + e["x1"]) / 2 for e in page.edges if e["orientation"] == "v"
                and x0 - 1.5 <= e["x0"] <= x1 + 1.5 and top - 1.5 <= e["top"] and e["bottom"] <= bottom + 1.5)
    out: list[float] = []
    for x in xs:
        if not out or x - out[-1] > 1.5:
            out.append(x)
    return out


def _column_text(page, bbox, x_lo: float, x_hi: float) -> str:
    """Characters whose centre lies in the box and between x_lo and x_hi, line by line, spaces dropped."""
    _, top, _, bottom = bbox
    chars = [c for c in page.chars if x_lo < (c["x0"] + c["x1"]) / 2 < x_hi
             and top < (c["top"] + c["bottom"]) / 2 < bottom]
    chars.sort(key=lambda c: (round(c["bottom"]), c["x0"]))
    return WS.sub("", "".join(c["text"] for c in chars))


def _repeated_rows(t: dict) -> list[int]:
    """The header rows a continuation page repeats: the 一级指标 row of a project table, the two top rows of a
    department table."""
    first = [row[0] for row in t["rows"]]
    return [first.index("一级指标")] if "一级指标" in first else [0, 1]


def _body_boxes(pdf, t: dict) -> list[tuple[int, tuple]]:
    """(page, box) of each part with the repeated header rows cut off the continuation parts; checks that the
    cut-off band prints the header row."""
    out = []
    rep = _repeated_rows(t)
    for j, p in enumerate(t["parts"]):
        x0, top, x1, bottom = p["bbox"]
        if j:
            page = pdf.pages[p["page"] - 1]
            ys = sorted({round((e["top"] + e["bottom"]) / 2, 1) for e in page.edges if e["orientation"] == "h"
                         and top - 1.5 <= e["top"] <= bottom + 1.5 and e["x0"] <= x0 + 1.5})
            ys = [y for i, y in enumerate(ys) if i == 0 or y - ys[i - 1] > 1.5]
            band = (x0, top, x1, ys[len(rep)])
            want = "".join(WS.sub("", c or "") for r in rep for c in t["rows"][r])
            assert WS.sub("", page.crop(band).extract_text()) == want, (p, "repeated header")
            top = ys[len(rep)]
        out.append((p["page"], (x0, top, x1, bottom)))
    return out


@pytest.fixture(scope="module", params=LO)
def sample(request):
    name = request.param
    with pdfplumber.open(SAMPLES_DIR / f"{name}.pdf") as pdf:
        yield name, _golden(name), pdf


def test_there_are_lo_samples():
    assert {"lo-hebei", "lo-continued"} <= set(LO), LO


def test_cells_printed_in_their_columns_in_row_order(sample):
    name, doc, pdf = sample
    for ti, t in enumerate(doc["tables"]):
        rules = _column_rules(pdf.pages[t["parts"][0]["page"] - 1], t["parts"][0]["bbox"])
        assert len(rules) == t["n_cols"] + 1, (name, ti, rules)
        boxes = _body_boxes(pdf, t)
        texts: dict[tuple[int, int], str] = {}
        pos: dict[tuple[int, int], int] = {}
        for r, row in enumerate(t["rows"]):
            for c, cell in enumerate(row):
                if cell is None:
                    continue
                span = next((s[3] for s in t["spans"] if s[0] == r and s[1] == c), 1)
                key = (c, span)
                if key not in texts:
                    texts[key] = "".join(_column_text(pdf.pages[pg - 1], box, rules[c] - 0.5, rules[c + span] + 0.5)
                                         for pg, box in boxes)
                want = WS.sub("", cell)
                at = texts[key].find(want, pos.get(key, 0))
                assert at >= 0, (name, f"table {ti} row {r} col {c}", cell)
                pos[key] = at + len(want)


def test_indicators_start_on_their_pages(sample):
    """Each indicator's 三级指标 begins inside the table part on the page the golden gives (a row cut by the page
    break ends on the next part)."""
    name, doc, pdf = sample
    ndept = len(doc["department"]["sections"]) if doc["department"] else 0
    for k, proj in enumerate(doc["projects"]):
        t = doc["tables"][ndept + k]
        assert proj["pages"] == sorted({p["page"] for p in t["parts"]})
        rules = _column_rules(pdf.pages[t["parts"][0]["page"] - 1], t["parts"][0]["bbox"])
        pieces = [(pg, _column_text(pdf.pages[pg - 1], box, rules[2] - 0.5, rules[3] + 0.5))
                  for pg, box in _body_boxes(pdf, t)]
        joined = "".join(text for _, text in pieces)
        starts, at = [], 0
        for pg, text in pieces:
            starts.append((at, at + len(text), pg))
            at += len(text)
        at = 0
        for ind in proj["indicators"]:
            want = WS.sub("", ind["level3"])
            at = joined.find(want, at)
            assert at >= 0, (name, proj["seq"], ind["level3"])
            page = next(pg for a, b, pg in starts if a <= at < b)
            assert page == ind["page"], (name, proj["seq"], ind["level3"], page, ind["page"])
            at += len(want)
    if doc["department"]:
        for i, sec in enumerate(doc["department"]["sections"]):
            t = doc["tables"][i]
            for ind in sec["indicators"]:
                part = next(p for p in t["parts"] if p["page"] == ind["page"])
                page = pdf.pages[part["page"] - 1]
                assert WS.sub("", ind["name"]) in WS.sub("", page.crop(part["bbox"]).extract_text())


def test_set_in_noto_cjk(sample):
    name, _, pdf = sample
    fonts = {c["fontname"].split("+")[-1] for page in pdf.pages for c in page.chars}
    assert fonts and all("NotoSerifCJK" in f or "NotoSansCJK" in f for f in fonts), fonts


def test_continued_table_repeats_its_header_and_carries_the_merged_level1():
    doc = _golden("lo-continued")
    with pdfplumber.open(SAMPLES_DIR / "lo-continued.pdf") as pdf:
        t, proj = doc["tables"][0], doc["projects"][0]
        assert len(t["parts"]) == 2 and proj["pages"] == [3, 4]
        second = t["parts"][1]
        page = pdf.pages[second["page"] - 1]
        x0, top, x1, bottom = second["bbox"]
        first_line = WS.sub("", page.crop((x0, top, x1, top + 14)).extract_text())
        assert first_line == "一级指标二级指标三级指标绩效指标描述指标值指标值确定依据", first_line
    # a merged 一级指标 whose rows start on both pages
    header = next(r for r, row in enumerate(t["rows"]) if row[0] == "一级指标")
    crossing = []
    for r, c, rs, cs in t["spans"]:
        if c == 0 and r > header:
            pages = {proj["indicators"][i - header - 1]["page"] for i in range(r, r + rs)}
            if len(pages) == 2:
                crossing.append(t["rows"][r][0])
    assert crossing == ["效益指标"], crossing


def test_continued_table_has_a_row_cut_by_the_page_break():
    """LibreOffice split the 扬尘污染投诉下降 row: its start on page 3, its end under the repeated header on page 4."""
    doc = _golden("lo-continued")
    t = doc["tables"][0]
    with pdfplumber.open(SAMPLES_DIR / "lo-continued.pdf") as pdf:
        first, second = (WS.sub("", pdf.pages[p["page"] - 1].crop(p["bbox"]).extract_text()) for p in t["parts"])
    assert "扬尘污染投诉下降" not in first + second
    assert "扬尘污染投诉" in first and "一级指标二级指标三级指标绩效指标描述指标值指标值确定依据下降降幅度" in second


@pytest.mark.parametrize("name", LO)
def test_golden_is_the_model_of_the_committed_pdf(name):
    """Without LibreOffice: measuring the committed PDF (pdfplumber only) and writing the model's contract JSON
    gives the committed golden file, so PDF, model and golden cannot drift apart."""
    import sys

    from corpus import REPO_ROOT

    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    from samples.generate.libreoffice import measure
    from samples.generate.lo_samples import SAMPLES
    from samples.generate.model import expected_json

    make_doc, make_layout = SAMPLES[name]
    doc, layout = make_doc(), make_layout()
    pdf_path = SAMPLES_DIR / f"{name}.pdf"
    placement = measure(pdf_path, doc, layout)
    assert expected_json(doc, layout, placement, pdf_path.read_bytes(), pdf_path.name) == _golden(name)
