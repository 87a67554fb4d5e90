"""What pypdf (``extract_text``) does to the joints of LibreOffice's lines, and its repair.

LibreOffice writes a line's bidi runs in reading order, the glyphs of each right-to-left run
from left to right; pypdf turns each run back but keeps what it met first where it was, so
a run's last space goes before it, against the number in front (``"49/12  المؤرخ31
آذار/مارس2022،"`` for ``"49/12 المؤرخ 31 آذار/مارس 2022،"``), a number's slash after it
(``"77 164/"`` for ``"77/164"``) and a paragraph number's dash at the end of the line's
first run (``"4   وتفيد البيانات التي أبلغت عنها -143 دولة"``). Its fingerprint
(:class:`PypdfJoints`): those joints, the dates in reading order (pypdf on Chromium's and
fpdf2's PDFs gives the runs left to right: :mod:`.pypdf_runs`). Gated on it, each fixer
changes a line only where its shape is pypdf's and nothing else writes it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pydantic import Field

from ..arabic import ARABIC_LETTERS as _LETTER
from ..lexicon import GREGORIAN_MONTHS, LEVANTINE_MONTHS, SECTION_LETTERS, SECTION_ORDINALS
from ..lines import Line
from .digits import WESTERN_DIGITS
from .pipeline import Context, fix_each_line
from .pypdf_runs import ITEM_LETTER, PypdfDates, count_dates

_DIGIT = "0-9\u0660-\u0669"
# A number split from its slash: "77 164/" (not a group of a larger number, "1 000 5/").
_SLASH_RE = re.compile(r"(?<![0-9/])(?<![0-9] )([0-9]+) ([0-9]+)/(?![0-9])")
# A run's last space moved before it: after a number (or its closing bracket), two spaces
# or more, an Arabic stretch (letters, marks, single spaces, slashes, Arabic commas) and,
# glued to it, the next number.
_MOVED_SPACE_RE = re.compile(
    rf"(?<=[0-9)]) {{2,}}([{_LETTER}](?:[{_LETTER}\u064b-\u065f\u0640/\u060c\u061b]| (?! ))*"
    rf"[{_LETTER}\u064b-\u065f\u060c\u061b])(?=[0-9])"
)
# A run's last space moved before it, where the run starts with its comma: "2023 ، وخصص يومي6".
_MOVED_COMMA_RE = re.compile(
    rf"(?<=[0-9]) ([\u060c\u061b](?: ?[{_LETTER}\u064b-\u065f\u0640/])*[{_LETTER}\u064b-\u065f])(?=[0-9])"
)
# A month pair whose slash pypdf gave after it: "حزيرانيونيه /2023" for "حزيران/يونيه 2023".
# (No month name is the start of another: the order of the alternatives does not matter.)
_LEVANT = "(?:" + "|".join(LEVANTINE_MONTHS) + ")"
_GREGORIAN = "(?:" + "|".join(GREGORIAN_MONTHS) + ")"
_MONTH_PAIR_RE = re.compile(rf"({_LEVANT})({_GREGORIAN}) /(?!/)(?=(.?))")
# A paragraph number leading the line, two spaces or more, and its dash at the end of the
# line's first run: before the line's next number, or last.
_NUMBER_DASH_RE = re.compile(
    rf"^(?P<n> ?[{_DIGIT}]{{1,3}}) {{2,}}(?P<body>[{_LETTER}](?:(?! -).)*?) -(?P<after>[{_DIGIT}].*| *)$"
    rf"|^(?P<n2> ?[{_DIGIT}]{{1,3}})(?P<stop>[:.]) {{1,}}(?P<body2>[{_LETTER}](?:(?! -).)*?) - *$"
)
# A section's ordinal given after its title, the dash last: "  مقدمة ًأولا-".
_ORDINALS = "|".join(o.replace("\u064b", "") for o in SECTION_ORDINALS if " " not in o)
_ORDINAL_LAST_RE = re.compile(rf"^ *(?P<body>[{_LETTER}][^-]*?) (?P<tanwin>\u064b?)(?P<ord>{_ORDINALS})- *$")
# A section letter, two spaces and its title, the dash last: "ألف  الجدول الزمني -".
_SECTION_LETTERS = "|".join(SECTION_LETTERS)
_LETTER_DASH_RE = re.compile(rf"^(?P<label>{_SECTION_LETTERS}) {{2,}}(?P<body>[{_LETTER}][^-()]*?) - *$")
# A sub-item's letter whose brackets pypdf gave last: "ج استخدام المهربين ...؛ () ", or the
# letter after a number: "البند 77 أ من جدول الأعمال () ".
_ITEM_LAST_RE = re.compile(
    rf"^(?P<pre> ?|.*?[{_DIGIT}] )(?P<label>{ITEM_LETTER}) (?P<body>[{_LETTER}][^()]*?)"
    r" \(\)(?P<star> ?\*?) *$"
)
# A kashida glyph read as a digit (the kashida step's business): a digit between letters,
# or repeated after one.
_KASHIDA_DIGIT_RE = re.compile(rf"[{_LETTER}]([0-9])(?:\1*[{_LETTER}]|\1+ )")


_ASCII_DIGITS = frozenset(WESTERN_DIGITS)


def _follows(text: str, sep: str, before: frozenset[str]) -> bool:
    """Whether ``sep`` occurs in ``text`` right after a character of ``before``: plain
    substring search, far cheaper than a pattern on text that seldom holds ``sep``."""
    at = text.find(sep, 1)
    while at > 0:
        if text[at - 1] in before:
            return True
        at = text.find(sep, at + 1)
    return False


def _split_slash_possible(text: str) -> bool:
    """Whether some slash in ``text`` follows digits that follow a digit and a space."""
    at = text.find("/")
    while at >= 0:
        start = at
        while start > 0 and text[start - 1] in _ASCII_DIGITS:
            start -= 1
        if start < at and start >= 2 and text[start - 1] == " " and text[start - 2] in _ASCII_DIGITS:
            return True
        at = text.find("/", at + 1)
    return False


def _joint_kinds_possible(text: str) -> int:
    """How many of the fingerprint's four kinds of joint ``text`` may hold (an upper bound:
    what each kind needs at the least), a cheap test that a text, clean text above all,
    cannot reach the fingerprint's two kinds before counting them line by line.

    >>> _joint_kinds_possible("المؤرخ31  آذار/مارس2022\\nفي قرارها77 164/")
    2
    >>> _joint_kinds_possible("3 - تواصل")
    1
    """
    spaces = (
        _follows(text, "  ", _ASCII_DIGITS | {")"})
        or _follows(text, " \u060c", _ASCII_DIGITS)
        or _follows(text, " \u061b", _ASCII_DIGITS)
    )
    dashes = " -" in text or "()" in text or any(line.rstrip(" ").endswith("-") for line in text.split("\n"))
    return spaces + _split_slash_possible(text) + (" /" in text) + dashes


class PypdfJoints(PypdfDates):
    """The evidence that a text is pypdf's of a LibreOffice PDF: counted on the raw lines."""

    moved_spaces: int = Field(description='Runs whose last space went before them ("31  آذار/مارس2022").')
    split_slashes: int = Field(description='Numbers whose slash follows them ("77 164/").')
    glued_months: int = Field(description='Month pairs whose slash follows them ("حزيرانيونيه /2023").')
    moved_dashes: int = Field(
        description='Labels whose dash or brackets went to the end of the first run ("4   وتفيد ... -143").'
    )

    @property
    def pypdf(self) -> bool:
        """Four joints or more of pypdf's kinds, of two kinds at least, and the dates read
        in order (no more year first than month first)."""
        counts = (self.moved_spaces, self.split_slashes, self.glued_months, self.moved_dashes)
        return sum(counts) >= 4 and sum(c > 0 for c in counts) >= 2 and self.years_last >= self.years_first


