"""The language model of the run-order step, learned from the document itself: word and
word-pair counts over its runs, backed off to word shapes, beside real UN Arabic
(:mod:`..unpc`) and the word list; and what it says about tokens: a glued token that
splits into words (:func:`split_glued`), two pieces of one word (:func:`glue_bonus`).

>>> from unparse.repair.order.atoms import atomize
>>> model = DocumentModel([atomize("الجمعية العامة"), atomize("الجمعية العامة")])
>>> model.bigrams[("الجمعية", "العامة")]
2
>>> split_glued("العامالأميندعت", model)
['العام', 'الأمين', 'دعت']
>>> split_glued("مايةالح", model)  # "الح|ماية": one word's halves, glued the other way round
['ماية', 'الح']
"""

from __future__ import annotations

import functools
import itertools
import math
import unicodedata
from collections import Counter
from collections.abc import Iterable

import regex

from ...lexicon import LEVANTINE_MONTHS
from .. import unpc, wordlist
from .atoms import TATWEEL, WORD, Atom, word_keys, word_pairs
from .weights import (
    BG_WEIGHT,
    CLASS_FREQUENT,
    CLASS_SMOOTH,
    CLASS_WEIGHT,
    DOC_PIECE_BONUS,
    DOC_SMOOTH,
    FIXED_BIGRAM_COUNT,
    FREQUENT,
    GLUE_BONUS,
    MIN_PIECE_AVERAGE,
    MIN_PIECE_ZIPF,
    POOR_ZIPF,
    SHAPE_SMOOTH,
    SHAPE_WEIGHT,
    STRONG_ZIPF,
)

# General knowledge: the two-word Levantine month names are always in this order.
_FIXED_BIGRAMS: list[tuple[str, str]] = [(m.split()[0], m.split()[1]) for m in LEVANTINE_MONTHS if " " in m]


NO_PAIRS: Counter[tuple[str, str]] = Counter()
NOTHING: frozenset[str] = frozenset()
NO_SHAPE = "\x00"  # the shape of a non-word atom: no backoff value (no key holds a NUL)


