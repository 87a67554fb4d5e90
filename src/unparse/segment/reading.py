"""What the readers of a document's body share while its lines are read: where the reading
is (:class:`State`), what it has found so far (:class:`Body`), the open items, and the few
operations more than one reader needs (start a paragraph, add a heading, open an annex)."""

from __future__ import annotations

import enum
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

from ..lexicon import SECTION_LETTERS
from ..lines import Line, blank
from ..models import Section
from .items import ItemBuilder, span_of
from .patterns import HEADING_LABEL_AT_END_RE, HEADING_RE, ORDINAL_LABEL_RE, TERMINATORS, TRAILING_REFS_RE


class State(enum.Enum):
    """Where the reading is in the document; it only moves forward (an annex goes back to
    ``NUMBERED``): the header, the preamble after the formula, the numbered paragraphs (the
    operative part, a report's body, a law's articles), the closing lines."""

    HEADER = "header"
    PREAMBLE = "preamble"
    NUMBERED = "numbered"
    CLOSING = "closing"


@dataclass
class AnnexBuilder:
    """An annex while its lines are read: its heading line, its paragraphs and headings."""

    label: str
    title: str | None
    line: Line
    paragraphs: list[ItemBuilder] = field(default_factory=list)
    sections: list[tuple[Section, Line]] = field(default_factory=list)


@dataclass
class Body:
    """What the pass found; metadata is read from ``header`` and ``closing`` lines."""

    header: list[Line] = field(default_factory=list)
    formula: str | None = None
    formula_line: Line | None = None
    formula_in_text: bool = False  # the formula opens the body's one sentence, not a preamble
    preamble: list[ItemBuilder] = field(default_factory=list)
    paragraphs: list[ItemBuilder] = field(default_factory=list)
    footnotes: list[ItemBuilder] = field(default_factory=list)
    sections: list[tuple[Section, Line]] = field(default_factory=list)
    closing: list[Line] = field(default_factory=list)
    unplaced: list[Line] = field(default_factory=list)
    # The unnumbered paragraphs of prose read under a heading (checked against the numbering
    # once every line is read).
    prose: list[ItemBuilder] = field(default_factory=list)
    cited: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    contents: list[tuple[str, Line]] = field(default_factory=list)  # entries of a contents list
    annexes: list[AnnexBuilder] = field(default_factory=list)
    legislation: bool = False  # the body is in articles: a law or a decree


