"""Header labels, matched by their text (never by position): what each printed label means.

The labels themselves are data, in vocabulary.toml beside this module; this module compiles them and answers
"which field does this cell name". Labels are compared after `label_text` (all white space removed, a
trailing colon dropped), so `其中：财政\\n资金` and `其中：财政资金` are one label, and `年度资金总额：` is
`年度资金总额`; full-width and half-width brackets and colons are both accepted.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

import regex

from extractor.interpret.cells import squeeze

class Patterns(Sequence):
    """A ranked list of label patterns, compiled on first use: the vocabulary holds some three hundred and
    a document uses a few of them (compiling them all, and an alternation of each list, cost ~40 ms of
    every start-up: issue 18). "Does any of them match" is remembered per label text."""

    __slots__ = ("sources", "_compiled", "_any", "_hits", "_words", "_patterns")

    def __init__(self, sources: list[str]):
        self.sources = list(sources)
        self._compiled: list[regex.Pattern[str]] | None = None
        self._any: regex.Pattern[str] | None = None  # the alternation of _patterns, once a document asks often
        self._hits: dict[str, bool] = {}
        # most labels are plain words (项目名称): one matches all of a text only if it is the text, so
        # fullmatches looks those up instead of compiling them; the rest stay patterns
        self._words = frozenset(p for p in self.sources if not _SYNTAX.search(p))
        self._patterns = [p for p in self.sources if p not in self._words]

    @property
    def compiled(self) -> list[regex.Pattern[str]]:
        if self._compiled is None:
            self._compiled = [_pattern(p) for p in self.sources]
        return self._compiled

    def fullmatches(self, s: str) -> bool:
        """Does one of the patterns match all of `s`? (The patterns hold no groups, back-references or
        flags, so this is what their alternation would say.)"""
        hit = self._hits.get(s)
        if hit is None:
            if len(self._hits) >= _HITS_KEPT:
                self._hits.clear()
            if s in self._words:
                hit = True
            elif not self._patterns:
                hit = False
            else:
                if self._any is None and len(self._hits) >= _ALTERNATION_AFTER:
                    self._any = regex.compile("|".join(f"(?:{p})" for p in self._patterns))
                if self._any is not None:
                    hit = bool(self._any.fullmatch(s))
                else:
                    hit = any(_pattern(p).fullmatch(s) for p in self._patterns)
            self._hits[s] = hit
        return hit

    def __getitem__(self, i):
        return self.compiled[i]

    def __len__(self) -> int:
        return len(self.sources)

    def __iter__(self):
        return iter(self.compiled)

    def __add__(self, other) -> list[regex.Pattern[str]]:
        return self.compiled + list(other)

    def __radd__(self, other) -> list[regex.Pattern[str]]:
        return list(other) + self.compiled


# A pattern without regex syntax matches only itself (the vocabulary's patterns use no flags)
_SYNTAX = regex.compile(r"[\\.^$*+?{}\[\]|()]")


@lru_cache(maxsize=None)
def _pattern(pattern: str) -> regex.Pattern[str]:
    """A vocabulary pattern compiled, once a process (several lists share patterns)."""
    return regex.compile(pattern)


_HITS_KEPT = 1 << 12  # label texts remembered per pattern list (a long batch run stays bounded)
# Texts tried on a list before its alternation is compiled: one regex for a long document, none for a short one
_ALTERNATION_AFTER = 64


def _load() -> dict:
    text = resources.files("extractor.interpret").joinpath("vocabulary.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


VOCABULARY = _load()


def _compile(section: str, key: str) -> Patterns:
    value = VOCABULARY[section][key]
    return Patterns([value] if isinstance(value, str) else value)


@lru_cache(maxsize=1 << 16)
def _label_text(text: str) -> str:
    return squeeze(text).rstrip("：:")


def label_text(text: str | None) -> str:
    """A cell's text as a label: no white space, no trailing colon."""
    return _label_text(text) if text else ""


# project header fields (lists are ranked: the first pattern that matches wins)
CODE = _compile("project", "code")
NAME = _compile("project", "name")
TOTAL = _compile("project", "total")
FISCAL = _compile("project", "fiscal")
OTHER = _compile("project", "other")
PURPOSE = _compile("project", "purpose")
GOALS = _compile("project", "goals")
GOALS_WHOLE = _compile("project", "goals_whole")
GROUPS = _compile("project", "groups")
PLAN = _compile("project", "plan")
OTHER_LABEL = _compile("project", "other_label")
UNIT_NAME = _compile("project", "unit_name")
KNOWN_ATTRIBUTES = _compile("project", "attributes")
UNIT_CODE = _compile("project", "unit_code")
SUBTOTAL = _compile("project", "subtotal")
AMOUNT_UNIT_IN_LABEL = _compile("project", "amount_unit_in_label")[0]
AMOUNT_UNIT_LINE = _compile("project", "amount_unit_line")[0]

