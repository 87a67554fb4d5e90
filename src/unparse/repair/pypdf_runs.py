"""What pypdf (``extract_text``) does to a line of several bidi runs, and its repair.

Where a PDF's line is several runs (Arabic with Western numbers: Chromium's PDFs, fpdf2's),
pypdf gives its stretches from left to right, each Arabic stretch reading in order, the
spaces at a stretch's end moved before it: ``"2023  كانون الأول/ديسمبر7 قرار اتخذته الجمعية
العامة في"`` for ``"قرار اتخذته الجمعية العامة في 7 كانون الأول/ديسمبر 2023"``. Its
fingerprint (:class:`PypdfRuns`): numbers followed by two spaces and an Arabic word, and the
stop of a line written after its words (PyMuPDF, which also gives runs left to right, and
the run-reversal garbler write it before them: ``"،إن الجمعية العامة"``). Gated on it, each
line whose stretches are plain (Arabic, numbers, spaces and Arabic punctuation) is read back
with :func:`unparse.bidi.visual_to_logical`, where the reading is more plausible.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field

from ..arabic import ARABIC_LETTERS as _LETTER
from ..arabic import PRESENTATION_CLASS, fold_presentation_forms
from ..bidi import Unit, visual_to_logical
from ..lexicon import SUB_ITEM_LETTERS
from ..lines import Line
from .mupdf_pypdf import date_order
from .pipeline import Context, fix_each_line

_PRESENTATION_RE = re.compile(f"[{PRESENTATION_CLASS}]")
_ARABIC = "\u0621-\u065f\u066e-\u06d3\u0640"
# One token of a line: an Arabic stretch (its inner spaces and punctuation kept, in order,
# with the spaces and dash pypdf writes before it, and the stop after a number: its own),
# a run of digits, spaces, or one neutral.
_STRETCH = rf"(?:(?<=[0-9]) *[.:،؛] +| *(?:- +)?)[{_ARABIC}](?:[{_ARABIC} ،؛/.:]*[{_ARABIC}])?[:،؛]?"
_TOKEN_RE = re.compile(rf"(?P<R>{_STRETCH})|(?P<EN>[0-9]+)|(?P<SP> +)|(?P<N>.)")
# What a line may hold to be read back: anything else (brackets, Latin, quotes) is left to
# the run-order step.
_PLAIN_RE = re.compile(rf"[{_ARABIC}0-9 ،؛:./\-]+")
_DOUBLE_RE = re.compile(rf"[0-9]  [{_LETTER}]")
_GLUED_RE = re.compile(rf"[{_LETTER}][0-9]")
_LED_RE = re.compile(rf"^ ?[،؛.:]+[{_LETTER}]", re.M)
_ENDED_RE = re.compile(rf"[{_LETTER}][،؛.:]$", re.M)
# A proclitic letter written against the number that follows it: "و6", "ب2023".
_PROCLITIC_RE = re.compile(r"(?:^|(?<= ))[وبلكف]$")


class PypdfDates(BaseModel):
    """What both pypdf fingerprints count: the order of a date's year and month, which
    tells pypdf's left-to-right runs (Chromium, fpdf2) from its lines in reading order
    (LibreOffice, :class:`~unparse.repair.pypdf_joints.PypdfJoints`)."""

    model_config = ConfigDict(frozen=True)

    years_first: int = Field(0, description='Dates whose year comes before its month ("2023  كانون").')
    years_last: int = Field(0, description='Dates whose year follows its month ("ديسمبر2023").')
    repaired: int = Field(0, description="Lines repaired.")


class PypdfRuns(PypdfDates):
    """The evidence that a text is pypdf's: counted on the raw lines."""

    double_spaced: int = Field(description='Numbers followed by two spaces and a word ("2023  كانون").')
    stop_last: int = Field(description='Lines whose stop follows their last word ("العامة،").')
    stop_first: int = Field(description='Lines whose stop leads the line ("،إن"): PyMuPDF, run reversal.')

    @property
    def pypdf(self) -> bool:
        """Three double-spaced joints or more, stops last six times as often as first, and
        more dates read year first than month first (pypdf on LibreOffice PDFs gives its
        lines in reading order, with the same joints)."""
        return (
            self.double_spaced >= 3
            and self.stop_last >= 6 * max(self.stop_first, 1)
            and self.years_first > self.years_last
        )


