"""Property tests: any str given to normalize, repair or parse_text returns or raises
UnparseError, the output is idempotent, and Arabic letters are conserved (see
``tests/invariants.py`` for what "accounted for by a recorded fix" means exactly).

Hypothesis runs derandomized (a fixed seed derived from each test), so a failure found
here is found again on every machine; ``HYPOTHESIS_PROFILE=explore`` searches more widely
with random seeds.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import unparse
from invariants import (
    BIDI_CONTROLS,
    arabic_letters,
    check_clean_output,
    check_conservation,
    check_fix_log,
)
from unparse.repair.brackets import unmirror_brackets
from unparse.repair.markup import strip_markdown_emphasis, superscript_refs_to_markers

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

settings.register_profile(
    "ci",
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile(
    "explore", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة"
HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
PRESENTATION = "ﺍﻟﺠﻤﻌﻴﺔﻻﻷﺎﺑﺘﷲﷺ"
DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩۰۴"
PUNCT = "()[]{}«»/*_-–—=.,،؛:؟!%⁽⁾¹²³"
CONTROLS = BIDI_CONTROLS + "\u061c\u200b\u200c\u200d\ufeff\u00ad\x00\x01\x08\x1b\x7f\x80\x9f"
SPACES = " \t\u00a0\u2003\u202f\u3000"
BREAKS = "\n\r\f\v\x1c\x85\u2028\u2029"
SURROGATES = "\ud800\udbff\udc00\udfff"
COMBINING = "\u0301\u0654\u0655\u064e\u0651"  # with or without a base
LATIN = "ARESCOPGVN"
TATWEEL = "\u0640"

_alphabet = (
    ARABIC_LETTERS * 4
    + HARAKAT
    + PRESENTATION
    + DIGITS
    + PUNCT
    + CONTROLS
    + SPACES
    + BREAKS
    + SURROGATES
    + COMBINING
    + LATIN
    + TATWEEL * 3
)

# Arabic-heavy text: mostly letters, words and spaces, with everything that goes wrong.
arabic_heavy = st.text(alphabet=_alphabet, max_size=300)
# Words and numbers as UN texts have them, joined with spaces and line breaks.
_word = st.text(alphabet=ARABIC_LETTERS + HARAKAT + TATWEEL, min_size=1, max_size=8)
_number = st.from_regex(r"\A[0-9٠-٩]{1,4}(/[0-9٠-٩]{1,4})?\Z")
_token = st.one_of(
    _word,
    _word,
    _number,
    st.sampled_from(["A/RES/76/186", "(أ)", ")ب(", "**تحث**", "*", "ـــ", "-----", "4", "هـ"]),
    st.text(alphabet=CONTROLS + SURROGATES + COMBINING, min_size=1, max_size=2),
)
un_like = st.lists(
    st.tuples(_token, st.sampled_from([" ", " ", "  ", "\n", "\n\n", "\t", "،  "])), max_size=60
).map(lambda parts: "".join(t + s for t, s in parts))
# Anything at all, including lone surrogates and unassigned code points.
any_text = st.text(max_size=200)
mixed = st.one_of(arabic_heavy, un_like, any_text)

options = st.builds(
    unparse.Options,
    digits=st.sampled_from(["western", "eastern", "keep"]),
    keep_diacritics=st.booleans(),
    strip_tatweel=st.booleans(),
)


def _repair_or_error(text: str, opts: unparse.Options) -> unparse.RepairResult | None:
    try:
        return unparse.repair_text(text, opts)
    except unparse.UnparseError:
        return None


@given(mixed, options)
@example("\ud800الجمعية", unparse.Options())  # a lone surrogate: removed, and the log stays valid
@example("\u202bالجمعية العامة\u202c", unparse.Options())
def test_repair_returns_or_raises_unparse_error(text: str, opts: unparse.Options) -> None:
    result = _repair_or_error(text, opts)
    if result is None:
        return
    assert isinstance(result.text, str)
    check_clean_output(result.text)
    # The fix log is data too: it must serialise (no lone surrogates in before/after).
    for fix in result.fixes:
        fix.model_dump_json()


@given(mixed, options)
def test_normalize_is_idempotent(text: str, opts: unparse.Options) -> None:
    try:
        once = unparse.normalize(text, opts)
    except unparse.UnparseError:
        return
    assert unparse.normalize(once, opts) == once


@given(mixed, options)
@example("ﻻ ﷲ", unparse.Options())
@example("\u200fالأمم\u200e المتحدة", unparse.Options(digits="eastern"))
def test_arabic_letters_are_conserved(text: str, opts: unparse.Options) -> None:
    result = _repair_or_error(text, opts)
    if result is None:
        return
    check_conservation(text, result)


@given(mixed, options)
def test_fix_log_replays_the_repair(text: str, opts: unparse.Options) -> None:
    result = _repair_or_error(text, opts)
    if result is None:
        return
    check_fix_log(text, result)


@settings(max_examples=60)
@given(mixed, options)
def test_parse_text_returns_a_serialisable_document_or_raises(text: str, opts: unparse.Options) -> None:
    try:
        doc = unparse.parse_text(text, opts)
    except unparse.UnparseError:
        return
    assert doc.text == unparse.normalize(text, opts)
    doc.model_dump_json()


@given(
    st.text(alphabet=ARABIC_LETTERS + " ", max_size=80), st.lists(st.sampled_from(BIDI_CONTROLS), min_size=1)
)
def test_bidi_controls_are_removed_and_reported(words: str, controls: list[str]) -> None:
    text = "".join(c + w for c, w in zip(controls, [*words.split(" "), ""], strict=False)) + words
    result = unparse.repair_text(text)
    assert not any(c in result.text for c in BIDI_CONTROLS)
    reported = [f for f in result.fixes if f.kind == "invisible_controls"]
    assert reported, "bidi controls removed without a fix"
    assert all(any(c in f.before for c in BIDI_CONTROLS) for f in reported)
    assert not any(c in f.after for f in reported for c in BIDI_CONTROLS)


@given(st.text(alphabet=COMBINING + HARAKAT, min_size=1, max_size=20), arabic_heavy)
def test_combining_marks_without_a_base(marks: str, rest: str) -> None:
    # Marks at the very start of a line, after a newline, after a removed control.
    for text in (marks + rest, "\n" + marks, "\u200f" + marks + rest, rest + "\n" + marks):
        result = unparse.repair_text(text)
        check_clean_output(result.text)
        check_conservation(text, result)


@settings(max_examples=25)
@given(st.text(alphabet=_alphabet, min_size=1, max_size=40), st.integers(1000, 5000))
def test_very_long_lines(unit: str, repeat: int) -> None:
    text = unit.replace("\n", " ") * repeat  # one line of up to 200,000 characters
    result = _repair_or_error(text, unparse.Options())
    if result is None:
        return
    check_conservation(text, result)
    assert unparse.normalize(result.text) == result.text


def test_letters_definition() -> None:
    """The letter multiset of invariants.py: presentation forms fold, tatweel and harakat don't count."""
    assert arabic_letters("ﻻ") == arabic_letters("لا")
    assert arabic_letters("كـتـابٌ") == arabic_letters("كتاب")
    assert not arabic_letters("٠١٢ 123 ، ؟")
    assert all(unicodedata.category(c) == "Lo" for c in arabic_letters("الجمعية العامة ﺍﻟﺠﻤﻌﻴﺔ"))


