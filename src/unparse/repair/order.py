"""Run-order fixer: lines whose runs came out in reverse reading order.

(Lines whose characters *all* came out reversed are :mod:`unparse.repair.visual`'s.)

* :func:`reorder_runs`: a line whose *runs* came out from left to right on the page,
  so the runs are in reverse reading order while each run reads correctly. The repair
  chooses where the run boundaries are and outputs the runs in reverse order, nothing
  added or lost but spaces. Boundaries are scored with a small language model learned
  from the document itself (word pairs found inside runs, backed off to word shapes), a
  general Arabic word list, the last word of the line before, and words broken across a
  run edge (pieces that join into a word the document or the list knows), by dynamic
  programming over the boundary choices; the margin between the best and the next-best
  reading is the confidence.

It decides first, from evidence in the whole document, whether the damage is there at
all: clean documents are returned untouched.
"""

from __future__ import annotations

import functools
import itertools
import math
import operator
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import cast

import regex

from ..lexicon import LEVANTINE_MONTHS, SECTION_LETTERS, SECTION_ORDINALS
from . import unpc, wordlist
from .pipeline import Context, Line

# ---------------------------------------------------------------------------
# Atoms: the pieces of a line that surely belong to one run.
# ---------------------------------------------------------------------------

_WORD = "word"
_NUM = "num"
_LATIN = "latin"
_MARK = "mark"  # a mirrored marker such as ")١(" or ")أ("
_PUNCT = "punct"

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
_CLAUSE_PUNCT = frozenset("،؛.:,;")
_OPENERS = frozenset("([{«")
_CLOSERS = frozenset(")]}»")
_TATWEEL = "\u0640"
_LAST_WORD_RE = regex.compile(r"(?rV1)[[\p{L}\p{M}]--[\p{Latin}]]+(?=\s*$)")


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
            append(Atom(word, _WORD, gap, lookup_key(word)))
        elif punct:
            append(Atom(punct, _PUNCT, gap))
        elif num:
            append(Atom(num, _NUM, gap))
        elif latin:
            append(Atom(latin, _LATIN, gap))
        else:
            append(Atom(mark, _MARK, gap))
    return atoms


# ---------------------------------------------------------------------------
# Document-level evidence: is this document's text run-reversed at all?
# ---------------------------------------------------------------------------

_END_NUMBER_RE = regex.compile(r"(?:^|\s)[-–]\s*(\p{Nd}{1,3}(?:/\p{Nd}{1,4})?)\s*$")
# A section label that came out at the line end: "مقدّمة  -أولاً" → "أولاً - مقدّمة".
_LABELS = "|".join(
    sorted((regex.escape(x) for x in SECTION_ORDINALS + SECTION_LETTERS), key=len, reverse=True)
)
_END_LABEL_RE = regex.compile(rf"(?:^|\s)[-–]\s*({_LABELS})\s*$")
_START_NUMBER_RE = regex.compile(r"^\s*(?:\p{Nd}{1,3}\s*[-–]\s|\(\p{Nd}{1,3}\)\s)")
_PUNCT_START_RE = regex.compile(r"^\s*[،؛.]")
_PUNCT_END_RE = regex.compile(r"[،؛.:]\s*$")
_DIGIT_LETTER_RE = regex.compile(r"(?V1)\p{Nd}[\p{Arabic}&&\p{L}]")


def run_reversal_evidence(lines: Sequence[Line]) -> tuple[int, int]:
    """(lines showing run reversal, lines showing logical order) over the document.

    Reversed: a paragraph number at the line end (``"... - ١"``), a line starting with a
    comma or full stop, digits glued to the letters after them (``"٦٣/١٩٤عملاً"``).
    Logical: a line starting with its number (``"1 - "``, ``"(1) "``), a line ending with
    punctuation.
    """
    texts = skeletons(lines)
    glued = _DIGIT_LETTER_RE.search("\n".join(texts)) is not None
    bad = good = 0
    for text in texts:
        head, tail = text.lstrip()[:1], text.rstrip()[-1:]
        if head:
            bad += _reads_reversed_line(text, head, tail, glued)
            good += _reads_logical_line(text, head, tail)
    return bad, good


_MARKS_RE = regex.compile(r"[\p{M}\u0640]+")


def skeletons(lines: Sequence[Line]) -> list[str]:
    """The lines without marks and tatweel, as the evidence is read: a later step may strip
    them (``Options.keep_diacritics=False``, ``strip_tatweel``), and a digit or comma they
    hid must count the same before and after, or a second pass would decide otherwise."""
    joined = "\n".join(line.text for line in lines)
    if _MARKS_RE.search(joined):
        joined = _MARKS_RE.sub("", joined)
    return joined.split("\n")


# Each pattern runs only where the line's first or last character allows a match (str.strip
# removes every character regex's \s matches): a clean document costs a few string
# operations per line instead of five searches.
def _reads_reversed_line(text: str, head: str, tail: str, glued: bool = True) -> bool:
    return bool(
        (tail.isdigit() and _END_NUMBER_RE.search(text))
        or (head in _CLAUSE_START and _PUNCT_START_RE.search(text))
        or (glued and _DIGIT_LETTER_RE.search(text))
    )


def _reads_logical_line(text: str, head: str, tail: str) -> bool:
    return bool(
        ((head.isdigit() or head == "(") and _START_NUMBER_RE.search(text))
        or (tail in _CLAUSE_END and _PUNCT_END_RE.search(text))
    )


_CLAUSE_START = frozenset("،؛.")
_CLAUSE_END = frozenset("،؛.:")


def is_run_reversed(lines: Sequence[Line], evidence: dict[str, int] | None = None) -> bool:
    """The document decision: clear evidence of reversed runs, not outweighed by order.

    Clean samples score (0, 100) and (0, 50); the run-reversed ones (46, 3), (47, 15),
    (83, 12). A garbled line often still ends with a comma, so "logical" counts half.
    ``evidence``, if given, receives the counts (``lines_read_reversed``,
    ``lines_read_logical``: the latter only counted when the first reaches 3).
    """
    texts = skeletons(lines)
    glued = _DIGIT_LETTER_RE.search("\n".join(texts)) is not None
    edges = [(text, text.lstrip()[:1], text.rstrip()[-1:]) for text in texts]
    bad = sum(bool(head) and _reads_reversed_line(text, head, tail, glued) for text, head, tail in edges)
    if evidence is not None:
        evidence["lines_read_reversed"] = bad
    if bad < 3:
        return False  # most documents: no need to count the evidence of order
    good = sum(bool(head) and _reads_logical_line(text, head, tail) for text, head, tail in edges)
    if evidence is not None:
        evidence["lines_read_logical"] = good
    return 2 * bad >= good


# ---------------------------------------------------------------------------
# The language model learned from the document.
# ---------------------------------------------------------------------------

# General knowledge: the two-word Levantine month names are always in this order.
_FIXED_BIGRAMS: list[tuple[str, str]] = [(m.split()[0], m.split()[1]) for m in LEVANTINE_MONTHS if " " in m]


