"""The footnote reader, and the note of an asterisk in the header.

A footnote area starts after a separator line (or, in text without separators, at a line
``(N) ...`` whose marker was cited and not yet defined; in a PDF, where the reader placed
the footnotes); a footnote runs until its text ends with a full stop; unmarked text at the
top of an area continues the last footnote when that one was left open (a footnote carried
over a page). The next numbered paragraph or a heading ends the area.
"""

from __future__ import annotations

import regex

from ...lines import Line, blank
from ...repair.digits import western
from ...repair.latin_lines import latin_prose
from ...symbols import SYMBOL
from ..items import ItemBuilder
from ..patterns import (
    ANNEX_RE,
    FOOTNOTE_BARE_RE,
    FOOTNOTE_RE,
    FOOTNOTE_TRAILING_RE,
    NUMBERED_RE,
    STAR_NOTE_RE,
    TRAILING_REFS_RE,
)
from ..reading import Reading, heading


def read_footnote(r: Reading, index: int, line: Line, text: str) -> bool:
    """A line of a footnote area (which this line may open or close)."""
    if r.crossed_separator(r.prev_number, line.number):
        r.in_area = True
        r.footnote = None
    if line.number in r.footnote_lines:
        r.in_area = True
    elif r.footnote_lines:
        # The reader placed every footnote (a PDF's footnote areas): this line is none,
        # even below a separator (body text resuming after a section's notes).
        r.in_area = False
        r.footnote = None
    if r.footnote_lines and not r.in_area:
        return False
    starts = r.in_area or FOOTNOTE_RE.match(text) is not None or line.number in r.note_lines
    return starts and _footnote_line(r, line, index)


def read_star_note(r: Reading, index: int, line: Line, text: str) -> bool:
    """``* A/77/50.`` in the header: the note of an asterisk cited above it; after the
    header too (text without a separator line: the note at the first page's foot, after the
    paragraphs begun on that page), while the header's asterisk has no note yet. A note
    that ends on an opening bracket goes on on the next line (``* (`` then its symbol); an
    asterisk drawn apart from its note is read by :func:`_star_apart`."""
    if "*" in r.defined or not any("*" in x.text for x in r.body.header):
        return False
    if text == "*":
        return _star_apart(r, index, line)
    m = STAR_NOTE_RE.match(text)
    if m is None:
        return False
    open_footnote(r, "*", line, m["rest"])
    nxt = _next_text(r, index)
    if m["rest"].rstrip().endswith(_OPENERS) and nxt is not None and r.footnote is not None:
        r.footnote.add(nxt[1], nxt[1].text.strip())
        r.skip_until = nxt[0]
    r.footnote = None
    return True


_OPENERS = ("(", "[", "«")
# The note of a council's or a report's asterisk: a document symbol and its full stop.
_SYMBOL_NOTE_RE = regex.compile(rf"^{SYMBOL}\.$")


def _next_text(r: Reading, index: int) -> tuple[int, Line] | None:
    """The next line with text within a few lines, and its index."""
    for j in range(index + 1, min(index + 4, len(r.lines))):
        if not blank(r.lines[j]):
            return j, r.lines[j]
    return None


def _short_note(text: str, stop_below: bool) -> bool:
    """A line that can be an asterisk's whole note: a short sentence (its full stop on it, or
    alone below it), not a marked line."""
    if not (text.endswith(".") or stop_below) or len(text.split()) > 12:
        return False
    return not (FOOTNOTE_RE.match(text) or NUMBERED_RE.match(text) or STAR_NOTE_RE.match(text))


def _star_apart(r: Reading, index: int, line: Line) -> bool:
    """An asterisk alone on its line (the extractor drew it apart from its note): the note is
    the short line after it (a full stop alone after that one is its end: pdftotext
    ``-raw``); else a symbol and its full stop just before it (pdftotext's reading order
    puts the asterisk after its note), taken back from the header or the open paragraph."""
    nxt = _next_text(r, index)
    end = _next_text(r, nxt[0]) if nxt is not None else None
    stop_below = end is not None and end[1].text.strip() == "."
    if nxt is not None and _short_note(nxt[1].text.strip(), stop_below):
        j, x = nxt
        open_footnote(r, "*", x, x.text.strip())
        r.skip_until = j
        if end is not None and stop_below and r.footnote is not None:
            r.footnote.add(end[1], ".")
            r.skip_until = end[0]
        r.footnote = None
        return True
    prev = next((x for x in reversed(r.lines[max(0, index - 3) : index]) if not blank(x)), None)
    if prev is None or not _SYMBOL_NOTE_RE.match(prev.text.strip()):
        return False
    if r.body.header and r.body.header[-1] is prev:
        r.body.header.pop()
    elif r.current is not None and r.current.tail().pieces and r.current.tail().pieces[-1].line is prev:
        r.current.tail().pieces.pop()
    else:
        return False
    open_footnote(r, "*", prev, prev.text.strip())
    r.footnote = None
    return True


def open_footnote(r: Reading, marker: str, line: Line, rest: str) -> None:
    item = ItemBuilder(label=marker)
    item.add(line, rest)
    r.body.footnotes.append(item)
    r.footnote = item
    r.defined.add(marker)
    r.pending_refs.discard(marker)


