"""Generated documents for the audit tests: a clean document and its twin with one defect per project.

The truth is the generator's model (samples/generate/model.py): each planted project says in `PLANTED`
which rule its defect must trigger; the clean twin prints the same projects without the defect.
"""

from __future__ import annotations

from dataclasses import replace

from samples.generate.model import Document, Indicator, Layout, Project, expected_json, qual, val
from samples.generate.render_rl import RLRenderer

YEAR = 2024
P1, P2, P3 = "产出指标", "效益指标", "满意度指标"
ORG = "示例市城市管理局本级"


def indicators(n: int) -> list[Indicator]:
    """Five indicators, one per category, named after project n so no two projects' lists are equal."""
    return [
        Indicator(P1, "数量指标", f"维修道路长度{n}", "维修道路长度", val(f"≥{n}0米", ">=", n * 10, "米"), "年度计划"),
        Indicator(P1, "质量指标", f"验收合格率{n}", "验收合格率", val("≥95%", ">=", 95, "%"), "验收标准"),
        Indicator(P1, "时效指标", f"完工时间{n}", "完工时间", val("2024年12月31日前", text="2024年12月31日前"), "合同"),
        Indicator(P2, "社会效益指标", f"通行条件改善{n}", "通行条件改善", val("≥90%", ">=", 90, "%"), "调查"),
        Indicator(P3, "服务对象满意度指标", f"群众满意度{n}", "群众满意度", val("≥90%", ">=", 90, "%"), "问卷"),
    ]


def project(n: int, **changes) -> Project:
    p = Project(title=f"道路维修{n}号项目绩效目标表", code=f"13081124P0000{n:02d}10001E", name=f"道路维修{n}号项目",
                amount_unit="万元", budget_total="10.00", budget_fiscal="10.00", budget_other="",
                purpose="道路维修费", periods=[("6月底", "50%"), ("12月底", "100%")],
                goals=["1. 完成年度道路维修任务，保障群众出行"], indicators=indicators(n))
    return replace(p, **changes)


def _with(inds: list[Indicator], k: int, **changes) -> list[Indicator]:
    out = list(inds)
    out[k] = replace(out[k], **changes)
    return out


def planted_projects() -> list[tuple[str, Project]]:
    """(rule, project with that rule's defect), in print order (project n is the n-th)."""
    def inds(n):
        return indicators(n)
    return [
        ("budget_sum", project(1, budget_fiscal="8.00", budget_other="1.00")),
        ("fiscal_exceeds_total", project(2, budget_fiscal="12.00", budget_other="")),
        ("plan_not_monotone", project(3, periods=[("6月底", "60%"), ("12月底", "50%")])),
        ("missing_level1", project(4, indicators=inds(4)[:4])),
        ("level2_mismatch", project(5, indicators=_with(inds(5), 3, level2="数量指标"))),
        ("unmeasurable_value", project(6, indicators=_with(inds(6), 0, value=qual("有效提升")))),
        ("percent_out_of_range", project(7, indicators=_with(inds(7), 1, value=val("≥120%", ">=", 120, "%")))),
        ("satisfaction_value", project(8, indicators=_with(inds(8), 4, value=val("≥60%", ">=", 60, "%")))),
        ("duplicate_indicator", project(9, indicators=_with(inds(9), 1, level3="维修道路长度9"))),
        ("placeholder_text", project(10, purpose="XX道路维修费")),
        ("empty_field", project(11, indicators=_with(inds(11), 3, value=val("")))),
        ("copied_indicators", project(12, indicators=inds(1))),
        ("date_outside_year", project(13, indicators=_with(inds(13), 2, value=val(
            "2023年12月31日前", text="2023年12月31日前")))),
        ("year_mismatch", project(14, goals=["1. 为确保2023年道路维修任务如期完成，做好收尾工作"])),
        ("toc_mismatch", project(15, toc_title="道路维修十五号项目绩效目标表")),
    ]


def clean_projects() -> list[Project]:
    return [project(n) for n in range(1, len(planted_projects()) + 1)]


LAYOUT = Layout(name="audit", body_font="wqy", heading_font="wqy", table_font="wqy", page_breaks={f"before:project:{n}" for n in range(2, 40)})


def document(projects: list[Project]) -> Document:
    return Document(title=f"{ORG} {YEAR} 年部门预算绩效文本", year=YEAR, organization=ORG, organization_code="133001",
                    department=None, projects=projects)


def render(projects: list[Project], name: str) -> tuple[bytes, dict]:
    """(PDF bytes, the contract document the model says it prints)."""
    doc = document(projects)
    pdf, placement = RLRenderer(doc, LAYOUT).render()
    return pdf, expected_json(doc, LAYOUT, placement, pdf, name)


def model_doc(projects: list[Project], name: str = "model.pdf") -> dict:
    """The contract document of `projects` straight from the model, without rendering (no fonts needed):
    project n's table is placed alone on page n + 1 (page 1 the cover), at a fixed box."""
    from samples.generate.model import Placement, TablePlacement, all_tables

    doc = document(projects)
    tables = {t.key: t for t in all_tables(doc, LAYOUT)}
    places = {key: TablePlacement(parts=[(n + 1, BOX)], row_pages=[n + 1] * t.n_rows)
              for n, (key, t) in enumerate(tables.items(), start=1)}
    placement = Placement(n_pages=len(projects) + 1, tables=places,
                          heading_pages={key: n + 1 for n, key in enumerate(tables, start=1)})
    return expected_json(doc, LAYOUT, placement, b"", name)


BOX = (56.7, 120.0, 538.6, 700.0)
