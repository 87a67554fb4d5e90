"""Documents and views of documents that tests in several folders build on: hand-made
documents with an exact structure (a resolution, a report, a resolution with annexes) for the
exporter and model tests, and the structure and texts of a parsed document for the PDF tests
and the PDF benchmark (benchmarks/bench_pdf.py)."""

from __future__ import annotations

import datetime

from unparse.export.akn import NAMESPACE
from unparse.lines import Line
from unparse.models import Annex, Document, Footnote, FootnoteRef, Paragraph, Section, Span, SubItem

# The Akoma Ntoso namespace, for ElementTree's find.
NS = {"a": NAMESPACE}


def numbered_lines(*texts: str) -> list[Line]:
    """The lines a repair step takes, numbered from 1 as ``split_lines`` numbers them."""
    return [Line(i, text) for i, text in enumerate(texts, start=1)]


def span(a: int, b: int | None = None) -> Span:
    return Span(start_line=a, end_line=b or a)


def resolution() -> Document:
    return Document(
        kind="resolution",
        symbol="A/RES/76/186",
        organ="الجمعية العامة",
        session="الدورة السادسة والسبعون",
        agenda_item="108",
        date=datetime.date(2021, 12, 16),
        title="تحسين تنسيق الجهود المبذولة لمكافحة الاتجار بالأشخاص",
        preamble_opening="إن الجمعية العامة،",
        preamble=[
            Paragraph(
                lead="إذ تشير",
                text="إذ تشير إلى قرارها 70/1،",
                footnote_refs=[FootnoteRef(marker="1", offset=24)],
                span=span(10),
            ),
            Paragraph(
                lead="وإذ تلاحظ",
                text="وإذ تلاحظ ما يلي:",
                span=span(11, 13),
                sub_items=[
                    SubItem(label="أ", text="البند الأول؛", span=span(12)),
                    SubItem(
                        label="ب",
                        text="البند الثاني:",
                        span=span(13),
                        sub_items=[SubItem(label="1", text="فرع", span=span(13))],
                    ),
                ],
            ),
        ],
        paragraphs=[
            Paragraph(
                number=1,
                lead="تحث",
                text="تحث الدول على *التعاون* <معا> & بسرعة",
                footnote_refs=[FootnoteRef(marker="2", offset=3), FootnoteRef(marker="1", offset=23)],
                span=span(20),
            ),
            Paragraph(
                number=2,
                lead="تطلب",
                text="تطلب إلى الأمين العام:",
                span=span(21, 23),
                sub_items=[
                    SubItem(label="أ", text="أن يقدم تقريرا؛", span=span(22)),
                    SubItem(label="ب", text="أن ينشر المعلومات.", span=span(23)),
                ],
            ),
        ],
        footnotes=[
            Footnote(marker="1", text="القرار 70/1.", span=span(40)),
            Footnote(marker="2", text="A/76/463.", span=span(41)),
            Footnote(marker="3", text="حاشية لا يشار إليها.", span=span(42)),
        ],
        closing="الجلسة العامة 53 16 كانون الأول/ديسمبر 2021",
        closing_date=datetime.date(2021, 12, 16),
        text="...",
        source="res.txt",
    )


def report() -> Document:
    return Document(
        kind="report",
        symbol="A/64/290",
        title="تقرير الأمين العام",
        sections=[
            Section(label="أولاً", title="مقدمة", level=1, first_paragraph=1),
            Section(label="ثانياً", title="الأنشطة", level=1, first_paragraph=3),
            Section(label="ألف", title="التعاون", level=2, first_paragraph=3),
            Section(label="باء", title="التدريب", level=2, first_paragraph=4),
        ],
        paragraphs=[Paragraph(number=n, text=f"الفقرة {n}", span=span(n * 10)) for n in range(1, 6)],
        text="...",
        source="sub/report.txt",
    )


def with_annexes() -> Document:
    doc = resolution()
    doc.annexes = [
        Annex(
            label="المرفق الأول",
            title="عناصر النهج",
            sections=[Section(label="أولاً", title="المبادئ", level=1, first_paragraph=1)],
            paragraphs=[
                Paragraph(
                    number=1,
                    text="تكفل الدول السلامة",
                    footnote_refs=[FootnoteRef(marker="3", offset=4)],
                    span=span(50),
                    sub_items=[SubItem(label="أ", text="بند", span=span(50))],
                ),
                Paragraph(number=2, text="تتاح سبل الانتصاف.", span=span(51)),
            ],
            span=span(48, 51),
        ),
        Annex(label="المرفق الثاني", paragraphs=[Paragraph(text="قائمة.", span=span(53))], span=span(52, 53)),
        Annex(label="المرفق الثالث", span=span(54)),
    ]
    return doc


def _items(items: list[SubItem]) -> list[object]:
    return [(i.label, [r.marker for r in i.footnote_refs], _items(i.sub_items)) for i in items]


def structure(doc: Document) -> dict[str, object]:
    """Counts, numbers, labels and markers: everything but the texts."""
    return {
        "kind": doc.kind,
        "preamble": len(doc.preamble),
        "paragraphs": [p.number for p in doc.paragraphs],
        "sub_items": [_items(p.sub_items) for p in doc.preamble + doc.paragraphs],
        "refs": [[r.marker for r in p.footnote_refs] for p in doc.preamble + doc.paragraphs],
        "footnotes": [f.marker for f in doc.footnotes],
        "sections": [(s.label, s.level, s.first_paragraph) for s in doc.sections],
    }


def texts(doc: Document) -> str:
    """Every paragraph, sub-item and footnote text, one per line."""
    out: list[str] = []

    def items(xs: list[SubItem]) -> None:
        for x in xs:
            out.append(x.text)
            items(x.sub_items)

    for p in doc.preamble + doc.paragraphs:
        out.append(p.text)
        items(p.sub_items)
    out.extend(f.text for f in doc.footnotes)
    return "\n".join(out)
