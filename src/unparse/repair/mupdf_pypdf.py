"""What PyMuPDF (``page.get_text()``) and pypdf (``extract_text``) do to Arabic, and its repair.

Both tools apply their own bidi reordering to the glyphs of a line. Where the PDF's line
is one right-to-left paragraph with the numbers inside it (LibreOffice's PDFs; fpdf2's
with Eastern digits) the words and runs come out in reading order; where it is not
(Chromium's, fpdf2's with Western digits) the runs of a line come out in reverse order,
which :mod:`.order` repairs. What they do everywhere:

* Eastern digit runs come out reversed: ``"٣٢٠٢"`` for ٢٠٢٣, ``"٢٧/٨٧"`` for ٧٨/٧٢
  (:func:`reverse_eastern_numbers`, gated on the years the document prints).

The evidence is typed (:class:`DateOrder`, :class:`EasternDigits`) and kept in
``ctx.facts`` under ``"date_order"`` and ``"eastern_digits_reversed"``.
"""

from __future__ import annotations

import regex
from pydantic import BaseModel, ConfigDict, Field

from ..arabic import is_year
from ..lexicon import SECTION_LETTERS, SECTION_ORDINALS
from ..lines import Line
from ..symbols import SYMBOL
from .mupdf_pieces import join_stop_lines
from .pipeline import Context, fix_each_line

