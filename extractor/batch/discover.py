"""Finding the inputs of a batch: every *.pdf under the given files and folders, recursively.

Each input gets the relative path its outputs mirror under OUTDIR. The paths are relative to the common
folder of all arguments, so `batch a/ b/ -o out` writes out/a/x.json and out/b/x.json, never one over
the other, and `batch pdfs/ -o out` writes out/x.json.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath


@dataclass(frozen=True)
class Input:
    """One PDF to convert: where it is and the relative path (POSIX, with .pdf) its outputs mirror."""

    path: Path
    rel: PurePosixPath


class NoSuchInput(Exception):
    """A path given on the command line does not exist (a usage error, not a failed PDF)."""


class NoPdfs(Exception):
    """The paths given hold no PDF at all (error code `no_pdfs`)."""

    code = "no_pdfs"


def is_pdf_name(name: str) -> bool:
    return name.lower().endswith(".pdf") and not name.startswith(".")


def find_inputs(paths: list[str | os.PathLike[str]]) -> list[Input]:
    """Every PDF named or found under `paths`, in sorted order of their relative paths, each once.

    A file named explicitly is taken whatever its name; inside folders only *.pdf (any case) counts.
    Symbolic links to files are followed (a link is an input of its own name); linked folders are not
    descended into, so a link loop cannot make the walk endless.
    """
    roots = [Path(os.path.abspath(p)) for p in paths]
    for root in roots:
        if not root.exists():
            raise NoSuchInput(f"{root}: no such file or folder")
    found: list[Path] = []
    for root in roots:
        if root.is_dir():
            for folder, dirs, files in os.walk(root):
                dirs.sort()
                found += [Path(folder, f) for f in sorted(files) if is_pdf_name(f)]
        else:
            found.append(root)
    base = _common_folder(roots)
    seen: dict[PurePosixPath, Input] = {}
    for path in found:
        rel = PurePosixPath(path.relative_to(base).as_posix())
        seen.setdefault(rel, Input(path, rel))
    return [seen[rel] for rel in sorted(seen)]


def _common_folder(roots: list[Path]) -> Path:
    """The deepest folder holding every argument (a folder argument counts as itself)."""
    folders = [r if r.is_dir() else r.parent for r in roots]
    if len(roots) == 1:
        return folders[0]
    return Path(os.path.commonpath([str(f) for f in folders]))
