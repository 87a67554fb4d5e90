"""PDF reading: accuracy and speed of unparse.parse_pdf against pdfminer's extract_text.

For every fixture PDF (tests/fixtures/pdf/, each with its source text as the expected result):
- reader CER: the lines read_pdf_lines gives against the source (body and footnotes);
- document CER: paragraph, sub-item and footnote texts of parse_pdf(pdf) against those of
  parse_text(source); the same for parse_text(pdfminer.high_level.extract_text(pdf));
- speed: pages per second of parse_pdf and of extract_text, measured in the same run.
Prints a Markdown table. Run: python benchmarks/bench_pdf.py [--repeat N]
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

from machine import cpu_model

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from pdfminer.high_level import extract_text  # noqa: E402

import unparse  # noqa: E402
from builders import texts  # noqa: E402
from pdf_helpers import FIXTURES, GENERATED, cer, document_cer, reader_text  # noqa: E402
from unparse.read.pdf import read_pdf_lines  # noqa: E402


def timed_pair(ours: Callable[[], object], theirs: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Best-of-``repeat`` times of both, interleaved so that machine load hits both alike."""
    best = [float("inf"), float("inf")]
    for _ in range(repeat):
        for k, fn in enumerate((ours, theirs)):
            t = time.perf_counter()
            fn()
            best[k] = min(best[k], time.perf_counter() - t)
    return best[0], best[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    print(f"date: {datetime.date.today()}  machine: {' '.join(platform.uname())}")
    print(f"nproc: {os.cpu_count()}  cpu: {cpu_model()}  python: {platform.python_version()}")
    print()
    print(
        "| fixture | pages | reader CER | parse_pdf CER | extract_text+parse_text CER "
        "| parse_pdf pages/s | extract_text pages/s |"
    )
    print("|---|---|---|---|---|---|---|")
    total_pages = 0
    total_ours = total_theirs = 0.0
    # Our own typesetting script's fixtures, then the same sources typeset by LibreOffice
    # and Chromium (tests/fixtures/pdf/typesetters/), then the real gazette.
    pdfs = [FIXTURES / f"{name}.pdf" for name in GENERATED]
    pdfs += sorted((FIXTURES / "typesetters").glob("*.pdf"))
    pdfs.append(FIXTURES / "egypt-gazette-law-8-2022.pdf")
    for pdf in pdfs:
        name = pdf.stem
        _lines, facts = read_pdf_lines(pdf)
        pages = int(facts["pages"])  # type: ignore[call-overload]
        source_path = FIXTURES / f"{name.split('.')[0]}.txt"
        if source_path.exists():
            source = source_path.read_text(encoding="utf-8")
            reader = f"{document_cer(source, reader_text(pdf)):.4f}"
            expected = texts(unparse.parse_text(source))
            ours = f"{cer(expected, texts(unparse.parse_pdf(pdf))):.4f}"
            theirs = f"{cer(expected, texts(unparse.parse_text(extract_text(pdf)))):.4f}"
        else:
            reader = ours = theirs = "n/a"
        t_ours, t_theirs = timed_pair(
            lambda pdf=pdf: unparse.parse_pdf(pdf), lambda pdf=pdf: extract_text(pdf), args.repeat
        )
        total_pages += pages
        total_ours += t_ours
        total_theirs += t_theirs
        speed = f"{pages / t_ours:.1f} | {pages / t_theirs:.1f}"
        print(f"| {name} | {pages} | {reader} | {ours} | {theirs} | {speed} |")
    speed = f"{total_pages / total_ours:.1f} | {total_pages / total_theirs:.1f}"
    print(f"| **all** | {total_pages} | | | | {speed} |")


if __name__ == "__main__":
    main()
