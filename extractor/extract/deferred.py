"""Import camelot without paying for the heavy libraries its vector grid never calls.

camelot imports pandas, OpenCV and NumPy at module level (~0.35 s of a 0.45 s import), for rendering,
image lattices and DataFrames. The render-free vector lattice the camelot engine runs never touches
OpenCV or pandas, so those names are bound in camelot's modules to stand-ins that import the real
library on first attribute access. Only camelot's own globals see a stand-in: sys.modules is restored
right after the import, so any other `import pandas` gets the real module as usual.
"""

from __future__ import annotations

import importlib
import sys
import types
from contextlib import contextmanager
from typing import Iterator

# Libraries camelot imports at module level but the vector lattice does not use.
DEFERRED = ("pandas", "cv2", "numpy", "pypdfium2")


class _Deferred(types.ModuleType):
    """A module that imports the real one on first use and forwards every attribute to it."""

    def __getattr__(self, attr: str):
        real = sys.modules.get(self.__name__)
        if real is None or real is self:
            sys.modules.pop(self.__name__, None)
            real = importlib.import_module(self.__name__)
        return getattr(real, attr)


@contextmanager
def deferred_imports(names: tuple[str, ...] = DEFERRED) -> Iterator[None]:
    """While the block imports, `import <name>` binds a stand-in for each name not yet imported."""
    placed = [n for n in names if n not in sys.modules]
    for name in placed:
        sys.modules[name] = _Deferred(name)
    try:
        yield
    finally:
        for name in placed:
            if isinstance(sys.modules.get(name), _Deferred):
                del sys.modules[name]


def import_camelot_lattice():
    """camelot.parsers.lattice, imported with pandas and OpenCV deferred."""
    if "camelot.parsers.lattice" not in sys.modules:
        with deferred_imports():
            importlib.import_module("camelot.parsers.lattice")
    return sys.modules["camelot.parsers.lattice"]
