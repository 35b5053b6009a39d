"""The CSV and XLSX writers against contract documents: the golden files (written by the sample
generator from its own model, not by the extractor) and a small hand-made document with awkward text.

The written files are read back the way their users read them (pandas, openpyxl) and checked column by
column against the JSON they were written from.
"""

from __future__ import annotations

import copy
import csv
import json
import math
import os
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from corpus import golden_files
from extractor.write.atomic import atomic_write
from extractor.write.csv_out import excel_text
from extractor.write.csv_out import write_csv
from extractor.write.json_out import write_json
from extractor.write.xlsx_out import write_xlsx

GOLDEN = golden_files()


def _value(raw, op=None, number=None, unit=None, text=None, upper=None):
    return {"raw": raw, "op": op, "number": number, "upper": upper, "unit": unit, "text": text}


# Text that breaks naive CSV/XLSX writing: commas, quotes, line breaks, a leading "=", a code of digits.
HANDMADE = {
    "schema_version": 1,
    "source": {"file": "handmade.pdf", "sha256": "0" * 64, "pages": 9},
    "document": {"title": "某局 2024 年部门预算绩效文本", "year": 2024, "organization": "某局",
                 "organization_code": "133001"},
    "department": {"overall_goal": "总体目标", "sections": [
        {"name": "综合科", "goal": "目标", "indicators": [
            {"name": "综合业务管理工作完成率",
             "grades": {"优": _value("≥90%", ">=", 90.0, "%"), "良": _value("80%-90%", "range", 80.0, "%", upper=90.0),
                        "中": _value("60%-80%", "range", 60.0, "%", upper=80.0), "差": _value("60%以下", "<=", 60.0, "%")},
             "page": 3}]}]},
    "projects": [
        {"seq": 1, "title": "法律顾问绩效目标表", "code": "13081124P00007610001E", "name": "法律顾问, \"常年\"",
         "amount_unit": "万元", "budget": {"total": 5.0, "fiscal": 5.0, "other": None}, "purpose": "法律顾问费",
         "spending_plan": [{"period": "3月底", "percent": 25.0}, {"period": "6月底", "percent": 50.0}],
         "goals": ["提高依法行政水平", "按时解决法律问题"], "attributes": {},
         "indicators": [
             {"level1": "产出指标", "level2": "数量指标", "level3": "专业律师提供法律帮助", "description": "律师,一名",
              "value": _value("≥1人", ">=", 1.0, "人"), "basis": "根据\n执法需要", "page": 7},
             {"level1": "产出指标", "level2": "质量指标", "level3": "完成率", "description": None,
              "value": _value("=100.00(%)", "=", 100.0, "%"), "basis": None, "page": 8},
             {"level1": "效益指标", "level2": "社会效益指标", "level3": "执法水平", "description": None,
              "value": _value("显著提高", text="显著提高"), "basis": None, "page": 8}],
         "pages": [7, 8]},
        {"seq": 2, "title": "设备购置绩效目标表", "code": "0012", "name": "设备购置", "amount_unit": "元",
         "budget": {"total": 1234567.5, "fiscal": 1000000.0, "other": 234567.5}, "purpose": None,
         "spending_plan": [{"period": "6月底", "percent": 40.0}, {"period": "12月底", "percent": 100.0}],
         "goals": [], "attributes": {"项目性质": "一次性项目"}, "indicators": [], "pages": [9]}],
    "tables": [
        {"parts": [{"page": 7, "bbox": [56.7, 120.3, 538.6, 770.1]}, {"page": 8, "bbox": [56.7, 90.2, 538.6, 160.0]}],
         "n_rows": 3, "n_cols": 4,
         "rows": [["项目编码", "13081124P00007610001E", None, "0012"],
                  ["预算数", "1,234,567.50", "25%", ""],
                  ["=100.00(%)", "5.00", "2024-01-01", "13081124000"]],
         "spans": [[0, 1, 1, 2]], "engine": "camelot"}],
    "warnings": [],
}


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


