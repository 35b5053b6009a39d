"""The golden comparison: what counts as a difference, how it reads, and `extractor golden check|update`.

test_samples_match_golden is the regression check `make test` runs: every sample PDF extracted by the real
pipeline against golden/<stem>.json (written by the sample generator from its own model).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import extractor.pipeline
from corpus import GOLDEN_DIR, SAMPLES_DIR, sample_pairs
from extractor.cli import cli
from extractor.golden import compare


def _value(raw, op=None, number=None, unit=None, text=None):
    return {"raw": raw, "op": op, "number": number, "upper": None, "unit": unit, "text": text}


DOC = {
    "schema_version": 1,
    "source": {"file": "seed.pdf", "sha256": "0" * 64, "pages": 19},
    "document": {"title": "某局 2024 年部门预算绩效文本", "year": 2024, "organization": "某局",
                 "organization_code": "133001"},
    "department": {"overall_goal": "总体目标", "sections": [
        {"name": "综合科", "goal": "目标", "indicators": [
            {"name": "综合业务管理工作完成率", "grades": {"优": _value("≥90%", ">=", 90.0, "%")}, "page": 3}]}]},
    "projects": [
        {"seq": 1, "title": "法律顾问绩效目标表", "code": "13081124P00007610001E", "name": "法律顾问",
         "amount_unit": "万元", "budget": {"total": 5.0, "fiscal": 5.0, "other": None}, "purpose": "法律顾问费",
         "spending_plan": [{"period": "3月底", "percent": 25.0}], "goals": ["提高依法行政水平"], "attributes": {},
         "indicators": [
             {"level1": "产出指标", "level2": "数量指标", "level3": "专业律师提供法律帮助", "description": None,
              "value": _value("≥1人", ">=", 1.0, "人"), "basis": None, "page": 7},
             {"level1": "产出指标", "level2": "质量指标", "level3": "法律问题解决率", "description": None,
              "value": _value("≥90百分比", ">=", 90.0, "%"), "basis": None, "page": 7}],
         "pages": [7]},
        {"seq": 2, "title": "车辆运维绩效目标表", "code": "13081124P00007610002E", "name": "车辆运维",
         "amount_unit": "万元", "budget": {"total": 12.0, "fiscal": 12.0, "other": None}, "purpose": None,
         "spending_plan": [], "goals": [], "attributes": {},
         "indicators": [
             {"level1": "产出指标", "level2": "数量指标", "level3": "车辆数", "description": None,
              "value": _value("=12辆", "=", 12.0, "辆"), "basis": None, "page": 8}],
         "pages": [8]}],
    "tables": [{"parts": [{"page": 7, "bbox": [56.7, 120.3, 538.6, 770.1]}], "n_rows": 2, "n_cols": 3,
                "rows": [["项目编码", "13081124P00007610001E", None], ["预算数", "5.00", ""]],
                "spans": [[0, 1, 1, 2]], "engine": "camelot"}],
    "warnings": [{"code": "toc_title_mismatch", "message": "目录写作“法律顾问”", "page": 1}],
}


def _changed(**paths):
    doc = copy.deepcopy(DOC)
    for path, value in paths.items():
        *keys, last = [int(k) if k.isdigit() else k for k in path.split("__")]
        target = doc
        for k in keys:
            target = target[k]
        target[last] = value
    return doc


def _lines(old, new):
    return [str(d) for d in compare(old, new)]


# ---------------------------------------------------------------- what counts as a difference

def test_identical_documents_have_no_difference():
    assert compare(DOC, copy.deepcopy(DOC)) == []


def test_indicator_value_change_names_project_indicator_and_field():
    new = _changed(projects__0__indicators__1__value__number=95.0)
    assert _lines(DOC, new) == ["project 1 法律顾问 › indicator 2 法律问题解决率: value.number: 90.0 -> 95.0"]


def test_project_field_change_names_the_project():
    new = _changed(projects__1__budget__total=13.0)
    assert _lines(DOC, new) == ["project 2 车辆运维: budget.total: 12.0 -> 13.0"]
    new = _changed(projects__0__goals=["提高依法行政水平", "新目标"])
    assert _lines(DOC, new) == ['project 1 法律顾问: goals: ["提高依法行政水平"] -> ["提高依法行政水平", "新目标"]']


def test_null_empty_and_type_changes_are_differences():
    assert _lines(DOC, _changed(projects__0__purpose="")) == ['project 1 法律顾问: purpose: "法律顾问费" -> ""']
    assert _lines(DOC, _changed(projects__0__budget__other=0.0)) == ["project 1 法律顾问: budget.other: null -> 0.0"]
    assert _lines(DOC, _changed(document__year="2024")) == ['document.year: 2024 -> "2024"']
    assert compare(DOC, _changed(projects__0__budget__total=5)) == []  # 5 and 5.0 are the same number


def test_bbox_within_one_point_and_engine_are_ignored():
    near = _changed(tables__0__engine="pdfplumber")
    near["tables"][0]["parts"][0]["bbox"] = [57.6, 119.4, 539.5, 771.0]
    assert compare(DOC, near) == []
    far = copy.deepcopy(DOC)
    far["tables"][0]["parts"][0]["bbox"] = [58.0, 120.3, 538.6, 770.1]
    assert _lines(DOC, far) == ["table 1 (page 7): parts[0].bbox: [56.7, 120.3, 538.6, 770.1] -> "
                                "[58.0, 120.3, 538.6, 770.1]"]


def test_table_cells_and_spans():
    new = _changed(tables__0__rows__1__1="5.0")
    assert _lines(DOC, new) == ['table 1 (page 7): row 1 col 1: "5.00" -> "5.0"']
    new = _changed(tables__0__rows__0__2="")
    assert _lines(DOC, new) == ['table 1 (page 7): row 0 col 2: null -> ""']
    new = _changed(tables__0__spans=[])
    assert _lines(DOC, new) == ["table 1 (page 7): spans: [[0, 1, 1, 2]] -> []"]


def test_warnings_compared_by_code_and_page_only():
    assert compare(DOC, _changed(warnings__0__message="另一种说法")) == []
    assert _lines(DOC, _changed(warnings__0__page=2)) == [
        'warnings: toc_title_mismatch (page 1): "present" -> (absent)',
        'warnings: toc_title_mismatch (page 2): (absent) -> "present"']
    new = copy.deepcopy(DOC)
    new["warnings"].append({"code": "value_unparsed", "message": "x", "page": 7})
    assert _lines(DOC, new) == ['warnings: value_unparsed (page 7): (absent) -> "present"']


def test_missing_and_extra_items():
    fewer = copy.deepcopy(DOC)
    del fewer["projects"][1]
    assert _lines(DOC, fewer) == ["projects (count): 2 -> 1",
                                  'project 2 车辆运维: (project): "{name: 车辆运维}" -> (absent)']
    more = copy.deepcopy(DOC)
    more["projects"][0]["indicators"].append(copy.deepcopy(DOC["projects"][1]["indicators"][0]))
    assert _lines(DOC, more) == ["project 1 法律顾问: indicators (count): 2 -> 3",
                                 'project 1 法律顾问 › indicator 3 车辆数: (indicator): (absent) -> "{level3: 车辆数}"']
    assert _lines(DOC, _changed(department=None))[0].startswith("department: (whole): {")


def test_department_grade_change_names_section_and_indicator():
    new = copy.deepcopy(DOC)
    new["department"]["sections"][0]["indicators"][0]["grades"]["优"]["op"] = ">"
    assert _lines(DOC, new) == ['department section 1 综合科 › indicator 1 综合业务管理工作完成率: grades.优.op: ">=" -> ">"']


# ---------------------------------------------------------------- the command

@pytest.fixture
def golden_env(tmp_path, monkeypatch):
    """A samples/ folder with one PDF and golden/ with its document; extraction returns DOC."""
    samples, golden = tmp_path / "samples", tmp_path / "golden"
    samples.mkdir()
    golden.mkdir()
    (samples / "seed.pdf").write_bytes(b"%PDF-1.4 stand-in: extraction is replaced below\n")
    (golden / "seed.json").write_text(json.dumps(DOC, ensure_ascii=False, indent=2), encoding="utf-8")
    monkeypatch.setattr(extractor.pipeline, "extract_pdf", lambda path, **kw: copy.deepcopy(DOC))
    return samples, golden


def _run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_check_fails_on_a_changed_golden_value_and_passes_after_revert(golden_env):
    samples, golden = golden_env
    path = golden / "seed.json"
    original = path.read_text(encoding="utf-8")
    args = ("golden", "check", "--samples", str(samples), "--golden", str(golden))
    assert _run(*args).exit_code == 0

    doc = json.loads(original)
    doc["projects"][0]["indicators"][1]["value"]["number"] = 95.0  # golden says 95, extraction gives 90
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    result = _run(*args)
    assert result.exit_code == 1
    assert "project 1 法律顾问 › indicator 2 法律问题解决率: value.number: 95.0 -> 90.0" in result.output
    assert "seed.pdf: 1 difference" in result.output

    path.write_text(original, encoding="utf-8")
    result = _run(*args)
    assert result.exit_code == 0 and "seed.pdf: ok" in result.output


def test_check_reports_missing_golden_and_failed_extraction(golden_env, monkeypatch):
    samples, golden = golden_env
    (samples / "other.pdf").write_bytes(b"%PDF-1.4\n")
    result = _run("golden", "check", "--samples", str(samples), "--golden", str(golden))
    assert result.exit_code == 1 and "other.pdf: no golden file" in result.output

    from extractor.errors import Damaged

    def broken(path, **kw):
        raise Damaged(f"{Path(path).name}: damaged PDF (test)")

    monkeypatch.setattr(extractor.pipeline, "extract_pdf", broken)
    result = CliRunner().invoke(cli, ["golden", "check", "--samples", str(samples), "--golden", str(golden)])
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert "extractor: seed.pdf: damaged PDF (test)\n" in result.stderr


def test_update_rewrites_golden_then_check_passes(golden_env, monkeypatch):
    samples, golden = golden_env
    changed = _changed(projects__1__name="车辆维护")
    monkeypatch.setattr(extractor.pipeline, "extract_pdf", lambda path, **kw: copy.deepcopy(changed))
    args = ("--samples", str(samples), "--golden", str(golden))
    assert _run("golden", "check", *args).exit_code == 1
    result = _run("golden", "update", *args)
    assert result.exit_code == 0
    assert json.loads((golden / "seed.json").read_text(encoding="utf-8")) == changed
    assert sorted(p.name for p in golden.iterdir()) == ["seed.json"]  # no temporary file left
    assert _run("golden", "check", *args).exit_code == 0


def test_check_without_samples_is_a_usage_error(tmp_path):
    result = _run("golden", "check", "--samples", str(tmp_path), "--golden", str(tmp_path))
    assert result.exit_code == 2


# ---------------------------------------------------------------- the regression check itself

@pytest.mark.skipif(not sample_pairs(), reason="no samples/*.pdf with a golden/<stem>.json yet")
def test_golden_check_passes_on_the_committed_samples():
    """What `make test` owes the maintainers: `extractor golden check` itself is green on samples/ and
    golden/. (Per-sample, per-engine diffs are reported by tests/test_extract.py::test_sample_equals_golden.)"""
    result = _run("golden", "check", "--samples", str(SAMPLES_DIR), "--golden", str(GOLDEN_DIR))
    assert result.exit_code == 0, result.output
    assert f"{len(sample_pairs())} samples: {len(sample_pairs())} match, 0 differ, 0 failed" in result.output


def test_long_text_is_shown_from_where_it_differs():
    goal = "综合科围绕全局中心工作，" * 20
    new = _changed(department__overall_goal=goal + "新增一句。")
    old = _changed(department__overall_goal=goal + "原来一句。")
    (line,) = _lines(old, new)
    assert line.startswith('department: overall_goal: "…') and "原来一句。\" -> \"…" in line and "新增一句" in line
    assert len(line) < 200
