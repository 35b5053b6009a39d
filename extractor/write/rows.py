"""The contract documents flattened into the rows of the CSV files and the XLSX sheets.

One place decides the columns (spec/output-contract.md, "CSV"), so `indicators.csv` and the 指标 sheet
can never disagree. Values stay typed: numbers as int/float, empty as None.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

INDICATOR_COLUMNS = ["file", "project_seq", "project_code", "project_name", "level1", "level2", "level3",
                     "description", "value_raw", "op", "number", "upper", "unit", "value_text", "basis",
                     "page"]
PROJECT_COLUMNS = ["file", "seq", "code", "name", "amount_unit", "budget_total", "budget_fiscal",
                   "budget_other", "purpose", "goals"]  # then plan_<period> ..., then "pages"
DEPARTMENT_COLUMNS = ["file", "section", "indicator", "grade", "value_raw", "op", "number", "upper", "unit",
                      "value_text", "page"]

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


# Project keys of the published layouts (contract: "Additions for the published layouts"), each a column
# after `pages` where some project has it; execution's parts as execution_<part>.
LAYOUT_FIELDS = ("kind", "department_unit", "total_score")
EXECUTION_PARTS = ("budgeted", "executed", "rate", "score")


def attribute_labels(docs: Sequence[dict[str, Any]]) -> list[str]:
    """Every project attribute label across all documents, in order of first appearance."""
    seen: dict[str, None] = {}
    for doc in docs:
        for project in doc.get("projects") or []:
            for label in project.get("attributes") or {}:
                seen.setdefault(label, None)
    return list(seen)


def layout_columns(docs: Sequence[dict[str, Any]]) -> list[str]:
    projects = [p for doc in docs for p in doc.get("projects") or []]
    cols = [f for f in LAYOUT_FIELDS if any(f in p for p in projects)]
    if any(p.get("execution") for p in projects):
        cols += [f"execution_{part}" for part in EXECUTION_PARTS]
    return cols


def project_columns(docs: Sequence[dict[str, Any]]) -> list[str]:
    """The contract's columns, plan_<period> …, pages; then the layout fields some project has
    (kind, department_unit, …) and one attr_<label> column per attribute label seen."""
    return (PROJECT_COLUMNS + [f"plan_{p}" for p in plan_periods(docs)] + ["pages"] + layout_columns(docs)
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
                             "page": ind.get("page")})
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
            for name in LAYOUT_FIELDS:
                row[name] = project.get(name)
            for part, value in (project.get("execution") or {}).items():
                row[f"execution_{part}"] = value
            for label, text in (project.get("attributes") or {}).items():
                row[f"attr_{label}"] = text
            rows.append(row)
    return rows


def department_rows(docs: Sequence[dict[str, Any]]) -> list[Row]:
    """One row per (indicator, grade): the grades are columns in the PDF, rows here."""
    rows = []
    for doc in docs:
        department = doc.get("department") or {}
        for section in department.get("sections") or []:
            for ind in section.get("indicators") or []:
                for grade, value in (ind.get("grades") or {}).items():
                    rows.append({"file": file_of(doc), "section": section.get("name"),
                                 "indicator": ind.get("name"), "grade": grade, **_value_fields(value),
                                 "page": ind.get("page")})
    return rows


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
