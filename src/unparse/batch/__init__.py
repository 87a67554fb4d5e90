"""Many files at once: a folder tree of ``.txt`` and ``.pdf`` files on a local pool or on Dask.

The unit of work is one file, and it is the same function everywhere:

- :func:`process_file` (exported as ``unparse.process_file``, in :mod:`unparse.batch.file`)
  takes a path or the bytes of a file and returns records, for Spark, Ray or Dask users who
  bring their own engine;
- :func:`run_batch` (``unparse batch``) walks a folder tree, runs the per-file work on a
  process pool (``jobs``) or on a Dask cluster (``engine="dask"``), and writes one output per
  input, mirroring the tree, each atomically (a temporary file, then ``os.replace``).

Outputs depend on the input bytes, the relative name, the format and the options only, never
on the engine, the number of workers or the order in which they finish. What a run keeps
about itself (failures, the manifest of what made each output) is in
:mod:`unparse.batch.records`.

The package, one module each: :mod:`.file` (the single-file API: ``process_file``,
``load_document``), :mod:`.worker` (the per-file work and the local pool), :mod:`.tree`
(finding the inputs), :mod:`.atomic` (writing outputs), :mod:`.records` (the manifest and the
failures), :mod:`.dask_engine` (the Dask engine), :mod:`.run` (``run_batch``). Everything is
importable from ``unparse.batch`` as before.
"""

from __future__ import annotations

from ..export import FORMATS
from .atomic import TMP_SUFFIX, inside, remove_stale_temporaries, write_atomic
from .file import Source, clean_source, load_document, one_line, process_file
from .records import ERRORS_FILE, LEGACY_ERRORS_FILE, MANIFEST_FILE, RECORDS_DIR, Failure, Manifest
from .run import BatchSummary, run_batch
from .tree import SUFFIXES, BatchSetupError, Task, discover
from .worker import Outcome, default_jobs, warm_up, work

__all__ = [
    "ERRORS_FILE",
    "FORMATS",
    "LEGACY_ERRORS_FILE",
    "MANIFEST_FILE",
    "RECORDS_DIR",
    "SUFFIXES",
    "TMP_SUFFIX",
    "BatchSetupError",
    "BatchSummary",
    "Failure",
    "Manifest",
    "Outcome",
    "Source",
    "Task",
    "clean_source",
    "default_jobs",
    "discover",
    "inside",
    "load_document",
    "one_line",
    "process_file",
    "remove_stale_temporaries",
    "run_batch",
    "warm_up",
    "work",
    "write_atomic",
]
