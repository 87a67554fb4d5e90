"""Akoma Ntoso of laws and decrees: ``<act>`` with ``body``, ``chapter`` and ``article``, the
country's FRBR, the attached law as ``attachment/act``; valid against the AKN 3.0 schema.

Pinned on the synthetic laws (``fixtures/unseen/laws/``), on the real Egyptian gazette (law 8
of 2022 and the 45-article law it issues) and on documents built by hand for the edge cases.
"""

from __future__ import annotations

import datetime
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

import unparse
from builders import NS
from unparse.export import export
from unparse.export._common import act_country, act_number
from unparse.lexicon import ARAB_STATES, UNKNOWN_COUNTRY, states_named
from unparse.models import Annex, Document, Footnote, FootnoteRef, Paragraph, Section, Span, SubItem

HERE = Path(__file__).resolve().parents[1]
LAWS = HERE / "fixtures" / "unseen" / "laws"


def act_of(xml: str) -> ET.Element:
    act = ET.fromstring(xml).find("a:act", NS)
    assert act is not None, "not an act"
    return act


def texts(el: ET.Element, path: str) -> list[str]:
    return [x.text or "" for x in el.findall(path, NS)]


def work(act: ET.Element, tag: str) -> str:
    el = act.find(f"a:meta/a:identification/a:FRBRWork/a:{tag}", NS)
    assert el is not None, tag
    return el.get("value") or ""


def span(a: int) -> Span:
    return Span(start_line=a, end_line=a)


# -- the synthetic laws -------------------------------------------------------------------


def test_law_with_ordinal_articles(schema: Any) -> None:
    xml = export(unparse.parse(LAWS / "law-ordinal-articles.txt"), "akn")
    schema.validate(xml)
    act = act_of(xml)
    assert act.get("name") == "law"
    assert [c.tag.split("}")[1] for c in act] == ["meta", "preface", "preamble", "body", "conclusions"]
    assert work(act, "FRBRuri") == "/akn/zz/act/law/2023-01-10/12"  # no state is named: "zz"
    assert (work(act, "FRBRcountry"), work(act, "FRBRsubtype"), work(act, "FRBRnumber")) == (
        "zz",
        "law",
        "12",
    )
    # The citations, then the enacting formula, which closes the preamble of a law.
    preamble = act.find("a:preamble", NS)
    assert preamble is not None and [c.tag.split("}")[1] for c in preamble] == ["recitals", "formula"]
    formula = preamble.find("a:formula", NS)
    assert formula is not None and formula.get("name") == "enactingFormula"
    assert formula.findtext("a:p", namespaces=NS) == "أصدرنا القانون الآتي نصه:"
    chapters = act.findall("a:body/a:chapter", NS)
    assert [
        (c.get("eId"), c.findtext("a:num", namespaces=NS), c.findtext("a:heading", namespaces=NS))
        for c in chapters
    ] == [
        ("chp_1", "الفصل الأول", "أحكام عامة"),
        ("chp_2", "الفصل الثاني", "إنشاء المكتبات وإدارتها"),
    ]
    assert [[a.get("eId") for a in c.findall("a:article", NS)] for c in chapters] == [
        ["art_1", "art_2"],
        ["art_3", "art_4", "art_5"],
    ]
    art1 = chapters[0].find("a:article", NS)
    assert art1 is not None and art1.findtext("a:num", namespaces=NS) == "المادة 1"
    assert (art1.findtext("a:intro/a:p", namespaces=NS) or "").startswith("يقصد في تطبيق")
    assert [p.get("eId") for p in art1.findall("a:point", NS)] == [f"art_1__point_{k}" for k in (1, 2, 3)]
    assert texts(art1, "a:point/a:num") == ["(1)", "(2)", "(3)"]
    art2 = chapters[0].findall("a:article", NS)[1]
    assert art2.find("a:content/a:p", NS) is not None and art2.find("a:point", NS) is None
    signed = act.find("a:conclusions/a:p/a:date", NS)
    assert (
        signed is not None
        and signed.get("date") == "2023-01-10"
        and signed.text == "صدر في 10 يناير سنة 2023."
    )
    assert act.find(".//a:mainBody", NS) is None and act.find(".//a:paragraph", NS) is None


