"""Metadata from the header and closing lines: kind, symbol, body, session, agenda item,
date, title, closing (AKN preface and conclusions)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import regex

from ..lexicon import DATE_RE, ENGLISH_MONTHS, MONTH_NUMBER, ORGAN_SYMBOLS, SESSION_RE, UN_ORGANS
from ..lines import Line, blocks
from ..models import DocumentKind
from ..repair.digits import western
from ..symbols import SYMBOL_LOOSE
from .patterns import (
    ADOPTED_RE,
    AGENDA_RE,
    COMMITTEE_RE,
    ENGLISH_DATE_RE,
    LEGAL_DATE_RE,
    MASTHEAD_RE,
    NUMBER_LINE_RE,
    REPORT_LINE_RE,
    RES_TITLE_RE,
    SESSION_LINE_RE,
    SUMMARY_RE,
    SYMBOL_LINE_RE,
    TRAILING_REFS_RE,
)


@dataclass
class Header:
    kind: DocumentKind = "unknown"
    symbol: str | None = None
    body: str | None = None
    session: str | None = None
    agenda_item: str | None = None
    date: datetime.date | None = None
    title: str | None = None
    number: str | None = None
    summary: str | None = None
    agenda_title: str | None = None
    organ: str | None = None  # the organ named alone in the masthead
    unplaced: list[Line] = field(default_factory=list)
    # The text of a covering note above a report's summary ("يتشرف الأمين العام بأن يحيل ..."):
    # blocks of lines, each a paragraph of the body.
    transmittal: list[list[Line]] = field(default_factory=list)


def parse_date(text: str) -> datetime.date | None:
    """``"16 كانون الأول/ديسمبر 2021"`` → 2021-12-16."""
    return _date(DATE_RE.search(western(text)))


def _date(m: regex.Match[str] | None) -> datetime.date | None:
    """The date a match of ``DATE_RE`` or ``LEGAL_DATE_RE`` names (its day, month name, year)."""
    if not m:
        return None
    try:
        return datetime.date(int(m["year"]), MONTH_NUMBER[m["gre"]], int(m["day"]))
    except (ValueError, KeyError):
        return None


def _english_date(text: str) -> datetime.date | None:
    """The masthead's issue date: ``"18 July 2022"``."""
    m = ENGLISH_DATE_RE.match(text)
    if not m or m["month"] not in ENGLISH_MONTHS:
        return None
    try:
        return datetime.date(int(m["year"]), ENGLISH_MONTHS[m["month"]], int(m["day"]))
    except ValueError:
        return None


def _masthead(header: Header, text: str) -> bool:
    """Read a line of the first page's masthead into ``header``; True if it was one."""
    if MASTHEAD_RE.match(text):
        return True
    symbol = SYMBOL_LINE_RE.match(text)
    if symbol:
        header.symbol = header.symbol or symbol["symbol"]
        return True
    if text in UN_ORGANS:
        header.organ = text
        return True
    issued = _english_date(text)
    if issued is not None:
        # The issue date; an adoption line, read later, gives the date of adoption instead.
        header.date = header.date or issued
        return True
    return False


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """The header's blocks: a gap in the input numbering (a blank line left out) ends one."""
    return [lines[start:end] for start, end in blocks(lines, by_number=True)]


def _title_from(first: Line, lines: list[Line]) -> list[Line]:
    """``first`` and the lines right below it that go on with a title (consecutive input
    lines, three at most): never a summary heading, a line naming who reports, or the end
    of a sentence (a text whose lines have no blank lines between blocks)."""
    block = [first]
    for nxt in lines[1:3]:
        text = nxt.text.strip()
        if nxt.number != block[-1].number + 1 or block[-1].text.rstrip().endswith("."):
            break
        if any(r.match(text) for r in (SUMMARY_RE, REPORT_LINE_RE, MASTHEAD_RE, SYMBOL_LINE_RE)):
            break
        block.append(nxt)
    return block


def _title_below(line: Line, below: list[Line]) -> list[Line]:
    """The title of a number line (``المقرر 10/4``): the lines right below it, or, where a
    reader set a blank line between blocks, the block after that one blank line; never an
    adoption, session or agenda line."""
    if not below or below[0].number > line.number + 2:
        return []
    title: list[Line] = []
    for nxt in below:
        if title and nxt.number != title[-1].number + 1:
            break
        text = nxt.text.strip()
        if ADOPTED_RE.match(text) or SESSION_LINE_RE.match(text) or AGENDA_RE.search(western(text)):
            break
        title.append(nxt)
    return title


