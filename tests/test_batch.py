"""`extractor batch`: every input ends as a JSON or a row of errors.csv, in parallel, resumably.

The inputs are made here: small PDFs drawn with reportlab (so the page count and bytes are known without
the extractor) and broken files (empty, random bytes, truncated, an HTML page). What is checked comes
from how they were made: which files are good, how many pages each has, the SHA-256 of their bytes.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import io
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor.batch.discover import find_inputs
from extractor.batch.plan import MANIFEST_NAME, Manifest, Options

PYTHON = sys.executable

# Runs the CLI with extract_pdf wrapped: a name containing XHANG sleeps, XCRASH kills its worker, XBUG
# raises a plain exception, and H7_DELAY seconds are spent on every file (to kill a batch halfway).
WRAPPER = """
import os, sys, time
import extractor.pipeline as p
_orig = p.extract_pdf
def wrapped(path, **kw):
    name = os.path.basename(str(path))
    if "XHANG" in name:
        time.sleep(600)
    if "XCRASH" in name:
        os.kill(os.getpid(), 9)
    if "XBUG" in name:
        raise KeyError("planted bug")
    time.sleep(float(os.environ.get("H7_DELAY", "0")))
    return _orig(path, **kw)
p.extract_pdf = wrapped
from extractor.cli import main
sys.argv[0] = "extractor"
main()
"""


# ---------------------------------------------------------------- the inputs


def make_pdf(n_pages: int, label: str) -> bytes:
    """A small PDF with `n_pages` pages of text and a ruled table."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for page in range(1, n_pages + 1):
        c.setFont("Helvetica", 12)
        c.drawString(72, 780, f"{label} page {page}")
        x0, y0, w, h = 72, 500, 450, 200
        for i in range(5):
            c.line(x0, y0 + i * h / 4, x0 + w, y0 + i * h / 4)
        for j in range(4):
            c.line(x0 + j * w / 3, y0, x0 + j * w / 3, y0 + h)
        for i in range(4):
            for j in range(3):
                c.drawString(x0 + 5 + j * w / 3, y0 + 15 + i * h / 4, f"r{i}c{j} {i * 3 + j}")
        c.showPage()
    c.save()
    return buf.getvalue()


