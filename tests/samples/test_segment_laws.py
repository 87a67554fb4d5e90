"""Segmentation of Arabic legislation: laws and decrees in articles, chapters and parts.

Three synthetic texts (``fixtures/unseen/laws/``, see the README there) pin the structure
exactly: a law with ordinal articles (``المادة الأولى:``), ``الفصل`` chapters and items
``1 -`` inside articles; a decree with ``مادة 1 -`` articles, ``(أ)`` points and a preamble of
citations; a law with bare ``المادة 1`` markers, ``الباب`` parts holding ``الفصل`` chapters and
an article marker joined to the line before it. A real Egyptian gazette (law 8 of 2022, a law
that issues the law attached to it) is read from its PDF.
"""

from __future__ import annotations

import datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import unparse
from unparse import Document
from unparse.export import export
from unparse.export.jsonl import records
from unparse.segment.patterns import ARTICLE_RE

HERE = Path(__file__).resolve().parents[1]
LAWS = HERE / "fixtures" / "unseen" / "laws"


@cache
def parsed(name: str) -> Document:
    return unparse.parse(LAWS / name)


def outline(d: Document) -> list[tuple[int | None, str | None, str, list[str]]]:
    """(number, lead, first three words, sub-item labels) of each paragraph."""
    return [
        (p.number, p.lead, " ".join(p.text.split()[:3]), [s.label for s in p.sub_items]) for p in d.paragraphs
    ]


def headings(d: Document) -> list[tuple[str, str, int, int | None]]:
    return [(s.label, s.title, s.level, s.first_paragraph) for s in d.sections]


def test_law_with_ordinal_articles_and_chapters() -> None:
    d = parsed("law-ordinal-articles.txt")
    assert (d.kind, d.symbol, d.title) == ("law", None, "قانون رقم 12 لسنة 2023 بشأن تنظيم المكتبات العامة")
    assert d.preamble_opening == "أصدرنا القانون الآتي نصه:"
    assert [(p.lead, p.text) for p in d.preamble] == [
        ("باسم", "باسم الشعب"),
        ("رئيس", "رئيس الدولة"),
        ("بعد", "بعد الاطلاع على الدستور؛"),
        ("وعلى", "وعلى القانون رقم 5 لسنة 2010 بشأن الإدارة المحلية؛"),
    ]
    assert outline(d) == [
        (1, "المادة", "يقصد في تطبيق", ["1", "2", "3"]),
        (2, "المادة", "تسري أحكام هذا", []),
        (3, "المادة", "يصدر بإنشاء المكتبة", []),
        (4, "المادة", "تتولى الهيئة الإشراف", ["1", "2"]),
        (5, "المادة", "ينشر هذا القانون", []),
    ]
    assert headings(d) == [
        ("الفصل الأول", "أحكام عامة", 1, 1),
        ("الفصل الثاني", "إنشاء المكتبات وإدارتها", 1, 3),
    ]
    # The article's own paragraphs stay in it; its items do not repeat their numbers.
    assert d.paragraphs[2].text == "يصدر بإنشاء المكتبة قرار من الوزير بناء على اقتراح الهيئة. " + (
        "ويحدد القرار نطاق عمل المكتبة ومواعيد فتحها للجمهور."
    )
    assert d.paragraphs[0].sub_items[1].text == "الهيئة: الهيئة العامة للمكتبات."
    assert d.paragraphs[3].text == "تتولى الهيئة الإشراف الفني على المكتبات ولها في سبيل ذلك:"
    assert (d.closing, d.closing_date, d.date) == (
        "صدر في 10 يناير سنة 2023.",
        *[datetime.date(2023, 1, 10)] * 2,
    )
    assert d.warnings == [] and d.annexes == [] and d.operative == []


