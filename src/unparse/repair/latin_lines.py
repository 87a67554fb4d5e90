"""Left-to-right lines (a footnote that cites an English title) in a text whose lines'
runs came out in page order.

A line of Latin prose is one left-to-right run: PyMuPDF and pypdf give it in reading
order even where they give an Arabic line's runs backwards (Chromium's PDFs, fpdf2's),
so the run-order step must not read it as reversed (:func:`latin_prose`: reordered, its
words came out backwards, ``"United Nations, Treaty Series"`` as ``"Series, Treaty
Nations, United"``). What the extractor did move is what the right-to-left paragraph
around the run holds: its final stop, drawn at the left, comes first, and the footnote's
marker, drawn at the right, comes last, mirrored (:func:`restore_latin_note`).
"""

from __future__ import annotations

import regex

from ..lines import Line
from .pipeline import Context, fix_each_line

_ARABIC_RE = regex.compile(r"(?V1)[\p{Arabic}&&\p{L}]")
_PUNCT = "()[]{}\"'«».,;:!?"
_STOPS = ".,;:،؛"


def _latin_word(word: str) -> bool:
    """A word of Latin prose: Latin letters only once its punctuation is off, two or more,
    one in lower case; a symbol (``A/HRC/Sub.1/58/25``, ``CTOC``) or a web address is no
    word of prose. A word is what spaces delimit."""
    core = word.strip(_PUNCT)
    return len(core) >= 2 and core.isascii() and core.isalpha() and not core.isupper()


def latin_prose(text: str) -> bool:
    """More words of Latin prose than Arabic words: a left-to-right line.

    Real (PyMuPDF on Chromium, ga-res-78-96, a footnote and the masthead):

    >>> latin_prose(".United Nations, Treaty Series, vol. 249, No. 3511 )1(")
    True
    >>> latin_prose("Distr.: General"), latin_prose(".A/78/273 )5(")
    (True, False)
    >>> latin_prose('" في توثيقها؛Object ID" (أ) إعداد قوائم جرد وطنية')
    False

    A web address is one word (PyMuPDF on Chromium, note-e-cn7-2024-8-budget):

    >>> latin_prose(".https://www.unodc.org/unodc/en/donors/index.html  للاطلاع على المعلومات")
    False
    >>> latin_prose(")٦(   A/HRC/Sub.1/58/25.  ")
    False
    """
    words = text.split()
    latin = sum(_latin_word(w) for w in words)
    return latin > 0 and latin > sum(_ARABIC_RE.search(w) is not None for w in words)


# The stop the paragraph ends with, first; the Latin run; the note's marker, last (mirrored
# by PyMuPDF, as drawn by pypdf).
_LATIN_NOTE_RE = regex.compile(
    r"^(?P<stop>[.,;:،؛]?)(?P<body>\p{Latin}[^\p{Arabic}]*?\S)"
    r"(?: +(?:\)(?P<m1>\p{Nd}{1,3})\(|\((?P<m2>\p{Nd}{1,3})\)|\)\((?P<m3>\p{Nd}{1,3})))?$"
)


def restore_latin_note(text: str) -> str:
    """A left-to-right line of a page-order text with its stop back at its end and its
    footnote marker back at its start.

    Real (PyMuPDF on Chromium, ga-res-78-96; pypdf gives the marker ``"(1)"``):

    >>> restore_latin_note(".United Nations, Treaty Series, vol. 249, No. 3511 )1(")
    '(1) United Nations, Treaty Series, vol. 249, No. 3511.'
    >>> restore_latin_note(".Session, Paris, 15 October-3 November 2001, vol. 1, annex I")
    'Session, Paris, 15 October-3 November 2001, vol. 1, annex I.'

    PyMuPDF on fpdf2, whose lines are otherwise in reading order, gives the marker's
    brackets together before it (sg-a-79-168-crime-programme):

    >>> restore_latin_note(".United Nations, Treaty Series, vol. 2349, No. 42146 )(٣")
    '(٣) United Nations, Treaty Series, vol. 2349, No. 42146.'

    A line without either, or not Latin prose, stays:

    >>> restore_latin_note("Distr.: General"), restore_latin_note(".A/78/273 )5(")
    ('Distr.: General', '.A/78/273 )5(')
    """
    m = _LATIN_NOTE_RE.match(text)
    if m is None:
        return text
    marker = m["m1"] or m["m2"] or m["m3"]
    if not (m["stop"] or marker) or not latin_prose(text):
        return text
    return (f"({marker}) " if marker else "") + m["body"] + m["stop"]