_DIGIT = "[0-9\u0660-\u0669]"
# The first word of a UN month pair (كانون الأول/ديسمبر): the Levantine names.
_LEVANT = "(?:كانون|تشرين|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول)"
# The second word of the pair, which the year follows in reading order.
_MONTHS: tuple[str, ...] = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيه")
_MONTHS += ("يوليه", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر")
_MONTH = "(?:" + "|".join(_MONTHS) + ")"
# The four-digit runs are found first, one script at a time (a class of one range is
# scanned many times faster than the union), then their months are looked for beside them.
_WESTERN_RUN_RE = regex.compile(r"[0-9]+")
_EASTERN_RUN_RE = regex.compile(r"[\u0660-\u0669]+")
# The month before a year ("ديسمبر 2023", "ديسمبر /2024"), searched in a window before it.
_MONTH_BEFORE_RE = regex.compile(_MONTH + r"[\s/]*$")
_MONTH_WINDOW = 40
# Matched right after a year; the lookbehind keeps a search from starting inside a run of
# spaces (from every space of a long run, quadratic).
# Either word of a month pair (the Levantine name, the Gregorian one): what follows a year in
# reading order, and a date range's second date (:mod:`.mupdf_lines`).
MONTH_WORD = "(?:" + _LEVANT + "|" + _MONTH + ")"
_MONTH_AFTER_RE = regex.compile(r"(?<!\s)\s*" + MONTH_WORD)
# A whole date before a year, its day first ("٩ أيار/مايو ", "5 كانون الأول/ديسمبر"): searched
# only where a month was found before the year.
_DAY_MONTH_BEFORE_RE = regex.compile(
    r"(?<![0-9\u0660-\u0669])[0-9\u0660-\u0669]{1,2} +(?:"
    + _LEVANT
    + r"(?: \p{Arabic}+)?/)?"
    + _MONTH
    + r"[\s/]*$"
)
_DATE_WINDOW = 60


def _four_digit_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of exactly four digits, Western, Eastern or both
    (``"٢٠١5"``, as a real UN segment writes it), in ``text``.

    >>> _four_digit_runs("في ٢٠١5 و 2023 و 12345")
    [(3, 7), (10, 14)]
    """
    eastern = [m.span() for m in _EASTERN_RUN_RE.finditer(text)]
    if not eastern:  # most texts: the Western runs alone, never adjacent to one another
        return [span for m in _WESTERN_RUN_RE.finditer(text) if (span := m.span())[1] - span[0] == 4]
    spans = sorted([m.span() for m in _WESTERN_RUN_RE.finditer(text)] + eastern)
    runs: list[tuple[int, int]] = []
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and merged[-1][1] == start:
            merged[-1][1] = end
        else:
            merged.append([start, end])
    for start, end in merged:
        if end - start == 4:
            runs.append((start, end))
    return runs


class DateOrder(BaseModel):
    """How the dates of a text read: the evidence that its lines' runs are in reading order."""

    model_config = ConfigDict(frozen=True)

    month_then_year: int = Field(description='"ديسمبر 2023", "ديسمبر /2024": the order of reading.')
    year_then_month: int = Field(
        description='"2024 ديسمبر/ كانون", "2023كانون الأول": the runs of the line reversed.'
    )
    day_month_year: int = Field(
        default=0,
        description='"٩ أيار/مايو ٤٢٠٢": of the first count, the dates read in order from their day.',
    )

    @property
    def logical(self) -> bool:
        """Every date reads in order, and at least two joints do: two years after their
        month, or one whole date after its day (one joint is too little to go on: a line
        whose runs are reversed can give one month before another date's year,
        ``"نيسان/أبريل2024 في شباط/فبراير"``; it gives a day before its month and year
        only from a text that read year, month, day)."""
        if self.year_then_month:
            return False
        return self.month_then_year >= 2 or self.day_month_year >= 1


def _month_before(text: str, start: int) -> bool:
    """``_MONTH_BEFORE_RE`` searched in the window before ``start``: a month must end where
    the spaces and slashes before the year begin; found without the regex where a plain
    space or slash (or none) comes before the year, as almost always."""
    low = max(0, start - _MONTH_WINDOW)
    k = start
    while k > low and text[k - 1] in " /":
        k -= 1
    if k > low and text[k - 1].isspace():  # another space (\s): the regex decides
        return _MONTH_BEFORE_RE.search(text, low, start) is not None
    return text.endswith(_MONTHS, low, k)


def date_order(text: str) -> DateOrder:
    """Count the dates of ``text`` read in order and read with their runs reversed.

    Real (PyMuPDF on LibreOffice, ga-res-79-145; on Chromium, the same document):

    >>> date_order(" كانون الأول ديسمبر\\n/2024\\nالمؤرخ 5 أيار/مايو 2023،").logical
    True
    >>> date_order("2024 ديسمبر/ كانون الأول11 قرار اتخذته الجمعية العامة في").logical
    False

    One whole date read from its day is enough (PyMuPDF on fpdf2, Eastern digits as
    PyMuPDF reverses them, note-ctoc-cop-wg6-2024-3-firearms, whose only date it is); a
    month before a year alone is not:

    >>> date_order("فيينا، ٨ و٩ أيار/مايو ٤٢٠٢").logical
    True
    >>> date_order(".2024  وفي بانكوك في نيسان/أبريل2024 في شباط/فبراير").logical
    False
    """
    before = after = days = 0
    for start, end in _four_digit_runs(text):
        if _month_before(text, start):
            before += 1
            days += _DAY_MONTH_BEFORE_RE.search(text, max(0, start - _DATE_WINDOW), start) is not None
        after += _MONTH_AFTER_RE.match(text, end) is not None
    return DateOrder(month_then_year=before, year_then_month=after, day_month_year=days)


def mark_logical_dates(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: a text whose every date reads in order (month, then year) has its
    runs in reading order; say so (``facts["logical_order"]``) before the order steps.

    Real (PyMuPDF on LibreOffice, ga-res-78-72): the lines are in reading order, but
    ``line_order`` judged the document run-reversed and turned ``"٤  كانون الأول/ديسمبر"``
    into ``"ديسمبر/كانون الأول ٤"``. A text some other step already decided is left alone.
    Changes no line; the counts are kept in ``facts["date_order"]``.
    """
    if "logical_order" in ctx.facts:
        return lines
    evidence = date_order(ctx.joined(lines))
    ctx.facts["date_order"] = evidence
    if evidence.logical:
        ctx.facts["logical_order"] = True
    return lines


_EASTERN_NUMBER_RE = regex.compile(r"[\u0660-\u0669]+(?:/[\u0660-\u0669]+)*")
_EASTERN_YEAR_RE = regex.compile(r"(?<![\u0660-\u0669/])[\u0660-\u0669]{4}(?![\u0660-\u0669/])")


class EasternDigits(BaseModel):
    """The evidence that the text's Eastern digit runs are reversed: its four-digit numbers
    read as years (1900-2099) one way only."""

    model_config = ConfigDict(frozen=True)

    years_as_they_stand: int = Field(description="Four-digit Eastern numbers that are years as printed.")
    years_reversed: int = Field(description="Four-digit Eastern numbers that are years read backwards only.")

    @property
    def reversed(self) -> bool:
        return self.years_reversed >= 2 and self.years_reversed >= 4 * self.years_as_they_stand


def eastern_digits(text: str) -> EasternDigits:
    """Count the four-digit Eastern numbers that read as years as they stand and reversed.

    >>> eastern_digits("٤ كانون الأول/ديسمبر ٣٢٠٢ و ٤٢٠٢").reversed
    True
    >>> eastern_digits("٤ كانون الأول/ديسمبر ٢٠٢٣ و ٢٠٢٤").reversed
    False
    """
    as_is = backwards = 0
    for match in _EASTERN_YEAR_RE.finditer(text):
        here, back = is_year(match.group()), is_year(match.group()[::-1])
        if here and not back:
            as_is += 1
        elif back and not here:
            backwards += 1
    return EasternDigits(years_as_they_stand=as_is, years_reversed=backwards)


def reverse_eastern_number(text: str) -> str:
    """Every Eastern number of ``text`` read backwards, a session/number pair with its
    slash as one (PyMuPDF and pypdf reverse them so).

    Real (PyMuPDF on LibreOffice, ga-res-78-72: ``A/RES/78/72``, 4 December 2023):

    >>> reverse_eastern_number("٢٧/٨٧")
    '٧٨/٧٢'
    >>> reverse_eastern_number("قرار اتخذته الجمعية العامة في ٤ كانون الأول/ديسمبر ٣٢٠٢")
    'قرار اتخذته الجمعية العامة في ٤ كانون الأول/ديسمبر ٢٠٢٣'
    """
    return _EASTERN_NUMBER_RE.sub(lambda m: m.group()[::-1], text)


def reverse_eastern_numbers(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: where the text's Eastern four-digit numbers read as years only
    backwards (:class:`EasternDigits`), read every Eastern number backwards.

    Real (pypdf on fpdf2, ga-res-78-72): ``"٤ كانون الأول/ديسمبر ٣٢٠٢"`` →
    ``"٤ كانون الأول/ديسمبر ٢٠٢٣"``.
    """
    joined = ctx.joined(lines)
    if not _EASTERN_YEAR_RE.search(joined):
        return lines
    evidence = eastern_digits(joined)
    ctx.facts["eastern_digits_reversed"] = evidence
    if not evidence.reversed:
        return lines
    return fix_each_line(lines, ctx, "eastern_numbers", reverse_eastern_number)


_LEAD_PUNCT_RE = regex.compile(
    r"^(?P<lead>[،؛:.]+)(?P<core> *(?:\p{Arabic}|\(\d{1,3}\) \p{Arabic}).*?)(?P<trail>-?) ?$"
)
# A footnote line whose Latin run (a symbol) PyMuPDF put first, its final stop before it.
_LATIN_FIRST_NOTE_RE = regex.compile(
    r"^\.(?P<latin>[A-Za-z][^\p{Arabic}]*?) (?P<note>\(\d{1,3}\) \p{Arabic}[^.]*)$"
)
_TRAIL_DASH_RE = regex.compile(r"^(?P<core> *\p{Arabic}.*?\p{Arabic})- ?$")
# The same move on a line PyMuPDF indented, its comma spaced from the word after it: the
# paragraph dash at its end says it is the move (without it, the comma after a footnote
# reference, which stays).
_SPACED_LEAD_RE = regex.compile(r"^ +(?P<lead>[،؛]) (?P<core>\p{Arabic}.*?\S)- ?$")
# A section heading whose label PyMuPDF put last, an ordinal's tanween before it:
# " مقدمة- ًأولا" for "أولاً - مقدمة".
_LABELS = "|".join(
    sorted(
        (regex.escape(x.rstrip("\u064b")) for x in SECTION_ORDINALS + SECTION_LETTERS), key=len, reverse=True
    )
)
_LABEL_LAST_RE = regex.compile(rf"^ *(?P<title>\p{{Arabic}}.*?\S)- (?P<mark>\u064b?)(?P<label>{_LABELS}) ?$")
# A paragraph number PyMuPDF kept first, its dash put last: "4 تشير ... عن- ".
_KEPT_NUMBER_RE = regex.compile(r"^(?P<number>[0-9\u0660-\u0669]{1,3}) +(?P<core>\p{Arabic}.*?\S)- ?$")
# The same with the symbol that labels an entry of a list of documents: "CRPD/CSP/2023/1
# جدول الأعمال المؤقت- ". Put back where other lines show the move, never itself evidence of
# it (a logical line may be a symbol, a title and a dash at its end).
_KEPT_SYMBOL_RE = regex.compile(rf"^(?P<number>{SYMBOL}) +(?P<core>\p{{Arabic}}.*?\S)- ?$")
# The same move where the line's first run ends at a number (LibreOffice's lines are one
# right-to-left paragraph; the number is a left-to-right piece): the paragraph dash is left
# at the end of that run, before the number, the extractor's two spaces after the first.
_KEPT_NUMBER_MID_RE = regex.compile(
    r"^(?P<number>[0-9\u0660-\u0669]{1,3})  (?P<run>\p{Arabic}[^0-9\u0660-\u0669A-Za-z-]*?[\p{Arabic}،؛])"
    r"- (?P<rest>[0-9\u0660-\u0669].*)$"
)
_END_PUNCT = "،؛:.!?؟"
# What a line that shows the move starts with (else it ends with the dash).
_EDGE_FIRST = frozenset("،؛:.")


def swap_edge_punctuation(text: str) -> str:
    """A logical line whose last punctuation PyMuPDF put first and whose first dash (the
    paragraph number's) it put last: each goes back to its end. A line that already ends
    with punctuation has none to take back (``"، الذي أحاله الأمين العام؛"`` stays).

    Real (PyMuPDF on LibreOffice, ga-res-example, hrc-res-53-18):

    >>> swap_edge_punctuation("،إن الجمعية العامة")
    'إن الجمعية العامة،'
    >>> swap_edge_punctuation(":وإذ يساورها القلق إزاء ما يلي")
    'وإذ يساورها القلق إزاء ما يلي:'
    >>> swap_edge_punctuation("، دول")
    'دول،'
    >>> swap_edge_punctuation(". تطلب إلى الأمين العام أن يقدم إليها تقريرا عن تنفيذ هذا القرار-")
    '- تطلب إلى الأمين العام أن يقدم إليها تقريرا عن تنفيذ هذا القرار.'
    >>> swap_edge_punctuation(" تقليص خطر نشوب حرب نووية- ")
    '- تقليص خطر نشوب حرب نووية'
    >>> swap_edge_punctuation(".(١) انظر أيضا قرار مجلس حقوق الإنسان ٩/٥١")
    '(١) انظر أيضا قرار مجلس حقوق الإنسان ٩/٥١.'
    >>> swap_edge_punctuation(".CTOC/COP/WG.2/2020/4 (٢) انظر")
    '(٢) انظر CTOC/COP/WG.2/2020/4.'

    Two marks first: the line's last one, then the one after the number that ends the line
    before it (ecosoc-res-2023-15, a footnote's last piece after ``"76 181"``, ``"/"``;
    report-a-ac105-1307-stsc, after ``"2009"``):

    >>> swap_edge_punctuation(".، المرفق")
    '، المرفق.'
    >>> swap_edge_punctuation(".، لا يزال يمثل أساسا متينا لضمان الأمان")
    '، لا يزال يمثل أساسا متينا لضمان الأمان.'
    >>> swap_edge_punctuation(" ، الفقرة")
    ' ، الفقرة'
    >>> swap_edge_punctuation("، الذي أحاله الأمين العام؛")
    '، الذي أحاله الأمين العام؛'

    PyMuPDF indents some lines (ga-res-79-145):

    >>> swap_edge_punctuation("   تلاحظ أن نحو-")
    '- تلاحظ أن نحو'
    >>> swap_edge_punctuation(":  تحث الدول على أن تقوم بما يلي-")
    '- تحث الدول على أن تقوم بما يلي:'

    Its comma spaced, the paragraph dash last (report-a-79-190-right-to-food; left for a
    second pass, which found it once the spaces were gone):

    >>> swap_edge_punctuation(" ، وأتاحت السنة الدولية لمصايد الأسماك وتربية الأحياء المائية الحرفية- ")
    '- وأتاحت السنة الدولية لمصايد الأسماك وتربية الأحياء المائية الحرفية،'

    A section heading, its label last and the label's tanween before it
    (sg-a-78-245-road-safety):

    >>> swap_edge_punctuation(" مقدمة- \u064bأولا") == "أولا\u064b - مقدمة"
    True

    A paragraph number it kept first (the same document):

    >>> swap_edge_punctuation(
    ...     "4 تشير أحدث التقديرات الصادرة عن منظمة الصحة العالمية إلى أن عدد الوفيات الناجمة عن- "
    ... )
    '4 - تشير أحدث التقديرات الصادرة عن منظمة الصحة العالمية إلى أن عدد الوفيات الناجمة عن'

    So is a document's symbol that labels an entry of a list of documents
    (report-crpd-csp-2023-5-conference):

    >>> swap_edge_punctuation("CRPD/CSP/2023/1 جدول الأعمال المؤقت- ")
    'CRPD/CSP/2023/1 - جدول الأعمال المؤقت'
    """
    m = _KEPT_NUMBER_RE.match(text) or _KEPT_SYMBOL_RE.match(text)
    if m:
        return f"{m['number']} - {m['core']}"
    m = _LABEL_LAST_RE.match(text)
    if m:
        return f"{m['label']}{m['mark']} - {m['title']}"
    m = _LATIN_FIRST_NOTE_RE.match(text)
    if m:
        return f"{m['note']} {m['latin']}."
    m = _SPACED_LEAD_RE.match(text)
    if m:
        return f"- {m['core']}{m['lead']}"
    m = _LEAD_PUNCT_RE.match(text)
    if m:
        core = m["core"].strip()
        if len(m["lead"]) == 2 and not m["trail"] and core[-1:] not in _END_PUNCT:
            # The line's last mark, then the mark of the number on the line before.
            return f"{m['lead'][1]} {core}{m['lead'][0]}"
        if m["trail"] or core[-1:] not in _END_PUNCT:
            return (f"{m['trail']} " if m["trail"] else "") + core + m["lead"]
        return text
    m = _TRAIL_DASH_RE.match(text)
    if m:
        return "- " + m["core"].strip()
    return text


def kept_number_dash(text: str) -> str:
    """A paragraph number PyMuPDF kept first, its dash left at the end of the line's first
    run where a number follows it, gets the dash after it.

    Real (PyMuPDF on LibreOffice, sg-a-79-168-crime-programme, its Eastern numbers read the
    right way round: ``"1 - طلبت الجمعية العامة، في قرارها 78/229، ..."``):

    >>> kept_number_dash("١  طلبت الجمعية العامة، في قرارها- ٧٨/٢٢٩")
    '١ - طلبت الجمعية العامة، في قرارها ٧٨/٢٢٩'
    >>> kept_number_dash("٣  وقدم المكتب المساعدة التقنية إلى- ٨٩، دولة في مجال صياغة التشريعات")
    '٣ - وقدم المكتب المساعدة التقنية إلى ٨٩، دولة في مجال صياغة التشريعات'

    A date, a range, a dash after a number and a line already right stay:

    >>> kept_number_dash("١٣  كانون الأول/ديسمبر"), kept_number_dash("٣  في الفترة ٢٠٢١- ٢٠٣٠")
    ('١٣  كانون الأول/ديسمبر', '٣  في الفترة ٢٠٢١- ٢٠٣٠')
    >>> kept_number_dash("٣ - تحيط علما بالفقرة- ٣"), kept_number_dash("4  انظر البند 5 (أ)- 6")
    ('٣ - تحيط علما بالفقرة- ٣', '4  انظر البند 5 (أ)- 6')
    """
    m = _KEPT_NUMBER_MID_RE.match(text)
    return f"{m['number']} - {m['run']} {m['rest']}" if m else text


def shows_moved_punctuation(text: str) -> bool:
    """The line shows PyMuPDF's move itself, which no logical line does: its first
    punctuation glued to the word after it (Arabic puts the space after a comma), or its
    paragraph dash at its end.

    >>> shows_moved_punctuation("،إن الجمعية العامة"), shows_moved_punctuation("تلاحظ أن نحو-")
    (True, True)

    A logical line after a footnote reference (pdftotext -raw on LibreOffice, ga-res-78-96,
    once repaired) does not:

    >>> shows_moved_punctuation("، وإلى اتفاقية منظمة الأمم المتحدة للتربية")
    False
    """
    if text[:1] not in _EDGE_FIRST and text.rstrip(" ")[-1:] != "-":
        return False  # the cheap test first: most lines neither start nor end so
    if _KEPT_NUMBER_RE.match(text):
        return True
    m = _LEAD_PUNCT_RE.match(text)
    if m:
        return bool(m["trail"]) or not m["core"].startswith(" ")
    if _SPACED_LEAD_RE.match(text):
        return True
    return _TRAIL_DASH_RE.match(text) is not None or _LATIN_FIRST_NOTE_RE.match(text) is not None


def _counts_as_moved(text: str) -> bool:
    """The line is evidence of PyMuPDF's move (:func:`shows_moved_punctuation`). A line whose
    one sign is the dash at its end counts only with the extractor's spaces at an edge: the
    run-order step leaves such a dash at the end of a line it put back in order, spaces
    gone, and a second pass must not read that text as PyMuPDF's.

    Real (PyMuPDF on LibreOffice, ga-res-79-145; PyMuPDF on fpdf2, sc-res-2739-2024, once
    repaired, of ``"بور - أو - برانس"``):

    >>> _counts_as_moved("   تلاحظ أن نحو-"), _counts_as_moved("،إن الجمعية العامة")
    (True, True)
    >>> _counts_as_moved("بنحو 80 في المائة من العاصمة بور أو- برانس، وإزاء تزايد أعمال العنف التي-")
    False
    """
    if not shows_moved_punctuation(text):
        return False
    if text != text.strip(" ") or _KEPT_NUMBER_RE.match(text) or _LABEL_LAST_RE.match(text):
        return True
    return any(r.match(text) for r in (_LEAD_PUNCT_RE, _SPACED_LEAD_RE, _LATIN_FIRST_NOTE_RE))


def rejoin_pymupdf_lines(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: in a text whose dates read in order (:func:`mark_logical_dates`)
    and whose lines show PyMuPDF's moved punctuation (two lines or more show the move
    itself, :func:`_counts_as_moved`), put each line's edge punctuation back
    (:func:`swap_edge_punctuation`). Once repaired, no line shows it: a second pass
    leaves the text as it is.

    Real (PyMuPDF on LibreOffice, ga-res-example): ``"،إن الجمعية العامة"`` →
    ``"إن الجمعية العامة،"``.
    """
    evidence = ctx.facts.get("date_order")
    if not isinstance(evidence, DateOrder) or not evidence.logical:
        return lines
    if sum(1 for line in lines if _counts_as_moved(line.text)) < 2:
        return lines
    lines = fix_each_line(lines, ctx, "edge_punctuation", swap_edge_punctuation)
    return join_stop_lines(fix_each_line(lines, ctx, "kept_number_dash", kept_number_dash), ctx)
