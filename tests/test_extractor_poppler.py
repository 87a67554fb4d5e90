"""poppler's pdftotext (default, -layout, -raw): fingerprint, embeddings, kashida, -raw order.

Every example is a real line of the accuracy benchmark's committed outputs
(``benchmarks/accuracy/inputs/text/TYPESETTER/pdftotext*/NAME.txt``, dev documents).
"""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

from unparse.lines import split_lines
from unparse.repair import fingerprint as fingerprint_module
from unparse.repair import poppler, repair
from unparse.repair.fingerprint import Fingerprint, fingerprint
from unparse.repair.poppler import logical_raw_line, logical_run, unembed_line

RLE, LRE, PDF = "\u202b", "\u202a", "\u202c"
INPUTS = Path(__file__).resolve().parent.parent / "benchmarks" / "accuracy" / "inputs" / "text"


def controls(text: str) -> str:
    """``⟨R⟩ ⟨L⟩ ⟨P⟩`` written for the invisible RLE, LRE and PDF."""
    return text.replace("⟨R⟩", RLE).replace("⟨L⟩", LRE).replace("⟨P⟩", PDF)


@pytest.mark.parametrize("module", [fingerprint_module, poppler])
def test_docstring_examples(module: object) -> None:
    failures, _ = doctest.testmod(module, raise_on_error=False)  # type: ignore[arg-type]
    assert failures == 0


# --- fingerprint --------------------------------------------------------------------


def test_fingerprint_of_each_pdftotext_mode() -> None:
    name = "ga-dec-78-540.txt"
    for mode, producer in [
        ("pdftotext", "poppler"),
        ("pdftotext-layout", "poppler"),
        ("pdftotext-raw", "poppler-raw"),
    ]:
        text = (INPUTS / "libreoffice" / mode / name).read_text(encoding="utf-8")
        fp = fingerprint(split_lines(text), form_feeds=text.count("\f"))
        assert fp.producer == producer, mode
        assert fp.form_feeds == 1
    layout = (INPUTS / "libreoffice" / "pdftotext-layout" / name).read_text(encoding="utf-8")
    assert fingerprint(split_lines(layout)).leading_space_lines > 5


def test_fingerprint_is_recorded_and_gates_reordering() -> None:
    text = (INPUTS / "chromium" / "pdftotext" / "ga-dec-78-540.txt").read_text(encoding="utf-8")
    result = repair(text)
    fp = result.facts["fingerprint"]
    assert isinstance(fp, Fingerprint) and fp.producer == "poppler"
    assert result.facts["logical_order"] is True
    assert "runs_reversed" not in result.facts
    assert not [f for f in result.fixes if f.kind in ("line_order", "visual_order")]
    assert fp.summary().startswith("producer=poppler: ")


def test_clean_text_has_no_fingerprint() -> None:
    result = repair("إن الجمعية العامة،\nإذ تشير إلى قرارها 77/121 المؤرخ 12 كانون الأول/ديسمبر 2022،")
    fp = result.facts["fingerprint"]
    assert isinstance(fp, Fingerprint) and fp.producer is None
    assert "logical_order" not in result.facts


# --- default and -layout: embeddings --------------------------------------------------


@pytest.mark.parametrize(
    ("line", "clean"),
    [
        # ga-dec-78-540 × libreoffice, line 6
        ("⟨R⟩البند ⟨L⟩ 50⟨P⟩من جدول الأعمال⟨P⟩", "البند 50 من جدول الأعمال"),
        # ga-dec-78-540 × libreoffice, line 10 (after the kashida step)
        (
            "⟨R⟩إن الجمعية العامة⟨L⟩ ،⟨P⟩إذ تشير إلى قرارها ⟨L⟩ 77/121⟨P⟩المؤرخ ⟨L⟩ 12⟨P⟩"
            "كانون الأول⟨L⟩/⟨P⟩ديسمبر ⟨L⟩ ،2022⟨P⟩وبناء⟨P⟩",
            "إن الجمعية العامة، إذ تشير إلى قرارها 77/121 المؤرخ 12 كانون الأول/ديسمبر 2022، وبناء",
        ),
        # ga-dec-78-540 × libreoffice, line 18: the footnote
        ("⟨R⟩(⟨L⟩ ،A/78/403 )1⟨P⟩الفقرة ⟨L⟩.14⟨P⟩⟨P⟩", "(1) A/78/403، الفقرة 14."),
        # ga-res-78-72 × chromium, line 4 and 8
        ("⟨R⟩البند ⟨L⟩( ٩٩⟨P⟩ز) من جدول الأعمال*⟨P⟩", "البند ٩٩ (ز) من جدول الأعمال*"),
        (
            "⟨R⟩[بناء على تقرير اللجنة الأولى (⟨L⟩ ،A/78/407⟨P⟩الفقرة ⟨L⟩])٩٨⟨P⟩⟨P⟩",
            "[بناء على تقرير اللجنة الأولى (A/78/407، الفقرة ٩٨)]",
        ),
        # ga-res-78-72 × chromium, line 17: a thousands group
        (
            "⟨R⟩يقدر بنحو ⟨L⟩ ٥٠٠ ١٢⟨P⟩رأس حربي⟨L⟩ ،⟨P⟩وأن⟨P⟩",
            "يقدر بنحو ١٢ ٥٠٠ رأس حربي، وأن",
        ),
        # ctoc-cop-dec-10-4 × libreoffice: an Eastern-digit range
        (
            "⟨R⟩فيينا⟨L⟩ ١٦-١٢ ،⟨P⟩تشرين الأول⟨L⟩/⟨P⟩أكتوبر ⟨L⟩٢٠٢٠⟨P⟩⟨P⟩",
            "فيينا، ١٢-١٦ تشرين الأول/أكتوبر ٢٠٢٠",
        ),
        # sg-a-78-245 × libreoffice: a Western-digit range and a decimal
        ("⟨R⟩⟨L⟩ 2030-2015⟨P⟩بنحو ⟨L⟩ 1,8⟨P⟩تريليون⟨P⟩", "2015-2030 بنحو 1,8 تريليون"),
        # a paragraph number
        ("⟨R⟩⟨L⟩ - ١⟨P⟩تطلب إلى الدول⟨P⟩", "١ - تطلب إلى الدول"),
        # the symbol and the job number: no Arabic letter, written left to right
        ("⟨R⟩⟨L⟩A/DEC/78/540⟨P⟩⟨P⟩", "A/DEC/78/540"),
        ("⟨R⟩)⟨L⟩23-90066 (A⟨P⟩⟨P⟩", "23-90066 (A)"),
        # sg-a-79-168 × libreoffice, lines 28 and 35: Latin lines of right-to-left paragraphs
        ("⟨R⟩(⟨L⟩.)E/CN.15/2024/2⟨P⟩⟨P⟩", "(E/CN.15/2024/2)."),
        (
            "⟨R⟩(⟨L⟩.United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574 )١⟨P⟩⟨P⟩",
            "(١) United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574.",
        ),
    ],
)
def test_unembed_line(line: str, clean: str) -> None:
    assert unembed_line(controls(line)) == clean


