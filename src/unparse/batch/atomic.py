"""Writing the outputs of a batch: atomically (a temporary file, then ``os.replace``), never
outside the output folder, and the temporaries a killed run left removed."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from ..errors import InputFileError

TMP_SUFFIX = ".unparse-tmp"


def inside(path: Path, root: Path) -> bool:
    """Whether ``path``, symbolic links resolved, is ``root`` or lies under it."""
    real, real_root = os.path.realpath(path), os.path.realpath(root)
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


def write_atomic(path: Path, data: bytes, root: Path | None = None) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and ``os.replace``.

    With ``root``, refuse to write anywhere outside it (a symbolic link in the output tree
    pointing elsewhere, for instance).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if root is not None and not inside(path.parent, root):
        raise InputFileError(f"the output {path} would fall outside the output folder {root}")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def remove_stale_temporaries(output_dir: Path) -> None:
    """Remove the temporary files a killed run left behind (never a half output)."""
    for dirpath, _, filenames in os.walk(output_dir):
        for f in filenames:
            if f.startswith(".") and f.endswith(TMP_SUFFIX):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(dirpath, f))
