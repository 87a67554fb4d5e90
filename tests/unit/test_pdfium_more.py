"""pypdfium2 on Chromium: words reversed into other words, openers' spaces, and guillemets
as drawn (every typesetter): repair/pdfium_more.py, each rule on its real example and
through the pipeline, gated on the producer's evidence."""

from __future__ import annotations

from pathlib import Path

import unparse
from unparse.repair.pdfium_more import (
    mirrored_quote_evidence,
    space_openers,
    swap_quotes,
    unreverse_ambiguous,
)

INPUTS = Path(__file__).resolve().parents[2] / "benchmarks" / "accuracy" / "inputs" / "text"


def test_reversed_word_that_is_a_word_both_ways() -> None:
    # ga-res-79-145 (Chromium) lines 37 and 39: "ما" and "مع" came out as "ام" and "عم".
    assert unreverse_ambiguous("الفيضانات الساحلية وشدتها، وهو ام يهدد الأمن الغذائي") == (
        "الفيضانات الساحلية وشدتها، وهو ما يهدد الأمن الغذائي"
    )
    assert unreverse_ambiguous("جهودها الرامية إلى التكيف عم هذه الآثار") == (
        "جهودها الرامية إلى التكيف مع هذه الآثار"
    )
    # Both common: "عضو" (for "وضع", hrc-res-53-18 line 43) is not ten times less likely.
    assert unreverse_ambiguous("فعليا في عضو التشريعات") == "فعليا في عضو التشريعات"
    assert unreverse_ambiguous("القرار 78/69") == "القرار 78/69"


def test_opener_space_moved_back() -> None:
    # ctoc-cop-dec-10-4 (Chromium) line 17; ga-res-79-145 line 7.
    assert space_openers("مرض فيروس كورونا) كوفيد١٩-( قد أثرت") == "مرض فيروس كورونا )كوفيد١٩-( قد أثرت"
    assert space_openers("دنبلا 77) أ( نم جدول الأعمال") == "دنبلا 77 )أ( نم جدول الأعمال"
    # A closing bracket of a Latin run, no mirrored closer after it: left.
    assert space_openers("(A/78/L.29) و )ب(") == "(A/78/L.29) و )ب("


def test_guillemets_as_drawn_swapped() -> None:
    # ga-res-77-231 (LibreOffice) line 47.
    line = ")٥( العقد الدولي للعمل، »الماء من أجل التنمية المستدامة«؛"
    assert mirrored_quote_evidence(line) == (2, 0)
    assert swap_quotes(line) == ")٥( العقد الدولي للعمل، «الماء من أجل التنمية المستدامة»؛"
    # "و«" is glued to its letter: neither opener nor closer by shape.
    assert mirrored_quote_evidence("المعنون «الماء» و«السلام»") == (0, 3)


def test_pipeline_on_a_chromium_page() -> None:
    raw = (INPUTS / "chromium" / "pypdfium2" / "ga-res-79-145.txt").read_text(encoding="utf-8")
    result = unparse.repair_text(raw)
    lines = result.text.split("\n")
    assert result.facts["pdfium_quotes"] == {"as_drawn": 10, "as_written": 2}
    assert "البند 77 (أ) من جدول الأعمال" in lines
    # (The reference before the closing quotation mark is left where it was drawn.)
    assert "المعنون «محيطنا، مستقبلنا: دعوة إلى العمل(»3)،" in lines
    assert (
        "9 - ترحب بمبادرة الأمين العام المعنونة «الإنذار المبكر للجميع»، وتشجع الدول على المساهمة في" in lines
    )
    assert (
        "الفيضانات الساحلية وشدتها، وهو ما يهدد الأمن الغذائي والمائي وسبل العيش والبنية التحتية، بل ويهدد في"
        in lines
    )
    kinds = {f.kind for f in result.fixes}
    assert {"ambiguous_reversed_words", "pdfium_opener_space", "pdfium_quotes"} <= kinds


def test_pipeline_on_a_libreoffice_page_swaps_quotes_only() -> None:
    raw = (INPUTS / "libreoffice" / "pypdfium2" / "ga-res-77-231.txt").read_text(encoding="utf-8")
    result = unparse.repair_text(raw)
    assert result.facts["pdfium_quotes"] == {"as_drawn": 10, "as_written": 0}
    assert "(5) العقد الدولي للعمل، «الماء من أجل التنمية المستدامة»؛" in result.text.split("\n")
    kinds = {f.kind for f in result.fixes}
    assert "ambiguous_reversed_words" not in kinds and "pdfium_opener_space" not in kinds


def test_clean_text_untouched() -> None:
    text = "المعنون «الماء من أجل التنمية المستدامة»، وهو ما يهدد (أ) الأمن الغذائي"
    assert unparse.normalize(text) == text