def test_unembed_line_keeps_layout_columns() -> None:
    # ga-dec-78-540 × libreoffice, pdftotext -layout line 1: page number and symbol.
    line = controls("⟨R⟩⟨L⟩1⟨P⟩⟨P⟩" + " " * 20 + "⟨R⟩⟨L⟩A/DEC/78/540⟨P⟩⟨P⟩")
    assert unembed_line(line) == "1" + " " * 20 + "A/DEC/78/540"


def test_unembed_line_leaves_unpaired_controls() -> None:
    assert unembed_line(controls("⟨R⟩البند ⟨L⟩ 50")) == controls("⟨R⟩البند ⟨L⟩ 50")
    assert unembed_line("البند 50") == "البند 50"


def test_logical_run_keeps_latin_units() -> None:
    assert logical_run("A/78/L.5 and Corr.1") == "A/78/L.5 and Corr.1"
    assert logical_run(" )A/78/10") == "A/78/10) "


# --- kashida ------------------------------------------------------------------------


def test_kashida_runs_removed_only_inside_known_words() -> None:
    # ga-dec-78-540 × libreoffice, line 12.
    line = controls(
        "⟨R⟩عدد أعضاء لجنة استخدام الفضاء الخ⟨L⟩33⟨P⟩ارجي في الأغ⟨L⟩33⟨P⟩راض الس⟨L⟩33⟨P⟩لمية"
        " من ⟨L⟩ 102⟨P⟩إلى ⟨L⟩ 104⟨P⟩أعض⟨L⟩33⟨P⟩اء⟨L⟩،⟨P⟩⟨P⟩"
    )
    result = repair(line + "\n" + controls("⟨R⟩البند ⟨L⟩ 50⟨P⟩من جدول الأعمال⟨P⟩"))
    assert (
        result.text.split("\n")[0]
        == "عدد أعضاء لجنة استخدام الفضاء الخارجي في الأغراض السلمية من 102 إلى 104 أعضاء،"
    )
    assert [f.kind for f in result.fixes if f.line == 1][:2] == ["kashida", "poppler_embeddings"]
    # The slash between two words is the author's; an unknown word keeps its run.
    kept = controls("⟨R⟩كانون الأول⟨L⟩/⟨P⟩ديسمبر قفز⟨L⟩33⟨P⟩غظ⟨P⟩")
    fixed = repair(kept + "\n" + controls("⟨R⟩البند ⟨L⟩ 50⟨P⟩من⟨P⟩")).text.split("\n")[0]
    assert fixed == "كانون الأول/ديسمبر قفز33غظ"


# --- -raw ---------------------------------------------------------------------------


def test_logical_raw_line() -> None:
    # ga-dec-78-540 × chromium, pdftotext -raw line 9.
    line = controls(
        ")⟨R⟩الرابعة⟨P⟩ ⟨R⟩(اللجنة⟨P⟩ ⟨R⟩استعمار⟨P⟩⟨R⟩ل⟨P⟩⟨R⟩ا⟨P⟩ ⟨R⟩وإنهاء⟨P⟩ ⟨R⟩السياسية⟨P⟩ ⟨R⟩للمسائل⟨P⟩"
    )
    assert logical_raw_line(line) == "للمسائل السياسية وإنهاء الاستعمار (اللجنة الرابعة)"
    assert logical_raw_line(controls(".14 ⟨R⟩الفقرة⟨P⟩ ،A/78/403 )1(")) == "(1) A/78/403، الفقرة 14."


def test_raw_text_repaired_in_logical_order() -> None:
    text = (INPUTS / "chromium" / "pdftotext-raw" / "ga-dec-78-540.txt").read_text(encoding="utf-8")
    lines = repair(text).text.split("\n")
    assert "البند 50 من جدول الأعمال" in lines
    assert "المقرر 78/540" in lines