def test_decree_with_numbered_articles_and_points() -> None:
    d = parsed("decree-numbered-articles.txt")
    assert d.kind == "decree"
    assert d.title == "قرار رئيس مجلس الوزراء رقم 47 لسنة 2024 بشأن مواعيد العمل في الجهات الحكومية"
    assert d.preamble_opening == "قرر:"
    # Citations on consecutive lines are one paragraph each: each ends with "؛".
    assert [p.text for p in d.preamble] == [
        "رئيس مجلس الوزراء",
        "بعد الاطلاع على الدستور؛",
        "وعلى قانون الخدمة المدنية رقم 81 لسنة 2016؛",
        "وعلى ما عرضه الوزير المختص؛",
    ]
    assert outline(d) == [
        (1, "مادة", "تبدأ مواعيد العمل", []),
        (2, "مادة", "يجوز للوزير المختص", ["أ", "ب", "ج"]),
        (3, "مادة", "ينشر هذا القرار", []),
    ]
    assert d.paragraphs[1].sub_items[2].text == "الظروف الطارئة التي يقدرها."
    assert d.sections == [] and d.warnings == []
    assert d.date == d.closing_date == datetime.date(2024, 3, 3)


def test_law_with_parts_holding_chapters() -> None:
    d = parsed("law-parts-and-chapters.txt")
    assert (d.kind, d.title) == ("law", "قانون رقم 3 لسنة 2021 في شأن حماية الموارد المائية")
    assert d.preamble == [] and d.preamble_opening is None and d.closing is None and d.date is None
    assert [(p.number, p.lead) for p in d.paragraphs] == [(n, "المادة") for n in range(1, 7)]
    assert headings(d) == [
        ("الباب الأول", "أحكام تمهيدية", 1, 1),
        ("الباب الثاني", "استخدام المياه", 1, 3),
        ("الفصل الأول", "التراخيص", 2, 3),
        ("الفصل الثاني", "الرسوم", 2, 5),
        ("الباب الثالث", "العقوبات", 1, 6),
    ]
    # "... من الوزارة. المادة 4" on one line: article 4 starts there, on the same input line.
    assert d.paragraphs[2].text == "لا يجوز حفر الآبار إلا بترخيص من الوزارة."
    assert d.paragraphs[3].text.startswith("يحدد الترخيص") and d.paragraphs[3].span.start_line == 25
    assert d.warnings == []


@pytest.mark.parametrize(
    "name", ["law-ordinal-articles.txt", "decree-numbered-articles.txt", "law-parts-and-chapters.txt"]
)
def test_laws_in_every_format(name: str, request: pytest.FixtureRequest) -> None:
    d = parsed(name)
    assert Document.model_validate_json(export(d, "json")) == d
    rows = records(d)
    assert [r["number"] for r in rows if r["part"] == "paragraph"] == [p.number for p in d.paragraphs]
    md = export(d, "markdown")
    assert md.count("**1** - ") >= 1 and f"# {d.title}" in md
    if d.preamble_opening and d.preamble:
        # The enacting formula closes the preamble of a law or decree.
        assert md.index(d.preamble[-1].text) < md.index(d.preamble_opening) < md.index("**1** - ")
        text = export(d, "text")
        assert text.index(d.preamble[-1].text) < text.index(d.preamble_opening)
    # The schema last: without xmlschema the other formats are still checked.
    schema = request.getfixturevalue("schema")
    xml = export(d, "akn")
    schema.validate(xml)
    assert '<act name="law">' in xml or '<act name="decree">' in xml


def test_article_references_inside_text_are_not_articles() -> None:
    """``المادة 2 من هذا القانون`` opening a line is text, and so is an article out of sequence."""
    text = "\n\n".join(
        [
            "قانون رقم 1 لسنة 2020",
            "المادة 1:",
            "يعمل بهذا القانون.",
            "المادة 2 من هذا القانون تسري على الجميع.",
            "المادة 5:",
            "نص.",
            "المادة 2:",
            "ينشر هذا القانون.",
        ]
    )
    d = unparse.parse_text(text)
    assert d.kind == "law"
    assert [p.number for p in d.paragraphs] == [1, 2]
    assert d.paragraphs[0].text == "يعمل بهذا القانون. المادة 2 من هذا القانون تسري على الجميع. المادة 5: نص."


# -- the real gazette ---------------------------------------------------------------------


