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

from bad_inputs import sample_pdf
from extractor.errors import ExtractorError
from extractor.guard import Limits, guarded

pytestmark = pytest.mark.fuzz

FUZZ_SHORT = 150
FUZZ_LONG = 10_000
LIMITS = Limits(timeout=20.0, max_pages=5, max_decompressed=64 << 20)
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
    seed_pdf = REPO / "samples" / "seed.pdf"
    if seed_pdf.exists() and seed_pdf.stat().st_size < 1_000_000:
        seeds["samples/seed.pdf"] = (seed_pdf.read_bytes(), [7, 8])
    return seeds


SEEDS = _seeds()


@st.composite
def mutated_pdfs(draw) -> tuple[str, bytes, list[int] | None]:
    name = draw(st.sampled_from(sorted(SEEDS)))
    data, pages = SEEDS[name]
    data = bytearray(data)
    # Positions from a plain Random seeded by hypothesis: spread evenly over the file (hypothesis' own
    # integers pile up at the boundaries, i.e. on the %PDF- header).
    rnd = random.Random(draw(st.integers(0, 2**32 - 1)))
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["flip", "byte", "insert", "delete", "truncate", "duplicate", "number",
                                   "token"]))
        if not data:
            data += draw(st.binary(min_size=1, max_size=16))
            continue
        pos = rnd.randrange(len(data))
        if op == "flip":
            data[pos] ^= 1 << draw(st.integers(0, 7))
        elif op == "byte":
            data[pos] = draw(st.integers(0, 255))
        elif op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=64))
        elif op == "delete":
            del data[pos:pos + draw(st.integers(1, 256))]
        elif op == "truncate":
            del data[pos:]
        elif op == "duplicate":
            size = draw(st.integers(1, 512))
            data[pos:pos] = data[pos:pos + size] * draw(st.integers(1, 4))
        elif op == "number":  # /Length, /Count, offsets, coordinates: the numbers parsers trust
            match = NUMBER.search(bytes(data), pos) or NUMBER.search(bytes(data))
            if match:
                value = draw(st.sampled_from([b"0", b"-1", b"1", b"2147483648", b"99999999999999",
                                              b"0.000001", b"-99999", b"65536"]))
                data[match.start():match.end()] = value
        elif op == "token":
            data[pos:pos] = b" " + draw(st.sampled_from(TOKENS)) + b" "
    return name, bytes(data), pages


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

    start = time.monotonic()
    run()
    elapsed = time.monotonic() - start
    total = sum(outcomes.values())
    with capsys.disabled():
        print(f"\nfuzz: {total} mutated PDFs in {elapsed:.1f} s ({total / max(elapsed, 1e-9):.1f}/s, "
              f"slowest {slowest[0]:.2f} s): " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())),
              file=sys.stderr)
    assert total >= n * 0.9
