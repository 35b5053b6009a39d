"""Document-level records the interpreters build; `to_dict()` gives the contract's JSON shapes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from extractor.model import Value


@dataclass
class DocumentInfo:
    title: str | None = None
    year: int | None = None
    organization: str | None = None
    organization_code: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "year": self.year, "organization": self.organization,
                "organization_code": self.organization_code}


@dataclass
class Indicator:
    """One indicator row. The keys the published layouts added (period_value, weight, actual, score,
    attributes) are written only where the layout prints them, so the seed-layout documents keep their shape."""

    level1: str | None
    level2: str | None
    level3: str | None
    description: str | None
    value: Value | None
    basis: str | None
    page: int
    period_value: Value | None = None
    weight: float | None = None
    actual: Value | None = None
    score: float | None = None
    attributes: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"level1": self.level1, "level2": self.level2, "level3": self.level3,
                               "description": self.description,
                               "value": self.value.to_dict() if self.value is not None else None,
                               "basis": self.basis, "page": self.page}
        for key in ("period_value", "actual"):
            v = getattr(self, key)
            if v is not None:
                out[key] = v.to_dict()
        for key in ("weight", "score"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        if self.attributes:
            out["attributes"] = dict(self.attributes)
        return out


@dataclass
class Budget:
    total: float | None = None
    fiscal: float | None = None
    other: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "fiscal": self.fiscal, "other": self.other}


@dataclass
class PlanPeriod:
    period: str
    percent: float | None

    def to_dict(self) -> dict[str, Any]:
        return {"period": self.period, "percent": self.percent}


@dataclass
class Project:
    seq: int = 0
    title: str | None = None
    code: str | None = None
    name: str | None = None
    amount_unit: str | None = None
    budget: Budget = field(default_factory=Budget)
    purpose: str | None = None
    spending_plan: list[PlanPeriod] = field(default_factory=list)
    goals: list[str] = field(default_factory=list)
    attributes: dict[str, str | None] = field(default_factory=dict)
    indicators: list[Indicator] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    kind: str = "target"  # or "self_evaluation"
    department_unit: str | None = None
    execution: Execution | None = None
    total_score: float | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {"seq": self.seq, "title": self.title, "code": self.code, "name": self.name,
               "amount_unit": self.amount_unit, "budget": self.budget.to_dict(), "purpose": self.purpose,
               "spending_plan": [p.to_dict() for p in self.spending_plan], "goals": list(self.goals),
               "attributes": dict(self.attributes), "indicators": [i.to_dict() for i in self.indicators],
               "pages": list(self.pages)}
        # the published layouts' keys: written where they say something (absent means the default)
        if self.kind != "target":
            out["kind"] = self.kind
        if self.department_unit is not None:
            out["department_unit"] = self.department_unit
        if self.execution is not None:
            out["execution"] = self.execution.to_dict()
        if self.total_score is not None:
            out["total_score"] = self.total_score
        return out


@dataclass
class Execution:
    """A self-evaluation's 全年预算数 / 全年执行数 / 执行率 / 得分."""

    budgeted: float | None = None
    executed: float | None = None
    rate: float | None = None
    score: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"budgeted": self.budgeted, "executed": self.executed, "rate": self.rate, "score": self.score}


@dataclass
class GradedIndicator:
    name: str
    grades: dict[str, Value]
    page: int

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "grades": {k: v.to_dict() for k, v in self.grades.items()},
                "page": self.page}


@dataclass
class Section:
    name: str
    goal: str | None = None
    indicators: list[GradedIndicator] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "goal": self.goal, "indicators": [i.to_dict() for i in self.indicators]}


@dataclass
class Task:
    name: str | None
    content: str | None
    budget: float | None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "content": self.content, "budget": self.budget}


@dataclass
class Measure:
    title: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "text": self.text}


@dataclass
class Department:
    """The 部门整体 part: the seed's prose and graded sections, and/or a department-wide table (name, budget,
    tasks, indicators). Keys beyond the seed's are written only where the document prints them."""

    overall_goal: str | None = None
    sections: list[Section] = field(default_factory=list)
    name: str | None = None
    budget: Budget | None = None
    tasks: list[Task] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    duty_goals: list[str] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    attributes: dict[str, str] = field(default_factory=dict)
    wide: bool = False  # read from a department-wide table

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"overall_goal": self.overall_goal, "sections": [s.to_dict() for s in self.sections]}
        if self.wide:
            out.update({"name": self.name, "budget": (self.budget or Budget()).to_dict(),
                        "tasks": [t.to_dict() for t in self.tasks],
                        "indicators": [i.to_dict() for i in self.indicators], "pages": list(self.pages)})
            if self.attributes:
                out["attributes"] = dict(self.attributes)
        if self.duty_goals:
            out["duty_goals"] = list(self.duty_goals)
        if self.measures:
            out["measures"] = [m.to_dict() for m in self.measures]
        return out
