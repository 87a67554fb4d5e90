"""Time and peak memory of normalize and parse_text at 1x, 10x and 100x the samples' size.

Linear growth shows as a constant time per megabyte and a peak memory proportional to the
input. Each measurement runs in a fresh process (so one run's memory high-water mark does
not hide the next one's), after a warm-up that loads the word list, and is given next to
two references measured in the same run on the same text:

- ``splitlines+NFKC``: ``str.splitlines`` and ``unicodedata.normalize("NFKC")`` per line, the
  least any line-by-line Unicode clean-up does;
- ``arabic_repair``: ``arabic_repair.repair`` (PyPI ``arabic-repair``), the nearest
  existing tool, if installed.

Peak memory is the growth of the process's maximum resident set size during the call
(``resource.getrusage``), so it counts C allocations too.

    .venv/bin/python benchmarks/bench_scaling.py [--scales 1,10,100]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import resource
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from machine import cpu_model

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
FUNCS = ["normalize", "parse_text", "splitlines+NFKC", "arabic_repair"]


def corpus(scale: int) -> str:
    one = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")))
    return "\n\n".join([one] * scale)


def _reference(text: str) -> object:
    return [unicodedata.normalize("NFKC", line) for line in text.splitlines()]


def _func(name: str) -> Callable[[str], object]:
    if name == "splitlines+NFKC":
        return _reference
    if name == "arabic_repair":
        import arabic_repair

        return arabic_repair.repair  # type: ignore[no-any-return]
    import unparse

    return getattr(unparse, name)  # type: ignore[no-any-return]


def measure_one(name: str, scale: int) -> dict[str, float]:
    """In this process: warm up, then time one call and its peak RSS growth."""
    func = _func(name)
    func(corpus(1)[:5000])  # loads the word list, compiles the patterns
    text = corpus(scale)
    base_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    func(text)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": seconds, "peak_mb": max(peak_kb - base_kb, 0) / 1024}


def measure(name: str, scale: int) -> dict[str, float] | None:
    proc = subprocess.run(
        [sys.executable, __file__, "--one", name, str(scale)], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        print(f"{name} x{scale}: failed: {proc.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
        return None
    result: dict[str, float] = json.loads(proc.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--one", nargs=2, metavar=("FUNC", "SCALE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(args.one[0], int(args.one[1]))))
        return
    scales = [int(s) for s in args.scales.split(",")]
    print(f"date: {datetime.date.today().isoformat()}")
    print(f"machine: {' '.join(os.uname())}; nproc {os.cpu_count()}; CPU {cpu_model()}")
    print(f"python: {platform.python_version()}")
    print()
    print(
        "| scale | input | function | seconds | s/MB | peak RSS growth (MB) "
        "| x splitlines+NFKC | x arabic_repair |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for scale in scales:
        mb = len(corpus(scale).encode("utf-8")) / 1e6
        results = {name: measure(name, scale) for name in FUNCS}
        ref = results["splitlines+NFKC"]
        ar = results["arabic_repair"]
        for name in FUNCS:
            r = results[name]
            if r is None:
                continue
            vs_ref = f"{r['seconds'] / ref['seconds']:.0f}x" if ref else "-"
            vs_ar = f"{r['seconds'] / ar['seconds']:.2f}x" if ar else "-"
            print(
                f"| {scale}x | {mb:.2f} MB | {name} | {r['seconds']:.3f} | {r['seconds'] / mb:.3f} "
                f"| {r['peak_mb']:.1f} | {vs_ref} | {vs_ar} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