def make_corpus(root: Path, n_good: int = 16) -> dict:
    """`n_good` good PDFs (three distinct ones under many names, in two sub-folders) and four broken files.

    Returns {"good": {rel: pages}, "broken": {rel: kind}}.
    """
    rng = random.Random(6)
    distinct = [(1, make_pdf(1, "one")), (2, make_pdf(2, "two")), (3, make_pdf(3, "three"))]
    good: dict[str, int] = {}
    for i in range(n_good):
        pages, data = distinct[i % 3]
        rel = ["", "a/", "a/b/"][i % 3] + f"doc{i:03d}.pdf"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
        good[rel] = pages
    broken = {
        "bad/empty.pdf": b"",
        "bad/random.pdf": rng.randbytes(4000),
        "bad/truncated.pdf": distinct[2][1][: len(distinct[2][1]) // 3],
        "a/error-page.pdf": b"<html><body>404 Not Found</body></html>\n",
    }
    for rel, data in broken.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    (root / "a" / "notes.txt").write_text("not an input")
    return {"good": good, "broken": {rel: rel for rel in broken}}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("inputs")
    return root, make_corpus(root)


def run_cli(*args: str, wrapper: bool = False, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    cmd = [PYTHON, "-c", WRAPPER] if wrapper else [PYTHON, "-m", "extractor"]
    kw.setdefault("timeout", 300)
    return subprocess.run([*cmd, *args], capture_output=True, text=True, env={**os.environ, **(env or {})}, **kw)


def read_errors(outdir: Path) -> dict[str, tuple[str, str]]:
    with open(outdir / "errors.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["file", "error_code", "message"]
    return {r[0]: (r[1], r[2]) for r in rows[1:]}


def tree(outdir: Path) -> dict[str, bytes]:
    """Every output file's bytes, by relative path (the manifest aside: it records timings)."""
    return {str(p.relative_to(outdir)): p.read_bytes() for p in sorted(outdir.rglob("*"))
            if p.is_file() and p.name != MANIFEST_NAME}


def outputs(outdir: Path) -> list[Path]:
    """The per-PDF JSON files under `outdir`."""
    return [p for p in outdir.rglob("*.json") if p.name != MANIFEST_NAME]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---------------------------------------------------------------- discovery


def test_discovery_mirrors_folders_and_takes_only_pdfs(tmp_path):
    for rel in ["x/a.pdf", "x/sub/b.PDF", "x/c.txt", "x/.hidden.pdf", "y/a.pdf", "z.bin"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(b"%PDF-1.4\n")
    one = find_inputs([tmp_path / "x"])
    assert [str(i.rel) for i in one] == ["a.pdf", "sub/b.PDF"]
    two = find_inputs([tmp_path / "x", tmp_path / "y", tmp_path / "x" / "a.pdf"])
    assert [str(i.rel) for i in two] == ["x/a.pdf", "x/sub/b.PDF", "y/a.pdf"]  # same name kept apart, once
    named = find_inputs([tmp_path / "z.bin"])  # a file named explicitly counts whatever its name
    assert [str(i.rel) for i in named] == ["z.bin"]


def test_inputs_differing_only_in_suffix_case_get_their_own_outputs(tmp_path):
    from extractor.batch.plan import Manifest, Options, make_plan

    for name in ("a.pdf", "a.PDF"):
        (tmp_path / name).write_bytes(b"%PDF-1.4\n")
    plan = make_plan(find_inputs([tmp_path]), tmp_path / "out", Options(), Manifest(tmp_path / "out", Options()),
                     resume=False)
    names = {j.rel: Path(j.json_path).name for j in plan.todo}
    assert names == {"a.PDF": "a.json", "a.pdf": "a.pdf.json"}  # inputs in sorted order: "P" < "p"


# ---------------------------------------------------------------- the whole batch


def test_batch_converts_every_good_file_and_lists_every_broken_one(corpus, tmp_path):
    root, made = corpus
    out = tmp_path / "out"
    proc = run_cli("batch", str(root), "-o", str(out), "--jobs", "2")
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    n = len(made["good"]) + len(made["broken"])
    assert proc.stdout.strip().startswith(f"batch: {n} files: {len(made['good'])} converted, "
                                          f"{len(made['broken'])} failed")
    # One JSON per good PDF, mirroring the folders, naming the bytes it came from.
    for rel, pages in made["good"].items():
        doc = json.loads((out / rel).with_suffix(".json").read_text(encoding="utf-8"))
        assert doc["source"]["sha256"] == sha256(root / rel)
        assert doc["source"]["pages"] == pages
        assert doc["source"]["file"] == Path(rel).name
    assert not list(out.rglob("bad/*.json")) and not (out / "a" / "error-page.json").exists()
    # Every broken file in errors.csv with a stable code, and one stderr line each.
    errors = read_errors(out)
    assert set(errors) == set(made["broken"])
    assert errors["bad/random.pdf"][0] == "not_a_pdf"
    assert all(code and code != "internal" for code, _ in errors.values())
    for rel in made["broken"]:
        assert sum(line.startswith(f"extractor: {rel}: ") for line in proc.stderr.splitlines()) == 1
    assert "\r" not in proc.stderr  # no progress bar when standard error is not a terminal
    # The combined CSV files are there, with their `file` column first.
    for name in ("indicators.csv", "projects.csv", "department.csv"):
        with open(out / name, encoding="utf-8-sig", newline="") as fh:
            assert next(csv.reader(fh))[0] == "file"
    assert not [p for p in out.rglob("*.tmp")]


def test_all_good_exits_zero_and_xlsx_on_request(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "one.pdf").write_bytes(make_pdf(2, "x"))
    proc = run_cli("batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--format", "csv,xlsx", "-j", "1")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "one.json").exists() and (tmp_path / "out" / "batch.xlsx").exists()
    assert read_errors(tmp_path / "out") == {}


def test_a_folder_without_pdfs_is_one_line(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.txt").write_text("x")
    proc = run_cli("batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert proc.returncode == 1 and proc.stderr.strip().endswith("no PDF found [no_pdfs]")
    assert len(proc.stderr.strip().splitlines()) == 1


def test_usage_errors_exit_2(tmp_path):
    assert run_cli("batch", str(tmp_path / "missing"), "-o", str(tmp_path / "o")).returncode == 2
    assert run_cli("batch", str(tmp_path), "-o", str(tmp_path / "o"), "--format", "pdf").returncode == 2


def test_hung_crashing_and_buggy_files_cost_only_themselves(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    good = make_pdf(1, "g")
    for name in ["ok1.pdf", "XHANG.pdf", "ok2.pdf", "XCRASH.pdf", "XBUG.pdf", "ok3.pdf", "ok4.pdf"]:
        (src / name).write_bytes(good)
    start = time.monotonic()
    proc = run_cli("batch", str(src), "-o", str(tmp_path / "out"), "-j", "2", "--timeout", "2", wrapper=True)
    assert time.monotonic() - start < 60
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    errors = read_errors(tmp_path / "out")
    assert {k: v[0] for k, v in errors.items()} == {"XHANG.pdf": "timeout", "XCRASH.pdf": "crashed",
                                                    "XBUG.pdf": "internal"}
    for name in ["ok1", "ok2", "ok3", "ok4"]:
        assert (tmp_path / "out" / f"{name}.json").exists()


def test_workers_are_recycled_after_max_tasks(tmp_path):
    from extractor.batch.convert import Job
    from extractor.batch.local import run_local

    jobs = []
    for i in range(4):
        (tmp_path / f"{i}.pdf").write_bytes(make_pdf(1, str(i)))
        jobs.append(Job(source=str(tmp_path / f"{i}.pdf"), rel=f"{i}.pdf", json_path=str(tmp_path / f"{i}.json")))
    results = list(run_local(jobs, workers=1, timeout=60, max_tasks=2))
    assert sorted(r.rel for r in results) == ["0.pdf", "1.pdf", "2.pdf", "3.pdf"]
    assert all(r.status == "ok" for r in results)
    assert len({r.worker for r in results}) == 2  # one worker process per two files
    assert os.getpid() not in {r.worker for r in results}


def test_thread_time_limit_stops_a_busy_worker_thread(tmp_path, monkeypatch):
    """Dask runs a task in a thread: the time limit must stop it there (and only when it is up)."""
    import threading

    import extractor.pipeline
    from extractor.batch.convert import Job, convert_remote
    from extractor.guard import Limits

    def spin(path, **kw):
        while "forever" in str(path):
            pass
        return {"source": {"file": "quick.pdf", "sha256": "", "pages": 1}}

    monkeypatch.setattr(extractor.pipeline, "extract_pdf", spin)
    for name in ("forever.pdf", "quick.pdf"):
        (tmp_path / name).write_bytes(b"%PDF-1.4 not read by the stand-in")
    results = {}

    def work(name):
        job = Job(source=str(tmp_path / name), rel=name, json_path=str(tmp_path / "x.json"),
                  limits=Limits(timeout=0.5))
        results[name] = convert_remote(job)
        busy_after = time.monotonic() + 0.8  # a withdrawn deadline must not land later
        while time.monotonic() < busy_after:
            pass
        results[name + " after"] = "still running"

    threads = [threading.Thread(target=work, args=(n,)) for n in ("forever.pdf", "quick.pdf")]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert time.monotonic() - start < 10
    assert results["forever.pdf"].code == "timeout"
    assert results["quick.pdf"].status == "ok" and results["quick.pdf"].document
    assert results["quick.pdf after"] == results["forever.pdf after"] == "still running"


# ---------------------------------------------------------------- resume


def test_resume_after_sigkill_finishes_the_rest_without_redoing_anything(corpus, tmp_path):
    root, made = corpus
    reference = tmp_path / "reference"
    assert run_cli("batch", str(root), "-o", str(reference), "-j", "2").returncode == 1

    out = tmp_path / "out"
    proc = subprocess.Popen([PYTHON, "-c", WRAPPER, "batch", str(root), "-o", str(out), "-j", "2"],
                            env={**os.environ, "H7_DELAY": "0.3"}, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(outputs(out)) < 8 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the parent and its workers, as a crash would
    proc.wait()
    finished = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in outputs(out)}
    assert 8 <= len(finished) < len(made["good"]), "the kill should land halfway"
    for path in finished:  # nothing half-written under a final name
        json.loads(path.read_text(encoding="utf-8"))

    again = run_cli("batch", str(root), "-o", str(out), "-j", "2", "--resume")
    assert again.returncode == 1 and "Traceback" not in again.stderr
    assert f"{len(finished)} already done" in again.stdout
    for path, stat in finished.items():  # no finished file redone
        assert (path.stat().st_ino, path.stat().st_mtime_ns) == stat, path
    assert tree(out) == tree(reference)  # same outputs as the uninterrupted run
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    manifest = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert {rel for rel, e in manifest["files"].items() if e["status"] == "ok"} == set(made["good"])


def test_resume_redoes_a_changed_input_and_failed_ones(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.pdf").write_bytes(make_pdf(1, "a"))
    (src / "b.pdf").write_bytes(make_pdf(1, "b"))
    (src / "c.pdf").write_bytes(b"broken")
    out = tmp_path / "out"
    assert run_cli("batch", str(src), "-o", str(out), "-j", "1").returncode == 1
    a_stat = (out / "a.json").stat().st_mtime_ns
    (src / "b.pdf").write_bytes(make_pdf(2, "b changed"))
    (src / "c.pdf").write_bytes(make_pdf(1, "c fixed"))
    proc = run_cli("batch", str(src), "-o", str(out), "-j", "1", "--resume")
    assert proc.returncode == 0, proc.stderr
    assert "2 converted" in proc.stdout and "1 already done" in proc.stdout
    assert (out / "a.json").stat().st_mtime_ns == a_stat
    assert json.loads((out / "b.json").read_text(encoding="utf-8"))["source"]["pages"] == 2
    assert read_errors(out) == {}


def test_resume_with_other_options_trusts_no_earlier_output(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.pdf").write_bytes(make_pdf(1, "a"))
    out = tmp_path / "out"
    assert run_cli("batch", str(src), "-o", str(out), "-j", "1").returncode == 0
    proc = run_cli("batch", str(src), "-o", str(out), "-j", "1", "--resume", "--engine", "pdfplumber")
    assert proc.returncode == 0 and "1 converted" in proc.stdout


def test_a_torn_or_foreign_manifest_counts_as_none(tmp_path):
    (tmp_path / MANIFEST_NAME).write_text('{"version": 1, "files": {"a.pdf": ')
    manifest, same = Manifest.load(tmp_path, Options())
    assert manifest.entries == {} and not same


def test_stray_temp_files_of_a_killed_run_are_removed(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.pdf").write_bytes(make_pdf(1, "a"))
    out = tmp_path / "out"
    (out / "sub").mkdir(parents=True)
    stray = out / "sub" / ".a.json.k2j4_x9q.tmp"
    stray.write_text('{"half')
    keep = out / "sub" / "keep.tmp"
    keep.write_text("not ours")
    assert run_cli("batch", str(src), "-o", str(out), "--resume").returncode == 0
    assert not stray.exists() and keep.exists()


# ---------------------------------------------------------------- the 200-PDF check (slow)


@pytest.mark.skipif(os.environ.get("EXTRACTOR_SLOW") != "1", reason="slow (minutes): set EXTRACTOR_SLOW=1")
def test_two_hundred_pdfs_with_ten_percent_broken(tmp_path):
    """Samples and real PDFs under 180 names plus 20 broken files: every good one converted, every
    broken one in errors.csv, exit 1, no traceback (bench/batch.py --check200 runs the same)."""
    spec = importlib.util.spec_from_file_location("bench_batch", Path(__file__).parent.parent / "bench" / "batch.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    if not bench.REAL.is_dir():
        pytest.skip("../shared/corpus/real is absent")
    made = bench.build_corpus(tmp_path / "in", total=200)
    proc = run_cli("batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "2", timeout=3600)
    assert bench.check_outcome(made, tmp_path / "out", proc), proc.stdout
