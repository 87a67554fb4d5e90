"""The segmentation stage: repaired lines → Document (metadata, preamble, numbered
paragraphs, sub-items, sections, footnotes), with input line spans throughout."""

from __future__ import annotations

import itertools

from pydantic import BaseModel

from ..lines import Line
from ..models import Box, Document, DocumentKind, Paragraph, Section, Span
from ..options import DEFAULT_OPTIONS, Options
from ..repair import RepairResult
from .items import ItemBuilder, lead_of, span_of
from .metadata import Header, infer_symbol, read_closing, read_header
from .patterns import ENACTING_RE, LAW_SUBJECT_RE, LAW_TITLE_RE
from .structure import (
    check_contents,
    finish_annexes,
    finish_footnotes,
    finish_paragraphs,
    finish_sections,
    read_body,
)


def _list_of_ints(value: object) -> list[int]:
    return [x for x in value if isinstance(x, int)] if isinstance(value, list) else []


def _list_of_strs(value: object) -> list[str]:
    return [x for x in value if isinstance(x, str)] if isinstance(value, list) else []


def _legislation(header: Header) -> tuple[DocumentKind, str | None, list[Paragraph]]:
    """The kind of a law or decree from its title, the subject line joined to the title, and
    what the header holds besides: the enacting formula ("قرر:", "أصدرنا القانون الآتي نصه")
    and, before it, the preamble (the authority, "بعد الاطلاع على ..." citations)."""
    title = LAW_TITLE_RE.match(header.title or "")
    what = " ".join(title["what"].split()) if title else "قانون"
    kind: DocumentKind = "law" if what in ("قانون", "مرسوم بقانون", "قرار بقانون") else "decree"
    rest = header.unplaced
    if title and rest and LAW_SUBJECT_RE.match(rest[0].text.strip()):
        header.title = f"{header.title} {rest[0].text.strip()}"
        rest = rest[1:]
    enacting = max((i for i, x in enumerate(rest) if ENACTING_RE.match(x.text.strip())), default=None)
    if enacting is None:
        header.unplaced = rest
        return kind, None, []
    # One paragraph per block of lines; a line ending with "؛" or ":" ends its paragraph.
    blocks: list[list[Line]] = []
    for line in rest[:enacting]:
        joined = blocks and line.number == blocks[-1][-1].number + 1
        if joined and not blocks[-1][-1].text.rstrip().endswith(("؛", ":", ";")):
            blocks[-1].append(line)
        else:
            blocks.append([line])
    preamble = []
    for block in blocks:
        text = " ".join(x.text.strip() for x in block)
        preamble.append(Paragraph(lead=lead_of(text, preamble=True), text=text, span=span_of(block)))
    header.unplaced = rest[enacting + 1 :]
    return kind, rest[enacting].text.strip(), preamble


def _place_spans(doc: Document, facts: dict[str, object]) -> None:
    """A PDF's spans from the reader's facts: the page a line that crosses a page ends on
    (``line_end_pages``) and the box of the item on its first page (``line_boxes``)."""
    end_pages = facts.get("line_end_pages")
    boxes = facts.get("line_boxes")
    part_boxes = facts.get("line_part_boxes")
    parts = part_boxes if isinstance(part_boxes, dict) else {}
    # A paragraph interrupted by a footnote block spans the footnote's lines too: not its boxes.
    notes = set(_list_of_ints(facts.get("footnote_lines")))
    if not isinstance(end_pages, dict) or not isinstance(boxes, dict) or not boxes:
        return
    crossing = sorted((n, p) for n, p in end_pages.items() if isinstance(n, int) and isinstance(p, int))
    seen: set[int] = set()

    def place(span: Span) -> None:
        for n, page in crossing:
            if span.start_line <= n <= span.end_line and (span.end_page or 0) < page:
                span.end_page = page
        found = [
            b
            for n in range(span.start_line, span.end_line + 1)
            if isinstance(b := boxes.get(n), list) and len(b) == 5 and b[0] == span.start_page
        ]
        span.boxes = [
            Box(page=int(b[0]), x0=b[1], y0=b[2], x1=b[3], y1=b[4])
            for n in range(span.start_line, span.end_line + 1)
            if n == span.start_line or (n in notes) == (span.start_line in notes)
            for b in parts.get(n, ())
            if isinstance(b, list) and len(b) == 5
        ]
        if found:
            span.x0 = min(b[1] for b in found)
            span.y0 = min(b[2] for b in found)
            span.x1 = max(b[3] for b in found)
            span.y1 = max(b[4] for b in found)

    def walk(value: object) -> None:
        if isinstance(value, Span):
            if id(value) not in seen:
                seen.add(id(value))
                place(value)
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                walk(getattr(value, name))
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    walk(doc)


