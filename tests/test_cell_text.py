"""Cell text rules of the output contract (clean_cell)."""

from __future__ import annotations

import pytest

from extractor.normalize.text import clean_cell, squeeze_spaces


@pytest.mark.parametrize("cell,expected", [
    # the contract's three examples
    ("建设完成情\n况", "建设完成情况"),
    ("≥90百分\n比", "≥90百分比"),
    ("13081124P003DDG1000\n2J", "13081124P003DDG10002J"),
    # seed cells that wrapped
    ("举办招商引\n资活动数量\n(个)", "举办招商引资活动数量(个)"),
    ("《承德高新区全\n员招商实施办法\n(征求意见稿)》", "《承德高新区全员招商实施办法(征求意见稿)》"),
    ("预算规模及\n资金用途", "预算规模及资金用途"),
    ("资金支出计\n划（%）", "资金支出计划（%）"),
    ("通过抽样调查等\n形式，\n提升市民幸福感", "通过抽样调查等形式，提升市民幸福感"),
    # white space at a break belongs to the break
    ("建设完成情 \n 况", "建设完成情况"),
    ("建设完成情\r\n况", "建设完成情况"),
    ("建设完成情\r况", "建设完成情况"),
    ("a\n\nb", "a b"),
    ("第一行\n\n\n第二行", "第一行第二行"),
    # a space only between two Latin words
    ("Public\nservice", "Public service"),
    ("PM2.5\n浓度", "PM2.5浓度"),
    ("LED\n灯", "LED灯"),
    ("P0001\nABC", "P0001ABC"),
    ("ABC\n0001", "ABC0001"),
    ("90\n%", "90%"),
    # edges stripped, interior printed spaces kept
    ("  100 百分比  ", "100 百分比"),
    ("\u3000满意度\u3000", "满意度"),
    ("\xa0≥90%\t", "≥90%"),
    ("", ""),
    (" \n ", ""),
    # look-alike radicals and compatibility ideographs folded to unified ideographs
    ("\u2ed3期使用", "长期使用"),          # ⻓ CJK RADICAL C-SIMPLIFIED LONG
    ("\u2ed4卫", "门卫"),                  # ⻔ C-SIMPLIFIED GATE
    ("\u2f00\u2f08", "一人"),              # ⼀ ⼈ Kangxi radicals ONE, MAN
    ("\u2f2f作", "工作"),                  # ⼯ Kangxi radical WORK
    ("\uf900", "\u8c48"),                 # CJK compatibility ideograph F900 -> 豈
    ("\u2e9f亲", "母亲"),                  # ⺟ RADICAL MOTHER
    # full-width characters other than those are kept as printed
    ("（个）", "（个）"),
    ("１００％", "１００％"),
])
def test_clean_cell(cell, expected):
    assert clean_cell(cell) == expected


def test_clean_cell_is_idempotent_on_examples():
    for cell in ["建设完成情\n况", " a \n b ", "\u2ed3期", "x"]:
        once = clean_cell(cell)
        assert clean_cell(once) == once


def test_clean_cell_tolerates_none_and_numbers():
    assert clean_cell(None) == ""  # type: ignore[arg-type]
    assert clean_cell(5.0) == "5.0"  # type: ignore[arg-type]


@pytest.mark.parametrize("text,expected", [
    ("≥20 百分 比", "≥20百分比"),
    ("100 百分比", "100百分比"),
    ("LED 灯", "LED灯"),
    ("Public  service", "Public service"),
    ("1 000 人", "1000人"),
    ("", ""),
])
def test_squeeze_spaces(text, expected):
    assert squeeze_spaces(text) == expected
