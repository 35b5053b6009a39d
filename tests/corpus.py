"""Where the tests' PDFs live, and the lists of them that tests parametrise over.

Imported as `from corpus import ...` (tests/ is on sys.path under pytest's default import mode, and when a
file of tests/ is run as a script). conftest.py takes its path constants and fixtures from here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SAMPLES_DIR = REPO_ROOT / "samples"  # the committed sample PDFs (python -m samples.generate)
GOLDEN_DIR = REPO_ROOT / "golden"  # the expected contract JSON of each sample, <stem>.json for <stem>.pdf
REAL_CORPUS_DIR = REPO_ROOT.parent / "shared" / "corpus" / "real"  # real published PDFs; may be absent

TAIWAN = "taiwan-interior-ministry-budget-392pp.pdf"  # the 392-page book: most tests read a page range
SHANGHAI_WANLI_2023 = REAL_CORPUS_DIR / "shanghai-wanli-2023-budget-with-performance-tables.pdf"

needs_real = pytest.mark.skipif(not REAL_CORPUS_DIR.is_dir(),
                                reason="real corpus (../shared/corpus/real) not present")


def sample_pdfs() -> list[Path]:
    return sorted(SAMPLES_DIR.glob("*.pdf"))


def golden_files() -> list[Path]:
    return sorted(GOLDEN_DIR.glob("*.json"))


def real_pdfs() -> list[Path]:
    """The real corpus's PDFs; none where the folder is absent."""
    return sorted(REAL_CORPUS_DIR.glob("*.pdf")) if REAL_CORPUS_DIR.is_dir() else []


def sample_pairs() -> list[tuple[Path, Path]]:
    """(samples/<stem>.pdf, golden/<stem>.json) for every sample PDF that has its golden file."""
    pairs = [(pdf, GOLDEN_DIR / f"{pdf.stem}.json") for pdf in sample_pdfs()]
    return [(pdf, gold) for pdf, gold in pairs if gold.exists()]


def every_pdf_param() -> list:
    """One pytest.param(path, id=<file name>) per sample PDF, then per real PDF."""
    return [pytest.param(p, id=p.name) for p in sample_pdfs() + real_pdfs()]


def every_pdf_pages_param(taiwan_pages) -> list:
    """One pytest.param(path, pages, id=<file name>) per sample PDF, then per real PDF: `pages` is
    `taiwan_pages` for the Taiwan book and None (the whole PDF) for every other."""
    return [pytest.param(p, taiwan_pages if p.name == TAIWAN else None, id=p.name)
            for p in sample_pdfs() + real_pdfs()]
