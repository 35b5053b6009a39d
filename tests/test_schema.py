"""The shipped JSON Schema accepts the contract's own example and rejects what the contract forbids."""

import copy

import pytest

from extractor.schema import validation_errors

VALUE = {"raw": "≥90百分比", "op": ">=", "number": 90.0, "upper": None, "unit": "%", "text": None}

EXAMPLE = {
    "schema_version": 1,
    "source": {"file": "seed.pdf", "sha256": "0" * 64, "pages": 19},
    "document": {"title": "承德高新技术产业开发区城市管理综合行政执法局本级 2024 年部门预算绩效文本", "year": 2024,
                 "organization": "承德高新技术产业开发区城市管理综合行政执法局本级", "organization_code": "133001"},
    "department": {"overall_goal": "高新区……", "sections": [
        {"name": "综合科", "goal": "综合科……", "indicators": [
            {"name": "综合业务管理工作完成率", "grades": {"优": VALUE, "良": VALUE, "中": VALUE, "差": VALUE}, "page": 3}]}]},
    "projects": [{
        "seq": 1, "title": "法律顾问绩效目标表", "code": "13081124P00007610001E", "name": "法律顾问",
        "amount_unit": "万元", "budget": {"total": 5.0, "fiscal": 5.0, "other": None}, "purpose": "法律顾问费",
        "spending_plan": [{"period": "3月底", "percent": 25.0}], "goals": ["提高……"], "attributes": {},
        "indicators": [{"level1": "产出指标", "level2": "数量指标", "level3": "专业律师提供法律帮助",
                        "description": "专业律师提供法律帮助", "value": VALUE, "basis": "根据……", "page": 7}],
        "pages": [7, 8]}],
    "tables": [{"parts": [{"page": 7, "bbox": [56.7, 120.3, 538.6, 770.1]}], "n_rows": 1, "n_cols": 7,
                "rows": [["项目编码", "13081124P00007610001E", None, "项目名称", "法律顾问", None, None]],
                "spans": [[0, 1, 1, 2]], "engine": "camelot"}],
    "warnings": [{"code": "toc_title_mismatch", "message": "……", "page": 1}],
}


def test_contract_example_is_valid():
    assert validation_errors(EXAMPLE) == []


@pytest.mark.parametrize("path, bad", [
    (("schema_version",), 2),
    (("source", "sha256"), "xyz"),
    (("projects", 0, "indicators", 0, "value", "op"), "≥"),
    (("projects", 0, "indicators", 0, "value", "number"), "90"),
    (("projects", 0, "budget", "total"), "5.00"),
    (("projects", 0, "spending_plan", 0, "period"), "3 月底"),
    (("tables", 0, "parts", 0, "bbox"), [1, 2, 3]),
    (("warnings", 0, "code"), "Bad Code"),
])
def test_schema_rejects(path, bad):
    doc = copy.deepcopy(EXAMPLE)
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = bad
    assert validation_errors(doc), f"schema accepted {path}={bad!r}"


def test_range_needs_upper():
    doc = copy.deepcopy(EXAMPLE)
    doc["projects"][0]["indicators"][0]["value"] = dict(VALUE, op="range", upper=None)
    assert validation_errors(doc)