class Reading:
    """One reading of a document's lines: the readers read and change this state."""

    def __init__(
        self,
        lines: list[Line],
        separators: list[int],
        footnote_lines: set[int],
        unplaced: set[int] | None = None,
        whole_paragraphs: bool = False,
        expect_articles: bool = False,
        note_lines: set[int] | None = None,
    ) -> None:
        # Lines the line-order fixer reported holding an opening it could not place (a
        # paragraph number, a lead, a note's marker): read where it stands on those lines.
        self.unplaced = unplaced or set()
        # Lines the repair found to open a footnote (its marker put first, with the evidence
        # of how the extractor drew it): a footnote even where a nested item could follow.
        self.note_lines = note_lines or set()
        # Each non-blank line is a whole paragraph (the PDF reader joined them from geometry).
        self.whole_paragraphs = whole_paragraphs
        self.lines = lines
        self.separators = sorted(separators)
        self.footnote_lines = footnote_lines
        self.body = Body()
        self.state = State.HEADER
        self.current: ItemBuilder | None = None  # the open paragraph
        self.footnote: ItemBuilder | None = None  # the open footnote, inside an area
        self.in_area = False
        self.pending_refs: set[str] = set()
        self.defined: set[str] = set()
        self.blank_before = True
        self.blanks_before = 1
        self.skip_until = -1
        self.prev_number = 0  # the input line number of the last non-blank line read
        self.blank_is_break = blank_lines_separate_paragraphs(lines)
        self.last_number = 0  # of the last numbered paragraph; an annex numbers from 1 again
        self.in_contents = False
        self.annex: AnnexBuilder | None = None  # the open annex: paragraphs and headings go there
        # Articles 1 and 2 somewhere: legislation, or a UN text with a convention annexed. A
        # part (the body, an annex) is read in articles from its article 1 on.
        self.expect_articles = expect_articles
        self.articles = False
        self.units_seen: set[str] = set()  # units of a law's structure used so far
        self.imprint = False  # past a gazette's imprint: nothing of the law any more

    def crossed_separator(self, prev: int, now: int) -> bool:
        return any(prev < s < now for s in self.separators)

    def next_number(self) -> int:
        return self.last_number + 1

    def numbered(self) -> list[ItemBuilder]:
        """Where numbered paragraphs go: the open annex's, else the body's."""
        return self.annex.paragraphs if self.annex is not None else self.body.paragraphs

    def start_paragraph(
        self, line: Line, number: int | None, text: str, preamble: bool | None = None
    ) -> None:
        """A numbered paragraph, or an unnumbered one: preambular unless ``preamble`` is False
        (the body of a decision, the text of an annex)."""
        item = ItemBuilder(number=number)
        item.add(line, text)
        if number is None and preamble is not False:
            self.body.preamble.append(item)
        else:
            self.numbered().append(item)
        if number is not None:
            self.last_number = number
        self.current = item

    def add_section(self, line: Line, label: str, title: str, level: int | None = None) -> None:
        if level is None:
            level = 1 if ORDINAL_LABEL_RE.match(label) or not label else 2
            if label in SECTION_LETTERS:
                level = 2
        section = Section(label=label, title=title, level=level, span=span_of([line]))
        (self.annex.sections if self.annex is not None else self.body.sections).append((section, line))
        self.current = None

    def title_below(self, index: int, max_words: int, opens: Callable[[str], bool]) -> str | None:
        """The title of a heading on the next non-blank line: short, unpunctuated, and not
        something that ``opens`` (a paragraph, a point, a heading); that line is consumed."""
        # The next line with text: lines of page furniture taken out are left blank, and an
        # annex that opens a page has its title below the page's removed header.
        following = [
            (j, x) for j, x in enumerate(self.lines[index + 1 : index + 9], index + 1) if not blank(x)
        ]
        if not following:
            return None
        j, nxt = following[0]
        candidate = nxt.text.strip()
        if len(candidate.split()) > max_words or candidate.endswith(TERMINATORS) or opens(candidate):
            return None
        self.skip_until = j
        return candidate

    def open_annex(self, line: Line, label: str, title: str | None) -> None:
        self.annex = AnnexBuilder(label=label, title=title, line=line)
        self.body.annexes.append(self.annex)
        self.units_seen = set()
        self.articles = False  # an annex is in articles if its own article 1 says so
        self.state = State.NUMBERED
        self.in_area = False
        self.footnote = None
        self.current = None
        self.last_number = 0


# A reader is tried on a non-blank line (its index in ``Reading.lines``, the line, its text
# stripped): True when it consumed the line, False to let the next reader try.
Reader = Callable[[Reading, int, Line, str], bool]


def heading(text: str) -> tuple[str, str] | None:
    """A section heading's label and title: ``ثانياً - الولاية`` (or with the label left at
    the end by a visual extraction); a title of at most 20 words."""
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


def blank_lines_separate_paragraphs(lines: list[Line]) -> bool:
    """Whether blank lines mean paragraph breaks here. Some extractors leave blank lines
    every few lines inside paragraphs; then most blank lines follow an unfinished line."""
    after_finished = after_unfinished = 0
    for prev, line in itertools.pairwise(lines):
        if not blank(line) or blank(prev):
            continue
        text = TRAILING_REFS_RE.sub("", prev.text.strip())
        if text.endswith(TERMINATORS):
            after_finished += 1
        else:
            after_unfinished += 1
    return after_finished >= 1.5 * after_unfinished
