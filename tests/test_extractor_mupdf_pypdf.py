"""PyMuPDF and pypdf damage, each pinned on a real example from the committed dev inputs
(benchmarks/accuracy/inputs/text/TYPESETTER/{pymupdf,pypdf}/NAME.txt)."""

from __future__ import annotations

from pathlib import Path

import unparse
from unparse.repair.mupdf_pypdf import date_order, eastern_digits, reverse_eastern_number

INPUTS = Path(__file__).resolve().parents[1] / "benchmarks" / "accuracy" / "inputs" / "text"


def _lines(typesetter: str, extractor: str, name: str) -> list[str]:
    return (INPUTS / typesetter / extractor / f"{name}.txt").read_text(encoding="utf-8").splitlines()


def test_dates_in_order_mark_pymupdf_libreoffice_logical() -> None:
    text = "\n".join(_lines("libreoffice", "pymupdf", "ga-res-79-145"))
    evidence = date_order(text)
    assert evidence.logical and evidence.month_then_year >= 1
    assert not date_order("\n".join(_lines("chromium", "pymupdf", "ga-res-79-145"))).logical


def test_logical_pymupdf_libreoffice_line_left_in_order() -> None:
    # ga-res-78-72 through PyMuPDF: line_order used to give 'ديسمبر/كانون الأول ٤'.
    lines = _lines("libreoffice", "pymupdf", "ga-res-78-72")
    assert lines[9] == "٤  كانون الأول/ديسمبر"
    result = unparse.repair("\n".join(lines))
    assert result.facts["logical_order"] is True
    assert "4 كانون الأول/ديسمبر" in result.text.splitlines()


def test_eastern_numbers_reversed() -> None:
    lines = _lines("fpdf2", "pypdf", "ga-res-78-72")
    assert "٤ كانون الأول/ديسمبر ٣٢٠٢" in lines
    assert eastern_digits("\n".join(lines)).reversed
    assert reverse_eastern_number("٤ كانون الأول/ديسمبر ٣٢٠٢") == "٤ كانون الأول/ديسمبر ٢٠٢٣"
    assert reverse_eastern_number("٢٧/٨٧") == "٧٨/٧٢"
    text = unparse.normalize("\n".join(lines))
    assert "4 كانون الأول/ديسمبر 2023" in text


def test_eastern_numbers_as_printed_left_alone() -> None:
    text = "قرار اتخذته الجمعية العامة في ٤ كانون الأول/ديسمبر ٢٠٢٣\nالمؤرخ ١٠ آذار/مارس ٢٠٢٢"
    assert not eastern_digits(text).reversed
    assert unparse.normalize(text, options=unparse.Options(digits="keep")) == text


def test_pymupdf_edge_punctuation_and_split_lines_put_back() -> None:
    from unparse.repair.mupdf_pypdf import swap_edge_punctuation

    lines = _lines("libreoffice", "pymupdf", "ga-res-example")
    assert "،إن الجمعية العامة" in lines
    assert swap_edge_punctuation("،إن الجمعية العامة") == "إن الجمعية العامة،"
    assert swap_edge_punctuation(" ، الفقرة") == " ، الفقرة"
    text = unparse.normalize("\n".join(lines)).splitlines()
    assert "إن الجمعية العامة،" in text
    assert any(t.startswith("وإذ تؤكد من جديد الإعلان العالمي لحقوق الإنسان(2)، الذي يعلن") for t in text)
    assert any(t.startswith("1 - تطلب إلى جميع الدول") for t in text)
