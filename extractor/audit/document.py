"""Document-level rules: the table of contents against the headings, and years against the budget year."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from extractor.audit.finding import WARNING, Context, Finding, indicator_label, project_label
from extractor.audit.indicators import bare
from extractor.audit.place import squeeze

_TOC = re.compile(r"says (?P<q>['\"])(?P<toc>.*?)(?P=q), the table says (?P<q2>['\"])(?P<title>.*?)(?P=q2)")
YEAR = re.compile(r"(?<!\d)(20\d{2})(?=\s*(?:年|[-./]\d{1,2}))")
RANGE = re.compile(r"(?<!\d)(20\d{2})\s*年?\s*[-—–~～至到]\s*(20\d{2})\s*年?")
QUOTED = re.compile(r"《[^》]*》|“[^”]*”|【[^】]*】|〔[^〕]*〕|\[[^\]]*\]")
# The year is when something is to happen: 确保2023年…, 到2025年, 2025年底前, 2025年内完成 (not a year that only
# names what is worked on: 对2025年度…案卷进行装订).
WHEN_BEFORE = re.compile(r"(?:确保|力争|计划|预计|争取|拟|于|在|到|至|将)\s*$")
WHEN_AFTER = re.compile(r"^\s*年(?:底|末|内|前|完成|实现|全面|度内|上半年|下半年|\d{1,2}月)")
SENTENCE = re.compile(r"[。；;！!？?\n]")
CLAUSE = re.compile(r"[，,、：:]")


def toc_mismatch(ctx: Context) -> Iterator[Finding]:
    for w in ctx.doc.get("warnings") or []:
        if not isinstance(w, dict) or w.get("code") != "toc_title_mismatch":
            continue
        m = _TOC.search(w.get("message") or "")
        toc, title = (m["toc"], m["title"]) if m else (None, None)
        message = (f"目录写的是“{toc}”，表格标题印的是“{title}”" if m
                   else f"目录与表格标题不一致：{w.get('message')}")
        yield Finding(rule="toc_mismatch", severity=WARNING, message=message, page=w.get("page"),
                      bbox=None, project_seq=_project_by_title(ctx, title),
                      values={"toc": toc, "title": title})


def _project_by_title(ctx: Context, title: str | None) -> int | None:
    for p in ctx.projects:
        if title and squeeze(p.get("title")) == squeeze(title):
            return p.get("seq")
    return None


def date_outside_year(ctx: Context) -> Iterator[Finding]:
    year = ctx.year
    if year is None:
        return
    timeliness = {bare(x) for x in ctx.rules["values"]["timeliness"]}
    for p in ctx.projects:
        for i, ind in enumerate(p.get("indicators") or []):
            if not isinstance(ind, dict) or bare(ind.get("level2")) not in timeliness:
                continue
            raw = squeeze((ind.get("value") or {}).get("raw"))
            years = {int(y) for y in YEAR.findall(raw)}
            other = sorted(y for y in years if y != year)
            if other:
                yield ctx.at_project(
                    "date_outside_year", WARNING,
                    f"{project_label(p)}，{indicator_label(ind)}：时效指标的日期“{raw}”不在预算年度 {year} 年内",
                    p, page=ind.get("page"), indicator=i, raw=raw, years=other, budget_year=year)


def _planned_years(text: str, year: int, plan: list[str], past: list[str]) -> list[int]:
    """Years other than `year` that a sentence of `text` plans for (not ones it reports on)."""
    text = QUOTED.sub("", text)
    found = []
    for sentence in SENTENCE.split(text):
        covered = set()
        for a, b in RANGE.findall(sentence):
            if int(a) <= year <= int(b):
                covered.update({int(a), int(b)})
        for clause in CLAUSE.split(sentence):
            for m in YEAR.finditer(clause):
                y = int(m.group(1))
                if y == year or y in covered or y in found:
                    continue
                if not (WHEN_BEFORE.search(clause[:m.start()]) or WHEN_AFTER.match(clause[m.end():])):
                    continue
                if any(w in clause for w in past):
                    continue
                if any(w in sentence for w in plan):
                    found.append(y)
    return found


def _texts(ctx: Context) -> Iterator[tuple[str, str, dict[str, Any] | None, int | None, int | None]]:
    """(what, text, project, page, indicator) for every goal, measure and indicator text."""
    dep = ctx.doc.get("department") or {}
    if isinstance(dep, dict):
        if isinstance(dep.get("overall_goal"), str):
            yield "部门整体目标", dep["overall_goal"], None, (dep.get("pages") or [None])[0], None
        for item in dep.get("measures") or []:
            text = item.get("text") if isinstance(item, dict) else item
            if isinstance(text, str):
                yield "保障措施", text, None, None, None
        for item in dep.get("duty_goals") or []:
            if isinstance(item, str):
                yield "职责目标", item, None, None, None
    for p in ctx.projects:
        for goal in p.get("goals") or []:
            if isinstance(goal, str):
                yield "绩效目标", goal, p, None, None
        for i, ind in enumerate(p.get("indicators") or []):
            if isinstance(ind, dict):
                for text in (ind.get("level3"), ind.get("description")):
                    if isinstance(text, str):
                        yield indicator_label(ind), text, p, ind.get("page"), i


def year_mismatch(ctx: Context) -> Iterator[Finding]:
    year = ctx.year
    if year is None:
        return
    cfg = ctx.rules["years"]
    plan, past = list(cfg["plan_words"]), list(cfg["past_words"])
    for what, text, p, page, i in _texts(ctx):
        years = _planned_years(text, year, plan, past)
        if not years:
            continue
        shown = "、".join(f"{y}年" for y in years)
        message = f"{what}写的是 {shown} 的安排，而预算年度是 {year} 年：“{_short(text)}”"
        if p is not None:
            yield ctx.at_project("year_mismatch", WARNING, f"{project_label(p)}：{message}", p, page=page,
                                 indicator=i, years=years, budget_year=year)
        else:
            yield Finding(rule="year_mismatch", severity=WARNING, message=message, page=page,
                          values={"years": years, "budget_year": year})


def _short(text: str, n: int = 60) -> str:
    text = squeeze(text)
    return text if len(text) <= n else text[: n - 1] + "…"