class DocumentModel:
    """Word and word-pair counts over the document's runs (pairs joined by one space).

    Most single-space pairs lie inside runs, which read correctly, and UN prose repeats
    its phrases; a pair seen again elsewhere in the document is evidence of order.
    """

    def __init__(self, atom_lines: Iterable[list[Atom]]) -> None:
        self.unigrams: Counter[str] = Counter()
        self.bigrams: Counter[tuple[str, str]] = Counter()
        for atoms in atom_lines:
            self.unigrams.update(word_keys(atoms))
            self.bigrams.update(word_pairs(atoms))
        for pair in _FIXED_BIGRAMS:
            self.bigrams[pair] += FIXED_BIGRAM_COUNT
        self.total = max(1, sum(self.unigrams.values()))
        self._cache: dict[tuple[str, str], float] = {}
        self._own_cache: dict[tuple[str, str, int], float] = {}  # association, per pair and own count
        self.bg = unpc.table()
        self.bg_weight = BG_WEIGHT
        # In a run-reversed document the table counts only the pairs it attests (step.py).
        self.bg_attested = False
        self.bg_cache: dict[tuple[str, str], float] = {}  # background, per pair (no own pairs)
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

    def learn_fragments(self, atom_lines: Iterable[list[Atom]]) -> list[list[Atom]]:
        """Every line's run edges inside tokens (:func:`prepare`), found before any line is
        scored: two fragments that join into a word on line k glue on every line, not only
        on the lines after k. Returns each line prepared (what :func:`prepare` gives for it
        again: its output depends on the line and the counts only)."""
        return [prepare(atoms, self) for atoms in atom_lines]

    def background(self, u: str, v: str, own: Counter[tuple[str, str]] = NO_PAIRS) -> float:
        """The association of two words in real UN Arabic (:mod:`.unpc`), weighted; 0 for a
        non-word, and 0 where the document attests the pair twice outside ``own`` (the
        line's own pairs: a pair the line repeats is no evidence for itself)."""
        if not self.bg_weight:
            return 0.0
        if self.bg_attested and v not in self.bg.followers.get(u, NOTHING):
            return 0.0  # a pair the table never saw is attested 0.0 (unpc.Table.followers)
        key = (u, v)
        mine = own.get(key, 0) if own else 0
        if mine:
            if not u or not v or self.bigrams.get(key, 0) - mine >= 2:
                return 0.0
            return self.bg_weight * self._table(u, v)
        value = self.bg_cache.get(key)
        if value is None:
            if not u or not v or self.bigrams.get(key, 0) >= 2:
                value = 0.0  # the document's own evidence comes first
            else:
                value = self.bg_weight * self._table(u, v)
            self.bg_cache[key] = value
        return value

    def _table(self, u: str, v: str) -> float:
        if self.bg_attested:
            return self.bg.attested(u, v)
        value = self.bg.association(u, v)
        if (u, v) not in self.bg.pairs:
            value += class_association(self.bg, u, v)
        return value

    def split(self, text: str) -> list[str]:
        """:func:`split_glued` of a token, once per document."""
        pieces = self.splits.get(text)
        if pieces is None:
            pieces = self.splits[text] = split_glued(text, self)
        return pieces

    def plausibility(self, u: str, v: str, own: Counter[tuple[str, str]]) -> float:
        """How plausible ``u v`` is as it stands: the document's evidence and UN Arabic's."""
        doc = self.association(u, v, own) if (u, v) in own else self.pair(u, v)
        return doc + self.background(u, v, own)

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
            if su == NO_SHAPE or sv == NO_SHAPE:
                value = 0.0
            else:
                seen = self.shape_bigrams.get((su, sv), 0)
                expected = self.shape_left.get(su, 0) * self.shape_right.get(sv, 0) / self.shape_total
                value = SHAPE_WEIGHT * math.log((seen + SHAPE_SMOOTH) / (expected + SHAPE_SMOOTH))
            row[sv] = value
        return value

    def pair(self, u: str, v: str) -> float:
        """Association of two words with no pair of the line left out (the unseen value
        depends on the product of the counts only, so it is cached per product)."""
        if (u, v) in self.bigrams:
            return self.association(u, v, NO_PAIRS)
        return self.unseen_value(self.unigrams.get(u, 0) * self.unigrams.get(v, 0))

    def unseen_value(self, product: int) -> float:
        """Association of a pair never seen, whose two counts multiply to ``product``."""
        value = self.unseen.get(product)
        if value is None:
            value = self.unseen[product] = math.log(DOC_SMOOTH / (DOC_SMOOTH + product / self.total))
        return value

    def junction(self, u: str, v: str, own: Counter[tuple[str, str]] = NO_PAIRS) -> float:
        """Word ``u`` followed by word ``v`` across a run junction: their association, the
        shape backoff, and the bonus for two pieces of one word (see :func:`junctions`)."""
        value = self.association(u, v, own) if (u, v) in own else self.pair(u, v)
        value += self.shape_value(self.shape(u), self.shape(v)) + self.background(u, v, own)
        if self.poor(u) or self.poor(v) or self.unigrams.get(u + v, 0) >= 2:
            value += glue_bonus(u, v, self)
        return value

    def poor(self, key: str) -> bool:
        """A piece that is no good word by itself (:func:`is_poor_word`), cached."""
        value = self._poor.get(key)
        if value is None:
            value = self._poor[key] = is_poor_word(key, self)
        return value

    def association(self, u: str, v: str, own: Counter[tuple[str, str]]) -> float:
        """How much more often ``u v`` occurs than chance (log scale), leaving out this line."""
        key = (u, v)
        if key not in own:
            cached = self._cache.get(key)
            if cached is None:
                cached = self._cache[key] = self._association(u, v, 0)
            return cached
        # The counts never change once the model is built: one value per pair and count left out.
        mine = own[key]
        cached = self._own_cache.get((u, v, mine))
        if cached is None:
            cached = self._own_cache[(u, v, mine)] = self._association(u, v, mine)
        return cached

    def _association(self, u: str, v: str, mine: int) -> float:
        if not u or not v:
            return 0.0
        seen = max(0, self.bigrams.get((u, v), 0) - mine)
        expected = self.unigrams.get(u, 0) * self.unigrams.get(v, 0) / self.total
        return math.log((seen + DOC_SMOOTH) / (DOC_SMOOTH + expected))


# The classes of the UN table's back-off (:func:`word_class`): the article with its proclitics,
# the conjunction before a verb's prefix or a preposition, the imperfect verb's prefixes.
_CLASS_PREFIXES = (
    *("وبال", "وال", "بال", "لل", "كال", "فال", "ال"),
    *("وي", "وت", "وب", "ول", "و", "ب", "ل", "ي", "ت"),
)


def word_class(key: str, table: unpc.Table) -> str:
    """A word's class in the UN table's back-off: a word the table counts ``CLASS_FREQUENT``
    times (the particles and prepositions that govern their neighbours) or of two letters
    is its own class, any other its prefix and suffix.

    >>> t = unpc.table()
    >>> word_class("في", t), word_class("والتدابير", t), word_class("ويطلب", t)
    ('في', 'وال_', 'وي_')
    """
    if table.words.get(key, 0) >= CLASS_FREQUENT or len(key) <= 2:
        return key
    return _affixes(key, _CLASS_PREFIXES)


