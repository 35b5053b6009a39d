"""Finding the inputs of a batch: every *.pdf under the given files and folders, recursively.

Each input gets the relative path its outputs mirror under OUTDIR, relative to the argument it was found
under: `batch pdfs/ -o out` writes out/x.json; with several arguments each folder keeps its own name, so
`batch a/ /data/b/ -o out` writes out/a/x.json and out/b/x.json (never the absolute path /data/b/…), and a
file argument is its own name. Where two inputs would get the same relative path (x/a.pdf and y/a.pdf
given as files, or two folders both called data), the folders above them are added until they differ.
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
    found_under: dict[Path, list[Path]] = {}
    for root in roots:
        if root.is_dir():
            found = found_under.setdefault(root, [])
            for folder, dirs, files in os.walk(root):
                dirs.sort()
                found += [Path(folder, f) for f in sorted(files) if is_pdf_name(f)]
    several = len(roots) > 1
    named: list[tuple[Path, tuple[str, ...], tuple[str, ...]]] = []  # path, rel parts, parts above them
    taken: set[Path] = set()
    for root in roots:
        if root.is_dir():
            base = root.parent if several else root
            members = found_under.get(root, [])
        else:
            base = root.parent
            members = [root]
        for path in members:
            if path in taken:  # the same file reached twice (named, and inside a folder given)
                continue
            taken.add(path)
            rel = path.relative_to(base).parts
            named.append((path, rel, base.parts))
    return _unique(named)


def _unique(named: list[tuple[Path, tuple[str, ...], tuple[str, ...]]]) -> list[Input]:
    """Inputs with distinct relative paths: a clash takes in one more folder above, until none is left.
    The same file reached twice (named and inside a folder given) is one input."""
    depth = [0] * len(named)
    while True:
        rels = [PurePosixPath(*(above[len(above) - d:] if d else ()), *rel)
                for (_p, rel, above), d in zip(named, depth)]
        clash: dict[PurePosixPath, list[int]] = {}
        for i, rel in enumerate(rels):
            clash.setdefault(rel, []).append(i)
        grown = False
        for rel, idx in clash.items():
            if len({named[i][0] for i in idx}) > 1:
                for i in idx:
                    if depth[i] < len(named[i][2]) - 1:  # never up to the file system's root
                        depth[i] += 1
                        grown = True
        if not grown:
            break
    seen: dict[PurePosixPath, Input] = {}
    for (path, _rel, _above), rel in zip(named, rels):
        seen.setdefault(rel, Input(path, rel))
    return [seen[rel] for rel in sorted(seen)]