DOCS = [pytest.param(HANDMADE, id="handmade")] + [pytest.param(_load(p), id=p.stem) for p in GOLDEN]


def _indicators(doc):
    return [(p, i) for p in doc["projects"] for i in p["indicators"]]


def _grades(doc):
    dep = doc.get("department") or {}
    return [(s, i, g, v) for s in dep.get("sections", []) for i in s["indicators"] for g, v in i["grades"].items()]


def _num(x):
    """A CSV number read back by pandas (NaN for empty) compared with the JSON number (None for empty)."""
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


# ---------------------------------------------------------------- CSV

@pytest.fixture
def csv_dir(tmp_path):
    return tmp_path / "csv"


@pytest.mark.parametrize("doc", DOCS)
def test_csv_columns_bom_and_quoting(doc, csv_dir):
    write_csv([doc], csv_dir)
    for name in ("indicators.csv", "projects.csv", "department.csv"):
        data = (csv_dir / name).read_bytes()
        assert data.startswith(b"\xef\xbb\xbf"), f"{name}: no UTF-8 byte-order mark"
        assert b"\r\n" in data and data.count(b"\r\n") >= 1
    header = next(csv.reader((csv_dir / "indicators.csv").open(encoding="utf-8-sig", newline="")))
    assert header == ["file", "project_seq", "project_code", "project_name", "level1", "level2", "level3",
                      "description", "value_raw", "op", "number", "upper", "unit", "value_text", "basis", "page",
                      "kind", "department_unit", "weight", "period_value_raw", "actual_raw", "score"]
    header = next(csv.reader((csv_dir / "department.csv").open(encoding="utf-8-sig", newline="")))
    assert header == ["file", "section", "indicator", "grade", "value_raw", "op", "number", "upper", "unit",
                      "value_text", "page"]
    header = next(csv.reader((csv_dir / "projects.csv").open(encoding="utf-8-sig", newline="")))
    periods = list(dict.fromkeys(s["period"] for p in doc["projects"] for s in p["spending_plan"]))
    labels = list(dict.fromkeys(k for p in doc["projects"] for k in p.get("attributes") or {}))
    assert header == ["file", "seq", "code", "name", "amount_unit", "budget_total", "budget_fiscal",
                      "budget_other", "purpose", "goals"] + [f"plan_{p}" for p in periods] + ["pages"] + \
        ["kind", "department_unit", "total_score", "execution_budgeted", "execution_executed", "execution_rate",
         "execution_score"] + [f"attr_{k}" for k in labels]


@pytest.mark.parametrize("doc", DOCS)
def test_indicators_csv_values_and_types(doc, csv_dir):
    write_csv(doc, csv_dir)
    df = pd.read_csv(csv_dir / "indicators.csv", encoding="utf-8-sig", keep_default_na=False,
                     na_values={"number": [""], "upper": [""]}, dtype={"project_code": str})
    expected = _indicators(doc)
    assert len(df) == len(expected)
    if not expected:
        return
    assert pd.api.types.is_numeric_dtype(df["number"]) and pd.api.types.is_numeric_dtype(df["upper"])
    assert pd.api.types.is_integer_dtype(df["page"]) and pd.api.types.is_integer_dtype(df["project_seq"])
    for (project, ind), (_, row) in zip(expected, df.iterrows()):
        v = ind["value"]
        assert row["file"] == doc["source"]["file"]
        assert row["project_seq"] == project["seq"] and row["project_name"] == (project["name"] or "")
        assert row["project_code"] == (project["code"] or "")
        assert row["level3"] == excel_text(ind["level3"] or "") and row["basis"] == excel_text(ind["basis"] or "")
        assert row["value_raw"] == excel_text(v["raw"]) and row["op"] == (v["op"] or "")
        assert row["unit"] == (v["unit"] or "")
        assert _num(row["number"]) == v["number"] and _num(row["upper"]) == v["upper"]
        assert row["value_text"] == excel_text(v["text"] or "") and row["page"] == ind["page"]


