"""The Python API (extractor/api.py): extractor.read / read_many -> typed Documents with pandas views.

Expected values come from golden/ (the sample generator's own model of each PDF), never from the
extractor's output; the README's notebook example is executed as written.
"""

from __future__ import annotations

import doctest
import json
import re
import subprocess
import sys

import pytest

import extractor
from extractor.api import Document, PageOutOfRange, Table
from extractor.errors import ExtractorError


@pytest.fixture(scope="module")
def seed_doc(samples_dir):
    return extractor.read(samples_dir / "seed.pdf")


@pytest.fixture(scope="module")
def seed_golden(golden_dir):
    return json.loads((golden_dir / "seed.json").read_text(encoding="utf-8"))


def test_read_gives_a_typed_document(seed_doc, seed_golden):
    assert isinstance(seed_doc, Document)
    assert all(isinstance(t, Table) for t in seed_doc.tables)
    assert seed_doc.document == seed_golden["document"]
    assert [p["code"] for p in seed_doc.projects] == [p["code"] for p in seed_golden["projects"]]
    assert seed_doc.department["overall_goal"] == seed_golden["department"]["overall_goal"]
    assert {w["code"] for w in seed_doc.warnings} == {w["code"] for w in seed_golden["warnings"]}


def test_to_dict_and_to_json_are_the_contract(seed_doc):
    from extractor.schema import validation_errors

    data = seed_doc.to_dict()
    assert list(data)[:7] == ["schema_version", "source", "document", "department", "projects", "tables",
                              "warnings"]
    assert validation_errors(data) == []
    again = Document.from_json(seed_doc.to_json())
    assert again.to_dict() == data


def test_indicators_df_has_one_row_per_golden_indicator(seed_doc, seed_golden):
    df = seed_doc.indicators_df()
    want = [(p["seq"], i["level3"], i["value"]["number"]) for p in seed_golden["projects"] for i in p["indicators"]]
    got = list(zip(df["project_seq"], df["level3"], df["number"]))
    assert len(got) == len(want)
    assert [(s, l3) for s, l3, _ in got] == [(s, l3) for s, l3, _ in want]
    nan = float("nan")
    assert [n for *_, n in got] == pytest.approx([nan if n is None else n for *_, n in want], nan_ok=True)


def test_projects_df_budgets(seed_doc, seed_golden):
    df = seed_doc.projects_df()
    assert df["name"].tolist() == [p["name"] for p in seed_golden["projects"]]
    assert df["budget_total"].tolist() == [p["budget"]["total"] for p in seed_golden["projects"]]


def test_table_to_df_header_rows_as_column_index(seed_doc, seed_golden):
    golden = seed_golden["tables"][0]  # the graded table: 绩效指标 over two rows, 评价标准 over 优 良 中 差
    table = seed_doc.tables[0]
    assert table.header_rows() == 2
    df = table.to_df()
    assert list(df.columns) == [("绩效指标", "绩效指标"), ("评价标准", "优"), ("评价标准", "良"),
                                ("评价标准", "中"), ("评价标准", "差")]
    assert df.values.tolist() == golden["rows"][2:]
    flat = table.to_df(header=0)
    assert flat.shape == (golden["n_rows"], golden["n_cols"])


def test_table_title_and_unit_are_the_printed_heading(seed_doc, seed_golden):
    """Each project's table carries the heading printed above it (`N. <project title>`) and its 单位."""
    by_page = {t.pages[0]: t for t in seed_doc.tables}
    for project in seed_golden["projects"]:
        table = by_page[project["pages"][0]]
        assert table.title == f"{project['seq']}. {project['title']}"
        assert table.unit == project["amount_unit"]
    assert seed_doc.tables[0].title is None  # the department table stands under prose, no heading


def test_pages_beyond_the_document_is_an_error_naming_its_length(samples_dir):
    with pytest.raises(PageOutOfRange, match=r"the PDF has 18 pages") as info:
        extractor.read(samples_dir / "seed.pdf", pages=[40])
    assert info.value.n_pages == 18 and info.value.code == "bad_page"


def test_read_many_in_order_and_in_parallel(samples_dir, golden_dir):
    names = ["central.pdf", "wps-rects.pdf", "lo-hebei.pdf"]
    docs = list(extractor.read_many([samples_dir / n for n in names], jobs=2))
    assert [d.file for d in docs] == names
    for d in docs:
        golden = json.loads((golden_dir / d.file.replace(".pdf", ".json")).read_text(encoding="utf-8"))
        assert [p["name"] for p in d.projects] == [p["name"] for p in golden["projects"]]


def test_read_many_errors(tmp_path, samples_dir):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf at all")
    with pytest.raises(ExtractorError) as info:
        list(extractor.read_many([bad], jobs=1))
    assert info.value.code == "not_a_pdf" and type(info.value).__name__ == "NotAPdf"
    docs = list(extractor.read_many([bad, samples_dir / "central.pdf"], jobs=2, errors="skip"))
    assert [d.file for d in docs] == ["central.pdf"]


def test_import_is_lazy():
    """`import extractor` must not import pandas, pdfplumber or the API (the CLI's --help stays fast)."""
    code = "import sys, extractor; print(sorted(m for m in ('pandas', 'pdfplumber', 'extractor.api') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_readme_example_runs_as_written(repo_root, monkeypatch):
    text = (repo_root / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(>>> .*?)```", text, flags=re.S)
    assert blocks, "README has no ```python >>> example"
    monkeypatch.chdir(repo_root)
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    for n, block in enumerate(blocks):
        test = parser.get_doctest(block, {}, f"README example {n + 1}", "README.md", 0)
        runner.run(test)
    assert runner.failures == 0 and runner.tries > 5


# ---------------------------------------------------------------- field documentation (issue 17, item 2)

def _properties(node, path=""):
    """(path, schema) of every property declared in the schema (if/then conditions are not properties)."""
    if isinstance(node, dict):
        for key, sub in (node.get("properties") or {}).items():
            yield f"{path}/{key}", sub
        for key, sub in node.items():
            if key not in ("if", "then", "else"):
                yield from _properties(sub, f"{path}/{key}" if key != "properties" else path)
    elif isinstance(node, list):
        for sub in node:
            yield from _properties(sub, path)


def test_every_schema_property_has_a_description():
    from extractor.schema import load_schema

    props = list(_properties(load_schema()))
    assert len(props) > 60
    missing = sorted({p for p, sub in props if not (isinstance(sub, dict) and sub.get("description"))})
    assert missing == []


def test_docs_output_md_names_every_json_key_and_csv_column(repo_root):
    from extractor.batch.outputs import ERROR_COLUMNS
    from extractor.schema import load_schema
    from extractor.write import rows as R

    text = (repo_root / "docs" / "output.md").read_text(encoding="utf-8")
    keys = {p.rsplit("/", 1)[1] for p, _ in _properties(load_schema())}
    columns = set(R.INDICATOR_COLUMNS + R.PROJECT_COLUMNS + R.DEPARTMENT_COLUMNS + ERROR_COLUMNS + ["pages"])
    for name in sorted(keys | columns):
        assert f"`{name}`" in text or f"`{name}[]`" in text or f".{name}`" in text or f".{name}[]`" in text, name
    for prefix in ("plan_<period>", "attr_<label>", "tables/<stem>-<n>.csv"):
        assert prefix in text