def pypdf_evidence(lines: list[Line]) -> PypdfRuns:
    """Count the fingerprint on ``lines``.

    >>> pypdf_evidence([Line(1, "2023  كانون الأول/ديسمبر7 قرار"), Line(2, "إن الجمعية العامة،")])
    PypdfRuns(years_first=1, years_last=0, repaired=0, double_spaced=1, stop_last=1, stop_first=0)
    """
    double = last = first = 0
    for line in lines:
        text = line.text
        double += len(_DOUBLE_RE.findall(text))
        last += _ENDED_RE.search(text) is not None
        first += _LED_RE.search(text) is not None
    return PypdfRuns(double_spaced=double, stop_last=last, stop_first=first, **count_dates(lines))


def count_dates(lines: list[Line]) -> dict[str, int]:
    """The date fields of a pypdf fingerprint (:class:`PypdfDates`), counted on ``lines``
    (:func:`~unparse.repair.mupdf_pypdf.date_order`): both fingerprints count them so.

    >>> count_dates([Line(1, "2023  كانون الأول/ديسمبر7 قرار"), Line(2, "المؤرخ 5 أيار/مايو 2024،")])
    {'years_first': 1, 'years_last': 1}
    """
    dates = date_order("\n".join(line.text for line in lines))
    return {"years_first": dates.year_then_month, "years_last": dates.month_then_year}


def _space(text: str) -> str:
    """One space between a number and an Arabic word, except after a proclitic letter."""
    text = re.sub(" {2,}", " ", text).strip(" ").replace(" ،", "،").replace(" ؛", "؛").replace(" .", ".")
    text = re.sub(rf"(?<=[0-9])(?=[{_LETTER}])", " ", text)
    out: list[str] = []
    last = 0
    for m in _GLUED_RE.finditer(text):
        cut = m.start() + 1
        if not _PROCLITIC_RE.search(text, 0, cut):
            out.append(text[last:cut] + " ")
            last = cut
    out.append(text[last:])
    return "".join(out)


def read_pypdf_line(text: str) -> str:
    """A line of plain stretches given left to right, back in reading order.

    Real (pypdf on fpdf2, ga-res-78-96, dev):

    >>> read_pypdf_line("2023  كانون الأول/ديسمبر7 قرار اتخذته الجمعية العامة في")
    'قرار اتخذته الجمعية العامة في 7 كانون الأول/ديسمبر 2023'
    >>> read_pypdf_line("،2021  كانون الأول/ديسمبر6")
    '6 كانون الأول/ديسمبر 2021،'
    >>> read_pypdf_line("6 بلايين و3 وإذ تعرب عن قلقها بين")
    'وإذ تعرب عن قلقها بين 3 بلايين و6'
    >>> read_pypdf_line(" - تثني على اليونسكو في حالة2")
    '2 - تثني على اليونسكو في حالة'
    >>> read_pypdf_line(" - ويوصي الأمين العام بأن تنظر الدول الأعضاء في القيام بما يلي:32 ")
    '32 - ويوصي الأمين العام بأن تنظر الدول الأعضاء في القيام بما يلي:'
    >>> read_pypdf_line(" بلدا نظام84  - ولا تزال جودة البيانات تمثل تحديا كبيرا. فلا يتوافر لدى سوى7 ")
    '7 - ولا تزال جودة البيانات تمثل تحديا كبيرا. فلا يتوافر لدى سوى 84 بلدا نظام'

    A stop that leads the line ends it; one after a number starts the stretch after it:

    >>> read_pypdf_line(". نسمة خلال الفترتين نفسيهما000 100 لكل ")
    'لكل 100 000 نسمة خلال الفترتين نفسيهما.'
    >>> read_pypdf_line(" منها14 . ولاحظت اللجنة أن البرنامج نظم2024 ")
    '2024. ولاحظت اللجنة أن البرنامج نظم 14 منها'
    >>> read_pypdf_line(" قطعة أثرية إلى000 5 ، ومنها إعادة أكثر من76/16 منذ اتخاذ قرارها")
    'منذ اتخاذ قرارها 76/16، ومنها إعادة أكثر من 5 000 قطعة أثرية إلى'

    A line of one stretch, one holding brackets or Latin, or one whose dates read worse
    (pypdf on LibreOffice: its lines in order) stays:

    >>> read_pypdf_line("قرار اتخذته الجمعية العامة في 7  كانون الأول/ديسمبر2023")
    'قرار اتخذته الجمعية العامة في 7  كانون الأول/ديسمبر2023'


    >>> read_pypdf_line("إن الجمعية العامة،"), read_pypdf_line("الوثيقة A/78/1")
    ('إن الجمعية العامة،', 'الوثيقة A/78/1')
    """
    if not _PLAIN_RE.fullmatch(text) or not any(c.isdigit() for c in text):
        return text
    units = [Unit(m.group(), m.lastgroup or "N") for m in _TOKEN_RE.finditer(text)]
    if sum(u.kind == "R" for u in units) < 1:
        return text
    fixed = _space(visual_to_logical(units, rtl=True))
    return fixed if _dates_score(fixed) >= _dates_score(text) else text