@pytest.mark.parametrize("doc", DOCS)
def test_projects_csv_values_and_types(doc, csv_dir):
    write_csv(doc, csv_dir)
    df = pd.read_csv(csv_dir / "projects.csv", encoding="utf-8-sig", keep_default_na=False,
                     na_values=[""], dtype={"code": str, "pages": str})
    assert len(df) == len(doc["projects"])
    for project, (_, row) in zip(doc["projects"], df.iterrows()):
        assert row["seq"] == project["seq"]
        for key in ("total", "fiscal", "other"):
            assert _num(row[f"budget_{key}"]) == project["budget"][key]
        goals = row["goals"] if isinstance(row["goals"], str) else ""
        assert goals == "\n".join(project["goals"])
        assert row["pages"] == ",".join(map(str, project["pages"]))
        plan = {s["period"]: s["percent"] for s in project["spending_plan"]}
        for col in [c for c in df.columns if c.startswith("plan_")]:
            assert _num(row[col]) == plan.get(col[len("plan_"):])
    for col in ["budget_total", "budget_fiscal", "budget_other"] + [c for c in df.columns if c.startswith("plan_")]:
        assert df[col].isna().all() or pd.api.types.is_numeric_dtype(df[col]), f"{col} is not numeric"


@pytest.mark.parametrize("doc", DOCS)
def test_department_csv_one_row_per_grade(doc, csv_dir):
    write_csv(doc, csv_dir)
    df = pd.read_csv(csv_dir / "department.csv", encoding="utf-8-sig", keep_default_na=False,
                     na_values={"number": [""], "upper": [""]})
    expected = _grades(doc)
    assert len(df) == len(expected)
    for (section, ind, grade, v), (_, row) in zip(expected, df.iterrows()):
        assert (row["section"], row["indicator"], row["grade"]) == (section["name"], ind["name"], grade)
        assert row["value_raw"] == v["raw"] and _num(row["number"]) == v["number"]
        assert row["page"] == ind["page"]


