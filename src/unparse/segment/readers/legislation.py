"""The legislation reader: a law's or decree's articles, their numbered items, its chapters
and parts, a law attached to the one that issues it, its signing and the gazette's imprint.

A text is read in articles where markers of articles 1 and 2 open lines (:func:`has_articles`);
a part (the body, an annex) is in articles from its own article 1 on.
"""

from __future__ import annotations

import regex

from ...lexicon import LEGAL_UNITS, legal_ordinal
from ...lines import Line, blank
from ...repair.digits import western
from ..items import ItemBuilder, Piece
from ..patterns import (
    ARTICLE_RE,
    ATTACHED_LAW_RE,
    CHAPTER_RE,
    IMPRINT_RE,
    LAW_CLOSING_RE,
    NUMBERED_RE,
    TERMINATORS,
)
from ..reading import Reading, State


def read_legislation(r: Reading, index: int, line: Line, text: str) -> bool:
    """Consume a line by the conventions of Arabic legislation; True when consumed."""
    if not r.expect_articles:
        return False
    if r.imprint or (r.articles and IMPRINT_RE.match(text)):
        # The printer's imprint at the foot of a gazette: not the law; reported.
        r.imprint = True
        r.body.unplaced.append(line)
        return True
    if r.articles and _attached_law(r, index, text):
        r.open_annex(line, text, None)
        r.current = None
        r.last_number = 0
        return True
    if r.state is State.CLOSING:
        return False
    if r.articles and LAW_CLOSING_RE.match(text):
        r.state = State.CLOSING
        r.body.closing.append(line)
        return True
    article = _article(r, text)
    if article is not None:
        r.articles = True
        r.body.legislation = r.body.legislation or r.annex is None
        r.state = State.NUMBERED
        r.start_paragraph(line, article[0], article[2])
        if r.current is not None:
            r.current.lead = article[1]
            if not r.current.pieces:
                # A marker alone on its line: the article's span starts there all the same.
                r.current.pieces.append(Piece(line, ""))
        return True
    # Chapters come among articles, or before the first one of a part.
    before = r.state is State.HEADER or (r.annex is not None and not r.annex.paragraphs)
    chapter = CHAPTER_RE.match(text) if len(text) <= 200 and (r.articles or before) else None
    if chapter is not None:
        _chapter(r, index, line, chapter)
        return True
    numbered = NUMBERED_RE.match(text)
    owner = r.current
    if numbered and r.articles and owner is not None and owner.number is not None:
        # "1 - ..." inside an article: its items, numbered from 1.
        last = owner.children[-1].label if owner.children else "0"
        if (last or "").isdigit() and int(western(numbered["n"])) == int(western(last or "0")) + 1:
            owner.children.append(ItemBuilder(label=numbered["n"]))
            owner.tail().add(line, numbered["rest"].strip())
            return True
    return False


def legal_marker(r: Reading, text: str) -> bool:
    """Whether ``text`` is the marker of the next article or of a chapter."""
    return _article(r, text) is not None or CHAPTER_RE.match(text) is not None


def _article(r: Reading, text: str) -> tuple[int, str, str] | None:
    """``مادة (N):`` with N the next article number: (N, the word "مادة", the text after)."""
    marker = _article_marker(text)
    if marker is None:
        return None
    n, m = marker
    # The next article; or article 1, opening a part without numbered paragraphs: an annex,
    # or a body that has not begun as a UN text (no formula, no preamble) before it.
    began = r.body.formula is not None or bool(r.body.preamble)
    first = n == 1 and not r.numbered() and (r.annex is not None or not began)
    if n is None or (n != r.last_number + 1 if r.articles else not first):
        return None
    return n, m["lead"], m["rest"].strip()


def _article_marker(text: str) -> tuple[int | None, regex.Match[str]] | None:
    """The marker of an article opening ``text``, with its number: alone on its line, in
    brackets, or followed by a colon or a dash (so "المادة 5 من هذا القانون" is text)."""
    m = ARTICLE_RE.match(text)
    if m is None or not (not m["rest"] or m["sep"] or (m["open"] and m["close"])):
        return None
    return (int(western(m["n"])) if m["n"] else legal_ordinal(m["ord"])), m


def _chapter(r: Reading, index: int, line: Line, m: regex.Match[str]) -> None:
    """``الباب الثاني`` and its title, on the line or on the next short one."""
    title = (m["title"] or "").strip() or r.title_below(index, 15, lambda x: legal_marker(r, x)) or ""
    unit = m["unit"]
    r.units_seen.add(unit)
    level = 1 + sum(1 for u in LEGAL_UNITS[: LEGAL_UNITS.index(unit)] if u in r.units_seen)
    r.add_section(line, " ".join(m["label"].split()), title, level)
    r.state = State.NUMBERED


def _attached_law(r: Reading, index: int, text: str) -> bool:
    """The heading of a law issued by the articles before it ("القانون المرافق"): a short
    line naming a law, after articles, followed by a chapter or by article 1."""
    if r.last_number == 0 or not ATTACHED_LAW_RE.match(text):
        return False
    if len(text.split()) > 15 or text.endswith(TERMINATORS):
        return False
    following = [x.text.strip() for x in r.lines[index + 1 : index + 8] if not blank(x)][:3]
    for nxt in following:
        article = ARTICLE_RE.match(nxt)
        if CHAPTER_RE.match(nxt) or (
            article and (western(article["n"] or "") == "1" or legal_ordinal(article["ord"] or "") == 1)
        ):
            return True
    return False


def has_articles(lines: list[Line]) -> bool:
    """Whether the text is laid out in articles (a law, a decree): markers of articles 1 and 2
    at the start of lines."""
    seen: set[int] = set()
    for line in lines:
        text = line.text.strip()
        if "مادة" not in text[:12]:
            continue
        marker = _article_marker(text)
        n = marker[0] if marker is not None else None
        if n in (1, 2):
            seen.add(n)
            if len(seen) == 2:
                return True
    return False
