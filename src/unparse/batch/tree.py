"""Finding a batch's inputs: the ``.txt`` and ``.pdf`` files of a folder tree, each with the
output path that mirrors it."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..errors import UnparseError

SUFFIXES = (".txt", ".pdf")
"""The inputs ``batch`` looks for (any case)."""


class BatchSetupError(UnparseError):
    """The batch cannot start: the input folder is missing, the output folder is unusable..."""


@dataclass
class Task:
    """One input file and the output it gets."""

    name: str  # relative POSIX path inside the input folder: the records' source
    path: Path
    output: Path
    size: int = 0
    mtime_ns: int = 0


def _safe_part(part: str) -> bool:
    return part not in ("", ".", "..") and "/" not in part and "\\" not in part and "\x00" not in part


def discover(
    input_dir: Path, output_dir: Path, extension: str, problems: list[tuple[str, str]] | None = None
) -> list[Task]:
    """The ``.txt`` and ``.pdf`` files under ``input_dir``, sorted, each with its output path.

    Follows symbolic links but visits each real directory once (a link loop ends there);
    skips hidden files and folders and the output folder when it lies inside the input.
    Outputs mirror the tree: ``sub/a.txt`` → ``sub/a.json``; when two inputs of one folder
    share a stem (``a.txt`` and ``a.pdf``) both keep their suffix: ``a.txt.json``, ``a.pdf.json``.
    """
    seen: set[tuple[int, int]] = set()
    try:
        out_stat = output_dir.stat()
        seen.add((out_stat.st_dev, out_stat.st_ino))
    except OSError:
        pass
    tasks: list[Task] = []

    def onerror(err: OSError) -> None:
        if problems is not None:
            where = Path(err.filename or input_dir)
            try:
                rel = where.relative_to(input_dir).as_posix()
            except ValueError:
                rel = str(where)
            problems.append((rel or ".", f"folder cannot be read ({err.strerror or err})"))

    for dirpath, dirnames, filenames in os.walk(input_dir, onerror=onerror, followlinks=True):
        here = Path(dirpath)
        try:
            st = here.stat()
        except OSError:
            dirnames[:] = []
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen and here != input_dir:
            dirnames[:] = []
            continue
        seen.add(key)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and _safe_part(d))
        rel_dir = here.relative_to(input_dir)
        names = sorted(
            f
            for f in filenames
            if not f.startswith(".") and _safe_part(f) and Path(f).suffix.lower() in SUFFIXES
        )
        stems = Counter(Path(f).stem.lower() for f in names)
        for f in names:
            out_name = (Path(f).stem if stems[Path(f).stem.lower()] == 1 else f) + extension
            rel = rel_dir / f
            tasks.append(Task(rel.as_posix(), here / f, output_dir / rel_dir / out_name))
    tasks.sort(key=lambda t: t.name)
    return tasks
