"""`extract --jobs N` (extractor.parallel): page ranges read in worker processes, joined before stitching.

The reference is the one-process run of the same code path (locate/extract page by page in this process):
the promise is identity, so the joined document must equal it byte for byte, tables continued across a
range boundary included.
"""

from __future__ import annotations

import os

import pytest

from corpus import REAL_CORPUS_DIR, SAMPLES_DIR, TAIWAN, needs_real
from extractor import parallel
from extractor.parallel import split_ranges
from extractor.pipeline import extract_pdf
from extractor.write.json_out import dumps


def test_ranges_are_consecutive_cover_every_page_once_and_in_order():
    pages = list(range(3, 200))
    ranges = split_ranges(pages, 2)
    assert len(ranges) > 2 * 2  # more ranges than workers: the first free takes the next
    assert [p for r in ranges for p in r] == pages
    assert min(map(len, ranges)) >= parallel.MIN_PAGES_PER_RANGE


def test_ranges_shrink_so_the_workers_end_on_short_ones():
    ranges = split_ranges(list(range(1, 393)), 2)
    sizes = [len(r) for r in ranges]
    assert sizes[:-1] == sorted(sizes[:-1], reverse=True)  # (the last takes a rest too short to stand alone)
    assert sizes[0] >= 4 * sizes[-1]
    assert sizes[-1] < 2 * parallel.MIN_PAGES_PER_RANGE


def test_a_short_document_stays_in_one_range():
    assert split_ranges(list(range(1, 10)), 4) == [list(range(1, 10))]
    assert split_ranges(list(range(1, 100)), 1) == [list(range(1, 100))]
    assert split_ranges([], 2) == []


def _boundaries(ranges: list[list[int]]) -> list[tuple[int, int]]:
    return [(a[-1], b[0]) for a, b in zip(ranges, ranges[1:])]


def _crossing(doc: dict, ranges: list[list[int]]) -> int:
    """How many stitched tables have parts on both sides of a range boundary."""
    n = 0
    for table in doc["tables"]:
        pages = {part["page"] for part in table["parts"]}
        n += any(last in pages and first in pages for last, first in _boundaries(ranges))
    return n


@pytest.mark.parametrize("name", ["seed.pdf", "page-breaks.pdf", "lo-continued.pdf"])
def test_sample_read_in_one_page_ranges_is_identical(monkeypatch, name):
    path = SAMPLES_DIR / name
    one = extract_pdf(path)
    monkeypatch.setattr(parallel, "MIN_PAGES_PER_RANGE", 1)
    n_pages = one["source"]["pages"]
    ranges = split_ranges(list(range(1, n_pages + 1)), 2)
    assert len(ranges) > 1
    two = extract_pdf(path, jobs=2)
    assert dumps(two) == dumps(one)


@needs_real
def test_taiwan_book_tables_across_range_boundaries_are_identical(monkeypatch):
    path = REAL_CORPUS_DIR / TAIWAN
    pages = list(range(15, 41))
    one = extract_pdf(path, pages=pages)
    monkeypatch.setattr(parallel, "MIN_PAGES_PER_RANGE", 4)
    monkeypatch.setattr(parallel, "_SHARE", 4)  # ranges of 4 pages (6 at the end): a boundary inside pp.15-20
    ranges = split_ranges(pages, 2)
    assert len(ranges) == 6
    assert _crossing(one, ranges) >= 2  # pp.15-20 and 21-34 are each one table across several ranges
    grids_one, grids_two = [], []
    two = extract_pdf(path, pages=pages, jobs=2, grids_out=grids_two)
    extract_pdf(path, pages=pages, grids_out=grids_one)
    assert dumps(two) == dumps(one)
    assert grids_two == grids_one


