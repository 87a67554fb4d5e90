"""The formula reader: the formula that opens a preamble (``إن الجمعية العامة،``, on one line
or wrapped over up to three) or a sentence (``إن الجمعية العامة، إذ تشير ...، تقرر ...``, one paragraph);
and, before it, the lines of the header, from which the metadata is read."""

from __future__ import annotations

import regex

from ...lexicon import is_lead_verb
from ...lines import Line, blank
from ..items import ItemBuilder, Piece
from ..patterns import FORMULA_RE
from ..reading import Reading, State


def read_formula(r: Reading, index: int, line: Line, text: str) -> bool:
    """In the header, the preamble formula: the preamble follows it. Also right under the
    heading of a resolution adopted in parts (``ألف - ...`` above ``إن الجمعية العامة،``):
    the first part's, before any paragraph, or a later part's, after the paragraphs of the
    one before; each part has its preamble, and its paragraphs count from 1 again."""
    first_part = r.body.formula is None and not r.body.paragraphs
    under_heading = (
        r.state is State.NUMBERED
        and r.annex is None
        and r.current is None
        and bool(r.body.sections)
        and (first_part or r.body.sections[-1][1].number == r.prev_number)
    )
    if r.state is not State.HEADER and not under_heading:
        return False
    formula = _formula(r, index)
    if formula is None and under_heading:
        return False
    if formula:
        if r.body.formula is None:
            r.body.formula = formula["formula"].strip() + "،"
            r.body.formula_line = line
        r.state = State.PREAMBLE
        r.current = None
        r.last_number = 0
        return True
    return _inline_formula(r, index)


def read_header(r: Reading, index: int, line: Line, text: str) -> bool:
    """Any other line before the body begins: a line of the header."""
    if r.state is not State.HEADER:
        return False
    r.body.header.append(line)
    return True


def _formula(r: Reading, index: int) -> regex.Match[str] | None:
    """The preamble formula, on one line or wrapped over up to three."""
    text = r.lines[index].text.strip()
    if not text.startswith("إن "):
        return None
    joined = text
    for j in range(index + 1, min(index + 3, len(r.lines))):
        if FORMULA_RE.match(joined) or blank(r.lines[j]):
            break
        joined += " " + r.lines[j].text.strip()
        r.skip_until = j
    m: regex.Match[str] | None = FORMULA_RE.match(joined)
    if m is None:
        r.skip_until = -1
    return m


def _inline_formula(r: Reading, index: int) -> bool:
    """A formula that opens a sentence: "إن الجمعية العامة، إذ تشير ...، تقرر ..." or
    "إن الجمعية العامة تقرر ..." (the whole text of a decision). The formula ends before
    the preambular "إذ" or the first lead verb. The sentence is the document's one
    paragraph, unnumbered, formula included: it has no preamble of its own to open (its
    "إذ" clause is part of the sentence), and cut there it would read as units the
    document does not have. The formula still names the organ; the paragraph's lead is
    its operative verb ("تقرر")."""
    first = r.lines[index]
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
    r.body.formula = " ".join(words[:end])
    r.body.formula_line = first
    r.body.formula_in_text = True
    # The sentence runs to the end of its block (a blank line) or to its full stop.
    flat: list[tuple[Line, str]] = [(first, w) for w in words]
    last = index
    for j in range(index + 1, min(index + 40, len(r.lines))):
        if blank(r.lines[j]) or flat[-1][1].endswith("."):
            break
        flat.extend((r.lines[j], w) for w in r.lines[j].text.split())
        last = j
    r.skip_until = last
    verb = end
    if words[end] in ("إذ", "وإذ"):
        # The operative verb after the preambular clause: the first lead verb after a comma.
        verb = next(
            (
                k
                for k in range(end + 2, len(flat))
                if flat[k - 1][1].endswith("،")
                and is_lead_verb(flat[k][1])
                and flat[k - 2][1] not in ("إذ", "وإذ")
            ),
            end,
        )
    item = ItemBuilder(lead=flat[verb][1].rstrip("،,:؛"))
    item.pieces = _pieces(flat)
    r.body.paragraphs.append(item)
    r.current = item
    r.state = State.NUMBERED
    return True


def _pieces(words: list[tuple[Line, str]]) -> list[Piece]:
    """Words with their lines → one piece per line."""
    pieces: list[Piece] = []
    for line, word in words:
        if pieces and pieces[-1].line is line:
            pieces[-1].text += " " + word
        else:
            pieces.append(Piece(line, word))
    return pieces
