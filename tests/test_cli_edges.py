"""The rough edges a new user hit (issue 17, item 5), each as it was reported.

Output paths that are not regular files, the format from -o's extension, pages beyond the document,
error lines that name the input or the output in words, batch mirroring each folder given, Ctrl-C in batch,
the README's instructions, per-page progress. What is expected comes from the issue's wording and from
how the inputs are made here (the samples' page counts in golden/), not from what the tool printed.
"""

from __future__ import annotations

import csv
import errno
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus import GOLDEN_DIR, REPO_ROOT, SAMPLES_DIR
from extractor.cli import cli

PYTHON = sys.executable
SEED = SAMPLES_DIR / "seed.pdf"
CENTRAL = SAMPLES_DIR / "central.pdf"  # one page, one project


def invoke(*args):
    return CliRunner().invoke(cli, list(map(str, args)))


def run(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, "-m", "extractor", *map(str, args)], capture_output=True, text=True,
                          cwd=REPO_ROOT, timeout=300, **kw)


def golden_pages(stem: str) -> int:
    return json.loads((GOLDEN_DIR / f"{stem}.json").read_text(encoding="utf-8"))["source"]["pages"]


# ---------------------------------------------------------------- output paths that are not regular files

def test_extract_to_dev_full_is_a_clear_output_error():
    proc = run("extract", CENTRAL, "-o", "/dev/full")
    assert proc.returncode == 1
    assert proc.stderr.strip() == ("extractor: output /dev/full: a character device, not a regular file; "
                                   "give the name of a file to write [output_error]")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_check_output_path_refuses_devices_folders_and_fifos(tmp_path):
    from extractor.errors import OutputError
    from extractor.write.atomic import check_output_path

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for path, kind in (("/dev/full", "character device"), ("/dev/null", "character device"),
                       (fifo, "FIFO"), (tmp_path, "folder")):
        with pytest.raises(OutputError, match=kind):
            check_output_path(path)
    check_output_path(tmp_path / "new.json")  # a new name is fine


@pytest.mark.parametrize("command", ["show", "extract"])
def test_a_fifo_is_never_replaced(tmp_path, command):
    fifo = tmp_path / ("page.png" if command == "show" else "doc.json")
    os.mkfifo(fifo)
    args = ["show", CENTRAL, "--page", "1", "-o", fifo] if command == "show" else ["extract", CENTRAL, "-o", fifo]
    res = invoke(*args)
    assert res.exit_code == 1
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO was replaced by a file"
    assert f"extractor: output {fifo}: a FIFO, not a regular file" in res.stderr


