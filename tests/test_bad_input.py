"""Every broken, hostile or odd input gets its defined outcome (tests/bad_inputs.py names them).

Two levels:
* the guard (open_pdf, the limits, check_readable): in-process, fast, independent of the pipeline;
* the command line (`extractor extract` per file, `extractor batch` over the folder): in a subprocess with a
  timeout, so a hang fails the test instead of stalling it; the outcome is one line `extractor: ...` and exit
  status 1, or a JSON result (exit 0) with the named warnings; never a traceback.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bad_inputs import BadInput, make_corpus
from extractor.errors import ExtractorError
from extractor.guard import (
    MiB,
    Limits,
    as_extractor_error,
    check_readable,
    guarded,
    inflated_size,
    open_pdf,
    select_pages,
    time_limit,
)

REPO = Path(__file__).resolve().parent.parent
CLI_TIMEOUT = 180  # seconds a subprocess may take before the test calls it a hang


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, BadInput]:
    return make_corpus(tmp_path_factory.mktemp("bad"))


# ------------------------------------------------------------------------------------------------ the guard

OPEN_ERRORS = ["empty", "random", "html", "truncated-10", "truncated-50", "truncated-90", "encrypted-user",
               "encrypted-user-wrong", "zero-pages", "bomb", "objstm-bomb", "xref-size"]
OPENS = ["sample", "compact", "broken-xref", "encrypted-owner", "encrypted-user-password", "many-rects", "chinese-name",
         "scanned"]


def _password(case: BadInput) -> str | None:
    return case.args[case.args.index("--password") + 1] if "--password" in case.args else None


@pytest.mark.parametrize("name", OPEN_ERRORS)
def test_open_refuses_with_its_code(corpus, name):
    case = corpus[name]
    start = time.monotonic()
    with pytest.raises(ExtractorError) as info:
        with open_pdf(case.path, password=_password(case)):
            pass
    assert info.value.code == case.code
    message = str(info.value)
    assert "\n" not in message and message.startswith(case.path.name + ": ")
    assert time.monotonic() - start < 10


@pytest.mark.parametrize("name", OPENS)
def test_open_reads(corpus, name):
    case = corpus[name]
    warnings = []
    with open_pdf(case.path, password=_password(case), warnings=warnings) as pdf:
        assert len(pdf.pages) >= 1
    assert [w.code for w in warnings] == list(case.warnings)


def test_owner_password_only_gives_the_text(corpus):
    with open_pdf(corpus["encrypted-owner"].path) as pdf:
        assert "Encrypted performance table" in pdf.pages[0].extract_text()


def test_user_password_gives_the_text(corpus):
    with open_pdf(corpus["encrypted-user"].path, password="user-secret") as pdf:
        assert "Encrypted performance table" in pdf.pages[0].extract_text()


def test_wrong_password_is_named(corpus):
    with pytest.raises(ExtractorError, match="wrong password"):
        open_pdf(corpus["encrypted-user"].path, password="wrong")


def test_truncated_file_is_called_damaged_not_empty(corpus):
    with pytest.raises(ExtractorError) as info:
        open_pdf(corpus["truncated-90"].path)
    assert info.value.code == "damaged"


def test_bomb_is_measured_not_inflated(corpus):
    """The size check stops at the limit: it never inflates the 2 GiB, nor holds more than a chunk."""
    import pdfplumber

    with pdfplumber.open(corpus["bomb"].path) as pdf:
        stream = pdf.doc.getobj(4)
        start = time.monotonic()
        size = inflated_size(stream, 10 * MiB)
        assert 10 * MiB < size <= 12 * MiB
        assert time.monotonic() - start < 5


def test_bomb_opens_when_the_limit_is_off(corpus):
    """The limit, not the file's shape, refuses it: with the check off it opens (nothing inflated yet)."""
    with open_pdf(corpus["bomb"].path, limits=Limits(max_decompressed=None)) as pdf:
        assert len(pdf.pages) == 1


def test_ordinary_streams_pass_the_size_check(corpus):
    with open_pdf(corpus["thousand-pages-limited"].path, limits=Limits(max_decompressed=1 * MiB)) as pdf:
        assert len(pdf.pages) == 1000


def test_page_limit_reads_the_first_pages_and_warns():
    warnings = []
    assert select_pages(1000, None, Limits(max_pages=10), warnings) == list(range(1, 11))
    assert [(w.code, w.page) for w in warnings] == [("page_limit", 11)]
    warnings = []
    assert select_pages(5, [2, 9, 3], Limits(max_pages=10), warnings) == [2, 3]
    assert warnings == []


def test_time_limit_stops_a_long_read(corpus):
    start = time.monotonic()
    with pytest.raises(ExtractorError) as info:
        with guarded(corpus["thousand-pages-timeout"].path, Limits(timeout=1)):
            with open_pdf(corpus["thousand-pages-timeout"].path) as pdf:
                for page in pdf.pages:
                    page.extract_text()
    assert info.value.code == "timeout"
    assert time.monotonic() - start < 5


