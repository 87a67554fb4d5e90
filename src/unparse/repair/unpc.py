"""Real UN Arabic word and word-pair counts: the run-order step's background model.

The table (``unparse/data/unpc_pairs.tsv.gz``, about 150 KB) is built by
``scripts/build_unpc_table.py`` from the dev part of the UN Parallel Corpus v1.0 sample in
``tests/fixtures/unpc/`` (Ziemski, Junczys-Dowmunt and Pouliquen (2016), "The United
Nations Parallel Corpus v1.0", LREC 2016, pp. 3530-3534; see ``unparse/data/README.md``).
Words are in the word list's lookup form (:func:`unparse.repair.wordlist.lookup_key`).
Loaded once per process, lazily, like the word list: only a line that needs a second
opinion pays for it.
"""

from __future__ import annotations

import gzip
import math
from functools import lru_cache
from importlib import resources

# Pseudo-count of a pair: the association of a pair of two unknown words is 0 (no evidence).
_SMOOTH = 0.5
# Pseudo-count of :meth:`Table.attested`: a pair seen once or twice between rare words is
# weak evidence in a table of 9,000 words (at 0.5 it outweighed the document's own runs).
ATTESTED_SMOOTH = 3.0
# Pseudo-count of :meth:`Table.opening`, spread as the word's shape says (garbler dev lines
# exact with the rewards too: 1131 at 1.0, 1146 at 3.0, 1141 at 10.0).
OPENING_SMOOTH = 3.0


class Table:
    """Word counts, pair counts and the association of a pair (log observed / expected)."""

    def __init__(
        self, words: dict[str, int], pairs: dict[tuple[str, str], int], starts: dict[str, int] | None = None
    ) -> None:
        self.words = words
        self.pairs = pairs
        self.starts = starts or {}  # segments that start with the word
        self.total = max(1, sum(words.values()))
        self.total_starts = sum(self.starts.values())
        self._opening: dict[str, float] = {}
        self._shapes: dict[str, float] | None = None
        self._cache: dict[tuple[str, str], float] = {}
        self._attested: dict[tuple[str, str], float] = {}
        after: dict[str, set[str]] = {}
        for u, v in pairs:
            after.setdefault(u, set()).add(v)
        # The words seen after each: a pair outside them is unattested (attested() is 0), so
        # the run-order step's hot loop skips it without a lookup.
        self.followers = {u: frozenset(vs) for u, vs in after.items()}

    def association(self, u: str, v: str) -> float:
        """``log((seen + s) / (expected + s))``: positive for a pair UN prose writes, negative
        for two common words never seen side by side, 0 when the table knows neither."""
        key = (u, v)
        value = self._cache.get(key)
        if value is None:
            words = self.words
            expected = words.get(u, 0) * words.get(v, 0) / self.total
            value = math.log((self.pairs.get(key, 0) + _SMOOTH) / (expected + _SMOOTH))
            self._cache[key] = value
        return value

    def attested(self, u: str, v: str) -> float:
        """How much UN prose attests ``u v`` as neighbours, never below 0: a pair the table
        has not seen is no evidence against it (9,000 words: most pairs of real prose are
        missing), a pair it has seen more than chance is evidence for it.

        >>> t = table()
        >>> round(t.attested("الدول", "الأعضاء"), 2), round(t.association("الدول", "الأعضاء"), 2)
        (2.24, 3.82)
        >>> t.attested("الأعضاء", "الدول"), round(t.association("الأعضاء", "الدول"), 2)
        (0.0, -0.15)
        """
        key = (u, v)
        value = self._attested.get(key)
        if value is None:
            words = self.words
            expected = words.get(u, 0) * words.get(v, 0) / self.total
            seen = self.pairs.get(key, 0)
            value = max(0.0, math.log((seen + ATTESTED_SMOOTH) / (expected + ATTESTED_SMOOTH)))
            self._attested[key] = value
        return value

    def opening(self, v: str) -> float:
        """How much more often UN prose starts a sentence or paragraph with ``v`` than its
        count says (log scale), backed off to the word's opening shape (:func:`opening_shape`)
        for a word the table knows little of: operative verbs, ``وإذ`` and the conjunction
        lead, prepositions and the words with the article rarely do.

        >>> t = table()
        >>> round(t.opening("يطلب"), 2), round(t.opening("وإذ"), 2), round(t.opening("إلى"), 2)
        (1.31, 2.4, -2.1)
        >>> round(t.opening("الدول"), 2), round(t.opening("ويحيط"), 2)  # the second: by its shape
        (-1.85, 2.34)
        """
        value = self._opening.get(v)
        if value is None:
            shapes = self._shape_ratios()
            # A piece of two letters ("ية") has no shape to speak of.
            ratio = shapes.get(opening_shape(v), 1.0) if len(v) >= 3 else 1.0
            expected = self.words.get(v, 0) * self.total_starts / self.total
            seen = self.starts.get(v, 0)
            value = math.log((seen + OPENING_SMOOTH * ratio) / (expected + OPENING_SMOOTH))
            self._opening[v] = value
        return value

    def _shape_ratios(self) -> dict[str, float]:
        """Per opening shape: (starts + s) / (expected + s), s = ``ATTESTED_SMOOTH``."""
        if self._shapes is None:
            words: dict[str, int] = {}
            starts: dict[str, int] = {}
            for w, c in self.words.items():
                shape = opening_shape(w)
                words[shape] = words.get(shape, 0) + c
            for w, c in self.starts.items():
                shape = opening_shape(w)
                starts[shape] = starts.get(shape, 0) + c
            self._shapes = {
                shape: (starts.get(shape, 0) + ATTESTED_SMOOTH)
                / (count * self.total_starts / self.total + ATTESTED_SMOOTH)
                for shape, count in words.items()
            }
        return self._shapes


_ARTICLE = ("وال", "ال", "بال", "لل", "فال", "كال")


def opening_shape(key: str) -> str:
    """A word's class for :meth:`Table.opening`: the article, the conjunction with the letter
    after it (``"وي"``, ``"وت"``: a verb), else the first letter.

    >>> opening_shape("الدول"), opening_shape("ويطلب"), opening_shape("يحث")
    ('ال', 'وي', 'ي')
    """
    if key.startswith(_ARTICLE):
        return "ال"
    if key.startswith("و") and len(key) > 2:
        return key[:2]
    return key[:1]


@lru_cache(maxsize=1)
def table() -> Table:
    """The table, read from the package data once."""
    words: dict[str, int] = {}
    pairs: dict[tuple[str, str], int] = {}
    starts: dict[str, int] = {}
    data = resources.files("unparse").joinpath("data").joinpath("unpc_pairs.tsv.gz").read_bytes()
    for row in gzip.decompress(data).decode("utf-8").splitlines():
        fields = row.split("\t")
        if fields[0] == "w":
            words[fields[1]] = int(fields[2])
        elif fields[0] == "p":
            pairs[(fields[1], fields[2])] = int(fields[3])
        elif fields[0] == "s":
            starts[fields[1]] = int(fields[2])
    return Table(words, pairs, starts)
