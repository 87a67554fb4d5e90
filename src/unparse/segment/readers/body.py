"""The body readers: annexes, the closing lines, numbered paragraphs, headings, sub-items,
preambular paragraphs, and the lines that continue them.

A numbered paragraph starts with the next number in sequence (``12 -``), a sub-item with its
label (``(أ)``), a section with its label (``أولاً -``, ``ألف -``); any other line continues
the open item, unless that item is closed by its punctuation and the line opens a new
preambular paragraph; so a paragraph split by a page break, or by a footnote block
interleaved in it, comes out as one paragraph.
"""

from __future__ import annotations

import regex

from ...lines import Line, blank
from ...repair.digits import western
from ..items import ItemBuilder
from ..patterns import (
    ANNEX_RE,
    ARTICLE_RE,
    CHAPTER_RE,
    CLOSING_RE,
    ENTRY_DASH_RE,
    INLINE_REF_RE,
    LEAD_INSIDE_RE,
    MISPLACED_NUMBER_RE,
    NUMBERED_RE,
    PREAMBLE_LEAD_RE,
    SUB_ITEM_RE,
    SUMMARY_RE,
    SYMBOL_ENTRY_RE,
    TERMINATORS,
    TRAILING_REFS_RE,
)
from ..reading import AnnexBuilder, Reading, State, heading

# The punctuation a sentence goes on with after a reference.
_REF_PUNCT = frozenset("،؛:.,;")


def read_annex(r: Reading, index: int, line: Line, text: str) -> bool:
    """An annex heading, where a paragraph may end; its title is on the line or on the next
    short line. Its numbered paragraphs, if any, count from 1.

    Before the body has begun, an annex heading after a paragraph of prose is that of a note
    transmitting a report (``مذكرة من الأمين العام``, ``يتشرف الأمين العام بأن يحيل ...``,
    ``المرفق``): the prose is the body's text, and the annexed report's own front matter (its
    title, its summary) is read with the header until its first heading or paragraph, which
    go to the annex."""
    annex = ANNEX_RE.match(text)
    if not annex:
        return False
    transmittal: list[list[Line]] = []
    if r.state is State.HEADER:
        transmittal = _prose_before(r) if r.blank_before else []
        if not transmittal:
            return False
    elif not (
        r.blank_before
        or r.current is None
        or r.current.ends_with(TERMINATORS)
        # Among the annexes, the next one's label alone on its line (no wrapped line of a
        # paragraph is the label alone): the last one's text may end with no punctuation.
        or (r.annex is not None and annex["title"] is None and annex["label"] != r.annex.label)
    ):
        return False
    title = annex["title"]
    if title is None:
        title = r.title_below(
            index,
            20,
            lambda x: (
                bool(NUMBERED_RE.match(x) or SUB_ITEM_RE.match(x) or CHAPTER_RE.match(x))
                or ARTICLE_RE.match(x) is not None
                or SUMMARY_RE.match(x) is not None
                or heading(x) is not None
            ),
        )
    if r.state is not State.HEADER:
        r.open_annex(r.lines[index], annex["label"], title)
        return True
    _paragraphs_from_blocks(r, transmittal)
    r.annex = AnnexBuilder(label=annex["label"], title=title, line=r.lines[index])
    r.body.annexes.append(r.annex)
    r.current = None
    return True


