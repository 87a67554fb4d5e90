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

    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    # Warm-up: the word list and compiled patterns load once per process.
    for func in (unparse.normalize, unparse.parse_text, arabic_repair):
        for text in texts:
            func(text)
    rows = []
    reference = median_seconds(arabic_repair, texts, args.repeat)
    for name, func in (
        ("arabic_repair.repair (reference)", arabic_repair),
        ("unparse.normalize", unparse.normalize),
        ("unparse.parse_text", unparse.parse_text),
    ):
        seconds = reference if func is arabic_repair else median_seconds(func, texts, args.repeat)
        rows.append((name, megabytes / seconds, reference / seconds, peak_bytes(func, texts) / 1e6))
    print(f"date: {datetime.date.today()}  machine: {platform.platform()}, {cpu_model()}, ")
    print(f"python {platform.python_version()}; corpus: {len(texts)} samples, {megabytes:.3f} MB;")
    print(f"median of {args.repeat} runs\n")
    print("| function | MB/s | speed vs reference | peak memory (MB) |")
    print("|---|---|---|---|")
    for name, mbps, ratio, peak in rows:
        print(f"| {name} | {mbps:.2f} | {ratio:.2f}x | {peak:.1f} |")


if __name__ == "__main__":
    main()
