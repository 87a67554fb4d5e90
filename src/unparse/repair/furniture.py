"""Page furniture: running symbols, page numbers, job numbers and footnote separator lines.

They are taken out of the text flow (a paragraph split by a page break must read as one)
but never silently: each removal is a recorded fix, and what segmentation needs from them
(the document symbol, where footnote areas begin) is kept in ``Context.facts``.
"""

from __future__ import annotations

import itertools
from collections import Counter

import regex

from ..arabic import is_year
from ..lines import SPACES, Line, blank
from ..symbols import BARCODE, JOB_NUMBER, PAGE_NUMBER, SYMBOL
from .pipeline import Context

SEPARATOR_RE = regex.compile(r"^\s*[_─━—–=\-]{5,}\s*$")
# A UN document symbol alone on a line: A/RES/61/180, CTOC/COP/2012/1, E/CN.15/2006/10;
# a Security Council resolution's with its year, as its pages print it: S/RES/2739 (2024).
_SYMBOL_YEAR = rf"{SYMBOL}(?:\s\(\d{{4}}\))?"
SYMBOL_LINE_RE = regex.compile(rf"^\s*({_SYMBOL_YEAR})\s*$")
PAGE_NUMBER_RE = regex.compile(rf"^\s*{PAGE_NUMBER}\s*$")
# A job number line ("09-40424 (A)"), a barcode line ("*0940424*").
JOB_NUMBER_RE = regex.compile(rf"^\s*{JOB_NUMBER}\s*\*?\s*$")
BARCODE_RE = regex.compile(rf"^\s*{BARCODE}\s*$")


