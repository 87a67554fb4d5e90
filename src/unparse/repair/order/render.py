"""Rendering a reading: the runs, in reading order, joined with what goes between them.

>>> from unparse.repair.order.atoms import atomize
>>> from unparse.repair.order.model import DocumentModel
>>> runs = [atomize("دعت الجمعية"), atomize("، في قرارها")]
>>> render(runs, DocumentModel([]))
'دعت الجمعية، في قرارها'
"""

from __future__ import annotations

import itertools

import regex

from .. import wordlist
from .atoms import (
    CLAUSE_PUNCT,
    CLOSERS,
    MARK,
    NUM,
    OPENERS,
    TATWEEL,
    WORD,
    Atom,
    mirrored_group_before,
    opens_mirrored_group,
)
from .model import DocumentModel, glue_bonus

_REFERENCE_RE = regex.compile(r"\)[\p{Nd}*]{1,3}\($")


def glue_score(left: str, right: str, model: DocumentModel) -> bool:
    """A word broken across two runs: ``"الأم"`` + ``"م"`` → ``"الأمم"``."""
    return glue_bonus(wordlist.lookup_key(left), wordlist.lookup_key(right), model) > 0


def _segment_text(atoms: list[Atom]) -> str:
    text = atoms[0].text + "".join(a.gap + a.text for a in atoms[1:])
    if (
        len(atoms) > 2
        and atoms[-1].text == "("
        and atoms[-1].gap
        and mirrored_group_before(atoms, len(atoms) - 1)
    ):
        # A mirrored group ")بروتوكول … (": no space before its closing parenthesis.
        text = text[: -len(atoms[-1].gap) - 1] + "("
    return text


def _maybe_unreverse(run: list[Atom], following: list[Atom] | None, model: DocumentModel) -> list[Atom]:
    """A short run whose own characters came out reversed: ``"يف"`` → ``"في"`` before ``"ينا،"``."""
    if len(run) != 1 or run[0].kind != WORD or len(run[0].key) > 3 or not following:
        return run
    nxt = following[0]
    if nxt.kind != WORD:
        return run
    rev = run[0].text[::-1]
    if wordlist.zipf(rev) < wordlist.zipf(run[0].text) + 2.0:
        return run
    if not glue_score(rev, nxt.text, model):
        return run
    return [Atom(rev, WORD, run[0].gap, wordlist.lookup_key(rev))]


def _joiner(left: list[Atom], right: list[Atom], model: DocumentModel) -> str:
    """What goes between two runs placed side by side in reading order."""
    a, b = left[-1], right[0]
    if b.text == ")" and opens_mirrored_group(right, 0):
        return " "  # a mirrored group ")بروتوكول … (" opens with its ")"
    if b.text in CLAUSE_PUNCT or b.text in CLOSERS:
        return ""
    if b.text == "*" and len(right) == 1:
        return ""  # a footnote asterisk, a run of its own, follows its word: "الأولية*"
    if b.kind == MARK and a.kind in (WORD, NUM) and _REFERENCE_RE.match(b.text):
        return ""  # a footnote reference follows its word: "الوطنية" + ")١(" → "الوطنية)١("
    if a.text in OPENERS:
        return ""
    if a.text == "/" or b.text == "/":
        return ""
    if a.kind == NUM and b.kind == WORD:
        # A number glued to the word after it is the mark of reversed runs itself (and once
        # a tatweel between them is stripped, a second pass would reorder the line again).
        return " "
    if a.text.endswith(TATWEEL) or b.text.startswith(TATWEEL):
        return ""
    if a.kind == WORD and a.key == "و" and len(left) == 1:
        return ""
    if a.text == "-" and b.kind == NUM and len(left) >= 1:
        return ""
    if b.text == "-" and a.kind == NUM:
        return ""
    if a.kind == WORD and b.kind == WORD and glue_score(a.text, b.text, model):
        return ""
    return " "


def render(runs: list[list[Atom]], model: DocumentModel) -> str:
    """The runs, already in reading order, joined."""
    fixed: list[list[Atom]] = []
    for i, run in enumerate(runs):
        fixed.append(_maybe_unreverse(run, runs[i + 1] if i + 1 < len(runs) else None, model))
    out = _segment_text(fixed[0])
    for left, right in itertools.pairwise(fixed):
        out += _joiner(left, right, model) + _segment_text(right)
    return out