def _open_with_points(r: Reading) -> None:
    """Before the body has begun, a first point ``(أ)`` under a sentence that announces it
    (``... قررت الجمعية العامة ما يلي:``): the sentence is the body's first paragraph,
    unnumbered, and the point is its own (the header has no points). So a decision that is
    one sentence with points, with no formula and no preamble, has its text.

    The sentence is the header's last lines, up to its colon: its block, and the blocks
    before it that end with no punctuation (an extractor's blank line inside a sentence),
    from after the last line much shorter than the longest (a title above it)."""
    blocks = _header_blocks(r)
    if not blocks or not TRAILING_REFS_RE.sub("", blocks[-1][-1].text.strip()).endswith(":"):
        return
    k = len(blocks) - 1
    while k > 0 and not TRAILING_REFS_RE.sub("", blocks[k - 1][-1].text.strip()).endswith(TERMINATORS):
        k -= 1
    block = [x for b in blocks[k:] for x in b]
    longest = max(len(x.text.strip()) for x in block)
    start = max((j + 1 for j, x in enumerate(block[:-1]) if len(x.text.strip()) < 0.6 * longest), default=0)
    block = block[start:]
    if len(" ".join(x.text for x in block).split()) < 10:
        return
    r.current = _paragraphs_from_blocks(r, [block])[0]
    r.state = State.NUMBERED


def _paragraphs_from_blocks(r: Reading, blocks: list[list[Line]]) -> list[ItemBuilder]:
    """Move ``blocks`` (lines of the header) out of the header into the body: one unnumbered
    paragraph each, appended to its paragraphs; the new paragraphs."""
    taken = {x.number for block in blocks for x in block}
    r.body.header = [x for x in r.body.header if x.number not in taken]
    items: list[ItemBuilder] = []
    for block in blocks:
        item = ItemBuilder()
        for x in block:
            item.add(x, x.text.strip())
        items.append(item)
    r.body.paragraphs.extend(items)
    return items


def _header_blocks(r: Reading) -> list[list[Line]]:
    """The header's lines in blocks of consecutive input lines (one line each where the
    reader joined paragraphs)."""
    blocks: list[list[Line]] = []
    for x in r.body.header:
        if blocks and not r.whole_paragraphs and x.number == blocks[-1][-1].number + 1:
            blocks[-1].append(x)
        else:
            blocks.append([x])
    return blocks


def _prose_before(r: Reading) -> list[list[Line]]:
    """The paragraphs of prose that end the header: blocks of lines (one line each where the
    reader joined paragraphs) of at least ten words ending a sentence. In a block of wrapped
    lines, a line much shorter than the longest before the last is a line of its own (a
    heading above the paragraph): the paragraph starts after it."""
    blocks = _header_blocks(r)
    prose: list[list[Line]] = []
    for block in reversed(blocks):
        longest = max(len(x.text.strip()) for x in block)
        start = max(
            (k + 1 for k, x in enumerate(block[:-1]) if len(x.text.strip()) < 0.6 * longest), default=0
        )
        block = block[start:]
        text = " ".join(x.text.strip() for x in block)
        if len(text.split()) < 10 or not TRAILING_REFS_RE.sub("", text).endswith("."):
            break
        prose.insert(0, block)
        if start:
            break
    return prose


def read_closing(r: Reading, index: int, line: Line, text: str) -> bool:
    """From the meeting line after the paragraphs (``الجلسة العامة 52``) on: the closing."""
    if r.state is State.CLOSING or (r.body.paragraphs and CLOSING_RE.match(text)):
        r.state = State.CLOSING
        r.body.closing.append(line)
        return True
    return False


def note_references(r: Reading, index: int, line: Line, text: str) -> bool:
    """Note the footnote markers the line cites (a footnote area may then open at ``(N)``);
    never consumes the line."""
    for m in INLINE_REF_RE.finditer(text):
        # Glued to the word before it; or, at the line's start, followed by the sentence's
        # punctuation ("(2)، الذي يعلن": pdftotext -raw on Chromium writes a reference
        # drawn apart first), which no footnote's own line is; or alone on its line (a
        # superscript pdfplumber lifted off its line) where it is the next reference of the
        # document (references count up; a list's "(1)" on a line of its own does not).
        glued = m.start() > 0 and not text[m.start() - 1].isspace()
        alone = text.strip() == m.group() and _next_reference(r, western(m["m"]))
        if glued or (m.start() == 0 and text[m.end() : m.end() + 1] in _REF_PUNCT) or alone:
            marker = western(m["m"])
            if marker not in r.defined:
                r.pending_refs.add(marker)
            if marker not in r.body.cited:
                r.body.cited.append(marker)
    return False


