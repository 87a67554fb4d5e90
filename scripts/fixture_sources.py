"""What the two fixture generators share: the fixtures' title blocks and the convention of
their source texts (``tests/fixtures/pdf/NAME.txt``).

One paragraph per line, a blank line between paragraphs, footnotes as ``(N) text`` lines
after a ``_______________`` line (after the paragraph that refers to them). Used by
``make_fixture_pdfs.py`` (our own typesetting) and ``make_typesetter_pdfs.py`` (LibreOffice,
Chromium), so that both typeset the same blocks.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

SEPARATOR = "_______________"
REF_RE = regex.compile(r"(?<=\S)\((\p{Nd}{1,2})\)")
FOOTNOTE_RE = regex.compile(r"^\((\p{Nd}{1,2})\) ")
_SECTION_RE = regex.compile(r"^[\p{Arabic}\p{Mn}]{2,8}\s[-–]\s")
_NUMBERED_RE = regex.compile(r"^\p{Nd}{1,3} - ")
_SUBITEM_RE = regex.compile(r"^\(\p{Arabic}{1,3}\) ")


@dataclass(frozen=True)
class Fixture:
    name: str
    symbol: str
    job: str
    centered: int  # leading blocks set centred (title block)
    bold: tuple[int, ...] = ()  # which of them in bold
    # What our own typesetting script varies between producers (make_fixture_pdfs.py).
    orders: tuple[str, ...] = ("visual",)  # per page, the last one repeats
    spaces: bool = True
    presentation_forms: bool = False


FIXTURES = [
    Fixture("res-western", "A/RES/76/186", "21-40001 (A)", 5, (4,), ("visual",)),
    Fixture("res-eastern", "A/RES/61/180", "06-50002 (A)", 5, (4,), ("logical",), presentation_forms=True),
    Fixture("report-sections", "A/64/290", "09-40424 (A)", 3, (2,), ("logical", "visual")),
    Fixture("decision-cop", "CTOC/COP/2010/17", "V.10-57301 (A)", 3, (2,), ("visual",), spaces=False),
    Fixture("report-footnotes", "CTOC/COP/2012/6", "V.12-54698 (A)", 2, (1,), ("visual", "logical")),
    Fixture("res-long-paragraph", "A/RES/65/190", "10-52011 (A)", 4, (3,), ("logical",)),
]


@dataclass
class SourceBlock:
    text: str
    kind: str  # centered, heading, para, numbered, subitem
    bold: bool
    notes: list[str]  # the footnote lines "(N) text" that follow it


def split_source(text: str, fx: Fixture) -> list[SourceBlock]:
    """The source's paragraphs as typeset blocks, each with the footnotes placed after it."""
    paras = [p.strip() for p in text.split("\n") if p.strip()]
    blocks: list[SourceBlock] = []
    i = 0
    while i < len(paras):
        p = paras[i]
        if p == SEPARATOR:
            i += 1
            while i < len(paras) and FOOTNOTE_RE.match(paras[i]):
                blocks[-1].notes.append(paras[i])
                i += 1
            continue
        n = len(blocks)
        if n < fx.centered:
            kind = "centered"
        elif _SECTION_RE.match(p):
            kind = "heading"
        elif _NUMBERED_RE.match(p):
            kind = "numbered"
        elif _SUBITEM_RE.match(p):
            kind = "subitem"
        else:
            kind = "para"
        blocks.append(SourceBlock(p, kind, n in fx.bold if n < fx.centered else kind == "heading", []))
        i += 1
    return blocks