def test_gazette_is_a_law_with_its_title_preamble_and_signature(gazette: Document) -> None:
    d = gazette
    assert d.kind == "law"
    assert d.title == "قانون رقم 8 لسنة 2022 بشأن إصدار قانون المنشآت الفندقية والسياحية"
    assert d.preamble_opening == "قرر مجلس النواب القانون الآتى نصه، وقد أصدرناه؛"
    assert [p.text for p in d.preamble] == ["باسم الشعب", "رئيس الجمهورية"]
    assert d.closing is not None and d.closing.startswith("صدر برئاسة الجمهورية")
    assert d.date == d.closing_date == datetime.date(2022, 3, 6)


def test_gazette_issuing_articles_are_the_body(gazette: Document) -> None:
    """The six articles of the issuing law ("(المادة الأولى)" ... "(المادة السادسة)")."""
    d = gazette
    assert [(p.number, p.lead) for p in d.paragraphs] == [(n, "المادة") for n in range(1, 7)]
    assert d.paragraphs[0].text.startswith("تسرى أحكام هذا القانون والقانون المرافق")
    # "(المادة الرابعة)" was joined to the end of article 3's line by the PDF's layout.
    assert d.paragraphs[2].text.endswith("دون أخذ موافقة الوزارة المختصة بشئون السياحة.")
    assert d.paragraphs[3].text.startswith("يُلغى القانون رقم 1 لسنة 1973")


def test_gazette_attached_law_articles_and_chapters(gazette: Document) -> None:
    """The law it issues (its "القانون المرافق") is an annex: articles 1..45 in five parts."""
    d = gazette
    [law] = d.annexes
    assert (law.label, law.title) == ("قانون المنشآت الفندقية والسياحية", None)
    assert [p.number for p in law.paragraphs] == list(range(1, 46))
    assert {p.lead for p in law.paragraphs} == {"مادة"}
    assert [(s.label, s.title, s.level, s.first_paragraph) for s in law.sections] == [
        ("الباب الأول", "أحكام عامة", 1, 1),
        ("الباب الثانى", "إجراءات الترخيص", 1, 9),
        ("الباب الثالث", "مكاتب الاعتماد", 1, 13),
        ("الباب الرابع", "أحكام متنوعة", 1, 18),
        ("الباب الخامس", "العقوبات والجزاءات الإدارية", 1, 36),
    ]
    first = law.paragraphs[0]
    assert (
        first.text == "فى تطبيق أحكام هذا القانون يقصد بالكلمات والعبارات التالية المعنى المبين قرين كل منها:"
    )
    assert [s.label for s in first.sub_items] == [str(n) for n in range(1, 16)]
    assert first.sub_items[0].text == "القانون: قانون المنشآت الفندقية والسياحية."
    starts = {p.number: " ".join(p.text.split()[:3]) for p in law.paragraphs}
    assert starts[2] == "تُشكل اللجنة الوزارية"
    assert starts[7] == "تكون مزاولة المنشآت"  # its marker was at the end of article 6's line
    assert starts[13] == "تقوم اللجنة الدائمة"  # after "(الباب الثالث)" joined to article 12
    assert starts[43] == "يجوز بقرار مسبب"
    assert starts[45] == "مع عدم الإخلال"
    assert law.paragraphs[11].text.endswith("ماهية التعديلات الجوهرية.")
    assert (law.span.start_page, law.span.end_page) == (3, 23)


def test_gazette_imprint_is_reported_not_mixed_into_the_last_article(gazette: Document) -> None:
    d = gazette
    last = d.annexes[0].paragraphs[-1]
    assert last.text.endswith("مرفقًا به ما قام به المخالف من إجراءات.")
    assert d.warnings[0].endswith("not placed in the structure: طبعت بالهيئة العامة لشئون المطابع الأميرية")


def test_gazette_akn_has_the_attached_law_as_an_attachment(gazette: Document, schema: Any) -> None:
    xml = export(gazette, "akn")
    schema.validate(xml)
    assert xml.count("<article ") == 6 + 45
    assert '<attachment eId="att_1">' in xml and "att_1__art_45" in xml


