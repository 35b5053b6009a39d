"""table_sum on 部门预算 budget tables: generated tables (sums computed here, from the model below) with a
sum broken on purpose, the same tables whole; the real wanli-2025 tables (sums checked by hand on the
rendered pages) give nothing; the real wanli-2023 p.35 defect is found."""

from __future__ import annotations

import copy

import pytest

from corpus import REAL_CORPUS_DIR, SHANGHAI_WANLI_2023, needs_real
from extractor.audit import audit

# 类 -> 款 -> 项 -> (基本支出, 项目支出), in 元
MODEL = {"201": {"05": {"07": (0, 438300)}, "29": {"02": (0, 422900)}},
         "208": {"05": {"01": (259320, 0), "02": (85260, 0), "05": (4827156, 0)}, "07": {"05": (0, 582800)}}}


def money(x: int) -> str:
    return f"{x:,}"


def function_table() -> dict:
    """支出预算 by 功能分类 (类/款/项 columns, 合计 | 基本支出 | 项目支出), as the pipeline writes `tables`."""
    rows = [["项目", None, None, None, "支出预算", None, None],
            ["功能分类科目编码", None, None, "功能分类科目名称", "合计", "基本支出", "项目支出"],
            ["类", "款", "项", None, None, None, None]]
    grand = [0, 0]
    for lei, kuans in MODEL.items():
        lei_sum = [sum(v[k] for items in kuans.values() for v in items.values()) for k in (0, 1)]
        rows.append([lei, "", "", f"类{lei}", money(sum(lei_sum)), money(lei_sum[0]), money(lei_sum[1])])
        for kuan, items in kuans.items():
            s = [sum(v[k] for v in items.values()) for k in (0, 1)]
            rows.append([lei, kuan, "", f"款{lei}{kuan}", money(sum(s)), money(s[0]), money(s[1])])
            for xiang, (basic, proj) in items.items():
                rows.append([lei, kuan, xiang, f"项{lei}{kuan}{xiang}", money(basic + proj), money(basic), money(proj)])
        grand = [grand[0] + lei_sum[0], grand[1] + lei_sum[1]]
    rows.append(["合计", None, None, None, money(sum(grand)), money(grand[0]), money(grand[1])])
    return {"parts": [{"page": 5, "bbox": [50.0, 80.0, 550.0, 700.0]}], "n_rows": len(rows), "n_cols": 7,
            "rows": rows, "spans": [[0, 0, 1, 4], [0, 4, 1, 3], [1, 0, 1, 3], [1, 3, 2, 1], [1, 4, 2, 1],
                                    [1, 5, 2, 1], [1, 6, 2, 1], [len(rows) - 1, 0, 1, 4]], "engine": "camelot"}


def summary_table(income: int, spending: int) -> dict:
    rows = [["本年收入", None, "本年支出", None], ["项目", "预算数", "项目", "预算数"],
            ["一、财政拨款收入", money(income), "一、一般公共服务支出", money(spending)],
            ["收入总计", money(income), "支出总计", money(spending)]]
    return {"parts": [{"page": 4, "bbox": [50.0, 80.0, 550.0, 400.0]}], "n_rows": 4, "n_cols": 4, "rows": rows,
            "spans": [[0, 0, 1, 2], [0, 2, 1, 2]], "engine": "camelot"}


def doc(*tables) -> dict:
    return {"schema_version": 1, "source": {"file": "t.pdf", "sha256": "0" * 64, "pages": 5},
            "document": {"title": None, "year": 2025, "organization": None, "organization_code": None},
            "department": None, "projects": [], "tables": list(tables), "warnings": []}


def _row(table: dict, name: str) -> list:
    return next(r for r in table["rows"] if r[3] == name)


def test_whole_tables_are_silent():
    assert audit(doc(summary_table(1000, 1000), function_table())) == []


def test_income_total_differs_from_spending_total():
    [f] = audit(doc(summary_table(189767551, 189767451)))
    assert f["rule"] == "table_sum" and f["page"] == 4
    assert "收入总计印的是 189,767,551" in f["message"] and "支出总计印的是 189,767,451" in f["message"]


