"""Structure of benchmark PDFs whose counts (paragraphs, points, headings, annexes) were wrong.

Fixtures are dev-split PDFs of the accuracy benchmark (``benchmarks/accuracy/inputs/pdf``,
committed); the expected structure is that of the documents' gold
(``benchmarks/accuracy/sources``). Each case is checked on every typesetter that shows it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import unparse
from pdf_helpers import bench_pdf
from unparse.read.pdf import read_pdf_lines

TYPESETTERS = ["libreoffice", "chromium", "fpdf2"]


@pytest.mark.parametrize("typesetter", TYPESETTERS)
def test_decision_in_one_sentence_is_one_paragraph(typesetter: str) -> None:
    # "إن الجمعية العامة، إذ تشير ...، تقرر ..." is the whole decision: one paragraph.
    doc = unparse.parse_pdf(bench_pdf(typesetter, "ga-dec-78-540"))
    assert doc.kind == "decision"
    assert doc.preamble == [] and doc.preamble_opening is None
    assert doc.organ == "الجمعية العامة"
    assert [(p.number, p.lead) for p in doc.paragraphs] == [(None, "تقرر")]
    text = doc.paragraphs[0].text
    assert text.startswith("إن الجمعية العامة، إذ تشير إلى قرارها 77/121 المؤرخ 12 كانون الأول/ديسمبر 2022")
    assert text.endswith("اعتبارا من 1 كانون الثاني/يناير 2024.")
    assert [f.marker for f in doc.footnotes] == ["1"]
    assert doc.closing is not None and doc.closing.startswith("الجلسة العامة 45")


@pytest.mark.parametrize("typesetter", TYPESETTERS)
def test_note_transmitting_an_annexed_report(typesetter: str) -> None:
    # A note by the Secretary-General: masthead, title, "مذكرة من الأمين العام", one paragraph
    # of transmittal, then "المرفق" and the report: its title, summary, headings, paragraphs.
    doc = unparse.parse_pdf(bench_pdf(typesetter, "report-a-79-190-right-to-food"))
    assert doc.kind == "report"
    assert [p.number for p in doc.paragraphs] == [None]
    assert doc.paragraphs[0].text.startswith("يتشرف الأمين العام بأن يحيل إلى الجمعية العامة التقرير")
    assert doc.sections == []
    [annex] = doc.annexes
    assert (annex.label, annex.title) == ("المرفق", "تقرير المقرر الخاص المعني بالحق في الغذاء، مايكل فخري")
    assert [p.number for p in annex.paragraphs] == list(range(1, 28))
    assert [s.label for s in annex.sections][:4] == ["أولاً", "ثانياً", "ثالثاً", "رابعاً"]
    assert len(annex.sections) == 10
    assert doc.summary is not None and doc.summary.startswith("يتناول المقرر الخاص المعني بالحق في الغذاء")


def test_quoted_point_on_its_own_line_is_a_point() -> None:
    # LibreOffice, justified: "(ب) ... من قبيل:" stops short (a label line is not stretched),
    # and the next line opens with the second-level point "'١'": a point of its own.
    doc = unparse.parse_pdf(bench_pdf("libreoffice", "sg-e-2024-55-gender-mainstreaming"))
    b = doc.paragraphs[17].sub_items[1]
    assert b.text.endswith("من قبيل:")
    assert [s.label for s in b.sub_items] == ["1", "2"]
    assert b.sub_items[0].text.startswith("برنامج القيادات النسائية في الميدان")


def test_clipped_letter_with_its_mark_is_furniture() -> None:
    # Chromium: the tall letters of page 2's first line, "أُ" (a letter and its damma drawn
    # as one glyph) and "أ", below page 1's last line; no heading.
    lines, facts = read_pdf_lines(bench_pdf("chromium", "report-a-78-7-add-9-acabq-africa-hall"))
    assert {"page": 1, "kind": "clipped_glyphs", "text": "أ أُ"} in facts["furniture"]  # type: ignore[operator]
    assert "أ أُ" not in [x.text for x in lines]
    doc = unparse.parse_pdf(bench_pdf("chromium", "report-a-78-7-add-9-acabq-africa-hall"))
    assert [s.label for s in doc.sections] == ["أولاً", "ثانياً", "ألف", "باء", "جيم", "دال", "ثالثاً"]


def test_the_masthead_line_naming_the_organ_is_placed() -> None:
    # The decision-cop fixture's masthead names the Conference of the Parties on a line of
    # its own, the organ the formula "إن مؤتمر الأطراف في ...،" names: no "not placed" warning.
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "pdf" / "decision-cop.pdf"
    doc = unparse.parse_pdf(fixture)
    organ = "مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية"
    assert doc.organ == organ
    assert not any("not placed" in w for w in doc.warnings), doc.warnings
    # A header line that is not the organ is still reported.
    text = "\n\n".join(
        [
            organ,
            "سطر لا مكان له في البنية",
            f"إن {organ}،",
            "إذ يستذكر المهام،",
            "1 - يقرر أن يبقي المسألة قيد نظره.",
        ]
    )
    warned = unparse.parse_text(text).warnings
    assert [w for w in warned if "not placed" in w] == [
        "line 3: not placed in the structure: سطر لا مكان له في البنية"
    ]
