"""pdftotext ``-raw`` footnotes: the page-foot notes put back on lines of their own.

``-raw`` writes the page's text in content-stream order. Where a PDF draws a footnote's
marker apart from its text (LibreOffice), the marker comes out on three lines, ``(``,
``1``, ``)``, exactly as the reference in the body did, and the note's text on the lines
after it (benchmark ``libreoffice/pdftotext-raw/ga-res-example``, once its lines are
rebuilt)::

    (
    1
    )
    A/RES/76/172
    .
    23-80314 (A)

Where a note is one text object (Chromium, fpdf2), its line has no Arabic and no
embedding, and its items stand in visual order: ``.A/RES/76/172 )1(``. Both come back as
``(1) A/RES/76/172.``, the shape the footnote reader opens a footnote on.
"""

from __future__ import annotations

import regex

from ..arabic import is_year
from ..lines import Line, merge_lines
from ..options import Options
from .fingerprint import RLE, Fingerprint, producer_of
from .furniture import classify_furniture
from .pipeline import Context

# A footnote line in visual order: the stop at its left end, the mirrored marker at its
# right end, no Arabic letter (an Arabic line is rebuilt from its embeddings).
_VISUAL_NOTE_RE = regex.compile(
    r"^(?P<stop>[.،؛]?)(?P<body>[^\p{Arabic}()]*[^\s\p{Arabic}()]) \)(?P<m>\p{Nd}{1,3})\($"
)
# The note of the header's asterisk, the same way: ".A/79/50 *" for "* A/79/50.".
_VISUAL_STAR_RE = regex.compile(r"^(?P<stop>[.،؛]?)(?P<body>[^\p{Arabic}()*]*[^\s\p{Arabic}()*]) \*$")
_MARKER_RE = regex.compile(r"^\s*(\p{Nd}{1,3})\s*$")
# Punctuation that takes no space before it when the note's pieces are joined.
_CLOSING = frozenset(".،؛:)]")


def _raw_lines(*texts: str) -> list[Line]:
    """Numbered lines, for the examples."""
    return [Line(i, text) for i, text in enumerate(texts, 1)]


def _raw_context() -> Context:
    """A context whose fingerprint says pdftotext -raw, for the examples."""
    ctx = Context(Options())
    ctx.facts["fingerprint"] = Fingerprint(
        producer="poppler-raw", lines=1, embedded_lines=1, rle_led_lines=0, raw_word_lines=1,
        form_feeds=0, leading_space_lines=0, presentation_form_lines=0, kashida_runs=0,
    )  # fmt: skip
    return ctx


def _is_raw(ctx: Context) -> bool:
    return producer_of(ctx) == "poppler-raw"


def logical_note_line(text: str) -> str:
    """A note line that ``-raw`` wrote in visual order, in reading order; any other line
    as it is.

    Real (pdftotext -raw on Chromium, ga-res-example):

    >>> logical_note_line(".A/RES/76/172 )1(")
    '(1) A/RES/76/172.'
    >>> logical_note_line(".United Nations, Treaty Series, vol. 1577, No. 27531 )3(")
    '(3) United Nations, Treaty Series, vol. 1577, No. 27531.'
    >>> logical_note_line("(2) القرار 217 ألف (د-3).")
    '(2) القرار 217 ألف (د-3).'
    >>> logical_note_line(".A/79/50 *")  # sg-a-79-168, Chromium and fpdf2
    '* A/79/50.'
    """
    m = _VISUAL_NOTE_RE.match(text)
    if m is None:
        star = _VISUAL_STAR_RE.match(text)
        return text if star is None else f"* {star['body'].strip()}{star['stop']}"
    return f"({m['m']}) {m['body'].strip()}{m['stop']}"


# A note's next line in visual order: its final stop at its left end, glued to a letter.
_VISUAL_TAIL_RE = regex.compile(r"^\.(?P<body>[^\p{Arabic}\s.][^\p{Arabic}]*[^\s.])$")


