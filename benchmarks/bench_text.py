"""Throughput and peak memory of normalize and parse_text on the samples, against the
nearest existing tool (arabic_repair.repair, PyPI package arabic-repair) measured in the
same run on the same text. Prints a Markdown table; BENCHMARKS.md records its output.

A second table does the same on what pdfminer's ``extract_text`` gives for the fixture PDFs
(visual-order lines, the damage arabic_repair is made for), with the share of the source's
words each tool gives back (word recall: multiset intersection over the source's words).

    .venv/bin/python benchmarks/bench_text.py [--repeat N]
"""

from __future__ import annotations

import argparse
import datetime
import platform
import statistics
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import regex
from machine import cpu_model

import unparse

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "pdf"
_WORD_RE = regex.compile(r"[\p{L}\p{M}\p{Nd}]+(?:[/.][\p{Nd}]+)*")


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
    damaged = [t for t in texts if unparse.repair_text(t).facts.get("runs_reversed")]
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

    visual_table(args.repeat, arabic_repair)


def word_recall(source: str, got: str) -> float:
    """Share of the source's words (with multiplicity) found in ``got``."""
    want = Counter(_WORD_RE.findall(unparse.normalize(source)))
    have = Counter(_WORD_RE.findall(got))
    return sum((want & have).values()) / max(1, sum(want.values()))


def visual_table(repeat: int, arabic_repair: Callable[[str], str]) -> None:
    from pdfminer.high_level import extract_text

    pairs = [
        (extract_text(str(p)), p.with_suffix(".txt").read_text(encoding="utf-8"))
        for p in sorted(FIXTURES.glob("*.pdf"))
        if p.with_suffix(".txt").exists()
    ]
    texts = [t for t, _ in pairs]
    for func in (unparse.normalize, arabic_repair):
        for text in texts:
            func(text)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"\nextract_text output of {len(texts)} fixture PDFs ({megabytes:.3f} MB)\n")
    print("| function | MB/s | speed vs reference | word recall vs source |")
    print("|---|---|---|---|")
    reference = median_seconds(arabic_repair, texts, repeat)
    raw = statistics.mean(word_recall(src, t) for t, src in pairs)
    print(f"| extract_text as is | | | {raw:.3f} |")
    for name, func in (
        ("arabic_repair.repair (reference)", arabic_repair),
        ("unparse.normalize", unparse.normalize),
    ):
        seconds = reference if func is arabic_repair else median_seconds(func, texts, repeat)
        recall = statistics.mean(word_recall(src, func(t)) for t, src in pairs)
        print(f"| {name} | {megabytes / seconds:.2f} | {reference / seconds:.2f}x | {recall:.3f} |")


if __name__ == "__main__":
    main()
