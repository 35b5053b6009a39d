"""What the cover and the unit lines say: title, year, organization, organization code."""

from __future__ import annotations

import regex

from extractor.interpret.records import DocumentInfo
from extractor.model import TextLine

YEAR = regex.compile(r"((?:19|20)\d\d)\s*年")
# "133001 承德高新技术产业开发区城市管理综合行政执法局本级"
UNIT_LINE = regex.compile(r"^\s*(\d{3,12})\s+(\S.*?)\s*$")
TITLE_WORDS = regex.compile(r"预算|决算|绩效|目标|报告|文本|公开")
MAX_TITLE_LINE = 60
# "预算主管部门：上海市普陀区人民政府万里街道办事处" on a cover
COVER_ORGANIZATION = regex.compile(r"^(?:预算)?(?:主管部门|单位名称|编制单位|部门名称)\s*[：:]\s*(\S.*?)\s*$")
COVER_PUBLISHER = regex.compile(r"^(\S.*?)\s*编制\s*$")
NOT_TITLE = regex.compile(r"编制|目\s*录|^\d+$|^第.部分")


def cover_title(lines: list[TextLine]) -> str | None:
    """The cover's title: on the first page that has text, the largest line that reads like a title,
    joined with the lines of the same size right under it (a wrapped title)."""
    page = sorted((ln for ln in lines if ln.page == 1), key=lambda x: (x.top, x.x0))
    candidates = [ln for ln in page if TITLE_WORDS.search(ln.text) and not NOT_TITLE.search(ln.text.strip())
                  and len(ln.text.strip()) <= MAX_TITLE_LINE]
    if not candidates:
        return None
    best = max(candidates, key=lambda ln: (ln.size, -ln.top))
    i = page.index(best)
    parts = [best.text.strip()]
    height = (best.bottom - best.top) if best.bottom > best.top else best.size or 12.0
    last = best
    for ln in page[i + 1:i + 3]:
        close = ln.top - last.top <= 2.0 * max(height, 1.0)
        same = abs(ln.size - best.size) <= 0.5 if best.size and ln.size else False
        if close and same and not NOT_TITLE.search(ln.text.strip()) and len(ln.text.strip()) <= MAX_TITLE_LINE:
            parts.append(ln.text.strip())
            last = ln
        else:
            break
    return "".join(parts)  # a wrapped CJK title joins with nothing


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
        if m and regex.search(r"\p{Han}", m.group(2)) and not regex.search(r"[.．…]{3,}", ln.text):
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
    elif (org := cover_organization(all_lines)) is not None:
        info.organization = org
    elif info.title and info.year:
        m = YEAR.search(info.title)
        org = info.title[: m.start()].strip()
        info.organization = org or None
    if info.organization:
        info.organization = info.organization.strip()
    return info
