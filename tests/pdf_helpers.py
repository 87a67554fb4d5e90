"""Shared helpers of the PDF tests and benchmark: split text into body paragraphs and footnotes, CER."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"
# The accuracy benchmark's PDFs (dev-split ones are the PDF tests' real inputs).
BENCH_PDFS = Path(__file__).resolve().parents[1] / "benchmarks" / "accuracy" / "inputs" / "pdf"
GENERATED = [
    "res-western",
    "res-eastern",
    "report-sections",
    "decision-cop",
    "report-footnotes",
    "res-long-paragraph",
]


def bench_pdf(typesetter: str, name: str) -> Path:
    """The benchmark's PDF of ``name`` as ``typesetter`` made it."""
    path = BENCH_PDFS / typesetter / f"{name}.pdf"
    if not path.exists():  # pragma: no cover - the inputs are committed
        pytest.skip(f"{path} missing")
    return path


_FOOTNOTE = re.compile(r"^\((\d{1,3}|[٠-٩]{1,3}|\*)\) ")
_SEPARATOR = re.compile(r"^\s*_{5,}\s*$")


def split_text(text: str) -> tuple[list[str], dict[str, str]]:
    """Body paragraphs (in order) and footnotes (marker → text) of text in the fixture convention.

    A footnote is a ``(N) text`` line after a separator line, until the next line that is
    neither blank nor a footnote.
    """
    body: list[str] = []
    notes: dict[str, str] = {}
    in_notes = False
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line:
            continue
        if _SEPARATOR.match(line):
            in_notes = True
            continue
        m = _FOOTNOTE.match(line)
        if in_notes and m:
            notes[m.group(1)] = line[m.end() :]
            continue
        in_notes = False
        body.append(line)
    return body, notes


def levenshtein(a: str, b: str) -> int:
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def cer(expected: str, got: str) -> float:
    """Character error rate: edit distance over the expected length."""
    return levenshtein(expected, got) / max(len(expected), 1)


def document_cer(expected: str, got: str) -> float:
    """CER of the body (paragraphs joined by newlines) and footnotes (in marker order) together."""
    eb, en = split_text(expected)
    gb, gn = split_text(got)
    e = "\n".join(eb) + "\n" + "\n".join(f"{k} {v}" for k, v in sorted(en.items()))
    g = "\n".join(gb) + "\n" + "\n".join(f"{k} {v}" for k, v in sorted(gn.items()))
    return cer(e, g)


def reader_text(pdf: Path) -> str:
    """The reader's lines of ``pdf`` joined, without the running symbol written once first."""
    from unparse.read.pdf import read_pdf_lines

    lines, facts = read_pdf_lines(pdf)
    out = [ln.text for ln in lines]
    symbols = facts["running_symbols"]
    assert isinstance(symbols, list)
    if out and out[0] in symbols:
        out = out[1:]
    return "\n".join(out)
