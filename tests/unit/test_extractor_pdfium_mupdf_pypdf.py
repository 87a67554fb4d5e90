"""pypdfium2, PyMuPDF and pypdf damage, each with its real example from the committed
benchmark outputs (``benchmarks/accuracy/inputs/text/TYPESETTER/EXTRACTOR/NAME.txt``)."""

from __future__ import annotations

import doctest
import importlib

import unparse
from builders import numbered_lines
from unparse.lines import Line
from unparse.repair.logical_extractors import (
    join_split_slash_numbers,
    logical_order_evidence,
)

logical_extractors = importlib.import_module("unparse.repair.logical_extractors")

# pypdfium2 on a LibreOffice PDF (ga-res-example, lines 6-11): logical order, brackets as drawn.
PDFIUM_LIBREOFFICE = (
    "الدورة الثامنة والسبعون\n"
    "البند 72 )ب( من جدول الأعمال\n"
    "قرار اتخذته الجمعية العامة في 19 كانون الأول/ديسمبر 2023\n"
    "78/212 - حماية المهاجرين\n"
    "إن الجمعية العامة،\n"
    ")أ( تزايد عدد المهاجرين الذين يلقون حتفهم في البحر، إذ بلغ 8 565 شخصا في عام 2023؛\n"
    ")ب( استمرار احتجاز الأطفال المهاجرين لفترات تتجاوز 30 يوما؛\n"
    "2 - تهيب بالدول أن تقوم بما يلي:\n"
)


def test_docstring_examples() -> None:
    failures, _ = doctest.testmod(logical_extractors, raise_on_error=False)
    assert failures == 0


def test_pdfium_text_is_logical_and_keeps_its_line_order() -> None:
    result = unparse.repair_text(PDFIUM_LIBREOFFICE)
    assert result.facts["logical_order"] is True
    evidence = result.facts["pdfium_evidence"]
    assert isinstance(evidence, dict) and evidence["producer"] == "pypdfium2"
    assert not [f for f in result.fixes if f.kind in ("line_order", "visual_order")]
    lines = result.text.split("\n")
    assert lines[1] == "البند 72 (ب) من جدول الأعمال"
    assert lines[2] == "قرار اتخذته الجمعية العامة في 19 كانون الأول/ديسمبر 2023"
    assert lines[5].startswith("(أ) تزايد عدد المهاجرين")


def test_pdfium_chromium_reversed_words() -> None:
    # pypdfium2 on Chromium's Noto Naskh (ecosoc-res-2023-15, lines 10-12 and 15), twice
    # so that the document has the evidence.
    text = (
        "دنبلا 19) ج( نم جدول الأعمال\n"
        "لئاسملا ةيعامتجالا لئاسمو حقوق الإنسان: عنم ةميرجلا ةلادعلاو ةيئانجلا\n"
        "قرار اتخذه سلجملا الاقتصادي يعامتجالاو يف 25 تموز/هيلوي 2023\n"
        "إن سلجملا الاقتصادي يعامتجالاو،\n"
        ")أ( الجمعية العامة )ب( الأمم المتحدة\n"
    )
    result = unparse.repair_text(text)
    lines = result.text.split("\n")
    assert lines[1] == "المسائل الاجتماعية ومسائل حقوق الإنسان: منع الجريمة والعدالة الجنائية"
    assert lines[2] == "قرار اتخذه المجلس الاقتصادي والاجتماعي في 25 تموز/يوليه 2023"
    assert lines[3] == "إن المجلس الاقتصادي والاجتماعي،"
    assert any(f.kind == "reversed_words" for f in result.fixes)


def test_visual_order_text_is_not_pdfium() -> None:
    # A visual-order line (pdfplumber): its words read reversed, so the evidence fails.
    lines = [Line(i, "ةيعمجلا ةماعلا )ب( ممألا ةدحتملا") for i in range(1, 8)]
    assert logical_order_evidence(lines) is None