def test_progress_counts_the_pages_of_each_range_the_workers_read(monkeypatch):
    """A long run shows progress with --jobs too: after each page range, the pages read so far."""
    monkeypatch.setattr(parallel, "MIN_PAGES_PER_RANGE", 4)
    path = SAMPLES_DIR / "seed.pdf"
    n_pages = extract_pdf(path, pages=[1])["source"]["pages"]
    ranges = split_ranges(list(range(1, n_pages + 1)), 2)
    assert len(ranges) > 2
    seen: list[tuple[int, int]] = []
    extract_pdf(path, jobs=2, on_page=lambda done, total: seen.append((done, total)))
    assert seen == [(sum(map(len, ranges[:i + 1])), n_pages) for i in range(len(ranges))]


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: nothing to share")
def test_extract_reads_a_long_pdf_on_every_core_by_default(tmp_path, monkeypatch):
    """`extract`'s --jobs defaults to the machine's cores, as batch's does: a long PDF's page ranges go to
    workers, with the one-process document; --jobs 1 reads it in this process."""
    from click.testing import CliRunner

    from extractor.cli import cli

    calls: list[int] = []
    real = parallel.read_pages_parallel

    def counted(path, pages, engine, jobs, *args, **kwargs):
        calls.append(jobs)
        return real(path, pages, engine, jobs, *args, **kwargs)

    monkeypatch.setattr(parallel, "read_pages_parallel", counted)
    path = SAMPLES_DIR / "seed.pdf"  # 18 pages: two ranges
    default, one = tmp_path / "default.json", tmp_path / "one.json"
    assert CliRunner().invoke(cli, ["extract", str(path), "-o", str(default), "-q"]).exit_code == 0
    assert calls == [os.cpu_count()]
    assert CliRunner().invoke(cli, ["extract", str(path), "-o", str(one), "-q", "--jobs", "1"]).exit_code == 0
    assert calls == [os.cpu_count()]
    assert default.read_text(encoding="utf-8") == one.read_text(encoding="utf-8")


def test_a_failure_in_a_worker_is_the_error_one_process_raises(tmp_path, monkeypatch):
    """A page that cannot be read fails the file with the same ExtractorError code from a worker."""
    from extractor.errors import ExtractorError

    monkeypatch.setattr(parallel, "MIN_PAGES_PER_RANGE", 1)

    def broken(pdf, pages, engine, warnings, password=None, **kwargs):
        if 5 in pages:
            from extractor.errors import Damaged

            raise Damaged("seed.pdf: damaged PDF, cannot be read (page 5)")
        return real(pdf, pages, engine, warnings, password=password)

    real = parallel.read_pages
    monkeypatch.setattr(parallel, "read_pages", broken)
    with pytest.raises(ExtractorError) as info:
        extract_pdf(SAMPLES_DIR / "seed.pdf", jobs=2)
    assert info.value.code == "damaged"
    assert "page 5" in str(info.value)


def test_the_size_limit_is_kept_while_reading_without_a_pre_pass(tmp_path):
    """extract_pdf skips open_pdf's measuring of every stream: the bomb is refused as pdfminer inflates it
    (the limit is in force while the pages are read), in one process and in a worker."""
    import time

    from bad_inputs import compression_bomb
    from extractor.errors import ExtractorError
    from extractor.guard import Limits, MiB, guarded

    bomb = compression_bomb(tmp_path / "bomb.pdf", inflated=256 * MiB)
    limits = Limits(max_decompressed=16 * MiB)
    start = time.monotonic()
    with pytest.raises(ExtractorError) as info, guarded(bomb, limits):
        extract_pdf(bomb, limits=limits)
    assert info.value.code == "too_large"
    assert time.monotonic() - start < 10
    with pytest.raises(ExtractorError) as info:  # no guarded(): the worker classifies the failure itself
        parallel.read_pages_parallel(bomb, [1], "camelot", 2, limits=limits)
    assert info.value.code == "too_large"


@needs_real
def test_stitching_range_by_range_gives_the_tables_of_one_stitching():
    """extract --jobs stitches each page range as it arrives (stitch.Stitching): the first joining and, once
    the book shows its after-the-break convention (by p.59), the second go on range by range; the tables
    must be those stitch_tables makes of all the grids at once."""
    from extractor.stitch import Stitching, stitch_tables

    grids = []
    extract_pdf(REAL_CORPUS_DIR / TAIWAN, pages=list(range(1, 60)), grids_out=grids)
    whole = stitch_tables(grids, [])
    for size in (1, 7):
        stitching = Stitching()
        for i in range(0, len(grids), size):
            stitching.add(grids[i:i + size])
        assert stitching._again is not None  # the second joining began before the last grid
        assert stitching.tables() == whole
