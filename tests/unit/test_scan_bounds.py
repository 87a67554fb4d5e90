"""The cheap scans that let a step skip a text must never skip one its pattern would repair.

Each step below first runs a scan that is many times cheaper than its pattern (``str.find``,
the stdlib's engine skipping to rare characters) and stops when the scan says there is
nothing to do. The scan is an upper bound of what the pattern finds: these tests check the
bound against the pattern itself on texts built from the characters that matter (letters,
glyph codes, digits of three scripts, spaces of several kinds, brackets, stars, breaks).
"""

from __future__ import annotations

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from builders import numbered_lines
from unparse.lines import SPACES
from unparse.options import DEFAULT_OPTIONS
from unparse.repair import furniture, kashida_digits, kashida_segments, latin_dates, markup, notes
from unparse.repair.glyph_codes import glyph_counts
from unparse.repair.pipeline import Context

_PIECES = [
    "ا", "ل", "ة", "َ", "D", "A", "@", "$", ":", "*", "g", "6", "٦", "۶", "1", " ", "\u00a0",
    "\u2003", "\x1c", "\x0c", "،", "(", ")", ".", "12", "(3)", "ذاDت", "ة66ماعلا", "A/78/267",
]  # fmt: skip
_texts = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)
_line_lists = st.lists(_texts, min_size=1, max_size=6)

# The reference as the notes step defines it, matched line by line.
_REF_RE = regex.compile(r"(?<=[^\s(])\((\d{1,3})\)|(?<=[\p{L}\p{N}.,،؛)])(\*)")


@settings(max_examples=400, deadline=None, derandomize=True)
@given(_texts)
def test_kashida_digit_candidates_bound_the_runs(text: str) -> None:
    runs = len(kashida_digits._KASHIDA_DIGITS_RE.findall(text))
    assert kashida_digits._candidates(text) >= min(runs, kashida_digits.MIN_RUNS)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(_line_lists)
@example(["،ل::ل", "َا$ @@@،", "َلA @:A،"])  # a run of two colons between two letters
def test_kashida_lines_are_counted_as_line_by_line(texts: list[str]) -> None:
    lines = numbered_lines(*texts)
    digit = kashida_segments.kashida_digit("\n".join(texts))
    held = sum(1 for line in lines if kashida_segments.has_kashida(line.text, digit))
    found_digit, found = kashida_segments._held(lines, Context(DEFAULT_OPTIONS))
    if held >= kashida_segments.MIN_LINES:
        assert (found_digit, found) == (digit, held)
    else:
        assert found < kashida_segments.MIN_LINES


@settings(max_examples=400, deadline=None, derandomize=True)
@given(_line_lists)
def test_note_references_are_those_of_each_line(texts: list[str]) -> None:
    lines = numbered_lines(*texts)
    expected = {
        id(line): {m[1] or m[2] for m in _REF_RE.finditer(line.text)}
        for line in lines
        if _REF_RE.search(line.text)
    }
    assert notes._refs(lines, Context(DEFAULT_OPTIONS)) == expected


def test_the_bounds_skip_clean_text() -> None:
    text = "قرار الجمعية العامة 76/186 المؤرخ 9 كانون الأول/ديسمبر 2021 (A/RES/76/186)(1)."
    assert kashida_digits._candidates(text) == 0
    assert kashida_segments._may_hold(glyph_counts(text)) is False
    assert kashida_segments._may_hold(glyph_counts("ذاDت إلى أن هDد خلصDاخ")) is True
    lines = numbered_lines(text)
    assert notes._refs(lines, Context(DEFAULT_OPTIONS)) == {id(lines[0]): {"1"}}


@settings(max_examples=400, deadline=None, derandomize=True)
@given(
    st.lists(st.sampled_from(["(", "*", " ", "\t", "\u00a0", "\x1c", "\u2003", "1", ")", "ا"]), max_size=8)
)
def test_a_note_line_may_open_a_note(chars: list[str]) -> None:
    text = "".join(chars)
    assert notes._may_open(text) or not notes._NOTE_RE.match(text)


def test_spaces_are_the_regex_modules_white_space() -> None:
    # The patterns the string tests replace say ``\s``: the same characters, every one.
    every = "".join(map(chr, range(0x110000)))
    assert set(regex.findall(r"\s", every)) == set(SPACES)


_END_PIECES = ["ا", "1", "٣", ".", ")", "،", " ", "\t", "\u00a0", "\u3000", "\x1c", "\u200b", "*", "x"]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(_END_PIECES), max_size=8).map("".join))
def test_line_ends_as_their_patterns_said(text: str) -> None:
    assert notes._note_end(text) == bool(regex.search(r"[.)]\s*$", text))
    assert notes._cut_end(text) == bool(regex.search(r"[\p{L}\p{N}]\s*$", text))


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["A/78/267", "3", "٣", " ", "\u00a0", "\x1c", "ا", "x", "\t"]), max_size=6))
def test_a_header_pair_is_looked_for_where_it_can_start(pieces: list[str]) -> None:
    text = "".join(pieces)
    found = furniture._HEADER_PAIR_RE.match(text)
    assert furniture._pair(text) == (
        None if found is None else (found["symbol"] or found["symbol2"], found["page"] or found["page2"])
    )


def test_superscript_markup_in_any_case() -> None:
    # The tag spelled in every case the flag IGNORECASE matched (and "ſ", which folds to "s").
    assert markup.superscript_refs_to_markers("لليونسكو<SUP>5</Sup>، و<ſup>6</sup>") == "لليونسكو(5)، و(6)"


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["July", "2023", "28", " ", "\t", "\n", "ا", "\r", "x", "5"]), max_size=10))
def test_latin_dates_are_looked_for_on_lines_starting_with_a_capital(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert latin_dates.restore_latin_date_order(text) == latin_dates._MOVED_DAY_RE.sub(
        latin_dates._restore, text
    )