class _ClassTable:
    """The UN table's pair counts over word classes (:func:`word_class`), for a pair of
    words the table never saw side by side."""

    def __init__(self, table: unpc.Table) -> None:
        self.table = table
        self.classes: dict[str, str] = {}
        self.pairs: Counter[tuple[str, str]] = Counter()
        self.left: Counter[str] = Counter()
        self.right: Counter[str] = Counter()
        for (u, v), count in table.pairs.items():
            cu, cv = self.of(u), self.of(v)
            self.pairs[(cu, cv)] += count
            self.left[cu] += count
            self.right[cv] += count
        self.total = max(1, sum(self.pairs.values()))
        self.cache: dict[tuple[str, str], float] = {}

    def of(self, key: str) -> str:
        found = self.classes.get(key)
        if found is None:
            found = self.classes[key] = word_class(key, self.table)
        return found


@functools.lru_cache(maxsize=4)
def _class_table(table: unpc.Table) -> _ClassTable:
    return _ClassTable(table)


def class_association(table: unpc.Table, u: str, v: str) -> float:
    """The weighted association of the classes of ``u`` and ``v`` in the UN table: what it
    says of a pair it never saw (0 for two words that are their own classes: the table's
    own association already counts that they were never seen side by side).

    Garbled real UN lines the table never saw, judged alone: 13.7% -> 17.6% exact with it
    at weight 1.0 (weights.CLASS_WEIGHT, now 0.5: at 1.0 clean lines broke).

    >>> t = unpc.table()
    >>> round(class_association(t, "في", "الحوار"), 2), round(class_association(t, "من", "والتدابير"), 2)
    (0.18, -1.05)
    """
    classes = _class_table(table)
    key = (u, v)
    value = classes.cache.get(key)
    if value is None:
        cu, cv = classes.of(u), classes.of(v)
        if cu == u and cv == v:
            value = 0.0
        else:
            expected = classes.left.get(cu, 0) * classes.right.get(cv, 0) / classes.total
            seen = classes.pairs.get((cu, cv), 0)
            value = CLASS_WEIGHT * math.log((seen + CLASS_SMOOTH) / (expected + CLASS_SMOOTH))
        classes.cache[key] = value
    return value


_PREFIXES = ("وبال", "وال", "بال", "لل", "كال", "فال", "ال", "و", "ب", "ل")
_SUFFIXES = ("ات", "ين", "ون", "ية", "ة", "ي", "ا", "ها", "هم", "ه")


def _shape(key: str, count: int) -> str:
    if count >= FREQUENT or len(key) <= 2:
        return key
    return _affixes(key)


@functools.lru_cache(maxsize=65536)
def _affixes(key: str, prefixes: tuple[str, ...] = _PREFIXES) -> str:
    """The shape of a word that does not stand for itself: its prefix and suffix (a pure
    function of the word, so memoised for the process, like the word list's lookups).

    >>> _affixes("الدولية"), _affixes("والتدابير")
    ('ال_ية', 'وال_')
    """
    prefix = suffix = ""
    if key.startswith(prefixes):
        for p in prefixes:
            if key.startswith(p) and len(key) > len(p) + 2:
                prefix = p
                break
    if key.endswith(_SUFFIXES):
        for x in _SUFFIXES:
            if key.endswith(x) and len(key) > len(prefix) + len(x) + 1:
                suffix = x
                break
    return f"{prefix}_{suffix}"


def _piece_score(piece: str, model: DocumentModel) -> float | None:
    scored = _piece_base(piece)
    if scored is None:
        return None
    key, score = scored
    if model.unigrams.get(key, 0) >= 1:
        score += DOC_PIECE_BONUS
    return score


@functools.lru_cache(maxsize=65536)
def _piece_base(piece: str) -> tuple[str, float] | None:
    """A piece's lookup form and its score from the word list alone (None: no piece), before
    the document's bonus: a pure function of the piece, memoised for the process.

    >>> _piece_base("الأمين"), _piece_base("وال")
    (('الأمين', -4.37), None)
    """
    key = wordlist.lookup_key(piece)
    if len(key) < 2 or key == "ال" or piece.startswith(TATWEEL) or piece.endswith(TATWEEL):
        return None
    z = wordlist.zipf(key)
    if len(key) == 2 and z < 5.0:
        return None
    if len(key) <= 4 and key.endswith("ال"):
        return None  # "وال", "بال": an article with its prefixes is no word
    if z < MIN_PIECE_ZIPF and key.startswith("و") and len(key) > 3:
        z = wordlist.zipf(key[1:]) - 0.5  # "والفعال": the conjunction and a word
    if z < MIN_PIECE_ZIPF:
        return None
    return key, z - 9.0  # log10 probability


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
    pieces = _split_key(word, model)
    return pieces if len(pieces) > 1 else _split_rotated(word, model)