def test_decree_articles_straight_in_the_body(schema: Any) -> None:
    xml = export(unparse.parse(LAWS / "decree-numbered-articles.txt"), "akn")
    schema.validate(xml)
    act = act_of(xml)
    assert act.get("name") == "decree"
    assert work(act, "FRBRuri") == "/akn/zz/act/decree/2024-03-03/47"
    articles = act.findall("a:body/a:article", NS)
    assert [a.get("eId") for a in articles] == ["art_1", "art_2", "art_3"]
    assert texts(act, "a:body/a:article/a:num") == ["مادة 1", "مادة 2", "مادة 3"]
    assert texts(articles[1], "a:point/a:num") == ["(أ)", "(ب)", "(ج)"]
    assert act.find("a:body/a:chapter", NS) is None
    assert act.findtext("a:preamble/a:formula/a:p", namespaces=NS) == "قرر:"


def test_law_with_parts_holding_chapters(schema: Any) -> None:
    """Level-1 headings (الباب) are chapters, level-2 (الفصل) sections with nested eIds."""
    xml = export(unparse.parse(LAWS / "law-parts-and-chapters.txt"), "akn")
    schema.validate(xml)
    act = act_of(xml)
    # No date in the text: the FRBR date is unknown, the number still comes from the title.
    assert work(act, "FRBRuri") == "/akn/zz/act/law/0001-01-01/3"
    chapters = act.findall("a:body/a:chapter", NS)
    assert texts(act, "a:body/a:chapter/a:heading") == ["أحكام تمهيدية", "استخدام المياه", "العقوبات"]
    sections = chapters[1].findall("a:section", NS)
    assert [(s.get("eId"), s.findtext("a:heading", namespaces=NS)) for s in sections] == [
        ("chp_2__sec_1", "التراخيص"),
        ("chp_2__sec_2", "الرسوم"),
    ]
    assert [a.get("eId") for a in sections[0].findall("a:article", NS)] == ["art_3", "art_4"]
    assert len(act.findall(".//a:article", NS)) == 6
    assert act.find("a:preamble", NS) is None and act.find("a:conclusions", NS) is None


@pytest.mark.parametrize("name", sorted(p.name for p in LAWS.glob("*.txt")))
def test_jsonl_ids_are_the_akn_eids(name: str) -> None:
    doc = unparse.parse(LAWS / name)
    eids = {el.get("eId") for el in ET.fromstring(export(doc, "akn")).iter()}
    ids = [json.loads(line)["id"] for line in export(doc, "jsonl").splitlines()]
    assert ids and set(ids) <= eids
    assert any(i.startswith("art_") for i in ids) and not any(i.startswith("para_") for i in ids)


# -- the Egyptian gazette -----------------------------------------------------------------


def test_gazette_is_an_egyptian_act(gazette: Document, schema: Any) -> None:
    xml = export(gazette, "akn")
    schema.validate(xml)
    act = act_of(xml)
    assert act.get("name") == "law"
    assert work(act, "FRBRcountry") == "eg"  # "جمهورية مصر العربية", named in article 27
    assert work(act, "FRBRuri") == "/akn/eg/act/law/2022-03-06/8"
    assert work(act, "FRBRthis") == "/akn/eg/act/law/2022-03-06/8/!main"
    assert work(act, "FRBRnumber") == "8"
    author = act.find("a:meta/a:references/a:TLCOrganization[@eId='author']", NS)
    assert author is not None and author.get("href") == "/akn/ontology/organization/eg/legislator"
    # The issuing law: six articles straight in the body, the formula, the signature.
    articles = act.findall("a:body/a:article", NS)
    assert [a.get("eId") for a in articles] == [f"art_{n}" for n in range(1, 7)]
    assert act.find("a:body/a:chapter", NS) is None
    assert act.findtext("a:preamble/a:formula[@name='enactingFormula']/a:p", namespaces=NS) == (
        "قرر مجلس النواب القانون الآتى نصه، وقد أصدرناه؛"
    )
    signed = act.find("a:conclusions/a:p/a:date", NS)
    assert signed is not None and signed.get("date") == "2022-03-06"
    assert (signed.text or "").startswith("صدر برئاسة الجمهورية")


