"""What unparse promises about any text, as checkable functions.

Shared by the property tests (``tests/unit/test_properties.py``) and the fuzz harness
(``fuzz/fuzz_parse_text.py``), so that both check exactly the same guarantees.

"Accounted for", precisely
--------------------------
``arabic_letters(s)`` is the multiset of Arabic *letters* of ``s``: code points of
general category ``Lo`` in the Arabic script, after folding each presentation form
(U+FB50–U+FDFF, U+FE70–U+FEFF) to its compatibility decomposition (so ``"ﻻ"`` counts as
``ل`` + ``ا``, on both sides). Tatweel (``Lm``), harakat (``Mn``), digits and punctuation
are not letters.

For a repair of ``text`` into ``result`` with fixes ``F``:

* removed(F) = Σ over f in F of ``arabic_letters(f.before) - arabic_letters(f.after)``
  (multiset difference, negative counts dropped);
* added(F)   = Σ over f in F of ``arabic_letters(f.after) - arabic_letters(f.before)``.

Conservation holds when ``arabic_letters(text) - arabic_letters(result.text)`` ⊆ removed(F)
(nothing lost without a fix that shows it) and ``arabic_letters(result.text) -
arabic_letters(text)`` ⊆ added(F) (nothing invented without a fix that shows it).

``digits(s)`` is the multiset of decimal digits of ``s`` (category ``Nd``: Western, Eastern
Arabic, Persian, ...), each digit as itself (folding ``٣`` to ``3`` is a recorded fix that
removes a ``٣`` and adds a ``3``). :func:`check_nothing_lost` checks the same two
inclusions for letters and digits together: every Arabic letter and every digit of the
input is in the output or in a recorded fix; :func:`check_conservation` does it too.

The stronger property :func:`check_fix_log` also holds: the fixes of each input line form
a chain (each ``before`` is the line as the previous fix left it, the first one is the
input line) whose end is the line in the output, so the fix log replays the repair. A line
the output no longer has either ends in a fix that removed it or was blank. (Lone
surrogates, which cannot be encoded, appear in fixes as U+FFFD.)
"""

from __future__ import annotations

import unicodedata
from collections import Counter

import regex

from unparse.lines import split_lines
from unparse.models import Fix
from unparse.repair import RepairResult
from unparse.repair.pipeline import shown

_ARABIC_LETTER_RE = regex.compile(r"[\p{Script=Arabic}&&\p{Lo}]", flags=regex.V1)
_PRESENTATION_RE = regex.compile("[\ufb50-\ufdff\ufe70-\ufeff]")

BIDI_CONTROLS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def arabic_letters(text: str) -> Counter[str]:
    """The multiset of Arabic letters of ``text`` (presentation forms folded)."""
    folded = _PRESENTATION_RE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return Counter(_ARABIC_LETTER_RE.findall(folded))


_DIGIT_RE = regex.compile(r"\p{Nd}")


def digits(text: str) -> Counter[str]:
    """The multiset of decimal digits of ``text``."""
    return Counter(_DIGIT_RE.findall(text))


def content(text: str) -> Counter[str]:
    """What must never be lost: the Arabic letters and the digits of ``text``."""
    return arabic_letters(text) + digits(text)


def _within(small: Counter[str], big: Counter[str]) -> Counter[str]:
    """What of ``small`` is not in ``big`` (empty when small ⊆ big)."""
    return Counter({c: n - big[c] for c, n in small.items() if n > big[c]})


def check_conservation(text: str, result: RepairResult) -> None:
    """Every Arabic letter and digit of ``text`` is in the output or removed by a recorded
    fix, and every Arabic letter and digit of the output is in the input or added by a
    recorded fix."""
    check_nothing_lost(text, result)


def check_nothing_lost(text: str, result: RepairResult) -> None:
    """The multiset check of the module docstring, for Arabic letters and digits."""
    removed: Counter[str] = Counter()
    added: Counter[str] = Counter()
    for fix in result.fixes:
        before, after = content(fix.before), content(fix.after)
        removed += before - after
        added += after - before
    source, output = content(text), content(result.text)
    lost = _within(source - output, removed)
    assert not lost, f"Arabic letters or digits lost without a fix: {dict(lost)}"
    invented = _within(output - source, added)
    assert not invented, f"Arabic letters or digits invented without a fix: {dict(invented)}"


def removed_content(result: RepairResult) -> Counter[str]:
    """The letters and digits the recorded fixes removed (what a caller may want to see
    is not in the output, e.g. the page numbers taken out as furniture)."""
    removed: Counter[str] = Counter()
    for fix in result.fixes:
        removed += content(fix.before) - content(fix.after)
    return removed


def check_fix_log(text: str, result: RepairResult) -> None:
    """The fixes replay the repair, line by line (see the module docstring)."""
    # A fix shows a lone surrogate of the input as U+FFFD (the log stays valid Unicode).
    current = {line.number: shown(line.text) for line in split_lines(text)}
    by_line: dict[int, list[Fix]] = {}
    for fix in result.fixes:
        by_line.setdefault(fix.line, []).append(fix)
    for number, fixes in by_line.items():
        assert number in current, f"fix on line {number}, which is not an input line"
        for fix in fixes:
            assert fix.before == current[number], (
                f"line {number}: fix {fix.kind!r} starts from {fix.before!r}, "
                f"but the line was {current[number]!r}"
            )
            current[number] = fix.after
    for line in result.lines:
        assert shown(line.text) == current[line.number], (
            f"line {line.number} is {line.text!r} in the output, but the fixes give {current[line.number]!r}"
        )
    kept = {line.number for line in result.lines}
    for number, value in current.items():
        if number not in kept:
            assert not value.strip(), (
                f"line {number} ({value!r}) is missing from the output without a fix removing it"
            )


def check_clean_output(text: str) -> None:
    """Output text is valid UTF-8 with no control characters besides newlines and no bidi
    controls (they are removed and reported)."""
    text.encode("utf-8")  # raises on a lone surrogate
    for ch in text:
        assert ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cs"), f"control {ch!r} in output"
        assert ch not in BIDI_CONTROLS, f"bidi control {ch!r} in output"


# Bytes map onto an alphabet biased to what breaks Arabic PDF text: letters, shaped
# presentation forms, harakat, tatweel, both digit systems, brackets, slashes, asterisks,
# superscripts, bidi and other controls, every kind of space and line break, a lone
# surrogate, Latin capitals of UN symbols.
FUZZ_ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة"
    "ﺍﻟﺠﻤﻌﻴﺔﻻﷲﷺ"
    "\u064b\u064e\u0650\u0651\u0652\u0670\u0640"
    "0123456789٠١٢٣٤٥٦٧٨٩۴۵"
    "()[]{}«»/\\*_-–—=.,،؛:؟!%"
    "⁽⁾¹²³⁰"
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u200b\u200c\u200d\ufeff\u00ad"
    "\x00\x01\x1b\x7f\x85\t\n\r\f\v\u2028\u2029 \u00a0\u2003\u3000"
    "\ud800\udfff\ue000\uf02a"
    "ARESCOPGEVN"
    "\u0301\u0654"
)
