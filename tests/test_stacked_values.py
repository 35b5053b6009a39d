"""A column of amounts printed in one ruled cell (tables without row rules) is reported, never silently
run together into one number (`1,786` + `1,786` -> `1,7861,786`)."""

import json
import subprocess
import sys

import pytest

from corpus import REAL_CORPUS_DIR, SAMPLES_DIR, TAIWAN
from extractor.extract.place import holds_stacked_numbers
from extractor.normalize.text import is_number_line


@pytest.mark.parametrize("line", ["1,786", "278,856", "-12", "382", "59.5", "-", "－", "(1,234)", " 9,785 "])
def test_number_lines(line):
    assert is_number_line(line)


@pytest.mark.parametrize("line", ["≥90%", "25%", "7595500.", "13081124P003DDG1000", "1,78", "3月底", "合计", ""])
def test_not_number_lines(line):
    assert not is_number_line(line)


@pytest.mark.parametrize("lines, stacked", [
    (["1,786", "1,786", "-"], True),              # Taiwan p.46: 本年度預算數 column, one ruled cell
    (["278,856", "1,786"], True),
    (["13081124P003DDG1000", "2J"], False),        # a wrapped code (seed table 2)
    (["7595500.", "00"], False),                   # a wrapped amount
    (["≥20 百分", "比"], False),
    (["1,786"], False),
])
def test_holds_stacked_numbers(lines, stacked):
    assert holds_stacked_numbers(lines) is stacked


def test_samples_have_no_stacked_cells():
    for gold in sorted((SAMPLES_DIR.parent / "golden").glob("*.json")):
        codes = {w["code"] for w in json.loads(gold.read_text(encoding="utf-8"))["warnings"]}
        assert "stacked_values" not in codes, gold.name


@pytest.mark.skipif(not (REAL_CORPUS_DIR / TAIWAN).exists(), reason="real corpus not present")
def test_taiwan_column_cells_become_rows_and_are_reported():
    # Page 46 (read from the rendered page): 科目 rows without row rules; the amount columns 本年度預算數,
    # 上年度預算數, 前年度決算數, 本年度與上年度比較 each print a column of values in one ruled cell. The rows
    # are read from the text lines (grid_from_text), so no cell is left holding stacked amounts.
    out = subprocess.run([sys.executable, "-m", "extractor", "extract", str(REAL_CORPUS_DIR / TAIWAN),
                          "--pages", "46"], capture_output=True, text=True, check=True)
    doc = json.loads(out.stdout)
    codes = [(w["code"], w["page"]) for w in doc["warnings"] if w["code"] in ("stacked_values", "grid_from_text")]
    assert codes == [("grid_from_text", 46)]
    assert doc["tables"][0]["engine"] == "camelot+text_rows"


def _glyphs(text, x0, top, w=2.5, size=5.0):
    from extractor.model import Char
    return [Char(ch, x0 + i * w, top, x0 + (i + 1) * w, top + size, size) for i, ch in enumerate(text)]


def test_an_item_wrapped_in_a_padded_cell_is_one_line_again():
    # Xi'an economy-it p.44: a 21 pt cell padded 5.4 pt each side prints the code 262001 as 2620 over 01
    from extractor.extract.place import cell_lines
    from extractor.locate import DEFAULT_SETTINGS

    chars = _glyphs("2620", 55.8, 387.2) + _glyphs("01", 55.8, 402.8)
    assert cell_lines(chars, DEFAULT_SETTINGS, 50.4, 71.4) == ["262001"]


def test_right_aligned_amounts_stacked_in_a_wide_cell_stay_apart():
    from extractor.extract.place import cell_lines
    from extractor.locate import DEFAULT_SETTINGS

    chars = _glyphs("1,786", 220.0, 100.0) + _glyphs("1,786", 220.0, 116.0)  # cell 171.5-236.5, right-aligned
    assert [t.strip() for t in cell_lines(chars, DEFAULT_SETTINGS, 171.5, 236.5)] == ["1,786", "1,786"]


def test_an_amount_wrapped_over_three_lines_of_a_narrow_cell_is_one_line_again():
    # random list seed 30521: a 17.5 pt 指标值 cell prints ≥432,365天 as ≥ / 43 / 2,3 / 65 / 天; `2,3` is no
    # amount of its own, so the lines were two stacked amounts and the row was split into its lines
    from extractor.extract.place import cell_lines
    from extractor.locate import DEFAULT_SETTINGS

    chars = (_glyphs("≥", 415.3, 366.0, w=9.0, size=9.0) + _glyphs("43", 415.3, 377.7, w=4.16, size=9.0)
             + _glyphs("2,3", 415.3, 389.4, w=3.5, size=9.0) + _glyphs("65", 415.3, 401.1, w=4.16, size=9.0)
             + _glyphs("天", 415.3, 412.8, w=9.0, size=9.0))
    lines = [t.strip() for t in cell_lines(chars, DEFAULT_SETTINGS, 412.8, 430.3)]
    assert lines == ["≥", "432,365", "天"]
    assert not holds_stacked_numbers(lines)
