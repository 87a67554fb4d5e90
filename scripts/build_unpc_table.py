"""Build ``src/unparse/data/unpc_pairs.tsv.gz``: word and adjacent word-pair counts of real
UN Arabic, the background language model of the run-order step (``repair/unpc.py``).

Reads ``tests/fixtures/unpc/unpc-v1.0-dev-ar.first2000.txt`` (UN Parallel Corpus v1.0,
Ziemski, Junczys-Dowmunt and Pouliquen 2016) and uses **only its dev segments**: a segment
whose 0-based index is a multiple of 3 is held out (the ``test`` part of the benchmark's unpc
line set, ``benchmarks/accuracy/garble.py``) and never read into the table.

Words are what the run-order step calls a word (letters and marks, no Latin), in the word
list's lookup form (no diacritics, no tatweel: ``wordlist.lookup_key``); a pair is two words
separated by one run of spaces and nothing else. Rows (tab-separated, sorted, gzip with a
fixed mtime so the output is byte-stable):

    w <TAB> word <TAB> count
    p <TAB> left <TAB> right <TAB> count
    s <TAB> word <TAB> count          (segments that start with the word)

A segment's start is its first word once a leading paragraph number or label is set aside
("١ - يطلب", "(أ) التعاون"); a segment that starts with anything else (a number, a
bracket, a Latin word) starts with no word.

Pairs seen once are kept (the table is small); run ``python scripts/build_unpc_table.py``
from the repository root after changing the rules, and commit the output.
"""

from __future__ import annotations

import gzip
import io
import sys
from collections import Counter
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from unparse.repair.wordlist import lookup_key  # noqa: E402

SOURCE = ROOT / "tests" / "fixtures" / "unpc" / "unpc-v1.0-dev-ar.first2000.txt"
OUT = ROOT / "src" / "unparse" / "data" / "unpc_pairs.tsv.gz"
# A word as repair/order/atoms.py sees one; anything else between two words breaks the pair.
_TOKEN_RE = regex.compile(r"(?V1)(\s+)|([[\p{L}\p{M}]--[\p{Latin}]]+)|(\S)")
_LABEL_RE = regex.compile(r"(?V1)^\s*(?:\p{Nd}{1,3}\s*[-–.]|\([\p{Nd}\p{Arabic}]{1,3}\))\s*")


def dev_segments(path: Path = SOURCE) -> list[str]:
    """The segments whose 0-based index is not a multiple of 3 (those are held out)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [s for i, s in enumerate(lines) if i % 3 != 0 and s.strip()]


def count(segments: list[str]) -> tuple[Counter[str], Counter[tuple[str, str]], Counter[str]]:
    words: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    starts: Counter[str] = Counter()
    for segment in segments:
        label = _LABEL_RE.match(segment)
        tokens = [t for t in _TOKEN_RE.findall(segment[label.end() if label else 0 :]) if not t[0]]
        if tokens and tokens[0][1] and lookup_key(tokens[0][1]):
            starts[lookup_key(tokens[0][1])] += 1
        prev = ""  # the word just before, when only spaces have followed it
        for space, word, _other in _TOKEN_RE.findall(segment):
            if space:
                continue
            if word:
                key = lookup_key(word)
                if not key:
                    prev = ""
                    continue
                words[key] += 1
                if prev:
                    pairs[(prev, key)] += 1
                prev = key
            else:
                prev = ""
    return words, pairs, starts


def main() -> None:
    words, pairs, starts = count(dev_segments())
    buf = io.StringIO()
    for w, c in sorted(words.items()):
        buf.write(f"w\t{w}\t{c}\n")
    for (a, b), c in sorted(pairs.items()):
        buf.write(f"p\t{a}\t{b}\t{c}\n")
    for w, c in sorted(starts.items()):
        buf.write(f"s\t{w}\t{c}\n")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(buf.getvalue().encode("utf-8"))
    counts = f"{len(words)} words, {len(pairs)} pairs, {len(starts)} starts"
    print(f"{OUT.relative_to(ROOT)}: {counts}, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