def test_gazette_attached_law_is_an_act_in_an_attachment(gazette: Document) -> None:
    act = act_of(export(gazette, "akn"))
    [attachment] = act.findall("a:attachments/a:attachment", NS)
    assert attachment.get("eId") == "att_1"
    law = attachment.find("a:act", NS)
    assert law is not None and law.get("name") == "law"
    assert work(law, "FRBRthis") == "/akn/eg/act/law/2022-03-06/8/!att_1"
    assert work(law, "FRBRname") == "قانون المنشآت الفندقية والسياحية"
    assert law.findtext("a:preface/a:p/a:docTitle", namespaces=NS) == "قانون المنشآت الفندقية والسياحية"
    chapters = law.findall("a:body/a:chapter", NS)
    assert [
        (c.findtext("a:num", namespaces=NS), c.findtext("a:heading", namespaces=NS)) for c in chapters
    ] == [
        ("الباب الأول", "أحكام عامة"),
        ("الباب الثانى", "إجراءات الترخيص"),
        ("الباب الثالث", "مكاتب الاعتماد"),
        ("الباب الرابع", "أحكام متنوعة"),
        ("الباب الخامس", "العقوبات والجزاءات الإدارية"),
    ]
    assert [c.get("eId") for c in chapters] == [f"att_1__chp_{k}" for k in range(1, 6)]
    articles = law.findall("a:body/a:chapter/a:article", NS)
    assert [a.get("eId") for a in articles] == [f"att_1__art_{n}" for n in range(1, 46)]
    assert [len(c.findall("a:article", NS)) for c in chapters] == [8, 4, 5, 18, 10]
    first = articles[0]
    assert first.findtext("a:num", namespaces=NS) == "مادة 1"
    assert len(first.findall("a:point", NS)) == 15
    # 6 + 45 articles in all, and no paragraph: nothing of the law is left in UN form.
    assert len(act.findall(".//a:article", NS)) == 51 and act.find(".//a:paragraph", NS) is None


# -- country, number ----------------------------------------------------------------------


def law(**kw: Any) -> Document:
    base: dict[str, Any] = {
        "kind": "law",
        "title": "قانون رقم ٨ لسنة ٢٠٢٢",
        "paragraphs": [Paragraph(number=1, lead="مادة", text="نص.", span=span(3))],
        "date": datetime.date(2022, 3, 6),
    }
    base.update(kw)
    return Document(**base)


def test_every_state_name_gives_its_code() -> None:
    for name, code in ARAB_STATES.items():
        assert states_named(f"على أراضي {name}، وفقا") == [code], name
    assert len(set(ARAB_STATES.values())) == len(ARAB_STATES) == 22
    # Spelling variants: marks, hamza, final yaa as alif maqsura.
    assert states_named("سلطنة عُمان وجمهورية جيبوتى والامارات العربية المتحدة") == ["om", "dj", "ae"]
    # With proclitics; "ل" before the article drops its alif.
    assert states_named("للمملكة المغربية وبالمملكة العربية السعودية ولدولة قطر") == ["ma", "sa", "qa"]
    # Part of a longer word is not the name.
    assert states_named("دولة قطرية") == [] and states_named("مصر") == []


def test_country_from_the_front_matter_first_then_the_most_named() -> None:
    text = "اتفاقية مع المملكة المغربية.\nجمهورية مصر العربية\nجمهورية مصر العربية"
    assert act_country(law(text=text)) == "eg"  # most often named
    assert act_country(law(text=text, preamble_opening="باسم الشعب، الجمهورية التونسية")) == "tn"
    assert act_country(law(text="المملكة المغربية\nجمهورية مصر العربية")) == "ma"  # a tie: the first
    assert act_country(law(text="رئيس الدولة")) == UNKNOWN_COUNTRY == "zz"


def test_number_from_the_title_or_the_symbol() -> None:
    assert act_number(law()) == "8"  # Eastern digits in the title
    assert act_number(law(title="مرسوم بقانون رقم (12) لسنة 2020")) == "12"
    assert act_number(law(title="قانون تنظيم المكتبات")) is None
    assert act_number(law(symbol="LAW/12")) == "LAW/12"
    act = act_of(export(law(title="قانون تنظيم المكتبات", source="in/law-x.txt", text="دولة الكويت"), "akn"))
    assert work(act, "FRBRuri") == "/akn/kw/act/law/2022-03-06/law-x.txt"  # no number: the file


