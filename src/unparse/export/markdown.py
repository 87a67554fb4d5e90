"""Markdown: a readable clean version (title, metadata, paragraphs, sections as headings, annexes,
footnotes).

Numbered paragraphs keep their own numbers as bold text (``**3** - …``) rather than becoming a
Markdown ordered list, which renderers renumber; sub-items are nested bullets with their labels;
footnote references are Markdown footnotes (``[^1]``) with the notes at the end.
"""

from __future__ import annotations

import regex

from ..models import Document, FootnoteRef, Paragraph, SubItem
from . import _common
from ._common import annex_title, body_in_order, document_title, heading_text, in_order, metadata

EXTENSION = ".md"

_SPECIAL = regex.compile(r"([\\`*_\[\]<>|])")
_SPACES = regex.compile(r"\s+")
_LINE_START = regex.compile(r"^(\s*)([#>+\-=]|\d+[.)])")


def _inline(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", _SPACES.sub(" ", text))


def escape(text: str) -> str:
    """Escape what Markdown would read as markup, and fold line breaks into spaces."""
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), _inline(text).strip())


def _cited(text: str, refs: list[FootnoteRef]) -> str:
    # Escape the text piecewise so that the offsets of the references still hold.
    pieces: list[str] = []
    last = 0
    for ref in sorted(refs, key=lambda r: r.offset):
        at = min(max(ref.offset, last), len(text))
        pieces.append(_inline(text[last:at]))
        pieces.append(f"[^{_note_label(ref.marker)}]")
        last = at
    pieces.append(_inline(text[last:]))
    joined = "".join(pieces).strip()
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), joined)


def _note_label(marker: str) -> str:
    return "star" if marker == "*" else escape(marker).replace(" ", "")


def _sub_items(items: list[SubItem], depth: int, lines: list[str]) -> None:
    for sub in items:
        lines.append(f"{'  ' * depth}- ({escape(sub.label)}) {_cited(sub.text, sub.footnote_refs)}")
        _sub_items(sub.sub_items, depth + 1, lines)


def _paragraph(p: Paragraph, lines: list[str]) -> None:
    number = f"**{p.number}** - " if p.number is not None else ""
    lines.append(number + _cited(p.text, p.footnote_refs))
    if p.sub_items:
        lines.append("")
        _sub_items(p.sub_items, 0, lines)
    lines.append("")


def render(doc: Document) -> str:
    """The document as Markdown."""
    lines = [f"# {escape(document_title(doc))}", ""]
    for label, value in metadata(doc):
        lines.append(f"- **{label}:** {escape(value)}")
    lines.append("")
    formula = [f"*{escape(doc.preamble_opening)}*", ""] if doc.preamble_opening else []
    lines += [] if _common.formula_last(doc) else formula
    for p in doc.preamble:
        _paragraph(p, lines)
    lines += formula if _common.formula_last(doc) else []
    for item in body_in_order(doc):
        if item.section is not None:
            hashes = "#" * min(item.section.level + 1, 6)
            lines += [f"{hashes} {escape(heading_text(item.section))}", ""]
        elif item.paragraph is not None:
            _paragraph(item.paragraph, lines)
    if doc.closing:
        lines += [f"*{escape(doc.closing)}*", ""]
    for annex in doc.annexes:
        lines += [f"## {escape(annex_title(annex))}", ""]
        for item in in_order(annex.paragraphs, annex.sections):
            if item.section is not None:
                hashes = "#" * min(item.section.level + 2, 6)
                lines += [f"{hashes} {escape(heading_text(item.section))}", ""]
            elif item.paragraph is not None:
                _paragraph(item.paragraph, lines)
    if not (doc.preamble or doc.paragraphs or doc.sections or doc.annexes) and doc.text:
        # Nothing was segmented: the clean text itself, paragraph by paragraph.
        lines += [escape(block) + "\n" for block in doc.text.split("\n") if block.strip()]
    if doc.footnotes:
        lines += ["---", ""]
        for note in doc.footnotes:
            lines.append(f"[^{_note_label(note.marker)}]: {escape(note.text)}")
        lines.append("")
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
