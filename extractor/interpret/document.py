"""What the cover and the unit lines say: title, year, organization, organization code."""

from __future__ import annotations

import regex

from extractor.interpret.records import DocumentInfo
from extractor.model import TextLine

YEAR = regex.compile(r"((?:19|20)\d\d)\s*年")
# "133001 承德高新技术产业开发区城市管理综合行政执法局本级"
UNIT_LINE = regex.compile(r"^\s*(\d{3,12})\s+(?![年月日])(\S.*?)\s*$")
TITLE_WORDS = regex.compile(r"预算|决算|绩效|目标|报告|文本|公开")
MAX_TITLE_LINE = 60
# "预算主管部门：上海市普陀区人民政府万里街道办事处" on a cover
COVER_ORGANIZATION = regex.compile(r"^(?:预算)?(?:主管部门|单位名称|编制单位|部门名称)\s*[：:]\s*(\S.*?)\s*$")
COVER_PUBLISHER = regex.compile(r"^(\S.*?)\s*编制\s*$")
NOT_TITLE = regex.compile(r"编制|目\s*录|^\d+$|^第.部分")


def cover_title(lines: list[TextLine]) -> str | None:
    """The cover's title: on page 1, the run of adjacent same-size lines that reads like a title (预算, 绩效 …),
    the largest such run, the topmost of runs of one size (a title printed above 第一部分 / 部门整体绩效目标
    in its own size); a wrapped title's lines join with nothing."""
    page = sorted((ln for ln in lines if ln.page == 1 and not NOT_TITLE.search(ln.text.strip())),
                  key=lambda x: (x.top, x.x0))
    runs: list[list[TextLine]] = []
    for ln in page:
        if runs:
            last = runs[-1][-1]
            height = (last.bottom - last.top) if last.bottom > last.top else (last.size or 12.0)
            if abs(ln.size - last.size) <= 0.5 and 0 < ln.top - last.top <= 2.5 * height:
                runs[-1].append(ln)
                continue
        runs.append([ln])
    best: tuple[float, str] | None = None
    for run in runs:
        text = "".join(ln.text.strip() for ln in run)
        if TITLE_WORDS.search(text) and len(text) <= 2 * MAX_TITLE_LINE:
            if best is None or run[0].size > best[0] + 0.5:  # the first of equal sizes (16 and 16.0000001)
                best = (run[0].size, text)
    return best[1] if best else None


def cover_organization(lines: list[TextLine]) -> str | None:
    for ln in lines:
        if ln.page != 1:
            continue
        text = ln.text.strip()
        m = COVER_ORGANIZATION.match(text) or COVER_PUBLISHER.match(text)
        if m:
            return m.group(1)
    return None


def unit_line(lines: list[TextLine]) -> tuple[str, str] | None:
    for ln in lines:
        m = UNIT_LINE.match(ln.text)
        if (m and regex.search(r"\p{Han}", m.group(2)) and not regex.search(r"[.．…]{3,}", ln.text)
                and not m.group(2).endswith("表")):
            return m.group(1), m.group(2)
    return None


def read_document(all_lines: list[TextLine], captions: list[TextLine]) -> DocumentInfo:
    info = DocumentInfo()
    info.title = cover_title(all_lines)
    if info.title:
        m = YEAR.search(info.title)
        if m:
            info.year = int(m.group(1))
    unit = unit_line(captions)
    if unit:
        info.organization_code, info.organization = unit[0], unit[1]
    else:  # only where a line names it; never guessed from the title
        info.organization = cover_organization(all_lines)
    if info.organization:
        info.organization = info.organization.strip()
    return info
