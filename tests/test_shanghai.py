"""The five Shanghai project tables (财政项目支出绩效目标填报表), pages 31-35 of the real 2023 budget.

The truth, tests/data/shanghai-2023-projects.json, was typed by a person reading the rendered pages
(pdftoppm -r 150 and -r 300), not taken from the extractor. A picture cannot tell visual spacing or glyph
variants (≥ / ⩾, straight / curly quotes, , / ，) apart, so texts are compared with those folded; every
indicator row, its three levels and its value must be there, in order.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus import SHANGHAI_WANLI_2023

HERE = Path(__file__).parent
PDF = SHANGHAI_WANLI_2023
TRUTH = json.loads((HERE / "data" / "shanghai-2023-projects.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.skipif(not PDF.exists(), reason="real corpus not present (../shared/corpus/real)")

_FOLD = str.maketrans({"⩾": "≥", "≧": "≥", "⩽": "≤", "≦": "≤", "“": '"', "”": '"', "″": '"', "＂": '"',
                       "，": ",", "（": "(", "）": ")"})


def norm(text: str | None) -> str | None:
    if text is None:
        return None
    return "".join(text.split()).translate(_FOLD)


@pytest.fixture(scope="module", params=["camelot", "pdfplumber"])
def doc(request):
    from extractor.pipeline import extract_pdf

    return extract_pdf(PDF, engine=request.param, pages=list(range(31, 36)))


def _by_page(doc):
    return {p["pages"][0]: p for p in doc["projects"]}


def test_five_projects_in_order(doc):
    assert [p["pages"] for p in doc["projects"]] == [[31], [32], [33], [34], [35]]
    assert [p["seq"] for p in doc["projects"]] == [1, 2, 3, 4, 5]
    assert [p["name"] for p in doc["projects"]] == [t["name"] for t in TRUTH["projects"]]


@pytest.mark.parametrize("k", range(5))
def test_project_header(doc, k):
    truth = TRUTH["projects"][k]
    got = _by_page(doc)[truth["page"]]
    for key in ("title", "code", "name", "amount_unit", "budget", "spending_plan", "pages"):
        assert got[key] == truth[key], key
    for label, value in truth["attributes"].items():
        assert label in got["attributes"], label
        if value is not None:
            assert norm(got["attributes"][label]) == norm(value), label
    if "goals" in truth:
        assert [norm(g) for g in got["goals"]] == [norm(g) for g in truth["goals"]]
    else:
        assert len(got["goals"]) == 1
        assert norm(got["goals"][0]).startswith(norm(truth["goals_startswith"]))
        assert norm(got["goals"][0]).endswith(norm(truth["goals_endswith"]))


@pytest.mark.parametrize("k", range(5))
def test_every_indicator_row(doc, k):
    truth = TRUTH["projects"][k]
    got = _by_page(doc)[truth["page"]]["indicators"]
    assert len(got) == len(truth["indicators"])
    for i, (g, t) in enumerate(zip(got, truth["indicators"])):
        where = f"row {i + 1}: {t['level3']}"
        assert (g["level1"], g["level2"]) == (t["level1"], t["level2"]), where
        assert norm(g["level3"]) == norm(t["level3"]), where
        assert norm(g["value"]["raw"]) == norm(t["value_raw"]), where
        assert g["description"] is None and g["basis"] is None, where
        assert g["page"] == truth["page"], where


def test_values_read(doc):
    """A few readings a person can check against the page (the full value table is the normalizer's)."""
    rows = {(p["pages"][0], ind["level3"]): ind["value"] for p in doc["projects"] for ind in p["indicators"]}
    v = rows[(31, "规划建筑面积")]
    assert (v["op"], v["number"], v["unit"]) == (">=", 13459.0, "平方米")
    v = rows[(32, "补贴对象申请审核完成率")]
    assert (v["op"], v["number"], v["unit"]) == ("=", 100.0, "%")
    v = rows[(34, "日常走访企业")]
    assert (v["op"], v["number"], v["unit"]) == (">", 150.0, "家")
    v = rows[(35, "居民满意度")]
    assert (v["op"], v["number"], v["unit"]) == ("=", 90.0, "%")
    v = rows[(31, "完工及时率")]
    assert (v["op"], v["number"], v["text"]) == (None, None, "及时率")


def test_no_warnings_on_clean_tables(doc):
    assert [w for w in doc["warnings"] if w["code"] in ("table_uninterpreted", "conservation_failed")] == []
