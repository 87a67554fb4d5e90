"""A general Arabic word list (unigram frequencies), loaded once per process, lazily.

The list is ``wordfreq``'s Arabic list (about 620,000 words, shipped inside the package:
no network). Its words carry no diacritics and no tatweel, so lookups strip both.
Loading costs about half a second, so callers ask for it only once a document has been
found damaged; clean documents never pay for it.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import regex

# Harakat, superscript alef, Quranic marks and tatweel: absent from the word list.
_STRIP_RE = regex.compile("[\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


@lru_cache(maxsize=65536)
def lookup_key(word: str) -> str:
    """The form a word takes in the list: ``"يلخِّص"`` → ``"يلخص"``, ``"لمكافحـة"`` → ``"لمكافحة"``."""
    return _STRIP_RE.sub("", word)


@lru_cache(maxsize=1)
def _zipf_table() -> dict[str, float]:
    # The raw cBpack: bucket i holds the words whose frequency is 10 ** (-i / 100);
    # on the Zipf scale (log10 of occurrences per billion words) that is 9 - i / 100.
    import wordfreq

    table: dict[str, float] = {}
    for index, bucket in enumerate(wordfreq.get_frequency_list("ar", wordlist="large")):
        if bucket:
            zipf = round(9.0 - index / 100.0, 2)
            for word in bucket:
                table.setdefault(word, zipf)
    return table


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """Zipf frequency of an Arabic word (0.0 when unknown): ``zipf("الجمعية")`` ≈ 4.9."""
    return _zipf_table().get(lookup_key(word), 0.0)


def zipf_key(key: str) -> float:
    """:func:`zipf` of a word already in its lookup form (:func:`lookup_key`)."""
    return _zipf_table().get(key, 0.0)


def known(word: str, counts: Counter[str]) -> bool:
    """Whether the word is in the list (Zipf 1.0 or more) or among the document's words
    (``counts``, by lookup key): the test of a word a repair rebuilt.

    >>> known("وسبل", Counter()), known("قسبل", Counter()), known("قسبل", Counter({"قسبل": 1}))
    (True, False, True)
    """
    key = lookup_key(word)
    return counts[key] > 0 or zipf_key(key) >= 1.0


def is_loaded() -> bool:
    """Whether the list is already in memory (for benchmarks and tests)."""
    return _zipf_table.cache_info().currsize > 0


def table() -> dict[str, float]:
    """The whole list, lookup form → Zipf frequency (for lookups a row at a time)."""
    return _zipf_table()