def joints_evidence(lines: list[Line]) -> PypdfJoints:
    """Count the fingerprint on ``lines``.

    >>> e = joints_evidence([Line(1, "49/12  المؤرخ31  آذار/مارس2022،"), Line(2, "في قرارها77 164/")])
    >>> e.moved_spaces, e.split_slashes, e.glued_months, e.moved_dashes, e.years_last, e.pypdf
    (2, 1, 0, 0, 1, False)
    """
    spaces = slashes = months = dashes = 0
    for line in lines:
        text = line.text
        spaces += len(_MOVED_SPACE_RE.findall(text)) + len(_MOVED_COMMA_RE.findall(text))
        slashes += len(_SLASH_RE.findall(text))
        months += len(_MONTH_PAIR_RE.findall(text))
        dashes += restore_label(text) != text
    return PypdfJoints(
        moved_spaces=spaces,
        split_slashes=slashes,
        glued_months=months,
        moved_dashes=dashes,
        **count_dates(lines),
    )


def join_slash_numbers(text: str) -> str:
    """A number's slash given after it, put back between its parts.

    Real (pypdf on LibreOffice, sg-a-78-267-disaster-risk, dev):

    >>> join_slash_numbers("م هذا التقرير عملا بقرار الجمعية العامة َّيقد77 164/رز66دم المح66ة")
    'م هذا التقرير عملا بقرار الجمعية العامة َّيقد77/164رز66دم المح66ة'
    >>> join_slash_numbers("(1)  قرار الجمعية العامة69 283/.، المرفق الثاني")
    '(1)  قرار الجمعية العامة69/283.، المرفق الثاني'

    A group of a larger number stays: ``"1 000 5/"`` is not ``"1 000/5"``.

    >>> join_slash_numbers("نحو 1 000 5/ وحدة"), join_slash_numbers("القرار 77/164")
    ('نحو 1 000 5/ وحدة', 'القرار 77/164')
    """
    return _SLASH_RE.sub(r"\1/\2", text)


