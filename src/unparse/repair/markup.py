"""Fixers for markup and reference glyphs that some extractors emit: markdown emphasis,
superscript footnote references."""

from __future__ import annotations

import regex

from ..lines import Line, blank
from .pipeline import Context

# **bold** and *italic* around words; a lone "*" (a footnote marker) is not emphasis.
# The emphasised text starts and ends with a character that is neither a space nor "*":
# a row of asterisks ("**********") is not emphasis of "**" (and stripping it in pairs
# would leave a row that the next pass strips again).
_BOLD_RE = regex.compile(r"\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*")
# A "*" inside brackets, "(*)" or "⁽*⁾", is a footnote marker, never an emphasis delimiter.
_ITALIC_RE = regex.compile(r"(?<![\w*(⁽])\*(?=[^\s*)⁾])([^*\n]+?)(?<=[^\s*(⁽])\*(?![\w*)⁾])")


def strip_markdown_emphasis(text: str) -> str:
    """Remove markdown emphasis that an extractor wrote around words.

    Real examples (A/RES/76/186): ``"1 - **تحث** الدول"`` → ``"1 - تحث الدول"``;
    ``"United Nations, *Treaty Series*, vol. 2225"`` → ``"United Nations, Treaty Series, vol. 2225"``.
    A lone ``*`` (a footnote marker) is left alone. Nested and stacked emphasis
    (``***x***``, ``*****x*****``) goes in one call: the fixer repeats until nothing is
    left to strip, so a second call never changes its output (each round removes at least
    two asterisks, so there are at most ``count("*") // 2`` rounds).

    >>> strip_markdown_emphasis("9*****عمل⁾⁾⁾⁾*****ab ؤ 3")
    '9*عمل⁾⁾⁾⁾*ab ؤ 3'
    >>> strip_markdown_emphasis("الحاشية (*) و* وحدها")
    'الحاشية (*) و* وحدها'
    """
    if "*" not in text:
        return text
    while True:
        fixed = _ITALIC_RE.sub(r"\1", _BOLD_RE.sub(r"\1", text))
        if fixed == text:
            return text
        text = fixed


# An ATX heading: one to six "#" at the line start, a space, a title with a letter in it;
# an optional closing row of "#".
# (Multiline: a local fixer sees the whole text at once.)
_HEADING_RE = regex.compile(
    r"^(?P<pad>[ \t]*)#{1,6}[ \t]+(?P<title>[^#\n]*?\p{L}[^\n]*?)(?:[ \t]+#+)?[ \t]*$", regex.M
)


def strip_markdown_headings(text: str) -> str:
    """Remove the ``#`` marks of a markdown heading that a PDF-to-markdown converter wrote;
    the title stays, and segmentation reads its label (``أولا``, ``ألف``, ``المرفق``) as it
    reads any heading.

    Real example (the benchmark's markdown damage, CRPD/CSP/2023/5):
    ``"# أولاً - مقدمة"`` → ``"أولاً - مقدمة"``; ``"## ألف - افتتاح الدورة"`` →
    ``"ألف - افتتاح الدورة"``. A ``#`` that is not followed by a space, or a line of
    ``#`` alone, is not a heading and stays.

    >>> strip_markdown_headings("## ألف - افتتاح الدورة")
    'ألف - افتتاح الدورة'
    >>> strip_markdown_headings("#1 في القائمة\\n###\\n# المرفق الأول")
    '#1 في القائمة\\n###\\nالمرفق الأول'
    """
    if "#" not in text:
        return text
    return _HEADING_RE.sub(r"\g<pad>\g<title>", text)