def _sentence_blocks(lines: list[Line]) -> list[list[Line]]:
    """:func:`_blocks`, each also cut after a line that ends a sentence (an extraction with
    no blank lines between blocks: a title may follow a paragraph's last line)."""
    out: list[list[Line]] = []
    for block in _blocks(lines):
        out.append([])
        for x in block:
            out[-1].append(x)
            if TRAILING_REFS_RE.sub("", x.text.rstrip()).endswith(".") and x is not block[-1]:
                out.append([])
    return out


def _is_prose(block: list[Line]) -> bool:
    """A block of at least ten words that ends a sentence: a paragraph, not a heading, a
    title or a line of the masthead (none of which ends with a full stop)."""
    text = TRAILING_REFS_RE.sub("", " ".join(x.text.strip() for x in block))
    return len(text.split()) >= 10 and text.endswith(".")


def _short_line_blocks(block: list[Line]) -> list[list[Line]]:
    """A block of wrapped lines cut after each line that ends a sentence well short of the
    block's longest line: a paragraph's last line (an extraction that sets no blank line
    between paragraphs: pdftotext on a PDF whose paragraphs have no space between them).

    Real (pdftotext on the fpdf2 PDF of sg-e-2024-55, the summary's two paragraphs):

    >>> lines = [
    ...     Line(1, "يقدم هذا التقرير عملا بقرار المجلس الاقتصادي والاجتماعي 2023/12، ويتناول التقدم المحرز"),
    ...     Line(2, "وعلى الصعيد القطري، في عام 2023."),
    ...     Line(3, "ويتضح من التقرير أن الكيانات واصلت تحسين أدائها، إذ استوفت أو تجاوزت المتطلبات في 73"),
    ...     Line(4, "في الرتب العليا. ويتضمن التقرير توصيات لكي ينظر فيها المجلس."),
    ... ]
    >>> [[x.number for x in b] for b in _short_line_blocks(lines)]
    [[1, 2], [3, 4]]
    >>> [[x.number for x in b] for b in _short_line_blocks(lines[:2] + [Line(5, "مقدمة- أًول")])]
    [[1, 2, 5]]
    """
    longest = max((len(x.text.strip()) for x in block), default=0)
    out: list[list[Line]] = [[]]
    for x in block:
        out[-1].append(x)
        text = TRAILING_REFS_RE.sub("", x.text.strip())
        if x is not block[-1] and text.endswith((".", "؟", "!")) and len(text) < 0.7 * longest:
            out.append([])
    # A piece that ends no sentence is no paragraph of its own (a heading that an extraction
    # left at the block's end, "مقدمة- أًول"): it stays with the one before.
    merged: list[list[Line]] = []
    for piece in out:
        ends = TRAILING_REFS_RE.sub("", piece[-1].text.strip()).endswith((".", "؟", "!", ":"))
        if merged and not ends:
            merged[-1].extend(piece)
        else:
            merged.append(piece)
    return merged


def _names_reporter(line: Line) -> bool:
    """A summary heading, or a short line naming who reports (``تقرير الأمين العام``)."""
    text = line.text.strip()
    return bool(SUMMARY_RE.match(text)) or (bool(REPORT_LINE_RE.match(text)) and len(text.split()) <= 8)