_NO_PAIRS: Counter[tuple[str, str]] = Counter()
_NOTHING: frozenset[str] = frozenset()
_NO_SHAPE = "\x00"  # the shape of a non-word atom: no backoff value (no key holds a NUL)


class DocumentModel:
    """Word and word-pair counts over the document's runs (pairs joined by one space).

    Most single-space pairs lie inside runs, which read correctly, and UN prose repeats
    its phrases; a pair seen again elsewhere in the document is evidence of order.
    """

    def __init__(self, atom_lines: Iterable[list[Atom]]) -> None:
        self.unigrams: Counter[str] = Counter()
        self.bigrams: Counter[tuple[str, str]] = Counter()
        for atoms in atom_lines:
            self.unigrams.update(_keys(atoms))
            self.bigrams.update(_pairs(atoms))
        for pair in _FIXED_BIGRAMS:
            self.bigrams[pair] += 5
        self.total = max(1, sum(self.unigrams.values()))
        self._cache: dict[tuple[str, str], float] = {}
        self.bg = unpc.table()
        self.bg_weight = _BG_WEIGHT
        self._bg: dict[tuple[str, str], float] = {}
        self.splits: dict[str, list[str]] = {}  # split_glued, per token
        self.glues: dict[tuple[str, str], float] = {}  # glue_bonus, per pair
        self.unseen: dict[int, float] = {}  # association of an unseen pair, per count product
        self._poor: dict[str, bool] = {}
        # Backoff: the same counts over word shapes (frequent words stand for themselves).
        self._shapes: dict[str, str] = {}
        self.shape_rows: dict[str, dict[str, float]] = {}  # shape_value, per left and right shape
        # Fragments found to join into one word (_split_fragments), per first fragment.
        self.fragments: dict[str, set[str]] = {}
        self.shape_bigrams: Counter[tuple[str, str]] = Counter()
        self.shape_left: Counter[str] = Counter()
        self.shape_right: Counter[str] = Counter()
        self._shapes.update((key, _shape(key, count)) for key, count in self.unigrams.items())
        shape_bigrams, shape_left, shape_right = self.shape_bigrams, self.shape_left, self.shape_right
        after: dict[str, set[str]] = {}
        for (u, v), count in self.bigrams.items():
            su, sv = self.shape(u), self.shape(v)
            shape_bigrams[(su, sv)] += count
            shape_left[su] += count
            shape_right[sv] += count
            follow = after.get(u)
            if follow is None:
                after[u] = {v}
            else:
                follow.add(v)
        self.shape_total = max(1, sum(shape_bigrams.values()))
        self.followers = {u: frozenset(vs) for u, vs in after.items()}  # the words seen after each

    def background(self, u: str, v: str) -> float:
        """The association of two words in real UN Arabic (:mod:`.unpc`), weighted; 0 for a
        non-word."""
        if not self.bg_weight:
            return 0.0
        key = (u, v)
        value = self._bg.get(key)
        if value is None:
            if not u or not v or self.bigrams.get(key, 0) >= 2:
                value = 0.0  # the document's own evidence comes first
            else:
                value = self.bg_weight * self.bg.association(u, v)
            self._bg[key] = value
        return value

    def plausibility(self, u: str, v: str, own: Counter[tuple[str, str]]) -> float:
        """How plausible ``u v`` is as it stands: the document's evidence and UN Arabic's."""
        doc = self.association(u, v, own) if (u, v) in own else self.pair(u, v)
        return doc + self.background(u, v)

    def shape(self, key: str) -> str:
        """A word's class for the backoff model: itself when frequent, else its affixes."""
        shape = self._shapes.get(key)
        if shape is None:
            shape = self._shapes[key] = _shape(key, self.unigrams.get(key, 0))
        return shape

    def shape_row(self, su: str) -> dict[str, float]:
        """The cached :meth:`shape_value` of ``su`` with each right shape met so far."""
        row = self.shape_rows.get(su)
        if row is None:
            row = self.shape_rows[su] = {}
        return row

    def shape_value(self, su: str, sv: str) -> float:
        """Weighted association of two shapes, cached per pair (0 for a non-word's)."""
        row = self.shape_row(su)
        value = row.get(sv)
        if value is None:
            if su == _NO_SHAPE or sv == _NO_SHAPE:
                value = 0.0
            else:
                seen = self.shape_bigrams.get((su, sv), 0)
                expected = self.shape_left.get(su, 0) * self.shape_right.get(sv, 0) / self.shape_total
                value = _SHAPE_WEIGHT * math.log((seen + _SHAPE_SMOOTH) / (expected + _SHAPE_SMOOTH))
            row[sv] = value
        return value

    def pair(self, u: str, v: str) -> float:
        """Association of two words with no pair of the line left out (the unseen value
        depends on the product of the counts only, so it is cached per product)."""
        if (u, v) in self.bigrams:
            return self.association(u, v, _NO_PAIRS)
        return self.unseen_value(self.unigrams.get(u, 0) * self.unigrams.get(v, 0))

    def unseen_value(self, product: int) -> float:
        """Association of a pair never seen, whose two counts multiply to ``product``."""
        value = self.unseen.get(product)
        if value is None:
            value = self.unseen[product] = math.log(0.2 / (0.2 + product / self.total))
        return value

    def junction(self, u: str, v: str, own: Counter[tuple[str, str]] = _NO_PAIRS) -> float:
        """Word ``u`` followed by word ``v`` across a run junction: their association, the
        shape backoff, and the bonus for two pieces of one word (see :func:`_junctions`)."""
        value = self.association(u, v, own) if (u, v) in own else self.pair(u, v)
        value += self.shape_value(self.shape(u), self.shape(v)) + self.background(u, v)
        if self.poor(u) or self.poor(v) or self.unigrams.get(u + v, 0) >= 2:
            value += glue_bonus(u, v, self)
        return value

    def poor(self, key: str) -> bool:
        """A piece that is no good word by itself (:func:`_is_poor_word`), cached."""
        value = self._poor.get(key)
        if value is None:
            value = self._poor[key] = _is_poor_word(key, self)
        return value

    def association(self, u: str, v: str, own: Counter[tuple[str, str]]) -> float:
        """How much more often ``u v`` occurs than chance (log scale), leaving out this line."""
        key = (u, v)
        if key not in own:
            cached = self._cache.get(key)
            if cached is None:
                cached = self._cache[key] = self._association(u, v, 0)
            return cached
        return self._association(u, v, own[key])

    def _association(self, u: str, v: str, mine: int) -> float:
        if not u or not v:
            return 0.0
        seen = max(0, self.bigrams.get((u, v), 0) - mine)
        expected = self.unigrams.get(u, 0) * self.unigrams.get(v, 0) / self.total
        return math.log((seen + 0.2) / (0.2 + expected))


_SHAPE_WEIGHT = 0.5
# The background (UN Arabic, :mod:`.unpc`) association beside the document's own; in a
# document with run-reversal evidence its own pairs are many and come first: at 0.25 the
# table took run-reversed normalize 0.149 -> 0.19 s on the three samples (+30%) for doc CER
# 35.2% -> 34.3% on the garbler (dev); off there until its lookups are cheaper.
_BG_WEIGHT = 2.0
_BG_WEIGHT_REVERSED = 0.0
_SHAPE_SMOOTH = 1.0
_FREQUENT = 6
_PREFIXES = ("وبال", "وال", "بال", "لل", "كال", "فال", "ال", "و", "ب", "ل")
_SUFFIXES = ("ات", "ين", "ون", "ية", "ة", "ي", "ا", "ها", "هم", "ه")