def _dates_score(text: str) -> int:
    """Dates read in order less dates read year first: a reading must not lower it."""
    dates = date_order(text)
    return dates.month_then_year - dates.year_then_month


def read_pypdf_lines(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: in a text whose fingerprint says pypdf (:class:`PypdfRuns`, kept in
    ``facts["pypdf_runs"]``), each plain line with a pypdf joint (a number glued to the word
    before it, or two spaces after it) is read back in order (:func:`read_pypdf_line`).
    """
    if ctx.facts.get("logical_order") is True:
        return lines
    evidence = pypdf_evidence(lines)
    # Chromium's text comes in presentation forms: the fingerprint is counted on the
    # letters, and only the labels are read there (the run-order step reads those lines'
    # stretches better than read_pypdf_line does).
    shaped = not evidence.pypdf and _PRESENTATION_RE.search("".join(line.text for line in lines[:200]))
    if shaped:
        evidence = pypdf_evidence([Line(line.number, fold_presentation_forms(line.text)) for line in lines])
    if not evidence.pypdf:
        return lines
    out: list[Line] = []
    repaired = 0
    for line in lines:
        text = fold_presentation_forms(line.text) if shaped else line.text
        fixed = label_last_first(text)
        if (
            fixed == text
            and not shaped
            and (_GLUED_RE.search(text) or _DOUBLE_RE.search(text) or text.startswith(" - "))
        ):
            fixed = read_pypdf_line(text)
        if fixed != text:
            ctx.record("pypdf_order", line.number, line.text, fixed)
            line = Line(line.number, fixed, line.page)
            repaired += 1
        out.append(line)
    ctx.facts["pypdf_runs"] = evidence.model_copy(update={"repaired": repaired})
    return out


# A sub-item's letter (the pypdf joints step reads its labels with it too).
ITEM_LETTER = "(?:" + "|".join(SUB_ITEM_LETTERS) + ")"
# A line a label may not lead: an agenda item's ("البند 18 من جدول الأعمال (ج )").
_NOT_ITEM_RE = re.compile(r"^(?:البند|البنود)\b")
# A line of words alone (no number, Latin or bracket) whose sub-item label pypdf gave
# last: " إنشاء مراصد وطنية ... سنويا.( ج) ".
_LABEL_LAST_RE = re.compile(
    rf"^ *(?P<body>[{_LETTER}][{_ARABIC} ،؛:.«»\-]*?) *\( ?(?P<label>{ITEM_LETTER}) ?\) *$"
)


def label_last_first(text: str) -> str:
    """A line of words whose sub-item label pypdf gave after them (the label is the
    line's first stretch, drawn rightmost), the label put first.

    Real (pypdf on Chromium, sg-a-78-245-road-safety, dev, folded, a few words cut):

    >>> label_last_first(" إنشاء مراصد وطنية للسلامة على الطرق تتولى جمع البيانات ونشرها سنويا.( ج) ")
    '(ج) إنشاء مراصد وطنية للسلامة على الطرق تتولى جمع البيانات ونشرها سنويا.'
    >>> label_last_first(" إنشاء مجلس وطني للسلامة على الطرق يرأسه رئيس الوزراء ويضم ممثلين (أ )")
    '(أ) إنشاء مجلس وطني للسلامة على الطرق يرأسه رئيس الوزراء ويضم ممثلين'

    A line holding a number is left to the steps that read its runs; a label in place stays:

    >>> label_last_first("بين 2 و10 في المائة (ب )"), label_last_first("(ب) تعزيز نظم الإنذار")
    ('بين 2 و10 في المائة (ب )', '(ب) تعزيز نظم الإنذار')
    """
    m = _LABEL_LAST_RE.match(text)
    if m is None or _NOT_ITEM_RE.match(m["body"]):
        return text
    return f"({m['label']}) {m['body']}"


def read_lines(ctx: Context) -> dict[int, str]:
    """The lines this step read back (number → text as given): the run-order step leaves
    them as they are, and counts its document evidence on them as given."""
    return {fix.line: fix.before for fix in ctx.fixes if fix.kind == "pypdf_order"}


# A sub-item's label with a space inside its brackets, leading the line: "( ب) تعزيز".
_SPACED_LABEL_RE = re.compile(rf"^\( ?({ITEM_LETTER}) ?\) (?=[{_LETTER}])")
# The label given last, after the line's words: "تحسين فهم الآثار ... عن (أ )".
_LAST_LABEL_RE = re.compile(rf"^ *(?P<body>[{_LETTER}][^()]*[^ ()]) \((?P<label>{ITEM_LETTER}) ?\) *$")


def item_label_first(text: str) -> str:
    """A sub-item's label as pypdf's stretches leave it once read back, in its place: the
    space inside its brackets dropped, a label given after the line's words put first.

    Real (pypdf on Chromium, ga-res-79-145 and sg-a-78-245-road-safety, dev):

    >>> item_label_first("( ب) تعزيز نظم الإنذار المبكر بالأخطار المتعددة")
    '(ب) تعزيز نظم الإنذار المبكر بالأخطار المتعددة'
    >>> item_label_first("إنشاء مجلس وطني للسلامة على الطرق يرأسه رئيس الوزراء ويضم ممثلين (أ )")
    '(أ) إنشاء مجلس وطني للسلامة على الطرق يرأسه رئيس الوزراء ويضم ممثلين'

    An agenda item's label stays where it is (its place is after the number):

    >>> item_label_first("البند 18 من جدول الأعمال (ج )*"), item_label_first("(ب) تعزيز نظم")
    ('البند 18 من جدول الأعمال (ج )*', '(ب) تعزيز نظم')
    """
    m = _SPACED_LABEL_RE.match(text)
    if m is not None:
        return f"({m[1]}) {text[m.end() :]}"
    m = _LAST_LABEL_RE.match(text)
    if m is not None and not _NOT_ITEM_RE.match(text):
        return f"({m['label']}) {m['body']}"
    return text


def restore_pypdf_labels(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step, once the run-order step has read the lines: in a text the pypdf
    fingerprint said (``facts["pypdf_runs"]``), each sub-item label in its place
    (:func:`item_label_first`)."""
    evidence = ctx.facts.get("pypdf_runs")
    if not isinstance(evidence, PypdfRuns) or not evidence.pypdf:
        return lines
    return fix_each_line(lines, ctx, "pypdf_labels", item_label_first)