def test_leading_spaces_are_not_pdfium() -> None:
    # PyMuPDF's lines start with a space (ga-res-example, libreoffice): not pypdfium2.
    text = [" البند72 (ب) من جدول الأعمال", " )أ( الجمعية العامة", " )ب( الأمم المتحدة"]
    assert logical_order_evidence(numbered_lines(*(text * 4))) is None


def test_split_slash_numbers_pypdf_and_pdfium() -> None:
    # pypdf, ga-res-79-145 (libreoffice): "78 69/" for 78/69.
    assert join_split_slash_numbers("ولا سيما القرار 78 69/ المؤرخ") == "ولا سيما القرار 78/69 المؤرخ"
    # pypdf footnote, ga-res-example: "القرار70 1/." for 70/1.
    assert join_split_slash_numbers("(2)  القرار70 1/.") == "(2)  القرار70/1."
    # pypdfium2, ga-dec-78-540 (libreoffice tight): "/ 121 77" for 77/121.
    assert (
        join_split_slash_numbers("إذ تشير إلى قرارها / 121 77 المؤرخ 12")
        == "إذ تشير إلى قرارها 77/121 المؤرخ 12"
    )
    # Clean text is left alone: a thousands group, a date, a symbol.
    for clean in ("بلغ 8 565 شخصا", "كانون الأول/ديسمبر 2023", "A/78/481/Add.2", "القرار 76/172"):
        assert join_split_slash_numbers(clean) == clean


# pypdfium2 on a LibreOffice PDF, a short decision (ga-dec-78-540, libreoffice, lines 1-6
# and 13-15): two mirrored pairs only, and a Latin "(A)" that pypdfium2 leaves as it is.
PDFIUM_SHORT = (
    "1 A/DEC/78/540\n"
    "الدورة الثامنة والسبعون\n"
    "البند 50 من جدول الأعمال\n"
    "المقرر / 540 78\n"
    "زيادة عضوية لجنة استخدام الفضاء الخارجي في الأغراض السلمية\n"
    "إن الجمعية العامة، إذ تشير إلى قرارها / 121 77 المؤرخ 12 / كانون الأول ديسمبر ،2022 وبناء\n"
    ")1(\n"
    ".14 الفقرة ،A/78/403\n"
    "23-90066 (A)\n"
    ")1( على توصية اللجنة الخاصة للمسائل السياسية وإنهاء الاستعمار اللجنة الرابعة ) (\n"
)


def test_short_pdfium_text_keeps_its_line_order() -> None:
    result = unparse.repair_text(PDFIUM_SHORT)
    evidence = result.facts["pdfium_evidence"]
    assert isinstance(evidence, dict)
    assert (evidence["mirrored_pairs"], evidence["proper_pairs"]) == (3, 0)
    assert not [f for f in result.fixes if f.kind in ("line_order", "visual_order")]
    assert result.text.split("\n")[2] == "البند 50 من جدول الأعمال"


def test_run_reversed_text_is_not_pdfium() -> None:
    # The run-reversal garbler (benchmarks/accuracy/inputs/garbled/run-reversal/ga-dec-78-540,
    # lines 11-12 and 25): brackets mirrored too, but spaces doubled where runs were swapped,
    # and paragraph numbers at the line ends.
    text = [
        "  توصية اللجنة الخـاصةعلى ، وبناء2022    كانــون الأول/ديســمبر 12 المؤرخ    77/121",
        "لجنة استخدام الفضاء الخارجي زيادة عدد أعضاء  ، تقرر)1(الرابعة( للمسائل السيــاسية",
        ".     14 ، الفقرةA/78/403      )1(",
        "الجمعية العامة الأمين العام - 1",
    ]
    assert logical_order_evidence(numbered_lines(*(text * 3))) is None
    # Without the doubled spaces, the numbers at the line ends alone still say no.
    single = [" ".join(t.split()) for t in text]
    assert logical_order_evidence(numbered_lines(*(single * 3))) is None