def _item_of(block: list[Line]) -> ItemBuilder:
    item = ItemBuilder()
    for x in block:
        item.add(x, x.text.strip())
    return item


def segment(result: RepairResult, options: Options = DEFAULT_OPTIONS) -> Document:
    """Build the Document from a repair result (its numbered lines and facts)."""
    facts = result.facts
    body = read_body(
        result.lines,
        _list_of_ints(facts.get("separators")),
        set(_list_of_ints(facts.get("footnote_lines"))),
        unplaced=set(_list_of_ints(facts.get("order_unplaced"))),
        whole_paragraphs=facts.get("reader") == "pdf",
        note_lines=set(_list_of_ints(facts.get("note_lines"))),
    )
    header = read_header(body.header)
    lost_summary = []
    if header.summary and not (body.paragraphs or body.preamble or body.annexes):
        # A summary heading and then no paragraph that the body could begin with (a text too
        # damaged to read its structure): the summary runs on to wherever a heading was read.
        # A summary fits on the first page: from a "paragraph" of more than 250 words on,
        # its end was not found, and nothing there is placed.
        kept = list(itertools.takewhile(lambda x: len(x.split()) <= 250, header.summary.split("\n")))
        if len(kept) < len(header.summary.split("\n")):
            lost_summary.append(
                "the summary's end was not found (no paragraph after it): the rest not placed"
            )
            header.summary = "\n".join(kept) or None
    # A covering note's text above the summary opens the body, before the report's paragraphs.
    body.paragraphs[:0] = [_item_of(block) for block in header.transmittal]
    preamble, paragraphs = finish_paragraphs(body)
    kind: DocumentKind = header.kind
    formula = None if body.formula_in_text else body.formula
    if body.legislation or (kind == "unknown" and LAW_TITLE_RE.match(header.title or "")):
        kind, formula, preamble = _legislation(header)
    # Without an adoption line ("قرار اتخذته ...") or a report line ("تقرير ..."), a preamble
    # formula still marks a resolution; numbered paragraphs alone (a law, a gazette) say
    # nothing of the kind, which stays "unknown".
    if kind == "unknown" and (body.formula or preamble):
        kind = "resolution"
    warnings = list(result.warnings) + body.warnings + lost_summary
    # An asterisk note cited in the header (on the agenda item) whose text is not in the input.
    if any("*" in line.text for line in body.header) and not any(f.label == "*" for f in body.footnotes):
        warnings.append("footnote * is cited but its text is not in the input")
    formula_body = body.formula.removeprefix("إن ").rstrip("،").strip() if body.formula else None
    organ = header.body or formula_body or header.organ
    # The masthead's line naming the organ ("مؤتمر الأطراف في ...") is placed: it is the organ.
    unplaced = [x for x in header.unplaced if organ is None or x.text.strip() != organ]
    for line in unplaced + body.unplaced:
        warnings.append(f"line {line.number}: not placed in the structure: {line.text.strip()[:80]}")
    sections = finish_sections(body)
    annexes = finish_annexes(body)
    # A contents list names the annexes and their headings too.
    named = sections + [Section(label=a.label, title=a.title or "", level=1) for a in annexes]
    warnings.extend(check_contents(body, named + [s for a in annexes for s in a.sections]))
    closing, closing_date = read_closing(body.closing)
    date = header.date or (closing_date if kind in ("law", "decree") else None)  # of promulgation
    doc = Document(
        kind=kind,
        symbol=infer_symbol(header, kind, _list_of_strs(facts.get("running_symbols")), organ),
        organ=organ,
        session=header.session,
        agenda_item=header.agenda_item,
        agenda_title=header.agenda_title,
        date=date,
        title=header.title,
        preamble_opening=formula,
        preamble=preamble,
        paragraphs=paragraphs,
        sections=sections,
        footnotes=finish_footnotes(body),
        closing=closing,
        closing_date=closing_date,
        summary=header.summary,
        text=result.text,
        warnings=warnings,
        fixes=list(result.fixes),
        decisions=result.decisions,
        annexes=annexes,
    )
    _place_spans(doc, facts)
    return doc