def test_row_total_not_basic_plus_project():
    t = function_table()
    _row(t, "项2080501")[4] = money(259320 + 500)  # 合计 printed 500 above 基本支出 + 项目支出
    found = [f for f in audit(doc(t)) if f["values"].get("column") == "合计" and "基本支出" in f["message"]]
    assert [f["values"]["row"] for f in found] == [t["rows"].index(_row(t, "项2080501"))]


def test_kuan_not_sum_of_xiang_and_lei_not_sum_of_kuan():
    t = function_table()
    _row(t, "款20805")[5] = money(259320 + 85260 + 4827156 + 1000)  # 款 基本支出 1,000 too high
    found = audit(doc(t))
    rows = {(f["values"]["row"], f["values"]["column"]) for f in found if "sum" in f["values"]}
    k = t["rows"].index(_row(t, "款20805"))
    lei = t["rows"].index(_row(t, "类208"))
    assert (k, "基本支出") in rows  # 款 ≠ Σ项
    assert (lei, "基本支出") in rows  # 类 ≠ Σ款 (the 类 printed right, its 款 wrong)
    assert all(f["bbox"] == [50.0, 80.0, 550.0, 700.0] and f["page"] == 5 for f in found)


def test_total_row_not_sum_of_lei():
    t = function_table()
    t["rows"][-1][6] = money(438300 + 422900 + 582800 + 7)
    found = [f for f in audit(doc(t)) if f["values"].get("row") == len(t["rows"]) - 1 and "sum" in f["values"]]
    assert [f["values"]["column"] for f in found] == ["项目支出"]


def test_printed_rounding_is_allowed_but_not_more():
    """Sums of figures rounded to whole 元 may be off by half a unit per summand (wanli-2025 p.17 prints
    212 01 as 94,995,790 over four rows summing to 94,995,789); 3 off over one row is not rounding."""
    t = function_table()
    r = _row(t, "款20805")
    r[4] = money(259320 + 85260 + 4827156 + 1)  # one 元 over three 项: within rounding
    r[5] = money(259320 + 85260 + 4827156 + 1)
    assert [f for f in audit(doc(t)) if f["values"]["row"] == t["rows"].index(r)] == []
    t2 = function_table()
    _row(t2, "项2010507")[4] = money(438300 + 3)
    assert audit(doc(t2))


def test_unjoined_continuation_is_not_checked():
    """A table cut at a page break and not joined (its rest a separate table on the next page) lacks rows:
    the groups running to its end are not checked."""
    t = function_table()
    head, tail = copy.deepcopy(t), copy.deepcopy(t)
    head["rows"], tail["rows"] = t["rows"][:-3], [t["rows"][1]] + t["rows"][-3:]
    tail["parts"] = [{"page": 6, "bbox": [50.0, 80.0, 550.0, 200.0]}]
    head["spans"], tail["spans"] = head["spans"][:-1], []
    assert [f for f in audit(doc(head, tail)) if f["values"]["table"] == 0] == []


@needs_real
def test_wanli_2025_budget_tables_hold_as_printed():
    from extractor.pipeline import extract_pdf

    d = extract_pdf(REAL_CORPUS_DIR / "shanghai-wanli-2025-budget.pdf", pages=list(range(9, 30)))
    assert len(d["tables"]) >= 5
    assert [f for f in audit(d) if f["rule"] == "table_sum"] == []


@needs_real
def test_wanli_2023_p35_fiscal_above_annual_total():
    from extractor.pipeline import extract_pdf

    d = extract_pdf(SHANGHAI_WANLI_2023, pages=[35])
    [f] = [f for f in audit(d) if f["rule"] == "fiscal_exceeds_total"]
    assert f["page"] == 35 and f["values"]["fiscal"] == 11419043.0 and f["values"]["total"] == 10903043.0
    assert "11,419,043.00" in f["message"] and "10,903,043.00" in f["message"]
