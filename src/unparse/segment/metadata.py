"""Metadata from the header and closing lines: kind, symbol, body, session, agenda item,
date, title, closing (AKN preface and conclusions)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import regex

from ..lexicon import DATE_RE, MONTH_NUMBER, SESSION_RE
from ..models import DocumentKind
from ..repair.digits import western
from ..repair.pipeline import Line
from .patterns import (
    ADOPTED_RE,
    AGENDA_RE,
    COMMITTEE_RE,
    REPORT_LINE_RE,
    RES_TITLE_RE,
    SESSION_LINE_RE,
    SUMMARY_RE,
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
    unplaced: list[Line] = field(default_factory=list)


def parse_date(text: str) -> datetime.date | None:
    """``"16 كانون الأول/ديسمبر 2021"`` → 2021-12-16."""
    m = DATE_RE.search(western(text))
    if not m:
        return None
    try:
        return datetime.date(int(m["year"]), MONTH_NUMBER[m["gre"]], int(m["day"]))
    except (ValueError, KeyError):
        return None


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Consecutive lines (by input number) form a block; a gap starts a new one."""
    blocks: list[list[Line]] = []
    for line in lines:
        if blocks and line.number == blocks[-1][-1].number + 1:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def read_header(lines: list[Line]) -> Header:
    header = Header()
    rest: list[Line] = []
    summary_from: int | None = None
    consumed: set[int] = set()
    for i, line in enumerate(lines):
        text = line.text.strip()
        if line.number in consumed:
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
            # The agenda item's title follows it, up to a blank line.
            title: list[Line] = []
            for nxt in lines[i + 1 :]:
                if nxt.number != (title[-1] if title else line).number + 1:
                    break
                if SESSION_LINE_RE.match(nxt.text) or ADOPTED_RE.match(nxt.text):
                    break
                title.append(nxt)
            if title and len(title) < len(lines) - i - 1:
                header.agenda_title = " ".join(x.text.strip() for x in title)
                consumed.update(x.number for x in title)
            continue
        adopted = ADOPTED_RE.match(text)
        if adopted:
            header.kind = "decision" if adopted["what"].startswith("مقر") else "resolution"
            header.body = adopted["body"].strip()
            header.date = parse_date(text)
            continue
        if COMMITTEE_RE.match(text):
            continue
        res_title = RES_TITLE_RE.match(text)
        if res_title and header.number is None:
            header.number = western(res_title["num"])
            header.title = res_title["title"].strip()
            continue
        if REPORT_LINE_RE.match(text) and len(text.split()) <= 8:
            header.kind = "report"
            if header.title is None:
                before = _blocks(rest)
                if before:
                    header.title = " ".join(x.text.strip() for x in before[-1])
                    rest = [x for x in rest if x not in before[-1]]
            continue
        rest.append(line)
    if summary_from is not None:
        header.summary = " ".join(x.text.strip() for x in lines[summary_from:]) or None
    if header.title is None and rest:
        # A resolution without a number line: its title is the first block of the header.
        first = _blocks(rest)[0]
        header.title = " ".join(x.text.strip() for x in first)
        rest = [x for x in rest if x not in first]
    header.unplaced = rest
    return header


_SYMBOL_RE = regex.compile(r"^[A-Z]{1,8}(?:/[A-Z0-9.\-]+){1,6}$")


def infer_symbol(header: Header, kind: DocumentKind, running: list[str]) -> str | None:
    """The document symbol: a running header symbol, else built from the number in the title
    (a GA resolution ``76/186`` is ``A/RES/76/186``)."""
    for symbol in running:
        if _SYMBOL_RE.match(symbol) and (header.number is None or symbol.endswith(header.number)):
            return symbol
    if header.number and header.body and "الجمعية العامة" in header.body and kind == "resolution":
        return f"A/RES/{header.number}"
    if header.number and header.body and "الجمعية العامة" in header.body and kind == "decision":
        return f"A/DEC/{header.number}"
    return running[0] if running else None


def read_closing(lines: list[Line]) -> tuple[str | None, datetime.date | None]:
    if not lines:
        return None, None
    text = " ".join(x.text.strip() for x in lines)
    return text, parse_date(text)
