"""What PyMuPDF and pypdf do to a line whose runs they give in page order, before it is read.

Where a PDF's line is several bidi runs (Chromium's PDFs; fpdf2's with Western digits),
PyMuPDF (``page.get_text()``) and pypdf (``extract_text``) give the runs of the line from
left to right, each run reading in order: the line's first run (its paragraph number) comes
last, and the dash that follows it in reading order is written against the run before it
(``"... الجمعية العامة- 1"``, pypdf ``"... الجمعية العامة -  1"``). :mod:`.order` puts the
runs back in reading order; these fixers give it the marker as a run of its own first.
"""

from __future__ import annotations

import re

import regex

from ..lexicon import SECTION_LETTERS, SECTION_ORDINALS
from ..lines import Line
from .mupdf_eastern import EasternRuns
from .pipeline import Context, _fix_some_lines, fix_each_line

# A paragraph number at the end of a line, the dash before it glued to the word before
# (PyMuPDF) or spaced twice from the number (pypdf).
_END_MARKER_RE = regex.compile(
    r"(?P<before>\S)(?P<gap> ?)-(?P<space> +)(?P<number>[0-9\u0660-\u0669]{1,3}) *$"
)


# A left-to-right run before the marker: the run-order step reads the line as runs. Eastern
# digits count where PyMuPDF's Eastern numbers were put in their runs' places
# (:mod:`.mupdf_eastern`): the step reads such a number as a run of its own too.
_LTR_RE = regex.compile(r"[0-9A-Za-z]")
_LTR_EASTERN_RE = regex.compile(r"[0-9A-Za-z\u0660-\u0669]")


def _is_moved(m: regex.Match[str]) -> bool:
    """The marker shows the extractor's spacing: glued to the word before, or two spaces."""
    return not m["gap"] or len(m["space"]) > 1


def space_end_marker(text: str, eastern: bool = False) -> str:
    """A paragraph number at the end of a line whose runs are in page order, with its dash
    glued to the run before it, is spaced as a run of its own (``"X - N"``).

    Real (PyMuPDF on Chromium, sg-a-78-245-road-safety):

    >>> space_end_marker("الإعلان السياسي76/294  يق َّد م هذا التقرير عملا بقرار الجمعية العامة- 1")
    'الإعلان السياسي76/294  يق َّد م هذا التقرير عملا بقرار الجمعية العامة - 1'

    So is one whose runs hold Eastern numbers, where :mod:`.mupdf_eastern` put them in
    their runs' places (PyMuPDF on Chromium, note-ctoc-cop-wg6-2024-3-firearms):

    >>> space_end_marker("، أن يواصل١١/٣  قرر مؤتمر الأطراف في اتفاقية الأمم المتحدة- ١", eastern=True)
    '، أن يواصل١١/٣  قرر مؤتمر الأطراف في اتفاقية الأمم المتحدة - ١'

    A line of one right-to-left run besides its marker stays: the run-order step moves the
    number alone, and :func:`number_first` then puts the dash after it; spaced, the step
    cut such runs at their commas (pypdf on Chromium, hrc-res-53-18, its presentation
    forms folded here):

    >>> space_end_marker(
    ...     " يهيب بالدول أن تكفل وصول الأشخاص ذوي الإعاقة إلى العدالة على قدم المساواة مع الآخرين، -  2"
    ... )
    ' يهيب بالدول أن تكفل وصول الأشخاص ذوي الإعاقة إلى العدالة على قدم المساواة مع الآخرين، -  2'

    A range or a line already spaced stays:

    >>> space_end_marker("في الفترة 2021-2030"), space_end_marker("انظر الفقرة - 3")
    ('في الفترة 2021-2030', 'انظر الفقرة - 3')
    """
    m = _END_MARKER_RE.search(text)
    ltr = _LTR_EASTERN_RE if eastern else _LTR_RE
    if m is None or not _is_moved(m) or ltr.search(text, 0, m.start()) is None:
        return text
    return text[: m.start()] + m["before"] + " - " + m["number"]