def _next_reference(r: Reading, marker: str) -> bool:
    """Whether ``marker`` is the number after the highest one cited so far."""
    cited = [int(m) for m in r.body.cited if m.isdigit()]
    return marker.isdigit() and int(marker) == max(cited, default=0) + 1


def read_numbered(r: Reading, index: int, line: Line, text: str) -> bool:
    """The next numbered paragraph (one number lost is reported, not a break of sequence; so
    are more lost, the first among them, where the numbered lines after it follow it)."""
    numbered = None if r.articles else NUMBERED_RE.match(text) or _misplaced_number(r, line, text)
    if numbered:
        n, expected = int(western(numbered["n"])), r.next_number()
        if n == expected + 1 and r.state is State.NUMBERED:
            # One number lost (its line could not be read): keep the sequence, say so.
            r.body.warnings.append(f"paragraph {expected} was not found before paragraph {n}")
        elif expected < n <= expected + _MAX_LOST and _sequence_goes_on(r, index, n):
            # More numbers lost, or the first one (read as the header's or the preamble's):
            # the next numbered lines go on from this one, so the sequence is read from it.
            lost = (
                f"paragraph {expected} was"
                if n == expected + 1
                else f"paragraphs {expected} {'and' if n == expected + 2 else 'to'} {n - 1} were"
            )
            r.body.warnings.append(f"{lost} not found before paragraph {n} (the numbers after it follow it)")
        elif n == 1 and _part_restarts(r):
            pass
        elif n != expected or (r.state is State.HEADER and n != 1):
            numbered = None
    if not numbered:
        return False
    r.state = State.NUMBERED
    r.start_paragraph(line, int(western(numbered["n"])), numbered["rest"].strip())
    return True


# Paragraph numbers lost in a row that a sequence going on after them may bridge.
_MAX_LOST = 5
# The numbered lines after a number out of sequence that must go on from it.
_SEQUENCE_EVIDENCE = 2


def _sequence_goes_on(r: Reading, index: int, n: int) -> bool:
    """Whether the next lines that open a numbered paragraph are ``n + 1``, ``n + 2``: the
    numbers before ``n`` were lost (``3``, ``4``, [``5`` lost], ``6``, ``7``), not ``n``
    misread or a line that only looks numbered."""
    following = []
    for x in r.lines[index + 1 :]:
        m = NUMBERED_RE.match(x.text.strip())
        if m is not None:
            following.append(int(western(m["n"])))
            if len(following) == _SEQUENCE_EVIDENCE:
                break
    return following == list(range(n + 1, n + 1 + _SEQUENCE_EVIDENCE))


def _part_restarts(r: Reading) -> bool:
    """Whether a paragraph 1 right under a heading opens a later part of a resolution adopted
    in parts (the first part's heading stands above the formula; no item is open since the
    heading): a part with no preamble of its own counts its paragraphs from 1 again, as a
    part with one does."""
    if r.state is not State.NUMBERED or r.annex is not None or not r.body.sections or r.current is not None:
        return False
    formula = r.body.formula_line
    return formula is not None and r.body.sections[0][1].number < formula.number


def read_heading(r: Reading, index: int, line: Line, text: str) -> bool:
    """A labelled heading, among the paragraphs; in the header, one begins the body: a
    chapter (``أولاً -``), or a section (``ألف -``) of a report that has no chapters or of a
    resolution adopted in parts, each part's heading above its preamble. After a preambular
    paragraph that is closed (its comma), one opens the operative part under its heading
    (a resolution whose operative paragraphs are in sections)."""
    found = None if r.articles else heading(text)
    if not found:
        return False
    closed_preamble = r.state is State.PREAMBLE and (r.current is None or r.current.ends_with(TERMINATORS))
    if r.state not in (State.NUMBERED, State.HEADER) and not closed_preamble:
        return False
    r.state = State.NUMBERED
    r.add_section(line, *found)
    return True


