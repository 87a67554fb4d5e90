"""``unparse batch``: :func:`run_batch` finds the inputs (:mod:`.tree`), skips what is up to date
(:mod:`.records`), runs the per-file work (:mod:`.worker`) on a local pool or on Dask
(:mod:`.dask_engine`), and writes each output atomically (:mod:`.atomic`) as it comes back."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..errors import UnparseError
from ..export import get_format
from ..options import DEFAULT_OPTIONS, FormatName, Options
from .atomic import inside, remove_stale_temporaries, write_atomic
from .dask_engine import dask_client, run_dask
from .file import Source
from .records import (
    ERRORS_FILE,
    RECORDS_DIR,
    Failure,
    Manifest,
    previous_failures,
    settings_key,
    write_failures,
)
from .tree import BatchSetupError, Task, discover
from .worker import Outcome, default_jobs, run_local, usage


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


def _progress_bar(total: int, show: bool) -> Any:
    from tqdm import tqdm

    class Bar(tqdm):  # type: ignore[misc]
        # No monitor thread: a thread left behind would make the next run_batch in this
        # process start its workers from a fork server instead of forking (fork is only
        # safe in a single-threaded process), and each worker would load its own word list.
        monitor_interval = 0

    return Bar(total=total, unit="file", disable=not show, file=sys.stderr, dynamic_ncols=True)


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
    (see :mod:`unparse.batch.records`); ``force`` redoes them all.
    """
    started = time.perf_counter()
    cpu_at_start = usage()[1]
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
        client = dask_client(scheduler)
        outcomes: Iterable[Outcome] = run_dask(client, todo, fmt.name, options, early)
    elif engine == "local":
        items: list[tuple[str, Source, str, Options]] = [
            (t.name, str(t.path), fmt.name, options) for t in todo
        ]
        outcomes = run_local(items, jobs)
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
