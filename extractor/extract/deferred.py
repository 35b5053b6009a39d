"""Import camelot's lattice parser without paying for what its vector grid never calls.

camelot imports pandas, OpenCV and NumPy at module level (~0.35 s of a 0.45 s import), for rendering,
image lattices and DataFrames. The render-free vector lattice the camelot engine runs never touches
OpenCV or pandas, so those names are bound in camelot's modules to stand-ins that import the real
library on first attribute access. Only camelot's own globals see a stand-in: sys.modules is restored
right after the import, so any other `import pandas` gets the real module as usual.

Two more costs of a one-page extract (issue 18, start-up) are put off the same way:
- playa (camelot's PDF reader, ~40 ms to import): camelot's modules take class names from it at import time
  (`from playa.miner import LTChar`) but use them only inside functions that read a page themselves (the
  vector grid on locate's ruling reads nothing). Each name is bound to a stand-in class that imports playa
  on its first use (isinstance, a call, an attribute), so those functions still work unchanged.
- urllib.request (~6-10 ms, with http and ssl), from which camelot.utils takes the names it downloads a
  PDF given by URL with: deferred the same way.
- camelot's package `__init__` files, which import every parser, the file handler and plotting: the
  `camelot` and `camelot.parsers` packages are entered without running them, and run them on the first
  attribute their modules do not have (`camelot.read_pdf`, `camelot.parsers.Stream`), so a later user of
  camelot gets the whole package.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from contextlib import contextmanager
from typing import Iterator

# Libraries camelot imports at module level but the vector lattice does not use.
DEFERRED = ("pandas", "cv2", "numpy", "pypdfium2")
# Modules camelot takes names from at import time, each name used only inside functions (see module doc).
DEFERRED_NAMES = ("playa", "playa.miner", "urllib.request")
# camelot's packages entered without their __init__ (see module doc), parents first.
LAZY_PACKAGES = ("camelot", "camelot.parsers")
_importing = False  # while camelot's lattice is imported, a lazy package's __init__ must not run


class _Deferred(types.ModuleType):
    """A module that imports the real one on first use and forwards every attribute to it."""

    def __getattr__(self, attr: str):
        real = sys.modules.get(self.__name__)
        if real is None or real is self:
            sys.modules.pop(self.__name__, None)
            real = importlib.import_module(self.__name__)
        return getattr(real, attr)


def _real_module(name: str):
    """The real module `name`, imported now if only stand-ins stand for it and its parents."""
    mod = sys.modules.get(name)
    if mod is None or isinstance(mod, _NamesFrom):
        for n in [n for n, m in sys.modules.items() if isinstance(m, _NamesFrom)]:
            del sys.modules[n]
        mod = importlib.import_module(name)
    return mod


class _LazyName(type):
    """The type of a name taken from a deferred module: every use of it is a use of the real object."""

    def _real(cls):
        if "_resolved" not in cls.__dict__:
            cls._resolved = getattr(_real_module(cls._module), cls._attr)
        return cls._resolved

    def __instancecheck__(cls, obj) -> bool:
        return isinstance(obj, cls._real())

    def __subclasscheck__(cls, sub) -> bool:
        return issubclass(sub, cls._real())

    def __call__(cls, *args, **kwargs):
        return cls._real()(*args, **kwargs)

    def __getattr__(cls, attr: str):
        return getattr(cls._real(), attr)

    def __getitem__(cls, item):
        return cls._real()[item]

    def __repr__(cls) -> str:
        return f"<deferred {cls._module}.{cls._attr}>"


class _NamesFrom(types.ModuleType):
    """A module whose attributes are stand-ins for its names (submodules: their own stand-ins)."""

    def __getattr__(self, attr: str):
        if attr.startswith("__"):
            raise AttributeError(attr)
        sub = sys.modules.get(f"{self.__name__}.{attr}")
        if isinstance(sub, _NamesFrom):
            return sub
        name = _LazyName(attr, (), {"_module": self.__name__, "_attr": attr})
        setattr(self, attr, name)
        return name


class _LazyPackage(types.ModuleType):
    """A package entered without running its __init__; it runs it on the first attribute it lacks."""

    def __getattr__(self, attr: str):
        if attr.startswith("__") or self.__dict__.get("_initialized") or _importing:
            raise AttributeError(f"module {self.__name__!r} has no attribute {attr!r}")
        self._initialized = True
        self.__spec__.loader.exec_module(self)
        return getattr(self, attr)


def _enter_package(name: str) -> None:
    spec = importlib.util.find_spec(name)
    module = importlib.util.module_from_spec(spec)
    module.__class__ = _LazyPackage
    sys.modules[name] = module
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, module)


@contextmanager
def deferred_imports(names: tuple[str, ...] = DEFERRED, name_modules: tuple[str, ...] = DEFERRED_NAMES
                     ) -> Iterator[None]:
    """While the block imports, `import <name>` binds a stand-in for each name not yet imported, and
    `from <name_module> import X` a stand-in for X."""
    placed = [n for n in names if n not in sys.modules]
    for name in placed:
        sys.modules[name] = _Deferred(name)
    named = [n for n in name_modules if n not in sys.modules]
    for name in named:
        sys.modules[name] = _NamesFrom(name)
    try:
        yield
    finally:
        for name in placed:
            if isinstance(sys.modules.get(name), _Deferred):
                del sys.modules[name]
        for name in named:
            if isinstance(sys.modules.get(name), _NamesFrom):
                del sys.modules[name]


def import_camelot_lattice():
    """camelot.parsers.lattice, imported with pandas, OpenCV and playa deferred."""
    global _importing
    if "camelot.parsers.lattice" not in sys.modules:
        with deferred_imports():
            _importing = True
            try:
                for name in LAZY_PACKAGES:
                    if name not in sys.modules:
                        _enter_package(name)
                importlib.import_module("camelot.parsers.lattice")
            finally:
                _importing = False
    return sys.modules["camelot.parsers.lattice"]