def read_header(lines: list[Line]) -> Header:
    header = Header()
    rest: list[Line] = []
    summary_from: int | None = None
    consumed: set[int] = set()
    for i, line in enumerate(lines):
        text = line.text.strip()
        if line.number in consumed:
            continue
        if _masthead(header, text):
            continue
        if SUMMARY_RE.match(text):
            summary_from = i + 1
            break
        if SESSION_LINE_RE.match(text) and header.session is None:
            m = SESSION_RE.search(text)
            header.session = m.group(0) if m else text
            continue
        agenda = AGENDA_RE.search(western(text))
        if agenda and header.agenda_item is None:
            header.agenda_item = agenda["item"].replace("*", "").strip()
            # The agenda item's title follows it, up to a blank line; never the document's
            # title right above the line naming who reports, that line, or the summary heading
            # (an extraction with no blank lines between the blocks of the masthead).
            title: list[Line] = []
            for k, nxt in enumerate(lines[i + 1 :], i + 1):
                if nxt.number != (title[-1] if title else line).number + 1:
                    break
                if SESSION_LINE_RE.match(nxt.text) or ADOPTED_RE.match(nxt.text):
                    break
                after = lines[k + 1] if k + 1 < len(lines) else None
                if _names_reporter(nxt) or (
                    after is not None and after.number == nxt.number + 1 and _names_reporter(after)
                ):
                    break
                title.append(nxt)
            if title and len(title) < len(lines) - i - 1:
                header.agenda_title = " ".join(x.text.strip() for x in title)
                consumed.update(x.number for x in title)
            continue
        number_line = NUMBER_LINE_RE.match(text)
        if number_line and header.number is None:
            header.kind = "decision" if number_line["what"].startswith("المق") else "resolution"
            header.number = western(number_line["num"])
            header.title = number_line["title"]
            if header.title is None:
                title = _title_below(line, lines[i + 1 :])
                header.title = " ".join(x.text.strip() for x in title) or None
                consumed.update(x.number for x in title)
            continue
        adopted = ADOPTED_RE.match(text)
        if adopted:
            if adopted["what"]:
                header.kind = "decision" if adopted["what"].startswith("مقر") else "resolution"
            elif header.kind == "unknown":
                header.kind = "resolution"
            header.body = adopted["body"].strip()
            header.date = parse_date(text) or header.date
            continue
        if COMMITTEE_RE.match(text):
            continue
        res_title = RES_TITLE_RE.match(text)
        if res_title and header.number is None:
            header.number = western(res_title["num"])
            header.title = res_title["title"].strip()
            continue
        # A short line names who reports ("تقرير الأمين العام") below the title, which is the
        # line right above it; with no such line (a session line above), it is the title.
        above = bool(rest) and i > 0 and rest[-1] is lines[i - 1]
        if REPORT_LINE_RE.match(text) and len(text.split()) <= 8 and (above or len(text.split()) < 5):
            header.kind = "report"
            if header.title is None:
                before = _blocks(rest)
                if before:
                    header.title = " ".join(x.text.strip() for x in before[-1])
                    rest = [x for x in rest if x not in before[-1]]
            continue
        if REPORT_LINE_RE.match(text) and header.number is None and header.kind in ("unknown", "report"):
            # A title that names a report ("تقرير اللجنة الفرعية ... عن دورتها ...") is the
            # report's title, whatever the organ line printed above it.
            header.kind = "report"
            if header.title is None:
                title = _title_from(line, lines[i:])
                header.title = " ".join(x.text.strip() for x in title)
                consumed.update(x.number for x in title)
                continue
        rest.append(line)
    if summary_from is not None:
        # One line per paragraph of the summary: a block (lines up to a blank line) that ends
        # a sentence ends its paragraph; a block cut mid-sentence (an extractor's wrapping)
        # goes on in the next.
        paragraphs: list[str] = []
        open_sentence = False
        for block in (b for whole in _blocks(lines[summary_from:]) for b in _short_line_blocks(whole)):
            text = " ".join(x.text.strip() for x in block).strip()
            if not text:
                continue
            if open_sentence and paragraphs:
                paragraphs[-1] += " " + text
            else:
                paragraphs.append(text)
            open_sentence = not text.endswith((".", "؟", "!", ":"))
        header.summary = "\n".join(paragraphs) or None
    if summary_from is not None:
        header.transmittal = [b for b in _sentence_blocks(rest) if _is_prose(b)]
        taken = {x.number for b in header.transmittal for x in b}
        rest = [x for x in rest if x.number not in taken]
    if header.title is None and header.number is None and rest:
        # A resolution without a number line: its title is the first block of the header.
        first = _blocks(rest)[0]
        header.title = " ".join(x.text.strip() for x in first)
        rest = [x for x in rest if x not in first]
    header.unplaced = rest
    return header


_SYMBOL_RE = regex.compile(rf"^{SYMBOL_LOOSE}$")


def infer_symbol(header: Header, kind: DocumentKind, running: list[str], body: str | None) -> str | None:
    """The document symbol: the masthead's or a running header's, else built from the number
    in the title and the organ (a GA resolution ``76/186`` is ``A/RES/76/186``, a Security
    Council one ``2467 (2019)`` is ``S/RES/2467 (2019)``)."""
    number = header.number
    if header.symbol and (number is None or header.symbol.endswith(number)):
        return header.symbol
    for symbol in running:
        if _SYMBOL_RE.match(symbol) and (number is None or symbol.endswith(number)):
            return symbol
    if number and body and kind in ("resolution", "decision"):
        for organ, (res, dec) in ORGAN_SYMBOLS.items():
            prefix = res if kind == "resolution" else dec
            if organ in body and prefix:
                return prefix + number
    return header.symbol or (running[0] if running else None)


def legal_date(text: str) -> datetime.date | None:
    """A date as laws print it, Gregorian month alone: ``"6 مارس سنة 2022"`` → 2022-03-06."""
    return _date(LEGAL_DATE_RE.search(western(text)))


def read_closing(lines: list[Line]) -> tuple[str | None, datetime.date | None]:
    if not lines:
        return None, None
    text = " ".join(x.text.strip() for x in lines)
    return text, parse_date(text) or legal_date(text)
