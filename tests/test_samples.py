"""The sample corpus is sound: golden files follow the contract, say only what their PDF prints, point at the
ruled tables really drawn, and the generator reproduces the committed files byte for byte."""

from __future__ import annotations

import hashlib
import json
import re
import sys
import unicodedata
from pathlib import Path

import pdfplumber
import pytest

from corpus import GOLDEN_DIR, REPO_ROOT, SAMPLES_DIR, golden_files

if str(REPO_ROOT) not in sys.path:  # samples.generate lives at the repo root, outside the package
    sys.path.insert(0, str(REPO_ROOT))

GOLDEN = golden_files()
PAIRED = [g for g in GOLDEN if (SAMPLES_DIR / f"{g.stem}.pdf").exists()]
SCHEMA = REPO_ROOT / "extractor" / "schema.json"
WS = re.compile(r"\s+")


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_there_are_samples():
    assert len(PAIRED) >= 5, [g.name for g in GOLDEN]
    assert not [g.name for g in GOLDEN if g not in PAIRED], "golden file without its PDF"


@pytest.mark.parametrize("golden", GOLDEN, ids=lambda p: p.stem)
def test_golden_validates_against_contract(golden):
    if not SCHEMA.exists():
        pytest.skip("extractor/schema.json not written yet")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(_load(golden))


@pytest.mark.parametrize("golden", PAIRED, ids=lambda p: p.stem)
def test_source_matches_pdf(golden):
    doc = _load(golden)
    pdf_path = SAMPLES_DIR / f"{golden.stem}.pdf"
    assert doc["source"]["file"] == pdf_path.name
    assert doc["source"]["sha256"] == hashlib.sha256(pdf_path.read_bytes()).hexdigest()
    with pdfplumber.open(pdf_path) as pdf:
        assert doc["source"]["pages"] == len(pdf.pages)


LOOKALIKE = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff]")


def fold(text: str) -> str:
    """The contract's folding of Kangxi radicals and compatibility ideographs to unified ideographs."""
    return LOOKALIKE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def golden_strings(doc: dict) -> list[str]:
    """Every string the golden file claims is printed (not warnings' messages or the file name)."""
    out: list[str] = []
    d = doc["document"]
    out += [d["title"], d["organization"], d["organization_code"]]
    dep = doc["department"]
    if dep:
        out.append(dep["overall_goal"])
        for s in dep["sections"]:
            out += [s["name"], s["goal"]]
            for ind in s["indicators"]:
                out.append(ind["name"])
                out += [v["raw"] for v in ind["grades"].values()]
                out += list(ind["grades"])
    for p in doc["projects"]:
        out += [p["title"], p["code"], p["name"], p["amount_unit"], p["purpose"], *p["goals"]]
        out += [x["period"] for x in p["spending_plan"]]
        for k, v in p["attributes"].items():
            out += [k, v]
        for ind in p["indicators"]:
            out += [ind["level1"], ind["level2"], ind["level3"], ind["description"], ind["value"]["raw"],
                    ind["basis"]]
            if ind["value"]["text"]:
                out.append(ind["value"]["text"])
    for t in doc["tables"]:
        out += [c for row in t["rows"] for c in row]
    return [WS.sub("", s) for s in out if s]


def printed(s: str, lines: list[str], text: str, tokens: set[str]) -> bool:
    """Is s printed? Either on one line, or as consecutive pieces each lying on a printed line (a cell wrapped
    onto several lines, read across a row); pieces are 2+ characters unless they stand alone between spaces."""
    if s in text:
        return True
    joined = "\x00".join(lines)
    reach = [True] + [False] * len(s)
    for j in range(1, len(s) + 1):
        reach[j] = any(reach[i] and ((j - i >= 2 and s[i:j] in joined) or s[i:j] in tokens) for i in range(j))
    return reach[-1]