def _shape(key: str, count: int) -> str:
    if count >= _FREQUENT or len(key) <= 2:
        return key
    prefix = suffix = ""
    if key.startswith(_PREFIXES):
        for p in _PREFIXES:
            if key.startswith(p) and len(key) > len(p) + 2:
                prefix = p
                break
    if key.endswith(_SUFFIXES):
        for x in _SUFFIXES:
            if key.endswith(x) and len(key) > len(prefix) + len(x) + 1:
                suffix = x
                break
    return f"{prefix}_{suffix}"


def _keys(atoms: list[Atom]) -> list[str]:
    return [a.key for a in atoms if a.kind == _WORD]


def _pairs(atoms: list[Atom]) -> list[tuple[str, str]]:
    return [
        (left.key, right.key)
        for left, right in itertools.pairwise(atoms)
        if right.gap == " " and left.kind == _WORD and right.kind == _WORD
    ]


# ---------------------------------------------------------------------------
# Glued runs: a token that is no word but splits into words.
# ---------------------------------------------------------------------------

_MIN_PIECE_ZIPF = 3.0
_MIN_PIECE_AVERAGE = -5.0  # log10 probability per piece: pieces must be common words
_DOC_PIECE_BONUS = 1.5


def _piece_score(piece: str, model: DocumentModel) -> float | None:
    key = wordlist.lookup_key(piece)
    if len(key) < 2 or key == "ال" or piece.startswith(_TATWEEL) or piece.endswith(_TATWEEL):
        return None
    z = wordlist.zipf(key)
    if len(key) == 2 and z < 5.0:
        return None
    if len(key) <= 4 and key.endswith("ال"):
        return None  # "وال", "بال": an article with its prefixes is no word
    if z < _MIN_PIECE_ZIPF and key.startswith("و") and len(key) > 3:
        z = wordlist.zipf(key[1:]) - 0.5  # "والفعال": the conjunction and a word
    if z < _MIN_PIECE_ZIPF:
        return None
    score = z - 9.0  # log10 probability
    if model.unigrams.get(key, 0) >= 1:
        score += _DOC_PIECE_BONUS
    return score


def split_glued(word: str, model: DocumentModel) -> list[str]:
    """``"العامالأميندعت"`` → ``["العام", "الأمين", "دعت"]``; a word stays whole.

    Only a token that is unknown to the word list and to the document is split, into at
    most three pieces that are each common words (or words of the document); among the
    splits the most probable one (product of the pieces' frequencies) wins.
    """
    key = wordlist.lookup_key(word)
    if len(key) < 5 or wordlist.zipf(key) > 0 or model.unigrams.get(key, 0) >= 2:
        return [word]
    if key != word:
        # Tatweel or marks inside ("الــوطنيةالمتــحدة"): split the lookup form, then cut the
        # word before the same letters (a mark stays with its letter, tatweel with the left).
        kept = [i for i, ch in enumerate(word) if not _STRIPPED_RE.match(ch)]
        pieces = _split_key(key, model)
        if len(pieces) == 1:
            return [word]
        cuts, at = [], 0
        for piece in pieces[:-1]:
            at += len(piece)
            cuts.append(kept[at])
        return [word[a:b] for a, b in itertools.pairwise([0, *cuts, len(word)])]
    return _split_key(word, model)


