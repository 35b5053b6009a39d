"""`extractor extract` and extract_pdf: every sample equals its golden file with both engines, the output
validates against the contract's JSON Schema, and the command line behaves as spec/cli.md says."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from corpus import REPO_ROOT, SAMPLES_DIR, SHANGHAI_WANLI_2023, sample_pairs
from extractor.cli import cli
from extractor.golden import compare

SCHEMA = json.loads((REPO_ROOT / "extractor" / "schema.json").read_text(encoding="utf-8"))

PAIRS = sample_pairs()
ENGINES = ["camelot", "pdfplumber"]

_cache: dict[tuple[str, str], dict] = {}


def extracted(pdf: Path, engine: str) -> dict:
    from extractor.pipeline import extract_pdf

    key = (str(pdf), engine)
    if key not in _cache:
        _cache[key] = extract_pdf(pdf, engine=engine)
    return _cache[key]


@pytest.mark.skipif(not PAIRS, reason="no samples/*.pdf with golden/<stem>.json")
@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("pdf, gold", PAIRS, ids=[p.stem for p, _ in PAIRS])
def test_sample_equals_golden(pdf, gold, engine):
    expected = json.loads(gold.read_text(encoding="utf-8"))
    diffs = compare(expected, extracted(pdf, engine))
    shown = "\n".join(map(str, diffs[:40]))
    assert not diffs, f"{pdf.name} ({engine}): {len(diffs)} differences from golden:\n{shown}"


@pytest.mark.skipif(not PAIRS, reason="no samples")
@pytest.mark.parametrize("pdf", [p for p, _ in PAIRS], ids=[p.stem for p, _ in PAIRS])
def test_output_validates_against_the_schema(pdf):
    jsonschema.validate(extracted(pdf, "camelot"), SCHEMA)


@pytest.mark.skipif(not SHANGHAI_WANLI_2023.exists(), reason="real corpus not present")
def test_real_pdf_output_validates_against_the_schema():
    from extractor.pipeline import extract_pdf

    jsonschema.validate(extract_pdf(SHANGHAI_WANLI_2023, pages=[30, 31, 34]), SCHEMA)


# ------------------------------------------------------------------------------------------- the command

SEED = SAMPLES_DIR / "seed.pdf"
needs_seed = pytest.mark.skipif(not SEED.exists(), reason="samples/seed.pdf not generated yet")


def invoke(*args):
    return CliRunner().invoke(cli, list(map(str, args)))  # click >= 8.2 keeps stderr apart


@needs_seed
def test_one_pdf_writes_json_to_stdout():
    res = invoke("extract", SEED, "--pages", "1-9")
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["source"]["file"] == "seed.pdf" and doc["projects"][0]["name"] == "法律顾问"


@needs_seed
def test_o_file_json(tmp_path):
    out = tmp_path / "seed.json"
    res = invoke("extract", SEED, "-o", out, "--pages", "1-9")
    assert res.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["document"]["year"] == 2024
    assert [p.name for p in tmp_path.iterdir()] == ["seed.json"]  # no temporary file left behind


@needs_seed
def test_several_pdfs_and_one_failure(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf at all")
    out = tmp_path / "out"
    res = invoke("extract", bad, SEED, tmp_path / "missing.pdf", "-o", out, "--pages", "1-9")
    assert res.exit_code == 1
    lines = [line for line in res.stderr.strip().splitlines() if not line.startswith("seed.pdf: ")]  # its summary
    assert len(lines) == 2 and all(line.startswith("extractor: ") for line in lines)
    assert f"extractor: {bad}: " in lines[0] and "Traceback" not in res.stderr
    assert sorted(p.name for p in out.iterdir()) == ["seed.json"]


@needs_seed
def test_csv_writes_the_three_files(tmp_path):
    res = invoke("extract", SEED, "-o", tmp_path, "--format", "csv", "--pages", "1-9")
    assert res.exit_code == 0
    assert {"indicators.csv", "projects.csv", "department.csv"} <= {p.name for p in tmp_path.iterdir()}
    text = (tmp_path / "indicators.csv").read_text(encoding="utf-8-sig")
    assert "专业律师提供法律帮助" in text


def test_several_pdfs_without_o_is_a_usage_error(tmp_path):
    res = invoke("extract", tmp_path / "a.pdf", tmp_path / "b.pdf")
    assert res.exit_code == 2


def test_help_has_examples():
    res = invoke("extract", "--help")
    assert res.exit_code == 0 and "Examples:" in res.output and "extractor extract" in res.output


def test_no_traceback_without_debug_and_one_with_it(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 truncated")
    run = [sys.executable, "-m", "extractor"]
    plain = subprocess.run(run + ["extract", str(bad)], capture_output=True, text=True, cwd=REPO_ROOT)
    assert plain.returncode == 1 and "Traceback" not in plain.stderr
    assert plain.stderr.startswith(f"extractor: {bad}: ") and plain.stderr.count("\n") == 1
    debug = subprocess.run(run + ["--debug", "extract", str(bad)], capture_output=True, text=True, cwd=REPO_ROOT)
    assert debug.returncode != 0 and "Traceback" in debug.stderr