def _footnote_start(r: Reading, text: str, number: int, index: int) -> tuple[str, str] | None:
    m = FOOTNOTE_RE.match(text)
    if number in r.note_lines:
        # The repair saw the marker drawn as a note's (apart from its text, or at the end of
        # a line laid out from the left): a footnote, cited yet or not, whatever list is open.
        m = m or STAR_NOTE_RE.match(text)
        if m is not None:
            return western(m.groupdict().get("m") or "*"), m["rest"]
    if m is None and r.in_area and number in r.unplaced:
        # The marker left at the end of a footnote line (the line-order fixer reported it).
        m = FOOTNOTE_TRAILING_RE.match(text)
    if m is None and r.in_area:
        m = FOOTNOTE_BARE_RE.match(text)
        if m and m["m"] != "*" and western(m["m"]) not in r.pending_refs:
            m = None
    if m is None:
        return None
    marker = western(m["m"])
    if marker.isdigit() and latin_prose(m["rest"]):
        # An English citation after "(N)": the points of an Arabic list are Arabic, so a
        # note, whether its area was found or not (pdfminer on fpdf2, ga-res-78-96:
        # "(1) United Nations, Treaty Series, vol. 249, No. 3511." read as point 1).
        return marker, m["rest"]
    if not r.in_area and (_nested_item_expected(r, marker) or _numbered_point_expected(r, marker, index)):
        return None
    if _list_restart(r, marker):
        return None
    if r.in_area or marker in r.pending_refs:
        return marker, m["rest"]
    return None


def _list_restart(r: Reading, marker: str) -> bool:
    """Whether ``(1)`` after closed notes is a list's first point: notes do not start again
    at 1 unless 1 is cited again, and a note that ends on its full stop was a note."""
    if marker != "1" or marker not in r.defined or marker in r.pending_refs or not r.body.footnotes:
        return False
    last = r.body.footnotes[-1]
    return western(last.label or "") not in ("", "1", "*") and last.ends_with((".",))


def _nested_item_expected(r: Reading, marker: str) -> bool:
    """Whether ``(N)`` is the next point of a second level, not footnote N: the first
    one after a lettered sub-item that ends with a colon, or the one after ``(N-1)``."""
    if r.current is None or not r.current.children or not marker.isdigit():
        return False
    last = r.current.children[-1]
    if last.children:
        return western(last.children[-1].label or "") == str(int(marker) - 1)
    return marker == "1" and last.ends_with((":",))


def _block_end(r: Reading, index: int) -> str:
    """The last character of the block that starts at ``index`` (up to a blank line or the
    next line opening with a marker), footnote references aside."""
    last = r.lines[index].text
    if not r.whole_paragraphs:
        for x in r.lines[index + 1 :]:
            if not x.text.strip() or FOOTNOTE_RE.match(x.text.strip()):
                break
            last = x.text
    return TRAILING_REFS_RE.sub("", last.rstrip())[-1:]


def _numbered_point_expected(r: Reading, marker: str, index: int) -> bool:
    """Whether ``(N)`` is a point of a list numbered at the first level, not footnote N: the
    first under a paragraph that announces it (its colon), its own text ending as a list's
    point does (a semicolon or a colon: a note ends on its full stop); or the next one after
    a point ``(N-1)`` that ended on a semicolon (the list goes on)."""
    if r.current is None or not marker.isdigit():
        return False
    points = r.current.children
    if not points:
        return marker == "1" and r.current.ends_with((":",)) and _block_end(r, index) in ("؛", ":", ";")
    last = points[-1]
    return (
        not last.children and western(last.label or "") == str(int(marker) - 1) and last.ends_with(("؛", ";"))
    )


def _opens_structure(r: Reading, text: str) -> bool:
    """A line that cannot continue a footnote: the next numbered paragraph or a heading."""
    numbered = NUMBERED_RE.match(text)
    if numbered and int(western(numbered["n"])) in (r.next_number(), r.next_number() + 1):
        return True
    return heading(text) is not None or ANNEX_RE.match(text) is not None


def _footnote_line(r: Reading, line: Line, index: int) -> bool:
    """Consume ``line`` as footnote text if it is one; True when consumed."""
    text = line.text.strip()
    if r.in_area and not FOOTNOTE_RE.match(text) and _opens_structure(r, text):
        r.in_area = False
        r.footnote = None
        return False
    start = _footnote_start(r, text, line.number, index)
    if start is not None:
        open_footnote(r, start[0], line, start[1])
        r.in_area = True
        return True
    if not r.in_area:
        return False
    if _opens_structure(r, text):
        r.in_area = False
        r.footnote = None
        return False
    if r.footnote is not None and not r.footnote.ends_with((".",)):
        r.footnote.add(line, text)
        return True
    if r.footnote is None:
        # Unmarked text at the top of an area: the rest of the last footnote carried over
        # from the previous page, or the note of the first page's asterisk.
        last = r.body.footnotes[-1] if r.body.footnotes else None
        if last is not None and not last.ends_with((".",)):
            last.add(line, text)
            r.footnote = last
            return True
        if "*" not in r.defined and not r.body.paragraphs[1:]:
            open_footnote(r, "*", line, text)
            return True
    r.in_area = False
    r.footnote = None
    return False
