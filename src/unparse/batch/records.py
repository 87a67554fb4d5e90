"""What ``unparse batch`` keeps about its runs, and how it writes files.

The run records live in ``OUTPUT/.unparse/``, away from the outputs:

- ``errors.ndjson``: one line per input that failed (``file``, ``error``, ``reason``, and what
  the failure was produced by, so that an unchanged input that failed is not retried);
- ``manifest.ndjson``: one line per output, with what produced it (the unparse version, the
  format and the options), so that a rerun with other settings redoes the outputs instead of
  calling them up to date.

Neither name ends in an output's extension (``.json``, ``.jsonl``, ``.md``, ``.txt``,
``.xml``), so a records glob (``out/**/*.jsonl``) never reaches them, whether it skips hidden
folders (``glob.glob``, ``datasets``) or not (``pathlib.Path.glob``). A run appends to the
manifest as it writes each output (a killed run loses no entry; a half line at the end is
ignored) and rewrites it, sorted, atomically at the end, so that two runs with the same
result leave the same bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..options import Options
from .atomic import write_atomic

RECORDS_DIR = ".unparse"
"""The folder of the run records inside the output folder (hidden: inputs never map to it)."""

ERRORS_FILE = f"{RECORDS_DIR}/errors.ndjson"
MANIFEST_FILE = f"{RECORDS_DIR}/manifest.ndjson"
LEGACY_ERRORS_FILE = "errors.jsonl"
"""Where unparse 0.1 wrote the failures: read once on a rerun, then removed."""

# --------------------------------------------------------------------------- settings


def settings_of(format: str, options: Options) -> dict[str, Any]:
    """What produces an output besides its input: the unparse version, the format, the options."""
    from .. import __version__

    return {"unparse": __version__, "format": format, "options": options.model_dump(mode="json")}


def settings_key(format: str, options: Options) -> str:
    """A short digest of :func:`settings_of` (the same digest unparse 0.1 wrote in its errors)."""
    from .. import __version__

    blob = f"{__version__}|{format}|{options.model_dump_json()}".encode()
    return hashlib.sha256(blob).hexdigest()[:16]


def _json_lines(path: Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSON Lines file; lines that are not one (a half line) are skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    out = []
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict):
            out.append(record)
    return out


def _dump_lines(records: list[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records).encode()


def _write_if_changed(path: Path, data: bytes, root: Path | None = None) -> None:
    """:func:`write_atomic`, unless the file already holds ``data`` (a rerun with nothing to
    do leaves the output folder as it was, modification times included)."""
    with contextlib.suppress(OSError):
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return
    write_atomic(path, data, root)


# --------------------------------------------------------------------------- failures


@dataclass
class Failure:
    """One input that failed: its relative name, the error class and the reason."""

    file: str
    error: str
    reason: str
    size: int | None = None
    mtime_ns: int | None = None
    settings: str | None = None

    def record(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


def _failures_in(path: Path) -> dict[str, Failure] | None:
    """The failures recorded in ``path``; None when it is not a failures file."""
    out: dict[str, Failure] = {}
    records = _json_lines(path)
    if not records:
        return None
    for rec in records:
        try:
            failure = Failure(**rec)
        except TypeError:
            return None
        out[failure.file] = failure
    return out


def previous_failures(output_dir: Path, outputs: set[Path]) -> dict[str, Failure]:
    """The failures of the last run, from ``.unparse/errors.ndjson`` or where unparse 0.1 put
    them (``errors.jsonl`` at the top, unless that is one of this run's outputs)."""
    current = output_dir / ERRORS_FILE
    if current.exists():
        return _failures_in(current) or {}
    legacy = output_dir / LEGACY_ERRORS_FILE
    if legacy in outputs:
        return {}
    return _failures_in(legacy) or {}


def write_failures(output_dir: Path, failures: list[Failure], outputs: set[Path]) -> None:
    """Write the failures to ``.unparse/errors.ndjson`` (or remove it when there are none) and
    remove the failures file of unparse 0.1, which a records glob would pick up."""
    path = output_dir / ERRORS_FILE
    if failures:
        _write_if_changed(path, _dump_lines([f.record() for f in failures]))
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    legacy = output_dir / LEGACY_ERRORS_FILE
    if legacy not in outputs and legacy.is_file() and _failures_in(legacy) is not None:
        with contextlib.suppress(OSError):
            legacy.unlink()
    with contextlib.suppress(OSError):
        (output_dir / RECORDS_DIR).rmdir()  # only when empty


# --------------------------------------------------------------------------- the manifest


class Manifest:
    """What produced each output of an output folder (``.unparse/manifest.ndjson``).

    One line per output: ``output`` (relative to the output folder), ``input`` (relative to
    the input folder), ``settings`` (the digest), ``unparse``, ``format`` and ``options``.
    """

    def __init__(self, output_dir: Path, format: str, options: Options) -> None:
        self.root = output_dir
        self.path = output_dir / MANIFEST_FILE
        self.settings = settings_of(format, options)
        self.key = settings_key(format, options)
        self.entries: dict[str, dict[str, Any]] = {}
        for rec in _json_lines(self.path):
            if isinstance(rec.get("output"), str):
                self.entries[rec["output"]] = rec
        self._fh: IO[str] | None = None

    def _rel(self, output: Path) -> str:
        return output.relative_to(self.root).as_posix()

    def is_current(self, output: Path) -> bool:
        """Whether ``output`` was produced by these settings (version, format, options)."""
        entry = self.entries.get(self._rel(output))
        return entry is not None and entry.get("settings") == self.key

    def open(self) -> None:
        """Rewrite what is there cleanly (a killed run may have left a half line), then append."""
        self.compact()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = self.path.open("a", encoding="utf-8")

    def record(self, output: Path, input_name: str) -> None:
        """Note that ``output`` was just written from ``input_name`` with these settings."""
        entry = {"output": self._rel(output), "input": input_name, "settings": self.key, **self.settings}
        self.entries[entry["output"]] = entry
        if self._fh is not None:
            self._fh.write(json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n")
            self._fh.flush()

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        self.compact()

    def compact(self) -> None:
        """One line per output that still exists, sorted; written atomically (removed if none)."""
        live = [e for name, e in sorted(self.entries.items()) if (self.root / name).is_file()]
        if live:
            _write_if_changed(self.path, _dump_lines(live), self.root)
        else:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
