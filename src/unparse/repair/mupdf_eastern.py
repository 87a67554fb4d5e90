"""What PyMuPDF does to the Eastern numbers of a line whose runs it gives in page order.

On Chromium's PDFs PyMuPDF (``page.get_text()``) gives the runs of a line from left to right,
each run reading in order (:mod:`.mupdf_runs`). A Western number is a run of its own, glued
to the end of the run on its left (the run that follows it in reading order):
``"، الذي اعتمدت فيه الجمعية الإعلان السياسي76/294  يق َّد م هذا التقرير ...- 1"``. PyMuPDF
reads Eastern digits as right-to-left letters instead: the number joins that run at its
start, reversed (``"٨٧، إلى الأمين العام ... والسبعين/٩٢٢  طلبت ..."`` for ``٧٨/٢٢٩``; a
slash ends the joint, so the number's second part stays at the run's end). Once
:func:`.mupdf_pypdf.reverse_eastern_numbers` has read the digits back, the run-order step
would take the number for a run of its own at the line's start and put it last.

:func:`eastern_number_last` gives the number back its Western place, glued to the end of its
run, where the run's end is certain (the extractor's two spaces after it, or the number's
own second part); the run-order step then reads the line as it reads Western ones. The
count is a typed record (:class:`EasternRuns`) kept in ``facts["eastern_runs"]``.
"""

from __future__ import annotations

import regex
from pydantic import BaseModel, ConfigDict, Field

from ..lines import Line
from .mupdf_pypdf import EasternDigits
from .pipeline import Context, _fix_some_lines
from .pypdf_runs import PypdfRuns

_EASTERN = "\u0660-\u0669"
# A run that starts with an Eastern number (its slashes and decimal commas inside it) and
# goes on with Arabic (after a comma or a space), up to the extractor's two spaces or the
# number's second part glued to its end.
_RUN_RE = regex.compile(
    rf"(?:^|(?<=  |\)[{_EASTERN}]{{1,3}}\())(?P<number>[{_EASTERN}]+(?:[/,٫][{_EASTERN}]+)*)"
    rf"(?P<rest>[،؛]? ?\p{{Arabic}}[^{_EASTERN}0-9A-Za-z()/،؛]*?\p{{Arabic}})"
    rf"(?:(?P<second>/[{_EASTERN}]+)(?=  |$)|(?=  \S))"
)


class EasternRuns(BaseModel):
    """The evidence for :func:`place_eastern_numbers`: lines whose Eastern number starts a
    run that ends where the extractor shows it."""

    model_config = ConfigDict(frozen=True)

    lines: int = Field(description="Lines with an Eastern number at the start of a run whose end is shown.")

    @property
    def placed(self) -> bool:
        return self.lines >= 1


def eastern_number_last(text: str) -> str:
    """An Eastern number PyMuPDF put at the start of the run on its left, glued to that
    run's end instead, as it gives a Western number.

    Real (PyMuPDF on Chromium, sg-a-79-168-crime-programme, ``78/229`` read back):

    >>> eastern_number_last(
    ...     "٧٨، إلى الأمين العام أن يقدم إليها في دورتها التاسعة والسبعين/٢٢٩  طلبت الجمعية العامة- ١"
    ... )
    '، إلى الأمين العام أن يقدم إليها في دورتها التاسعة والسبعين٧٨/٢٢٩  طلبت الجمعية العامة- ١'

    The same number alone before the extractor's two spaces (ctoc-cop-dec-12-1, ``"... وفقا
    للمادة ١٦ من"``):

    >>> eastern_number_last("١٦ من  يدعو الدول الأطراف إلى أن توفر للمهاجرين المهربين الحماية- ٤")
    ' من١٦  يدعو الدول الأطراف إلى أن توفر للمهاجرين المهربين الحماية- ٤'

    A run whose end is not shown stays: one space before the next run, or a comma inside it
    (where the run-order step may cut it), and so does a line in reading order:

    >>> eastern_number_last("٦ من البروتوكول، وأن تكفل اعتبار  يحث الدول الأطراف على أن تجرم- ٢")
    '٦ من البروتوكول، وأن تكفل اعتبار  يحث الدول الأطراف على أن تجرم- ٢'

    >>> eastern_number_last("٤٧ في المائة من مجموع الأسلحة المضبوطة، وأن سياقات الجريمة المنظمة تمثل نحو")
    '٤٧ في المائة من مجموع الأسلحة المضبوطة، وأن سياقات الجريمة المنظمة تمثل نحو'
    >>> eastern_number_last("١ - طلبت الجمعية العامة، في قرارها ٧٨/٢٢٩، إلى الأمين العام")
    '١ - طلبت الجمعية العامة، في قرارها ٧٨/٢٢٩، إلى الأمين العام'
    """
    if "  " not in text and "/" not in text:
        return text
    return _RUN_RE.sub(lambda m: m["rest"] + m["number"] + (m["second"] or ""), text)


def place_eastern_numbers(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: in a text whose Eastern numbers PyMuPDF reversed
    (``facts["eastern_digits_reversed"]``) and whose runs are not known to be in reading
    order, on each line that shows an Eastern number at the start of a run whose end
    is shown (:func:`eastern_number_last`), glue each such number to its run's end.

    Real (PyMuPDF on Chromium, note-ctoc-cop-wg6-2024-3-firearms):
    ``"١١/٣، أن يواصل  قرر مؤتمر الأطراف ... في مقرره- ١"`` →
    ``"، أن يواصل١١/٣  قرر مؤتمر الأطراف ... في مقرره- ١"``, which the run-order step reads as
    ``"١ - قرر مؤتمر الأطراف ... في مقرره ١١/٣، أن يواصل"``.
    """
    evidence = ctx.facts.get("eastern_digits_reversed")
    if not isinstance(evidence, EasternDigits) or not evidence.reversed:
        return lines
    if ctx.facts.get("logical_order") is True or is_pypdf(ctx):
        return lines
    # The lines are scanned once: the count decides, and only the lines counted are fixed.
    changed = [i for i, line in enumerate(lines) if eastern_number_last(line.text) != line.text]
    decision = EasternRuns(lines=len(changed))
    ctx.facts["eastern_runs"] = decision
    if not decision.placed:
        return lines
    return _fix_some_lines(lines, ctx, "eastern_run", eastern_number_last, changed)


def is_pypdf(ctx: Context) -> bool:
    """The text is pypdf's (``facts["pypdf_runs"]``): its runs are not PyMuPDF's, and these
    steps, measured on PyMuPDF's, are not for it."""
    evidence = ctx.facts.get("pypdf_runs")
    return isinstance(evidence, PypdfRuns) and evidence.pypdf
