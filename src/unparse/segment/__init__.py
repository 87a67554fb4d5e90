"""The segmentation stage: repaired lines → Document (metadata, preamble, numbered
paragraphs, sub-items, sections, footnotes), with input line spans throughout."""

from __future__ import annotations

from ..models import Document, DocumentKind, Section
from ..options import DEFAULT_OPTIONS, Options
from ..repair import RepairResult
from .metadata import infer_symbol, read_closing, read_header
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


def segment(result: RepairResult, options: Options = DEFAULT_OPTIONS) -> Document:
    """Build the Document from a repair result (its numbered lines and facts)."""
    facts = result.facts
    body = read_body(
        result.lines,
        _list_of_ints(facts.get("separators")),
        set(_list_of_ints(facts.get("footnote_lines"))),
        runs_reversed=facts.get("runs_reversed") is True,
    )
    header = read_header(body.header)
    preamble, paragraphs = finish_paragraphs(body)
    kind: DocumentKind = header.kind
    # Without an adoption line ("قرار اتخذته ...") or a report line ("تقرير ..."), a preamble
    # formula still marks a resolution; numbered paragraphs alone (a law, a gazette) say
    # nothing of the kind, which stays "unknown".
    if kind == "unknown" and (body.formula or preamble):
        kind = "resolution"
    warnings = list(result.warnings) + body.warnings
    # An asterisk note cited in the header (on the agenda item) whose text is not in the input.
    if any("*" in line.text for line in body.header) and not any(f.label == "*" for f in body.footnotes):
        warnings.append("footnote * is cited but its text is not in the input")
    for line in header.unplaced + body.unplaced:
        warnings.append(f"line {line.number}: not placed in the structure: {line.text.strip()[:80]}")
    sections = finish_sections(body)
    annexes = finish_annexes(body)
    # A contents list names the annexes and their headings too.
    named = sections + [Section(label=a.label, title=a.title or "", level=1) for a in annexes]
    warnings.extend(check_contents(body, named + [s for a in annexes for s in a.sections]))
    closing, closing_date = read_closing(body.closing)
    formula_body = body.formula.removeprefix("إن ").rstrip("،").strip() if body.formula else None
    organ = header.body or formula_body or header.organ
    return Document(
        kind=kind,
        symbol=infer_symbol(header, kind, _list_of_strs(facts.get("running_symbols")), organ),
        body=organ,
        session=header.session,
        agenda_item=header.agenda_item,
        agenda_title=header.agenda_title,
        date=header.date,
        title=header.title,
        preamble_opening=body.formula,
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
        annexes=annexes,
    )
