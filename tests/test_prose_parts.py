"""The seed's prose part read completely: 职责分类绩效目标 (`duty_goals`) and 工作保障措施 (`measures`).

The expected items are the generator's own model of each sample (samples/generate: the seed's text as
typed from /work/shared/seed, and the LibreOffice Hebei sample's model), never the extractor's output.
"""

from __future__ import annotations

import re

import pytest

from corpus import SAMPLES_DIR
from samples.generate.lo_samples import hebei_document
from samples.generate.seed import DUTIES, MEASURES

MARKER = re.compile(r"^[（(][一二三四五六七八九十]{1,3}[)）]\s*")


def _strip(item: str) -> str:
    return MARKER.sub("", "".join(item.split()))


def _expected(duties: list[str], measures: list[str]):
    return ([_strip(d) for d in duties],
            [{"title": _strip(m).split("。", 1)[0], "text": _strip(m)} for m in measures])


def _read(stem: str) -> dict:
    from extractor.pipeline import extract_pdf

    return extract_pdf(SAMPLES_DIR / f"{stem}.pdf")["department"]


@pytest.mark.parametrize(("stem", "model"), [
    ("seed", lambda: (DUTIES, MEASURES)),
    ("lo-hebei", lambda: (hebei_document().department.duties_goal, hebei_document().department.measures)),
])
def test_duty_goals_and_measures(stem, model):
    duties, measures = _expected(*model())
    got = _read(stem)
    assert ["".join(d.split()) for d in got["duty_goals"]] == duties
    assert [{"title": "".join(m["title"].split()), "text": "".join(m["text"].split())}
            for m in got["measures"]] == measures