def read_unlabelled_heading(r: Reading, index: int, line: Line, text: str) -> bool:
    """A short line alone between blank lines, before a numbered paragraph, in a report."""
    if r.state is not State.NUMBERED or r.articles or not _unlabelled_heading(r, index):
        return False
    r.add_section(line, "", text)
    return True


def read_sub_item(r: Reading, index: int, line: Line, text: str) -> bool:
    """A labelled point of the open paragraph: ``(أ)``, or a second level (``(i)``, ``'1'``)
    under its last point."""
    sub = SUB_ITEM_RE.match(text)
    if sub and r.state is State.HEADER and sub["label"] == "أ":  # a list's first point
        _open_with_points(r)
    if not sub or r.state is State.HEADER or r.current is None:
        return False
    label, owner = sub["label"], r.current
    if not (label.isascii() or label.isdigit()) or _numbered_point(owner, label):
        owner.children.append(ItemBuilder(label=label))
    elif owner.children:
        owner.children[-1].children.append(ItemBuilder(label=label))
    else:
        return False
    owner.tail().add(line, sub["rest"].strip())
    return True


def _numbered_point(owner: ItemBuilder, label: str) -> bool:
    """Whether ``(N)`` is a point at the first level of a list numbered in digits: ``(1)``
    under a paragraph that ends on its colon, or the one after ``(N-1)`` at that level
    (under a lettered point, ``(1)`` is the second level)."""
    if not label.isdigit():
        return False
    if not owner.children:
        return western(label) == "1" and owner.ends_with((":",))
    last = owner.children[-1]
    return not last.children and western(last.label or "") == str(int(western(label)) - 1)


def read_preamble(r: Reading, index: int, line: Line, text: str) -> bool:
    """In the preamble, a line that opens the next preambular paragraph."""
    if r.state is not State.PREAMBLE or not _new_preamble_paragraph(r, line, text):
        return False
    r.start_paragraph(line, None, text)
    return True


def read_symbol_entry(r: Reading, index: int, line: Line, text: str) -> bool:
    """An entry of a list of documents, labelled by the document's symbol
    (``CRPD/CSP/2023/1 - جدول الأعمال المؤقت``): an unnumbered paragraph of its own, where
    no numbered paragraph is open (the entries end with no punctuation, so the line
    before says nothing of where one ends). The symbol alone on its line opens the entry
    when the next line goes on with its dash (``- جدول الأعمال المؤقت``)."""
    if r.state is not State.NUMBERED or r.articles:
        return False
    if r.current is not None and (r.current.number is not None or r.current.children):
        return False
    m = SYMBOL_ENTRY_RE.match(text)
    if m is None:
        return False
    if m.end() == len(text):
        following = [x for x in r.lines[index + 1 : index + 3] if not blank(x)]
        if not following or not ENTRY_DASH_RE.match(following[0].text.strip()):
            return False
    r.start_paragraph(line, None, text, preamble=False)
    return True


def read_annex_text(r: Reading, index: int, line: Line, text: str) -> bool:
    """The text of an annex that is not in numbered paragraphs: unnumbered ones."""
    if r.annex is None or not (
        r.current is None
        or (
            r.blank_before
            and r.current.number is None
            and (r.whole_paragraphs or r.current.ends_with(TERMINATORS))
        )
    ):
        return False
    r.start_paragraph(line, None, text, preamble=False)
    return True


def read_annex_preamble(r: Reading, index: int, line: Line, text: str) -> bool:
    """In an annex (a draft resolution annexed to a report), a preambular lead after a line
    that ends a clause (``إن الجمعية العامة،`` then ``إذ تشير ...``) opens the next unnumbered
    paragraph, blank line or not, as in a preamble."""
    if r.annex is None or r.current is None or r.current.number is not None or r.current.children:
        return False
    if not r.current.ends_with(TERMINATORS) or PREAMBLE_LEAD_RE.match(text) is None:
        return False
    r.start_paragraph(line, None, text, preamble=False)
    return True


