"""Random list documents (samples/generate/random_lists.py), extracted and compared with their models.

The list layouts of issue 11 (Beijing 预算表12, Changsha, Chongqing 表十二: a row group per project, the project's
columns merged over its indicator rows, `<code>-<name>` cells, op/value/unit in three columns or one, unit and
合计 rows) flowing over pages with breaks anywhere (issue 13). The truth is each document's model, never the
extractor's output. In the suite documents have at most 6 projects of at most 12 rows (150 documents, ~17 s of
CPU); `make fuzz-lists N=1000` runs full-size lists (up to 25 projects) from seed 10000 on.
"""

from __future__ import annotations

import sys

import pytest

from corpus import REPO_ROOT

if str(REPO_ROOT) not in sys.path:  # samples.generate lives at the repo root, outside the package
    sys.path.insert(0, str(REPO_ROOT))

random_lists = pytest.importorskip("samples.generate.random_lists")

MAX_PROJECTS, MAX_ROWS = 6, 12
SUITE_SEEDS = range(150)

# Seeds that failed once and are fixed, with what they showed: of the suite's size, and full size (up to 25
# projects, as make fuzz-lists draws them).
REGRESSION_SEEDS = {
    3: "a unit row at a page top under a group that ended at the break: its empty merged 一级/二级指标 cells "
       "were taken as the group's, going on",
    0: "a one-row group on each side of the break, 项目名称 and 绩效目标 split by it (`油烟检经` | `费`): a new project",
    2: "a `<code>-<name>` split inside its code (`11000022T7967683` | `24512-…`), the amounts printed after the "
       "break: a row of its own",
    21: "a 绩效目标 split by the break, the group merged over rows on the next page: its rest a cell of its own",
    27: "a 绩效目标 split by the break beside merged 一级/二级指标 going on: its rest a cell of its own",
    30: "项目名称 and 绩效目标 both split, the amounts printed after the break",
    53: "a long 绩效目标 split by the break, most of it after it",
    125: "a 绩效目标 split by the break, its rest holding a figure (`3000亩`)",
    131: "项目名称 and 绩效目标 split, a one-row part after the break: a new project of the rest",
    148: "a cut row whose rest is a 二级指标's last character, the group's name and amounts printed after the "
         "break: an empty row of its own",
    20: "a cut row whose rest is only in its 三级指标 beside merged 一级/二级指标, the group's 项目名称 printed after "
        "the break: read as a new row",
}
_SPLIT_GOAL = "a 绩效目标 split by the break (as much as fits before it, the rest after): its rest a cell of its own"
FULL_SIZE_REGRESSION_SEEDS = {
    2: "a group's 绩效目标 printed after the break beside its 项目名称 printed before: left empty",
    12: "a unit row at a page top taken for the rest of a cut row (amounts joined onto amounts)",
    29: "an empty merged 其他资金 over the break (its group's other cells printed after it) kept as two cells",
    1: "a cut row's rest with the group's merged texts printed after the break; the project's pages without the "
       "page of the rest",
    44: "an empty 绩效指标性质 at the break filled from the next row's operator (header cells merged down counted "
        "as merged body cells)",
    64: "the next group's empty 其他资金 carried into the group above it, after a cut row",
    10008: 'a 项目名称 split by the break: its rest read as a new project',
    10027: 'a cut row whose rest is only in its 三级指标 beside merged 一级/二级指标 (group texts printed after '
           'the break)',
    10045: 'generator: an amount column narrower than its amount once the other amount columns were widened',
    10046: _SPLIT_GOAL,
    10055: _SPLIT_GOAL,
    10062: _SPLIT_GOAL,
    10064: _SPLIT_GOAL,
    10067: _SPLIT_GOAL + '; an empty 其他资金 of a one-row group part on each side kept as two cells',
    10075: _SPLIT_GOAL,
    10083: _SPLIT_GOAL + "; a text overflowing its cell at the page top set the page's padding (generator: now "
                         'grown to hold it)',
    10096: _SPLIT_GOAL,
    10099: 'generator: a 3-character 项目名称 column wrapped the code into 6-digit lines, read as stacked numbers',
    10111: _SPLIT_GOAL,
    10116: "a cut row's 三级指标 rest beside merged levels read as a new row",
    10120: _SPLIT_GOAL,
    10134: _SPLIT_GOAL,
    10144: "a one-row group part, its amounts printed after the break beside the row's text: a row of its own",
    10168: "a row of its own under a merged 二级指标 (`263.5` | `基本消除`) taken for a cut row's rest",
    10169: "a row of its own (its 二级指标 merged over the break) joined onto the row above as a cut row's rest",
    10189: "a cut row's 三级指标 rest beside merged levels read as a new row",
    10200: _SPLIT_GOAL,
    10211: "a cut row's rest with the group's texts printed after the break read as a new row",
    10218: _SPLIT_GOAL,
    10220: _SPLIT_GOAL,
    10222: _SPLIT_GOAL,
    10225: _SPLIT_GOAL,
    10232: 'a `<code>-<name>` split by the break, the amounts printed after it',
    10237: _SPLIT_GOAL,
    10239: _SPLIT_GOAL,
    10253: _SPLIT_GOAL,
    10255: _SPLIT_GOAL,
    10266: "a cut row whose rest is a 二级指标's last character: an empty row of its own",
    10271: _SPLIT_GOAL,
    10297: 'a 项目名称 split by the break: a project lost, the rows of the next ones shifted',
    10387: 'a one-row group part whose 项目名称/绩效目标/二级指标 are printed after the break: its next row read '
           'as the rest of a cut one',
    10442: '`产出指标` | `效益指标` under narrow columns taken for a cut row (every cell looked full)',
    10444: _SPLIT_GOAL + ', less than a line of room left in its part',
    10536: "`＝18人次` | `＞711,038份`: two values taken for a cut row's parts",
    10768: _SPLIT_GOAL + " (found at the branch's work in progress)",
    10861: _SPLIT_GOAL + " (found at the branch's work in progress)",
    10891: "generator: a merged cell's part after the break printed its lines past the cell, over the table's "
           'top rule',
    10924: "a new group at the page top with all its texts printed after the next break taken for the group "
           "above's rest (its empty 其他资金 too: a cell right of an ended one within its rows ended with it)",
    20020: "a cell over three pages printed in its last part: its middle part, as tall, taken for the producer's "
           "choice to print texts after the break",
    20054: "a table's first group, one row before the break, its 绩效目标 printed after it: the piece's merges unused",
    20328: "a one-row group part, its amounts printed after the break beside its name printed before: a new row",
    11394: "a one-row group part each side, 项目名称 and amounts printed after the break, 绩效目标 split by it and "
           "一级指标 split too (`产出指` | `标`): the split label taken as a cell printed anew, the goal's rest a cell "
           "of its own",
    11725: "as 11394",
    13049: "tables only: a 二级指标 merged over the break beside an ended project group, taken as ended with it "
           "(a level right of a cell the after-the-break evidence ends is left to the level rules)",
    13735: "a cut row's 三级指标 rest taken for a row of its own: the padding read off a one-character 一级指标 "
           "column narrower than its text (it overflows the padding), so the cut text seemed to leave room",
    13920: "an empty 其他资金 of a group ended at the break (its texts printed before it, the page after as tall) "
           "joined with the next group's, whose texts are printed a page later",
    13995: "an empty 其他资金 of a group ended at the break joined with the next group's over a whole page, whose "
           "texts are printed on the page after it: the next project's 1015.75 read as the first's",
    14839: "a 项目名称 split by the break, a one-row group part each side, on a page of one-line cells only: no "
           "line pitch to tell the part full by, so the group's rest was read as a new row",
    11689: "a new indicator row after the break under merged 一级/二级指标 going on, its qualitative value beside the "
           "last row's (`良` | `持续有效运行`): joined as a cut row's rest (fewer texts than empty cells, the level "
           "cells counted)",
    30521: "checked on (seeds 30000-31999): an amount wrapped in a narrow 指标值 column (`43` / `2,3` / `65`) read "
           "as stacked amounts, so the row was split into its printed lines",
    40063: "checked on (seeds 40000-41999): as 11689, but the 三级指标 before the break fills its part: a new row "
           "joined as a cut row's rest though the short value beside it (`优` | `每季度末`) ended before the break",
    50498: "checked on (seeds 50000-50999): a one-row group part each side, 项目名称 and 绩效目标 printed before "
           "the break, the amounts after it beside a new indicator row's own 一级/二级指标: the level names "
           "counted as the group printing its cells anew, the amounts left to the next row",
}

