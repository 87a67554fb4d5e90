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
from collections.abc import Callable
from dataclasses import dataclass, field

import regex

from ..lexicon import LEGAL_UNITS, SECTION_LETTERS, is_lead_verb, legal_ordinal
from ..models import Annex, Footnote, Paragraph, Section
from ..repair.digits import western
from ..repair.pipeline import Line
from .items import ItemBuilder, Piece, build_footnote, build_paragraph, span_of
from .patterns import (
    ANNEX_RE,
    ARTICLE_RE,
    ATTACHED_LAW_RE,
    CHAPTER_RE,
    CLOSING_RE,
    CONTENTS_RE,
    FOOTNOTE_BARE_RE,
    FOOTNOTE_RE,
    FOOTNOTE_TRAILING_RE,
    FORMULA_RE,
    HEADING_LABEL_AT_END_RE,
    HEADING_RE,
    IMPRINT_RE,
    INLINE_REF_RE,
    LAW_CLOSING_RE,
    LEAD_INSIDE_RE,
    LEGAL_MARKER_AT_END_RE,
    MISPLACED_NUMBER_RE,
    NUMBERED_RE,
    ORDINAL_LABEL_RE,
    PAGE_COLUMN_RE,
    PREAMBLE_LEAD_RE,
    STAR_NOTE_RE,
    SUB_ITEM_RE,
    TERMINATORS,
    TOC_PAGE_RE,
    TRAILING_REFS_RE,
)


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
    preamble: list[ItemBuilder] = field(default_factory=list)
    paragraphs: list[ItemBuilder] = field(default_factory=list)
    footnotes: list[ItemBuilder] = field(default_factory=list)
    sections: list[tuple[Section, Line]] = field(default_factory=list)
    closing: list[Line] = field(default_factory=list)
    unplaced: list[Line] = field(default_factory=list)
    cited: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    contents: list[tuple[str, Line]] = field(default_factory=list)  # entries of a contents list
    annexes: list[AnnexBuilder] = field(default_factory=list)
    legislation: bool = False  # the body is in articles: a law or a decree


def _blank(line: Line) -> bool:
    return not line.text.strip()