# A paragraph of prose: at least this many words, ending a sentence (references aside).
_PROSE_WORDS = 10
_PROSE_ENDS = (".", ":", "؛")
_ARABIC_START_RE = regex.compile(r"[\u0621-\u064a]")


def _block_at(r: Reading, index: int) -> list[Line]:
    """The block of lines that starts at ``index``: up to the next blank line or the next
    line that opens a numbered paragraph or a heading (the line alone where the reader
    joined paragraphs). An extractor that leaves no blank lines would otherwise give a
    stray piece of a line (a paragraph's first line moved above its number: ``عد توكيلاو
    من ... استراتيجية`` above ``9 - تُ``) the end of a later paragraph as its own."""
    if r.whole_paragraphs:
        return [r.lines[index]]
    block = [r.lines[index]]
    for x in r.lines[index + 1 :]:
        text = x.text.strip()
        if not text or NUMBERED_RE.match(text) or heading(text) is not None:
            break
        block.append(x)
    return block


def _is_prose(block: list[Line]) -> bool:
    """A paragraph, not a heading's second line or a label: ten words or more that end a
    sentence.

    >>> _is_prose([Line(1, "يعرض هذا الفرع الأنشطة التي اضطلع بها المكتب خلال الفترة المشمولة بالتقرير.")])
    True
    >>> _is_prose([Line(1, "المضطلع بها في مجال منع الجريمة")])
    False
    """
    text = " ".join(x.text.strip() for x in block)
    return len(text.split()) >= _PROSE_WORDS and TRAILING_REFS_RE.sub("", text).endswith(_PROSE_ENDS)


def read_body_text(r: Reading, index: int, line: Line, text: str) -> bool:
    """In the body, with no item open (under a heading), a paragraph of prose that no number
    opens: an unnumbered paragraph (a report's text under its heading, before its numbered
    paragraphs). A line that is not prose (a heading's wrapped title) stays unplaced."""
    if r.state is not State.NUMBERED or r.annex is not None or r.articles:
        return False
    sections = r.body.sections
    if r.current is None:
        # Right under its heading: a line after lines that were not placed (a paragraph
        # whose number could not be read) is the rest of that paragraph, not prose of its own.
        if not sections or sections[-1][1].number != r.prev_number:
            return False
    elif not (
        r.current.number is None
        and not r.current.children
        and r.current in r.body.paragraphs
        and (r.whole_paragraphs or (r.blank_before and r.current.ends_with((".",))))
    ):
        return False
    # It opens with a word: a line led by a number is a paragraph whose number is out of
    # sequence or a line the extractor scrambled, not prose of its own.
    if not _ARABIC_START_RE.match(text) or not _is_prose(_block_at(r, index)):
        return False
    r.start_paragraph(line, None, text, preamble=False)
    if r.current is not None:
        r.body.prose.append(r.current)
    return True


def drop_prose_in_holes(r: Reading) -> None:
    """After the last line: an unnumbered paragraph of prose that sits where the numbering
    has a hole (paragraph 9 not found between 8 and 10) is most likely that paragraph, its
    number lost by the extractor: not prose of its own, so its lines are reported unplaced,
    as any line of a paragraph whose number could not be read."""
    paragraphs = r.body.paragraphs
    for item in r.body.prose:
        k = next((i for i, p in enumerate(paragraphs) if p is item), None)
        if k is None:
            continue
        before = next((p.number for p in reversed(paragraphs[:k]) if p.number is not None), 0)
        after = next((p.number for p in paragraphs[k + 1 :] if p.number is not None), None)
        if after is not None and after > before + 1:
            del paragraphs[k]
            r.body.unplaced.extend(item.all_lines())
    r.body.unplaced.sort(key=lambda x: x.number)


