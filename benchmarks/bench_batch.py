"""Throughput of ``unparse batch`` with one and two worker processes, in the same run.

Builds a corpus of the samples replicated N times (default 20), then runs the batch on it
with ``--jobs 1`` and ``--jobs 2`` (``force``, so every file is processed), alternating, a few
times each, and prints files/s, MB/s, the speed-up, and the peak memory of each worker
(``ru_maxrss`` reported by the worker itself), with the machine and the date.

    python benchmarks/bench_batch.py [--copies 20] [--repeat 3] [--format json]
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from machine import cpu_model

from unparse.batch import BatchSummary, run_batch

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def machine() -> list[str]:
    uname = subprocess.run(["uname", "-a"], capture_output=True, text=True).stdout.strip()
    nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    return [
        f"machine: `{uname}`",
        f"nproc: {nproc}; CPU: {cpu_model()}; Python {platform.python_version()}",
        f"date: {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
    ]


def build_corpus(root: Path, copies: int) -> tuple[int, int]:
    files = size = 0
    for k in range(copies):
        folder = root / f"copy{k:02d}"
        folder.mkdir(parents=True)
        for sample in sorted(SAMPLES.glob("*.txt")):
            shutil.copyfile(sample, folder / sample.name)
            files += 1
            size += sample.stat().st_size
    return files, size


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--format", default="json")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="unparse-bench-") as tmp:
        src = Path(tmp) / "in"
        files, size = build_corpus(src, args.copies)
        print(f"corpus: {files} files, {size / 1e6:.2f} MB (samples x {args.copies}), format {args.format}")
        times: dict[int, list[float]] = {1: [], 2: []}
        peaks: dict[int, list[int]] = {1: [], 2: []}
        cpu: dict[int, list[float]] = {1: [], 2: []}
        load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        for _ in range(args.repeat):
            for jobs in (1, 2):
                out = Path(tmp) / f"out{jobs}"
                summary: BatchSummary = run_batch(
                    src, out, format=args.format, jobs=jobs, force=True, progress=False
                )
                assert summary.written == files and not summary.failures, summary.lines()
                times[jobs].append(summary.seconds)
                peaks[jobs].extend(summary.peak_rss_kb.values())
                cpu[jobs].append(summary.cpu_seconds)
                print(
                    f"  jobs {jobs}: {summary.seconds:.2f} s, CPU {summary.cpu_seconds:.2f} s",
                    file=sys.stderr,
                )
        load_after = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        same = all(
            (Path(tmp) / "out1" / p.relative_to(Path(tmp) / "out2")).read_bytes() == p.read_bytes()
            for p in (Path(tmp) / "out2").rglob("*")
            if p.is_file()
        )

    print()
    for line in machine():
        print(line + "  ")
    print()
    print(
        "| jobs | median wall time (s) | files/s | MB/s | speed-up | worker CPU time (s) "
        "| speed-up on idle cores | peak memory per worker (MB) |"
    )
    print("|---|---|---|---|---|---|---|---|")
    base = statistics.median(times[1])
    base_cpu = statistics.median(cpu[1])
    for jobs in (1, 2):
        t = statistics.median(times[jobs])
        c = statistics.median(cpu[jobs])
        peak = max(peaks[jobs]) / 1024 if peaks[jobs] else 0.0
        # On `jobs` otherwise idle cores, the wall time would be the workers' CPU time shared out.
        ideal = base_cpu / (c / jobs) if c else float("nan")
        print(
            f"| {jobs} | {t:.2f} | {files / t:.1f} | {size / 1e6 / t:.3f} | {base / t:.2f}x | {c:.2f} "
            f"| {ideal:.2f}x | {peak:.0f} |"
        )
    print()
    print(
        f"runs per setting: {args.repeat}, alternating; outputs of jobs 1 and jobs 2 byte-identical: {same}"
    )
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else "?"
    print(
        f"CPUs available to this process: {cpus}; "
        f"load average (1 min) {load_before:.2f} before, {load_after:.2f} after"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
