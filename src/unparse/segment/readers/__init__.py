"""The readers of a document's body, in the order they are tried on each line.

Each reader is a function ``(reading, index, line, text) -> bool`` (:data:`~..reading.Reader`)
that consumes the line (True) or lets the next one try; the last one always consumes it. To
add a reader: write it in the module of its part of the document and put it in
:data:`READERS` before the readers whose lines it must take first.
"""

from __future__ import annotations

from ..reading import Reader
from .body import (
    drop_prose_in_holes,
    note_references,
    read_annex,
    read_annex_preamble,
    read_annex_text,
    read_body_text,
    read_closing,
    read_continuation,
    read_heading,
    read_numbered,
    read_preamble,
    read_sub_item,
    read_symbol_entry,
    read_text_only_body,
    read_unlabelled_heading,
)
from .contents import check_contents, read_contents
from .footnotes import read_footnote, read_star_note
from .formula import read_formula, read_header
from .legislation import has_articles, legal_marker, read_legislation

READERS: list[Reader] = [
    read_footnote,  # footnote areas come first: their lines look like anything else
    read_contents,
    read_star_note,
    read_annex,
    read_legislation,
    read_closing,
    note_references,  # the markers cited by every line not taken above
    read_numbered,
    read_heading,
    read_unlabelled_heading,
    read_sub_item,
    read_formula,
    read_header,  # everything else before the body begins
    read_preamble,
    read_symbol_entry,
    read_annex_text,
    read_annex_preamble,
    read_body_text,
    read_continuation,  # everything else: the rest of the open item
]

__all__ = [
    "READERS",
    "check_contents",
    "drop_prose_in_holes",
    "has_articles",
    "legal_marker",
    "note_references",
    "read_text_only_body",
]
