"""Throughput and peak memory of normalize and parse_text on the samples, against the
nearest existing tool (arabic_repair.repair, PyPI package arabic-repair) measured in the
same run on the same text. Prints a Markdown table; BENCHMARKS.md records its output.

    .venv/bin/python benchmarks/bench_text.py [--repeat N]
"""

from __future__ import annotations

import argparse
import datetime
import platform
import statistics
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from machine import cpu_model

import unparse

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def median_seconds(func: Callable[[str], object], texts: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            func(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_bytes(func: Callable[[str], object], texts: list[str]) -> int:
    tracemalloc.start()
    for text in texts:
        func(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    from arabic_repair import repair as arabic_repair

    paths = sorted(SAMPLES.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    # Warm-up: the word list and compiled patterns load once per process.
    for func in (unparse.normalize, unparse.parse_text, arabic_repair):
        for text in texts:
            func(text)
    damaged = [t for t in texts if unparse.repair(t).facts.get("runs_reversed")]
    clean = [t for t in texts if t not in damaged]
    print(f"date: {datetime.date.today()}  machine: {platform.platform()}, {cpu_model()}")
    print(f"python {platform.python_version()}; median of {args.repeat} runs; peak memory by tracemalloc\n")
    print("| corpus | function | MB/s | speed vs reference | peak memory (MB) |")
    print("|---|---|---|---|---|")
    for label, group in (
        (f"all {len(texts)} samples", texts),
        (f"{len(clean)} clean samples", clean),
        (f"{len(damaged)} run-reversed samples", damaged),
    ):
        megabytes = sum(len(t.encode("utf-8")) for t in group) / 1e6
        reference = median_seconds(arabic_repair, group, args.repeat)
        for name, func in (
            ("arabic_repair.repair (reference)", arabic_repair),
            ("unparse.normalize", unparse.normalize),
            ("unparse.parse_text", unparse.parse_text),
        ):
            seconds = reference if func is arabic_repair else median_seconds(func, group, args.repeat)
            peak = peak_bytes(func, group) / 1e6
            print(
                f"| {label} ({megabytes:.3f} MB) | {name} | {megabytes / seconds:.2f} | "
                f"{reference / seconds:.2f}x | {peak:.1f} |"
            )


if __name__ == "__main__":
    main()