def read_text_only_body(r: Reading) -> None:
    """After the last line: a text whose body never began (no formula, no number, no
    heading, no preamble, no summary) but whose header ends with paragraphs of prose (a
    decision recorded as prose: ``في الجلسة العامة 92 ...، قررت الجمعية العامة ...``) has
    them as its unnumbered paragraphs; meeting lines after them are its closing."""
    body = r.body
    if r.state is not State.HEADER or r.articles or body.formula or body.sections:
        return
    if body.paragraphs or body.preamble or body.annexes:
        return
    # A summary heading (its paragraphs are the summary's), or a paragraph number (the body
    # is numbered, and its numbers could not be read): not a text recorded as prose.
    if any(SUMMARY_RE.match(x.text.strip()) or NUMBERED_RE.match(x.text.strip()) for x in body.header):
        return
    closing: list[Line] = []
    header = list(body.header)
    while header and CLOSING_RE.match(header[-1].text.strip()):
        closing.insert(0, header.pop())
    body.header = header
    prose = _prose_before(r)
    if not prose:
        body.header = header + closing
        return
    _paragraphs_from_blocks(r, prose)
    body.closing.extend(closing)
    r.state = State.CLOSING if closing else State.NUMBERED


def read_continuation(r: Reading, index: int, line: Line, text: str) -> bool:
    """The rest of the open item; with none open, a line not placed (reported)."""
    if r.current is None:
        r.body.unplaced.append(line)
    else:
        r.current.tail().add(line, text)
    return True


def _misplaced_number(r: Reading, line: Line, text: str) -> regex.Match[str] | None:
    """The next paragraph number inside a line the line-order fixer reported
    (``"... مذي 13-ضا"``): the line still starts that paragraph."""
    if line.number not in r.unplaced or r.state is State.HEADER:
        return None
    for m in MISPLACED_NUMBER_RE.finditer(text):
        if int(western(m["n"])) in (r.next_number(), r.next_number() + 1):
            rest = (text[: m.start()] + " " + text[m.end() :]).strip()
            found: regex.Match[str] | None = NUMBERED_RE.match(f"{m['n']} - {rest}")
            return found
    return None


def _unlabelled_heading(r: Reading, index: int) -> bool:
    line = r.lines[index]
    text = line.text.strip()
    if not r.numbered() or r.body.preamble or r.body.formula:
        return False
    if not r.blank_before or text.endswith(TERMINATORS) or len(text.split()) > 14:
        return False
    # A heading follows a finished paragraph, never the middle of one; where the
    # paragraph's end could not be read, a wider gap (two blank lines) still sets it apart.
    finished = r.current is None or r.current.ends_with((".", ":", "؛"))
    if not finished and r.blanks_before < 2:
        return False
    following = [x for x in r.lines[index + 1 : index + 4] if not blank(x)]
    if not following:
        return False
    m = NUMBERED_RE.match(following[0].text.strip())
    return m is not None and int(western(m["n"])) == r.next_number()


def _new_preamble_paragraph(r: Reading, line: Line, text: str) -> bool:
    if r.current is None:
        return True
    if line.number in r.unplaced and LEAD_INSIDE_RE.search(text):
        # The lead of a preambular paragraph is always on its first line; where the
        # line's order could not be repaired it is somewhere inside it, and the closing
        # comma of the paragraph before may be anywhere on that one's last line.
        return True
    if not r.current.ends_with(TERMINATORS):
        return False
    # Without a blank line, a lead word after a closed paragraph opens the next one.
    # (A wrapped line that happens to start "وإذ" after a comma inside a paragraph reads
    # the same; line length was tried as a tie-breaker and made more errors than it fixed.)
    return (r.blank_before and r.blank_is_break) or PREAMBLE_LEAD_RE.match(text) is not None
