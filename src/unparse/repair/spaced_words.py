"""Words that pdftotext cut in two at a letter gap of a justified LibreOffice line.

LibreOffice justifies a tight Arabic line by widening the gaps between some letters as
well as between words; pdftotext reads a wide gap as a space, so a word comes out in two
pieces: ``"لتخفي ف الحط ام الفض ائي"`` for ``"لتخفيف الحطام الفضائي"``, ``"في م جال"``
for ``"في مجال"`` (benchmark ``libreoffice/pdftotext/report-a-ac105-1307-stsc``). The
evidence that two tokens are one word is in the document itself: the joined word stands
whole elsewhere in it, and one of the pieces never stands alone except next to the other
(a real word, ``"من"`` in ``"ب من"``, stands alone all over the text).
"""

from __future__ import annotations

from collections import Counter

import regex

from ..lines import Line
from .fingerprint import Fingerprint
from .pipeline import Context, fix_each_line
from .wordlist import lookup_key, zipf

_W = "\u0621-\u064a\u064b-\u0652"
_TOKEN_RE = regex.compile(f"[{_W}]+")
# Two Arabic tokens with one space between them (the pieces of a cut word).
_PAIR_RE = regex.compile(f"(?<![{_W}])([{_W}]++) (?=([{_W}]++)(?![{_W}]))")
_Counts = Counter[str]
_Pairs = Counter[tuple[str, str]]
# A document needs this many cut words before any is joined: a text that has them has many.
MIN_JOINS = 3


def join_cut_words(text: str, whole: _Counts, pairs: _Pairs, alone: _Counts) -> str:
    """``text`` with each pair of tokens ``A B`` written ``AB`` where ``AB`` stands whole
    in the document (``whole``, by :func:`~unparse.repair.wordlist.lookup_key`: marks
    aside) and ``A`` or ``B`` never stands alone except in such a pair (``alone`` counts
    every token, ``pairs`` every pair of neighbours).

    >>> whole = Counter({"مجال": 3, "الفضائي": 2})
    >>> alone = Counter({"في": 9, "م": 1, "جال": 1, "الفض": 1, "ائي": 1, "ب": 4, "من": 9})
    >>> pairs = Counter({("في", "م"): 1, ("م", "جال"): 1, ("الفض", "ائي"): 1, ("ب", "من"): 1})
    >>> join_cut_words("في م جال الفض ائي", whole, pairs, alone)
    'في مجال الفضائي'
    >>> join_cut_words("ب من", whole + Counter({"بمن": 1}), pairs, alone)
    'ب من'
    """

    def join(m: regex.Match[str]) -> str:
        return m[1] if is_cut_word(m[1], m[2], whole, pairs, alone) else m.group()

    return _PAIR_RE.sub(join, text)


# Where the joined word does not stand whole in the document, the word list decides: a
# common word, clearly commoner than either piece ("نس بة": 2.8 and 3.5 against 5.2).
_COMMON = 4.0
_MARGIN = 1.0


def is_cut_word(a: str, b: str, whole: _Counts, pairs: _Pairs, alone: _Counts) -> bool:
    """Whether the neighbours ``a`` and ``b`` are the two pieces of one word
    (:func:`join_cut_words`).

    >>> is_cut_word("نس", "بة", Counter(), Counter({("نس", "بة"): 1}), Counter({"نس": 1, "بة": 1}))
    True
    """
    n = pairs[(a, b)]
    if alone[a] > n and alone[b] > n:
        return False
    joined = a + b
    if whole[lookup_key(joined)]:
        return True
    z = zipf(joined)
    return z >= _COMMON and z >= max(zipf(a), zipf(b)) + _MARGIN


def _counts(texts: list[str]) -> tuple[_Counts, _Pairs]:
    alone: _Counts = Counter()
    pairs: _Pairs = Counter()
    for text in texts:
        tokens = _TOKEN_RE.findall(text)
        alone.update(tokens)
        for m in _PAIR_RE.finditer(text):
            pairs[(m[1], m[2])] += 1
    return alone, pairs


def join_spaced_words(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: in a pdftotext text (its fingerprint says so), the words cut at a
    letter gap joined again (:func:`join_cut_words`), where the document shows at least
    :data:`MIN_JOINS` of them; the joins are counted in ``facts["cut_words"]``.

    Real (pdftotext on LibreOffice, report-a-ac105-1307-stsc): ``"لتخفي ف الحط ام الفض
    ائي"`` → ``"لتخفيف الحطام الفضائي"``.
    """
    fp = ctx.facts.get("fingerprint")
    if not isinstance(fp, Fingerprint) or fp.producer not in ("poppler", "poppler-raw"):
        return lines
    texts = [line.text for line in lines]
    alone, pairs = _counts(texts)
    whole: _Counts = Counter()
    for token, n in alone.items():
        whole[lookup_key(token)] += n
    joins = sum(n for (a, b), n in pairs.items() if is_cut_word(a, b, whole, pairs, alone))
    if joins < MIN_JOINS:
        return lines
    ctx.facts["cut_words"] = joins
    return fix_each_line(lines, ctx, "cut_words", lambda text: join_cut_words(text, whole, pairs, alone))