def test_csv_round_trips_awkward_text(csv_dir):
    write_csv(HANDMADE, csv_dir)
    with (csv_dir / "projects.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["name"] == "法律顾问, \"常年\"" and rows[0]["goals"] == "提高依法行政水平\n按时解决法律问题"
    assert rows[1]["code"] == "0012"  # text stays text: the leading zeros are kept
    assert rows[0]["budget_other"] == "" and rows[1]["budget_total"] == "1234567.5"
    with (csv_dir / "indicators.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["basis"] == "根据\n执法需要" and rows[0]["description"] == "律师,一名"
    # a formula-like text gets Excel's text mark (issue 17); the lone "=" of `op` does not
    assert rows[1]["value_raw"] == "'=100.00(%)" and rows[1]["op"] == "="
    assert rows[2]["op"] == "" and rows[2]["value_text"] == "显著提高"


def test_csv_plan_columns_span_all_documents(csv_dir):
    other = copy.deepcopy(HANDMADE)
    other["source"]["file"] = "other.pdf"
    other["projects"] = [dict(other["projects"][0], spending_plan=[{"period": "9月底", "percent": 70.0}])]
    write_csv([HANDMADE, other], csv_dir)
    df = pd.read_csv(csv_dir / "projects.csv", encoding="utf-8-sig")
    assert [c for c in df.columns if c.startswith("plan_")] == ["plan_3月底", "plan_6月底", "plan_12月底", "plan_9月底"]
    assert list(df.columns).index("pages") > list(df.columns).index("plan_9月底")
    assert list(df.columns[-1:]) == ["attr_项目性质"]
    assert list(df["file"]) == ["handmade.pdf", "handmade.pdf", "other.pdf"]
    assert df.loc[2, "plan_9月底"] == 70.0 and math.isnan(df.loc[2, "plan_3月底"])
    assert df.loc[1, "plan_12月底"] == 100.0


# ---------------------------------------------------------------- XLSX

def _sheet_rows(ws):
    rows = list(ws.iter_rows(values_only=True))
    return list(rows[0]), [dict(zip(rows[0], r)) for r in rows[1:]]


@pytest.mark.parametrize("doc", DOCS)
def test_xlsx_sheets_types_and_values(doc, tmp_path):
    path = tmp_path / "out.xlsx"
    write_xlsx(doc, path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:3] == ["项目", "指标", "部门指标"]
    first = wb.sheetnames.index("表格") + 1  # the data sheets (项目 … 警告), the 表格 index, one per raw table
    assert len(wb.sheetnames) == first + len(doc["tables"])
    for name in ("项目", "指标", "部门指标"):
        assert wb[name].freeze_panes == "A2"

    header, rows = _sheet_rows(wb["指标"])
    assert header[:4] == ["file", "project_seq", "project_code", "project_name"]
    expected = _indicators(doc)
    assert len(rows) == len(expected)
    for (project, ind), row in zip(expected, rows):
        v = ind["value"]
        assert row["value_raw"] == v["raw"] and row["level3"] == ind["level3"]
        assert row["number"] == v["number"] and row["upper"] == v["upper"]
        assert isinstance(row["page"], int) and row["page"] == ind["page"]
        if v["number"] is not None:
            assert isinstance(row["number"], (int, float))

    header, rows = _sheet_rows(wb["项目"])
    assert len(rows) == len(doc["projects"])
    for project, row in zip(doc["projects"], rows):
        assert row["seq"] == project["seq"] and row["code"] == project["code"]
        assert row["budget_total"] == project["budget"]["total"]
        for s in project["spending_plan"]:  # percentages as numbers: 25 for 25 %
            assert row[f"plan_{s['period']}"] == s["percent"]
            assert s["percent"] is None or isinstance(row[f"plan_{s['period']}"], (int, float))

    _, rows = _sheet_rows(wb["部门指标"])
    assert len(rows) == len(_grades(doc))


@pytest.mark.parametrize("doc", DOCS)
def test_xlsx_raw_tables_reproduce_merged_cells(doc, tmp_path):
    path = tmp_path / "out.xlsx"
    write_xlsx(doc, path)
    wb = openpyxl.load_workbook(path)
    table_sheets = wb.sheetnames[wb.sheetnames.index("表格") + 1:]
    for table, name in zip(doc["tables"], table_sheets):
        ws = wb[name]
        merged = {str(r) for r in ws.merged_cells.ranges}
        expected = set()
        for r, c, rs, cs in table["spans"]:
            if rs > 1 or cs > 1:
                first = ws.cell(row=r + 1, column=c + 1).coordinate
                last = ws.cell(row=r + rs, column=c + cs).coordinate
                expected.add(f"{first}:{last}")
        assert merged == expected, name
        for r, row in enumerate(table["rows"]):
            for c, text in enumerate(row):
                value = ws.cell(row=r + 1, column=c + 1).value
                if not text:
                    assert value is None
                elif isinstance(value, str):
                    assert value == text
                else:  # a printed number, typed: same digits
                    plain = text.replace(",", "").rstrip("%")
                    expected_number = float(plain) / (100 if text.endswith("%") else 1)
                    assert value == pytest.approx(expected_number), (name, r, c, text)


def test_xlsx_handmade_details(tmp_path):
    path = tmp_path / "one.xlsx"
    write_xlsx(HANDMADE, path)
    wb = openpyxl.load_workbook(path)
    first = wb.sheetnames.index("表格")
    ws = wb[wb.sheetnames[first + 1]]
    assert wb.sheetnames[first:] == ["表格", "表1 p7-8"]
    assert ws["B2"].value == 1234567.5 and ws["B2"].number_format == "#,##0.00"
    assert ws["C2"].value == 0.25 and ws["C2"].number_format == "0%"
    assert ws["B3"].value == 5.0 and ws["B3"].number_format == "0.00"
    assert ws["D1"].value == "0012" and ws["D3"].value == "13081124000"  # codes stay text
    assert ws["A3"].value == "=100.00(%)" and ws["A3"].data_type == "s"  # not a formula
    assert ws["C3"].value == "2024-01-01"
    assert ws.freeze_panes == "A2"
    ind = wb["指标"]
    header = [c.value for c in ind[1]]
    cell = ind.cell(row=3, column=header.index("value_raw") + 1)
    assert cell.value == "=100.00(%)" and cell.data_type == "s"
    proj = wb["项目"]
    header = [c.value for c in proj[1]]
    code = proj.cell(row=3, column=header.index("code") + 1)
    assert code.value == "0012" and code.data_type == "s"
    name_col = proj.column_dimensions[openpyxl.utils.get_column_letter(header.index("name") + 1)]
    assert 12 <= name_col.width <= 50  # wide enough for the name, capped
    goals = proj.cell(row=2, column=header.index("goals") + 1)
    assert goals.alignment.wrap_text and proj.row_dimensions[2].height >= 30  # two goals, two lines shown
    index = wb["表格"]
    assert index["C2"].value == "表1 p7-8" and index["C2"].hyperlink.location == "'表1 p7-8'!A1"


def test_xlsx_combined_workbook_for_a_batch(tmp_path):
    other = copy.deepcopy(HANDMADE)
    other["source"]["file"] = "other.pdf"
    docs = [HANDMADE, other] + [_load(p) for p in GOLDEN]
    path = tmp_path / "batch.xlsx"
    write_xlsx(docs, path)
    wb = openpyxl.load_workbook(path)
    first = wb.sheetnames.index("表格") + 1
    assert len(wb.sheetnames) == first + sum(len(d["tables"]) for d in docs)
    assert len(set(wb.sheetnames)) == len(wb.sheetnames)
    assert all(len(n) <= 31 for n in wb.sheetnames)
    assert wb.sheetnames[first:first + 2] == ["F1 表1 p7-8", "F2 表1 p7-8"]
    files = [r[0] for r in wb["指标"].iter_rows(min_row=2, values_only=True)]
    assert files[:6] == ["handmade.pdf"] * 3 + ["other.pdf"] * 3
    assert len(files) == sum(len(_indicators(d)) for d in docs)


# ---------------------------------------------------------------- JSON and atomic writing

def test_write_json_keeps_chinese_and_round_trips(tmp_path):
    path = tmp_path / "doc.json"
    write_json(HANDMADE, path)
    text = path.read_text(encoding="utf-8")
    assert "法律顾问" in text and "\\u" not in text and text.startswith('{\n  "schema_version": 1')
    assert json.loads(text) == HANDMADE


def test_atomic_write_replaces_only_on_success(tmp_path):
    path = tmp_path / "out.csv"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_write(path, "w") as fh:
            fh.write("half of the new content")
            raise RuntimeError("killed mid-write")
    assert path.read_text(encoding="utf-8") == "old"
    assert sorted(os.listdir(tmp_path)) == ["out.csv"]  # the temporary file is gone
    with atomic_write(path, "wb") as fh:
        fh.write(b"new")
    assert path.read_bytes() == b"new" and sorted(os.listdir(tmp_path)) == ["out.csv"]


def test_atomic_write_writes_next_to_the_target(tmp_path, monkeypatch):
    seen = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda a, b: (seen.append((Path(a), Path(b))), real_replace(a, b)))
    write_csv(HANDMADE, tmp_path)
    assert {b.name for _, b in seen} == {"indicators.csv", "projects.csv", "department.csv", "handmade-1.csv"}
    assert all(a.parent == b.parent for a, b in seen)
    assert (os.stat(tmp_path / "projects.csv").st_mode & 0o777) != 0o600  # not mkstemp's private mode
