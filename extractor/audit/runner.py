"""Run every rule over one contract document and return the findings in the contract's shape."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from extractor.audit import budget, document, indicators, tables, text
from extractor.audit.config import load_rules
from extractor.audit.finding import Context, Finding

Rule = Callable[[Context], Iterable[Finding]]

#: Contract rule name -> the function that checks it (spec/output-contract.md, "Findings"), in report order.
RULES: dict[str, Rule] = {
    "budget_sum": budget.budget_sum,
    "fiscal_exceeds_total": budget.fiscal_exceeds_total,
    "plan_not_monotone": budget.plan_not_monotone,
    "missing_level1": indicators.missing_level1,
    "level2_mismatch": indicators.level2_mismatch,
    "unmeasurable_value": indicators.unmeasurable_value,
    "percent_out_of_range": indicators.percent_out_of_range,
    "satisfaction_value": indicators.satisfaction_value,
    "duplicate_indicator": indicators.duplicate_indicator,
    "placeholder_text": text.placeholder_text,
    "empty_field": text.empty_field,
    "copied_indicators": indicators.copied_indicators,
    "date_outside_year": document.date_outside_year,
    "toc_mismatch": document.toc_mismatch,
    "year_mismatch": document.year_mismatch,
    "table_sum": tables.table_sum,
}


def audit(doc: dict[str, Any], rules: dict[str, Any] | None = None,
          only: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """The findings of `doc` (a contract document as the pipeline writes it), as contract dicts."""
    return [f.to_dict() for f in findings(doc, rules, only)]


def findings(doc: dict[str, Any], rules: dict[str, Any] | None = None,
             only: Iterable[str] | None = None) -> Iterator[Finding]:
    ctx = Context.of(doc, rules if rules is not None else load_rules())
    names = list(only) if only is not None else list(RULES)
    for name in names:
        yield from RULES[name](ctx)
