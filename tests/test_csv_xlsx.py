"""CSV and XLSX for spreadsheets (issue 17, items 3 and 4): every raw table as a CSV, attributes as
attr_ columns, formula-like text shown as text, code columns as text, header rows frozen, one workbook per
PDF with a tables index. Expected values come from golden/ (the sample generator's model)."""

from __future__ import annotations

import copy
import csv
import json
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from corpus import GOLDEN_DIR, REPO_ROOT, SAMPLES_DIR
from extractor.cli import cli


def golden(stem: str) -> dict:
    return json.loads((GOLDEN_DIR / f"{stem}.json").read_text(encoding="utf-8"))


def read_rows(path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def as_printed(rows: list[list[str | None]]) -> list[list[str]]:
    from extractor.write.csv_out import excel_text

    width = max(len(r) for r in rows)
    return [[excel_text(t) if t else "" for t in list(r) + [None] * (width - len(r))] for r in rows]


@pytest.fixture(scope="module")
def seed_csv(tmp_path_factory):
    out = tmp_path_factory.mktemp("csv")
    res = CliRunner().invoke(cli, ["extract", str(SAMPLES_DIR / "seed.pdf"), str(SAMPLES_DIR / "central.pdf"),
                                   "--format", "csv", "-o", str(out)])
    assert res.exit_code == 0, res.output
    return out


def test_format_csv_writes_every_table(seed_csv):
    for stem in ("seed", "central"):
        tables = golden(stem)["tables"]
        files = sorted((seed_csv / "tables").glob(f"{stem}-*.csv"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        assert [p.name for p in files] == [f"{stem}-{n}.csv" for n in range(1, len(tables) + 1)]
        for path, table in zip(files, tables):
            assert read_rows(path) == as_printed(table["rows"]), path.name


def test_projects_csv_has_attr_columns(seed_csv):
    with open(seed_csv / "projects.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    project = golden("central")["projects"][0]
    row = next(r for r in rows if r["file"] == "central.pdf")
    assert project["attributes"]  # 主管部门, 实施单位
    for label, text in project["attributes"].items():
        assert row[f"attr_{label}"] == text
    seed_row = next(r for r in rows if r["file"] == "seed.pdf")
    assert all(seed_row[f"attr_{label}"] == "" for label in project["attributes"])


def test_formula_like_text_is_shown_as_text_in_csv_but_raw_in_json(tmp_path):
    from extractor.write.csv_out import write_csv
    from extractor.write.json_out import write_json

    doc = copy.deepcopy(golden("central"))
    ind = doc["projects"][0]["indicators"]
    attacks = ['=HYPERLINK("http://x","y")', "+1+2", "-2+3", "@SUM(A1:A2)"]
    for k, text in enumerate(attacks):
        ind[k]["level3"] = text
    ind[4]["value"]["op"] = "="  # a lone = is an operator, not a formula
    write_csv(doc, tmp_path)
    with open(tmp_path / "indicators.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["level3"] for r in rows[:4]] == ["'" + t for t in attacks]
    assert rows[4]["op"] == "="
    write_json(doc, tmp_path / "doc.json")
    again = json.loads((tmp_path / "doc.json").read_text(encoding="utf-8"))
    assert [i["level3"] for i in again["projects"][0]["indicators"][:4]] == attacks


def test_batch_csv_writes_tables_mirroring_inputs(tmp_path):
    src = tmp_path / "in" / "sub"
    src.mkdir(parents=True)
    shutil.copy(SAMPLES_DIR / "central.pdf", src / "c.pdf")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "extractor", "batch", str(tmp_path / "in"), "-o", str(out),
                           "-j", "1", "--no-progress"], capture_output=True, text=True, cwd=REPO_ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert read_rows(out / "tables" / "sub" / "c-1.csv") == as_printed(golden("central")["tables"][0]["rows"])


# ---------------------------------------------------------------- XLSX

def _code_doc() -> dict:
    doc = copy.deepcopy(golden("central"))
    doc["tables"] = [{"parts": [{"page": 1, "bbox": [0, 0, 10, 10]}], "n_rows": 4, "n_cols": 3,
                      "rows": [["科目编码", "科目名称", "金额"], ["201", "一般公共服务支出", "1,234.50"],
                               ["05", "教育支出", "25"], ["2010101", "行政运行", "7"]],
                      "spans": [], "engine": "camelot", "title": None, "unit": "万元"},
                     {"parts": [{"page": 1, "bbox": [0, 20, 10, 30]}], "n_rows": 1, "n_cols": 4,
                      "rows": [["项目编号", "201", "预算数", "5.00"]], "spans": [], "engine": "camelot",
                      "title": None, "unit": None}]
    return doc


def test_xlsx_code_columns_are_always_text(tmp_path):
    import openpyxl

    from extractor.write.xlsx_out import write_xlsx

    path = tmp_path / "codes.xlsx"
    write_xlsx(_code_doc(), path)
    wb = openpyxl.load_workbook(path)
    first = wb.sheetnames.index("表格") + 1  # the raw table sheets follow the index
    ws = wb[wb.sheetnames[first]]
    assert [(ws.cell(row=r, column=1).value, ws.cell(row=r, column=1).data_type) for r in (2, 3, 4)] == \
        [("201", "s"), ("05", "s"), ("2010101", "s")]
    assert ws["C2"].value == 1234.5  # an amount is still a number
    form = wb[wb.sheetnames[first + 1]]
    assert form["B1"].value == "201" and form["B1"].data_type == "s"  # the value of a 项目编号 label
    assert form["D1"].value == 5.0


def test_xlsx_freezes_every_header_row(tmp_path):
    import openpyxl

    from extractor.write.xlsx_out import write_xlsx

    doc = golden("seed")
    assert doc["tables"][0]["rows"][1][0] is None  # 绩效指标 spans two header rows
    path = tmp_path / "seed.xlsx"
    write_xlsx(doc, path)
    wb = openpyxl.load_workbook(path)
    assert wb[wb.sheetnames[wb.sheetnames.index("表格") + 1]].freeze_panes == "A3"


def test_batch_xlsx_one_workbook_per_pdf_and_a_small_combined_one(tmp_path):
    import openpyxl

    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLES_DIR / "seed.pdf", src / "seed.pdf")
    shutil.copy(SAMPLES_DIR / "central.pdf", src / "central.pdf")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "extractor", "batch", str(src), "-o", str(out), "-j", "1",
                           "--format", "json,xlsx", "--no-progress"], capture_output=True, text=True,
                          cwd=REPO_ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    seed = openpyxl.load_workbook(out / "seed.xlsx")
    assert len(seed.sheetnames) == seed.sheetnames.index("表格") + 1 + len(golden("seed")["tables"])
    combined = openpyxl.load_workbook(out / "batch.xlsx")
    assert combined.sheetnames == ["项目", "指标", "部门指标", "警告", "表格"]
    index = combined["表格"]
    header = [c.value for c in index[1]]
    rows = [dict(zip(header, r)) for r in index.iter_rows(min_row=2, values_only=True)]
    assert len(rows) == len(golden("seed")["tables"]) + len(golden("central")["tables"])
    first_project = next(r for r in rows if r["file"] == "seed.pdf" and r["title"])
    assert first_project["title"] == "1. " + golden("seed")["projects"][0]["title"]
    assert first_project["unit"] == "万元" and first_project["workbook"] == "seed.xlsx"
    assert index.cell(row=2, column=3).hyperlink.target.startswith("central.xlsx#")