def test_a_symlink_out_of_the_folder_is_not_written_through(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    target = outside / "precious.json"
    target.write_text("keep me")
    folder = tmp_path / "out"
    folder.mkdir()
    link = folder / "seed.json"
    link.symlink_to(target)
    res = invoke("extract", CENTRAL, "-o", link)
    assert res.exit_code == 1
    assert "symbolic link" in res.stderr and "[output_error]" in res.stderr
    assert link.is_symlink() and target.read_text() == "keep me"


# ---------------------------------------------------------------- the format from -o

def test_o_xlsx_writes_a_workbook_file_not_a_folder(tmp_path):
    out = tmp_path / "out.xlsx"
    res = invoke("extract", CENTRAL, "-o", out)
    assert res.exit_code == 0, res.output
    assert out.is_file() and out.read_bytes()[:2] == b"PK"  # a zip: an XLSX workbook


def test_csv_into_a_file_name_is_a_usage_error(tmp_path):
    out = tmp_path / "w.csv"
    res = invoke("extract", CENTRAL, "--format", "csv", "-o", out)
    assert res.exit_code == 2 and "give a folder" in res.output
    assert not out.exists()


def test_contradicting_extension_is_a_usage_error(tmp_path):
    res = invoke("extract", CENTRAL, "--format", "json", "-o", tmp_path / "x.xlsx")
    assert res.exit_code == 2 and not (tmp_path / "x.xlsx").exists()
    res = invoke("extract", CENTRAL, SEED, "-o", tmp_path / "both.json")
    assert res.exit_code == 2 and not (tmp_path / "both.json").exists()


def test_dash_is_standard_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = invoke("extract", CENTRAL, "-o", "-")
    assert res.exit_code == 0
    assert json.loads(res.stdout)["source"]["file"] == "central.pdf"
    assert not (tmp_path / "-").exists()


# ---------------------------------------------------------------- inputs

def test_a_page_beyond_the_document_is_a_usage_error_saying_how_many():
    n = golden_pages("seed")
    res = invoke("extract", SEED, "--pages", str(n + 22))
    assert res.exit_code == 2
    assert f"the PDF has {n} pages" in res.output


def test_extract_of_a_folder_suggests_batch():
    res = invoke("extract", SAMPLES_DIR)
    assert res.exit_code == 2 and f"extractor batch {SAMPLES_DIR}" in res.output


# ---------------------------------------------------------------- error lines

def test_closed_stdout_is_one_line_not_python_internals():
    proc = subprocess.run(f"'{PYTHON}' -m extractor value 1 >&-", shell=True, capture_output=True, text=True,
                          cwd=REPO_ROOT, timeout=60)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [
        "extractor: standard output is closed; nothing can be written (redirect it, or give -o FILE) "
        "[output_error]"]


def test_an_output_failure_names_the_output_not_the_input(tmp_path, monkeypatch):
    def read_only(*_a, **_k):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr("extractor.write.atomic.os.replace", read_only)
    out = tmp_path / "central.json"
    res = invoke("extract", CENTRAL, "-o", out)
    assert res.exit_code == 1
    assert res.stderr.strip() == (f"extractor: output {out}: cannot write the output: Read-only file system "
                                  "[output_error]")
    assert list(tmp_path.iterdir()) == []  # no temporary file left


def test_batch_into_an_impossible_folder_says_it_is_the_output(tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("a file, not a folder")
    proc = run("batch", CENTRAL, "-o", blocker / "out")
    assert proc.returncode == 1
    assert proc.stderr.strip() == (f"extractor: output {blocker / 'out'}: cannot make the output folder: "
                                   "Not a directory [output_error]")


# ---------------------------------------------------------------- batch

def test_batch_mirrors_each_folder_relative_to_itself(tmp_path):
    a = tmp_path / "one" / "deep" / "a"
    b = tmp_path / "two" / "b"
    (a / "sub").mkdir(parents=True)
    b.mkdir(parents=True)
    shutil.copy(CENTRAL, a / "sub" / "x.pdf")
    shutil.copy(CENTRAL, b / "y.pdf")
    out = tmp_path / "out"
    proc = run("batch", a, b, "-o", out, "-j", "1", "--no-progress")
    assert proc.returncode == 0, proc.stderr
    found = sorted(str(p.relative_to(out)) for p in out.rglob("*.json") if not p.name.startswith("."))
    assert found == ["a/sub/x.json", "b/y.json"]
    with open(out / "indicators.csv", encoding="utf-8-sig", newline="") as fh:
        files = {row["file"] for row in csv.DictReader(fh)}
    assert files == {"a/sub/x.pdf", "b/y.pdf"}


def test_discover_two_files_of_the_same_name_stay_apart(tmp_path):
    from extractor.batch.discover import find_inputs

    for rel in ("x/a.pdf", "y/a.pdf"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(b"%PDF-1.4\n")
    assert [str(i.rel) for i in find_inputs([tmp_path / "x" / "a.pdf", tmp_path / "y" / "a.pdf"])] == \
        ["x/a.pdf", "y/a.pdf"]
    assert [str(i.rel) for i in find_inputs([tmp_path / "x" / "a.pdf"])] == ["a.pdf"]


SLOW = """
import signal, sys, time
# as a terminal starts it: Ctrl-C raises KeyboardInterrupt (a test runner's worker may pass SIGINT ignored)
signal.signal(signal.SIGINT, signal.default_int_handler)
import extractor.pipeline as p
_orig = p.extract_pdf
def slow(path, **kw):
    time.sleep(1.0)
    return _orig(path, **kw)
p.extract_pdf = slow
from extractor.cli import main
sys.argv[0] = "extractor"
main()
"""


def test_ctrl_c_in_batch_writes_what_finished_and_says_how_to_resume(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for k in range(6):
        shutil.copy(CENTRAL, src / f"c{k}.pdf")
    out = tmp_path / "out"
    proc = subprocess.Popen([PYTHON, "-c", SLOW, "batch", str(src), "-o", str(out), "-j", "1", "--no-progress"],
                            cwd=REPO_ROOT, start_new_session=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not [p for p in out.glob("c*.json")]:
        time.sleep(0.05)
    time.sleep(0.4)  # the parent has the first result; the next file is still in its 1 s of sleep
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C on a terminal sends: the whole foreground group
    _stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    done = sorted(p.stem for p in out.glob("c*.json"))
    assert 1 <= len(done) < 6
    assert f"{len(done)} of 6 done; run again with --resume" in stderr
    assert "Traceback" not in stderr and "Aborted" not in stderr
    assert (out / "errors.csv").is_file()
    with open(out / "indicators.csv", encoding="utf-8-sig", newline="") as fh:
        assert {row["file"] for row in csv.DictReader(fh)} == {f"{s}.pdf" for s in done}
    again = run("batch", src, "-o", out, "-j", "1", "--resume", "--no-progress")
    assert again.returncode == 0 and f"{len(done)} already done" in again.stdout


# ---------------------------------------------------------------- README, make run, progress

def test_readme_says_how_to_run_the_installed_command_and_what_golden_update_is():
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert ".venv/bin/extractor" in text and ". .venv/bin/activate" in text
    at = text.index("`extractor golden update`")
    assert "Never use it on `golden/`" in text[at:at + 400]
    assert "extractor batch" in text


def test_make_run_ends_with_a_one_line_summary(tmp_path):
    recipe = (REPO_ROOT / "Makefile").read_text().split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "extractor extract samples/*.pdf -o out/" in recipe
    pdfs = sorted(SAMPLES_DIR.glob("*.pdf"))[:2]
    res = invoke("extract", *pdfs, "-o", tmp_path / "out", "--pages", "1")
    assert res.exit_code == 0
    assert res.stdout.strip().splitlines()[-1] == f"extract: 2 PDFs: 2 written into {tmp_path / 'out'}, 0 failed"


def test_one_pdf_shows_progress_per_page(tmp_path):
    n = golden_pages("seed")
    res = invoke("extract", SEED, "-o", tmp_path / "seed.json", "--progress")
    assert res.exit_code == 0
    assert f"{n}/{n}" in res.stderr and "page" in res.stderr
    quiet = invoke("extract", SEED, "--pages", "1", "-q", "-o", tmp_path / "p1.json")  # not a terminal: no bar
    assert quiet.stderr == ""


def test_progress_per_page_appears_by_itself_on_a_terminal(tmp_path):
    """No option: standard error is a terminal (a pseudo-terminal here), so the page bar is drawn."""
    import fcntl
    import pty
    import struct
    import termios

    n = golden_pages("seed")
    main_fd, child_fd = pty.openpty()
    fcntl.ioctl(child_fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))  # a terminal 120 wide
    proc = subprocess.Popen([PYTHON, "-m", "extractor", "extract", str(SEED), "-o", str(tmp_path / "s.json")],
                            cwd=REPO_ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=child_fd)
    os.close(child_fd)
    seen = b""
    while True:
        try:
            chunk = os.read(main_fd, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(main_fd)
    assert proc.wait(timeout=300) == 0
    text = seen.decode("utf-8", "replace")
    assert f"{n}/{n}" in text and "page" in text
