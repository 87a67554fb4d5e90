"""The per-file work of a batch, the same on every engine: :func:`work` renders one file and
never raises; :func:`run_local` runs it on a local process pool (workers forked from a process
that has loaded the word list once, :func:`warm_up`)."""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass

from ..export import get_format
from ..options import Options
from .file import Source, load_document, one_line


@dataclass
class Outcome:
    """What the per-file work sends back to the coordinator: small and picklable."""

    name: str
    content: bytes | None = None
    kind: str | None = None
    paragraphs: int = 0
    error: str | None = None
    reason: str | None = None
    pid: int = 0
    peak_rss_kb: int = 0
    cpu_seconds: float = 0.0  # the worker's CPU time so far (user + system)


def usage() -> tuple[int, float]:
    """This process's peak resident memory (KiB) and CPU time (s)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not on Windows
        return 0, time.process_time()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
    return int(peak), usage.ru_utime + usage.ru_stime


def work(task: tuple[str, Source, str, Options]) -> Outcome:
    """Render one file; never raises (a failure is an Outcome with ``error`` and ``reason``)."""
    name, source, format, options = task
    try:
        doc = load_document(source, name=name, options=options)
        content = get_format(format).render(doc).encode("utf-8")
        outcome = Outcome(name, content, doc.kind, len(doc.preamble) + len(doc.paragraphs))
    except Exception as exc:  # one bad file, or a bug, must not lose the other files' output
        outcome = Outcome(name, error=type(exc).__name__, reason=one_line(exc))
    outcome.pid = os.getpid()
    outcome.peak_rss_kb, outcome.cpu_seconds = usage()
    return outcome


_WARM_UP_TEXT = "إن الجمعية العامة،\n1 - تحث الدول على تعزيز التعاون.\n"


def warm_up() -> None:
    """Load here, once, what the first file would load in every worker (the word list...)."""
    with contextlib.suppress(Exception):
        load_document(_WARM_UP_TEXT.encode("utf-8"), name="warm-up.txt")
        importlib.import_module("unparse.repair.wordlist").zipf("الجمعية")


def run_local(items: list[tuple[str, Source, str, Options]], jobs: int) -> Iterator[Outcome]:
    """Start the workers now (before any thread exists) and return their outcomes as they come."""
    if jobs <= 1 or len(items) <= 1:
        return map(work, items)
    import multiprocessing
    import threading
    from concurrent.futures import ProcessPoolExecutor, as_completed

    methods = multiprocessing.get_all_start_methods()
    ctx: multiprocessing.context.BaseContext
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        # A single-threaded process on Linux: warm up once here and fork, so that the workers
        # share the loaded word list instead of each loading its own.
        warm_up()
        ctx = multiprocessing.get_context("fork")
    elif "forkserver" in methods:
        # Threads about (an application calling run_batch): workers start from a clean server.
        # The preload module warms up in the server, so each forked worker shares the word
        # list instead of loading its own (half a second of CPU per worker).
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["unparse._preload"])
    else:
        ctx = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(items)), mp_context=ctx)
    futures = [pool.submit(work, item) for item in items]

    def outcomes() -> Iterator[Outcome]:
        try:
            for future in as_completed(futures):
                yield future.result()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    return outcomes()


def default_jobs() -> int:
    """The number of CPUs this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1