@pytest.mark.parametrize("func", [unparse.normalize, unparse.repair_text, unparse.parse_text])
@pytest.mark.parametrize("value", [None, b"\xd8\xa7", 42, ["text"]])
def test_non_str_input_is_an_unparse_error(func: object, value: object) -> None:
    with pytest.raises(unparse.UnparseError, match="expected text"):
        func(value)  # type: ignore[operator]


@given(st.text(alphabet="()[]{}*¹⁽⁾ 1أب", max_size=40))
def test_bracket_fixer_is_idempotent(text: str) -> None:
    once = unmirror_brackets(text)
    assert unmirror_brackets(once) == once
    # Only brackets change, each into the other bracket of its own pair.
    pairs = {"(": "()", ")": "()", "[": "[]", "]": "[]", "{": "{}", "}": "{}"}
    assert len(once) == len(text)
    assert all(a == b or pairs.get(a) == pairs.get(b, "") for a, b in zip(text, once, strict=True))


@settings(max_examples=300)
@given(st.text(alphabet="*ab \n¹", max_size=40))
def test_markup_fixers_are_idempotent(text: str) -> None:
    once = superscript_refs_to_markers(strip_markdown_emphasis(text))
    assert superscript_refs_to_markers(strip_markdown_emphasis(once)) == once


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.txt")))
def test_samples_satisfy_the_invariants(name: str) -> None:
    """The real documents: conservation, the fix log, idempotence."""
    text = (SAMPLES / name).read_text(encoding="utf-8")
    result = unparse.repair_text(text)
    check_clean_output(result.text)
    check_conservation(text, result)
    check_fix_log(text, result)
    assert unparse.normalize(result.text) == result.text
