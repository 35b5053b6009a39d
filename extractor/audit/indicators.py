"""Rules on a project's indicators: the categories required, the names allowed, values that can be measured.

A layout without 一级/二级 levels (a single 指标名称 column) leaves level1/level2 null: the level rules are
then silent for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from extractor.audit.finding import ERROR, INFO, WARNING, Context, Finding, indicator_label, project_label
from extractor.audit.place import squeeze

# A deadline or a date: 2024年12月31日前, 12月底, 年底前, 第三季度, 2024-06-30.
# A graded qualitative value (定性 优, 优，…): the layout measures it on the 优/良/中/差 scale.
GRADED = re.compile(r"^(?:定性)?(?:优|良|中|差)(?:[，,、。；;]|$)|^定性")
DATE = re.compile(r"\d{4}\s*年|\d{1,2}\s*月|\d{4}[-./]\d{1,2}|年底|年末|年内|年前|季度|月底|月末|上半年|下半年|当年|本年")


def bare(level: Any) -> str:
    """A level name compared without spaces and without a trailing 指标 (社会效益 = 社会效益指标)."""
    s = squeeze(level)
    return s[:-2] if s.endswith("指标") and len(s) > 2 else s


def _indicators(p: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    return [(i, ind) for i, ind in enumerate(p.get("indicators") or []) if isinstance(ind, dict)]


def _values(value: Any) -> list[dict[str, Any]]:
    """The VALUE and, for a cell stating several quantities, each of its parts."""
    if not isinstance(value, dict):
        return []
    return [value] + [v for v in value.get("parts") or [] if isinstance(v, dict)]


def _has_number(value: Any) -> bool:
    return any(isinstance(v.get("number"), (int, float)) for v in _values(value))


def _raw(value: Any) -> str:
    return squeeze(value.get("raw")) if isinstance(value, dict) else ""


def missing_level1(ctx: Context) -> Iterator[Finding]:
    cfg = ctx.rules["levels"]
    family = [name for name in cfg.get("family") or []
              if any(bare(ind.get("level1")) == bare(name) for p in ctx.projects for _, ind in _indicators(p))]
    required = list(cfg["required"]) + family
    for p in ctx.projects:
        inds = _indicators(p)
        present = {bare(ind.get("level1")) for _, ind in inds if ind.get("level1")}
        if not present:
            continue  # no 一级指标 column, or no indicators read: silent
        missing = [name for name in required if bare(name) not in present]
        if missing:
            yield ctx.at_project(
                "missing_level1", ERROR,
                f"{project_label(p)}：缺少一级指标 {'、'.join(missing)}；表中印的一级指标只有 "
                f"{'、'.join(sorted({squeeze(ind.get('level1')) for _, ind in inds if ind.get('level1')}))}",
                p, missing=missing)


def level2_mismatch(ctx: Context) -> Iterator[Finding]:
    allowed = {bare(l1): {bare(x) for x in names} for l1, names in ctx.rules["levels"]["allowed"].items()}
    home = {}
    for l1, names in allowed.items():
        for name in names:
            home.setdefault(name, l1)
    for p in ctx.projects:
        for i, ind in _indicators(p):
            l1, l2 = bare(ind.get("level1")), bare(ind.get("level2"))
            if not l1 or not l2 or l1 not in allowed or l2 in allowed[l1]:
                continue
            where = home.get(l2)
            why = (f"“{squeeze(ind.get('level2'))}”属于一级指标“{where}指标”" if where
                   else f"“{squeeze(ind.get('level2'))}”不是规定的二级指标名称")
            yield ctx.at_project(
                "level2_mismatch", WARNING,
                f"{project_label(p)}，{indicator_label(ind)}：二级指标印在一级指标“{squeeze(ind.get('level1'))}”下，"
                f"但{why}", p, page=ind.get("page"), indicator=i,
                level1=ind.get("level1"), level2=ind.get("level2"))


def unmeasurable_value(ctx: Context) -> Iterator[Finding]:
    quantitative = {bare(x) for x in ctx.rules["values"]["quantitative"]}
    for p in ctx.projects:
        for i, ind in _indicators(p):
            if bare(ind.get("level2")) not in quantitative:
                continue
            value = ind.get("value")
            raw = _raw(value)
            if not raw:
                continue  # an empty value is empty_field's
            if _has_number(value) or value.get("op") or DATE.search(raw) or GRADED.match(raw):
                continue
            yield ctx.at_project(
                "unmeasurable_value", WARNING,
                f"{project_label(p)}，{indicator_label(ind)}（{squeeze(ind.get('level2'))}）：指标值印的是“{raw}”，"
                f"既无数值也无日期，无法衡量", p, page=ind.get("page"), indicator=i, raw=raw)


def percent_out_of_range(ctx: Context) -> Iterator[Finding]:
    for p in ctx.projects:
        for i, ind in _indicators(p):
            for v in _values(ind.get("value")):
                if v.get("unit") != "%" or v.get("change"):
                    continue  # a change (提高120%) may exceed 100
                numbers = [x for x in (v.get("number"), v.get("upper")) if isinstance(x, (int, float))]
                bad = [x for x in numbers if x < 0 or x > 100]
                if bad:
                    yield ctx.at_project(
                        "percent_out_of_range", ERROR,
                        f"{project_label(p)}，{indicator_label(ind)}：百分比应在 0%–100% 之间，印的是“{_raw(v)}”",
                        p, page=ind.get("page"), indicator=i, raw=v.get("raw"), number=bad[0])
                    break


def _is_satisfaction(ind: dict[str, Any], inverse: list[str]) -> bool:
    l3 = squeeze(ind.get("level3"))
    if any(word in l3 for word in inverse):
        return False
    return "满意" in squeeze(ind.get("level2")) or "满意度" in l3 or "满意率" in l3 or (
        "满意" in squeeze(ind.get("level1")) and not ind.get("level2"))


def satisfaction_value(ctx: Context) -> Iterator[Finding]:
    cfg = ctx.rules["satisfaction"]
    floor, inverse = float(cfg["floor"]), list(cfg.get("inverse") or [])
    for p in ctx.projects:
        for i, ind in _indicators(p):
            if not _is_satisfaction(ind, inverse):
                continue
            value = ind.get("value") if isinstance(ind.get("value"), dict) else {}
            raw = _raw(value)
            if not raw:
                continue  # empty_field's
            if not _has_number(value):
                yield ctx.at_project(
                    "satisfaction_value", WARNING,
                    f"{project_label(p)}，{indicator_label(ind)}：满意度应有数值目标（如 ≥{floor:g}%），印的是“{raw}”",
                    p, page=ind.get("page"), indicator=i, raw=raw)
                continue
            number, op, unit = value.get("number"), value.get("op"), value.get("unit")
            if not isinstance(number, (int, float)) or op in ("<=", "<") or unit not in ("%", None):
                continue
            if unit is None and number > 100:
                continue
            if number < floor:
                yield ctx.at_project(
                    "satisfaction_value", WARNING,
                    f"{project_label(p)}，{indicator_label(ind)}：满意度目标“{raw}”低于 {floor:g}%",
                    p, page=ind.get("page"), indicator=i, raw=raw, number=number, floor=floor)


def duplicate_indicator(ctx: Context) -> Iterator[Finding]:
    """One finding per repeated name, at its second printing, naming every place it is printed."""
    for p in ctx.projects:
        at: dict[str, list[int]] = {}
        for i, ind in _indicators(p):
            name = squeeze(ind.get("level3"))
            if name:
                at.setdefault(name, []).append(i)
        inds = p.get("indicators") or []
        for name, places in at.items():
            if len(places) < 2:
                continue
            second = places[1]
            shown = "、".join(f"第 {i + 1}" for i in places)
            yield ctx.at_project(
                "duplicate_indicator", WARNING,
                f"{project_label(p)}：三级指标“{name}”印了 {len(places)} 次（{shown} 个指标）",
                p, page=inds[second].get("page"), indicator=second, indicators=places)


def copied_indicators(ctx: Context) -> Iterator[Finding]:
    least = int(ctx.rules["copies"]["min_indicators"])
    seen: dict[tuple, dict[str, Any]] = {}
    for p in ctx.projects:
        inds = [ind for _, ind in _indicators(p)]
        if len(inds) < least:
            continue
        key = tuple((squeeze(ind.get("level3")), _raw(ind.get("value"))) for ind in inds)
        if key in seen:
            q = seen[key]
            yield ctx.at_project(
                "copied_indicators", INFO,
                f"{project_label(p)} 的 {len(inds)} 个指标（名称和指标值）与{project_label(q)}的完全相同",
                p, same_as=q.get("seq"), n_indicators=len(inds))
        else:
            seen[key] = p