# -- edge cases, built by hand --------------------------------------------------------------


def test_law_with_footnotes_an_annex_schedule_and_an_attached_law(schema: Any) -> None:
    doc = law(
        title="قانون رقم 5 لسنة 2020 بإصدار قانون الجمعيات",
        text="المملكة الأردنية الهاشمية",
        preamble=[Paragraph(lead="بعد", text="بعد الاطلاع على الدستور؛", span=span(2))],
        preamble_opening="قرر:",
        paragraphs=[
            Paragraph(
                number=1,
                lead="مادة",
                text="يعمل بالقانون المرافق",
                footnote_refs=[FootnoteRef(marker="1", offset=5)],
                span=span(3),
            )
        ],
        footnotes=[
            Footnote(marker="1", text="حاشية.", span=span(20)),
            Footnote(marker="2", text="حاشية لا يشار إليها.", span=span(21)),
        ],
        closing="صدر في عمان",
        annexes=[
            Annex(
                label="قانون الجمعيات",
                sections=[Section(label="الفصل الأول", title="تعاريف", level=1, first_paragraph=1)],
                paragraphs=[
                    Paragraph(
                        number=1,
                        lead="المادة",
                        text="يقصد:",
                        span=span(6),
                        sub_items=[SubItem(label="أ", text="الوزير.", span=span(7))],
                    ),
                    Paragraph(number=2, lead="المادة", text="نص.", span=span(8)),
                ],
                span=span(5),
            ),
            Annex(label="الجدول", paragraphs=[Paragraph(text="رسوم.", span=span(10))], span=span(9)),
        ],
    )
    xml = export(doc, "akn")
    schema.validate(xml)
    act = act_of(xml)
    assert work(act, "FRBRuri") == "/akn/jo/act/law/2022-03-06/5"
    assert [c.tag.split("}")[1] for c in act.findall("a:body/*", NS)] == ["article", "hcontainer"]
    notes = act.find("a:body/a:hcontainer[@name='footnotes']/a:content", NS)
    assert notes is not None and texts(notes, "a:p/a:authorialNote/a:p") == ["حاشية لا يشار إليها."]
    assert act.find("a:conclusions/a:p", NS).text == "صدر في عمان"  # type: ignore[union-attr]
    attached, schedule = act.findall("a:attachments/a:attachment", NS)
    law_act = attached.find("a:act", NS)
    assert law_act is not None and law_act.get("name") == "law"
    assert [a.get("eId") for a in law_act.findall("a:body/a:chapter/a:article", NS)] == [
        "att_1__art_1",
        "att_1__art_2",
    ]
    assert law_act.find(".//a:point", NS).get("eId") == "att_1__art_1__point_1"  # type: ignore[union-attr]
    # A schedule is not a law: it stays an annex, in the UN shape.
    doc_annex = schedule.find("a:doc", NS)
    assert doc_annex is not None and doc_annex.get("name") == "annex"
    assert doc_annex.find("a:mainBody/a:paragraph", NS).get("eId") == "att_2__para_u1"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "doc",
    [
        Document(kind="law"),
        Document(kind="decree", text="نص لم يقسم\n\nسطر ثان"),
        Document(kind="law", text="   \n"),
        Document(kind="law", footnotes=[Footnote(marker="1", text="حاشية.", span=span(1))]),
        Document(kind="law", annexes=[Annex(label="قانون", span=span(1))]),
    ],
    ids=["empty", "unsegmented", "blank", "only-a-footnote", "empty-annex"],
)
def test_degenerate_acts_are_valid(doc: Document, schema: Any) -> None:
    xml = export(doc, "akn")
    schema.validate(xml)
    act = act_of(xml)
    assert work(act, "FRBRcountry") == "zz"
    if doc.text.strip():
        assert texts(act, "a:body/a:hcontainer[@name='text']/a:content/a:p") == ["نص لم يقسم", "سطر ثان"]
