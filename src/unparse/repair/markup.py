"""Fixers for markup and reference glyphs that some extractors emit: markdown emphasis,
superscript footnote references."""

from __future__ import annotations

import regex

# **bold** and *italic* around words; a lone "*" (a footnote marker) is not emphasis.
_BOLD_RE = regex.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC_RE = regex.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")


def strip_markdown_emphasis(text: str) -> str:
    """Remove markdown emphasis that an extractor wrote around words.

    Real examples (A/RES/76/186): ``"1 - **تحث** الدول"`` → ``"1 - تحث الدول"``;
    ``"United Nations, *Treaty Series*, vol. 2225"`` → ``"United Nations, Treaty Series, vol. 2225"``.
    A lone ``*`` (a footnote marker) is left alone.
    """
    if "*" not in text:
        return text
    text = _BOLD_RE.sub(r"\1", text)
    return _ITALIC_RE.sub(r"\1", text)


_SUPER_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPER_TO_DIGIT = str.maketrans(_SUPER_DIGITS, "0123456789")
_SUPER_REF_RE = regex.compile(r"⁽?([⁰¹²³⁴⁵⁶⁷⁸⁹]+)⁾?|⁽\*⁾")


def superscript_refs_to_markers(text: str) -> str:
    """Write superscript footnote references the way UN Arabic texts print them: ``(12)``.

    Real example (A/RES/76/186): ``"لخطة التنمية المستدامة لعام 2030⁽¹⁾، وإذ"`` →
    ``"لخطة التنمية المستدامة لعام 2030(1)، وإذ"``. Segmentation turns these into
    ``FootnoteRef`` objects.
    """
    if not any(c in text for c in "⁽⁾⁰¹²³⁴⁵⁶⁷⁸⁹"):
        return text

    def repl(m: regex.Match[str]) -> str:
        digits = m.group(1)
        return f"({digits.translate(_SUPER_TO_DIGIT)})" if digits else "(*)"

    return _SUPER_REF_RE.sub(repl, text)