_SUPER_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPER_TO_DIGIT = str.maketrans(_SUPER_DIGITS, "0123456789")
# Superscript glyphs, and the first character of each markup a converter writes for a
# superscript reference: HTML "<sup>1</sup>" (docling, marker, pymupdf4llm), pandoc "^1^",
# a markdown footnote reference "[^1]".
SUPERSCRIPT_CLASS = "⁽⁾⁰¹²³⁴⁵⁶⁷⁸⁹<\\^"
_SUPER_RE = regex.compile(f"[{SUPERSCRIPT_CLASS}]")
_SUPER_REF_RE = regex.compile(
    r"⁽?(?P<s>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)⁾?|⁽\*⁾"
    # Markup around a marker of one to three digits (or "*"): nothing else is a reference.
    # (the tag in any case, spelled out: the flag IGNORECASE makes the whole scan slower)
    r"|<[sSſ][uU][pP]>\s*\(?(?P<d>\p{Nd}{1,3}|\*)\)?\s*</[sSſ][uU][pP]>"
    r"|(?<!\^)\^(?P<d>\p{Nd}{1,3}|\*)\^(?![\^\p{Nd}])"
    r"|\[\^(?P<d>\p{Nd}{1,3}|\*)\](?!:)"
)


def superscript_refs_to_markers(text: str) -> str:
    """Write superscript footnote references the way UN Arabic texts print them: ``(12)``.

    Real example (A/RES/76/186): ``"لخطة التنمية المستدامة لعام 2030⁽¹⁾، وإذ"`` →
    ``"لخطة التنمية المستدامة لعام 2030(1)، وإذ"``. Segmentation turns these into
    ``FootnoteRef`` objects. The markup that PDF-to-markdown converters write for a
    superscript goes the same way (the benchmark's markdown damage, A/RES/78/96): HTML
    ``<sup>``, pandoc ``^N^`` and a markdown footnote reference ``[^N]``; a definition
    ``[^N]:`` and a caret between other characters are not references and stay.

    >>> superscript_refs_to_markers("بتقرير المدير العام لليونسكو<sup>5</sup>، الذي")
    'بتقرير المدير العام لليونسكو(5)، الذي'
    >>> superscript_refs_to_markers("لعام 1954^1^ والبروتوكول[^2]، و 2^10 و[^3]: نص")
    'لعام 1954(1) والبروتوكول(2)، و 2^10 و[^3]: نص'
    """
    if not _SUPER_RE.search(text):
        return text

    def repl(m: regex.Match[str]) -> str:
        if m["d"] is not None:
            return f"({m['d']})"
        digits = m["s"]
        return f"({digits.translate(_SUPER_TO_DIGIT)})" if digits else "(*)"

    return _SUPER_REF_RE.sub(repl, text)


_OPENER_RE = regex.compile(r"(?<![\w*])\*(?=[^\s*])")
_CLOSER_RE = regex.compile(r"(?<=[^\s*])\*(?![\w*])")


def strip_emphasis_across_lines(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: emphasis whose ``*`` opens on one line and closes a few lines further,
    as when an extractor wraps an italic title: ``"... Nations, *Trafficking in Organs,"`` …
    ``"Removal of Organs* (Strasbourg, ...)"`` → both asterisks removed."""
    out = list(lines)
    for i, first in enumerate(out):
        if "*" not in first.text:
            continue
        openers = list(_OPENER_RE.finditer(first.text))
        if not openers or _CLOSER_RE.search(first.text, openers[-1].end()):
            continue
        for j in range(i + 1, min(i + 6, len(out))):
            second = out[j]
            if blank(second):
                break
            if "*" not in second.text:
                continue
            closer = _CLOSER_RE.search(second.text)
            if closer is None or _OPENER_RE.search(second.text, 0, closer.start()):
                break
            start = openers[-1].start()
            a = first.text[:start] + first.text[start + 1 :]
            b = second.text[: closer.start()] + second.text[closer.end() :]
            ctx.record("markdown_emphasis", first.number, first.text, a)
            ctx.record("markdown_emphasis", second.number, second.text, b)
            out[i] = Line(first.number, a, first.page)
            out[j] = Line(second.number, b, second.page)
            break
    return out
