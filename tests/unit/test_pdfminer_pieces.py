"""pdfminer.six on LibreOffice PDFs: pieces whose runs came in reading order and the stray
glyphs of ligatures, each with its real example from the accuracy benchmark's committed
outputs (``benchmarks/accuracy/inputs/text/libreoffice/pdfminer/``); the module's doctests
run in ``test_extractor_pdfminer_pdfplumber``."""

from __future__ import annotations

from pathlib import Path

from unparse import normalize, repair_text
from unparse.repair.pdfminer_pieces import (
    bracket_joins_number,
    drop_stray_glyphs,
    space_year_brackets,
    visual_number_runs,
)

INPUTS = Path(__file__).resolve().parents[2] / "benchmarks" / "accuracy" / "inputs" / "text"


def _raw(name: str) -> str:
    return (INPUTS / "libreoffice" / "pdfminer" / f"{name}.txt").read_text(encoding="utf-8")


def test_two_numbers_of_one_piece_are_put_in_visual_order() -> None:
    # ecosoc-res-2023-15 line 173, ctoc-cop-dec-10-4 line 14, ctoc-cop-dec-12-1 line 60,
    # report-a-78-7-add-9-acabq-africa-hall line 368, sg-a-78-245-road-safety line 799.
    assert visual_number_runs("20و 40") == "40و 20"
    assert visual_number_runs("١٢-١٦") == "١٦-١٢"
    assert visual_number_runs("٨ ٥٠٠") == "٥٠٠ ٨"
    assert visual_number_runs("41و 42.)") == ".)42و 41"
    assert visual_number_runs("3و  7") == "7و  3"
    # One number and its closing punctuation (ga-dec-78-540 line 80, ga-res-example line 26).
    assert visual_number_runs("14.") == ".14"
    assert visual_number_runs("45])") == "])45"
    # One number, a slash drawn after its number, a number and a year, words: as they are.
    for piece in ("3,6", "4.62", "78 69/", "١٠ ٢/.", "12 2023", "565", "8 ", " نيب حوارتت"):
        assert visual_number_runs(piece) == piece


def test_whole_documents_read_their_number_pairs_right() -> None:
    once = normalize(_raw("ecosoc-res-2023-15"))
    line = "العنف بنسبة تتراوح بين 20 و40 في المائة خلال الفترة 2015-2022 بفضل هذه السياسات؛"
    assert line in once.split("\n")
    assert normalize(once) == once
    lines = normalize(_raw("report-a-78-7-add-9-acabq-africa-hall")).split("\n")
    assert "(A/78/339، الفقرتان 41 و42)." in lines
    once = normalize(_raw("ctoc-cop-dec-12-1"))
    assert "ما يزيد على 8 500 حالة" in once
    assert normalize(once) == once
    assert "(1) A/78/403، الفقرة 14." in normalize(_raw("ga-dec-78-540")).split("\n")


def test_stray_glyphs_of_ligatures_are_dropped() -> None:
    # report-a-ac105-1307-stsc: the lam-kaf ligature's glyph read as "Æ" (visual order).
    assert drop_stray_glyphs("ةريبكÆلا تابكوكÆلا") == "ةريبكلا تابكوكلا"
    # note-a-ac109-2024-5-tokelau: a hamza's glyph after its alef, a space after it.
    assert drop_stray_glyphs("ج Çأو") == "جأو"
    # Logical text, Latin, quotes and numbers by Arabic letters: as they are.
    for text in ("«ك»ل", "الكوكبات", "A/78/L.24 وأ", "2أ", "ك…ل"):
        assert drop_stray_glyphs(text) == text


def test_stray_glyphs_in_whole_documents_are_recorded() -> None:
    result = repair_text(_raw("report-a-ac105-1307-stsc"))
    assert "نشر الكوكبات الكبيرة من السواتل الصغيرة" in result.text
    assert "Æك" not in result.text.replace("الÆ ", "")
    assert sum(1 for f in result.fixes if f.kind == "stray_glyphs") == 16
    assert "pieces_joined" in [d.name for d in result.decisions]
    once = normalize(_raw("ga-res-example"))
    assert "ومتساوين في الكرامة والحقوق،" in once.split("\n")


def test_clean_text_is_not_looked_at() -> None:
    # The step runs only on a document judged visual pieces (no per-line work elsewhere).
    text = "إن الجمعية العامة،\nإذ تشير إلى قرارها 77/121 المؤرخ 12 كانون الأول/ديسمبر 2022،\nبين 20 و40"
    assert normalize(text) == text
    result = repair_text(text)
    assert not [f for f in result.fixes if f.kind == "stray_glyphs"]


def test_a_year_in_brackets_drawn_as_three_pieces_is_joined() -> None:
    # sc-res-2739-2024 lines 40-46: "القرارات 2645 (2022) و2692", the year, its opening
    # bracket and the resolution's number each a piece of its own.
    assert bracket_joins_number("2022", " (") and bracket_joins_number(" (", "2645")
    assert bracket_joins_number("2024", "( ") and bracket_joins_number("( ", "2754")
    assert space_year_brackets(["و )", "2022", " (", "2645"]) == ["و )", "2022", "( ", "2645"]
    # A bracket with no space, or by a symbol or words (ga-dec-78-540, report-a-78-7-add-9).
    for left, right in (("(", "15.)"), (")", "2024"), (" (", "4/"), ("(", "،ءا33ضعأ "), ("(", ")")):
        assert not bracket_joins_number(left, right)
    lines = normalize(_raw("sc-res-2739-2024")).split("\n")
    assert "على النحو المبين في القرار 2476 (2019) وفي هذا القرار؛" in lines
    assert any(line.endswith("ولا سيما القرارات 2645 (2022) و") for line in lines)
    once = normalize(_raw("sc-res-2754-2024"))
    assert "2616 (2021) بشأن الأسلحة الصغيرة" in once.split("\n")
    assert normalize(once) == once
