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


class Table:
    """Word counts, pair counts and the association of a pair (log observed / expected)."""

    def __init__(self, words: dict[str, int], pairs: dict[tuple[str, str], int]) -> None:
        self.words = words
        self.pairs = pairs
        self.total = max(1, sum(words.values()))
        self._cache: dict[tuple[str, str], float] = {}
        self._attested: dict[tuple[str, str], float] = {}

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


@lru_cache(maxsize=1)
def table() -> Table:
    """The table, read from the package data once."""
    words: dict[str, int] = {}
    pairs: dict[tuple[str, str], int] = {}
    data = resources.files("unparse").joinpath("data").joinpath("unpc_pairs.tsv.gz").read_bytes()
    for row in gzip.decompress(data).decode("utf-8").splitlines():
        fields = row.split("\t")
        if fields[0] == "w":
            words[fields[1]] = int(fields[2])
        elif fields[0] == "p":
            pairs[(fields[1], fields[2])] = int(fields[3])
    return Table(words, pairs)