def _visual_note_lines(lines: list[Line], ctx: Context) -> list[Line]:
    """:func:`logical_note_line` on each line without embeddings; the line after a note
    so read, when it shows the same order (its stop at its left end: ``".of Used Light
    Duty Vehicles (Nairobi, 2020)"``, sg-a-78-245 × fpdf2), ends with its stop again."""
    out: list[Line] = []
    after_note = False
    for line in lines:
        text = line.text
        fixed = text
        if RLE not in text:
            fixed = logical_note_line(text)
            if fixed == text and after_note and (tail := _VISUAL_TAIL_RE.match(text.strip())):
                fixed = tail["body"] + "."
        after_note = fixed != text and fixed.startswith("(")
        if fixed != text:
            ctx.record("raw_footnote", line.number, text, fixed)
            line = Line(line.number, fixed, line.page)
        out.append(line)
    return out


def _marker_at(lines: list[Line], i: int) -> str | None:
    """The marker of a reference or note written on three lines from ``i``, or None."""
    if i + 2 >= len(lines) or lines[i].text.strip() != "(":
        return None
    m = _MARKER_RE.match(lines[i + 1].text)
    if m is None or not lines[i + 2].text.lstrip().startswith(")"):
        return None
    return m[1]


def _join(pieces: list[str]) -> str:
    out = ""
    for piece in pieces:
        if out and piece[:1] not in _CLOSING:
            out += " "
        out += piece
    return out