class _Pass:
    def __init__(
        self,
        lines: list[Line],
        separators: list[int],
        footnote_lines: set[int],
        runs_reversed: bool = False,
        whole_paragraphs: bool = False,
    ) -> None:
        self.runs_reversed = runs_reversed
        # Each non-blank line is a whole paragraph (the PDF reader joined them from geometry).
        self.whole_paragraphs = whole_paragraphs
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
        self.last_number = 0  # of the last numbered paragraph; an annex numbers from 1 again
        self.in_contents = False
        self.annex: AnnexBuilder | None = None  # the open annex: paragraphs and headings go there
        # Articles 1 and 2 somewhere: legislation, or a UN text with a convention annexed. A
        # part (the body, an annex) is read in articles from its article 1 on.
        self.expect_articles = _has_articles(lines)
        self.articles = False
        self.units_seen: set[str] = set()  # units of a law's structure used so far
        self.imprint = False  # past a gazette's imprint: nothing of the law any more

    # -- helpers -------------------------------------------------------------------------
    def _crossed_separator(self, prev: int, now: int) -> bool:
        return any(prev < s < now for s in self.separators)

    def _next_number(self) -> int:
        return self.last_number + 1

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
        if not self.in_area and self._nested_item_expected(marker):
            return None
        if self.in_area or marker in self.pending_refs:
            return marker, m["rest"]
        return None

    def _nested_item_expected(self, marker: str) -> bool:
        """Whether ``(N)`` is the next point of a second level, not footnote N: the first
        one after a lettered sub-item that ends with a colon, or the one after ``(N-1)``."""
        if self.current is None or not self.current.children or not marker.isdigit():
            return False
        last = self.current.children[-1]
        if last.children:
            return western(last.children[-1].label or "") == str(int(marker) - 1)
        return marker == "1" and last.ends_with((":",))

    def _opens_structure(self, text: str) -> bool:
        """A line that cannot continue a footnote: the next numbered paragraph or a heading."""
        numbered = NUMBERED_RE.match(text)
        if numbered and int(western(numbered["n"])) in (self._next_number(), self._next_number() + 1):
            return True
        return self._heading(text) is not None or ANNEX_RE.match(text) is not None

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
    def _numbered(self) -> list[ItemBuilder]:
        """Where numbered paragraphs go: the open annex's, else the body's."""
        return self.annex.paragraphs if self.annex is not None else self.body.paragraphs

    def _start_paragraph(
        self, line: Line, number: int | None, text: str, preamble: bool | None = None
    ) -> None:
        """A numbered paragraph, or an unnumbered one: preambular unless ``preamble`` is False
        (the body of a decision, the text of an annex)."""
        item = ItemBuilder(number=number)
        item.add(line, text)
        if number is None and preamble is not False:
            self.body.preamble.append(item)
        else:
            self._numbered().append(item)
        if number is not None:
            self.last_number = number
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

    def _add_section(self, line: Line, label: str, title: str, level: int | None = None) -> None:
        if level is None:
            level = 1 if ORDINAL_LABEL_RE.match(label) or not label else 2
            if label in SECTION_LETTERS:
                level = 2
        section = Section(label=label, title=title, level=level, span=span_of([line]))
        (self.annex.sections if self.annex is not None else self.body.sections).append((section, line))
        self.current = None

    def _unlabelled_heading(self, index: int) -> bool:
        """A short line alone between blank lines, before a numbered paragraph, in a report."""
        line = self.lines[index]
        text = line.text.strip()
        if not self._numbered() or self.body.preamble or self.body.formula:
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

    def feed(self, index: int, prev_number: int, line: Line | None = None) -> None:
        line = self.lines[index] if line is None else line
        text = line.text.strip()
        if self._crossed_separator(prev_number, line.number):
            self.in_area = True
            self.footnote = None
        if line.number in self.footnote_lines:
            self.in_area = True
        elif self.footnote_lines:
            # The reader placed every footnote (a PDF's footnote areas): this line is none,
            # even below a separator (body text resuming after a section's notes).
            self.in_area = False
            self.footnote = None
        if (
            (self.in_area or FOOTNOTE_RE.match(text))
            and not (self.footnote_lines and not self.in_area)
            and self._footnote_line(line)
        ):
            return
        if self._contents_line(line, text):
            return
        if self.state == "header" and self._star_note(line, text):
            return
        annex = ANNEX_RE.match(text) if self.state != "header" else None
        if annex and (self.blank_before or self.current is None or self.current.ends_with(TERMINATORS)):
            self._annex(index, annex["label"], annex["title"])
            return
        if self.expect_articles and self._legal_line(index, line, text):
            return
        if self.state == "closing" or (self.body.paragraphs and CLOSING_RE.match(text)):
            self.state = "closing"
            self.body.closing.append(line)
            return
        self._cite(text)
        numbered = None if self.articles else NUMBERED_RE.match(text) or self._misplaced_number(text)
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
        heading = None if self.articles else self._heading(text)
        if heading and (
            self.state == "numbered" or (self.state == "header" and ORDINAL_LABEL_RE.match(heading[0]))
        ):
            self.state = "numbered"
            self._add_section(line, *heading)
            return
        if self.state == "numbered" and not self.articles and self._unlabelled_heading(index):
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
            if self._inline_formula(index):
                return
            self.body.header.append(line)
            return
        if self.state == "preamble" and self._new_preamble_paragraph(text):
            self._start_paragraph(line, None, text)
            return
        if self.annex is not None and (
            self.current is None
            or (
                self.blank_before
                and self.current.number is None
                and (self.whole_paragraphs or self.current.ends_with(TERMINATORS))
            )
        ):
            # The text of an annex that is not in numbered paragraphs: unnumbered ones.
            self._start_paragraph(line, None, text, preamble=False)
            return
        if self.current is None:
            self.body.unplaced.append(line)
            return
        self.current.tail().add(line, text)

    # -- legislation: articles, their numbered items, chapters, an attached law -----------
    def _article(self, text: str) -> tuple[int, str, str] | None:
        """``مادة (N):`` with N the next article number: (N, the word "مادة", the text after)."""
        m = ARTICLE_RE.match(text)
        if m is None or not (not m["rest"] or m["sep"] or (m["open"] and m["close"])):
            return None
        n = int(western(m["n"])) if m["n"] else legal_ordinal(m["ord"])
        # The next article; or article 1, opening a part without numbered paragraphs: an annex,
        # or a body that has not begun as a UN text (no formula, no preamble) before it.
        began = self.body.formula is not None or bool(self.body.preamble)
        first = n == 1 and not self._numbered() and (self.annex is not None or not began)
        if n is None or (n != self.last_number + 1 if self.articles else not first):
            return None
        return n, m["lead"], m["rest"].strip()

    def _legal_marker(self, text: str) -> bool:
        return self._article(text) is not None or CHAPTER_RE.match(text) is not None

    def _legal_line(self, index: int, line: Line, text: str) -> bool:
        """Consume a line by the conventions of Arabic legislation; True when consumed."""
        if self.imprint or (self.articles and IMPRINT_RE.match(text)):
            # The printer's imprint at the foot of a gazette: not the law; reported.
            self.imprint = True
            self.body.unplaced.append(line)
            return True
        if self.articles and self._attached_law(index, text):
            self._open_annex(line, text, None)
            self.current = None
            self.last_number = 0
            return True
        if self.state == "closing":
            return False
        if self.articles and LAW_CLOSING_RE.match(text):
            self.state = "closing"
            self.body.closing.append(line)
            return True
        article = self._article(text)
        if article is not None:
            self.articles = True
            self.body.legislation = self.body.legislation or self.annex is None
            self.state = "numbered"
            self._start_paragraph(line, article[0], article[2])
            if self.current is not None:
                self.current.lead = article[1]
                if not self.current.pieces:
                    # A marker alone on its line: the article's span starts there all the same.
                    self.current.pieces.append(Piece(line, ""))
            return True
        # Chapters come among articles, or before the first one of a part.
        before = self.state == "header" or (self.annex is not None and not self.annex.paragraphs)
        chapter = CHAPTER_RE.match(text) if len(text) <= 200 and (self.articles or before) else None
        if chapter is not None:
            self._chapter(index, line, chapter)
            return True
        numbered = NUMBERED_RE.match(text)
        owner = self.current
        if numbered and self.articles and owner is not None and owner.number is not None:
            # "1 - ..." inside an article: its items, numbered from 1.
            last = owner.children[-1].label if owner.children else "0"
            if (last or "").isdigit() and int(western(numbered["n"])) == int(western(last or "0")) + 1:
                owner.children.append(ItemBuilder(label=numbered["n"]))
                owner.tail().add(line, numbered["rest"].strip())
                return True
        return False

    def _chapter(self, index: int, line: Line, m: regex.Match[str]) -> None:
        """``الباب الثاني`` and its title, on the line or on the next short one."""
        title = (m["title"] or "").strip() or self._title_below(index, 15, self._legal_marker) or ""
        unit = m["unit"]
        self.units_seen.add(unit)
        level = 1 + sum(1 for u in LEGAL_UNITS[: LEGAL_UNITS.index(unit)] if u in self.units_seen)
        self._add_section(line, " ".join(m["label"].split()), title, level)
        self.state = "numbered"

    def _attached_law(self, index: int, text: str) -> bool:
        """The heading of a law issued by the articles before it ("القانون المرافق"): a short
        line naming a law, after articles, followed by a chapter or by article 1."""
        if self.last_number == 0 or not ATTACHED_LAW_RE.match(text):
            return False
        if len(text.split()) > 15 or text.endswith(TERMINATORS):
            return False
        following = [x.text.strip() for x in self.lines[index + 1 : index + 8] if not _blank(x)][:3]
        for nxt in following:
            article = ARTICLE_RE.match(nxt)
            if CHAPTER_RE.match(nxt) or (
                article and (western(article["n"] or "") == "1" or legal_ordinal(article["ord"] or "") == 1)
            ):
                return True
        return False

    # -- contents lists, notes of the header, annexes, formulas inside a sentence --------
    def _contents_line(self, line: Line, text: str) -> bool:
        """Consume a line of a contents list: its title, its "page" column head, and its
        entries (text, dot leaders, page number), which are checked against the headings."""
        if CONTENTS_RE.match(text) and self.state in ("header", "numbered"):
            self.in_contents = True
            return True
        if not self.in_contents:
            return False
        if PAGE_COLUMN_RE.match(text):
            return True
        page = TOC_PAGE_RE.search(text)
        entry = text[: page.start()].rstrip(" .…") if page else ""
        if not entry:
            self.in_contents = False
            return False
        self.body.contents.append((entry, line))
        return True

    def _star_note(self, line: Line, text: str) -> bool:
        """``* A/77/50.`` in the header: the note of an asterisk cited above it."""
        m = STAR_NOTE_RE.match(text)
        if m is None or "*" in self.defined or not any("*" in x.text for x in self.body.header):
            return False
        self._open_footnote("*", line, m["rest"])
        self.footnote = None
        return True

    def _annex(self, index: int, label: str, title: str | None) -> None:
        """An annex heading; its title is on the line or on the next short line. Its numbered
        paragraphs, if any, count from 1."""
        line = self.lines[index]
        if title is None:
            title = self._title_below(
                index,
                20,
                lambda x: (
                    bool(NUMBERED_RE.match(x) or SUB_ITEM_RE.match(x) or CHAPTER_RE.match(x))
                    or ARTICLE_RE.match(x) is not None
                    or self._heading(x) is not None
                ),
            )
        self._open_annex(line, label, title)

    def _title_below(self, index: int, max_words: int, opens: Callable[[str], bool]) -> str | None:
        """The title of a heading on the next non-blank line: short, unpunctuated, and not
        something that ``opens`` (a paragraph, a point, a heading); that line is consumed."""
        following = [
            (j, x) for j, x in enumerate(self.lines[index + 1 : index + 4], index + 1) if not _blank(x)
        ]
        if not following:
            return None
        j, nxt = following[0]
        candidate = nxt.text.strip()
        if len(candidate.split()) > max_words or candidate.endswith(TERMINATORS) or opens(candidate):
            return None
        self.skip_until = j
        return candidate

    def _open_annex(self, line: Line, label: str, title: str | None) -> None:
        self.annex = AnnexBuilder(label=label, title=title, line=line)
        self.body.annexes.append(self.annex)
        self.units_seen = set()
        self.articles = False  # an annex is in articles if its own article 1 says so
        self.state = "numbered"
        self.in_area = False
        self.footnote = None
        self.current = None
        self.last_number = 0

    def _inline_formula(self, index: int) -> bool:
        """A formula that opens a sentence: "إن الجمعية العامة، إذ تشير ...، تقرر ..." or
        "إن الجمعية العامة تقرر ..." (the whole text of a decision). The formula ends before
        the preambular "إذ" or the first lead verb; the sentence is split into its preambular
        clause and its operative part, an unnumbered paragraph."""
        first = self.lines[index]
        words = first.text.split()
        if not words or words[0] != "إن":
            return False
        end = next(
            (
                k
                for k in range(2, min(len(words), 16))
                if is_lead_verb(words[k]) or (words[k - 1].endswith("،") and words[k] in ("إذ", "وإذ"))
            ),
            None,
        )
        if end is None:
            return False
        self.body.formula = " ".join(words[:end])
        self.body.formula_line = first
        # The sentence runs to the end of its block (a blank line) or to its full stop.
        flat: list[tuple[Line, str]] = [(first, w) for w in words[end:]]
        last = index
        for j in range(index + 1, min(index + 40, len(self.lines))):
            if _blank(self.lines[j]) or (flat and flat[-1][1].endswith(".")):
                break
            flat.extend((self.lines[j], w) for w in self.lines[j].text.split())
            last = j
        self.skip_until = last
        split = 0
        if flat and flat[0][1] in ("إذ", "وإذ"):
            split = next(
                (
                    k
                    for k in range(2, len(flat))
                    if flat[k - 1][1].endswith("،")
                    and is_lead_verb(flat[k][1])
                    and flat[k - 2][1] not in ("إذ", "وإذ")
                ),
                len(flat),
            )
        if split:
            self._start_paragraph(first, None, "")
            self.current = self.body.preamble[-1]
            self.current.pieces = _pieces(flat[:split])
            self.state = "preamble"
        if split < len(flat):
            item = ItemBuilder()
            item.pieces = _pieces(flat[split:])
            self.body.paragraphs.append(item)
            self.current = item
            self.state = "numbered"
        return True

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
            glued = LEGAL_MARKER_AT_END_RE.search(line.text) if self.articles else None
            if glued and self._legal_marker(glued["marker"]):
                # An article or chapter that an extraction joined to the line before it.
                self.feed(index, prev_number, Line(line.number, line.text[: glued.start()], line.page))
                self.blank_before = True
                self.feed(index, prev_number, Line(line.number, glued["marker"], line.page))
            else:
                self.feed(index, prev_number)
            prev_number = line.number
            self.blank_before = False
            self.blanks_before = 0
        for marker in sorted(self.pending_refs - self.defined, key=lambda m: (len(m), m)):
            self.body.warnings.append(f"footnote {marker} is cited but its text is not in the input")
        return self.body