def test_time_limit_survives_code_that_catches_everything():
    """The alarm is a BaseException inside, so a library's `except Exception: pass` cannot swallow it."""
    start = time.monotonic()
    with pytest.raises(ExtractorError) as info:
        with time_limit(0.3, "x.pdf"):
            while True:
                try:
                    time.sleep(0.05)
                except Exception:  # noqa: BLE001 - what a careless library does
                    pass
    assert info.value.code == "timeout"
    assert time.monotonic() - start < 2


def test_errors_of_the_pdf_libraries_are_damaged_and_our_bugs_are_not():
    from pdfminer.psparser import PSEOF

    assert as_extractor_error(PSEOF("Unexpected EOF"), "a.pdf").code == "damaged"
    assert as_extractor_error(KeyError("ours"), "a.pdf") is None
    assert as_extractor_error(MemoryError(), "a.pdf").code == "too_large"


def _layouts(path: Path):
    locate = pytest.importorskip("extractor.locate")
    warnings = []
    with open_pdf(path) as pdf:
        layouts = locate.locate_pages(pdf, None, warnings)
    return layouts, warnings


def test_scanned_page_is_no_text_layer(corpus):
    layouts, warnings = _layouts(corpus["scanned"].path)
    assert [w.code for w in warnings] == ["no_text_layer"]
    with pytest.raises(ExtractorError) as info:
        check_readable(layouts, "scanned-image-only.pdf")
    assert info.value.code == "no_text_layer"


def test_broken_font_is_refused_not_presented(corpus):
    if "broken-font" not in corpus:
        pytest.skip("../shared/corpus/real/broken-font-encoding.pdf is absent")
    layouts, warnings = _layouts(corpus["broken-font"].path)
    assert "garbled_text" in [w.code for w in warnings]
    with pytest.raises(ExtractorError) as info:
        check_readable(layouts, "broken-font-encoding.pdf")
    assert info.value.code == "garbled_text"


def test_good_pages_pass_check_readable(corpus):
    layouts, warnings = _layouts(corpus["sample"].path)
    check_readable(layouts)
    assert warnings == []


# ----------------------------------------------------------------------------------------- the command line

def _run(*args: str, timeout: float = CLI_TIMEOUT) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    try:
        return subprocess.run([sys.executable, "-m", "extractor", *args], capture_output=True, text=True,
                              timeout=timeout, cwd=REPO, env=env)
    except subprocess.TimeoutExpired:
        pytest.fail(f"extractor {' '.join(args)} hung (no answer in {timeout} s)")


def _skip_unless_ready(proc: subprocess.CompletedProcess, what: str) -> None:
    if "not implemented" in proc.stderr:
        pytest.skip(f"`extractor {what}` is not implemented yet")
    if "No such option" in proc.stderr:
        pytest.skip(f"`extractor {what}` lacks an option this case needs: {proc.stderr.strip()}")


def _assert_one_line_error(proc: subprocess.CompletedProcess, case: BadInput) -> None:
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 1, (proc.returncode, proc.stderr)
    assert len(lines) == 1 and lines[0].startswith("extractor: "), proc.stderr
    assert case.code in lines[0], f"the line should name the code {case.code!r}: {lines[0]}"


CLI_CASES = ["empty", "random", "html", "truncated-10", "truncated-50", "truncated-90", "broken-xref",
             "encrypted-owner", "encrypted-user", "encrypted-user-wrong", "encrypted-user-password",
             "zero-pages", "compact", "xref-size", "scanned", "broken-font", "ocr-scan", "font-widths-bomb", "many-rects", "chinese-name", "bomb", "objstm-bomb",
             "thousand-pages-limited", "thousand-pages-timeout", "sample"]


@pytest.mark.parametrize("name", CLI_CASES)
def test_extract_gives_the_defined_outcome(corpus, name):
    if name not in corpus:
        pytest.skip(f"{name}: its source file is absent")
    case = corpus[name]
    start = time.monotonic()
    proc = _run("extract", str(case.path), *case.args)
    _skip_unless_ready(proc, "extract")
    limit = float(case.args[case.args.index("--timeout") + 1]) if "--timeout" in case.args else None
    if limit:
        assert time.monotonic() - start < limit + 30, "the time limit did not stop it"
    if case.code:
        _assert_one_line_error(proc, case)
        return
    if proc.returncode == 1 and case.extra.get("or_code"):  # the other outcome allowed for this input
        _assert_one_line_error(proc, BadInput(case.name, case.path, case.extra["or_code"]))
        return
    # no library chatter, no traceback: only the file's summary lines (extractor.summary)
    assert proc.returncode == 0, proc.stderr
    assert all(line.startswith(f"{case.path.name}: ") for line in proc.stderr.splitlines()), proc.stderr
    doc = json.loads(proc.stdout)
    if "tables" in case.extra:
        assert len(doc["tables"]) == case.extra["tables"]
    assert doc["source"]["file"] == case.path.name
    codes = {w["code"] for w in doc["warnings"]}
    assert set(case.warnings) <= codes, (case.warnings, doc["warnings"])