# indicator header columns
LEVEL1 = _compile("indicator", "level1")
LEVEL2 = _compile("indicator", "level2")
LEVEL3 = _compile("indicator", "level3")
DESCRIPTION = _compile("indicator", "description")
BASIS = _compile("indicator", "basis")
OP_COLUMN = _compile("indicator", "op")
UNIT_COLUMN = _compile("indicator", "unit")
VALUE_COLUMN = _compile("indicator", "value")
PACKED = _compile("indicator", "packed")
# header cells that say a table holds indicators (a table with one of them and no project is reported)
INDICATOR_HINTS = Patterns([r"一级指标|绩效指标|(?:年度)?指标值|指标名称"])
LEVEL1_NAMES = VOCABULARY["indicator"]["level1_names"]
LEVEL2_NAMES = VOCABULARY["indicator"]["level2_names"]
COMBINED = _compile("indicator", "combined")
LEVEL2_OF: dict[str, list[str]] = VOCABULARY["indicator"]["level2_of"]


def other_level_group(level1: str | None, level2: str | None) -> bool:
    """Is `level2` a second-level name the vocabulary places only under first-level names other than
    `level1` (经济效益指标 beside 产出指标)? False where either name is unknown."""
    l1, l2 = level_name(level1), level_name(level2)
    if not l1 or not l2 or l1 not in LEVEL2_OF:
        return False
    holders = [k for k, names in LEVEL2_OF.items() if l2 in names]
    return bool(holders) and l1 not in holders


def is_level2_name(text: str | None) -> bool:
    """Is the text a second-level name the vocabulary knows (数量指标, 经济效益指标, `2－质量指标`)?"""
    l2 = level_name(text)
    return bool(l2) and any(l2 in names for names in LEVEL2_OF.values())


# self-evaluations
SELF_TITLE = _compile("selfeval", "title")
SELF_BUDGETED = _compile("selfeval", "budgeted")
SELF_EXECUTED = _compile("selfeval", "executed")
SELF_RATE = _compile("selfeval", "rate")
SELF_SCORE = _compile("selfeval", "score")
SELF_TOTAL_SCORE = _compile("selfeval", "total_score")

# department-wide tables
DEPT_TITLE = _compile("department", "title")
DEPT_FIELDS = {key: _compile("department", key) for key in
               ("name", "total", "fiscal", "other", "overall_goal", "tasks", "task_name", "task_content",
                "task_budget")}

# department (graded) tables of the seed
GRADE_HEAD = Patterns([r"评价标准|评分标准|评价等级"])
DEPT_NAME = Patterns([r"绩效指标|指标名称|指标"])


def matches(patterns: Patterns | list | regex.Pattern[str], text: str | None) -> bool:
    s = label_text(text)
    if isinstance(patterns, regex.Pattern):
        return bool(patterns.fullmatch(s))
    if isinstance(patterns, Patterns):
        return len(s) <= MAX_LABEL and patterns.fullmatches(s)
    return any(p.fullmatch(s) for p in patterns)


MAX_LABEL = 60  # longer texts are values, never labels (keeps matching cheap on long cells)


def rank(patterns: Patterns, text: str | None) -> int | None:
    """The position of the first pattern matching the label, or None."""
    s = label_text(text)
    return next((i for i, p in enumerate(patterns) if p.fullmatch(s)), None)


_STRONG = (CODE, NAME, OTHER, PURPOSE, GOALS, GOALS_WHOLE, GROUPS, PLAN, TOTAL, FISCAL)


def is_strong_label(text: str | None) -> bool:
    """A label the contract names (项目名称, 预算数, 绩效目标 …): never a value."""
    s = label_text(text)
    return bool(s) and any(matches(p, s) for p in _STRONG)


def is_whole_label(text: str | None) -> bool:
    """A strong label or a first/second-level indicator name: a text that is complete as printed, so two
    pieces of one cell that make one (`项目资金（` | `元）`, `资金支` | `出计划（%）`) were cut from it."""
    s = label_text(text)
    return bool(s) and (is_strong_label(s) or s in LEVEL1_NAMES or s in LEVEL2_NAMES)


def is_known_label(text: str | None) -> bool:
    """A strong label, or a text shaped like one (项目性质, 计划开始日期): a label when a value follows it."""
    s = label_text(text)
    return bool(s) and (is_strong_label(s) or matches(OTHER_LABEL, s) or matches(KNOWN_ATTRIBUTES, s))


_HAN_ONLY = regex.compile(r"\p{Han}+")
# the strong labels printed as plain words (实施期资金总额, 项目名称 …): the ones a part can be told from
_WHOLE_WORDS = tuple(dict.fromkeys(s for group in _STRONG for s in group.sources if _HAN_ONLY.fullmatch(s)))
MIN_LABEL_PART = 3  # shorter parts (资金, 总额) sit inside too many labels to name one