def test_convention_annexed_to_a_resolution_is_read_in_articles() -> None:
    """A UN resolution that adopts a text in articles stays a resolution: its operative
    paragraphs are numbered paragraphs; the annex is read in articles and chapters."""
    text = (HERE / "fixtures" / "unseen" / "sc-res-2467.txt").read_text(encoding="utf-8").rstrip()
    annex = "\n\n".join(
        [
            "",
            "المرفق",
            "الفصل الأول - أحكام عامة",
            "المادة 1",
            "تطبق الدول هذه القواعد على النحو الآتي:",
            "1 - في زمن السلم؛",
            "2 - في زمن النزاع.",
            "المادة 2",
            "لا يخل شيء في هذه القواعد بالالتزامات القائمة.",
        ]
    )
    d = unparse.parse_text(text + annex)
    assert (d.kind, [p.number for p in d.paragraphs]) == ("resolution", [1, 2, 3, 4, 5])
    assert d.operative == d.paragraphs and d.sections == []
    [a] = d.annexes
    assert [(p.number, p.lead, [s.label for s in p.sub_items]) for p in a.paragraphs] == [
        (1, "المادة", ["1", "2"]),
        (2, "المادة", []),
    ]
    assert [(s.label, s.title, s.first_paragraph) for s in a.sections] == [("الفصل الأول", "أحكام عامة", 1)]


FIXTURES = ["law-ordinal-articles.txt", "decree-numbered-articles.txt", "law-parts-and-chapters.txt"]


def _squash(text: str) -> str:
    """Text without the punctuation that separates labels, markers and titles."""
    return " ".join(text.translate(str.maketrans("():-–", "     ")).split())


def _everything(d: Document) -> str:
    out = [d.title or "", d.preamble_opening or "", d.closing or ""]
    out += [p.text for p in d.preamble]
    out += [f"{s.label} {s.title}" for s in d.sections]
    for p in d.paragraphs:
        out.append(p.text)
        out += [f"{s.label} {s.text}" for s in p.sub_items]
    return "\n".join(_squash(x) for x in out)


@pytest.mark.parametrize("name", FIXTURES)
def test_no_line_of_a_law_is_lost(name: str) -> None:
    """Every line is in the title, the preamble, a heading, an article or an item, or the
    closing; only article markers are taken out (into ``number`` and ``lead``)."""
    d = parsed(name)
    haystack = _everything(d)
    for line in (LAWS / name).read_text(encoding="utf-8").splitlines():
        marker = ARTICLE_RE.match(line.strip())
        rest = marker["rest"] if marker else line
        for part in rest.split(" المادة "):  # a marker joined to the line before it
            if not ARTICLE_RE.match(f"المادة {part}"):
                assert _squash(part) in haystack, part


@pytest.mark.parametrize("name", FIXTURES)
def test_eastern_digits_and_crlf_give_the_same_structure(name: str) -> None:
    text = (LAWS / name).read_text(encoding="utf-8")
    variant = text.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")).replace("\n", "\r\n")
    d, e = parsed(name), unparse.parse_text(variant)
    assert (e.kind, e.title, e.preamble_opening, e.date) == (d.kind, d.title, d.preamble_opening, d.date)
    assert outline(e) == outline(d) and headings(e) == headings(d)


def test_articles_after_a_resolution_began_are_not_its_structure() -> None:
    """Article markers inside a UN text that began with its formula and preamble (a quoted
    convention without an annex heading) do not turn it into a law."""
    text = (HERE / "fixtures" / "unseen" / "sc-res-2467.txt").read_text(encoding="utf-8").rstrip()
    d = unparse.parse_text(
        text + "\n\nالمادة 1: تطبق الدول هذه القواعد.\n\nالمادة 2: لا يخل شيء بالالتزامات."
    )
    assert (d.kind, [p.number for p in d.paragraphs], d.annexes) == ("resolution", [1, 2, 3, 4, 5], [])
    assert d.paragraphs[-1].text.endswith("المادة 2: لا يخل شيء بالالتزامات.")
