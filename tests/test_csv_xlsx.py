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
