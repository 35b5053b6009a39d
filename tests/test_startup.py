"""Start-up (issue 18): what an extract imports and compiles only on first use still works the same."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout.strip()


def test_camelot_lattice_imported_without_playa_pandas_or_its_package_init():
    out = _run(
        "import sys\n"
        "from extractor.extract.camelot_engine import _parser_class\n"
        "cls = _parser_class()\n"
        "print(sorted(m for m in ('playa', 'playa.miner', 'pandas', 'cv2', 'urllib.request', 'camelot.io',"
        " 'camelot.handlers', 'camelot.parsers.stream') if m in sys.modules))\n")
    assert out == "[]"


def test_camelot_still_whole_for_a_later_user():
    """After the lattice import, `import camelot` still gives read_pdf and every parser, and the names
    camelot took from playa behave as playa's own classes."""
    out = _run(
        "from extractor.extract.camelot_engine import _parser_class\n"
        "cls = _parser_class()\n"
        "import camelot, camelot.parsers, camelot.utils as u\n"
        "import playa.miner as pm\n"
        "print(callable(camelot.read_pdf), camelot.parsers.Stream.__name__, camelot.parsers.Lattice is cls.__mro__[1],"
        " issubclass(pm.LTChar, u.LTChar), isinstance(object(), u.LTChar), u.LTChar.__name__,"
        " u.pm.extract_page is pm.extract_page or u.pm.extract_page.__name__)\n")
    assert out == "True Stream True True False LTChar extract_page"


def test_camelot_read_pdf_works_after_the_lattice_import(tmp_path):
    pdf = ROOT / "samples" / "central.pdf"
    out = _run(
        "from extractor.extract.camelot_engine import _parser_class\n"
        "_parser_class()\n"
        "import camelot\n"
        f"tables = camelot.read_pdf({str(pdf)!r}, flavor='lattice', engine='vector')\n"
        "print(len(tables) > 0)\n")
    assert out == "True"


def test_every_vocabulary_pattern_compiles_and_any_is_the_alternation():
    """Label patterns are compiled on first use: each must compile, and "does any match" must say what
    the alternation of the list says (the way it was computed before)."""
    from extractor.interpret import labels as L

    lists = [v for v in vars(L).values() if isinstance(v, L.Patterns)]
    lists += list(L.DEPT_FIELDS.values()) + [p for _, p in L.INDICATOR_COLUMNS]
    assert len(lists) > 40
    texts = ["项目名称", "项目代码", "预算数", "一级指标", "二级指标", "三级指标", "指标值", "年度指标值", "绩效目标",
             "其中：财政资金", "其他资金", "评价标准", "部门名称", "年度资金总额", "实施期资金总额", "x", "", "项目"]
    for patterns in lists:
        assert all(isinstance(p, regex.Pattern) for p in patterns)
        alternation = regex.compile("|".join(f"(?:{p})" for p in patterns.sources))
        for t in texts:
            assert patterns.fullmatches(t) == bool(alternation.fullmatch(t)), (patterns.sources, t)
        for i in range(80):  # past _ALTERNATION_AFTER texts the list answers with its own alternation
            patterns.fullmatches(f"填充{i}")
        for t in texts + ["项目名称（全称）", "指标值（2025年）"]:
            patterns._hits.pop(t, None)
            assert patterns.fullmatches(t) == bool(alternation.fullmatch(t)), (patterns.sources, t)
