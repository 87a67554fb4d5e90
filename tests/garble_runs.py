"""A small seeded garbler: the damage of the extractors unparse repairs, applied to clean text.

``garble_line`` turns one logical line into what a left-to-right-on-the-page extractor
emits: the line is cut into runs at word boundaries (numbers are runs of their own, as in
any visual extraction), a comma that ends a run may lead the next one, a word may be cut
across two runs, the runs come out in reverse order, glued or separated by one or several
spaces, the paragraph number moves to the end as ``- N``, digits become Eastern.
``reverse_chars`` is the other damage: a whole line reversed character by character.
"""

from __future__ import annotations

import itertools
import random

import regex

_EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_NUMBER_TOKEN_RE = regex.compile(r"^(و?)(\d+(?:[/.]\d+)*)([،؛.]?)$")
_ARABIC_WORD_RE = regex.compile(r"^[\u0621-\u064a]{6,}$")
_PARA_NUMBER_RE = regex.compile(r"^(\d{1,3})( ?)- ")


def wrap(text: str, rng: random.Random, low: int = 7, high: int = 13) -> list[str]:
    """Cut a long logical line into physical lines of ``low``-``high`` words."""
    words = text.split()
    out = []
    i = 0
    while i < len(words):
        n = rng.randint(low, high)
        out.append(" ".join(words[i : i + n]))
        i += n
    return out


def _units(tokens: list[str]) -> list[tuple[str, bool]]:
    """Tokens, with numbers exploded into runs of their own: (text, own_run)."""
    out: list[tuple[str, bool]] = []
    for token in tokens:
        if any(c.isdigit() for c in token):
            m = _NUMBER_TOKEN_RE.match(token)
            if m:
                if m.group(1):
                    out.append(("و+", True))  # the conjunction, glued to the number in reading
                out.append((m.group(2), True))
                if m.group(3):
                    out.append(("+" + m.group(3), True))  # leads the next run
                continue
            out.append((token, True))
        else:
            out.append((token, False))
    return out


def garble_line(line: str, rng: random.Random) -> str:
    """One logical line → the text a run-reversing extractor gives for it."""
    number = None
    spaced = ""
    m = _PARA_NUMBER_RE.match(line)
    if m:
        number = m.group(1)
        spaced = m.group(2)
        line = line[m.end() :]
    units = _units(line.split())
    # Cut into runs (lists of tokens) of 1-5 tokens; own-run units stand alone.
    runs: list[list[str]] = []
    current: list[str] = []
    limit = rng.randint(1, 5)
    for text, own in units:
        if own:
            if current:
                runs.append(current)
            runs.append([text])
            current = []
            limit = rng.randint(1, 5)
            continue
        current.append(text)
        if len(current) >= limit:
            runs.append(current)
            current = []
            limit = rng.randint(1, 5)
    if current:
        runs.append(current)
    # Markers: "و+" glues to the next run; "+،" leads the next run.
    merged: list[list[str]] = []
    lead = ""
    for run in runs:
        if run == ["و+"]:
            merged.append(["و"])
            continue
        if len(run) == 1 and run[0].startswith("+"):
            lead = run[0][1:]
            continue
        if lead:
            run = [lead, *run]
            lead = ""
        merged.append(run)
    if lead:
        merged.append([lead])
    runs = merged
    # A comma that ends a run may lead the next one; a word may be cut across two runs.
    for i in range(len(runs) - 1):
        last = runs[i][-1]
        if last.endswith("،") and len(last) > 1 and rng.random() < 0.5:
            runs[i][-1] = last[:-1]
            runs[i + 1] = ["،", *runs[i + 1]]
    if len(runs) >= 2 and rng.random() < 0.3:
        i = rng.randrange(len(runs))
        run = runs[i]
        k = rng.randrange(len(run))
        if _ARABIC_WORD_RE.match(run[k]) and k + 1 < len(run):
            word = run[k]
            cut = rng.randint(2, len(word) - 2)
            runs[i : i + 1] = [[*run[:k], word[:cut]], [word[cut:], *run[k + 1 :]]]
    # Reverse; separators: glued, one space, or justification.
    pieces = [" ".join(run) for run in reversed(runs)]
    out = pieces[0]
    for prev, piece in itertools.pairwise(pieces):
        r = rng.random()
        glueable = prev[-1].isalnum() and piece[0].isalnum()
        if r < 0.2 and glueable:
            sep = ""
        elif r < 0.6:
            sep = " "
        else:
            sep = " " * rng.randint(2, 4)
        out += sep + piece
    if number:
        out += "   -" + spaced + number
    return out.translate(_EASTERN)


def reverse_chars(line: str) -> str:
    """A whole line in visual order: its characters reversed (digit groups too)."""
    return line[::-1]
