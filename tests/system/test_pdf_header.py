"""The header of benchmark PDFs: kind, symbol, date and title (``parse_pdf``).

Fixtures are dev-split PDFs of the accuracy benchmark (``benchmarks/accuracy/inputs/pdf``,
committed); the expected values are the documents' gold (``benchmarks/accuracy/sources``).
"""

from __future__ import annotations

import datetime

import pytest

import unparse
from pdf_helpers import BENCH_PDFS as PDFS
from unparse.segment.patterns import SYMBOL_LINE_RE

TYPESETTERS = ["libreoffice", "chromium", "fpdf2"]


@pytest.mark.parametrize("typesetter", TYPESETTERS)
def test_a_report_whose_title_names_it_a_report(typesetter: str) -> None:
    # No "تقرير الأمين العام" line: the title itself says "تقرير ..."; the organ line above it
    # ("لجنة استخدام الفضاء ...") is not the title; the masthead date is read in its order.
    doc = unparse.parse_pdf(PDFS / typesetter / "report-a-ac105-1307-stsc.pdf")
    assert doc.kind == "report"
    assert doc.symbol == "A/AC.105/1307"
    assert doc.date == datetime.date(2024, 2, 27)
    assert doc.title is not None
    assert doc.title.startswith("تقرير اللجنة الفرعية العلمية والتقنية عن دورتها الحادية والستين")
    assert "27 February 2024" in doc.text.split("\n")


@pytest.mark.parametrize("typesetter", TYPESETTERS)
def test_a_working_paper_is_a_report_titled_above_its_line(typesetter: str) -> None:
    doc = unparse.parse_pdf(PDFS / typesetter / "note-a-ac109-2024-5-tokelau.pdf")
    assert (doc.kind, doc.title, doc.date) == ("report", "توكيلاو", datetime.date(2024, 2, 14))


@pytest.mark.parametrize("typesetter", TYPESETTERS)
def test_a_decision_titled_after_a_blank_line(typesetter: str) -> None:
    # The reader sets a blank line between blocks: "المقرر 10/4", blank, its title.
    doc = unparse.parse_pdf(PDFS / typesetter / "ctoc-cop-dec-10-4.pdf")
    assert doc.kind == "decision"
    assert doc.title == "المساعدة التقنية المقدمة لتنفيذ الاتفاقية والبروتوكولات الملحقة بها"


@pytest.mark.parametrize("typesetter", TYPESETTERS)
def test_a_symbol_with_an_addendum(typesetter: str) -> None:
    doc = unparse.parse_pdf(PDFS / typesetter / "report-a-78-7-add-9-acabq-africa-hall.pdf")
    assert (doc.kind, doc.symbol) == ("report", "A/78/7/Add.9")
    assert doc.date == datetime.date(2023, 11, 3)
    assert doc.title is not None and doc.title.startswith("التقرير المرحلي عن مشروع تجديد قاعة أفريقيا")


def test_symbol_lines_with_a_suffix_and_without() -> None:
    lines = ("A/78/7/Add.9", "E/CN.7/2024/L.5/Rev.1", "A/78/7/Addendum")
    assert [bool(SYMBOL_LINE_RE.match(s)) for s in lines] == [True, True, False]