# Still failing: strict expected failures naming what remains.
KNOWN_FAILURES: dict[int, str] = {}
FULL_SIZE_KNOWN_FAILURES: dict[int, str] = {}


def _param(seed: int):
    if seed in KNOWN_FAILURES:
        return pytest.param(seed, marks=pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[seed]))
    return seed


@pytest.mark.parametrize("seed", [_param(s) for s in sorted(set(SUITE_SEEDS) | set(REGRESSION_SEEDS))])
def test_random_list_matches_its_model(seed):
    diffs = random_lists.check(seed, MAX_PROJECTS, MAX_ROWS)
    assert not diffs, f"seed {seed}: " + "\n".join(diffs[:12])


@pytest.mark.parametrize("seed", [pytest.param(s, marks=pytest.mark.xfail(strict=True, reason=FULL_SIZE_KNOWN_FAILURES[s]))
                                  if s in FULL_SIZE_KNOWN_FAILURES else s for s in sorted(FULL_SIZE_REGRESSION_SEEDS)])
def test_full_size_list_regression(seed):
    diffs = random_lists.check(seed)
    assert not diffs, f"seed {seed}: " + "\n".join(diffs[:12])


def test_generator_is_deterministic():
    a, expected_a, _ = random_lists.build(7, MAX_PROJECTS, MAX_ROWS)
    b, expected_b, _ = random_lists.build(7, MAX_PROJECTS, MAX_ROWS)
    assert a == b and expected_a == expected_b


def test_model_covers_the_list_forms():
    """Across the suite's seeds the generator draws every form it claims: both header shapes, one and three
    value columns, merged and repeated levels, unit and 合计 rows, cut rows, names with and without codes."""
    seen = set()
    for seed in SUITE_SEEDS:
        d = random_lists.random_list(seed, MAX_PROJECTS, MAX_ROWS)
        seen |= {("two_row_header", d.style.two_row_header), ("value_columns", d.style.value_columns),
                 ("merged_levels", d.style.merged_levels), ("total_row", d.style.total_row),
                 ("units", any(p.unit for p in d.projects)), ("code", any(p.code for p in d.projects)),
                 ("cut", d.layout.cut_rows.get(random_lists.KEY, False)), ("repeat", d.repeat_header)}
    for key in ("two_row_header", "merged_levels", "total_row", "units", "code", "cut", "repeat"):
        assert (key, True) in seen and (key, False) in seen, key
    assert ("value_columns", 1) in seen and ("value_columns", 3) in seen
