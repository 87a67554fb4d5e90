"""Plain text: a readable clean version, without markup.

Title, metadata lines, the formula, paragraphs separated by blank lines with their numbers
(``3 - …``), sub-items indented with their labels (``(أ) …``), section headings on their own
lines, the closing, the annexes (heading underlined, then their paragraphs), then the footnotes
after a rule. Footnote references are put back in the text as ``[1]``.
"""

from __future__ import annotations

from ..models import Document, Paragraph, SubItem
from ._common import (
    annex_title,
    body_in_order,
    document_title,
    formula_last,
    heading_text,
    in_order,
    metadata,
    with_markers,
)

EXTENSION = ".txt"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _sub_items(items: list[SubItem], depth: int, lines: list[str]) -> None:
    for sub in items:
        text = _flat(with_markers(sub.text, sub.footnote_refs, "[{}]"))
        lines.append(f"{'    ' * depth}({sub.label}) {text}")
        _sub_items(sub.sub_items, depth + 1, lines)


def _paragraph(p: Paragraph, lines: list[str]) -> None:
    number = f"{p.number} - " if p.number is not None else ""
    lines.append(number + _flat(with_markers(p.text, p.footnote_refs, "[{}]")))
    _sub_items(p.sub_items, 1, lines)
    lines.append("")


def render(doc: Document) -> str:
    """The document as plain text."""
    title = _flat(document_title(doc))
    lines = [title, "=" * min(len(title), 72), ""]
    lines += [f"{label}: {_flat(value)}" for label, value in metadata(doc)]
    lines.append("")
    formula = [_flat(doc.preamble_opening), ""] if doc.preamble_opening else []
    lines += [] if formula_last(doc) else formula
    for p in doc.preamble:
        _paragraph(p, lines)
    lines += formula if formula_last(doc) else []
    for item in body_in_order(doc):
        if item.section is not None:
            lines += [_flat(heading_text(item.section)), ""]
        elif item.paragraph is not None:
            _paragraph(item.paragraph, lines)
    if doc.closing:
        lines += [_flat(doc.closing), ""]
    for annex in doc.annexes:
        heading = _flat(annex_title(annex))
        lines += [heading, "-" * min(len(heading), 72), ""]
        for item in in_order(annex.paragraphs, annex.sections):
            if item.section is not None:
                lines += [_flat(heading_text(item.section)), ""]
            elif item.paragraph is not None:
                _paragraph(item.paragraph, lines)
    if not (doc.preamble or doc.paragraphs or doc.sections or doc.annexes) and doc.text:
        lines += [doc.text, ""]
    if doc.footnotes:
        lines += ["_" * 20, ""]
        lines += [f"[{note.marker}] {_flat(note.text)}" for note in doc.footnotes]
        lines.append("")
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
