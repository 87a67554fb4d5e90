"""Mutable builders for paragraphs, sub-items and footnotes while lines are consumed, and
their conversion to the models (text joined, footnote references taken out with offsets)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..lines import Line, join_wrapped
from ..models import Footnote, FootnoteRef, Paragraph, Span, SubItem
from .patterns import ADVERB_PHRASES, ADVERBS, INLINE_REF_RE, PREAMBLE_LEAD_RE, TRAILING_REFS_RE


@dataclass
class Piece:
    """A stretch of text and the input line it came from."""

    line: Line
    text: str


@dataclass
class ItemBuilder:
    label: str | None = None
    number: int | None = None
    lead: str | None = None  # as printed, where the text does not open with it ("مادة")
    pieces: list[Piece] = field(default_factory=list)
    children: list[ItemBuilder] = field(default_factory=list)

    def add(self, line: Line, text: str) -> None:
        if text:
            self.pieces.append(Piece(line, text))

    @property
    def last_line(self) -> Line | None:
        lines = [p.line for p in self.pieces]
        for child in self.children:
            if child.last_line is not None:
                lines.append(child.last_line)
        return max(lines, key=lambda x: x.number) if lines else None

    def tail(self) -> ItemBuilder:
        """The item that a continuation line belongs to: the last sub-item, if any."""
        return self.children[-1].tail() if self.children else self

    def ends_with(self, endings: tuple[str, ...]) -> bool:
        """Whether the item's text ends with one of ``endings``, footnote references aside."""
        item = self.tail()
        if not item.pieces:
            return False
        text: str = TRAILING_REFS_RE.sub("", item.pieces[-1].text.rstrip())
        return text.endswith(endings)

    def all_lines(self) -> list[Line]:
        lines = [p.line for p in self.pieces]
        for child in self.children:
            lines.extend(child.all_lines())
        return lines


def join_text(pieces: list[Piece]) -> str:
    return join_wrapped([p.text.strip() for p in pieces])


def extract_refs(text: str, known: set[str]) -> tuple[str, list[FootnoteRef]]:
    """Take footnote references out of ``text``: glued to a word (``الوطنية(5)،``) they always
    are references; standing alone (``الاتفاقية (5)``) only when a footnote has that marker."""
    refs: list[FootnoteRef] = []
    parts: list[str] = []
    length = pos = 0
    for m in INLINE_REF_RE.finditer(text):
        start, end = m.span()
        if start == 0:
            continue
        glued = not text[start - 1].isspace() and text[start - 1] not in "(["
        if not glued and m["m"] not in known:
            continue
        chunk = text[pos:start] if glued else text[pos:start].rstrip()
        parts.append(chunk)
        length += len(chunk)
        refs.append(FootnoteRef(marker=m["m"], offset=length))
        pos = end
    parts.append(text[pos:])
    return "".join(parts), refs


def span_of(lines: list[Line]) -> Span:
    numbers = [x.number for x in lines] or [0]
    pages = [x.page for x in lines if x.page is not None]
    return Span(
        start_line=min(numbers),
        end_line=max(numbers),
        start_page=min(pages) if pages else None,
        end_page=max(pages) if pages else None,
    )


def lead_of(text: str, preamble: bool) -> str | None:
    """The opening verb or phrase: "وإذ تشير أيضا", "تحث", "تشير أيضا"."""
    words = text.split()
    if not words:
        return None
    take = 1
    particle = PREAMBLE_LEAD_RE.match(text) if preamble else None
    if particle and len(words) > 1:
        # The particle and the word after it: "وإذ تشير", "وتسليما منها", "وبعد أن نظرت".
        take = len(particle["particle"].split()) + 1
    lead = words[:take]
    rest = words[take:]
    if rest and rest[0].rstrip("،,") in ADVERBS:
        lead.append(rest[0].rstrip("،,"))
        rest = rest[1:]
    if len(rest) >= 2 and f"{rest[0]} {rest[1]}".rstrip("،,") in ADVERB_PHRASES:
        lead.extend([rest[0], rest[1].rstrip("،,")])
    return " ".join(w.rstrip("،,:؛") for w in lead)


def build_sub_item(item: ItemBuilder, known: set[str]) -> SubItem:
    text, refs = extract_refs(join_text(item.pieces), known)
    return SubItem(
        label=item.label or "",
        text=text,
        sub_items=[build_sub_item(c, known) for c in item.children],
        footnote_refs=refs,
        span=span_of(item.all_lines()),
    )


def build_paragraph(item: ItemBuilder, known: set[str], preamble: bool) -> Paragraph:
    text, refs = extract_refs(join_text(item.pieces), known)
    return Paragraph(
        number=item.number,
        lead=item.lead if item.lead is not None else lead_of(text, preamble),
        text=text,
        sub_items=[build_sub_item(c, known) for c in item.children],
        footnote_refs=refs,
        span=span_of(item.all_lines()),
    )


def build_footnote(item: ItemBuilder) -> Footnote:
    return Footnote(marker=item.label or "", text=join_text(item.pieces), span=span_of(item.all_lines()))
