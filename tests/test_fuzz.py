"""Fuzzing: hypothesis mutates the bytes of sample PDFs; every run must end in a result or a clean error.

A clean error is an ExtractorError (stable code, one-line message) raised within the time limit; a result is
a contract document. Anything else - another exception, a hang - fails, and hypothesis shrinks the input.

Short and deterministic in `make test` (FUZZ_SHORT inputs); `make fuzz` (`--fuzz-long`) runs FUZZ_LONG
random ones; `--fuzz-examples N` sets the number.
"""

from __future__ import annotations

import random
import re
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from bad_inputs import compact_pdf, encrypted, sample_pdf
from extractor.errors import ExtractorError
from extractor.guard import Limits, guarded

pytestmark = pytest.mark.fuzz

FUZZ_SHORT = 150
FUZZ_LONG = 10_000
LIMITS = Limits(timeout=20.0, max_pages=5, max_decompressed=64 << 20, max_memory=512 << 20)
PEAK_RSS_MB = 1500  # what the fuzzing process may reach at most (the memory limit above, plus the program)
REPO = Path(__file__).resolve().parent.parent
CODE = re.compile(r"^[a-z_]+$")

# Words and numbers worth swapping in: what PDF parsers branch on.
TOKENS = [b"obj", b"endobj", b"stream", b"endstream", b"xref", b"trailer", b"startxref", b"R", b"<<", b">>",
          b"[", b"]", b"(", b")", b"<", b">", b"/Type", b"/Page", b"/Pages", b"/Kids", b"/Count", b"/Length",
          b"/Filter", b"/FlateDecode", b"/Contents", b"/Resources", b"/Font", b"/MediaBox", b"/Encrypt",
          b"null", b"true", b"-1", b"0", b"99999999999", b"1e308", b"BT", b"ET", b"Tj", b"TJ", b"Tf", b"re",
          b"cm", b"q", b"Q", b"Do", b"BI", b"ID", b"EI", b"%%EOF", b"\x00", b"\xff" * 8]
NUMBER = re.compile(rb"-?\d+(?:\.\d+)?")


