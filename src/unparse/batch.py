"""Many files at once: a folder tree of ``.txt`` and ``.pdf`` files on a local pool or on Dask.

The unit of work is one file, and it is the same function everywhere:

- :func:`process_file` (exported as ``unparse.process_file``, in :mod:`unparse.batch_file`)
  takes a path or the bytes of a file and returns records, for Spark, Ray or Dask users who
  bring their own engine;
- :func:`run_batch` (``unparse batch``) walks a folder tree, runs the per-file work on a
  process pool (``jobs``) or on a Dask cluster (``engine="dask"``), and writes one output per
  input, mirroring the tree, each atomically (a temporary file, then ``os.replace``).

Outputs depend on the input bytes, the relative name, the format and the options only, never
on the engine, the number of workers or the order in which they finish. What a run keeps
about itself (failures, the manifest of what made each output) is in
:mod:`unparse.batch_records`.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .batch_file import Source, clean_source, load_document, one_line, process_file
from .batch_records import (
    ERRORS_FILE,
    MANIFEST_FILE,
    RECORDS_DIR,
    Failure,
    Manifest,
    inside,
    previous_failures,
    remove_stale_temporaries,
    settings_key,
    write_atomic,
    write_failures,
)
from .errors import UnparseError
from .export import FORMATS, get_format
from .options import DEFAULT_OPTIONS, FormatName, Options
from .read.text import read_bytes

SUFFIXES = (".txt", ".pdf")
"""The inputs ``batch`` looks for (any case)."""


class BatchSetupError(UnparseError):
    """The batch cannot start: the input folder is missing, the output folder is unusable..."""


# --------------------------------------------------------------------------- the worker


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


def _usage() -> tuple[int, float]:
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
    outcome.peak_rss_kb, outcome.cpu_seconds = _usage()
    return outcome


# --------------------------------------------------------------------------- the tree


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


# --------------------------------------------------------------------------- the run


@dataclass
class BatchSummary:
    """What a run did."""

    files: int = 0
    written: int = 0
    skipped: int = 0
    failures: list[Failure] = field(default_factory=list)
    carried_over: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    paragraphs: int = 0
    bytes_in: int = 0
    seconds: float = 0.0
    peak_rss_kb: dict[int, int] = field(default_factory=dict)
    worker_cpu: dict[int, float] = field(default_factory=dict)

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def cpu_seconds(self) -> float:
        """CPU time the workers spent (start-up included), summed over the workers."""
        return sum(self.worker_cpu.values())

    def lines(self, output_dir: Path | None = None) -> list[str]:
        """The summary for people, a few lines."""
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(self.kinds.items())) or "none"
        rate = self.written / self.seconds if self.seconds > 0 else 0.0
        out = [
            f"{self.files} files: {self.written} written, {self.skipped} up to date, {self.failed} failed"
            + (f" ({self.carried_over} as in the last run)" if self.carried_over else ""),
            f"documents: {kinds}; {self.paragraphs} paragraphs",
            f"time: {self.seconds:.1f} s ({rate:.1f} files/s)",
        ]
        if self.peak_rss_kb:
            out.append(f"peak memory per worker: {max(self.peak_rss_kb.values()) / 1024:.0f} MB")
        if self.failures and output_dir is not None:
            out.append(f"failures: {output_dir / ERRORS_FILE}")
        return out


_WARM_UP_TEXT = "إن الجمعية العامة،\n1 - تحث الدول على تعزيز التعاون.\n"


def _warm_up() -> None:
    """Load here, once, what the first file would load in every worker (the word list...)."""
    with contextlib.suppress(Exception):
        load_document(_WARM_UP_TEXT.encode("utf-8"), name="warm-up.txt")
        importlib.import_module("unparse.repair.wordlist").zipf("الجمعية")


def _run_local(items: list[tuple[str, Source, str, Options]], jobs: int) -> Iterator[Outcome]:
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
        _warm_up()
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


def _progress_bar(total: int, show: bool) -> Any:
    from tqdm import tqdm

    class Bar(tqdm):  # type: ignore[misc]
        # No monitor thread: a thread left behind would make the next run_batch in this
        # process start its workers from a fork server instead of forking (fork is only
        # safe in a single-threaded process), and each worker would load its own word list.
        monitor_interval = 0

    return Bar(total=total, unit="file", disable=not show, file=sys.stderr, dynamic_ncols=True)


def default_jobs() -> int:
    """The number of CPUs this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _dask_client(scheduler: str | None) -> Any:
    try:
        # Imported by name: dask is an optional extra, and its API is untyped.
        distributed = importlib.import_module("dask.distributed")
    except ImportError:
        raise BatchSetupError(
            "--engine dask needs Dask: pip install 'unparse[dask]' (dask[distributed])"
        ) from None
    if not scheduler:
        raise BatchSetupError("--engine dask needs --scheduler tcp://HOST:PORT")
    try:
        return distributed.Client(scheduler, timeout="20s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise BatchSetupError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None


def _run_dask(
    client: Any, tasks: list[Task], format: str, options: Options, failed: list[Outcome]
) -> Iterator[Outcome]:
    as_completed = importlib.import_module("dask.distributed").as_completed
    with client:
        window = max(16, 4 * sum(client.nthreads().values()))
        pending = iter(tasks)
        running = as_completed()

        def submit_next() -> bool:
            for task in pending:
                # The coordinator reads the file and ships its bytes, so workers need no access
                # to the input folder; the outputs come back and are written here.
                try:
                    data = read_bytes(task.path, options)
                except UnparseError as exc:
                    failed.append(Outcome(task.name, error=type(exc).__name__, reason=one_line(exc)))
                    continue
                running.add(client.submit(work, (task.name, data, format, options), pure=False))
                return True
            return False

        for _ in range(window):
            if not submit_next():
                break
        for future in running:
            yield future.result()
            submit_next()


def run_batch(
    input_dir: str | os.PathLike[str],
    output_dir: str | os.PathLike[str],
    *,
    format: FormatName = "json",
    options: Options | None = None,
    jobs: int | None = None,
    force: bool = False,
    engine: Literal["local", "dask"] = "local",
    scheduler: str | None = None,
    progress: bool | None = None,
    report: Callable[[str], None] | None = None,
) -> BatchSummary:
    """Process every ``.txt`` and ``.pdf`` file under ``input_dir`` into ``output_dir``.

    Outputs newer than their input are kept (``force`` redoes them); an input that failed
    before and has not changed since (same size and modification time, same format, options and
    unparse version) is not retried but stays in ``.unparse/errors.ndjson``. ``report`` receives
    one line per failure (``FILE: reason``), also while the progress bar shows (``progress=None``:
    when stderr is a terminal). Outputs newer than their input are kept only when
    ``.unparse/manifest.ndjson`` says the same unparse version, format and options produced them
    (see :mod:`unparse.batch_records`); ``force`` redoes them all.
    """
    started = time.perf_counter()
    cpu_at_start = _usage()[1]
    options = options or DEFAULT_OPTIONS
    fmt = get_format(format)
    src, dst = Path(input_dir), Path(output_dir)
    if not src.is_dir():
        raise BatchSetupError("is not a folder" if src.exists() else "no such folder", src)
    if dst.exists() and not dst.is_dir():
        raise BatchSetupError("the output exists and is not a folder", dst)
    if os.path.realpath(src) == os.path.realpath(dst):
        raise BatchSetupError("the output folder must not be the input folder", dst)
    try:
        dst.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BatchSetupError(f"cannot create the output folder ({exc.strerror or exc})", dst) from None
    if os.path.lexists(dst / RECORDS_DIR) and not inside(dst / RECORDS_DIR, dst):
        raise BatchSetupError(f"{RECORDS_DIR} leads outside the output folder (a link?); remove it", dst)
    remove_stale_temporaries(dst)

    problems: list[tuple[str, str]] = []
    tasks = discover(src, dst, fmt.extension, problems)
    summary = BatchSummary(files=len(tasks))
    settings = settings_key(fmt.name, options)
    outputs = {t.output for t in tasks}
    previous = {} if force else previous_failures(dst, outputs)
    manifest = Manifest(dst, fmt.name, options)
    todo: list[Task] = []
    for task in tasks:
        try:
            st = task.path.stat()
        except OSError as exc:
            summary.failures.append(Failure(task.name, "InputFileError", f"cannot be read ({exc.strerror})"))
            continue
        task.size, task.mtime_ns = st.st_size, st.st_mtime_ns
        if not force:
            with contextlib.suppress(OSError):
                if task.output.stat().st_mtime_ns >= task.mtime_ns and manifest.is_current(task.output):
                    summary.skipped += 1
                    continue
            before = previous.get(task.name)
            if before is not None and (before.size, before.mtime_ns, before.settings) == (
                task.size,
                task.mtime_ns,
                settings,
            ):
                summary.failures.append(before)
                summary.carried_over += 1
                continue
        todo.append(task)
    for name, reason in problems:
        summary.failures.append(Failure(name, "InputFileError", reason))

    by_name = {t.name: t for t in todo}
    summary.bytes_in = sum(t.size for t in todo)
    jobs = jobs or default_jobs()
    early: list[Outcome] = []
    if engine == "dask":
        client = _dask_client(scheduler)
        outcomes: Iterable[Outcome] = _run_dask(client, todo, fmt.name, options, early)
    elif engine == "local":
        items: list[tuple[str, Source, str, Options]] = [
            (t.name, str(t.path), fmt.name, options) for t in todo
        ]
        outcomes = _run_local(items, jobs)
    else:
        raise BatchSetupError(f"unknown engine {engine!r}; choose local or dask")

    show = sys.stderr.isatty() if progress is None else progress
    bar = _progress_bar(len(todo), show)

    def say(line: str) -> None:
        if report is None:
            return
        if show:  # the reporter's own line (its prefix and all), the bar cleared and redrawn
            with bar.external_write_mode(file=sys.stderr):
                report(line)
        else:
            report(line)

    for failure in summary.failures:
        say(f"{failure.file}: {failure.reason}")

    def settle(outcome: Outcome) -> None:
        task = by_name[outcome.name]
        if outcome.content is not None:
            try:
                write_atomic(task.output, outcome.content, dst)
            except (OSError, UnparseError) as exc:
                reason = exc.reason if isinstance(exc, UnparseError) else f"cannot write the output ({exc})"
                outcome = Outcome(outcome.name, error=type(exc).__name__, reason=reason)
            else:
                manifest.record(task.output, task.name)
                summary.written += 1
                summary.kinds[outcome.kind or "unknown"] += 1
                summary.paragraphs += outcome.paragraphs
        if outcome.error is not None:
            failure = Failure(
                outcome.name, outcome.error, outcome.reason or "", task.size, task.mtime_ns, settings
            )
            summary.failures.append(failure)
            say(f"{outcome.name}: {failure.reason}")
        if outcome.pid:
            peak, cpu = summary.peak_rss_kb, summary.worker_cpu
            peak[outcome.pid] = max(peak.get(outcome.pid, 0), outcome.peak_rss_kb)
            cpu[outcome.pid] = max(cpu.get(outcome.pid, 0.0), outcome.cpu_seconds)
        bar.update(1)

    try:
        manifest.open()
        for outcome in outcomes:
            settle(outcome)
            while early:
                settle(early.pop())
        while early:
            settle(early.pop())
    finally:
        bar.close()
        manifest.close()
        summary.failures.sort(key=lambda f: f.file)
        write_failures(dst, summary.failures, outputs)
        summary.seconds = time.perf_counter() - started
        if os.getpid() in summary.worker_cpu:  # jobs=1 ran here: count this run's CPU time only
            summary.worker_cpu[os.getpid()] -= cpu_at_start
    return summary


__all__ = [
    "ERRORS_FILE",
    "FORMATS",
    "MANIFEST_FILE",
    "SUFFIXES",
    "BatchSetupError",
    "BatchSummary",
    "Failure",
    "Outcome",
    "Task",
    "clean_source",
    "discover",
    "load_document",
    "one_line",
    "process_file",
    "run_batch",
    "work",
    "write_atomic",
]