def restore_latin_stop(text: str) -> str:
    """A left-to-right line that starts with its stop is restored (:func:`restore_latin_note`)
    in any text: no line of Latin prose starts with one.

    Real (PyMuPDF on fpdf2, note-ctoc-cop-wg6-2024-3-firearms, a text in reading order;
    pdftotext -layout on Chromium, ga-res-example):

    >>> restore_latin_stop(".CTOC/COP/WG.6/2024/1 *")  # a header asterisk's note
    '* CTOC/COP/WG.6/2024/1.'
    >>> restore_latin_stop(".United Nations Office on Drugs and Crime, Global Study (Vienna, 2020) )(١")
    '(١) United Nations Office on Drugs and Crime, Global Study (Vienna, 2020).'
    >>> restore_latin_stop("       .United Nations, Treaty Series, vol. 1577, No. 27531 )3(")
    '(3) United Nations, Treaty Series, vol. 1577, No. 27531.'

    A marker last without the stop first stays: only a text whose runs are reversed shows
    that it was moved.

    >>> restore_latin_stop("United Nations, Treaty Series, vol. 1577, No. 27531 (3)")
    'United Nations, Treaty Series, vol. 1577, No. 27531 (3)'
    """
    core = text.lstrip(" ")
    if core[:1] not in _STOPS:
        return text
    star = restore_star_note(core)
    if star != core:
        return star
    fixed = restore_latin_note(core)
    return text if fixed == core else fixed


def restore_latin_lines(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: in a text judged run-reversed (``facts["runs_reversed"]``), each
    left-to-right line gets its stop and its footnote marker back
    (:func:`restore_latin_note`); in any other text, each such line that starts with its
    stop (:func:`restore_latin_stop`): the stop is the right-to-left paragraph's, which
    PyMuPDF and pypdf (and pdftotext -layout) draw first whatever order they give the
    runs in. A header asterisk's note given so is read first (:func:`restore_star_note`).

    Real (PyMuPDF on Chromium, ga-res-78-96): ``".Ibid., vol. 823, No. 11806 )3("`` →
    ``"(3) Ibid., vol. 823, No. 11806."``.
    """
    if ctx.facts.get("runs_reversed") is not True:
        if not any(line.text.lstrip(" ")[:1] in _STOPS for line in lines):
            return lines
        return fix_each_line(lines, ctx, "latin_note", restore_latin_stop)
    return fix_each_line(lines, ctx, "latin_note", lambda text: restore_latin_note(restore_star_note(text)))


# The note of a header's asterisk, a symbol (a left-to-right line) given as drawn: its full
# stop first, the asterisk last.
_VISUAL_STAR_RE = regex.compile(r"^[ \t]*(?P<stop>[.،؛])(?P<body>[A-Z][^\p{Arabic}*()]*[^\s*])[ \t]\*[ \t]*$")


def restore_star_note(text: str) -> str:
    """An asterisk's note given in visual order, in reading order; any other line as it is.
    The stop first and the asterisk last say it (no note or text line is drawn so).

    Real (pypdf on fpdf2, note-ctoc-cop-wg6-2024-3-firearms; pdftotext -raw, sg-a-79-168):

    >>> restore_star_note(".CTOC/COP/WG.6/2024/1 *"), restore_star_note("* A/79/50.")
    ('* CTOC/COP/WG.6/2024/1.', '* A/79/50.')
    """
    m = _VISUAL_STAR_RE.match(text) if "*" in text else None
    return text if m is None else f"* {m['body'].strip()}{m['stop']}"
