"""The body of a document: preamble, numbered paragraphs, sub-items, sections, footnotes.

One pass over the repaired lines, with the rules of how UN documents are laid out:
- a footnote area starts after a separator line (or, in text without separators, at a
  line ``(N) ...`` whose marker was cited and not yet defined); a footnote runs until its
  text ends with a full stop; unmarked text at the top of an area continues the last
  footnote when that one was left open (a footnote carried over a page);
- a numbered paragraph starts with the next number in sequence (``12 -``), a sub-item with
  its label (``(أ)``), a section with its label (``أولاً -``, ``ألف -``);
- any other line continues the open item, unless that item is closed by its punctuation
  and the line opens a new preambular paragraph; so a paragraph split by a page break, or
  by a footnote block interleaved in it, comes out as one paragraph.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import regex

from ..lexicon import SECTION_LETTERS
from ..models import Footnote, Paragraph, Section
from ..repair.digits import western
from ..repair.pipeline import Line
from .items import ItemBuilder, build_footnote, build_paragraph, span_of
from .patterns import (
    CLOSING_RE,
    FOOTNOTE_BARE_RE,
    FOOTNOTE_RE,
    FOOTNOTE_TRAILING_RE,
    FORMULA_RE,
    HEADING_LABEL_AT_END_RE,
    HEADING_RE,
    INLINE_REF_RE,
    LEAD_INSIDE_RE,
    MISPLACED_NUMBER_RE,
    NUMBERED_RE,
    ORDINAL_LABEL_RE,
    PREAMBLE_LEAD_RE,
    SUB_ITEM_RE,
    TERMINATORS,
    TRAILING_REFS_RE,
)


@dataclass
class Body:
    """What the pass found; metadata is read from ``header`` and ``closing`` lines."""

    header: list[Line] = field(default_factory=list)
    formula: str | None = None
    formula_line: Line | None = None
    preamble: list[ItemBuilder] = field(default_factory=list)
    paragraphs: list[ItemBuilder] = field(default_factory=list)
    footnotes: list[ItemBuilder] = field(default_factory=list)
    sections: list[tuple[Section, Line]] = field(default_factory=list)
    closing: list[Line] = field(default_factory=list)
    unplaced: list[Line] = field(default_factory=list)
    cited: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _blank(line: Line) -> bool:
    return not line.text.strip()


class _Pass:
    def __init__(
        self,
        lines: list[Line],
        separators: list[int],
        footnote_lines: set[int],
        runs_reversed: bool = False,
    ) -> None:
        self.runs_reversed = runs_reversed
        self.lines = lines
        self.separators = sorted(separators)
        self.footnote_lines = footnote_lines
        self.body = Body()
        self.state = "header"  # header → preamble → numbered → closing
        self.current: ItemBuilder | None = None  # the open paragraph
        self.footnote: ItemBuilder | None = None  # the open footnote, inside an area
        self.in_area = False
        self.pending_refs: set[str] = set()
        self.defined: set[str] = set()
        self.blank_before = True
        self.blanks_before = 1
        self.skip_until = -1
        self.blank_is_break = _blank_lines_separate_paragraphs(lines)

    # -- helpers -------------------------------------------------------------------------
    def _crossed_separator(self, prev: int, now: int) -> bool:
        return any(prev < s < now for s in self.separators)

    def _next_number(self) -> int:
        return (self.body.paragraphs[-1].number or 0) + 1 if self.body.paragraphs else 1

    def _cite(self, text: str) -> None:
        for m in INLINE_REF_RE.finditer(text):
            if m.start() > 0 and not text[m.start() - 1].isspace():
                marker = western(m["m"])
                if marker not in self.defined:
                    self.pending_refs.add(marker)
                if marker not in self.body.cited:
                    self.body.cited.append(marker)

    # -- footnotes -----------------------------------------------------------------------
    def _footnote_start(self, text: str) -> tuple[str, str] | None:
        m = FOOTNOTE_RE.match(text)
        if m is None and self.in_area and self.runs_reversed:
            # The marker left at the end of a footnote line by a visual extraction.
            m = FOOTNOTE_TRAILING_RE.match(text)
        if m is None and self.in_area:
            m = FOOTNOTE_BARE_RE.match(text)
            if m and m["m"] != "*" and western(m["m"]) not in self.pending_refs:
                m = None
        if m is None:
            return None
        marker = western(m["m"])
        if self.in_area or marker in self.pending_refs:
            return marker, m["rest"]
        return None

    def _opens_structure(self, text: str) -> bool:
        """A line that cannot continue a footnote: the next numbered paragraph or a heading."""
        numbered = NUMBERED_RE.match(text)
        if numbered and int(western(numbered["n"])) in (self._next_number(), self._next_number() + 1):
            return True
        return self._heading(text) is not None

    def _open_footnote(self, marker: str, line: Line, rest: str) -> None:
        item = ItemBuilder(label=marker)
        item.add(line, rest)
        self.body.footnotes.append(item)
        self.footnote = item
        self.defined.add(marker)
        self.pending_refs.discard(marker)

    def _footnote_line(self, line: Line) -> bool:
        """Consume ``line`` as footnote text if it is one; True when consumed."""
        text = line.text.strip()
        if self.in_area and not FOOTNOTE_RE.match(text) and self._opens_structure(text):
            self.in_area = False
            self.footnote = None
            return False
        start = self._footnote_start(text)
        if start is not None:
            self._open_footnote(start[0], line, start[1])
            self.in_area = True
            return True
        if not self.in_area:
            return False
        if self._opens_structure(text):
            self.in_area = False
            self.footnote = None
            return False
        if self.footnote is not None and not self.footnote.ends_with((".",)):
            self.footnote.add(line, text)
            return True
        if self.footnote is None:
            # Unmarked text at the top of an area: the rest of the last footnote carried over
            # from the previous page, or the note of the first page's asterisk.
            last = self.body.footnotes[-1] if self.body.footnotes else None
            if last is not None and not last.ends_with((".",)):
                last.add(line, text)
                self.footnote = last
                return True
            if "*" not in self.defined and not self.body.paragraphs[1:]:
                self._open_footnote("*", line, text)
                return True
        self.in_area = False
        self.footnote = None
        return False

    # -- body ----------------------------------------------------------------------------
    def _start_paragraph(self, line: Line, number: int | None, text: str) -> None:
        item = ItemBuilder(number=number)
        item.add(line, text)
        if number is None:
            self.body.preamble.append(item)
        else:
            self.body.paragraphs.append(item)
        self.current = item

    def _sub_item(self, line: Line, label: str, rest: str) -> bool:
        if self.current is None:
            return False
        owner = self.current
        if not (label.isascii() or label.isdigit()):
            owner.children.append(ItemBuilder(label=label))
        elif owner.children:
            owner.children[-1].children.append(ItemBuilder(label=label))
        else:
            return False
        owner.tail().add(line, rest)
        return True

    def _misplaced_number(self, text: str) -> regex.Match[str] | None:
        """In a run-reversed document, the next paragraph number left inside a line whose
        order could not be repaired (``"... مذي 13-ضا"``): the line still starts that paragraph."""
        if not self.runs_reversed or self.state == "header":
            return None
        for m in MISPLACED_NUMBER_RE.finditer(text):
            if int(western(m["n"])) in (self._next_number(), self._next_number() + 1):
                rest = (text[: m.start()] + " " + text[m.end() :]).strip()
                found: regex.Match[str] | None = NUMBERED_RE.match(f"{m['n']} - {rest}")
                return found
        return None

    def _heading(self, text: str) -> tuple[str, str] | None:
        if len(text) > 300:
            return None
        m = HEADING_RE.match(text)
        if m is not None:
            label, title = m["label"], m["title"].strip()
        else:
            end = HEADING_LABEL_AT_END_RE.search(text)
            if end is None or end.start() == 0:
                return None
            label, title = end["label"], text[: end.start()].strip()
        return (label, title) if title and len(title.split()) <= 20 else None

    def _add_section(self, line: Line, label: str, title: str) -> None:
        level = 1 if ORDINAL_LABEL_RE.match(label) or not label else 2
        if label in SECTION_LETTERS:
            level = 2
        section = Section(label=label, title=title, level=level, span=span_of([line]))
        self.body.sections.append((section, line))
        self.current = None

    def _unlabelled_heading(self, index: int) -> bool:
        """A short line alone between blank lines, before a numbered paragraph, in a report."""
        line = self.lines[index]
        text = line.text.strip()
        if not self.body.paragraphs or self.body.preamble or self.body.formula:
            return False
        if not self.blank_before or text.endswith(TERMINATORS) or len(text.split()) > 14:
            return False
        # A heading follows a finished paragraph, never the middle of one; where the
        # paragraph's end could not be read, a wider gap (two blank lines) still sets it apart.
        finished = self.current is None or self.current.ends_with((".", ":", "؛"))
        if not finished and self.blanks_before < 2:
            return False
        following = [x for x in self.lines[index + 1 : index + 4] if not _blank(x)]
        if not following:
            return False
        m = NUMBERED_RE.match(following[0].text.strip())
        return m is not None and int(western(m["n"])) == self._next_number()

    def feed(self, index: int, prev_number: int) -> None:
        line = self.lines[index]
        text = line.text.strip()
        if self._crossed_separator(prev_number, line.number):
            self.in_area = True
            self.footnote = None
        if line.number in self.footnote_lines:
            self.in_area = True
        if (self.in_area or FOOTNOTE_RE.match(text)) and self._footnote_line(line):
            return
        if self.state == "closing" or (self.body.paragraphs and CLOSING_RE.match(text)):
            self.state = "closing"
            self.body.closing.append(line)
            return
        self._cite(text)
        numbered = NUMBERED_RE.match(text) or self._misplaced_number(text)
        if numbered:
            n, expected = int(western(numbered["n"])), self._next_number()
            if n == expected + 1 and self.state == "numbered":
                # One number lost (its line could not be read): keep the sequence, say so.
                self.body.warnings.append(f"paragraph {expected} was not found before paragraph {n}")
            elif n != expected or (self.state == "header" and n != 1):
                numbered = None
        if numbered:
            self.state = "numbered"
            self._start_paragraph(line, int(western(numbered["n"])), numbered["rest"].strip())
            return
        heading = self._heading(text)
        if heading and (
            self.state == "numbered" or (self.state == "header" and ORDINAL_LABEL_RE.match(heading[0]))
        ):
            self.state = "numbered"
            self._add_section(line, *heading)
            return
        if self.state == "numbered" and self._unlabelled_heading(index):
            self._add_section(line, "", text)
            return
        sub = SUB_ITEM_RE.match(text)
        if sub and self.state != "header" and self._sub_item(line, sub["label"], sub["rest"].strip()):
            return
        if self.state == "header":
            formula = self._formula(index)
            if formula:
                self.body.formula = formula["formula"].strip() + "،"
                self.body.formula_line = line
                self.state = "preamble"
                self.current = None
                return
            self.body.header.append(line)
            return
        if self.state == "preamble" and self._new_preamble_paragraph(text):
            self._start_paragraph(line, None, text)
            return
        if self.current is None:
            self.body.unplaced.append(line)
            return
        self.current.tail().add(line, text)

    def _formula(self, index: int) -> regex.Match[str] | None:
        """The preamble formula, on one line or wrapped over up to three."""
        text = self.lines[index].text.strip()
        if not text.startswith("إن "):
            return None
        joined = text
        for j in range(index + 1, min(index + 3, len(self.lines))):
            if FORMULA_RE.match(joined) or _blank(self.lines[j]):
                break
            joined += " " + self.lines[j].text.strip()
            self.skip_until = j
        m: regex.Match[str] | None = FORMULA_RE.match(joined)
        if m is None:
            self.skip_until = -1
        return m

    def _new_preamble_paragraph(self, text: str) -> bool:
        if self.current is None:
            return True
        if self.runs_reversed and LEAD_INSIDE_RE.search(text):
            # The lead of a preambular paragraph is always on its first line; where the
            # line's order could not be repaired it is somewhere inside it, and the closing
            # comma of the paragraph before may be anywhere on that one's last line.
            return True
        if not self.current.ends_with(TERMINATORS):
            return False
        # Without a blank line, a lead word after a closed paragraph opens the next one.
        # (A wrapped line that happens to start "وإذ" after a comma inside a paragraph reads
        # the same; line length was tried as a tie-breaker and made more errors than it fixed.)
        return (self.blank_before and self.blank_is_break) or PREAMBLE_LEAD_RE.match(text) is not None

    def run(self) -> Body:
        prev_number = 0
        for index, line in enumerate(self.lines):
            if index <= self.skip_until:
                continue
            if _blank(line):
                self.blank_before = True
                self.blanks_before += 1
                continue
            self.feed(index, prev_number)
            prev_number = line.number
            self.blank_before = False
            self.blanks_before = 0
        for marker in sorted(self.pending_refs - self.defined, key=lambda m: (len(m), m)):
            self.body.warnings.append(f"footnote {marker} is cited but its text is not in the input")
        return self.body


def _blank_lines_separate_paragraphs(lines: list[Line]) -> bool:
    """Whether blank lines mean paragraph breaks here. Some extractors leave blank lines
    every few lines inside paragraphs; then most blank lines follow an unfinished line."""
    after_finished = after_unfinished = 0
    for prev, line in itertools.pairwise(lines):
        if not _blank(line) or _blank(prev):
            continue
        text = TRAILING_REFS_RE.sub("", prev.text.strip())
        if text.endswith(TERMINATORS):
            after_finished += 1
        else:
            after_unfinished += 1
    return after_finished >= 1.5 * after_unfinished


def read_body(
    lines: list[Line], separators: list[int], footnote_lines: set[int], runs_reversed: bool = False
) -> Body:
    """Run the pass over repaired lines."""
    return _Pass(lines, separators, footnote_lines, runs_reversed).run()


def finish_paragraphs(body: Body) -> tuple[list[Paragraph], list[Paragraph]]:
    known = {f.label or "" for f in body.footnotes}
    preamble = [build_paragraph(p, known, preamble=True) for p in body.preamble]
    numbered = [build_paragraph(p, known, preamble=False) for p in body.paragraphs]
    return preamble, numbered


def finish_sections(body: Body) -> list[Section]:
    sections = []
    for section, line in body.sections:
        following = [p.number for p in body.paragraphs if p.pieces and p.pieces[0].line.number > line.number]
        section.first_paragraph = following[0] if following else None
        sections.append(section)
    return sections


def finish_footnotes(body: Body) -> list[Footnote]:
    return [build_footnote(f) for f in body.footnotes]