def join_month_pairs(text: str) -> str:
    """A month pair's slash, which pypdf gave after the pair, put back between its names.

    Real (pypdf on LibreOffice, report-ctoc-cop-wg3-2023-4-intl-cooperation and
    ga-res-79-145, dev):

    >>> join_month_pairs("الفترة من 5  إلى7  حزيرانيونيه /2023 ، وخصص")
    'الفترة من 5  إلى7  حزيران/يونيه 2023 ، وخصص'
    >>> join_month_pairs("المؤرخ 11  كانون الأولديسمبر /2024")
    'المؤرخ 11  كانون الأول/ديسمبر 2024'
    >>> join_month_pairs("في آبأغسطس /"), join_month_pairs("المؤرخ 11 كانون الأول/ديسمبر 2024")
    ('في آب/أغسطس', 'المؤرخ 11 كانون الأول/ديسمبر 2024')
    """
    return _MONTH_PAIR_RE.sub(lambda m: f"{m[1]}/{m[2]}" + (" " if m[3] not in ("", " ") else ""), text)


def restore_moved_spaces(text: str) -> str:
    """A run's last space, which pypdf wrote before it, put back after it.

    Real (pypdf on LibreOffice, hrc-res-53-18, dev):

    >>> restore_moved_spaces("49/12  المؤرخ31  آذار/مارس2022،")
    '49/12 المؤرخ 31 آذار/مارس 2022،'
    >>> restore_moved_spaces("خاص ذوي الإعاقة(1)   قد بلغ189")
    'خاص ذوي الإعاقة(1)  قد بلغ 189'

    A run led by its comma (report-ctoc-cop-wg3-2023-4-intl-cooperation, dev):

    >>> restore_moved_spaces("الفترة من 5 إلى7  حزيران/يونيه2023 ، وخصص يومي6 و7")
    'الفترة من 5 إلى7 حزيران/يونيه 2023، وخصص يومي 6 و7'

    A proclitic glued to its number, one space, or a kashida line, stays:

    >>> restore_moved_spaces("بين 3 بلايين و6"), restore_moved_spaces("ترة66 خلال الف2012")
    ('بين 3 بلايين و6', 'ترة66 خلال الف2012')
    """
    if _KASHIDA_DIGIT_RE.search(text):
        return text
    text = _MOVED_COMMA_RE.sub(r"\1 ", text)
    return _MOVED_SPACE_RE.sub(lambda m: m.group()[1:] + " ", text)


def number_dash_first(text: str) -> str:
    """A paragraph number's dash, which pypdf wrote at the end of the line's first run, put
    back after the number.

    Real (pypdf on LibreOffice, sg-a-78-267-disaster-risk, dev):

    >>> number_dash_first("4   وتفيد البيانات التي أبلغت عنها -143 دولة عضوا")
    '4 - وتفيد البيانات التي أبلغت عنها 143 دولة عضوا'
    >>> number_dash_first("3   تواصل الكوارث إلحاق خسائر فادحة بالأرواح وسبل العيش. ففي عام -2022 جلت")
    '3 - تواصل الكوارث إلحاق خسائر فادحة بالأرواح وسبل العيش. ففي عام 2022 جلت'
    >>> number_dash_first("2  يهيب بالدول أن تكفل وصول الأشخاص ذوي الإعاقة -")
    '2 - يهيب بالدول أن تكفل وصول الأشخاص ذوي الإعاقة'

    The line's stop, given after the number, goes back last (ga-res-79-145, dev):

    >>> number_dash_first("5:  تحث الدول على أن تقوم بما يلي، على النحو المناسب ووفقا لقدراتها الوطنية -")
    '5 - تحث الدول على أن تقوم بما يلي، على النحو المناسب ووفقا لقدراتها الوطنية:'

    A line whose dash is where it belongs, or a range, stays:

    >>> number_dash_first("3 - تواصل الكوارث"), number_dash_first("25  تموز/يوليه2022 - 26  تموز/يوليه2023")
    ('3 - تواصل الكوارث', '25  تموز/يوليه2022 - 26  تموز/يوليه2023')
    """
    m = _NUMBER_DASH_RE.match(text)
    if m is None:
        return text
    if m["n2"] is not None:
        return f"{m['n2'].strip()} - {m['body2'].rstrip()}{m['stop']}"
    after = m["after"].strip()
    return f"{m['n'].strip()} - {m['body'].rstrip()}" + (f" {after}" if after else "")