@pytest.mark.parametrize("golden", PAIRED, ids=lambda p: p.stem)
def test_every_golden_string_is_printed(golden):
    doc = _load(golden)
    with pdfplumber.open(SAMPLES_DIR / f"{golden.stem}.pdf") as pdf:
        raw_lines = [fold(ln) for page in pdf.pages for ln in (page.extract_text() or "").split("\n")]
    lines = [WS.sub("", ln) for ln in raw_lines if ln.strip()]
    tokens = {tok for ln in raw_lines for tok in ln.split()}
    text = "".join(lines)
    missing = sorted({s for s in golden_strings(doc) if not printed(s, lines, text, tokens)})
    assert not missing, missing[:20]


def rules(page) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """Ruling as (position, start, end): stroked lines, and thin filled rectangles (WPS) by their centre line."""
    h, v = [], []
    for ln in page.lines:
        if abs(ln["top"] - ln["bottom"]) < 0.5:
            h.append((ln["top"], ln["x0"], ln["x1"]))
        elif abs(ln["x0"] - ln["x1"]) < 0.5:
            v.append((ln["x0"], ln["top"], ln["bottom"]))
    for r in page.rects:
        w, ht = r["x1"] - r["x0"], r["bottom"] - r["top"]
        if ht <= 1.5 < w:
            h.append(((r["top"] + r["bottom"]) / 2, r["x0"], r["x1"]))
        elif w <= 1.5 < ht:
            v.append(((r["x0"] + r["x1"]) / 2, r["top"], r["bottom"]))
    return h, v


@pytest.mark.parametrize("golden", PAIRED, ids=lambda p: p.stem)
def test_table_parts_are_ruled_grids(golden):
    """Each table part's bbox lies on drawn rules; the parts together have n_cols + 1 distinct column rules
    (a continuation part may lack some, e.g. a repeated header plus one cut row)."""
    doc = _load(golden)
    with pdfplumber.open(SAMPLES_DIR / f"{golden.stem}.pdf") as pdf:
        for t in doc["tables"]:
            all_xs: set[float] = set()
            for part in t["parts"]:
                x0, top, x1, bottom = part["bbox"]
                h, v = rules(pdf.pages[part["page"] - 1])
                h = [e for e in h if x0 - 1 <= e[1] and e[2] <= x1 + 1]
                v = [e for e in v if top - 1 <= e[1] and e[2] <= bottom + 1 and x0 - 1 <= e[0] <= x1 + 1]
                assert any(abs(y - top) <= 1.0 for y, _, _ in h), (part, "no rule at top")
                assert any(abs(y - bottom) <= 1.0 for y, _, _ in h), (part, "no rule at bottom")
                xs = sorted(x for x, _, _ in v)
                assert abs(xs[0] - x0) <= 1.0 and abs(xs[-1] - x1) <= 1.0, (part, xs)
                all_xs.update(xs)
            cols = _clusters(sorted(all_xs))
            assert len(cols) == t["n_cols"] + 1, (t["parts"], cols)


def _clusters(values: list[float], tol: float = 1.0) -> list[float]:
    """Positions closer than tol are one rule (a line drawn per cell lands a hair apart)."""
    out: list[float] = []
    for x in values:
        if not out or x - out[-1] > tol:
            out.append(x)
    return out


def test_samples_total_under_5_mb():
    total = sum(p.stat().st_size for p in SAMPLES_DIR.glob("*.pdf"))
    assert total < 5 * 1024 * 1024, total


def _generator_ready() -> str | None:
    try:
        import reportlab  # noqa: F401
    except ImportError:
        return "reportlab not installed"
    from samples.generate.render_rl import FONT_FILES

    missing = [p for _, p, _ in FONT_FILES.values() if not Path(p).exists()]
    return f"fonts missing: {missing}" if missing else None


def _reportlab_samples() -> list[str]:
    try:
        from samples.generate.build import SAMPLES
    except ImportError:
        return []
    return list(SAMPLES)


