"""Helpers shared by the exporters: document order of sections and paragraphs, footnote markers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from .. import walk
from ..lexicon import UNKNOWN_COUNTRY, states_named
from ..models import Annex, Document, FootnoteRef, Paragraph, Section
from ..walk import formula_last, is_act, is_attached_act

__all__ = ["formula_last", "is_act", "is_attached_act"]  # re-exported: where the exporters import them

# The number in a law's or decree's title: "قانون رقم 8 لسنة 2022", "مرسوم بقانون رقم (12)".
_TITLE_NUMBER_RE = regex.compile(r"(?<!\p{L})رقم\s*\(?\s*(\p{Nd}{1,6})(?!\p{Nd})")


@dataclass(frozen=True)
class Item:
    """One step of a document's body in reading order: a section heading or a numbered paragraph."""

    section: Section | None = None
    paragraph: Paragraph | None = None


def body_in_order(doc: Document) -> Iterator[Item]:
    """Section headings interleaved with the numbered paragraphs of the body, in reading order."""
    return in_order(doc.paragraphs, doc.sections)


def annex_title(annex: Annex) -> str:
    """``"المرفق - قائمة الدول"``: the label and the title of an annex, as printed."""
    return f"{annex.label} - {annex.title}" if annex.title else annex.label


def in_order(paragraphs: list[Paragraph], sections: list[Section]) -> Iterator[Item]:
    """:func:`unparse.walk.in_order`, each step an :class:`Item` (the review page's outline)."""
    for x in walk.in_order(paragraphs, sections):
        yield Item(section=x) if isinstance(x, Section) else Item(paragraph=x)


def with_markers(text: str, refs: list[FootnoteRef], fmt: str) -> str:
    """``text`` with each footnote marker put back at its offset, formatted by ``fmt`` (``"[^{}]"``)."""
    if not refs:
        return text
    out = text
    for ref in sorted(refs, key=lambda r: r.offset, reverse=True):
        at = min(max(ref.offset, 0), len(out))
        out = out[:at] + fmt.format(ref.marker) + out[at:]
    return out


def heading_text(section: Section) -> str:
    """``"أولاً - مقدمة"``: the label and the title of a section, as printed."""
    if section.label and section.title:
        return f"{section.label} - {section.title}"
    return section.label or section.title


def document_title(doc: Document) -> str:
    """The best available title: the document's title, else its symbol, else its source."""
    return doc.title or doc.symbol or doc.source or "Untitled document"


def metadata(doc: Document) -> list[tuple[str, str]]:
    """The metadata worth printing, as (label, value) pairs, in a fixed order."""
    pairs = [
        ("Symbol", doc.symbol),
        ("Kind", doc.kind),
        ("Body", doc.organ),
        ("Session", doc.session),
        ("Agenda item", doc.agenda_item),
        ("Date", doc.date.isoformat() if doc.date else None),
        ("Source", doc.source),
    ]
    return [(k, v) for k, v in pairs if v]


def act_number(doc: Document) -> str | None:
    """The number of a law or decree: its symbol, else the number in its title (``"8"``)."""
    if doc.symbol:
        return doc.symbol
    m = _TITLE_NUMBER_RE.search(doc.title or "")
    return str(int(m[1])) if m else None  # int() reads Eastern digits too


def act_country(doc: Document) -> str:
    """The ISO 3166-1 alpha-2 code of the state whose law this is: the first state the title,
    preamble, formula or signature names; else the state the text names most often (the
    earliest on a tie), since a law names its own state more than any other; else "zz"."""
    front = [doc.title, *(p.text for p in doc.preamble), doc.preamble_opening, doc.closing]
    named = states_named("\n".join(t for t in front if t))
    if named:
        return named[0]
    named = states_named(doc.text)
    if not named:
        return UNKNOWN_COUNTRY
    counts = Counter(named)
    return max(counts, key=lambda c: (counts[c], -named.index(c)))