def section_label_first(text: str) -> str:
    """A section heading whose ordinal or letter pypdf gave after the title, or whose dash
    it gave last, in the order the UN writes it.

    Real (pypdf on LibreOffice, report-ctoc-cop-wg3-2023-4-intl-cooperation, dev):

    >>> section_label_first("  مقدمة ًأولا-")
    'أولاً - مقدمة'
    >>> section_label_first("ألف  جمع الأدلة الإلكترونية وتبادلها -")
    'ألف - جمع الأدلة الإلكترونية وتبادلها'
    >>> section_label_first("أولاً - مقدمة"), section_label_first("ألف - الجدول الزمني")
    ('أولاً - مقدمة', 'ألف - الجدول الزمني')
    """
    m = _ORDINAL_LAST_RE.match(text)
    if m is not None:
        return f"{m['ord']}{m['tanwin']} - {m['body'].strip()}"
    m = _LETTER_DASH_RE.match(text)
    if m is not None:
        return f"{m['label']} - {m['body'].strip()}"
    return text


def item_brackets_first(text: str) -> str:
    """A sub-item letter whose brackets pypdf gave at the end of the line, bracketed again.

    Real (pypdf on LibreOffice, ctoc-cop-dec-10-4 and sg-a-78-267-disaster-risk, dev):

    >>> item_brackets_first("ج استخدام المهربين لوسائل التواصل الاجتماعي في الترويج لخدماتهم؛ () ")
    '(ج) استخدام المهربين لوسائل التواصل الاجتماعي في الترويج لخدماتهم؛'
    >>> item_brackets_first("البند 19 ج من القائمة الأولية () *")
    'البند 19 (ج) من القائمة الأولية *'
    >>> item_brackets_first("(ج) استخدام المهربين")
    '(ج) استخدام المهربين'
    """
    m = _ITEM_LAST_RE.match(text)
    if m is None:
        return text
    return f"{m['pre'].lstrip()}({m['label']}) {m['body'].rstrip()}{m['star'].rstrip()}"


def restore_label(text: str) -> str:
    """A line's label (paragraph number, section ordinal or letter, sub-item letter) with
    the punctuation pypdf moved put back (:func:`number_dash_first`,
    :func:`section_label_first`, :func:`item_brackets_first`)."""
    return item_brackets_first(section_label_first(number_dash_first(text)))


def _fix(
    lines: list[Line], ctx: Context, evidence: PypdfJoints, fixers: list[tuple[str, Callable[[str], str]]]
) -> list[Line]:
    """Each fixer on every line (its fixes recorded under its kind), the lines repaired
    counted on the evidence kept in ``facts["pypdf_joints"]``."""
    before = len(ctx.fixes)
    for kind, fixer in fixers:
        lines = fix_each_line(lines, ctx, kind, fixer)
    repaired = evidence.repaired + len(ctx.fixes) - before
    ctx.facts["pypdf_joints"] = evidence.model_copy(update={"repaired": repaired})
    return lines


def _evidence(lines: list[Line], ctx: Context) -> PypdfJoints | None:
    """The fingerprint, counted on the lines as given (before any step changed them)."""
    if ctx.facts.get("logical_order") is True:
        return None
    joined = ctx.joined(lines)
    if _joint_kinds_possible(joined) < 2:
        return None  # two kinds at least: the fingerprint cannot say pypdf
    evidence = joints_evidence(lines)
    return evidence if evidence.pypdf else None


def repair_pypdf_slashes(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step, before the kashida step reads the runs: where the fingerprint says
    pypdf on LibreOffice (:class:`PypdfJoints`, kept in ``facts["pypdf_joints"]``), each
    number's slash (:func:`join_slash_numbers`) and month pair's (:func:`join_month_pairs`)
    put back."""
    evidence = _evidence(lines, ctx)
    if evidence is None:
        return lines
    return _fix(
        lines, ctx, evidence, [("pypdf_slashes", join_slash_numbers), ("pypdf_months", join_month_pairs)]
    )


def repair_pypdf_joints(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step, once the kashida step has read its lines: under the same fingerprint,
    each paragraph number's dash (:func:`number_dash_first`) and each run's last space
    (:func:`restore_moved_spaces`) put back."""
    known = ctx.facts.get("pypdf_joints")
    if not isinstance(known, PypdfJoints):
        return lines  # the fingerprint, counted on the raw lines, did not say pypdf
    return _fix(lines, ctx, known, [("pypdf_labels", restore_label), ("pypdf_spaces", restore_moved_spaces)])
