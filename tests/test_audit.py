"""extractor audit: every rule finds its planted defect and nothing on the clean twin.

Truth: the sample generator's model (tests/audit_docs.py). Each planted project carries one defect; its
clean twin is the same project without it. Proven on the contract document the model says the PDF prints,
and end-to-end through a rendered PDF read back by the pipeline.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import audit_docs as A
from extractor.audit import RULES, audit, load_rules
from extractor.cli import cli

PLANTED = A.planted_projects()
CONTRACT_RULES = ["budget_sum", "fiscal_exceeds_total", "plan_not_monotone", "missing_level1", "level2_mismatch",
                  "unmeasurable_value", "percent_out_of_range", "satisfaction_value", "duplicate_indicator",
                  "placeholder_text", "empty_field", "copied_indicators", "date_outside_year", "toc_mismatch",
                  "year_mismatch", "table_sum"]


def test_rule_names_are_the_contracts():
    assert list(RULES) == CONTRACT_RULES


@pytest.fixture(scope="module")
def model_docs():
    return A.model_doc([p for _, p in PLANTED], "planted.pdf"), A.model_doc(A.clean_projects(), "clean.pdf")


def _found(findings, rule):
    return {f["project_seq"] for f in findings if f["rule"] == rule}


@pytest.mark.parametrize("seq,rule", [(n, rule) for n, (rule, _) in enumerate(PLANTED, start=1)],
                         ids=[rule for rule, _ in PLANTED])
def test_planted_defect_found_and_clean_twin_silent(model_docs, seq, rule):
    planted, clean = model_docs
    assert seq in _found(audit(planted), rule)
    assert _found(audit(clean), rule) == set()


def test_each_planted_rule_fires_only_where_planted(model_docs):
    """A rule never fires on a project planted for another rule (fiscal > total is also a broken sum)."""
    planted, _ = model_docs
    also = {("budget_sum", 2)}  # 财政 12 > 总额 10 also breaks 总额 = 财政 + 其他
    want = {(rule, n) for n, (rule, _) in enumerate(PLANTED, start=1)} | also
    assert {(f["rule"], f["project_seq"]) for f in audit(planted)} == want


def test_finding_shape_page_and_box(model_docs):
    planted, _ = model_docs
    f = next(f for f in audit(planted) if f["rule"] == "fiscal_exceeds_total")
    assert set(f) == {"rule", "severity", "message", "page", "bbox", "project_seq", "indicator", "values"}
    assert f["page"] == 3 and f["bbox"] == list(A.BOX)  # project 2 is on page 3 in the model's placement
    assert f["values"]["total"] == 10.0 and f["values"]["fiscal"] == 12.0
    assert "12.00 万元" in f["message"] and "10.00 万元" in f["message"]
    ind = next(f for f in audit(planted) if f["rule"] == "percent_out_of_range")
    assert ind["indicator"] == 1 and "≥120%" in ind["message"]


def test_findings_validate_against_the_schema(model_docs):
    from extractor.schema import validation_errors

    planted, _ = model_docs
    doc = dict(planted, findings=audit(planted))
    assert validation_errors(doc) == []


def test_rules_file_overrides_a_threshold(tmp_path, model_docs):
    _, clean = model_docs
    rules = tmp_path / "rules.toml"
    rules.write_text("[satisfaction]\nfloor = 95.0\n", encoding="utf-8")
    loaded = load_rules(rules)
    assert loaded["satisfaction"]["floor"] == 95.0 and loaded["amounts"]["tolerance"] == 0.01
    assert len(_found(audit(clean, loaded), "satisfaction_value")) == len(clean["projects"])  # ≥90% < 95%


def test_rule_that_cannot_apply_is_silent():
    """No levels, no plan, no year, no tables: nothing to check, no error."""
    doc = {"schema_version": 1, "document": {"year": None}, "department": None, "warnings": [], "tables": [],
           "projects": [{"seq": 1, "name": "x", "budget": {"total": None, "fiscal": None, "other": None},
                         "spending_plan": [], "goals": ["完成任务"], "attributes": {},
                         "indicators": [{"level1": None, "level2": None, "level3": "完成率",
                                         "value": {"raw": "≥90%", "op": ">=", "number": 90.0, "upper": None,
                                                   "unit": "%", "text": None}, "page": 1}], "pages": [1]}]}
    assert audit(doc) == []


# ------------------------------------------------------------------- end to end through a rendered PDF

def _fonts_missing() -> str | None:
    from samples.generate.render_rl import FONT_FILES

    missing = [FONT_FILES[k][1] for k in ("wqy", "dejavu") if not Path(FONT_FILES[k][1]).exists()]
    return f"fonts missing: {missing}" if missing else None


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    if _fonts_missing():
        pytest.skip(_fonts_missing())
    from extractor.pipeline import extract_pdf

    folder = tmp_path_factory.mktemp("audit")
    docs = {}
    for name, projects in (("planted", [p for _, p in PLANTED]), ("clean", A.clean_projects())):
        pdf, _ = A.render(projects, f"{name}.pdf")
        (folder / f"{name}.pdf").write_bytes(pdf)
        docs[name] = extract_pdf(folder / f"{name}.pdf")
    return folder, docs


def test_end_to_end_every_planted_rule_found_in_the_pdf(extracted):
    _, docs = extracted
    found = {(f["rule"], f["project_seq"]) for f in audit(docs["planted"])}
    for n, (rule, _) in enumerate(PLANTED, start=1):
        assert (rule, n) in found, rule
    assert audit(docs["clean"]) == []


def test_end_to_end_box_is_the_table_on_its_page(extracted):
    _, docs = extracted
    f = next(f for f in audit(docs["planted"]) if f["rule"] == "fiscal_exceeds_total")
    table = next(t for t in docs["planted"]["tables"] if any("道路维修2号项目" in (c or "") for r in t["rows"] for c in r))
    assert f["page"] == table["parts"][0]["page"] and f["bbox"] == table["parts"][0]["bbox"]


def test_cli_audit_pdf_and_json(extracted, tmp_path):
    folder, docs = extracted
    runner = CliRunner()
    res = runner.invoke(cli, ["audit", str(folder / "planted.pdf")])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out[0]["file"] == "planted.pdf" and {f["rule"] for f in out[0]["findings"]} == set(CONTRACT_RULES) - {"table_sum"}
    (tmp_path / "clean.json").write_text(json.dumps(docs["clean"], ensure_ascii=False), encoding="utf-8")
    res = runner.invoke(cli, ["audit", str(tmp_path / "clean.json"), "-o", str(tmp_path / "f.csv"), "--format", "csv"])
    assert res.exit_code == 0, res.output
    lines = (tmp_path / "f.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines == ["file,rule,severity,page,project_seq,indicator,message,bbox,values"]


def test_cli_extract_and_batch_audit(extracted, tmp_path):
    import csv

    from openpyxl import load_workbook

    folder, _ = extracted
    runner = CliRunner()
    res = runner.invoke(cli, ["extract", str(folder / "planted.pdf"), "--audit", "-o", str(tmp_path / "p.xlsx"),
                              "--format", "xlsx"])
    assert res.exit_code == 0, res.output
    ws = load_workbook(tmp_path / "p.xlsx")["审核发现"]
    assert {row[1] for row in ws.iter_rows(min_row=2, values_only=True)} >= {"budget_sum", "toc_mismatch"}
    res = runner.invoke(cli, ["batch", str(folder / "planted.pdf"), "-o", str(tmp_path / "b"), "--audit", "--jobs", "1",
                              "--no-progress"])
    assert res.exit_code == 0, res.output
    with open(tmp_path / "b" / "findings.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert ("fiscal_exceeds_total", "2") in {(r["rule"], r["project_seq"]) for r in rows}
    doc = json.loads((tmp_path / "b" / "planted.json").read_text(encoding="utf-8"))
    assert any(f["rule"] == "year_mismatch" for f in doc["findings"])


def test_cli_bad_inputs(tmp_path):
    runner = CliRunner()
    bad = tmp_path / "x.json"
    bad.write_text("{}", encoding="utf-8")
    res = runner.invoke(cli, ["audit", str(bad)])
    assert res.exit_code == 1 and "not an extractor document" in res.output
    rules = tmp_path / "r.toml"
    rules.write_text("[[[", encoding="utf-8")
    res = runner.invoke(cli, ["audit", str(bad), "--rules", str(rules)])
    assert res.exit_code == 2 and "not a TOML rules file" in res.output