def test_batch_lists_every_failure_with_its_code(corpus, tmp_path):
    """One batch over the whole folder: errors.csv names each refused file and its code; the rest convert."""
    plain = {c.path.name: c for c in corpus.values()
             if not c.args and c.command == "extract" and c.path.is_file()}
    folder = tmp_path / "in"
    folder.mkdir()
    for name, case in plain.items():
        (folder / name).symlink_to(case.path)
    proc = _run("batch", str(folder), "-o", str(tmp_path / "out"), "--jobs", "2", "--no-progress")
    _skip_unless_ready(proc, "batch")
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 1
    with open(tmp_path / "out" / "errors.csv", encoding="utf-8-sig", newline="") as fh:
        failed = {row["file"]: row["error_code"] for row in csv.DictReader(fh)}
    expected = {name: c.code for name, c in plain.items() if c.code}
    got = {name: code for name, code in failed.items() if name in plain}
    assert got == expected
    for name, case in plain.items():
        if case.code is None:
            assert (tmp_path / "out" / (Path(name).stem + ".json")).exists(), name


def test_batch_of_a_folder_without_pdfs_says_so(corpus, tmp_path):
    case = corpus["empty-dir"]
    proc = _run("batch", str(case.path), "-o", str(tmp_path / "out"), "--no-progress")
    _skip_unless_ready(proc, "batch")
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 1, (proc.returncode, proc.stdout, proc.stderr)
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "no PDF" in lines[0] and case.code in lines[0], proc.stderr


def test_extract_of_a_folder_is_one_line(corpus):
    proc = _run("extract", str(corpus["empty-dir"].path))
    _skip_unless_ready(proc, "extract")
    assert "Traceback" not in proc.stderr
    assert proc.returncode in (1, 2)
    assert len([line for line in proc.stderr.splitlines() if line.strip() and not line.startswith(("Usage:", "Try "))]) == 1


def test_errors_raised_inside_compiled_readers_are_damaged():
    """playa's compiled modules name their frames 'playa/xref.py' (no leading folder)."""
    code = compile("raise ValueError(\"invalid literal for int() with base 10: b'\\\\x00000005709'\")",
                   "playa/xref.py", "exec")
    try:
        exec(code)
    except ValueError as exc:
        assert as_extractor_error(exc, "a.pdf").code == "damaged"


def test_errors_raised_in_the_standard_library_for_a_reader_are_damaged():
    """pdfminer decodes ASCII85 with base64.a85decode: the ValueError's innermost frame is base64.py."""
    from pdfminer.ascii85 import ascii85decode

    try:
        ascii85decode(b"Gatn%9oB~ ~>")
    except ValueError as exc:
        assert as_extractor_error(exc, "a.pdf").code == "damaged"
    else:
        pytest.skip("this pdfminer accepts the input")


def test_the_size_limit_measures_what_the_reader_inflates_not_images(corpus):
    """A scan's 2 MB picture passes a 1 MiB limit (nothing in extraction inflates images); a 5 KB page
    content stream does not pass a 1 KB one."""
    with open_pdf(corpus["scanned"].path, limits=Limits(max_decompressed=1 * MiB)) as pdf:
        assert len(pdf.pages) == 1
    with pytest.raises(ExtractorError) as info:
        open_pdf(corpus["sample"].path, limits=Limits(max_decompressed=1024))
    assert info.value.code == "too_large"


def test_an_alarm_at_the_finish_line_leaves_no_stray_alarm():
    """Bodies that end right at the deadline: each ends in Timeout or normally, and afterwards no alarm is
    armed and the old handler is back (a stray alarm would kill the next file's work)."""
    import signal

    before = signal.getsignal(signal.SIGALRM)
    for _ in range(200):
        try:
            with time_limit(0.002, "x.pdf"):
                end = time.perf_counter() + 0.002
                while time.perf_counter() < end:
                    pass
        except ExtractorError as exc:
            assert exc.code == "timeout"
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before


def test_memory_limit_stops_a_runaway_read_and_gives_the_memory_back(corpus):
    import resource

    before = resource.getrlimit(resource.RLIMIT_DATA)
    start = time.monotonic()
    with pytest.raises(ExtractorError) as info:
        with guarded(corpus["font-widths-bomb"].path, Limits(timeout=60, max_memory=256 * MiB)):
            from extractor.pipeline import extract_pdf

            extract_pdf(corpus["font-widths-bomb"].path)
    assert info.value.code == "too_large"
    assert time.monotonic() - start < 30
    assert resource.getrlimit(resource.RLIMIT_DATA) == before