def _seeds() -> dict[str, tuple[bytes, list[int] | None]]:
    """name -> (bytes, pages to read). Generated deterministically (reportlab invariant mode)."""
    import tempfile

    seeds: dict[str, tuple[bytes, list[int] | None]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for compress in (1, 0):
            path = sample_pdf(Path(tmp) / f"s{compress}.pdf", pages=2, rows=8, compress=compress)
            seeds[f"table-{'deflated' if compress else 'plain'}"] = (path.read_bytes(), None)
        seeds["compact-xref-stream"] = (compact_pdf(Path(tmp) / "compact.pdf").read_bytes(), None)
        # RC4-encrypted (owner password only): reaches the decryption paths
        seeds["encrypted-owner-only"] = (encrypted(Path(tmp) / "enc.pdf", "", "owner").read_bytes(), None)
    seed_pdf = REPO / "samples" / "seed.pdf"
    if seed_pdf.exists() and seed_pdf.stat().st_size < 1_000_000:
        seeds["samples/seed.pdf"] = (seed_pdf.read_bytes(), [7, 8])
    return seeds


SEEDS = _seeds()


def mutate(data: bytes, rnd: random.Random) -> bytes:
    """One to six random edits of `data`: the damage of bad disks, bad downloads and bad PDF writers."""
    out = bytearray(data)
    for _ in range(rnd.randint(1, 6)):
        op = rnd.choice(["flip", "byte", "insert", "delete", "truncate", "duplicate", "number", "token"])
        if not out:
            out += rnd.randbytes(rnd.randint(1, 16))
            continue
        pos = rnd.randrange(len(out))
        if op == "flip":
            out[pos] ^= 1 << rnd.randrange(8)
        elif op == "byte":
            out[pos] = rnd.randrange(256)
        elif op == "insert":
            out[pos:pos] = rnd.randbytes(rnd.randint(1, 64))
        elif op == "delete":
            del out[pos:pos + rnd.randint(1, 256)]
        elif op == "truncate":
            del out[pos:]
        elif op == "duplicate":
            out[pos:pos] = out[pos:pos + rnd.randint(1, 512)] * rnd.randint(1, 4)
        elif op == "number":  # /Length, /Count, offsets, coordinates: the numbers parsers trust
            match = NUMBER.search(bytes(out), pos) or NUMBER.search(bytes(out))
            if match:
                out[match.start():match.end()] = rnd.choice([b"0", b"-1", b"1", b"2147483648",
                                                             b"99999999999999", b"0.000001", b"-99999", b"65536"])
        elif op == "token":
            out[pos:pos] = b" " + rnd.choice(TOKENS) + b" "
    return bytes(out)


@st.composite
def mutated_pdfs(draw) -> tuple[str, bytes, list[int] | None]:
    """A seed PDF and its mutation. The edits come from a Random seeded by hypothesis: hypothesis' own
    integers pile up at the boundaries (here: the %PDF- header), a plain Random spreads them evenly."""
    name = draw(st.sampled_from(sorted(SEEDS)))
    data, pages = SEEDS[name]
    return name, mutate(data, random.Random(draw(st.integers(0, 2**32 - 1)))), pages


def _examples(config) -> tuple[int, bool]:
    n = config.getoption("--fuzz-examples")
    long_run = config.getoption("--fuzz-long")
    return (n or (FUZZ_LONG if long_run else FUZZ_SHORT)), long_run


def test_mutated_pdfs_give_a_result_or_a_clean_error(request, tmp_path, capsys):
    from extractor.pipeline import extract_pdf

    n, long_run = _examples(request.config)
    target = tmp_path / "mutated.pdf"
    outcomes: dict[str, int] = {}
    slowest = [0.0]

    @settings(max_examples=n, deadline=None, database=None, derandomize=not long_run,
              phases=[Phase.generate, Phase.shrink],
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                     HealthCheck.large_base_example, HealthCheck.function_scoped_fixture])
    @given(mutated_pdfs())
    def run(case):
        name, data, pages = case
        target.write_bytes(data)
        start = time.monotonic()
        try:
            with guarded(target, LIMITS):
                doc = extract_pdf(target, pages=pages)
        except ExtractorError as exc:
            message = str(exc)
            assert CODE.match(exc.code), exc.code
            assert message and "\n" not in message, message
            outcome = exc.code
        else:
            assert isinstance(doc, dict) and doc.get("source", {}).get("file") == target.name
            outcome = "ok"
        elapsed = time.monotonic() - start
        slowest[0] = max(slowest[0], elapsed)
        assert elapsed < LIMITS.timeout + 10, f"{name}: took {elapsed:.1f} s, past the time limit"
        outcomes[outcome] = outcomes.get(outcome, 0) + 1

    import resource

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.monotonic()
    run()
    elapsed = time.monotonic() - start
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    total = sum(outcomes.values())
    with capsys.disabled():
        print(f"\nfuzz: {total} mutated PDFs in {elapsed:.1f} s ({total / max(elapsed, 1e-9):.1f}/s, "
              f"slowest {slowest[0]:.2f} s, peak RSS {rss_after:.0f} MB): " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())),
              file=sys.stderr)
    assert total >= n * 0.9
    assert rss_after <= max(rss_before, PEAK_RSS_MB), f"peak memory {rss_after:.0f} MB while fuzzing"


def test_mutated_pdfs_on_the_command_line_print_one_line_each(tmp_path):
    """Through the real command: stderr holds nothing but `extractor: <file>: <message> [code]` lines
    (no library log lines, no tracebacks), and the command ends within its time limit."""
    import subprocess

    rnd = random.Random(20261126)
    names = sorted(SEEDS)
    paths = []
    for i in range(24):
        data, _pages = SEEDS[names[i % len(names)]]
        if names[i % len(names)] == "samples/seed.pdf":
            continue  # 18 pages each: too slow for a quick command-line check
        path = tmp_path / f"m{i:02d}.pdf"
        path.write_bytes(mutate(data, rnd))
        paths.append(str(path))
    proc = subprocess.run([sys.executable, "-m", "extractor", "extract", *paths, "-o", str(tmp_path / "out"),
                           "--timeout", "20", "-q"],  # -q: no summary lines for the files that were read
                          capture_output=True, text=True, timeout=300, cwd=REPO)
    lines = proc.stderr.splitlines()
    assert all(re.match(r"^extractor: .+: .+ \[[a-z_]+\]$", line) for line in lines), proc.stderr
    assert proc.returncode == (1 if lines else 0)
    assert len(lines) + len(list((tmp_path / "out").glob("*.json"))) == len(paths)
