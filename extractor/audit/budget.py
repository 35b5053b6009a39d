"""Rules on a project's money: 预算数 = 财政 + 其他, 财政 ≤ 预算数, a spending plan that only rises to 100 %."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from extractor.audit.finding import ERROR, WARNING, Context, Finding, amount_text, project_label
from extractor.audit.place import squeeze

_AMOUNT = re.compile(r"^[-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[-−]?\d+(?:\.\d+)?$")


def _number(x: Any) -> float | None:
    if isinstance(x, bool):
        return None
    if isinstance(x, (int, float)):
        return float(x)
    return None


def _printed_amount(text: Any) -> float | None:
    s = squeeze(text)
    if not s or not _AMOUNT.match(s):
        return None
    return float(s.replace(",", "").replace("−", "-"))


def budget_sum(ctx: Context) -> Iterator[Finding]:
    cfg = ctx.rules["amounts"]
    tol = float(cfg["tolerance"])
    extra_labels = {squeeze(x) for x in cfg.get("extra_parts") or []}
    for p in ctx.projects:
        b = p.get("budget") or {}
        total, fiscal, other = _number(b.get("total")), _number(b.get("fiscal")), _number(b.get("other"))
        if total is None or (fiscal is None and other is None):
            continue  # nothing to add up: silent
        extras = {label: v for label, text in (p.get("attributes") or {}).items()
                  if squeeze(label) in extra_labels and (v := _printed_amount(text)) is not None}
        parts = (fiscal or 0.0) + (other or 0.0) + sum(extras.values())
        if abs(total - parts) <= tol:
            continue
        unit = p.get("amount_unit")
        named = [f"财政资金 {amount_text(fiscal)}", f"其他资金 {amount_text(other)}"]
        named += [f"{label} {amount_text(v)}" for label, v in extras.items()]
        yield ctx.at_project(
            "budget_sum", ERROR,
            f"{project_label(p)}：预算总额印的是 {amount_text(total, unit)}，而 {' + '.join(named)} = "
            f"{amount_text(parts, unit)}，相差 {amount_text(total - parts, unit)}", p,
            total=total, fiscal=fiscal, other=other, **({"extra": extras} if extras else {}))


def _pairs(p: dict[str, Any], cfg: dict[str, Any]) -> list[tuple[str, float, str, float]]:
    """(total label, total, fiscal label, fiscal): the budget's, then a second pair printed in attributes."""
    b = p.get("budget") or {}
    pairs = []
    total, fiscal = _number(b.get("total")), _number(b.get("fiscal"))
    if total is not None and fiscal is not None:
        pairs.append(("资金总额", total, "财政资金（拨款）", fiscal))
    attrs = {squeeze(k): v for k, v in (p.get("attributes") or {}).items()}
    found = []
    for labels in (cfg.get("total_labels") or [], cfg.get("fiscal_labels") or []):
        hit = next(((label, v) for label in labels
                    if (v := _printed_amount(attrs.get(squeeze(label)))) is not None), None)
        found.append(hit)
    if found[0] and found[1]:
        pair = (found[0][0], found[0][1], found[1][0], found[1][1])
        if not pairs or pairs[0][1:2] + pairs[0][3:] != (pair[1], pair[3]):
            pairs.append(pair)
    return pairs


def fiscal_exceeds_total(ctx: Context) -> Iterator[Finding]:
    cfg = ctx.rules["amounts"]
    tol = float(cfg["tolerance"])
    for p in ctx.projects:
        unit = p.get("amount_unit")
        for total_label, total, fiscal_label, fiscal in _pairs(p, cfg):
            if fiscal <= total + tol:
                continue
            yield ctx.at_project(
                "fiscal_exceeds_total", ERROR,
                f"{project_label(p)}：{fiscal_label} 印的是 {amount_text(fiscal, unit)}，大于{total_label} "
                f"{amount_text(total, unit)}（多 {amount_text(fiscal - total, unit)}），其中数不能超过总数", p,
                total=total, fiscal=fiscal, total_label=total_label, fiscal_label=fiscal_label)


def plan_not_monotone(ctx: Context) -> Iterator[Finding]:
    cfg = ctx.rules["plan"]
    top, tol = float(cfg["max_percent"]), float(cfg["tolerance"])
    for p in ctx.projects:
        plan = [(item.get("period"), _number(item.get("percent"))) for item in p.get("spending_plan") or []
                if isinstance(item, dict)]
        plan = [(period, pct) for period, pct in plan if pct is not None]
        if not plan:
            continue  # no spending plan printed: silent
        problems = []
        for (before, a), (after, b) in zip(plan, plan[1:]):
            if b < a - tol:
                problems.append(f"{after} 的累计支出 {b:g}% 低于 {before} 的 {a:g}%")
        over = [(period, pct) for period, pct in plan if pct > top + tol]
        problems += [f"{period} 的累计支出 {pct:g}% 超过 {top:g}%" for period, pct in over]
        if problems:
            yield ctx.at_project(
                "plan_not_monotone", WARNING,
                f"{project_label(p)}：资金支出计划应逐期累计、不超过 {top:g}%，印的是 "
                + "、".join(f"{period} {pct:g}%" for period, pct in plan) + "；" + "；".join(problems), p,
                plan={str(period): pct for period, pct in plan})