_STRIPPED_RE = regex.compile("[\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # wordlist.lookup_key's


def _split_key(word: str, model: DocumentModel) -> list[str]:
    """:func:`split_glued` of a word with nothing to strip."""
    best: tuple[float, list[str]] = (-math.inf, [word])
    n = len(word)
    for i in range(2, n - 1):
        a = _piece_score(word[:i], model)
        if a is None:
            continue
        b = _piece_score(word[i:], model)
        if b is not None and a + b > best[0] and (a + b) / 2 >= _MIN_PIECE_AVERAGE:
            best = (a + b, [word[:i], word[i:]])
        for j in range(i + 2, n - 1):
            b2 = _piece_score(word[i:j], model)
            if b2 is None:
                continue
            c = _piece_score(word[j:], model)
            if c is not None:
                score = a + b2 + c
                if score > best[0] and score / 3 >= _MIN_PIECE_AVERAGE:
                    best = (score, [word[:i], word[i:j], word[j:]])
    return best[1]


# ---------------------------------------------------------------------------
# Boundaries and their priors.
# ---------------------------------------------------------------------------

_FORCED = math.inf
_FORCED_EVIDENCE = 2.0  # what a forced boundary says for reordering (a glued number, a split token)
_SINGLE_SPACE_COST = -1.5
_MULTI_SPACE_BONUS = 1.0
_SEPARATE_RUN_BONUS = 4.0  # numbers, Latin symbols and markers are runs of their own
_MAX_CANDIDATES = 12  # candidate boundaries per line (forced ones always kept)
# A single-space pair whose association reaches this is no candidate (measured: 10% faster,
# 2 garbled lines of 2147 lost).
_SURE_PAIR = 2.0


def _standalone(atoms: list[Atom], i: int) -> bool:
    """Whether atom i has space (or the line edge) on both sides."""
    before = i == 0 or atoms[i].gap != ""
    after = i + 1 >= len(atoms) or atoms[i + 1].gap != ""
    return before and after


def _separate(atoms: list[Atom], i: int) -> bool:
    """Atoms that are runs of their own in a visual extraction: numbers, Latin symbols,
    markers, and a slash, a footnote asterisk or a full stop standing alone between spaces."""
    atom = atoms[i]
    if atom.kind in (_NUM, _LATIN, _MARK):
        return True
    # A standalone full stop is a run of its own ("ملخصا .  المجتمع"); a standalone comma
    # leads the run after it ("آراء ، إلى").
    return atom.text == "/" or (atom.text in ".:*" and _standalone(atoms, i))


def _reads_reversed(atom: Atom) -> bool:
    """A short word that is far more common reversed: ``"يف"`` (``"في"``)."""
    if atom.kind != _WORD or not 2 <= len(atom.key) <= 3:
        return False
    return wordlist.zipf(atom.key[::-1]) >= wordlist.zipf(atom.key) + 2.0


def _mirrored_group_before(atoms: list[Atom], i: int) -> bool:
    """Whether the ``"("`` at atom i closes a mirrored group ``")… ("`` (opened by a ``")"``
    glued to the atom after it)."""
    for k in range(i - 1, -1, -1):
        text = atoms[k].text
        if text == "(":
            return False
        if text == ")":
            return k + 1 < i and atoms[k + 1].gap == ""
    return False


def _opens_mirrored_group(atoms: list[Atom], i: int) -> bool:
    """Whether the ``")"`` at atom i opens a mirrored group ``")بروتوكول … ("``."""
    if i + 1 >= len(atoms) or atoms[i + 1].gap:
        return False
    for k in range(i + 1, len(atoms)):
        text = atoms[k].text
        if text == ")":
            return False
        if text == "(":
            return _mirrored_group_before(atoms, k)
    return False


_PROCLITICS = frozenset(("و", "ب", "ل", "ك", "ف", "وب", "ول"))


def _boundary_prior(atoms: list[Atom], i: int) -> float | None:
    """Prior for a run boundary before atom i: None = impossible, inf = certain."""
    left, right = atoms[i - 1], atoms[i]
    lk, rk = left.kind, right.kind
    if right.gap == " " and lk == _WORD and rk == _WORD and 1 < i < len(atoms) - 1:
        return _SINGLE_SPACE_COST  # the common case, two words inside the line
    if right.gap == "":
        if right.split:
            return _FORCED
        if left.text == "(" and rk in (_WORD, _NUM) and _mirrored_group_before(atoms, i - 1):
            return _FORCED  # ")بروتوكول … (وبخاصة": a mirrored closing parenthesis ends its run
        if left.text.endswith(_TATWEEL) or right.text.startswith(_TATWEEL):
            return None
        if {lk, rk} & {_NUM, _LATIN, _MARK} and _WORD in {lk, rk}:
            return _FORCED
        if (lk == _MARK and rk == _NUM) or (lk == _NUM and rk == _MARK):
            return _FORCED
        if right.text in "[(" and lk == _WORD and (i + 1 == len(atoms) or atoms[i + 1].gap):
            return _FORCED  # "بناء[": an opening bracket that leads the line's first run
        if left.text in "])" and rk in (_WORD, _MARK, _NUM) and i == 1:
            return _FORCED  # "])A/61/444(": a closing bracket that ends the line
        if lk == _NUM and right.text in "-–" and i + 1 < len(atoms):
            after = atoms[i + 1]
            if after.kind == _NUM and after.gap:
                return _FORCED  # "١٩- ١٥": a range whose two numbers came out reversed
        if left.text in _CLAUSE_PUNCT and rk in (_WORD, _NUM, _MARK, _LATIN):
            return _FORCED  # "،الرق": a comma that starts a run
        if right.text in _CLAUSE_PUNCT:
            if left.text in _CLAUSE_PUNCT and left.text != right.text:
                return _FORCED  # ".، المرفق": two marks never glued in prose; each ends a run
            nxt = atoms[i + 1] if i + 1 < len(atoms) else None
            if lk in (_NUM, _MARK, _LATIN) and right.text in "،؛":
                return _FORCED  # "٦٣/١٩٤، في": the comma starts the next run
            if nxt is not None and nxt.gap == "":
                return _FORCED  # "و،٢٠٠٠": a comma glued on both sides starts a run
            if right.text in ".:":
                return -1.5  # "اعتماد.  في": a full stop may belong to the next run
            return None
        if left.text == "/" or right.text == "/":
            return _FORCED if _WORD in (lk, rk) else None
        return None
    bonus = _MULTI_SPACE_BONUS if len(right.gap) >= 2 else _SINGLE_SPACE_COST
    if i in (1, len(atoms) - 1):
        edge = atoms[0] if i == 1 else atoms[-1]
        if _reads_reversed(edge):
            bonus += 3.0  # "ينا، يف": a short run whose own letters came out reversed
    dash_number = left.text in "-–" and right.kind == _NUM and i >= 2 and left.gap == ""
    if _separate(atoms, i - 1) or _separate(atoms, i) or dash_number:
        bonus += _SEPARATE_RUN_BONUS
    elif right.text == ")" and _opens_mirrored_group(atoms, i):
        bonus += _SEPARATE_RUN_BONUS  # "ورقة )بروتوكول … (": the group is a run of its own
    elif right.text in "،؛" and _standalone(atoms, i):
        bonus += _SEPARATE_RUN_BONUS  # "آراء ، إلى": a standalone comma leads a run
    elif left.text in ".:" and i - 1 == 0:
        bonus += _SEPARATE_RUN_BONUS  # ". إلى": the full stop that ends the line
    return bonus


# ---------------------------------------------------------------------------
# Scoring and dynamic programming.
# ---------------------------------------------------------------------------


# General Arabic: prepositions, relatives and particles are followed by what they govern.
_NEEDS_COMPLEMENT = frozenset(
    [
        *("في", "من", "إلى", "على", "عن", "مع", "بين", "حول", "عبر", "لدى", "ضد"),
        *("حتى", "نحو", "منذ", "دون", "الذي", "التي", "الذين", "أن", "إن", "بأن"),
    ]
)


def _start_score(atom: Atom) -> float:
    """The first atom of a logical line."""
    if atom.text in _CLAUSE_PUNCT or atom.text == "/":
        return -6.0
    if atom.text in _CLOSERS:
        return -3.0
    return 0.0


_END_PUNCT = 1.5


def _end_score(atom: Atom) -> float:
    """The last atom of a logical line."""
    if atom.text in _CLAUSE_PUNCT:
        return _END_PUNCT
    if atom.text in _OPENERS or atom.text == "/":
        return -3.0
    return 0.0


@dataclass
class Reading:
    cuts: list[int]  # atom indices where a run starts (excluding 0)
    score: float
    # How much better than the line as it stands (forced boundaries count _FORCED_EVIDENCE).
    gain: float = 0.0


@functools.cache
def _cells(m: int) -> tuple[list[int], list[int], list[int]]:
    """The junction cells of a line with m positions, flat: row r (2 <= r < m) holds the
    columns k < r - 1; (rows, columns, where each row starts)."""
    rows = [r for r in range(2, m) for _ in range(r - 1)]
    columns = [k for r in range(2, m) for k in range(r - 1)]
    offsets = [0, 0, 0]
    for r in range(2, m):
        offsets.append(offsets[-1] + r - 1)
    return rows, columns, offsets


def _junctions(
    atoms: list[Atom],
    keys: list[str],
    positions: list[int],
    first_bonus: list[float],
    model: DocumentModel,
    own: Counter[tuple[str, str]],
) -> list[list[float]]:
    """junction[r][k]: the last atom of a run ending at positions[r] followed by the first
    atom of a run starting at positions[k] (only runs that start before it can follow it),
    plus first_bonus[k]; :meth:`DocumentModel.junction` for a pair of words.

    The hot loop, so every cell of the line is done at once, one term at a time by
    ``map`` over flat lists: the association of an unseen pair (by the product of the
    counts), the shape backoff, then the few cells that need more (a seen pair, two pieces
    that may glue, a preposition before a marker, a pair of the line itself).
    """
    m = len(positions)
    rows, columns, offsets = _cells(m)
    unigrams, shape, poor = model.unigrams, model.shape, model.poor
    ends = [""] * m
    for r in range(2, m):
        ends[r] = keys[positions[r] - 1]
    starts = [keys[pos] for pos in positions[:-1]]
    us = list(map(ends.__getitem__, rows))
    vs = list(map(starts.__getitem__, columns))
    add, repeat = operator.add, itertools.repeat
    indices = range(len(vs))
    # The association of an unseen pair depends on the product of the counts only.
    end_counts = [unigrams.get(u, 0) if u else 0 for u in ends]
    start_counts = [unigrams.get(v, 0) if v else 0 for v in starts]
    products = list(
        map(operator.mul, map(end_counts.__getitem__, rows), map(start_counts.__getitem__, columns))
    )
    values = list(map(model.unseen.get, products))
    if None in values:
        unseen_value = model.unseen_value
        for i in [i for i, value in enumerate(values) if value is None]:
            values[i] = unseen_value(products[i])
    followers = [model.followers.get(u, _NOTHING) if u else _NOTHING for u in ends]
    seen = list(map(frozenset.__contains__, map(followers.__getitem__, rows), vs))
    if True in seen:
        association = model.association
        for i in itertools.compress(indices, seen):
            values[i] = association(us[i], vs[i], _NO_PAIRS)
    # The shape backoff, from one dict per left shape.
    end_rows = [model.shape_row(shape(u) if u else _NO_SHAPE) for u in ends]
    start_shapes = [shape(v) if v else _NO_SHAPE for v in starts]
    shaped = list(map(dict.get, map(end_rows.__getitem__, rows), map(start_shapes.__getitem__, columns)))
    if None in shaped:
        # DocumentModel.shape_value, inline: the first sight of a pair of shapes.
        shape_bigrams, shape_right, total = model.shape_bigrams, model.shape_right, model.shape_total
        end_shapes = [shape(u) if u else _NO_SHAPE for u in ends]
        left = [model.shape_left.get(su, 0) for su in end_shapes]
        log = math.log
        for i in [i for i, value in enumerate(shaped) if value is None]:
            r, sv = rows[i], start_shapes[columns[i]]
            su = end_shapes[r]
            if su == _NO_SHAPE or sv == _NO_SHAPE:
                value = 0.0
            else:
                expected = left[r] * shape_right.get(sv, 0) / total
                value = _SHAPE_WEIGHT * log(
                    (shape_bigrams.get((su, sv), 0) + _SHAPE_SMOOTH) / (expected + _SHAPE_SMOOTH)
                )
            shaped[i] = end_rows[r][sv] = value
    cells = list(map(add, values, cast(list[float], shaped)))
    cells = list(map(add, cells, map(model.background, us, vs)))
    # Glue (_glued): only where the two spell a word the document repeats, or a common
    # word of the list and a piece is poor, or were found to be fragments of one word.
    joined = list(map(add, us, vs))
    counted = list(map(unigrams.get, joined, repeat(0)))
    glue_at = set(itertools.compress(indices, counted))
    poor_ends = [bool(u) and poor(u) for u in ends]
    poor_starts = [bool(v) and poor(v) for v in starts]
    either = list(map(operator.or_, map(poor_ends.__getitem__, rows), map(poor_starts.__getitem__, columns)))
    if True in either:
        poor_at = list(itertools.compress(indices, either))
        listed = map(wordlist.table().get, map(joined.__getitem__, poor_at), repeat(0.0))
        glue_at.update(itertools.compress(poor_at, map(operator.ge, listed, repeat(3.0))))
    forced = model.fragments
    if forced and not forced.keys().isdisjoint(ends):
        glue_at.update(i for i, u in enumerate(us) if u in forced and vs[i] in forced[u])
    for i in sorted(glue_at):
        u, v = us[i], vs[i]
        if u and v and (either[i] or counted[i] >= 2):
            cells[i] += glue_bonus(u, v, model)
    if first_bonus and any(first_bonus):
        cells = list(map(add, cells, map(first_bonus.__getitem__, columns)))
    junction: list[list[float]] = [[] for _ in range(m)]
    for r in range(2, m):
        junction[r] = cells[offsets[r] : offsets[r + 1]]
    governing = [r for r in range(2, m) if ends[r] in _NEEDS_COMPLEMENT]
    if governing:
        bare = [k for k, pos in enumerate(positions[:-1]) if atoms[pos].kind in (_MARK, _PUNCT)]
        for r in governing:
            for k in itertools.takewhile((r - 1).__gt__, bare):
                junction[r][k] -= 1.5  # "على )A/61/444(": a preposition with nothing to govern
    if own and True in map(own.__contains__, zip(us, vs, strict=True)):
        # A pair of this line is counted without its own occurrences.
        for r in range(2, m):
            u = ends[r]
            for k in range(r - 1):
                if (u, starts[k]) in own and starts[k]:
                    junction[r][k] = model.junction(u, starts[k], own) + first_bonus[k]
    return junction


def best_readings(
    atoms: list[Atom],
    model: DocumentModel,
    own: Counter[tuple[str, str]],
    before: str = "",
) -> list[Reading]:
    """The best choice of run boundaries (dynamic programming) and the score of the best
    reading that differs from it by one boundary (its runner-up, for the confidence).

    With boundaries ``0 = b0 < b1 < ... < bk = n`` the output is the runs in reverse, so
    the pairs that change are at the junctions: the last atom of run j+1 followed by the
    first atom of run j. That score depends on (b_j, b_{j+2}) only, so the state is the
    last two boundaries.
    """
    n = len(atoms)
    priors: dict[int, float] = {}
    optional: list[int] = []
    for i in range(1, n):
        right = atoms[i]
        if right.gap == " " and right.kind == _WORD and atoms[i - 1].kind == _WORD and 1 < i < n - 1:
            p = _SINGLE_SPACE_COST  # the common case (_boundary_prior's first)
        else:
            prior = _boundary_prior(atoms, i)
            if prior is None:
                continue
            p = prior
        priors[i] = p
        if p == _SINGLE_SPACE_COST and right.gap == " ":
            optional.append(i)
    association = model.association
    if optional:
        attested = {i: association(atoms[i - 1].key, atoms[i].key, own) for i in optional}
        if len(priors) > _MAX_CANDIDATES:
            # Keep the DP small: drop single-space gaps whose pair the document attests
            # well (they are the least likely boundaries); never a gap without such evidence.
            ranked = sorted(((value, i) for i, value in attested.items()), reverse=True)
            for value, i in ranked[: len(priors) - _MAX_CANDIDATES]:
                if value < 1.0:
                    break
                del priors[i]
        for i, value in attested.items():
            # A pair the document attests strongly is no candidate at all (fewer states).
            if value >= _SURE_PAIR:
                priors.pop(i, None)
    positions = [0, *sorted(priors), n]
    m = len(positions)

    keys = [a.key if a.kind == _WORD else "" for a in atoms]
    # A run may not span a forced boundary: the furthest end of a run starting at k.
    limit = [m - 1] * m
    nxt = m - 1
    for k in range(m - 1, -1, -1):
        limit[k] = nxt
        if k > 0 and priors.get(positions[k]) == _FORCED:
            nxt = k
    pair = model.pair
    cut = [0.0] * m
    for k in range(1, m - 1):
        i = positions[k]
        prior = priors[i]
        base = 8.0 if prior == _FORCED else prior
        if atoms[i].gap == " ":
            u, v = keys[i - 1], keys[i]
            if u and v:
                base -= association(u, v, own) if (u, v) in own else pair(u, v)
                base -= model.background(u, v)
            elif u in _NEEDS_COMPLEMENT and atoms[i].kind in (_MARK, _PUNCT):
                base += 1.5
        cut[k] = base
    first_bonus = [0.5 if atoms[pos].text in _CLAUSE_PUNCT else 0.0 for pos in positions[:-1]]
    junction = _junctions(atoms, keys, positions, first_bonus, model, own)

    end_scores = [0.0] + [_end_score(atoms[pos - 1]) for pos in positions[1:]]
    start_scores = [_start_score(atoms[pos]) for pos in positions[:-1]]
    if before:
        # The previous line's last word, read before this line's first one.
        for k, pos in enumerate(positions[:-1]):
            first = keys[pos]
            if first and pos == n - 1 and keys[0] and glue_bonus(first, keys[0], model):
                first += keys[0]  # "الأم" … "م": a word broken at the line's edge
            if first and (before, first) in model.bigrams:  # an unseen pair counts 0
                start_scores[k] += max(0.0, association(before, first, own))
            if first:
                start_scores[k] += max(0.0, model.background(before, first))

    def total(ks: list[int]) -> float:
        """Score of the reading with runs starting at positions[ks] (ks[0] == 0)."""
        bounds = [*ks, m - 1]
        score = end_scores[bounds[1]] + start_scores[bounds[-2]]
        for j in range(1, len(bounds) - 1):
            score += cut[bounds[j]] + junction[bounds[j + 1]][bounds[j - 1]]
        return score

    # g[q][k]: best score with the last run [positions[k], positions[q]) (-inf: no such
    # reading); a run [q, r) after it adds max over k of g[q][k] + junction[r][k].
    neg = -math.inf
    add = operator.add
    g: list[list[float]] = [[end_scores[q] if q <= limit[0] else neg] for q in range(m)]
    for q in range(1, m - 1):
        column = g[q]
        reach = limit[q]
        if max(column) == neg:
            reach = q
        c = cut[q]
        for r in range(q + 1, m):
            g[r].append(max(map(add, column, junction[r])) + c if r <= reach else neg)
    finals = list(map(add, g[m - 1], start_scores))
    best_total = max(finals)
    if best_total == neg:
        return []
    ks: list[int] = []
    q, k = m - 1, finals.index(best_total)
    while k > 0:
        ks.append(k)
        values = list(map(add, g[k], junction[q]))
        q, k = k, values.index(max(values))
    ks = [0, *reversed(ks)]
    # The lead over the line as it stands counts a boundary's prior only for its gap (one
    # space or several): a number standing between spaces is a run of its own when the line
    # is reversed, and no evidence that it is.
    identity = end_scores[m - 1] + start_scores[0]
    excess = 0.0
    for k in ks[1:]:
        pos = positions[k]
        prior = priors[pos]
        if prior == _FORCED:
            proclitic = atoms[pos].kind == _NUM and atoms[pos - 1].key in _PROCLITICS
            # "و20", "ب500": a proclitic written onto its number reads in order.
            excess += 8.0 - (0.0 if proclitic else _FORCED_EVIDENCE)
        else:
            gap = _MULTI_SPACE_BONUS if len(atoms[pos].gap) >= 2 else _SINGLE_SPACE_COST
            excess += max(0.0, prior - gap)
    gain = best_total - identity - excess
    readings = [Reading(sorted(positions[k] for k in ks[1:]), best_total, gain)]
    # Confidence: the best reading that differs by one boundary decision.
    # Adding a boundary always gives a valid reading; removing one merges two runs, valid
    # when the merged run spans no forced boundary.
    runner_up = neg
    j = 1  # ks[j] is the first chosen boundary at or after k
    for k in range(1, m - 1):
        while j < len(ks) and ks[j] < k:
            j += 1
        if priors[positions[k]] == _FORCED:
            continue
        if j < len(ks) and ks[j] == k:
            after = ks[j + 1] if j + 1 < len(ks) else m - 1
            if limit[ks[j - 1]] < after:
                continue
            alt = ks[:j] + ks[j + 1 :]
        else:
            alt = [*ks[:j], k, *ks[j:]]
        runner_up = max(runner_up, total(alt))
    if runner_up > neg:
        readings.append(Reading([], runner_up))
    return readings


# ---------------------------------------------------------------------------
# Rendering a reading.
# ---------------------------------------------------------------------------


def _is_poor_word(key: str, model: DocumentModel) -> bool:
    if len(key) == 1:
        return key != "و"
    return wordlist.zipf(key) < 3.5 and model.unigrams.get(key, 0) <= 1


def _glue_score(left: str, right: str, model: DocumentModel) -> bool:
    """A word broken across two runs: ``"الأم"`` + ``"م"`` → ``"الأمم"``."""
    return glue_bonus(wordlist.lookup_key(left), wordlist.lookup_key(right), model) > 0


_GLUE_BONUS = 3.0


def glue_bonus(lk: str, rk: str, model: DocumentModel) -> float:
    """Evidence (0 = none) that the keys ``lk`` and ``rk``, side by side in reading order,
    are the two pieces of one word: the joined word is common in the document (more
    than either piece) or a word of the list where a piece is no good word."""
    key = (lk, rk)
    value = model.glues.get(key)
    if value is None:
        value = model.glues[key] = _GLUE_BONUS if _glued(lk, rk, model) else 0.0
    return value


def _glued(lk: str, rk: str, model: DocumentModel) -> bool:
    if not lk or not rk:
        return False
    doc = model.unigrams
    seen = doc.get(lk + rk, 0)
    if seen >= 2 and seen > doc.get(lk, 0) and seen > doc.get(rk, 0) and len(lk + rk) >= 4:
        return True
    poor_l, poor_r = model.poor(lk), model.poor(rk)
    if not (poor_l or poor_r):
        return False
    joined = wordlist.zipf_key(lk + rk)
    if seen >= 1:
        joined = max(joined, 4.0)
    if joined < 3.0:
        return False
    worst = min(
        wordlist.zipf_key(k) if len(k) > 1 else 0.0 for k, poor in ((lk, poor_l), (rk, poor_r)) if poor
    )
    return joined >= 3.0 and joined >= worst + 0.5


def _segment_text(atoms: list[Atom]) -> str:
    text = atoms[0].text + "".join(a.gap + a.text for a in atoms[1:])
    if (
        len(atoms) > 2
        and atoms[-1].text == "("
        and atoms[-1].gap
        and _mirrored_group_before(atoms, len(atoms) - 1)
    ):
        # A mirrored group ")بروتوكول … (": no space before its closing parenthesis.
        text = text[: -len(atoms[-1].gap) - 1] + "("
    return text


def _maybe_unreverse(run: list[Atom], following: list[Atom] | None, model: DocumentModel) -> list[Atom]:
    """A short run whose own characters came out reversed: ``"يف"`` → ``"في"`` before ``"ينا،"``."""
    if len(run) != 1 or run[0].kind != _WORD or len(run[0].key) > 3 or not following:
        return run
    nxt = following[0]
    if nxt.kind != _WORD:
        return run
    rev = run[0].text[::-1]
    if wordlist.zipf(rev) < wordlist.zipf(run[0].text) + 2.0:
        return run
    if not _glue_score(rev, nxt.text, model):
        return run
    return [Atom(rev, _WORD, run[0].gap, wordlist.lookup_key(rev))]


def _joiner(left: list[Atom], right: list[Atom], model: DocumentModel) -> str:
    """What goes between two runs placed side by side in reading order."""
    a, b = left[-1], right[0]
    if b.text == ")" and _opens_mirrored_group(right, 0):
        return " "  # a mirrored group ")بروتوكول … (" opens with its ")"
    if b.text in _CLAUSE_PUNCT or b.text in _CLOSERS:
        return ""
    if b.text == "*" and len(right) == 1:
        return ""  # a footnote asterisk, a run of its own, follows its word: "الأولية*"
    if a.text in _OPENERS:
        return ""
    if a.text == "/" or b.text == "/":
        return ""
    if a.kind == _NUM and b.kind == _WORD:
        # A number glued to the word after it is the mark of reversed runs itself (and once
        # a tatweel between them is stripped, a second pass would reorder the line again).
        return " "
    if a.text.endswith(_TATWEEL) or b.text.startswith(_TATWEEL):
        return ""
    if a.kind == _WORD and a.key == "و" and len(left) == 1:
        return ""
    if a.text == "-" and b.kind == _NUM and len(left) >= 1:
        return ""
    if b.text == "-" and a.kind == _NUM:
        return ""
    if a.kind == _WORD and b.kind == _WORD and _glue_score(a.text, b.text, model):
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


# ---------------------------------------------------------------------------
# The document step.
# ---------------------------------------------------------------------------


def _prepare(atoms: list[Atom], model: DocumentModel | None) -> list[Atom]:
    if model is None:
        return atoms
    out: list[Atom] = []
    splits = model.splits
    for atom in atoms:
        if atom.kind == _WORD:
            pieces = splits.get(atom.text)
            if pieces is None:
                pieces = splits[atom.text] = split_glued(atom.text, model)
            if len(pieces) > 1:
                for k, piece in enumerate(pieces):
                    out.append(
                        Atom(
                            piece,
                            _WORD,
                            atom.gap if k == 0 else "",
                            wordlist.lookup_key(piece),
                            split=k > 0,
                        )
                    )
                continue
        out.append(atom)
    return _split_fragments(out, model)


_MAX_FRAGMENT = 4


def _strong(key: str, model: DocumentModel) -> bool:
    """A common word, or one the document repeats."""
    return len(key) >= 2 and (wordlist.zipf_key(key) >= 4.0 or model.unigrams.get(key, 0) >= 2)


def _split_fragments(atoms: list[Atom], model: DocumentModel) -> list[Atom]:
    """A run edge inside a token: ``"الكاملني"`` … ``"المدداخل"`` → ``"الكامل|ني"`` …
    ``"المد|داخل"``, because the two fragments make a word (``"المدني"``).

    A poor token (:func:`_is_poor_word`) splits into a word and a fragment (a first half
    ending a run, or a second half starting one) only where that fragment and a fragment
    of another token of the line (or a poor word standing alone) join into a good word.
    """
    firsts: list[tuple[int, int, str]] = []  # (atom, split position or -1, first half)
    seconds: list[tuple[int, int, str]] = []
    for n, atom in enumerate(atoms):
        key = atom.key
        if atom.kind != _WORD or _TATWEEL in atom.text or model.unigrams.get(key, 0) > 1:
            continue
        piece = atom.split or (n + 1 < len(atoms) and atoms[n + 1].split)
        if wordlist.zipf(key) >= 2.0 and not (piece and len(key) <= _MAX_FRAGMENT):
            continue
        firsts.append((n, -1, key))
        seconds.append((n, -1, key))
        if wordlist.zipf(key) > 0:
            continue  # a rare word of the list may be a piece, it is not split
        text = atom.text
        for p in range(1, len(text)):
            if unicodedata.category(text[p]).startswith("M"):
                continue
            left, right = wordlist.lookup_key(text[:p]), wordlist.lookup_key(text[p:])
            if len(left) <= _MAX_FRAGMENT and _strong(right, model):
                firsts.append((n, p, left))
            if len(right) <= _MAX_FRAGMENT and _strong(left, model):
                seconds.append((n, p, right))
    if not firsts or not seconds:
        return atoms
    cuts: dict[int, int] = {}
    for n1, p1, f1 in firsts:
        for n2, p2, f2 in seconds:
            if n1 == n2 or (p1 < 0 and p2 < 0) or n1 in cuts or n2 in cuts:
                continue
            if _strong(f1 + f2, model):
                model.glues[(f1, f2)] = _GLUE_BONUS  # the two fragments join when side by side
                model.fragments.setdefault(f1, set()).add(f2)
                if p1 >= 0:
                    cuts[n1] = p1
                if p2 >= 0:
                    cuts[n2] = p2
    if not cuts:
        return atoms
    out: list[Atom] = []
    for n, atom in enumerate(atoms):
        cut = cuts.get(n)
        if cut is None:
            out.append(atom)
            continue
        left, right = atom.text[:cut], atom.text[cut:]
        out.append(Atom(left, _WORD, atom.gap, wordlist.lookup_key(left), split=atom.split))
        out.append(Atom(right, _WORD, "", wordlist.lookup_key(right), split=True))
    return out


def _before(atoms: list[Atom], end: int) -> list[Atom]:
    """The atoms of the line's first ``end`` characters (``end`` is at a space or 0, and no
    atom holds a space): what atomize gives for them."""
    pos = 0
    for n, atom in enumerate(atoms):
        pos += len(atom.gap) + len(atom.text)
        if pos > end:
            return atoms[:n]
    return atoms


def reorder_line(
    text: str, model: DocumentModel, own: Counter[tuple[str, str]] | None = None
) -> tuple[str, float]:
    """Repair one run-reversed line; returns the text and the confidence margin."""
    return _reorder_line(text, model, own)


def _reorder_line(
    text: str,
    model: DocumentModel,
    own: Counter[tuple[str, str]] | None,
    raw: list[Atom] | None = None,
    before: str = "",
    stay: float = 0.0,
) -> tuple[str, float]:
    """The work of :func:`reorder_line`; ``own`` (this line's pairs) defaults to its atoms' pairs.

    The line is reordered only when the best reading beats the line as it stands by more
    than ``stay`` (the prior for the current order); the confidence is the smaller of the
    margin over the runner-up and that lead."""
    number = None
    m = _END_NUMBER_RE.search(text) or _END_LABEL_RE.search(text)
    body = text
    glued = False
    if m:
        number = m.group(1)
        body = text[: m.start()]
        glued = regex.search(r"[-–]\p{Nd}", m.group()) is not None
        if raw is not None:
            raw = _before(raw, m.start())
    atoms = _prepare(atomize(body) if raw is None else raw, model)
    if not atoms:
        return (f"{number} -" if number else text), math.inf
    if own is None:
        own = Counter(_pairs(atoms))
    readings = best_readings(atoms, model, own, before)
    if not readings:
        return text, 0.0
    best = readings[0]
    margin = best.score - readings[1].score if len(readings) > 1 else math.inf
    if not best.cuts and not number and not any(a.split for a in atoms):
        return text, margin
    lead = best.gain + (_NUMBER_EVIDENCE if number else 0.0) - stay
    if lead < 0:
        return text, margin  # the order as it stands is plausible enough: left alone
    margin = min(margin, lead) if stay else margin
    bounds = [0, *best.cuts, len(atoms)]
    runs = [atoms[a:b] for a, b in itertools.pairwise(bounds)]
    runs.reverse()
    out = render(runs, model)
    if number:
        out = f"{number}- {out}" if glued else f"{number} - {out}"
    return out, margin


_NUMBER_EVIDENCE = 3.0  # a paragraph number or section label at the line end
# A single-space word pair as implausible as this (document and UN Arabic together) makes a
# line a candidate for reordering.
_IMPLAUSIBLE = -1.0
# The prior for a line's current order: in a document with no run-reversal evidence a
# reading must beat the line as it stands by this much (document evidence lowers it to 0).
_STAY = 1.5
_STAY_REVERSED = -math.inf
# Per-line judgement in documents without run-reversal evidence: built and measured (unpc
# dev lines 4.6% -> 51.5% exact) but off: repairing a repaired run-reversed text then
# changes 11 of 25 dev garbler documents again (idempotence), to be fixed first.
_PER_LINE = False
_MIN_PROSE = 5  # atoms a line needs before it is judged alone (without document evidence)


def _suspicious(atoms: list[Atom], model: DocumentModel) -> bool:
    """The cheap check before the dynamic program: whether the line shows any sign of
    reversed runs (a line whose current order is plausible is left alone, unscored).

    Signs: a clause mark or closing bracket first, an opening bracket last, a number at the
    end, a number or symbol glued to a word, two or more spaces between atoms, a word pair
    that is implausible as it stands, a token that no list knows (glued runs).
    """
    if not atoms:
        return False
    first, last = atoms[0], atoms[-1]
    if first.text in _CLAUSE_PUNCT or first.text in _CLOSERS or first.kind == _MARK:
        return True
    if last.text in _OPENERS or last.kind == _NUM:
        return True
    own = Counter(_pairs(atoms))
    plausibility, words, zipf = model.plausibility, model.bg.words, wordlist.zipf_key
    for left, right in itertools.pairwise(atoms):
        gap = right.gap
        if len(gap) >= 2:
            return True
        lk, rk = left.kind, right.kind
        glued = not gap and _WORD in (lk, rk) and bool({lk, rk} & {_NUM, _LATIN, _MARK})
        if glued and not (lk == _WORD and rk == _NUM and left.key in _PROCLITICS):
            return True
        if gap and lk == _WORD and rk == _WORD and plausibility(left.key, right.key, own) < _IMPLAUSIBLE:
            return True
    for atom in atoms:
        key = atom.key
        if (
            atom.kind == _WORD
            and len(key) >= 6
            and key not in words
            and model.unigrams.get(key, 0) <= 1
            and not zipf(key)
        ):
            return True
    return False


def _reorder_all(
    lines: list[Line], raw: list[list[Atom]], model: DocumentModel, stay: float = 0.0, every: bool = True
) -> list[tuple[str, float] | None]:
    """Every line repaired, with the last word of the line before (as repaired) as context
    when at most one blank line separates them. (The next line's first word, from a first
    pass, was measured too: better on garbled text, worse on the real samples.) A line
    that shows no sign of reversal (:func:`_suspicious`) is left as it is (None) unless
    ``every`` (the document's evidence says its lines are reversed)."""
    out: list[tuple[str, float] | None] = []
    before = ""
    blank = 0
    for line, atoms in zip(lines, raw, strict=True):
        if not atoms:
            blank += 1
            out.append(None)
            continue
        if every or (len(atoms) >= _MIN_PROSE and _suspicious(atoms, model)):
            context = before if blank <= 1 else ""
            result = _reorder_line(line.text, model, None, atoms, context, stay)
            if not every and result[0] != line.text:
                # A reading is only taken when it is itself stable: read again, it stays.
                again = _reorder_line(result[0], model, None, None, context, stay)
                if again[0] != result[0]:
                    result = (line.text, 0.0)
            out.append(result)
            text = result[0]
        else:
            out.append(None)
            text = line.text
        blank = 0
        last = _LAST_WORD_RE.search(text)
        before = wordlist.lookup_key(last.group()) if last else ""
    return out


def reorder_runs(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: lines whose runs came out right-to-left (reverse reading order).

    Real example (A/64 report, line 15), runs glued and in reverse order:
    ``"الجهات  كلجمع آراء ، إلى ٦٣/١٩٤، في قرارها  العامالأميندعت الجمعية العامة   - ١"`` →
    ``"١ - دعت الجمعية العامة الأمين العام، في قرارها ٦٣/١٩٤، إلى جمع آراء كل الجهات"``.

    Per line: a line is reordered when its best reading is clearly more plausible than its
    current one. The document's evidence (:func:`is_run_reversed`) is a prior, not a gate:
    with it a reading only has to beat the line as it stands, without it by ``_STAY``.
    """
    # A reader that put the lines in logical order from glyph positions (the PDF reader)
    # says so; its lines must not be reordered again.
    if ctx.facts.get("logical_order") is True:
        return lines
    evidence: dict[str, int] = {}
    reversed_doc = is_run_reversed(lines, evidence)
    ctx.facts["runs_reversed_evidence"] = {"decided": reversed_doc, **evidence}
    if reversed_doc:
        ctx.facts["runs_reversed"] = True
    elif not _PER_LINE:
        return lines
    else:
        visual = ctx.facts.get("visual_evidence")
        if isinstance(visual, dict) and visual.get("lines_reversed"):
            return lines  # the visual step put its lines in order, letter by letter
        bad, good = run_reversal_evidence(lines)
        if good and not bad:
            # Evidence of reading order only (numbers first, punctuation last) and none of
            # reversal: the lines are left as they are (and a repaired text stays repaired).
            return lines
    raw = [atomize(line.text) for line in lines]
    if not any(_ARABIC_WORD_RE.search(line.text) for line in lines):
        return lines
    model = DocumentModel(raw)
    if reversed_doc:
        model.bg_weight = _BG_WEIGHT_REVERSED
    out: list[Line] = []
    threshold = ctx.options.min_confidence
    stay = _STAY_REVERSED if reversed_doc else _STAY
    for line, result in zip(lines, _reorder_all(lines, raw, model, stay, reversed_doc), strict=True):
        if result is None:
            out.append(line)
            continue
        fixed, margin = result
        if fixed != line.text:
            ctx.record(
                "line_order",
                line.number,
                line.text,
                fixed,
                confidence=None if math.isinf(margin) else round(margin, 3),
            )
            if margin < threshold:
                ctx.warn(f"line {line.number}: run order is a guess (confidence {margin:.2f}); check it")
            line = Line(line.number, fixed, line.page)
        out.append(line)
    return out


_ARABIC_WORD_RE = regex.compile(r"\p{Arabic}")