def rebuild_raw_footnotes(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: in a pdftotext ``-raw`` text, each note back on one line that opens
    with its marker.

    A marker on three lines is a note's (not a reference's) when the same marker was
    written so before (its reference, higher on the page) and it is the next note of the
    document (notes are numbered in order: a list's ``(1)`` after note 1 is not a note),
    and its ``)`` stands alone; the note's text runs to the next note, the page's
    furniture or the page's end. A note line in visual order is read in order
    (:func:`logical_note_line`).

    >>> lines = _raw_lines("وفقا للمادة 3", "(", "1", ")،", "(", "1", ")", "A/RES/76/172", ".",
    ...                    "23-80314 (A)")
    >>> [line.text for line in rebuild_raw_footnotes(lines, _raw_context())]
    ['وفقا للمادة 3', '(', '1', ')،', '(1) A/RES/76/172.', '23-80314 (A)']
    """
    if not _is_raw(ctx):
        return lines
    lines = _visual_note_lines(lines, ctx)
    cited: set[str] = set()
    last = 0  # the last note's number

    def step(lines: list[Line], i: int, out: list[Line]) -> int | None:
        nonlocal last
        marker = _marker_at(lines, i)
        if marker is None:
            return None
        is_note = marker in cited and int(marker) == last + 1 and lines[i + 2].text.strip() == ")"
        if not is_note:
            cited.add(marker)
            out.extend(lines[i : i + 3])
            return 3
        last = int(marker)
        j = i + 3
        page = lines[i].page
        pieces: list[str] = []
        while (
            j < len(lines)
            and lines[j].page == page
            and _marker_at(lines, j) is None
            and not _page_edge_at(lines, j)
            and not (pieces and _page_number_at(lines, j))
        ):
            if lines[j].text.strip():
                pieces.append(lines[j].text.strip())
            j += 1
        if not pieces:
            out.extend(lines[i : i + 3])
            return 3
        before = "\n".join(line.text for line in lines[i:j])
        joined = f"({marker}) " + _join(pieces)
        ctx.record("raw_footnote", lines[i].number, before, joined)
        out.append(Line(lines[i].number, joined, page))
        return j - i

    return merge_lines(lines, step)


def _page_edge_at(lines: list[Line], j: int) -> bool:
    """A job number or a separator, or a symbol over a lone number (the next page's header):
    where a page's notes end. A symbol alone is a note's text (``A/RES/76/172``)."""
    kind = classify_furniture(lines[j].text)
    if kind == "running_symbol":
        return j + 1 < len(lines) and _MARKER_RE.match(lines[j + 1].text) is not None
    return kind in ("job_number", "footnote_separator")


def _page_number_at(lines: list[Line], j: int) -> bool:
    """A lone number just above the page's furniture: the page's number, not the note's."""
    return (
        _MARKER_RE.match(lines[j].text) is not None
        and j + 1 < len(lines)
        and classify_furniture(lines[j + 1].text) not in (None, "page_number")
    )


# A number alone on a -raw line: digits with their separators ("76/172", "8 565", "2024-2026").
_NUMBER_LINE_RE = regex.compile(r"^\s*\p{Nd}[\p{Nd}/.,\-–\s]*+(?:\(\p{Nd}{1,3}\))*\s*$")
_ARABIC_RE = regex.compile(r"[\u0621-\u064a]")
# A line that ends a unit (a sentence, a list's lead-in, a heading's colon).
_UNIT_END_RE = regex.compile(r"[.:؛،]\s*$")
# A line that opens a unit: a paragraph's dash, a sub-item's bracket or quote.
_UNIT_START_RE = regex.compile(r"^\s*[-–(\['\"]")
# The formula that opens a resolution's preamble, alone on its line: "إن الجمعية العامة،".
_FORMULA_LINE_RE = regex.compile(r"^\s*إن\s+[^،,]{3,200}?\s*[،,]\s*$")
_PUNCT_LINE_RE = regex.compile(r"^\s*[،؛.:]+\s*$")
_PAIR_END_RE = regex.compile(r"(\p{Arabic}{2,}) (\p{Arabic}{2,})\s*$")
_NUMBER_PAIR_END_RE = regex.compile(r"(?<!\S)(\p{Nd}{1,4}) (\p{Nd}{1,4})\s*$")
_ARABIC_OR_REF_RE = regex.compile(r"[\u0621-\u064a]|\(\p{Nd}{1,3}\)$")


def _takes_number(text: str) -> bool:
    """A line a number at its end can join: Arabic text that ends no unit."""
    return _ARABIC_RE.search(text) is not None and _UNIT_END_RE.search(text) is None


def _goes_on(text: str) -> bool:
    """A line that continues the text before it: Arabic text that opens no unit (a
    resolution's formula is one: ``"إن مجلس الأمن،"`` after the date of its adoption line,
    sc-res-2754 × LibreOffice), another number, or the sentence's punctuation.

    >>> _goes_on("المعقودة في"), _goes_on("إن مجلس الأمن،"), _goes_on("إن الأعضاء قرروا")
    (True, False, True)
    """
    if _PUNCT_LINE_RE.match(text) or _NUMBER_LINE_RE.match(text):
        return True
    if _FORMULA_LINE_RE.match(text):
        return False
    return _ARABIC_RE.search(text) is not None and _UNIT_START_RE.match(text) is None


def _slash_joined(text: str) -> tuple[str, bool] | None:
    """The line before a slash alone on its line, the slash put where it stands, and whether
    the next line may go on it; None where the line ends with neither shape. -raw writes a
    slash drawn apart after the two numbers or the two words it joins: between two numbers
    (``"78 540"``, ``"/"`` for 78/540, ga-dec-78-540), else before the last of two words
    (``"آب أغسطس"``, ``"/"``: a year may follow).

    >>> _slash_joined("إذ تشير إلى قرارها 77 121"), _slash_joined("خلال آب أغسطس")
    (('إذ تشير إلى قرارها 77/121', False), ('خلال آب/أغسطس', True))
    """
    numbers = _NUMBER_PAIR_END_RE.search(text)
    if numbers:
        return f"{text[: numbers.start()]}{numbers[1]}/{numbers[2]}", False
    pair = _PAIR_END_RE.search(text)
    if pair:
        return f"{text[: pair.start(2)].rstrip()}/{pair[2]}", True
    return None


def join_raw_number_lines(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: in a pdftotext ``-raw`` text, a number alone on its line goes back
    into the line it was cut from, with the text after it.

    ``-raw`` ends a line at every left-to-right run of a LibreOffice PDF, so a sentence
    comes out cut at each of its numbers. A number joins the line before it where that
    line is Arabic text that ends no unit, and the line after it is no furniture; the
    line after it follows where it continues the text (no paragraph dash, no sub-item
    bracket); a range's dash between two numbers joins them (``"2024"``, ``"-"``,
    ``"2026"`` → ``"2024-2026"``); a sub-item's number between its quotes (``"'"``,
    ``"1"``, ``"' أن تتيح"``) is one label again; a line that starts with a comma goes
    on the line before it; a slash alone after two words goes between them
    (``"آب أغسطس"``, ``"/"``, ``"2022"`` → ``"آب/أغسطس 2022"``), and so after two
    numbers (``"78 540"``, ``"/"`` → ``"78/540"``, ga-dec-78-540).

    Real (ga-res-example × libreoffice, once rebuilt):
    ``"الجلسة العامة"``, ``"51"``, ``"19"``, ``"كانون الأول/ديسمبر"``, ``"2023"`` →
    ``"الجلسة العامة 51 19 كانون الأول/ديسمبر 2023"``; ``"يوما؛"``, ``"1 - تطلب"``
    stays (a paragraph's number, joined before).

    >>> lines = _raw_lines("يوما؛", "1 - تطلب", "خلال الفترة", "2024", "-", "2026", "؛",
    ...                    "الجلسة العامة", "51", "19", "كانون الأول/ديسمبر", "2023", "23-80314 (A)")
    >>> [line.text for line in join_raw_number_lines(lines, _raw_context())][:4]
    ['يوما؛', '1 - تطلب', 'خلال الفترة 2024-2026؛', 'الجلسة العامة 51 19 كانون الأول/ديسمبر 2023']
    >>> lines = _raw_lines("إذ تشير إلى قرارها", "77 121", "/", "المؤرخ", "12")
    >>> [line.text for line in join_raw_number_lines(lines, _raw_context())]
    ['إذ تشير إلى قرارها 77/121', 'المؤرخ 12']
    """
    if not _is_raw(ctx):
        return lines
    out: list[Line] = []
    glue = False  # the next line continues out[-1]
    first: dict[int, str] = {}

    def extend(text: str, sep: str) -> None:
        prev = out[-1]
        first.setdefault(len(out) - 1, prev.text)
        out[-1] = Line(prev.number, prev.text.rstrip() + sep + text, prev.page)

    i = 0
    while i < len(lines):
        line = lines[i]
        text = line.text.strip()
        nxt = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
        third = lines[i + 2].text if i + 2 < len(lines) else ""
        if text == "'" and _MARKER_RE.match(nxt) and third.startswith("' "):
            # A sub-item's label: "'" "1" "' أن تتيح" → "'1' أن تتيح".
            first.setdefault(len(out), line.text)
            out.append(Line(line.number, f"'{nxt}'{third[1:]}", line.page))
            glue = False
            i += 3
            continue
        slashed = _slash_joined(out[-1].text) if out and text == "/" else None
        if slashed is not None:
            prev = out[-1]
            first.setdefault(len(out) - 1, prev.text)
            out[-1] = Line(prev.number, slashed[0], prev.page)
            glue = slashed[1]
            i += 1
            continue
        if glue and text in ("-", "–", "/") and _NUMBER_LINE_RE.match(nxt):
            extend(text + nxt, "")
            i += 2
            continue
        if (
            out
            and text[:1] in "،؛"
            and _takes_number(out[-1].text)
            and _ARABIC_OR_REF_RE.search(out[-1].text)
        ):
            extend(text, "")
            glue = False
            i += 1
            continue
        if glue and text and _goes_on(text):
            extend(text, "" if text[:1] in _CLOSING else " ")
            glue = _NUMBER_LINE_RE.match(text) is not None or _takes_number(out[-1].text)
            i += 1
            continue
        glue = False
        if (
            _NUMBER_LINE_RE.match(text)
            and out
            and _takes_number(out[-1].text)
            and (classify_furniture(nxt) in (None, "page_number") or is_year(text))
            and out[-1].page == line.page
        ):
            extend(text, " ")
            glue = True
            i += 1
            continue
        out.append(line)
        i += 1
    for k, before in first.items():
        ctx.record("raw_number_lines", out[k].number, before, out[k].text)
    return out


# A sub-item's letter at a line's start ("أ الآثار السلبية"), its brackets on the next line.
_LABEL_START_RE = regex.compile(r"^(?P<label>[\u0621-\u064a]) (?P<rest>\S.*)$")
_PAIR_LINE_RE = regex.compile(r"^\) \((?P<rest>.*)$")
# A heading's label word and title ("ثانياً التوصيات"), its dash on the next line.
_HEADING_RE = regex.compile(r"^(?P<label>[\p{Arabic}\p{M}]+) (?P<title>[\p{Arabic}\p{M}\s«»،]+)$")


def restore_raw_labels(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: in a pdftotext ``-raw`` text, the brackets and dashes of labels
    back in their places. ``-raw`` writes them after the line they belong to: a sub-item's
    brackets as ``") ("`` on the next line, a heading's dash alone on the next line.

    Real (report-ctoc-cop-wg3-2023-4 × libreoffice, once rebuilt): ``"أ ينبغي للدول
    الأطراف أن تنظر"``, ``") ("`` → ``"(أ) ينبغي للدول الأطراف أن تنظر"``; ``"ثانياً
    التوصيات"``, ``"-"`` → ``"ثانياً - التوصيات"``. Text after the brackets (``") ((1)
    تيسير"``) stays on its line.

    >>> lines = _raw_lines("أ ينبغي للدول الأطراف أن تنظر", ") (", "في المسائل الجنائية؛",
    ...                    "ثانياً التوصيات", "-")
    >>> [line.text for line in restore_raw_labels(lines, _raw_context())]
    ['(أ) ينبغي للدول الأطراف أن تنظر', 'في المسائل الجنائية؛', 'ثانياً - التوصيات']
    """
    if not _is_raw(ctx):
        return lines
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        text = line.text.strip()
        if prev is not None and (pair := _PAIR_LINE_RE.match(text)):
            label = _LABEL_START_RE.match(prev.text.strip())
            if label:
                fixed = f"({label['label']}) {label['rest']}"
                ctx.record("raw_labels", prev.number, prev.text + "\n" + line.text, fixed)
                out[-1] = Line(prev.number, fixed, prev.page)
                if pair["rest"].strip():
                    out.append(Line(line.number, pair["rest"].strip(), line.page))
                continue
        if prev is not None and text in ("-", "–"):
            heading = _HEADING_RE.match(prev.text.strip())
            if heading:
                fixed = f"{heading['label']} {text} {heading['title']}"
                ctx.record("raw_labels", prev.number, prev.text + "\n" + line.text, fixed)
                out[-1] = Line(prev.number, fixed, prev.page)
                continue
        out.append(line)
    return out


# The closing line of a bracket -raw wrote apart: ")" or ".)" (the stop after it, in visual order).
_CLOSE_LINE_RE = regex.compile(r"^\s*(?P<punct>[.،؛]?)\)\s*$")
_MAX_INSIDE = 4


def join_raw_parentheticals(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: in a pdftotext ``-raw`` text, a bracketed reference written on lines
    of its own (``"("``, ``"A/78/339"``, ``"، الفقرتان 41 و 42"``, ``".)"``) is one again,
    at the end of the line before it where that line's text goes on (it ends no unit).
    Left apart, its pieces start with a comma and a stop, which a second pass read as
    run-reversed lines (report-a-78-7-add-9 × libreoffice, a page of it).

    >>> lines = _raw_lines("قدرت قيمتها بنحو 420 000 دولار", "(", "A/78/339", "، الفقرتان 41 و 42", ".)",
    ...                    "11 - وترحب اللجنة")
    >>> [line.text for line in join_raw_parentheticals(lines, _raw_context())]
    ['قدرت قيمتها بنحو 420 000 دولار (A/78/339، الفقرتان 41 و 42).', '11 - وترحب اللجنة']
    """
    if not _is_raw(ctx):
        return lines

    def step(lines: list[Line], i: int, out: list[Line]) -> int | None:
        line = lines[i]
        close = None
        if line.text.strip() == "(":
            for j in range(i + 2, min(i + 2 + _MAX_INSIDE, len(lines))):
                if lines[j].page != line.page or not lines[j].text.strip():
                    break
                if (m := _CLOSE_LINE_RE.match(lines[j].text)) is not None:
                    close = (j, m["punct"])
                    break
                if lines[j].text.strip() == "(":
                    break
        pieces = [x.text.strip() for x in lines[i + 1 : close[0]]] if close else []
        if close is None or not pieces or (len(pieces) == 1 and _MARKER_RE.match(pieces[0])):
            return None
        j, punct = close
        inner = "(" + _join(pieces) + ")" + punct
        before = "\n".join(x.text for x in lines[i : j + 1])
        if out and out[-1].page == line.page and _takes_number(out[-1].text):
            prev = out[-1]
            joined = prev.text.rstrip() + " " + inner
            ctx.record("raw_parenthetical", prev.number, prev.text + "\n" + before, joined)
            out[-1] = Line(prev.number, joined, prev.page)
        else:
            ctx.record("raw_parenthetical", line.number, before, inner)
            out.append(Line(line.number, inner, line.page))
        return j + 1 - i

    return merge_lines(lines, step)