def label_of_part(text: str | None) -> str | None:
    """The one strong label a printed text is a part of (`期资金总` of `实施期资金总额`), or None.

    An exporter that sets a cell's clip to the cell prints a label too long for it cut at both ends (Xi'an
    justice p.85): the page shows only the middle. The part names its label when no other plain-word label
    holds it; the caller warns that it was completed."""
    s = label_text(text)
    if len(s) < MIN_LABEL_PART or not _HAN_ONLY.fullmatch(s) or is_known_label(s):
        return None
    holders = [w for w in _WHOLE_WORDS if s in w]
    return holders[0] if len(holders) == 1 else None


# Indicator header cells, in the order they are tried (the first pattern that matches names the column).
INDICATOR_COLUMNS = tuple((name, _compile("indicator", name)) for name in
                          ("level1", "level2", "period_value", "actual", "score", "weight", "basis",
                           "description", "op", "unit", "attribute", "level3", "value"))


def indicator_field(text: str | None) -> str | None:
    """The indicator column a header cell names, or None."""
    return _indicator_field(label_text(text))


_STRAY_FIGURES = regex.compile(r"^[\d.,%％()（）\s]+(?=\p{Han})|(?<=\p{Han})[\d.,%％\s]+$")


@lru_cache(maxsize=1 << 16)
def _indicator_field(s: str) -> str | None:
    if not s or len(s) > MAX_LABEL:
        return None
    found = _first_column(s)
    if found is None:  # figures of a neighbouring cell run into a head (`90%指标名称`): the label still counts
        bare = _STRAY_FIGURES.sub("", s)
        if bare != s and bare:
            found = _first_column(bare)
    return found


class _Columns:
    """Which of INDICATOR_COLUMNS names a label first: tried list by list for the first texts of a document,
    then with one alternation of them all, a named group a list, in their order (the patterns hold no
    groups, back-references or flags: the first list one of whose patterns matches the whole text is the
    group that matches). A budget book asks for thousands of texts, 13 lists each."""

    asked = 0
    any: regex.Pattern[str] | None = None


def _first_column(text: str) -> str | None:
    s = label_text(text)
    if _Columns.any is None:
        _Columns.asked += 1
        if _Columns.asked <= _ALTERNATION_AFTER:
            return next((name for name, patterns in INDICATOR_COLUMNS if matches(patterns, s)), None)
        _Columns.any = regex.compile("|".join(f"(?P<c{i}>{'|'.join(f'(?:{p})' for p in patterns.sources)})"
                                              for i, (_, patterns) in enumerate(INDICATOR_COLUMNS)))
    if len(s) > MAX_LABEL:
        return None
    m = _Columns.any.fullmatch(s)
    return INDICATOR_COLUMNS[int(m.lastgroup[1:])][0] if m else None


_LEVEL_PREFIX = regex.compile(r"^\d{1,3}\s*[－\-—–.．、]\s*")
_LEVEL_SCORE = regex.compile(r"[（(]\s*\d+(?:\.\d+)?\s*分?\s*[)）]$")
_ITEM_PREFIX = regex.compile(r"^指标\s*(?:\d{1,3}\s*)?[：:；;]\s*")  # 指标1：… and, a block's only row, 指标：…


def level_name(text: str | None, names: list[str] | None = None) -> str | None:
    """A first/second-level cell as its name: `1－产出指标` -> 产出指标, `产出指标（50分）` -> 产出指标. With `names`
    (the level's vocabulary), a name cut in two by a page break (`效` | `益指标`) is read whole where only one
    name starts or ends with the piece."""
    if text is None:
        return None
    s = _LEVEL_SCORE.sub("", _LEVEL_PREFIX.sub("", text.strip())).strip()
    if names and s and s not in names:
        whole = [n for n in names if len(n) > len(s) and (n.startswith(s) or n.endswith(s))]
        if len(whole) == 1:
            return whole[0]
    return s


def item_name(text: str | None) -> str | None:
    """A third-level cell as its name: `指标1：…` or `指标：…` -> `…` (the layout's numbering dropped)."""
    if text is None:
        return None
    return _ITEM_PREFIX.sub("", text.strip()).strip()


def split_levels(text: str) -> tuple[str | None, str | None, str]:
    """`效益指标可持续影响指标持续推动…` -> (效益指标, 可持续影响指标, 持续推动…); text without a leading
    first-level name comes back whole as the third level."""
    s = (text or "").strip()
    l1 = next((n for n in LEVEL1_NAMES if s.startswith(n)), None)
    if l1 is None:
        return None, None, s
    rest = s[len(l1):]
    l2 = next((n for n in sorted(LEVEL2_NAMES, key=len, reverse=True) if rest.startswith(n)), None)
    if l2 is None:
        return l1, None, rest
    return l1, l2, rest[len(l2):]
