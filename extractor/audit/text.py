"""Rules on the words of a project: placeholders left in (XX, 待定 …) and fields left empty."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from extractor.audit.finding import ERROR, WARNING, Context, Finding, indicator_label, project_label
from extractor.audit.place import squeeze

INDICATOR_FIELDS = (("level3", "三级指标"), ("description", "指标描述"), ("basis", "指标值依据"))


def _project_texts(p: dict[str, Any]) -> Iterator[tuple[str, str, int | None, int | None]]:
    """(field label, text, page, indicator index) of every text field of a project."""
    for key, label in (("name", "项目名称"), ("purpose", "资金用途")):
        if isinstance(p.get(key), str):
            yield label, p[key], None, None
    for goal in p.get("goals") or []:
        if isinstance(goal, str):
            yield "绩效目标", goal, None, None
    for label, text in (p.get("attributes") or {}).items():
        if isinstance(text, str):
            yield label, text, None, None
    for i, ind in enumerate(p.get("indicators") or []):
        if not isinstance(ind, dict):
            continue
        for key, label in INDICATOR_FIELDS:
            if isinstance(ind.get(key), str):
                yield f"{indicator_label(ind)}的{label}", ind[key], ind.get("page"), i
        value = ind.get("value")
        if isinstance(value, dict) and isinstance(value.get("raw"), str):
            yield f"{indicator_label(ind)}的指标值", value["raw"], ind.get("page"), i


def placeholder_text(ctx: Context) -> Iterator[Finding]:
    pattern = re.compile("|".join(f"(?:{p})" for p in ctx.rules["text"]["placeholders"]))
    for p in ctx.projects:
        for label, text, page, i in _project_texts(p):
            m = pattern.search(text)
            if m:
                yield ctx.at_project(
                    "placeholder_text", WARNING,
                    f"{project_label(p)}：{label}里留着占位文字“{m.group(0)}”：“{_short(text)}”",
                    p, page=page, indicator=i, field=label, placeholder=m.group(0))


def empty_field(ctx: Context) -> Iterator[Finding]:
    for p in ctx.projects:
        goals = [g for g in p.get("goals") or [] if isinstance(g, str)]
        inds = [ind for ind in p.get("indicators") or [] if isinstance(ind, dict)]
        if inds and not any(squeeze(g) for g in goals):
            yield ctx.at_project("empty_field", ERROR, f"{project_label(p)}：绩效目标是空的", p, field="goals")
        for i, ind in enumerate(inds):
            name = squeeze(ind.get("level3"))
            value = ind.get("value") if isinstance(ind.get("value"), dict) else {}
            raw = squeeze(value.get("raw"))
            if not name and (raw or ind.get("level2")):
                yield ctx.at_project(
                    "empty_field", ERROR,
                    f"{project_label(p)}：第 {i + 1} 个指标（{squeeze(ind.get('level2')) or '无二级指标'}）没有指标名称，"
                    f"指标值印的是“{raw}”", p, page=ind.get("page"), indicator=i, field="level3")
            elif name and not raw:
                yield ctx.at_project(
                    "empty_field", ERROR, f"{project_label(p)}，{indicator_label(ind)}：指标值是空的",
                    p, page=ind.get("page"), indicator=i, field="value")


def _short(text: str, n: int = 40) -> str:
    text = squeeze(text)
    return text if len(text) <= n else text[: n - 1] + "…"
