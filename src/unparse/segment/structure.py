"""The body of a document: preamble, numbered paragraphs, sub-items, sections, footnotes,
annexes.

One pass over the repaired lines: each non-blank line is offered to the readers of
:data:`~.readers.READERS` in order (footnotes, contents, legislation, formula, body; see
their modules for the rules of how UN documents and laws are laid out), which share a
:class:`~.reading.Reading`. What they found (a :class:`~.reading.Body`) is then turned into
the models.
"""

from __future__ import annotations

from ..lines import Line, blank
from ..models import Annex, Footnote, Paragraph, Section
from .items import ItemBuilder, build_footnote, build_paragraph, span_of
from .patterns import LEGAL_MARKER_AT_END_RE
from .readers import (
    READERS,
    check_contents,
    drop_prose_in_holes,
    has_articles,
    legal_marker,
    note_references,
    read_text_only_body,
)
from .reading import Body, Reading

__all__ = [
    "Body",
    "check_contents",
    "finish_annexes",
    "finish_footnotes",
    "finish_paragraphs",
    "finish_sections",
    "read_body",
]


def _feed(r: Reading, index: int, line: Line) -> None:
    text = line.text.strip()
    for reader in READERS:
        if reader(r, index, line, text):
            return


def read_body(
    lines: list[Line],
    separators: list[int],
    footnote_lines: set[int],
    unplaced: set[int] | None = None,
    whole_paragraphs: bool = False,
    note_lines: set[int] | None = None,
) -> Body:
    """Read the repaired lines with the readers, in order."""
    r = Reading(
        lines, separators, footnote_lines, unplaced, whole_paragraphs, has_articles(lines), note_lines
    )
    for index, line in enumerate(lines):
        if index <= r.skip_until:
            # A line a reader took ahead (a formula's, a header's) still cites its notes.
            if not blank(line):
                note_references(r, index, line, line.text.strip())
            continue
        if blank(line):
            r.blank_before = True
            r.blanks_before += 1
            continue
        glued = LEGAL_MARKER_AT_END_RE.search(line.text) if r.articles else None
        if glued and legal_marker(r, glued["marker"]):
            # An article or chapter that an extraction joined to the line before it.
            _feed(r, index, Line(line.number, line.text[: glued.start()], line.page))
            r.blank_before = True
            _feed(r, index, Line(line.number, glued["marker"], line.page))
        else:
            _feed(r, index, line)
        r.prev_number = line.number
        r.blank_before = False
        r.blanks_before = 0
    drop_prose_in_holes(r)
    read_text_only_body(r)
    for marker in sorted(r.pending_refs - r.defined, key=lambda m: (len(m), m)):
        r.body.warnings.append(f"footnote {marker} is cited but its text is not in the input")
    return r.body


def finish_paragraphs(body: Body) -> tuple[list[Paragraph], list[Paragraph]]:
    known = {f.label or "" for f in body.footnotes}
    preamble = [build_paragraph(p, known, preamble=True) for p in body.preamble]
    numbered = [build_paragraph(p, known, preamble=False) for p in body.paragraphs]
    return preamble, numbered


def _sections(pairs: list[tuple[Section, Line]], paragraphs: list[ItemBuilder]) -> list[Section]:
    """The headings, each with the number of the first paragraph after it."""
    sections = []
    for section, line in pairs:
        following = [p.number for p in paragraphs if p.pieces and p.pieces[0].line.number > line.number]
        section.first_paragraph = following[0] if following else None
        sections.append(section)
    return sections


def finish_sections(body: Body) -> list[Section]:
    return _sections(body.sections, body.paragraphs)


def finish_annexes(body: Body) -> list[Annex]:
    known = {f.label or "" for f in body.footnotes}
    annexes = []
    for a in body.annexes:
        lines = [a.line, *(x for p in a.paragraphs for x in p.all_lines()), *(x for _, x in a.sections)]
        annexes.append(
            Annex(
                label=a.label,
                title=a.title,
                paragraphs=[build_paragraph(p, known, preamble=False) for p in a.paragraphs],
                sections=_sections(a.sections, a.paragraphs),
                span=span_of(lines),
            )
        )
    return annexes


def finish_footnotes(body: Body) -> list[Footnote]:
    return [build_footnote(f) for f in body.footnotes]
