"""pypdf's display-order stretches, pinned on real lines of the committed dev inputs
(benchmarks/accuracy/inputs/text/TYPESETTER/pypdf/NAME.txt)."""

from __future__ import annotations

from pathlib import Path

import unparse
from unparse.arabic import fold_presentation_forms
from unparse.lines import Line
from unparse.repair.pypdf_runs import item_label_first, label_last_first, pypdf_evidence, read_pypdf_line

INPUTS = Path(__file__).resolve().parents[2] / "benchmarks" / "accuracy" / "inputs" / "text"


def _lines(typesetter: str, extractor: str, name: str) -> list[Line]:
    text = (INPUTS / typesetter / extractor / f"{name}.txt").read_text(encoding="utf-8")
    return [Line(n, t) for n, t in enumerate(text.splitlines(), 1)]


def test_fingerprint_tells_pypdf_from_pymupdf() -> None:
    assert pypdf_evidence(_lines("fpdf2", "pypdf", "ga-res-79-145")).pypdf
    assert pypdf_evidence(_lines("chromium", "pypdf", "sc-res-2754-2024")).pypdf
    # PyMuPDF gives the same runs left to right, its stops before the line.
    assert not pypdf_evidence(_lines("fpdf2", "pymupdf", "ga-res-79-145")).pypdf
    assert not pypdf_evidence(_lines("chromium", "pymupdf", "sc-res-2754-2024")).pypdf
    # pypdf on LibreOffice: its lines in reading order, dates month first.
    assert not pypdf_evidence(_lines("libreoffice", "pypdf", "ga-res-79-145")).pypdf


def test_real_lines_read_back() -> None:
    lines = _lines("fpdf2", "pypdf", "ga-res-79-145")
    assert read_pypdf_line(lines[116].text) == (
        "19 - تلاحظ أن تكاليف خدمة الفريق العامل تقدر بمبلغ 1 245 600 دولار لفترة السنتين"
    )
    assert read_pypdf_line(lines[22].text) == (
        "النامية، المعقود في سانت جونز في الفترة من 27 إلى 30 أيار/مايو 2024،"
    )


def test_decision_recorded_and_clean_text_unchanged() -> None:
    text = "\n".join(line.text for line in _lines("fpdf2", "pypdf", "ga-res-79-145"))
    result = unparse.repair_text(text)
    decision = next(d for d in result.decisions if d.step == "pypdf_order")
    assert decision.value is True and decision.evidence["repaired"]
    clean = "قرار اتخذته الجمعية العامة في 11 كانون الأول/ديسمبر 2024"
    assert unparse.repair_text(clean).text == clean


def test_chromium_labels_read_on_letters() -> None:
    """pypdf on Chromium gives presentation forms: the fingerprint is counted on the
    letters, and a sub-item label given after its line's words goes first."""
    lines = _lines("chromium", "pypdf", "sg-a-78-245-road-safety")
    raw = next(line.text for line in lines if line.text.endswith(".( ج) "))
    assert label_last_first(fold_presentation_forms(raw)) == (
        "(ج) إنشاء مراصد وطنية للسلامة على الطرق تتولى جمع البيانات وتحليلها ونشرها سنويا."
    )
    assert item_label_first("( ب) تخصيص نسبة ثابتة") == "(ب) تخصيص نسبة ثابتة"
    text = "\n".join(line.text for line in lines)
    result = unparse.repair_text(text)
    decision = next(d for d in result.decisions if d.step == "pypdf_order")
    assert decision.value is True
    assert "(ج) إنشاء مراصد وطنية للسلامة على الطرق تتولى جمع البيانات وتحليلها ونشرها سنويا." in (
        result.text.splitlines()
    )