# What each pattern above can end with (besides a digit, \p{Nd}): a separator's rule, a
# symbol's letter or digit, a job number's "(A)" or "*", a barcode's "*", a page number's dash.
_LAST_CHARS = frozenset("_─━—–=-)*ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def classify_furniture(text: str) -> str | None:
    """The kind of furniture a line is, or None.

    Real examples: ``"A/RES/61/180 "`` → ``"running_symbol"``; ``"4"`` → ``"page_number"``;
    ``"_______________ "`` → ``"footnote_separator"``.

    >>> classify_furniture("S/RES/2739 (2024)"), classify_furniture("(2024)")
    ('running_symbol', None)
    """
    stripped = text.lstrip()
    # Furniture never starts with an Arabic letter: most lines are rejected on that alone;
    # and it ends (before spaces) with a character of its patterns' last tokens: a
    # numbered paragraph's line, which ends with a word or a stop, is rejected on that.
    if not stripped or "\u0621" <= stripped[0] <= "\u064a":
        return None
    last = stripped.rstrip()[-1]
    # (A character beyond the BMP may be a digit the regex module knows and Python not.)
    if last not in _LAST_CHARS and not last.isdecimal() and last <= "\uffff":
        return None
    if SEPARATOR_RE.match(text):
        return "footnote_separator"
    if SYMBOL_LINE_RE.match(text):
        return "running_symbol"
    if JOB_NUMBER_RE.match(text) or BARCODE_RE.match(text):
        return "job_number"
    if PAGE_NUMBER_RE.match(text):
        return "page_number"
    return None


def remove_page_furniture(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: take furniture lines out of the flow and record each one.

    A number alone on a line is content (pdfminer puts paragraph numbers and years on
    lines of their own, blank lines around them) unless the running pattern of page
    numbers proves it is one (:func:`page_number_lines`). Separator line numbers go to
    ``facts["separators"]`` so that segmentation knows where footnote areas begin.
    """
    kinds = [classify_furniture(line.text) for line in lines]
    masthead = masthead_symbol_line(lines, kinds) if "running_symbol" in kinds else None
    kept_symbols = 0
    if "running_symbol" in kinds:
        running = running_symbol_lines(lines, kinds, masthead)
        for i, kind in enumerate(kinds):
            if kind == "running_symbol" and i not in running and i != masthead:
                kinds[i] = None
                kept_symbols += 1
    for i in numbered_header_lines(lines, kinds):
        kinds[i] = "page_header"
    page_numbers = page_number_lines(lines, kinds, masthead) if "page_number" in kinds else set()
    out: list[Line] = []
    separators: list[int] = []
    symbols: Counter[str] = Counter()
    kept_numbers = 0
    for i, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        if kind == "page_number" and i not in page_numbers:
            kind = None
            kept_numbers += 1
        if kind == "running_symbol" and i == masthead:
            symbols[line.text.strip()] += 1
            ctx.facts["masthead_symbol_line"] = line.number
            kind = None
        if kind is None:
            out.append(line)
            continue
        if kind == "footnote_separator":
            separators.append(line.number)
        if kind == "running_symbol":
            symbols[line.text.strip()] += 1
        if kind == "page_header" and (found := _SYMBOL_IN_RE.search(line.text)):
            symbols[found.group()] += 1
        ctx.record(kind, line.number, line.text, "")
    ctx.facts["separators"] = separators
    ctx.facts["running_symbols"] = [s for s, _ in symbols.most_common()]
    if page_numbers or kept_numbers:
        ctx.facts["page_numbers"] = {"removed": len(page_numbers), "kept_as_content": kept_numbers}
    if kept_symbols:
        ctx.facts["symbols_kept_as_content"] = kept_symbols
    return out


# A page's header on one line: its number and the document's symbol, either way round
# ("1 A/79/190" from pdftotext -layout's two columns, "A/RES/78/212 2" from -raw).
_NUMBERED_HEADER_RE = regex.compile(
    rf"^\s*(?:(?P<n1>\p{{Nd}}{{1,4}})\s+(?P<s1>{_SYMBOL_YEAR})|(?P<s2>{_SYMBOL_YEAR})\s+(?P<n2>\p{{Nd}}{{1,4}}))\s*$"
)


def numbered_header_lines(lines: list[Line], kinds: list[str | None]) -> set[int]:
    """The lines that hold a page's number and the document's symbol, where two or more
    hold the same symbol and their numbers rise from one to the next (the pages' running
    pattern: a line like that once is content).

    Real (pdftotext -layout on LibreOffice, report-a-79-190; -raw on Chromium, ga-res-example):

    >>> texts = ["1 A/79/190", "يقدم هذا التقرير", "2 A/79/190", "A/RES/78/212 3"]
    >>> sorted(numbered_header_lines([Line(i, t) for i, t in enumerate(texts)], [None] * 4))
    [0, 2]
    >>> numbered_header_lines([Line(0, "2 A/79/190"), Line(1, "1 A/79/190")], [None, None])
    set()
    """
    found: dict[str, list[tuple[int, int]]] = {}
    for i, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        if kind is not None or len(line.text) > 200 or not line.text.strip()[:1].isalnum():
            continue
        m = _NUMBERED_HEADER_RE.match(line.text)
        if m:
            symbol = m["s1"] or m["s2"]
            found.setdefault(symbol, []).append((i, int(m["n1"] or m["n2"])))
    out: set[int] = set()
    for seen in found.values():
        numbers = [n for _, n in seen]
        if len(seen) >= 2 and all(a < b for a, b in itertools.pairwise(numbers)):
            out.update(i for i, _ in seen)
    return out


def running_symbol_lines(lines: list[Line], kinds: list[str | None], masthead: int | None) -> set[int]:
    """The indexes of the lone-symbol lines that are running headers, not content.

    A running header repeats the document's symbol on every page: a lone symbol is one when
    it stands next to a page number or a job number (the header or footer block of a
    page), or when it is the masthead's symbol (with no masthead, the symbol found most
    often at a page's edge), wherever it stands, or when it comes before the masthead's
    (page 1's running header, whatever the extractor glued to it: PyMuPDF's
    ``CTOC/COP/WG.6/2024/31`` is the symbol and the page number). Any other lone symbol
    is a reference the extractor put on a line of its own and stays. Real (pdftotext -raw
    on LibreOffice, ga-res-example): the footnote ``(1) A/RES/76/172.`` comes out as
    ``(``, ``1``, ``)``, ``A/RES/76/172``:

    >>> texts = ["A/RES/78/212", "1", "الأمم المتحدة", "A/RES/78/212", "الجمعية العامة",
    ...          "إذ تشير إلى جميع قراراتها السابقة", "(", "1", ")", "A/RES/76/172", ".",
    ...          "23-80314 (A)", "A/RES/78/212", "2", "ولا سيما"]
    >>> lines = [Line(i, t) for i, t in enumerate(texts, 1)]
    >>> kinds = [classify_furniture(t) for t in texts]
    >>> sorted(running_symbol_lines(lines, kinds, masthead_symbol_line(lines, kinds)))
    [0, 3, 12]
    """
    for i in numbered_header_lines(lines, kinds):
        kinds[i] = "page_header"
    evidence = _without_other_symbols(lines, kinds, masthead)
    page_numbers = page_number_lines(lines, evidence) if "page_number" in kinds else set()
    marks = [
        ("page_number" if i in page_numbers else None) if kind == "page_number" else kind
        for i, kind in enumerate(kinds)
    ]
    beside = {
        i
        for i, kind in enumerate(kinds)
        if kind == "running_symbol" and _next_to_kind(lines, marks, i, ("page_number", "job_number"))
    }
    if masthead is not None:
        headers = {lines[masthead].text.strip()}
    else:
        # The symbol printed most often, where some of its lines stand at a page's edge.
        texts = Counter(lines[i].text.strip() for i in beside)
        top = max(texts.values(), default=0)
        headers = {text for text, n in texts.items() if n == top}
    return beside | {
        i
        for i, kind in enumerate(kinds)
        if kind == "running_symbol"
        and (lines[i].text.strip() in headers or (masthead is not None and i < masthead))
    }


def _without_other_symbols(
    lines: list[Line], kinds: list[str | None], masthead: int | None
) -> list[str | None]:
    """``kinds`` without the lone symbols after the masthead that are not its symbol: a
    running header repeats the document's own symbol (or a piece of it: pypdfium2 on fpdf2
    cuts ``CTOC/COP/2024/9`` into ``CTOC/CO`` and ``P/2024/9``, ctoc-cop-dec-12-1), so
    another symbol's line is a reference until
    something else shows it is a header, and the number beside it no page number on its
    word alone (which made the symbol a header in turn).

    Real (pdftotext -raw on LibreOffice, sg-e-2024-55-gender-mainstreaming, once repaired:
    the footnote ``انظر A/72/492، الفقرة 41.`` in pieces; its page numbers gone, a second
    pass took ``"41"`` for one and removed both):

    >>> texts = ["E/2024/55", "المجلس الاقتصادي والاجتماعي", "انظر", "A/72/492", "41", "."]
    >>> lines = [Line(i, t) for i, t in enumerate(texts, 1)]
    >>> kinds = [classify_furniture(t) for t in texts]
    >>> _without_other_symbols(lines, kinds, 0)[3:5]
    [None, 'page_number']
    >>> 3 in running_symbol_lines(lines, kinds, 0)
    False
    >>> lines[3] = Line(4, "E/2024/5")
    >>> _without_other_symbols(lines, [classify_furniture(line.text) for line in lines], 0)[3]
    'running_symbol'
    """
    if masthead is None:
        return kinds
    own = lines[masthead].text.strip()
    return [
        None if kind == "running_symbol" and i > masthead and lines[i].text.strip() not in own else kind
        for i, kind in enumerate(kinds)
    ]


_HEADER_KINDS = ("running_symbol", "job_number")
# The masthead is the document's first lines, before its first line of three Arabic words
# or more ("الأمم المتحدة", "الجمعية العامة" are two); it is never longer than this.
_MASTHEAD_LINES = 12
_ARABIC_WORD_RE = regex.compile(r"\p{Arabic}{2,}")


def masthead_symbol_line(lines: list[Line], kinds: list[str | None]) -> int | None:
    """The index of the symbol line printed in the masthead, which is content (the
    document's title block says which document it is), not a running header; or None.

    The last symbol line among the document's first lines, before its first line of three
    Arabic words or more: on page 1 of a UN PDF the running header comes before the
    masthead's own symbol. Real (pdftotext on LibreOffice, ga-res-78-96):

    >>> texts = ["1", "", "A/RES/78/96", "", "الأمم المتحدة", "A/RES/78/96", "الجمعية العامة",
    ...          "الدورة الثامنة والسبعون", "A/RES/78/96"]
    >>> lines = [Line(i, t) for i, t in enumerate(texts, 1)]
    >>> masthead_symbol_line(lines, [classify_furniture(t) for t in texts])
    5

    A symbol after a paragraph's last line is a running header:

    >>> texts = ["وتفاقم مظاهر التفاوت", "", "A/RES/61/180", "", "4"]
    >>> lines = [Line(i, t) for i, t in enumerate(texts, 1)]
    >>> masthead_symbol_line(lines, [classify_furniture(t) for t in texts]) is None
    True
    """
    found: int | None = None
    seen = 0
    for i, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        if blank(line):
            continue
        seen += 1
        if seen > _MASTHEAD_LINES or len(_ARABIC_WORD_RE.findall(line.text)) >= 3:
            break
        if kind == "running_symbol":
            found = i
    return found


def page_number_lines(
    lines: list[Line], kinds: list[str | None] | None = None, masthead: int | None = None
) -> set[int]:
    """The indexes of the lone-number lines that are page numbers.

    Text carries no geometry, so a lone number is a page number only where the running
    pattern of UN pages shows it:

    * next to a running header or footer line (blank lines between), the document symbol
      or the job number printed with it: ``"A/RES/61/180"``, ``""``, ``"4"``; or next to
      a short line that holds a symbol and more and repeats (``"S/RES/2739 (2024)"``),
      when those numbers count up by one;
    * or, where the page breaks are known (form feeds, the PDF reader's pages), as the
      first or last line of its page, when its value is its page's number or another such
      line's value differs from it by as many pages (``"2"`` at the foot of page 2 and
      ``"3"`` at the foot of page 3 of a text cut at page 5 of a document).

    * or, where the page breaks are runs of blank lines (at least three), next to one,
      when the next such number counts up by one (``"2"`` … ``"3"``) or its value is
      its page's number counted in such breaks.

    A lone ``"2"`` or ``"2021"`` in the middle of a page is content. The masthead's symbol
    (line ``masthead``) is content too: a number beside it is a page number only where
    another page number counts on from it (else, once a page number between them is gone,
    the paragraph number below it would go on the next pass), or where its value is its
    page's number (``"1"`` beside the masthead of page 1).

    >>> lines = [Line(i, t) for i, t in enumerate(["...الدول", "", "2", "", "- تطلب"], 1)]
    >>> page_number_lines(lines)
    set()
    >>> lines = [Line(i, t) for i, t in enumerate(["...الدول", "", "A/RES/61/180", "", "4"], 1)]
    >>> page_number_lines(lines)
    {4}
    """
    if kinds is None:
        kinds = [classify_furniture(line.text) for line in lines]
    classified = kinds
    kinds = _with_running_headers(lines, kinds)
    found: set[int] = set()
    numbers = [i for i, kind in enumerate(kinds) if kind == "page_number"]
    apart = [None if i == masthead else k for i, k in enumerate(classified)]
    for i in numbers:
        if _next_to_header(lines, apart, i):
            found.add(i)
    if masthead is not None:
        values = {_value(lines[i].text) for i in found}
        for i in numbers:
            value = _value(lines[i].text)
            own_page = value == (lines[i].page or 1)  # the masthead's page: the first
            counts_on = value + 1 in values or value - 1 in values
            if _next_to_header(lines, classified, i) and (own_page or counts_on):
                found.add(i)
    # Next to a repeated header line only (which stays in the text): when those numbers
    # count up by one, so that the line after a page number, once it is gone, does not
    # become one on the next pass.
    beside = [i for i in numbers if i not in found and _next_to_header(lines, kinds, i)]
    for a, b in itertools.pairwise(beside):
        if _value(lines[b].text) == _value(lines[a].text) + 1:
            found.update((a, b))
    # Page breaks without form feeds (a run of blank lines): numbers next to one that
    # count up by one from one such break to the next.
    soft = [i for i in numbers if _next_to_blank_run(lines, i, _SOFT_BREAK)]
    for a, b in itertools.pairwise(soft):
        if _value(lines[b].text) == _value(lines[a].text) + 1:
            found.update((a, b))
    if soft and not any(line.page is not None for line in lines):
        # Or one whose value is its page's number, counted in such breaks.
        breaks_before = 0
        blanks = 0
        soft_set = set(soft)
        for i, line in enumerate(lines):
            if blank(line):
                blanks += 1
                continue
            if blanks >= _SOFT_BREAK:
                breaks_before += 1
            blanks = 0
            if i in soft_set and _value(line.text) == breaks_before + 1 and breaks_before:
                found.add(i)
    if any(line.page is not None for line in lines):
        edges: list[tuple[int, int, int]] = []  # (index, page, value)
        for i in _page_edges(lines, kinds):
            page = lines[i].page
            if kinds[i] == "page_number" and page is not None:
                edges.append((i, page, _value(lines[i].text)))
        offsets = Counter(value - page for _, page, value in edges)
        for i, page, value in edges:
            if value == page or offsets[value - page] >= 2:
                found.add(i)
    return _within_pages(lines, kinds, found)


def _within_pages(lines: list[Line], kinds: list[str | None], found: set[int]) -> set[int]:
    """The page numbers of ``found`` whose values lie within as many pages of each other as
    the text has pages (counted in page headers or in job numbers, whichever is more): the
    window of that width that holds the most of them. A year or a count printed alone
    just above a page's footer is not a page number (pdftotext -raw on LibreOffice,
    ga-res-example: ``"1"`` under page 1's header, ``"2"`` under page 2's and ``"2023"``,
    the resolution's date, above page 2's job number).

    >>> texts = ["A/RES/78/212", "1", "قرار", "23-80314 (A)", "A/RES/78/212", "2", "كانون",
    ...          "2023", "23-80314 (A)"]
    >>> lines = [Line(i, t) for i, t in enumerate(texts, 1)]
    >>> kinds = [classify_furniture(t) for t in texts]
    >>> sorted(_within_pages(lines, kinds, {1, 5, 7}))
    [1, 5]
    """
    if len(found) < 2:
        # One number alone shows no count: a year is the text's (the pdfminer text of
        # report-a-78-7-add-9 once repaired keeps "2024" after a cited symbol).
        return {i for i in found if not is_year(lines[i].text.strip())}
    # Every page prints its header symbol or its job number (or both), or its break is
    # known (form feeds, runs of blank lines): the largest count is at least the number of
    # pages, and the page numbers of n pages span n - 1.
    counts = Counter(kind for kind in kinds if kind in _HEADER_KINDS)
    known = len({line.page for line in lines if line.page is not None})
    pages = max(*counts.values(), known, _soft_breaks(lines) + 1)
    ranked = sorted(found, key=lambda i: _value(lines[i].text))
    values = [_value(lines[i].text) for i in ranked]
    best: list[int] = []
    end = 0
    for start, low in enumerate(values):
        end = max(end, start)
        while end < len(values) and values[end] - low < pages:
            end += 1
        if end - start > len(best):
            best = ranked[start:end]
    return set(best)


# A short line with a UN symbol that is not furniture on its own ("S/RES/2739 (2024)",
# ")S/RES/2739 (2024" from a visual-order extraction): a running header where it repeats.
_SYMBOL_IN_RE = regex.compile(SYMBOL)
_HEADER_MAX = 40


def _with_running_headers(lines: list[Line], kinds: list[str | None]) -> list[str | None]:
    """``kinds`` with the short lines that repeat and hold a UN symbol marked as headers."""
    candidates = Counter(
        line.text.strip()
        for line, kind in zip(lines, kinds, strict=True)
        if kind is None and len(line.text) <= _HEADER_MAX and _SYMBOL_IN_RE.search(line.text)
    )
    repeated = {text for text, n in candidates.items() if n >= 2}
    if not repeated:
        return kinds
    return [
        "running_symbol" if kind is None and line.text.strip() in repeated else kind
        for line, kind in zip(lines, kinds, strict=True)
    ]


_SOFT_BREAK = 3


def _soft_breaks(lines: list[Line]) -> int:
    """How many runs of at least ``_SOFT_BREAK`` blank lines the text has."""
    runs = blanks = 0
    for line in lines:
        if line.text.strip():
            blanks = 0
            continue
        blanks += 1
        runs += blanks == _SOFT_BREAK
    return runs


def _next_to_blank_run(lines: list[Line], i: int, run: int) -> bool:
    for step in (-1, 1):
        j, blanks = i + step, 0
        while 0 <= j < len(lines) and not lines[j].text.strip():
            j, blanks = j + step, blanks + 1
        if blanks >= run:
            return True
    return False


def _value(text: str) -> int:
    return int("".join(ch for ch in text if ch.isdigit()))


def _next_to_header(lines: list[Line], kinds: list[str | None], i: int) -> bool:
    return _next_to_kind(lines, kinds, i, _HEADER_KINDS)


def _next_to_kind(lines: list[Line], kinds: list[str | None], i: int, wanted: tuple[str, ...]) -> bool:
    """Whether the first line with text before or after line ``i`` is of a ``wanted`` kind."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and not lines[j].text.strip():
            j += step
        if 0 <= j < len(lines) and kinds[j] in wanted:
            return True
    return False


def _page_edges(lines: list[Line], kinds: list[str | None]) -> list[int]:
    """The first and last line of each page that has text and is not header furniture."""
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for i, line in enumerate(lines):
        if line.page is None or blank(line) or kinds[i] in (*_HEADER_KINDS, "footnote_separator"):
            continue
        first.setdefault(line.page, i)
        last[line.page] = i
    return sorted(set(first.values()) | set(last.values()))


# A page's running header printed on one line with its page number ("A/78/267 3", "2
# A/RES/78/72": pypdfium2, pdfplumber, pdftotext -raw, pypdf), or glued after the last
# line of the page above it ("... المرفق.A/78/267 3": pypdfium2 on fpdf2).
_HEADER_PAIR_RE = regex.compile(
    rf"^\s*(?:(?P<symbol>{_SYMBOL_YEAR})\s+(?P<page>\p{{Nd}}{{1,3}})"
    rf"|(?P<page2>\p{{Nd}}{{1,3}})\s+(?P<symbol2>{_SYMBOL_YEAR}))\s*$"
)
_GLUED_HEADER_RE = regex.compile(
    rf"^(?P<text>.*[.)»\"])(?P<symbol>{_SYMBOL_YEAR})\s+(?P<page>\p{{Nd}}{{1,3}})\s*$"
)


def _pair(text: str) -> tuple[str, str] | None:
    # The pair starts with a symbol's capital or a page number's digit: most lines start
    # otherwise, and this test costs far less than the pattern.
    first = text.lstrip(SPACES)[:1]
    if not ("A" <= first <= "Z" or first.isdecimal() or first > "\uffff"):
        return None
    m = _HEADER_PAIR_RE.match(text)
    if m is None:
        return None
    return (m["symbol"] or m["symbol2"], m["page"] or m["page2"])


def split_running_headers(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: a running header printed with its page number on one line (the
    symbol and the number) is page furniture, recorded as ``page_header``; one glued after
    the page's last line is taken off it. Only where the same symbol heads two such lines
    or more (it runs): a symbol cited with a number in the text stays.

    Real (pypdfium2 on LibreOffice, sg-a-78-267 lines 1 and 100; on fpdf2, same, line 75):

    >>> from .pipeline import Context
    >>> from ..options import Options
    >>> texts = ["1 A/78/267", "الأمم المتحدة", "A/78/267", "الكوارث.", "4 A/78/267",
    ...          ")5( قرار الجمعية العامة ،77/289 المرفق.A/78/267 3", "وفي عام 2023 A/78/267 5"]
    >>> lines = [Line(i, t) for i, t in enumerate(texts, 1)]
    >>> out = split_running_headers(lines, Context(Options()))
    >>> [line.text for line in out]  # doctest: +NORMALIZE_WHITESPACE
    ['الأمم المتحدة', 'A/78/267', 'الكوارث.', ')5( قرار الجمعية العامة ،77/289 المرفق.',
     'وفي عام 2023 A/78/267 5']
    """
    pairs: Counter[str] = Counter()
    for line in lines:
        found = _pair(line.text)
        if found is not None:
            pairs[found[0]] += 1
    running = {symbol for symbol, n in pairs.items() if n >= 2}
    if not running:
        return lines
    out: list[Line] = []
    for line in lines:
        text = line.text
        glued = _GLUED_HEADER_RE.match(text) if _pair(text) is None else None
        if glued is not None and glued["symbol"] in running:
            # The header goes, the note it was glued to stays (one line, one fix: the fix
            # log replays line by line).
            kept = glued["text"].rstrip()
            ctx.record("page_header", line.number, text, kept)
            out.append(Line(line.number, kept, line.page))
            continue
        found = _pair(text)
        if found is not None and found[0] in running:
            ctx.record("page_header", line.number, text, "")
            continue
        out.append(line)
    return out
