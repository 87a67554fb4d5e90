"""Plain text: a readable clean version, without markup.

Title, metadata lines, the formula, paragraphs separated by blank lines with their numbers
(``3 - …``), sub-items indented with their labels (``(أ) …``), section headings on their own
lines, the closing, the annexes (heading underlined, then their paragraphs), then the footnotes
after a rule. Footnote references are put back in the text as ``[1]``.
"""

from __future__ import annotations

from ..models import Annex, Closing, Document, Footnote, Formula, Paragraph, Section, SubItem
from ..walk import walk
from ._common import annex_title, document_title, heading_text, metadata, with_markers

EXTENSION = ".txt"


def _flat(text: str) -> str:
    return " ".join(text.split())


def render(doc: Document) -> str:
    """The document as plain text: blocks (a paragraph with its sub-items, a heading...) in
    reading order, a blank line after each."""
    title = _flat(document_title(doc))
    head = [title, "=" * min(len(title), 72), ""]
    head += [f"{label}: {_flat(value)}" for label, value in metadata(doc)]
    blocks: list[list[str]] = []
    notes: list[str] = []
    # The same loop as markdown.render's on purpose: an exporter is one walk over the items
    # (README, "Architecture"), and what differs, each line it writes, is all the loop does;
    # a shared skeleton would be a table of callbacks, one per item type, for the same lines.
    for step in walk(doc):
        item = step.item
        if isinstance(item, Formula | Closing):
            blocks.append([_flat(item.text)])
        elif isinstance(item, Paragraph):
            number = f"{item.number} - " if item.number is not None else ""
            blocks.append([number + _flat(with_markers(item.text, item.footnote_refs, "[{}]"))])
        elif isinstance(item, SubItem):
            text = _flat(with_markers(item.text, item.footnote_refs, "[{}]"))
            blocks[-1].append(f"{'    ' * step.level}({item.label}) {text}")
        elif isinstance(item, Section):
            blocks.append([_flat(heading_text(item))])
        elif isinstance(item, Annex):
            heading = _flat(annex_title(item))
            blocks.append([heading, "-" * min(len(heading), 72)])
        elif isinstance(item, Footnote):
            notes.append(f"[{item.marker}] {_flat(item.text)}")
    if not (doc.preamble or doc.paragraphs or doc.sections or doc.annexes) and doc.text:
        blocks.append([doc.text])  # nothing was segmented: the clean text itself
    if notes:
        blocks += [["_" * 20], notes]
    lines = head + [""] + [line for block in blocks for line in [*block, ""]]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
