"""The contract documents flattened into the rows of the CSV files and the XLSX sheets.

One place decides the columns (spec/output-contract.md, "CSV"), so `indicators.csv` and the 指标 sheet
can never disagree. Values stay typed: numbers as int/float, empty as None.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

INDICATOR_COLUMNS = ["file", "project_seq", "project_code", "project_name", "level1", "level2", "level3",
                     "description", "value_raw", "op", "number", "upper", "unit", "value_text", "basis",
                     "page",
                     # the published layouts' keys (contract "Additions"), after the seed's columns
                     "kind", "department_unit", "weight", "period_value_raw", "actual_raw", "score"]
PROJECT_COLUMNS = ["file", "seq", "code", "name", "amount_unit", "budget_total", "budget_fiscal",
                   "budget_other", "purpose", "goals"]
# then plan_<period> ..., then "pages", then LAYOUT_COLUMNS, then attr_<label> ...
DEPARTMENT_COLUMNS = ["file", "section", "indicator", "grade", "value_raw", "op", "number", "upper", "unit",
                      "value_text", "page"]
WARNING_COLUMNS = ["file", "page", "code", "message"]  # batch's warnings.csv and the XLSX 警告 sheet

Row = dict[str, Any]


def as_docs(docs: dict[str, Any] | Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Accept one document or many."""
    if isinstance(docs, dict):
        return [docs]
    return list(docs)


def file_of(doc: dict[str, Any]) -> str:
    return (doc.get("source") or {}).get("file") or ""


def _value_fields(value: dict[str, Any] | None) -> Row:
    value = value or {}
    return {"value_raw": value.get("raw"), "op": value.get("op"), "number": value.get("number"),
            "upper": value.get("upper"), "unit": value.get("unit"), "value_text": value.get("text")}


def pages_text(pages: Sequence[int]) -> str:
    """[7, 8] -> "7,8" (a list in one cell; the same spelling as the --pages option)."""
    return ",".join(str(p) for p in pages)


def plan_periods(docs: Sequence[dict[str, Any]]) -> list[str]:
    """Every spending-plan period across all documents, in order of first appearance."""
    seen: dict[str, None] = {}
    for doc in docs:
        for project in doc.get("projects") or []:
            for item in project.get("spending_plan") or []:
                seen.setdefault(item["period"], None)
    return list(seen)


# Project keys of the published layouts (contract: "Additions for the published layouts"), columns after
# `pages` (the contract's columns keep their order); a self-evaluation's execution as execution_<part>.
LAYOUT_FIELDS = ("kind", "department_unit", "total_score")
EXECUTION_PARTS = ("budgeted", "executed", "rate", "score")
LAYOUT_COLUMNS = [*LAYOUT_FIELDS, *(f"execution_{part}" for part in EXECUTION_PARTS)]


def attribute_labels(docs: Sequence[dict[str, Any]]) -> list[str]:
    """Every project attribute label across all documents, in order of first appearance."""
    seen: dict[str, None] = {}
    for doc in docs:
        for project in doc.get("projects") or []:
            for label in project.get("attributes") or {}:
                seen.setdefault(label, None)
    return list(seen)


def project_columns(docs: Sequence[dict[str, Any]]) -> list[str]:
    """The contract's columns, plan_<period> …, pages; then the published layouts' fields (kind,
    department_unit, …) and one attr_<label> column per attribute label seen."""
    return (PROJECT_COLUMNS + [f"plan_{p}" for p in plan_periods(docs)] + ["pages"] + LAYOUT_COLUMNS
            + [f"attr_{label}" for label in attribute_labels(docs)])


def indicator_rows(docs: Sequence[dict[str, Any]]) -> list[Row]:
    rows = []
    for doc in docs:
        for project in doc.get("projects") or []:
            for ind in project.get("indicators") or []:
                rows.append({"file": file_of(doc), "project_seq": project.get("seq"),
                             "project_code": project.get("code"), "project_name": project.get("name"),
                             "level1": ind.get("level1"), "level2": ind.get("level2"),
                             "level3": ind.get("level3"), "description": ind.get("description"),
                             **_value_fields(ind.get("value")), "basis": ind.get("basis"),
                             "page": ind.get("page"), "kind": project.get("kind") or "target",
                             "department_unit": project.get("department_unit"), "weight": ind.get("weight"),
                             "period_value_raw": (ind.get("period_value") or {}).get("raw"),
                             "actual_raw": (ind.get("actual") or {}).get("raw"), "score": ind.get("score")})
    return rows


def project_rows(docs: Sequence[dict[str, Any]]) -> list[Row]:
    rows = []
    for doc in docs:
        for project in doc.get("projects") or []:
            budget = project.get("budget") or {}
            row: Row = {"file": file_of(doc), "seq": project.get("seq"), "code": project.get("code"),
                        "name": project.get("name"), "amount_unit": project.get("amount_unit"),
                        "budget_total": budget.get("total"), "budget_fiscal": budget.get("fiscal"),
                        "budget_other": budget.get("other"), "purpose": project.get("purpose"),
                        "goals": "\n".join(project.get("goals") or [])}
            for item in project.get("spending_plan") or []:
                row[f"plan_{item['period']}"] = item.get("percent")
            row["pages"] = pages_text(project.get("pages") or [])
            row.update({name: project.get(name) for name in LAYOUT_FIELDS}, kind=project.get("kind") or "target")
            execution = project.get("execution") or {}
            row.update({f"execution_{part}": execution.get(part) for part in EXECUTION_PARTS})
            for label, text in (project.get("attributes") or {}).items():
                row[f"attr_{label}"] = text
            rows.append(row)
    return rows


def department_rows(docs: Sequence[dict[str, Any]]) -> list[Row]:
    """One row per (indicator, grade): the grades are columns in the PDF, rows here. A department-wide
    table's indicators (one value each) come after, grade empty, section the department's name."""
    rows = []
    for doc in docs:
        department = doc.get("department") or {}
        for table in doc.get("department_tables") or ([department] if department.get("indicators") else []):
            for ind in table.get("indicators") or []:
                rows.append({"file": file_of(doc), "section": table.get("name"), "indicator": ind.get("level3"),
                             "grade": None, **_value_fields(ind.get("value")), "page": ind.get("page")})
        for section in department.get("sections") or []:
            for ind in section.get("indicators") or []:
                for grade, value in (ind.get("grades") or {}).items():
                    rows.append({"file": file_of(doc), "section": section.get("name"),
                                 "indicator": ind.get("name"), "grade": grade, **_value_fields(value),
                                 "page": ind.get("page")})
    return rows


def warning_rows(docs: Iterable[dict[str, Any]]) -> list[Row]:
    """One row per warning, in document order (page None: about the whole file)."""
    return [{"file": file_of(doc), "page": w.get("page"), "code": w.get("code"), "message": w.get("message")}
            for doc in docs for w in doc.get("warnings") or []]


def header_rows(rows: Sequence[Sequence[Any]], spans: Sequence[Sequence[int]]) -> int:
    """How many rows a raw table's header takes: the first row, and every row a merged cell starting in
    the header reaches down into (一级指标 over two rows beside 二级指标 / 三级指标)."""
    if not rows:
        return 0
    n = 1
    grown = True
    while grown:
        grown = False
        for r, _c, rs, _cs in spans:
            if r < n < r + rs:
                n, grown = r + rs, True
    return min(n, len(rows))
