"""The masthead date read right to left (repair/latin_dates.py): real inputs of the
benchmark (``benchmarks/accuracy/inputs/``, dev documents) and the PDF reader."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from invariants import check_fix_log, check_nothing_lost
from unparse import normalize, parse_pdf, parse_text
from unparse.repair import repair
from unparse.repair.latin_dates import restore_latin_date_order

INPUTS = Path(__file__).resolve().parents[2] / "benchmarks" / "accuracy" / "inputs"


@pytest.mark.parametrize("extractor", ["pdfminer", "pdftotext", "pypdfium2", "pdfplumber"])
def test_the_day_goes_back_before_the_month_in_every_extractors_text(extractor: str) -> None:
    raw = (INPUTS / "text" / "fpdf2" / extractor / "report-a-ac105-1307-stsc.txt").read_text(encoding="utf-8")
    assert "February 2024 27" in raw
    result = repair(raw)
    lines = result.text.split("\n")
    assert "27 February 2024" in lines
    assert "February 2024 27" not in result.text
    fixes = [f for f in result.fixes if f.kind == "latin_date_order"]
    assert [(f.before.strip(), f.after.strip()) for f in fixes] == [("February 2024 27", "27 February 2024")]
    check_nothing_lost(raw, result)
    check_fix_log(raw, result)
    assert parse_text(raw).date == datetime.date(2024, 2, 27)


def test_the_pdf_reader_reads_the_masthead_date() -> None:
    doc = parse_pdf(INPUTS / "pdf" / "libreoffice" / "sg-a-78-245-road-safety.pdf")
    assert "28 July 2023" in doc.text.split("\n")
    assert doc.date == datetime.date(2023, 7, 28)


def test_only_a_whole_line_of_that_shape_changes() -> None:
    text = "27 February 2024\nsee July 2023 28\nMay 2024 7 and more\nJuly 2023 0\nArabic"
    assert restore_latin_date_order(text) == text
    assert normalize("July 2023 28") == "28 July 2023"
    assert restore_latin_date_order(restore_latin_date_order("July 2023 28")) == "28 July 2023"
