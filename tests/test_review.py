"""Warnings that reach the person, and the review page's data (no browser here; see test_review_browser.py).

Expected values come from the generator's model of the seed (golden/seed.json: 9 projects, 81 indicators,
one toc_title_mismatch warning on page 10) or from documents written by hand in this file.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from corpus import GOLDEN_DIR, REPO_ROOT, SAMPLES_DIR
from extractor.review.page import json_island, render_html
from extractor.summary import summary_lines
from extractor.write.xlsx_out import write_xlsx

SEED = SAMPLES_DIR / "seed.pdf"
needs_seed = pytest.mark.skipif(not SEED.exists(), reason="samples/seed.pdf not generated yet")
HOSTILE = ['</script><script>window.__pwned=1</script>', '<img src=x onerror=alert(1)>',
           '"><svg onload=alert(1)>', '<!--', '\u2028']


def _doc(n_projects: int, per_project: int, warnings: list[dict], file: str = "seed.pdf") -> dict:
    projects = [{"seq": s, "indicators": [{"level3": f"i{k}"} for k in range(per_project)]}
                for s in range(1, n_projects + 1)]
    return {"source": {"file": file, "pages": 19}, "projects": projects, "warnings": warnings, "tables": []}


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extractor", *args], capture_output=True, text=True,
                          cwd=REPO_ROOT, timeout=300)


# ---------------------------------------------------------------- the summary line

def test_summary_line_names_counts_and_warnings():
    doc = _doc(9, 9, [{"code": "toc_title_mismatch", "message": "…", "page": 1}])
    assert summary_lines("seed.pdf", doc) == ["seed.pdf: 9 projects, 81 indicators, 1 warning: toc_title_mismatch p1"]
    assert summary_lines("a.pdf", _doc(1, 1, [])) == ["a.pdf: 1 project, 1 indicator, 0 warnings"]


def test_summary_line_groups_many_warnings_and_spells_out_skipped_pages():
    warnings = [{"code": "no_text_layer", "message": "m", "page": None}]
    warnings += [{"code": "stacked_values", "message": "m", "page": p} for p in (46, 47, 47, 48, 51, 55, 60, 61)]
    skipped = "read the first 2000 of 3500 pages (--max-pages); pages 2001-3500 were not read"
    warnings.append({"code": "page_limit", "message": skipped, "page": 2001})
    lines = summary_lines("big.pdf", _doc(0, 0, warnings))
    assert lines == ["big.pdf: 0 projects, 0 indicators, 10 warnings: no_text_layer; "
                     "stacked_values ×8 p46,p47,p48,p51,p55 (+2 more pages); page_limit p2001",
                     f"big.pdf: {skipped}"]


@needs_seed
def test_extract_prints_the_summary_and_q_silences_it(tmp_path):
    gold = json.loads((GOLDEN_DIR / "seed.json").read_text(encoding="utf-8"))
    (w,) = gold["warnings"]
    proc = _run("extract", str(SEED), "-o", str(tmp_path / "seed.json"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines() == [f"seed.pdf: 9 projects, 81 indicators, 1 warning: {w['code']} p{w['page']}"]
    quiet = _run("extract", str(SEED), "-q", "-o", str(tmp_path / "q.json"))
    assert quiet.returncode == 0 and quiet.stderr == ""
    limited = _run("extract", str(SEED), "--max-pages", "5", "-o", str(tmp_path / "l.json"))
    assert limited.returncode == 0, limited.stderr
    first, second = limited.stderr.splitlines()
    assert first.startswith("seed.pdf: 0 projects, 0 indicators, 1 warning: page_limit p6")
    assert second.startswith("seed.pdf: ") and "pages 6-18 were not read" in second  # the seed has 18 pages


# ---------------------------------------------------------------- XLSX and warnings.csv

def test_xlsx_has_a_warnings_sheet(tmp_path):
    docs = [_doc(1, 1, [{"code": "toc_title_mismatch", "message": "目录与标题不一致", "page": 10},
                        {"code": "repaired", "message": "xref rebuilt", "page": None}], file="a.pdf"),
            _doc(1, 1, [{"code": "stacked_values", "message": "=1,786 over 1,786", "page": 46}], file="b.pdf")]
    path = tmp_path / "w.xlsx"
    write_xlsx(docs, path)
    rows = list(openpyxl.load_workbook(path)["警告"].iter_rows(values_only=True))
    assert rows == [("file", "page", "code", "message"), ("a.pdf", 10, "toc_title_mismatch", "目录与标题不一致"),
                    ("a.pdf", None, "repaired", "xref rebuilt"), ("b.pdf", 46, "stacked_values", "=1,786 over 1,786")]


@needs_seed
def test_batch_writes_warnings_csv_and_summary_lines_and_the_review_index(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    shutil.copy(SEED, src / "seed.pdf")
    shutil.copy(SAMPLES_DIR / "central.pdf", src / "sub" / "central.pdf")
    (src / "bad.pdf").write_bytes(b"not a pdf")
    out = tmp_path / "out"
    proc = _run("batch", str(src), "-o", str(out), "--jobs", "2", "--review")
    assert proc.returncode == 1, proc.stderr  # bad.pdf failed
    gold = {name: json.loads((GOLDEN_DIR / f"{name}.json").read_text(encoding="utf-8")) for name in ("seed", "central")}
    (w,) = gold["seed"]["warnings"]
    lines = proc.stderr.splitlines()
    assert f"seed.pdf: 9 projects, 81 indicators, 1 warning: {w['code']} p{w['page']}" in lines
    assert any(line.startswith("sub/central.pdf: 1 project, ") for line in lines), lines
    with open(out / "warnings.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows == [["file", "page", "code", "message"], ["seed.pdf", str(w["page"]), w["code"], w["message"]]]
    assert (out / "errors.csv").is_file()
    # the index: one row per PDF, counts equal to the JSONs written beside, the failure with its code
    index = _island(out / "index.html")
    by_file = {d["file"]: d for d in index["documents"]}
    assert set(by_file) == {"seed.pdf", "sub/central.pdf", "bad.pdf"}
    assert by_file["bad.pdf"]["status"] == "failed" and by_file["bad.pdf"]["error_code"] == "not_a_pdf"
    for rel, name in (("seed.pdf", "seed"), ("sub/central.pdf", "sub/central")):
        doc = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
        counts = by_file[rel]["counts"]
        assert counts["projects"] == len(gold[Path(name).name]["projects"]) == len(doc["projects"])
        assert counts["indicators"] == sum(len(p["indicators"]) for p in doc["projects"])
        assert counts["warnings"] == len(doc["warnings"])
        assert (out / by_file[rel]["href"]).is_file()
    assert index["totals"]["failed"] == 1 and index["totals"]["documents"] == 3
    quiet = _run("batch", str(src / "seed.pdf"), "-o", str(tmp_path / "q"), "-q")
    assert quiet.returncode == 0 and quiet.stderr == ""


# ---------------------------------------------------------------- the page's data is inert

def _island(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    m = re.search(r'<script type="application/json" id="data">(.*?)</script>', text, re.S)
    return json.loads(m.group(1))


def test_json_island_cannot_end_its_element():
    data = {"cells": HOSTILE, "name": "a</SCRIPT >b"}
    text = json_island(data)
    assert "<" not in text and ">" not in text and "\u2028" not in text
    assert json.loads(text) == data


def test_page_escapes_the_file_name_and_allows_no_other_script():
    payload = {"file": '"><svg onload=alert(1)>.pdf', "counts": {}, "projects": [], "cells": HOSTILE}
    html = render_html(payload, {1: "data:image/webp;base64,AAAA"})
    assert "<svg" not in html and "<img" not in html and "window.__pwned" in html  # as escaped data only
    assert html.count("<script") == 3  # the data island, one page picture, the app script
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
    assert "default-src 'none'" in csp and "script-src 'sha256-" in csp and "unsafe-eval" not in csp
    assert not re.search(r"(src|href)=[\"']?(https?:)?//", html)  # nothing to fetch
    assert "<title>Review: &quot;&gt;&lt;svg onload=alert(1)&gt;.pdf</title>" in html


def test_each_seed_table_is_claimed_by_its_project_or_the_department():
    from extractor.review.claims import table_owners

    gold = json.loads((GOLDEN_DIR / "seed.json").read_text(encoding="utf-8"))
    owners = table_owners(gold)
    dep_pages = {i["page"] for s in gold["department"]["sections"] for i in s["indicators"]}
    for table, owner in zip(gold["tables"], owners):
        pages = {p["page"] for p in table["parts"]}
        seqs = [p["seq"] for p in gold["projects"] if pages <= set(p["pages"])]
        if seqs:
            assert owner == {"kind": "project", "seq": seqs[0]}, pages
        else:
            assert pages <= dep_pages and owner == {"kind": "department"}, pages


def test_a_warning_is_boxed_on_the_line_that_prints_what_it_quotes():
    from extractor.review.regions import warning_box

    lines = [[80, 40, 360, 54, "2. 冯营子供销社地块围挡建设费用绩效目标表"], [80, 64, 400, 76, "133001 承德…本级"]]
    w = {"code": "toc_title_mismatch", "page": 10,
         "message": "table of contents says '冯营供销社地块围挡建设费用绩效目标表', the table says '冯营子供销社地块围挡建设费用绩效目标表'"}
    assert warning_box(w, lines) == [78, 38, 362, 56]
    assert warning_box({"message": "page 46: 9 cell(s) hold several numbers"}, lines) is None


@needs_seed
def test_review_command_writes_one_page_per_pdf_and_names_failures(tmp_path):
    gold = json.loads((GOLDEN_DIR / "seed.json").read_text(encoding="utf-8"))
    proc = _run("review", str(SEED), str(tmp_path / "missing.pdf"), "-o", str(tmp_path / "r"))
    assert proc.returncode == 1
    assert proc.stderr.splitlines()[0].startswith("seed.pdf: 9 projects, 81 indicators, 1 warning")
    assert proc.stderr.splitlines()[1].startswith("extractor: ") and "missing.pdf" in proc.stderr
    page = tmp_path / "r" / "seed.html"
    data = _island(page)
    assert data["counts"]["projects"] == len(gold["projects"]) and data["counts"]["pages"] == gold["source"]["pages"]
    shown = {p for project in gold["projects"] for p in project["pages"]}
    assert shown <= {int(n) for n, view in data["pages"].items() if view["image"]}  # every project page pictured
    assert page.stat().st_size < 2_000_000


def test_review_with_audit_lists_the_seeds_toc_finding(tmp_path):
    # The seed's TOC names 冯营供销社 where its table's heading says 冯营子供销社 (the generator's model, as in
    # golden/seed.json's warning): the one toc_mismatch finding, shown on the review page.
    proc = _run("review", str(SEED), "--audit", "-q", "-o", str(tmp_path / "r"))
    assert proc.returncode == 0, proc.stderr
    data = _island(tmp_path / "r" / "seed.html")
    toc = [f for f in data["findings"] if f["rule"] == "toc_mismatch"]
    assert len(toc) == 1 and "冯营" in toc[0]["message"]
