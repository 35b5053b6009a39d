"""Shared pytest options and markers. (Add yours below; keep each block independent.)"""

from __future__ import annotations


# --- fuzzing (tests/test_fuzz.py): a short run in `make test`, a long one with `make fuzz` ---------------

def pytest_addoption(parser):
    parser.addoption("--fuzz-long", action="store_true", default=False,
                     help="Fuzz with many more mutated inputs (make fuzz).")
    parser.addoption("--fuzz-examples", type=int, default=None,
                     help="Mutated inputs per fuzz test (overrides the short/long default).")


def pytest_configure(config):
    config.addinivalue_line("markers", "fuzz: byte-mutation fuzzing of the PDF reader (long run: --fuzz-long)")