@pytest.mark.parametrize("name", _reportlab_samples())
def test_generator_is_deterministic(name, tmp_path):
    """Regenerating a sample gives the committed PDF byte for byte, and the committed golden JSON."""
    reason = _generator_ready()
    if reason:
        pytest.skip(reason)
    from samples.generate.build import build

    pdf, expected = build(name)
    assert pdf == (SAMPLES_DIR / f"{name}.pdf").read_bytes(), "regenerate: python -m samples.generate"
    assert expected == _load(GOLDEN_DIR / f"{name}.json")
    pdf2, _ = build(name)
    assert pdf2 == pdf


SEED_TEXT = REPO_ROOT.parent / "shared" / "seed" / "000_6de9df9d80249728.txt"


def _seed_tables(text: str) -> list[list[list[str]]]:
    """The seed text's tab-separated tables: runs of lines containing tabs (blank lines in between allowed)."""
    tables, cur = [], []
    for line in text.split("\n"):
        if "\t" in line:
            cur.append([WS.sub("", c) for c in line.split("\t")])
        elif line.strip():
            if cur:
                tables.append(cur)
            cur = []
    if cur:
        tables.append(cur)
    return tables


def test_seed_golden_agrees_with_seed_text():
    """golden/seed.json says what the seed text says (white space ignored): the hand transcription is checked
    against its source, cell by cell."""
    if not SEED_TEXT.exists():
        pytest.skip("../shared/seed/ not present")
    doc = _load(GOLDEN_DIR / "seed.json")
    tables = _seed_tables(SEED_TEXT.read_text(encoding="utf-8"))
    toc = [t for t in tables if "....." in t[0][0]]
    tables = [t for t in tables if t not in toc]
    dept, projects = tables[:4], tables[4:]
    assert len(dept) == 4 and len(projects) == 9
    for sec, table in zip(doc["department"]["sections"], dept):
        body = table[2:]
        assert [r[0] for r in body] == [WS.sub("", i["name"]) for i in sec["indicators"]]
        assert [r[1:5] for r in body] == [[WS.sub("", v["raw"]) for v in i["grades"].values()]
                                          for i in sec["indicators"]]
    for p, table in zip(doc["projects"], projects):
        assert table[0][1] == p["code"] and table[0][4] == WS.sub("", p["name"])
        assert table[1][2] == f"{p['budget']['total']:.2f}" and table[1][4] == f"{p['budget']['fiscal']:.2f}"
        assert table[1][6] == "" and p["budget"]["other"] is None
        assert table[2][1] == WS.sub("", p["purpose"])
        periods = [c for c in table[3][1:] if c]
        assert periods == [x["period"] for x in p["spending_plan"]]
        assert [c for c in table[4][1:] if c] == [f"{x['percent']:g}%" for x in p["spending_plan"]]
        assert table[5][1] == "1." + WS.sub("", p["goals"][0])
        body = table[7:7 + len(p["indicators"])]
        level1 = ""
        for row, ind in zip(body, p["indicators"]):
            level1 = row[0] or level1
            got = [level1, *row[1:6]]
            want = [ind["level1"], ind["level2"], ind["level3"], ind["description"], ind["value"]["raw"], ind["basis"]]
            assert got == [WS.sub("", s) for s in want], (p["seq"], got)
    assert projects[2][0][0] == "项目编号" and doc["tables"][4 + 2]["rows"][0][0] == "项目编号"
    assert [w["code"] for w in doc["warnings"]] == ["toc_title_mismatch"]


@pytest.mark.parametrize("golden", PAIRED, ids=lambda p: p.stem)
def test_no_character_crosses_a_rule(golden):
    """Every printed character lies wholly inside one cell, so "which cell holds it" has one right answer."""
    crossing = []
    with pdfplumber.open(SAMPLES_DIR / f"{golden.stem}.pdf") as pdf:
        for page in pdf.pages:
            h, v = rules(page)
            for c in page.chars:
                cx, cy = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
                if any(c["top"] + 0.3 < y < c["bottom"] - 0.3 and a < cx < b for y, a, b in h) or \
                        any(c["x0"] + 0.3 < x < c["x1"] - 0.3 and t < cy < b for x, t, b in v):
                    crossing.append((page.page_number, c["text"], round(c["x0"]), round(c["top"])))
    assert not crossing, crossing[:10]