def _pieces(words: list[tuple[Line, str]]) -> list[Piece]:
    """Words with their lines → one piece per line."""
    pieces: list[Piece] = []
    for line, word in words:
        if pieces and pieces[-1].line is line:
            pieces[-1].text += " " + word
        else:
            pieces.append(Piece(line, word))
    return pieces


def _has_articles(lines: list[Line]) -> bool:
    """Whether the text is laid out in articles (a law, a decree): markers of articles 1 and 2
    at the start of lines."""
    seen: set[int] = set()
    for line in lines:
        text = line.text.strip()
        if "مادة" not in text[:12]:
            continue
        m = ARTICLE_RE.match(text)
        if m is None or not (not m["rest"] or m["sep"] or (m["open"] and m["close"])):
            continue
        n = int(western(m["n"])) if m["n"] else legal_ordinal(m["ord"])
        if n in (1, 2):
            seen.add(n)
            if len(seen) == 2:
                return True
    return False


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
    lines: list[Line],
    separators: list[int],
    footnote_lines: set[int],
    runs_reversed: bool = False,
    whole_paragraphs: bool = False,
) -> Body:
    """Run the pass over repaired lines."""
    return _Pass(lines, separators, footnote_lines, runs_reversed, whole_paragraphs).run()


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


def check_contents(body: Body, sections: list[Section]) -> list[str]:
    """A contents entry names a heading of the text; one that names none is reported."""
    names: set[str] = set()
    for s in sections:
        names.update({s.label, s.title, f"{s.label} - {s.title}", f"{s.label} {s.title}"})
    squashed = {" ".join(n.split()) for n in names if n}
    return [
        f"line {line.number}: contents entry without a heading in the text: {entry[:80]}"
        for entry, line in body.contents
        if " ".join(entry.split()) not in squashed
    ]


def finish_footnotes(body: Body) -> list[Footnote]:
    return [build_footnote(f) for f in body.footnotes]
