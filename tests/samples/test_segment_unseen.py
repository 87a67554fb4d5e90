"""Segmentation of kinds of Arabic UN documents that are not among the samples.

The fixtures in ``fixtures/unseen/`` are synthetic (written for these tests, see their
README) in the conventions of a Security Council resolution, a Human Rights Council
resolution (Eastern digits, bold lead verbs, superscript notes, ``'1'`` points), an ECOSOC
resolution (points ``(أ)`` … ``(ط)`` and ``(1)`` points under one of them), two General
Assembly decisions (a formula inside the sentence, with and without its comma: one
paragraph each) and a report
(contents list, ``أولاً``/``ألف`` headings in bold, notes, an annex). Each one's structure is
pinned exactly, and no line of any of them is lost.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest
import regex

import unparse
from builders import texts
from unparse import Document
from unparse.export.jsonl import records
from unparse.models import SubItem

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "unseen"


@dataclass(frozen=True)
class Expected:
    kind: str
    symbol: str | None
    body: str | None
    opening: str | None
    session: str | None
    agenda_item: str | None
    date: datetime.date | None
    title: str | None
    closing: str | None  # its first words
    closing_date: datetime.date | None
    preamble: list[str]  # leads
    # (number, lead, first three words of the text)
    paragraphs: list[tuple[int | None, str, str]]
    # owner ("pre2", "p3", "u1" for the first unnumbered paragraph, "p1/ب" for a sub-item) → labels
    sub_items: dict[str, list[str]] = field(default_factory=dict)
    footnotes: list[str] = field(default_factory=list)
    # (label, title, level, first paragraph)
    sections: list[tuple[str, str, int, int | None]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # (label, title, [(number, first three words)]) of each annex
    annexes: list[tuple[str, str | None, list[tuple[int | None, str]]]] = field(default_factory=list)


EXPECTED: dict[str, Expected] = {
    "sc-res-2467.txt": Expected(
        kind="resolution",
        symbol="S/RES/2467 (2019)",
        body="مجلس الأمن",
        opening="إن مجلس الأمن،",
        session=None,
        agenda_item=None,
        date=datetime.date(2019, 4, 23),
        title=None,
        closing=None,
        closing_date=None,
        preamble=["إذ يؤكد من جديد", "وإذ يشير", "وإذ يعرب", "وإذ يلاحظ مع التقدير", "وإذ يسلم"],
        paragraphs=[
            (1, "يطالب", "يطالب جميع أطراف"),
            (2, "يحث", "يحث الدول الأعضاء"),
            (3, "يطلب", "يطلب إلى الأمين"),
            (4, "يشجع", "يشجع الدول الأعضاء"),
            (5, "يقرر", "يقرر أن يبقي"),
        ],
        sub_items={"p2": ["أ", "ب", "ج"]},
    ),
    "hrc-res-50-3.txt": Expected(
        kind="resolution",
        symbol="A/HRC/RES/50/3",
        body="مجلس حقوق الإنسان",
        opening="إن مجلس حقوق الإنسان،",
        session="الدورة الخمسون",
        agenda_item="3",
        date=datetime.date(2022, 7, 6),
        title="الحق في التعليم",
        closing="الجلسة 42",
        closing_date=datetime.date(2022, 7, 6),
        preamble=["إذ يسترشد", "وإذ يؤكد من جديد", "وإذ يشير", "وإذ يساوره"],
        paragraphs=[
            (1, "يحث", "يحث جميع الدول"),
            (2, "يطلب", "يطلب إلى المقرر"),
            (3, "يقرر", "يقرر أن يواصل"),
        ],
        sub_items={"p1": ["أ", "ب", "ج"], "p1/ب": ["1", "2"]},
        footnotes=["1", "2", "3"],
        # The session's dates have no field yet: reported, not dropped.
        warnings=["line 11: not placed in the structure: 13 حزيران/يونيه - 8 تموز/يوليه 2022"],
    ),
    "ecosoc-res-2019-4.txt": Expected(
        kind="resolution",
        symbol="E/RES/2019/4",
        body="المجلس الاقتصادي والاجتماعي",
        opening="إن المجلس الاقتصادي والاجتماعي،",
        session="دورة عام 2019",
        agenda_item="12 (ب)",
        date=datetime.date(2019, 6, 6),
        title="دعم البلدان الخارجة من النزاعات في بناء مؤسساتها",
        closing="الجلسة العامة 21",
        closing_date=datetime.date(2019, 6, 6),
        preamble=["إذ يشير", "وإذ يضع", "وتسليما منه", "وبعد أن نظر"],
        paragraphs=[
            (1, "يرحب", "يرحب بالتقدم المحرز"),
            (2, "يطلب", "يطلب إلى مؤسسات"),
            (3, "يدعو", "يدعو الدول الأعضاء"),
            (4, "يقرر", "يقرر أن يواصل"),
        ],
        sub_items={"p2": ["أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط"], "p2/ح": ["1", "2"]},
        footnotes=["1"],
        warnings=["line 7: not placed in the structure: 26 تموز/يوليه 2018 - 24 تموز/يوليه 2019"],
    ),
    "ga-dec-75-540.txt": Expected(
        kind="decision",
        symbol="A/DEC/75/540",
        body="الجمعية العامة",
        opening=None,
        session="الدورة الخامسة والسبعون",
        agenda_item="125",
        date=None,
        title="تنشيط أعمال الجمعية العامة",
        closing="الجلسة العامة 69",
        closing_date=datetime.date(2021, 4, 29),
        preamble=[],
        paragraphs=[(None, "تقرر", "إن الجمعية العامة")],
    ),
    "ga-dec-inline.txt": Expected(
        kind="decision",
        symbol="A/DEC/74/562",
        body="الجمعية العامة",
        opening=None,
        session="الدورة الرابعة والسبعون",
        agenda_item="7",
        date=datetime.date(2020, 9, 14),
        title="إجراءات عقد الجلسات خلال الجائحة",
        closing="الجلسة العامة 101",
        closing_date=datetime.date(2020, 9, 14),
        preamble=[],
        paragraphs=[(None, "تقرر", "إن الجمعية العامة،")],
    ),
    "sg-report-water.txt": Expected(
        kind="report",
        symbol="A/77/187",
        body="الجمعية العامة",
        opening=None,
        session="الدورة السابعة والسبعون",
        agenda_item="69 (ب)",
        date=datetime.date(2022, 7, 18),
        title="الحق في مياه الشرب المأمونة وخدمات الصرف الصحي",
        closing=None,
        closing_date=None,
        preamble=[],
        paragraphs=[
            (1, "يقدم", "يقدم هذا التقرير"),
            (2, "وفي", "وفي 15 شباط/فبراير"),
            (3, "أفادت", "أفادت دول عديدة"),
            (4, "وأبلغت", "وأبلغت دول أخرى"),
            (5, "يوصي", "يوصي الأمين العام"),
        ],
        sub_items={"p3": ["أ", "ب", "ج"], "p5": ["أ", "ب"], "p5/أ": ["1", "2"]},
        footnotes=["*", "1", "2"],
        sections=[
            ("أولاً", "مقدمة", 1, 1),
            ("ثانياً", "الإطار القانوني والسياساتي", 1, 3),
            ("ألف", "التشريعات الوطنية", 2, 3),
            ("باء", "السياسات والبرامج", 2, 4),
            ("ثالثاً", "الاستنتاجات والتوصيات", 1, 5),
        ],
        # The annex is apart from the report's paragraphs: its list is unnumbered text.
        annexes=[("المرفق", "قائمة الدول التي قدمت ردوداً", [(None, "الأرجنتين، إسبانيا، البرتغال،")])],
    ),
}


@cache
def parsed(name: str) -> Document:
    return unparse.parse(FIXTURES / name)


def _sub_items(d: Document) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}

    def walk(owner: str, items: list[SubItem]) -> None:
        if items:
            found[owner] = [s.label for s in items]
        for s in items:
            walk(f"{owner}/{s.label}", s.sub_items)

    for i, p in enumerate(d.preamble, start=1):
        walk(f"pre{i}", p.sub_items)
    unnumbered = 0
    for p in d.paragraphs:
        if p.number is None:
            unnumbered += 1
        walk(f"p{p.number}" if p.number is not None else f"u{unnumbered}", p.sub_items)
    return found


def test_every_fixture_is_pinned() -> None:
    assert sorted(p.name for p in FIXTURES.glob("*.txt")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_structure(name: str) -> None:
    e, d = EXPECTED[name], parsed(name)
    assert (d.kind, d.symbol, d.organ, d.preamble_opening) == (e.kind, e.symbol, e.body, e.opening)
    assert (d.session, d.agenda_item, d.date, d.title) == (e.session, e.agenda_item, e.date, e.title)
    assert (d.closing or "").startswith(e.closing or "") and (d.closing is None) == (e.closing is None)
    assert d.closing_date == e.closing_date
    assert [p.lead for p in d.preamble] == e.preamble
    assert all(p.number is None for p in d.preamble)
    assert [(p.number, p.lead, " ".join(p.text.split()[:3])) for p in d.paragraphs] == e.paragraphs
    assert _sub_items(d) == e.sub_items
    assert [f.marker for f in d.footnotes] == e.footnotes
    assert [(s.label, s.title, s.level, s.first_paragraph) for s in d.sections] == e.sections
    assert d.warnings == e.warnings
    assert [
        (a.label, a.title, [(p.number, " ".join(p.text.split()[:3])) for p in a.paragraphs])
        for a in d.annexes
    ] == e.annexes
    assert d.operative == (d.paragraphs if e.kind in ("resolution", "decision") else [])


def test_security_council_has_no_title_and_no_closing() -> None:
    d = parsed("sc-res-2467.txt")
    assert d.paragraphs[-1].text == "يقرر أن يبقي المسألة قيد نظره الفعلي."
    assert d.preamble[0].text.endswith("الصادرة عن رئيسه،")


def test_human_rights_council_notes_and_points() -> None:
    d = parsed("hrc-res-50-3.txt")
    # Superscript markers become references; the bold lead verb is plain text.
    assert [r.marker for r in d.preamble[1].footnote_refs] == ["1", "2"]
    assert "⁽" not in d.preamble[1].text and "**" not in d.paragraphs[0].text
    assert [r.marker for r in d.paragraphs[1].footnote_refs] == ["3"]
    point = d.paragraphs[0].sub_items[1]
    assert point.text == "تحسين نوعية التعليم في جميع مستوياته، بما في ذلك عن طريق:"
    assert [s.text for s in point.sub_items] == [
        "تدريب المعلمين وتحسين ظروف عملهم؛",
        "توفير المواد التعليمية الملائمة؛",
    ]
    assert d.footnotes[2].text == "A/HRC/53/27."
    assert d.closing is not None and d.closing.endswith("[اعتُمد دون تصويت.]")


def test_ecosoc_second_level_points_are_not_footnotes() -> None:
    """``(1)`` under ``(ح) ...:`` is a point even though note 1 was cited and not yet given."""
    d = parsed("ecosoc-res-2019-4.txt")
    h = d.paragraphs[1].sub_items[7]
    assert [s.text for s in h.sub_items] == [
        "جمع بيانات مصنفة حسب الجنس؛",
        "تدريب الموظفين على تحليل المنظور الجنساني؛",
    ]
    assert d.paragraphs[1].sub_items[8].text == "تقديم تقارير منتظمة عن أنشطتها إلى المجلس؛"
    assert [(f.marker, f.text) for f in d.footnotes] == [("1", "E/2019/62.")]


def test_decision_formula_inside_the_sentence() -> None:
    # A decision in one sentence is one paragraph, formula and preambular clause included:
    # cut at "إذ" and "تقرر" it read as a preamble and an operative part it does not have.
    d = parsed("ga-dec-inline.txt")
    assert d.preamble == [] and d.preamble_opening is None
    assert d.organ == "الجمعية العامة"
    assert [p.text for p in d.paragraphs] == [
        "إن الجمعية العامة، إذ تشير إلى مقررها 74/544 المؤرخ 27 آذار/مارس 2020، تقرر تمديد العمل"
        " بالإجراء المبين في ذلك المقرر حتى نهاية دورتها الرابعة والسبعين."
    ]
    assert (d.paragraphs[0].span.start_line, d.paragraphs[0].span.end_line) == (10, 10)


def test_report_contents_notes_and_annex() -> None:
    d = parsed("sg-report-water.txt")
    assert d.summary is not None and d.summary.startswith("يقدم هذا التقرير") and "A/77/50" not in d.summary
    assert (d.footnotes[0].marker, d.footnotes[0].text) == ("*", "A/77/50.")
    assert d.annexes[0].paragraphs[-1].text == "الأرجنتين، إسبانيا، البرتغال، غانا، كولومبيا، اليابان."
    assert (d.annexes[0].span.start_line, d.annexes[0].span.end_line) == (69, 73)


def test_contents_entry_without_heading_is_reported() -> None:
    text = (FIXTURES / "sg-report-water.txt").read_text(encoding="utf-8")
    d = unparse.parse_text(text.replace("باء - السياسات والبرامج ....", "جيم - التمويل ...."))
    assert any("contents entry without a heading in the text: جيم - التمويل" in w for w in d.warnings)


# -- nothing is lost ------------------------------------------------------------------------
# The masthead and the heads of a contents list.
_FURNITURE = regex.compile(
    r"^(?:الأمم المتحدة|Distr\.: General|Arabic|Original: English|\d{1,2} [A-Z][a-z]+ \d{4}"
    r"|المحتويات|الصفحة)$"
)
_LABEL = regex.compile(r"^(?:\p{Nd}{1,3} - |\([^)]{1,3}\) |'\p{Nd}{1,2}' |\* )")
_REF = regex.compile(r"\s?\((?:\p{Nd}{1,3}|\*)\)")
_TOC = regex.compile(r"\s*\.{3,}\s*\p{Nd}+$")
_NUMBER = regex.compile(r"\d+(?:/\d+)?(?: \(\d{4}\))?$")


def _strings(d: Document) -> list[str]:
    out = [d.symbol, d.organ, d.session, d.agenda_title, d.title, d.closing, d.summary, *d.warnings]
    out += [f"{s.label} - {s.title}" for s in d.sections] + [s.title for s in d.sections]
    out.append(texts(d))  # paragraphs, sub-items, footnotes
    for a in d.annexes:
        out += [a.label, a.title or "", *(p.text for p in a.paragraphs)]
        out += [f"{s.label} - {s.title}" for s in a.sections]
    # A formula inside a sentence: the formula and the clauses that follow it on its line.
    if d.preamble_opening:
        out.append(" ".join([d.preamble_opening, *(p.text for p in d.preamble + d.paragraphs[:1])]))
    return [x for x in out if x]


def _metadata_line(d: Document, line: str) -> bool:
    """Header lines read into fields that do not keep them whole."""
    if d.agenda_item and line.startswith(f"البند {d.agenda_item}"):
        return True
    if d.organ and d.organ in line and ("اتخذ" in line or "اعتمد" in line):  # the adoption line
        return True
    if line.startswith("[") and line.endswith("]"):  # the committee line (no field yet)
        return True
    number = _NUMBER.search(d.symbol or "")
    if number and (line.startswith(("القرار ", "المقرر ")) or (d.title and d.title in line)):
        return number[0] in line  # the number line, with or without the title
    return (d.kind == "report" and line.startswith("تقرير")) or (d.summary is not None and line == "موجز")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_line_is_lost(name: str) -> None:
    d = parsed(name)
    haystack = "\n".join(_strings(d))
    for line in d.text.splitlines():
        line = line.strip()
        if not line or _FURNITURE.match(line) or set(line) <= set("_"):
            continue
        core = _REF.sub("", _TOC.sub("", _LABEL.sub("", line))).strip()
        assert core in haystack or _metadata_line(d, line), line


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_spans_are_ordered(name: str) -> None:
    d = parsed(name)
    starts = [p.span.start_line for p in d.preamble + d.paragraphs]
    assert starts == sorted(starts)
    for p in d.preamble + d.paragraphs:
        for s in p.sub_items:
            assert p.span.start_line <= s.span.start_line <= s.span.end_line <= p.span.end_line


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_exports_take_every_fixture(name: str) -> None:
    d = parsed(name)
    assert Document.model_validate_json(d.model_dump_json()) == d


def _blocks(*lines: str) -> str:
    """Lines to append to a document, each a block of its own."""
    return "".join(f"\n\n{line}" for line in lines)


def test_annex_after_the_last_paragraph_numbers_from_one() -> None:
    """An annex after a resolution's last paragraph (or after its closing) is an annex of the
    document, not text of the paragraph or of the closing; its paragraphs count from 1 and
    stay out of the operative paragraphs."""
    text = (FIXTURES / "sc-res-2467.txt").read_text(encoding="utf-8").rstrip()
    annex = _blocks(
        "المرفق", "عناصر نهج يركز على الناجين", "1 - تكفل الدول سلامة الناجين.", "2 - تتاح سبل الانتصاف."
    )
    d = unparse.parse_text(text + annex)
    assert [p.number for p in d.paragraphs] == [p.number for p in d.operative] == [1, 2, 3, 4, 5]
    assert d.paragraphs[4].text == "يقرر أن يبقي المسألة قيد نظره الفعلي."
    assert d.sections == []
    [a] = d.annexes
    assert (a.label, a.title, a.sections) == ("المرفق", "عناصر نهج يركز على الناجين", [])
    assert [(p.number, p.text) for p in a.paragraphs] == [
        (1, "تكفل الدول سلامة الناجين."),
        (2, "تتاح سبل الانتصاف."),
    ]
    assert (
        a.span.start_line
        < a.paragraphs[0].span.start_line
        <= a.paragraphs[-1].span.end_line
        == a.span.end_line
    )
    closed = (FIXTURES / "hrc-res-50-3.txt").read_text(encoding="utf-8").split("__________")[0].rstrip()
    d = unparse.parse_text(closed + annex)
    assert d.closing is not None and d.closing.endswith("[اعتُمد دون تصويت.]")
    assert [p.number for p in d.paragraphs] == [1, 2, 3]
    assert [[p.number for p in a.paragraphs] for a in d.annexes] == [[1, 2]]


def test_two_annexes_with_their_own_headings() -> None:
    """Each annex keeps its own paragraphs and headings; the body keeps its own."""
    text = (FIXTURES / "sc-res-2467.txt").read_text(encoding="utf-8").rstrip()
    annexes = _blocks(
        "المرفق الأول",
        "أولاً - المبادئ",
        "1 - تكفل الدول سلامة الناجين.",
        "ثانياً - الإجراءات",
        "2 - تتاح سبل الانتصاف.",
        "المرفق الثاني - قائمة المشاركين",
        "1 - ممثلو الدول الأعضاء.",
    )
    d = unparse.parse_text(text + annexes)
    assert [p.number for p in d.paragraphs] == [1, 2, 3, 4, 5] and d.sections == []
    assert [(a.label, a.title) for a in d.annexes] == [
        ("المرفق الأول", None),
        ("المرفق الثاني", "قائمة المشاركين"),
    ]
    first, second = d.annexes
    assert [(s.label, s.title, s.first_paragraph) for s in first.sections] == [
        ("أولاً", "المبادئ", 1),
        ("ثانياً", "الإجراءات", 2),
    ]
    assert [p.number for p in first.paragraphs] == [1, 2] and [p.number for p in second.paragraphs] == [1]
    rows = [r for r in records(d) if r["part"] == "annex"]
    assert [(r["annex"], r["section"], r["number"], r["id"]) for r in rows] == [
        ("المرفق الأول", "أولاً - المبادئ", 1, "att_1__para_1"),
        ("المرفق الأول", "ثانياً - الإجراءات", 2, "att_1__para_2"),
        ("المرفق الثاني - قائمة المشاركين", "", 1, "att_2__para_1"),  # in no section
    ]


def test_the_header_asterisk_note_after_the_paragraphs_is_a_footnote() -> None:
    # pypdf on an fpdf2 PDF (benchmark note-ctoc-cop-wg6-2024-3-firearms): no separator line,
    # the first page's asterisk note comes after the paragraphs begun on that page.
    text = "\n".join(
        [
            "CTOC/COP/WG.6/2024/3",
            "البند 3 من جدول الأعمال المؤقت*",
            "الروابط بين الاتجار غير المشروع بالأسلحة النارية والإرهاب والجريمة المنظمة",
            "مذكرة من الأمانة",
            "1 - قرر مؤتمر الأطراف في مقرره 11/3 أن يواصل الفريق العامل النظر في المسألة.",
            "2 - ويتبين من الدراسة أن الأسلحة النارية المضبوطة هي النوع الأكثر ضبطا.",
            "* CTOC/COP/WG.6/2024/1.",
        ]
    )
    doc = unparse.parse_text(text)
    assert [(f.marker, f.text) for f in doc.footnotes] == [("*", "CTOC/COP/WG.6/2024/1.")]
    assert doc.paragraphs[-1].text == "ويتبين من الدراسة أن الأسلحة النارية المضبوطة هي النوع الأكثر ضبطا."
