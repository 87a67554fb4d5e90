"""Markdown: a readable clean version (title, metadata, paragraphs, sections as headings, annexes,
footnotes).

Numbered paragraphs keep their own numbers as bold text (``**3** - …``) rather than becoming a
Markdown ordered list, which renderers renumber; sub-items are nested bullets with their labels;
footnote references are Markdown footnotes (``[^1]``) with the notes at the end.
"""

from __future__ import annotations

import regex

from ..models import Annex, Closing, Document, Footnote, FootnoteRef, Formula, Paragraph, Section, SubItem
from ..walk import walk
from ._common import annex_title, document_title, heading_text, metadata

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


def render(doc: Document) -> str:
    """The document as Markdown: blocks in reading order, a blank line after each."""
    head = [f"# {escape(document_title(doc))}", ""]
    head += [f"- **{label}:** {escape(value)}" for label, value in metadata(doc)]
    blocks: list[list[str]] = []
    notes: list[str] = []
    for step in walk(doc):
        item = step.item
        if isinstance(item, Formula | Closing):
            blocks.append([f"*{escape(item.text)}*"])
        elif isinstance(item, Paragraph):
            number = f"**{item.number}** - " if item.number is not None else ""
            blocks.append([number + _cited(item.text, item.footnote_refs)])
        elif isinstance(item, SubItem):
            if step.level == 1 and step.position == 1:
                blocks[-1].append("")  # a list after the paragraph's text
            indent = "  " * (step.level - 1)
            blocks[-1].append(f"{indent}- ({escape(item.label)}) {_cited(item.text, item.footnote_refs)}")
        elif isinstance(item, Section):
            hashes = "#" * min(item.level + step.depth + 1, 6)  # an annex's headings one deeper
            blocks.append([f"{hashes} {escape(heading_text(item))}"])
        elif isinstance(item, Annex):
            blocks.append([f"## {escape(annex_title(item))}"])
        elif isinstance(item, Footnote):
            notes.append(f"[^{_note_label(item.marker)}]: {escape(item.text)}")
    lines = head + [""] + [line for block in blocks for line in [*block, ""]]
    if not (doc.preamble or doc.paragraphs or doc.sections or doc.annexes) and doc.text:
        # Nothing was segmented: the clean text itself, paragraph by paragraph.
        lines += [escape(block) + "\n" for block in doc.text.split("\n") if block.strip()]
    if notes:
        lines += ["---", "", *notes, ""]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