def space_end_markers(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: in a text not known to be in logical order, where two lines or more
    end with a paragraph number whose dash is glued to the run before it
    (:func:`space_end_marker`), space each such marker so the run-order step reads it as a
    run of its own. A text with fewer such lines is left alone; the count is kept in
    ``facts["end_markers"]``.

    Real (PyMuPDF on Chromium, sg-a-78-245-road-safety): ``"... الجمعية العامة- 1"`` →
    ``"... الجمعية العامة - 1"``, which the run-order step then reads as ``"1 - ..."``.
    """
    if ctx.facts.get("logical_order") is True:
        return lines
    count = 0
    for line in lines:
        if line.text.rstrip(" ")[-1:].isdigit():
            m = _END_MARKER_RE.search(line.text)
            count += m is not None and _is_moved(m)
    if count < 2:
        return lines
    ctx.facts["end_markers"] = count
    placed = ctx.facts.get("eastern_runs")
    eastern = isinstance(placed, EasternRuns) and placed.placed
    return fix_each_line(lines, ctx, "end_marker", lambda text: space_end_marker(text, eastern))


# A footnote reference the run-order step left spaced from its word: "التخطيط (1).".
_SPACED_REF_RE = regex.compile(
    r"(?<=[\p{Arabic}0-9]) \((?P<m>[0-9\u0660-\u0669]{1,3})\)(?=[،؛:.,]|$| \p{Arabic})"
)
# The paragraph number the run-order step put first, the dash left at the line's end.
_NUMBER_FIRST_RE = regex.compile(
    r"^(?P<number>[0-9\u0660-\u0669]{1,3})(?P<lead>[،؛]?) (?P<core>\p{Arabic}.*?\S) ?-(?P<trail>[:؛،.]?)$"
)


def glue_reference(text: str) -> str:
    """A footnote reference after a word, spaced from it, glued back to it (UN text writes
    ``"التخطيط(1)."``).

    Real (PyMuPDF on Chromium, note-e-cn7-2024-8-budget: ``".)1(التخطيط"`` once its runs
    and brackets are put back):

    >>> glue_reference("التخطيط (1).")
    'التخطيط(1).'

    After a year (PyMuPDF on fpdf2, ga-res-example: ``"،)1(2021"``):

    >>> glue_reference("2021 (1)،")
    '2021(1)،'

    A footnote's own marker, a sub-item label and a marker before a number stay:

    >>> glue_reference("(1) للاطلاع على المعلومات"), glue_reference("البند 12 (ب)")
    ('(1) للاطلاع على المعلومات', 'البند 12 (ب)')
    >>> glue_reference("انظر أيضا قرار مجلس حقوق الإنسان (1) 15/9")
    'انظر أيضا قرار مجلس حقوق الإنسان (1) 15/9'
    """
    if " (" not in text:
        return text
    return _SPACED_REF_RE.sub(r"(\g<m>)", text)


def number_first(text: str) -> str:
    """A paragraph number the run-order step put first, its dash left at the end of the
    line, gets the dash after it.

    Real (PyMuPDF on Chromium, report-a-79-190-right-to-food: ``" ويتقدم ... العاملات- 3"``
    once the step has moved its number):

    >>> number_first(
    ...     "3 ويتقدم المقرر الخاص بالشكر إلى جميع من أسهموا في إعداد هذا التقرير، ولا سيما النساء العاملات-"
    ... )
    '3 - ويتقدم المقرر الخاص بالشكر إلى جميع من أسهموا في إعداد هذا التقرير، ولا سيما النساء العاملات'

    Its colon after the dash (sg-a-78-245-road-safety):

    >>> number_first(
    ...     "12 وأنشأت دول عديدة وكالات رائدة تتمتع بسلطة التنسيق بين القطاعات، ومن أمثلة ذلك ما يلي-:"
    ... )
    '12 - وأنشأت دول عديدة وكالات رائدة تتمتع بسلطة التنسيق بين القطاعات، ومن أمثلة ذلك ما يلي:'
    >>> number_first("2021-2030"), number_first("3 - تقرر-")
    ('2021-2030', '3 - تقرر-')
    """
    m = _NUMBER_FIRST_RE.match(text)
    if m is None or m["core"].startswith("- "):
        return text
    return f"{m['number']} - {m['core']}{m['trail']}{m['lead']}"


def finish_reordered_lines(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: in a text whose paragraph numbers came last on their lines
    (``facts["end_markers"]``, :func:`space_end_markers`), the lines the run-order step
    reordered get the dash after their number (:func:`number_first`) and their footnote
    references glued back to their words (:func:`glue_reference`): the space is the
    reordering's, and a reference glued to its word is what tells the segmenter that a
    footnote ``(1)`` is to come.
    """
    if not ctx.facts.get("end_markers"):
        return lines
    reordered = {fix.line for fix in ctx.fixes if fix.kind == "line_order"}
    if not reordered:
        return lines
    out: list[Line] = []
    for line in lines:
        if line.number in reordered:
            fixed = glue_reference(number_first(line.text))
            if fixed != line.text:
                ctx.record("reordered_line", line.number, line.text, fixed)
                line = Line(line.number, fixed, line.page)
        out.append(line)
    return out


# A paragraph number PyMuPDF gave last, the dash glued to the run before it: fpdf2 draws
# the number as a cell of its own right of the line, and PyMuPDF reads cells left to right.
_LAST_NUMBER_RE = regex.compile(
    r"^ *(?P<core>\S.*?\S)- (?P<number>[0-9\u0660-\u0669]{1,3})(?P<punct>[،؛:.]?) *$"
)
# Any line's end with the mark, searched once in the joined text (most texts have none).
# (an upper bound of _LAST_NUMBER_RE's matches, led by a literal: the stdlib's engine finds it fast).
_ANY_LAST_NUMBER_RE = re.compile(r"- [0-9\u0660-\u0669]{1,3}[،؛:.]? *$", re.MULTILINE)
# A paragraph number written first, its dash after it: where the text has such lines as
# often as numbers last, the numbers last are not paragraph numbers the extractor moved.
_NUMBER_DASH_FIRST_RE = re.compile(r"^ *[0-9\u0660-\u0669]{1,3} +- +[\u0621-\u064a]", re.MULTILINE)
# The line's own paragraph number kept first: then the number last is the line's last run.
_FIRST_NUMBER_RE = regex.compile(r"^(?P<number>[0-9\u0660-\u0669]{1,3}) +(?P<rest>\p{Arabic}.*)$")


def number_cell_first(text: str) -> str:
    """A logical line whose paragraph number came last, its dash glued to the run before it,
    gets the number back first (``"X- N"`` → ``"N - X"``); a line that kept its number first
    gets the dash after it, the last number being the line's last run.

    Real (PyMuPDF on fpdf2, ga-res-78-72, its Eastern numbers read the right way round;
    PyMuPDF on LibreOffice, report-crpd-csp-2023-5-conference):

    >>> number_cell_first(" تحيط علما بتقرير الأمين العام المقدم عملا بالفقرة ٣ من القرار ٧٧/٥٣(٢)؛- ٣")
    '٣ - تحيط علما بتقرير الأمين العام المقدم عملا بالفقرة ٣ من القرار ٧٧/٥٣(٢)؛'
    >>> number_cell_first("١  تنص المادة- ٤٠")
    '١ - تنص المادة ٤٠'

    The line's last punctuation, which the edge step put back at its end, after the number
    (ctoc-cop-dec-10-4: ``"، يطلب ... الأطراف- ٢"``):

    >>> number_cell_first("يطلب إلى مكتب الأمم المتحدة المعني بالمخدرات والجريمة أن يواصل- ٢،")
    '٢ - يطلب إلى مكتب الأمم المتحدة المعني بالمخدرات والجريمة أن يواصل،'

    A range, a spaced dash and a line without the mark stay:

    >>> number_cell_first("في الفترة 2021- 2030"), number_cell_first("انظر الفقرات 3 - 5")
    ('في الفترة 2021- 2030', 'انظر الفقرات 3 - 5')
    >>> number_cell_first("19- 14 تموز/يوليه")
    '19- 14 تموز/يوليه'

    """
    m = _LAST_NUMBER_RE.match(text)
    if m is None:
        return text
    first = _FIRST_NUMBER_RE.match(m["core"])
    if first:
        return f"{first['number']} - {first['rest']} {m['number']}{m['punct']}"
    return f"{m['number']} - {m['core']}{m['punct']}"


def number_cells_first(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: in a logical text (``facts["logical_order"]``), the paragraph numbers
    PyMuPDF gave last are put first (:func:`number_cell_first`): on a line that kept its
    number first, always (the mark is its own evidence); otherwise where two lines or more
    show it, the count kept in ``facts["last_numbers"]``.

    Real (PyMuPDF on fpdf2, ga-res-78-72): ``"تطلب إلى الدول الحائزة للأسلحة النووية ...
    غير- 1"`` → ``"1 - تطلب إلى الدول الحائزة للأسلحة النووية ... غير"``.
    """
    if ctx.facts.get("logical_order") is not True:
        return lines
    joined = ctx.joined(lines)
    if not _ANY_LAST_NUMBER_RE.search(joined):
        return lines
    # The mark is at the line's end ("- " and at most three digits and a stop): its last
    # characters are looked at first, the pattern run only where they hold the dash.
    marked = [
        _LAST_NUMBER_RE.match(line.text) if "- " in line.text.rstrip(" ")[-7:] else None for line in lines
    ]
    count = sum(1 for m in marked if m is not None and not _FIRST_NUMBER_RE.match(m["core"]))
    if len(_NUMBER_DASH_FIRST_RE.findall(joined)) >= max(count, 1):
        return lines
    if count >= 2:
        ctx.facts["last_numbers"] = count
    indexes = [
        i for i, m in enumerate(marked) if m is not None and (count >= 2 or _FIRST_NUMBER_RE.match(m["core"]))
    ]
    return _fix_some_lines(lines, ctx, "last_number", number_cell_first, indexes)


# A section heading whose runs PyMuPDF gave in page order (Chromium's PDFs, fpdf2's with
# Western digits): the title first, its label last, the dash glued to the title. An
# ordinal's tanween (and its alef, which PyMuPDF may lose) comes before its stem: " مقدمة- ًأول",
# " مقدمة- اًأول", " مقدمة- ًأولا" for "أولاً - مقدمة".
_ORDINAL_STEMS = {o.rstrip("\u064b").removesuffix("ا"): o for o in SECTION_ORDINALS}
_HEADING_LABEL_LAST_RE = regex.compile(
    r"^ *(?P<title>\p{Arabic}[^\n]*?[^\s.،؛:])- (?:"
    r"(?P<pre>ا?\u064b)(?P<ordinal>"
    + "|".join(sorted(_ORDINAL_STEMS, key=len, reverse=True))
    + r")ا?|(?P<letter>"
    + "|".join(SECTION_LETTERS)
    + r")) *$"
)
# The same heading written label first, as a logical text (or a repaired one) writes it.
_HEADING_LABEL_FIRST_RE = re.compile(
    r"^ *(?:" + "|".join(SECTION_ORDINALS + SECTION_LETTERS) + r") +- +[\u0621-\u064a]", re.MULTILINE
)
# A heading's title is a phrase, not a line of prose.
_MAX_TITLE = 120


def label_first(text: str) -> str:
    """A section heading whose label PyMuPDF gave last gets it back first, an ordinal
    spelt in full (``"ثالثاً"``: PyMuPDF gives its tanween first and may drop its alef).

    Real (PyMuPDF on Chromium, report-a-79-190-right-to-food; on fpdf2, the same document;
    on Chromium, report-crpd-csp-2023-5-conference):

    >>> label_first(" الإطار القانوني- \\u064bثالث") == "ثالثاً - الإطار القانوني"
    True
    >>> label_first(" التوسع في «الاقتصاد الأزرق» وانتزاع الموارد البحرية- باء")
    'باء - التوسع في «الاقتصاد الأزرق» وانتزاع الموارد البحرية'
    >>> label_first(" مقدمة- ا\\u064bأول") == label_first(" مقدمة- \\u064bأولا") == "أولاً - مقدمة"
    True

    A line of prose, a word that only looks like a label (no tanween) and a heading already
    in order stay:

    >>> label_first("وفي كثير من البلدان، تمثل12-ألف وفيتامين باء")
    'وفي كثير من البلدان، تمثل12-ألف وفيتامين باء'
    >>> label_first("الفصل- ثاني"), label_first("ألف - الحضور")
    ('الفصل- ثاني', 'ألف - الحضور')
    """
    m = _HEADING_LABEL_LAST_RE.match(text)
    if m is None or len(m["title"]) > _MAX_TITLE:
        return text
    label = _ORDINAL_STEMS[m["ordinal"]] if m["ordinal"] else m["letter"]
    return f"{label} - {m['title'].strip()}"


def put_labels_first(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: where two headings or more give their label last (:func:`label_first`)
    and fewer give it first, each such heading gets its label back first, before the
    run-order step reads its line (which cut the title at its quotation marks). The count
    is kept in ``facts["labels_last"]``.

    Real (PyMuPDF on Chromium, report-a-79-190-right-to-food): ``" الإطار القانوني- ًثالث"``
    → ``"ثالثاً - الإطار القانوني"``; left as it was, the segmenter read the heading as the
    end of the paragraph before it.
    """
    marked = [
        m if "- " in line.text and (m := _HEADING_LABEL_LAST_RE.match(line.text)) else None for line in lines
    ]
    count = sum(1 for m in marked if m is not None and len(m["title"]) <= _MAX_TITLE)
    if count < 2 or len(_HEADING_LABEL_FIRST_RE.findall(ctx.joined(lines))) >= count:
        return lines
    ctx.facts["labels_last"] = count
    indexes = [i for i, m in enumerate(marked) if m is not None]
    return _fix_some_lines(lines, ctx, "label_last", label_first, indexes)
