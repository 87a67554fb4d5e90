"""A Document's reading order and its items' ids: the one walk every exporter follows.

:func:`walk` yields a :class:`Step` per item (``Document.iter_items()`` is its ``(item, depth)``
view): the formula, the preambular paragraphs, the body's sections and paragraphs interleaved
(:func:`in_order`), the closing, each annex followed by its own sections and paragraphs, then
the footnotes; a paragraph's sub-items follow it, depth first. A step also says where the item
is (``part``), the paragraph and the heading it falls under and the annex it is in, which is
what an exporter needs besides the item.

:func:`assign_ids` gives every item its ``id`` once (Akoma Ntoso naming, the ids of the JSONL
and AKN exports): ``preamble__rec_N``, ``para_N`` (``art_N`` for the articles of a law),
``…__point_K`` for sub-items, ``sec_N`` for headings (``chp_N__sec_M`` in a law), ``att_N`` for
annexes (their items prefixed ``att_N__``), ``fn_N`` for footnotes; and points every
``FootnoteRef`` at its footnote.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from .models import (
    FURNITURE_KINDS,
    Annex,
    Closing,
    Document,
    Fix,
    Footnote,
    FootnoteRef,
    Formula,
    Furniture,
    Item,
    Paragraph,
    Section,
    SubItem,
)

Part = Literal["formula", "preamble", "body", "closing", "annex", "footnote"]

# Leads of the articles of a law, as the segmenter records them.
_ARTICLE_LEADS = ("مادة", "المادة")
# The hierarchy of a law's headings by level, as AKN abbreviates them in eIds.
_ACT_LEVELS = {1: "chp", 2: "sec", 3: "subsec"}


@dataclass(frozen=True)
class Step:
    """One item of the reading order and where it stands.

    ``part`` is the part of the document it is in (an annex's own heading and everything in it:
    ``"annex"``); ``paragraph`` the paragraph a sub-item belongs to (a paragraph's own: itself);
    ``parent`` the paragraph or sub-item a sub-item is under; ``section`` the heading the item
    falls under in the body or its annex; ``annex`` the annex it is in; ``position`` its place
    (1-based) among its parent's sub-items, or among the footnotes, annexes, sections.
    """

    item: Item
    depth: int
    part: Part
    paragraph: Paragraph | None = None
    parent: Paragraph | SubItem | None = None
    section: Section | None = None
    annex: Annex | None = None
    position: int = 1

    @property
    def level(self) -> int:
        """How deep a sub-item is under its paragraph: 1 for the paragraph's own, 2 below."""
        return self.depth - (1 if self.annex is not None else 0)


def is_act(doc: Document) -> bool:
    """Whether the document is legislation (a law or a decree, in articles), not a UN text."""
    return doc.kind in ("law", "decree")


def formula_last(doc: Document) -> bool:
    """Whether the formula closes the preamble rather than opening it: a law's or a decree's
    enacting formula ("قرر:") follows its citations; a resolution's ("إن الجمعية العامة،") opens."""
    return is_act(doc)


def is_attached_act(doc: Document, annex: Annex) -> bool:
    """Whether an annex of a law is itself a law in articles (the law an issuing law issues),
    rather than a schedule or a form: all its paragraphs are numbered articles."""
    return (
        is_act(doc)
        and bool(annex.paragraphs)
        and all(p.number is not None and p.lead in _ARTICLE_LEADS for p in annex.paragraphs)
    )


def in_order(paragraphs: list[Paragraph], sections: list[Section]) -> Iterator[Paragraph | Section]:
    """Section headings interleaved with paragraphs (of the body or of an annex), in reading order.

    A section goes before the paragraph it names as ``first_paragraph``; failing that,
    before the first paragraph that starts after its own line; failing that, after
    the section before it. Sections never change their relative order.
    """
    anchors: list[int] = []
    previous = 0
    for section in sections:
        anchor: int | None = None
        if section.first_paragraph is not None:
            anchor = next(
                (i for i, p in enumerate(paragraphs) if p.number == section.first_paragraph),
                None,
            )
            if anchor is None:
                anchor = next(
                    (
                        i
                        for i, p in enumerate(paragraphs)
                        if p.number is not None and p.number > section.first_paragraph
                    ),
                    len(paragraphs),
                )
        elif section.span is not None:
            start = section.span.start_line
            anchor = next((i for i, p in enumerate(paragraphs) if p.span.start_line > start), len(paragraphs))
        anchor = previous if anchor is None else max(anchor, previous)
        anchors.append(anchor)
        previous = anchor
    k = 0
    for i, paragraph in enumerate(paragraphs):
        while k < len(anchors) and anchors[k] <= i:
            yield sections[k]
            k += 1
        yield paragraph
    yield from sections[k:]


def walk(doc: Document) -> Iterator[Step]:
    """Every item of ``doc`` in reading order (see the module's docstring)."""
    assign_ids(doc)
    formula = [Step(Formula(text=doc.preamble_opening), 0, "formula")] if doc.preamble_opening else []
    if not formula_last(doc):
        yield from formula
    for p in doc.preamble:
        yield Step(p, 0, "preamble", paragraph=p)
        yield from _sub_items(p, p, 1, "preamble", None, None)
    if formula_last(doc):
        yield from formula
    yield from _numbered(doc.paragraphs, doc.sections, 0, "body", None)
    if doc.closing:
        yield Step(Closing(text=doc.closing, date=doc.closing_date), 0, "closing")
    for k, annex in enumerate(doc.annexes, start=1):
        yield Step(annex, 0, "annex", annex=annex, position=k)
        yield from _numbered(annex.paragraphs, annex.sections, 1, "annex", annex)
    for k, note in enumerate(doc.footnotes, start=1):
        yield Step(note, 0, "footnote", position=k)


def _numbered(
    paragraphs: list[Paragraph], sections: list[Section], depth: int, part: Part, annex: Annex | None
) -> Iterator[Step]:
    section: Section | None = None
    n_sections = 0
    for item in in_order(paragraphs, sections):
        if isinstance(item, Section):
            section = item
            n_sections += 1
            yield Step(item, depth, part, section=item, annex=annex, position=n_sections)
        else:
            yield Step(item, depth, part, paragraph=item, section=section, annex=annex)
            yield from _sub_items(item, item, depth + 1, part, section, annex)


def _sub_items(
    paragraph: Paragraph,
    parent: Paragraph | SubItem,
    depth: int,
    part: Part,
    section: Section | None,
    annex: Annex | None,
) -> Iterator[Step]:
    for k, sub in enumerate(parent.sub_items, start=1):
        yield Step(sub, depth, part, paragraph, parent, section, annex, k)
        yield from _sub_items(paragraph, sub, depth + 1, part, section, annex)


# --------------------------------------------------------------------------- ids


def assign_ids(doc: Document) -> None:
    """Give every item of ``doc`` without an ``id`` its id, and every footnote reference without
    a ``footnote_id`` its footnote's; an id already given never changes (ids depend only on the
    items before them, so items added later do not move the others')."""
    for k, p in enumerate(doc.preamble, start=1):
        _give(p, f"preamble__rec_{k}")
    _numbered_ids(doc.paragraphs, "", "art" if is_act(doc) else "para")
    _section_ids(doc.sections, "", is_act(doc))
    for a, annex in enumerate(doc.annexes, start=1):
        aid = _give(annex, f"att_{a}")
        attached = is_attached_act(doc, annex)
        _numbered_ids(annex.paragraphs, f"{aid}__", "art" if attached else "para")
        _section_ids(annex.sections, f"{aid}__", attached)
    for k, note in enumerate(doc.footnotes, start=1):
        _give(note, f"fn_{k}")
    for p in doc.preamble + doc.paragraphs + [p for a in doc.annexes for p in a.paragraphs]:
        _sub_item_ids(p)
    _point_refs(doc)


def _give(item: Paragraph | SubItem | Section | Annex | Footnote, candidate: str) -> str:
    if not item.id:
        item.id = candidate
    return item.id


def _numbered_ids(paragraphs: list[Paragraph], prefix: str, name: str) -> None:
    """``para_N`` (N its number; ``para_uK``, K its position, when it has none; ``para_N_K``
    when the number is taken)."""
    used: set[str] = set()
    for k, p in enumerate(paragraphs, start=1):
        candidate = f"{name}_{p.number}" if p.number is not None else f"{name}_u{k}"
        if candidate in used:
            candidate = f"{candidate}_{k}"
        used.add(candidate)
        _give(p, prefix + candidate)


def _section_ids(sections: list[Section], prefix: str, act: bool) -> None:
    """``sec_N`` (N counting the headings); in a law, the path of the heading in its
    hierarchy (``chp_2__sec_1``: the first section of the second chapter), as AKN nests them."""
    if not act:
        for k, section in enumerate(sections, start=1):
            _give(section, f"{prefix}sec_{k}")
        return
    stack: list[tuple[int, str]] = []
    counts: dict[tuple[str, str], int] = {}
    for section in sections:
        while stack and stack[-1][0] >= section.level:
            stack.pop()
        path = f"{stack[-1][1]}__" if stack else prefix
        abbr = _ACT_LEVELS.get(section.level, "lvl")
        n = counts[path, abbr] = counts.get((path, abbr), 0) + 1
        stack.append((section.level, f"{path}{abbr}_{n}"))
        _give(section, stack[-1][1])


def _sub_item_ids(parent: Paragraph | SubItem) -> None:
    for k, sub in enumerate(parent.sub_items, start=1):
        _give(sub, f"{parent.id}__point_{k}")
        _sub_item_ids(sub)


def _point_refs(doc: Document) -> None:
    """Each reference points at the first footnote with its marker that starts after the line the
    citing text starts on, else at the last one before: a marker cited twice is one note, and
    markers that start again on each page point at their own page's note."""
    by_marker: dict[str, list[Footnote]] = {}
    for note in doc.footnotes:
        by_marker.setdefault(note.marker, []).append(note)
    for step in walk_texts(doc):
        item, refs = step
        for ref in refs:
            if ref.footnote_id is not None:
                continue
            notes = by_marker.get(ref.marker)
            if not notes:
                continue
            start = item.span.start_line
            after = [n for n in notes if n.span.start_line > start]
            ref.footnote_id = (after[0] if after else notes[-1]).id


def walk_texts(doc: Document) -> Iterator[tuple[Paragraph | SubItem, list[FootnoteRef]]]:
    """The paragraphs and sub-items that can cite footnotes, with their references."""

    def subs(parent: Paragraph | SubItem) -> Iterator[tuple[Paragraph | SubItem, list[FootnoteRef]]]:
        for sub in parent.sub_items:
            yield sub, sub.footnote_refs
            yield from subs(sub)

    for p in doc.preamble + doc.paragraphs + [p for a in doc.annexes for p in a.paragraphs]:
        yield p, p.footnote_refs
        yield from subs(p)


# --------------------------------------------------------------------------- furniture


def furniture_layer(fixes: list[Fix], facts: Mapping[str, object]) -> list[Furniture]:
    """The furniture layer of a document: the lines the PDF reader took out as furniture
    (``facts["furniture"]``: page, kind, text), then those the repair took out (its fixes of a
    furniture kind that delete a line), in input order.

    >>> from unparse.models import Fix
    >>> fixes = [Fix(kind="page_number", line=9, before="4 ", after=""),
    ...          Fix(kind="tatweel", line=3, before="الــدول", after="الدول")]
    >>> facts = {"furniture": [{"page": 2, "kind": "running_header", "text": "A/RES/61/180"}]}
    >>> for f in furniture_layer(fixes, facts):
    ...     print(f.id, f.kind, f.page, f.line, repr(f.text))
    furniture_1 running_header 2 None 'A/RES/61/180'
    furniture_2 page_number None 9 '4 '
    """
    found: list[tuple[str, str, int | None, int | None]] = []
    reader = facts.get("furniture")
    for record in reader if isinstance(reader, list) else []:
        if isinstance(record, dict):
            page = record.get("page")
            found.append(
                (
                    str(record.get("kind", "")),
                    str(record.get("text", "")),
                    page if isinstance(page, int) else None,
                    None,
                )
            )
    removed = sorted((f for f in fixes if f.kind in FURNITURE_KINDS and not f.after), key=lambda f: f.line)
    found += [(f.kind, f.before, None, f.line) for f in removed]
    return [
        Furniture(id=f"furniture_{k}", kind=kind, text=text, page=page, line=line)
        for k, (kind, text, page, line) in enumerate(found, start=1)
    ]
