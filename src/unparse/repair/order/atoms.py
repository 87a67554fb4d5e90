"""Atoms: the pieces of a line that surely belong to one run (a word, a number, a Latin
symbol, a mirrored marker such as ``")١("``, a punctuation mark), each with the whitespace
found before it.

>>> [(a.text, a.kind, a.gap) for a in atomize("في القرار ٦٣/١٩٤،")]
[('في', 'word', ''), ('القرار', 'word', ' '), ('٦٣/١٩٤', 'num', ' '), ('،', 'punct', '')]
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import regex

from .. import wordlist

WORD = "word"
NUM = "num"
LATIN = "latin"
MARK = "mark"  # a mirrored marker such as ")١(" or ")أ("
PUNCT = "punct"

_ATOM_RE = regex.compile(
    r"""(?V1)
    (?P<mark>\)[^\s()]{1,12}\()
  | (?P<latin>\p{Latin}[\p{Latin}\p{Nd}./\-]*)
  | (?P<num>\p{Nd}+(?:[/.,:٫٬]\p{Nd}+)*)
  | (?P<word>[[\p{L}\p{M}]--[\p{Latin}]]+)
  | (?P<punct>\S)
    """,
    regex.VERBOSE,
)
# The same atoms, each with the whitespace before it, in one findall per line. Every
# non-space character starts an atom, so matches are contiguous: \G anchors each one where
# the last ended (without it, trailing spaces were rescanned from every position: a line
# of n spaces cost n squared) and the gap is possessive.
_GAP_ATOM_RE = regex.compile(
    r"\G(\s*+)(?:" + _ATOM_RE.pattern.replace("(?V1)", "") + ")", regex.VERBOSE | regex.V1
)
# A sub-item label as a run-reversed line gives it, mirrored: ")أ(" for "(أ)" (letters only:
# ")١(" is as often a footnote's marker).
LABEL_RE = regex.compile(r"(?V1)\)[\p{Arabic}&&\p{L}]{1,2}\(")
CLAUSE_PUNCT = frozenset("،؛.:,;")
OPENERS = frozenset("([{«")
CLOSERS = frozenset(")]}»")
TATWEEL = "\u0640"
LAST_WORD_RE = regex.compile(r"(?rV1)[[\p{L}\p{M}]--[\p{Latin}]]+(?=\s*$)")


@dataclass(slots=True)
class Atom:
    text: str
    kind: str
    gap: str  # the whitespace before this atom in the line ("" when glued)
    key: str = ""  # lookup form of a word (no diacritics, no tatweel)
    split: bool = False  # glued to the previous atom by the dictionary split of one token


def atomize(text: str) -> list[Atom]:
    """Split a line into atoms, keeping the whitespace found before each."""
    atoms: list[Atom] = []
    append, lookup_key = atoms.append, wordlist.lookup_key
    for gap, mark, latin, num, word, punct in _GAP_ATOM_RE.findall(text):
        if word:
            append(Atom(word, WORD, gap, lookup_key(word)))
        elif punct:
            append(Atom(punct, PUNCT, gap))
        elif num:
            append(Atom(num, NUM, gap))
        elif latin:
            append(Atom(latin, LATIN, gap))
        else:
            append(Atom(mark, MARK, gap))
    return atoms


def word_keys(atoms: list[Atom]) -> list[str]:
    return [a.key for a in atoms if a.kind == WORD]


def word_pairs(atoms: list[Atom]) -> list[tuple[str, str]]:
    return [
        (left.key, right.key)
        for left, right in itertools.pairwise(atoms)
        if right.gap == " " and left.kind == WORD and right.kind == WORD
    ]


def standalone(atoms: list[Atom], i: int) -> bool:
    """Whether atom i has space (or the line edge) on both sides."""
    before = i == 0 or atoms[i].gap != ""
    after = i + 1 >= len(atoms) or atoms[i + 1].gap != ""
    return before and after


def mirrored_group_before(atoms: list[Atom], i: int) -> bool:
    """Whether the ``"("`` at atom i closes a mirrored group ``")… ("`` (opened by a ``")"``
    glued to the atom after it)."""
    for k in range(i - 1, -1, -1):
        text = atoms[k].text
        if text == "(":
            return False
        if text == ")":
            return k + 1 < i and atoms[k + 1].gap == ""
    return False


def opens_mirrored_group(atoms: list[Atom], i: int) -> bool:
    """Whether the ``")"`` at atom i opens a mirrored group ``")بروتوكول … ("``."""
    if i + 1 >= len(atoms) or atoms[i + 1].gap:
        return False
    for k in range(i + 1, len(atoms)):
        text = atoms[k].text
        if text == ")":
            return False
        if text == "(":
            return mirrored_group_before(atoms, k)
    return False


PROCLITICS = frozenset(("و", "ب", "ل", "ك", "ف", "وب", "ول"))