def _split_rotated(word: str, model: DocumentModel) -> list[str]:
    """``"مايةالح"`` → ``["ماية", "الح"]``: a word cut across two runs of one piece each,
    glued in reverse order (the second half first); the halves, swapped, spell a common
    word or one the document repeats, and the token itself is no word."""
    n = len(word)
    for i in range(2, n - 1):
        if _strong(word[i:] + word[:i], model):
            return [word[:i], word[i:]]
    return [word]


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
        if b is not None and a + b > best[0] and (a + b) / 2 >= MIN_PIECE_AVERAGE:
            best = (a + b, [word[:i], word[i:]])
        for j in range(i + 2, n - 1):
            b2 = _piece_score(word[i:j], model)
            if b2 is None:
                continue
            c = _piece_score(word[j:], model)
            if c is not None:
                score = a + b2 + c
                if score > best[0] and score / 3 >= MIN_PIECE_AVERAGE:
                    best = (score, [word[:i], word[i:j], word[j:]])
    return best[1]


# The article with its prefixes is never a word of its own ("هذا ال" + "قرار" is "هذا القرار"),
# however often the word list met it as a token.
_ARTICLES = frozenset(("ال", "وال", "بال", "فال", "كال", "لل", "ولل"))


def is_poor_word(key: str, model: DocumentModel) -> bool:
    if len(key) == 1:
        return key != "و"
    if key in _ARTICLES:
        return True
    return wordlist.zipf(key) < POOR_ZIPF and model.unigrams.get(key, 0) <= 1


def glue_bonus(lk: str, rk: str, model: DocumentModel) -> float:
    """Evidence (0 = none) that the keys ``lk`` and ``rk``, side by side in reading order,
    are the two pieces of one word: the joined word is common in the document (more
    than either piece) or a word of the list where a piece is no good word."""
    key = (lk, rk)
    value = model.glues.get(key)
    if value is None:
        value = model.glues[key] = GLUE_BONUS if _glued(lk, rk, model) else 0.0
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
        wordlist.zipf_key(k) if len(k) > 1 and k not in _ARTICLES else 0.0
        for k, poor in ((lk, poor_l), (rk, poor_r))
        if poor
    )
    return joined >= 3.0 and joined >= worst + 0.5


def prepare(atoms: list[Atom], model: DocumentModel | None, fragments: bool = True) -> list[Atom]:
    """Glued tokens split into words (:func:`split_glued`), then, with ``fragments``, run
    edges inside tokens (:func:`_split_fragments`)."""
    if model is None:
        return atoms
    out: list[Atom] = []
    for atom in atoms:
        if atom.kind == WORD:
            pieces = model.split(atom.text)
            if len(pieces) > 1:
                for k, piece in enumerate(pieces):
                    out.append(
                        Atom(
                            piece,
                            WORD,
                            atom.gap if k == 0 else "",
                            wordlist.lookup_key(piece),
                            split=k > 0,
                        )
                    )
                continue
        out.append(atom)
    return _split_fragments(out, model) if fragments else out


_MAX_FRAGMENT = 4


def _strong(key: str, model: DocumentModel) -> bool:
    """A common word, or one the document repeats."""
    return len(key) >= 2 and (wordlist.zipf_key(key) >= STRONG_ZIPF or model.unigrams.get(key, 0) >= 2)


def _split_fragments(atoms: list[Atom], model: DocumentModel) -> list[Atom]:
    """A run edge inside a token: ``"الكاملني"`` … ``"المدداخل"`` → ``"الكامل|ني"`` …
    ``"المد|داخل"``, because the two fragments make a word (``"المدني"``).

    A poor token (:func:`is_poor_word`) splits into a word and a fragment (a first half
    ending a run, or a second half starting one) only where that fragment and a fragment
    of another token of the line (or a poor word standing alone) join into a good word.
    """
    firsts: list[tuple[int, int, str]] = []  # (atom, split position or -1, first half)
    seconds: list[tuple[int, int, str]] = []
    for n, atom in enumerate(atoms):
        key = atom.key
        if atom.kind != WORD or TATWEEL in atom.text or model.unigrams.get(key, 0) > 1:
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
                model.glues[(f1, f2)] = GLUE_BONUS  # the two fragments join when side by side
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
        out.append(Atom(left, WORD, atom.gap, wordlist.lookup_key(left), split=atom.split))
        out.append(Atom(right, WORD, "", wordlist.lookup_key(right), split=True))
    return out
