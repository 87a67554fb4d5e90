"""poppler's pdftotext (default, -layout, -raw): fingerprint, embeddings, kashida, -raw order.

Every example is a real line of the accuracy benchmark's committed outputs
(``benchmarks/accuracy/inputs/text/TYPESETTER/pdftotext*/NAME.txt``, dev documents).
"""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest
import regex

import unparse
from invariants import check_nothing_lost
from unparse.lines import split_lines
from unparse.repair import fingerprint as fingerprint_module
from unparse.repair import poppler, poppler_kashida, poppler_raw, poppler_raw_order, repair
from unparse.repair.fingerprint import Fingerprint, fingerprint
from unparse.repair.poppler import logical_run, unembed_line
from unparse.repair.poppler_raw_order import logical_raw_line

RLE, LRE, PDF = "\u202b", "\u202a", "\u202c"
INPUTS = Path(__file__).resolve().parents[2] / "benchmarks" / "accuracy" / "inputs" / "text"


def controls(text: str) -> str:
    """``⟨R⟩ ⟨L⟩ ⟨P⟩`` written for the invisible RLE, LRE and PDF."""
    return text.replace("⟨R⟩", RLE).replace("⟨L⟩", LRE).replace("⟨P⟩", PDF)


@pytest.mark.parametrize(
    "module", [fingerprint_module, poppler, poppler_kashida, poppler_raw, poppler_raw_order]
)
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
    text = "إن الجمعية العامة،\nإذ تشير إلى قرارها 77/121 المؤرخ 12 كانون الأول/ديسمبر 2022،"
    result = repair(text)
    fp = result.facts["fingerprint"]
    assert isinstance(fp, Fingerprint) and fp.producer is None
    # Only its one whole date says the text reads in order (true of clean text); nothing
    # changes.
    assert result.facts["date_order"].day_month_year == 1
    assert result.text == text and not result.fixes
    assert "logical_order" not in repair("إن الجمعية العامة،\nإذ تشير إلى قرارها 77/121").facts


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


def test_raw_kashida_glyphs_between_the_runs_of_a_word() -> None:
    # hrc-res-54-12 × libreoffice, pdftotext -raw: kashida glyphs read as "A" or "AA"
    # between the embeddings of one word ("وسبل", "القانون الدولي").
    lines = [
        "⟨R⟩بل⟨P⟩A⟨R⟩وس⟨P⟩ ⟨R⟩زراعي⟨P⟩A⟨R⟩ال⟨P⟩",
        "⟨R⟩دولي⟨P⟩AA⟨R⟩ال⟨P⟩ ⟨R⟩انون⟨P⟩AA⟨R⟩الق⟨P⟩ ⟨R⟩يحظره⟨P⟩ ⟨R⟩ما⟨P⟩ ⟨R⟩وهو⟨P⟩",
        "⟨R⟩الأعمال⟨P⟩ ⟨R⟩جدول⟨P⟩ ⟨R⟩من⟨P⟩ ⟨R⟩البند⟨P⟩",
    ]
    result = repair("\n".join(controls(line) for line in lines))
    assert result.text.split("\n")[:2] == ["الزراعي وسبل", "وهو ما يحظره القانون الدولي"]
    assert [f.kind for f in result.fixes if f.line == 1][:1] == ["kashida"]
    # A glyph between runs that form no known word stays.
    kept = controls("⟨R⟩غظ⟨P⟩AA⟨R⟩قفز⟨P⟩ ⟨R⟩الأعمال⟨P⟩ ⟨R⟩جدول⟨P⟩ ⟨R⟩من⟨P⟩")
    assert "AA" in repair(kept + "\n" + controls(lines[2])).text


def test_raw_footnotes_back_on_their_own_lines() -> None:
    # ga-res-example × libreoffice, pdftotext -raw: a note's marker on three lines, as its
    # reference was higher on the page; the note runs to the page's job number.
    text = (INPUTS / "libreoffice" / "pdftotext-raw" / "ga-res-example.txt").read_text(encoding="utf-8")
    result = repair(text)
    lines = result.text.split("\n")
    assert "(1) A/RES/76/172." in lines
    assert "(3) United Nations, Treaty Series, vol. 1577, No. 27531." in lines
    # The references stay references: "(1)" glued to the word it follows; the numbers
    # -raw put on lines of their own are back in their sentence.
    assert (
        "إذ تشير إلى جميع قراراتها السابقة المتعلقة بحماية المهاجرين، ومنها القرار 76/172"
        " المؤرخ 16 كانون الأول/ديسمبر 2021(1)،"
    ) in lines
    assert "(ب) أن تضع بدائل للاحتجاز، بما في ذلك خلال الفترة 2024-2026؛" in lines
    assert "'1' أن تتيح التسجيل المجاني للمواليد؛" in lines
    assert [f.line for f in result.fixes if f.kind == "raw_footnote"] == [64, 69, 78]
    assert unparse.normalize(result.text) == result.text
    check_nothing_lost(text, result)
    doc = unparse.parse_text(text)
    assert [(f.marker, f.text) for f in doc.footnotes][::2] == [
        ("1", "A/RES/76/172."),
        ("3", "United Nations, Treaty Series, vol. 1577, No. 27531."),
    ]


def test_raw_footnote_lines_in_visual_order() -> None:
    # ga-res-example × chromium, pdftotext -raw: a note line with no Arabic, in visual
    # order; its references written apart from their words ("(2)، الذي يعلن").
    text = (INPUTS / "chromium" / "pdftotext-raw" / "ga-res-example.txt").read_text(encoding="utf-8")
    doc = unparse.parse_text(text)
    assert [(f.marker, f.text) for f in doc.footnotes] == [
        ("1", "A/RES/76/172."),
        ("2", "القرار 217 ألف (د-3)."),
        ("3", "United Nations, Treaty Series, vol. 1577, No. 27531."),
    ]
    # A line that is not a note keeps its order, as does a list's (1) after note 1.
    assert poppler_raw.logical_note_line("United Nations )3( vol") == "United Nations )3( vol"
    lines = ["(", "1", ")،", "(", "1", ")", "A/RES/76/172", ".", "(", "1", ")", "تيسير حصولهم"]
    ctx_text = "\n".join(controls("⟨R⟩الأعمال⟨P⟩ ⟨R⟩جدول⟨P⟩ ⟨R⟩من⟨P⟩") for _ in range(3))
    result = repair(ctx_text + "\n" + "\n".join(lines))
    assert [f.line for f in result.fixes if f.kind == "raw_footnote"] == [7]


def test_raw_lines_cut_at_numbers_and_kashida_glyphs_are_one_again() -> None:
    # sg-a-78-267 × libreoffice, pdftotext -raw: a visual line cut at its kashida glyphs
    # ("6" ending one line and starting the next), a date cut at its numbers and slash.
    text = (INPUTS / "libreoffice" / "pdftotext-raw" / "sg-a-78-267-disaster-risk.txt").read_text(
        encoding="utf-8"
    )
    result = repair(text)
    lines = result.text.split("\n")
    assert any(
        line.startswith("2 - ويغطي التقرير الفترة من 1 آب/أغسطس 2022 إلى 31 تموز/يوليه 2023.")
        for line in lines
    )
    assert "kashida_line_break" in {f.kind for f in result.fixes}
    assert unparse.normalize(result.text) == result.text
    check_nothing_lost(text, result)
    # A paragraph's number alone before its dash is not joined to the sentence before it.
    lines = ["⟨R⟩يوما؛⟨P⟩ ⟨R⟩تتجاوز⟨P⟩", "1", "⟨R⟩الدول⟨P⟩ ⟨R⟩جميع⟨P⟩ ⟨R⟩إلى⟨P⟩ ⟨R⟩تطلب⟨P⟩ -"]
    fixed = repair("\n".join(controls(line) for line in lines)).text
    assert fixed == "تتجاوز يوما؛\n1 - تطلب إلى جميع الدول"


def test_raw_number_slash_drawn_after_the_number() -> None:
    # ga-dec-78-540 × libreoffice, pdftotext -raw: "78 540" then "/" alone (78/540), the
    # decision's symbol and the resolution it recalls (77/121).
    text = (INPUTS / "libreoffice" / "pdftotext-raw" / "ga-dec-78-540.txt").read_text(encoding="utf-8")
    result = repair(text)
    lines = result.text.split("\n")
    assert "البند 50 من جدول الأعمال المقرر 78/540" in lines
    assert "إن الجمعية العامة، إذ تشير إلى قرارها 77/121" in lines
    assert unparse.normalize(result.text) == result.text
    check_nothing_lost(text, result)


def test_raw_label_brackets_and_heading_dashes_back_in_place() -> None:
    # report-ctoc-cop-wg3-2023-4 × libreoffice, pdftotext -raw: each sub-item's brackets
    # come as ") (" on the line after its letter, each heading's dash alone after it. Once
    # in place, a second pass leaves them (the mirrored-bracket step turned ") (" round).
    text = (
        INPUTS / "libreoffice" / "pdftotext-raw" / "report-ctoc-cop-wg3-2023-4-intl-cooperation.txt"
    ).read_text(encoding="utf-8")
    result = repair(text)
    lines = result.text.split("\n")
    assert "ثانياً - التوصيات" in lines
    assert "(أ) ينبغي للدول الأطراف أن تنظر في استخدام الاتفاقية أساسا قانونيا للتعاون الدولي" in lines
    assert ") (" not in lines
    assert unparse.normalize(result.text) == result.text
    check_nothing_lost(text, result)
    doc = unparse.parse_text(text)
    assert [s.label for p in doc.paragraphs for s in p.sub_items] == ["أ", "ب", "ج", "د"]


def test_words_cut_at_a_letter_gap_are_joined() -> None:
    # report-a-ac105-1307-stsc × libreoffice, pdftotext: a justified line whose letter gaps
    # came out as spaces; "ب من" stays (both stand alone in the text), clean text too.
    text = (INPUTS / "libreoffice" / "pdftotext" / "report-a-ac105-1307-stsc.txt").read_text(encoding="utf-8")
    result = repair(text)
    lines = result.text.split("\n")
    assert any("الحطام الفضائي الصادرة عن لجنة استخدام الفضاء الخارجي في الأغراض السلمية" in x for x in lines)
    assert any("وأن نسبة تفوق 88 في المائة من جميع السواتل" in x for x in lines)
    assert "cut_words" in {f.kind for f in result.fixes}
    assert unparse.normalize(result.text) == result.text
    check_nothing_lost(text, result)
    clean = "في مجال الفضاء في مجال البحار ب من يرى في مجال"
    assert unparse.normalize(clean) == clean


def test_run_brackets_and_latin_kashida_codes() -> None:
    # sg-e-2024-55 × libreoffice, pdftotext: kashida glyphs read as "AA" inside words the
    # word list does not know ("واس⟨LRE⟩AA⟨PDF⟩توفت"), a sub-item's bracket with the run's
    # space inside it ("( ب)"), a Latin citation's closing bracket at its start.
    text = (INPUTS / "libreoffice" / "pdftotext" / "sg-e-2024-55-gender-mainstreaming.txt").read_text(
        encoding="utf-8"
    )
    result = repair(text)
    lines = result.text.split("\n")
    assert regex.search(r"[\u0621-\u064a][A-Za-z]+[\u0621-\u064a]", result.text) is None
    assert any(x.startswith("(ب) إنشاء برامج للتوجيه والقيادة") for x in lines)
    assert "(2) انظر UNEG, UN-SWAP Evaluation Performance Indicator Technical Note (New York, 2018)." in lines
    assert unparse.normalize(result.text) == result.text
    check_nothing_lost(text, result)
    # A Latin letter inside words fewer than five times is no kashida code.
    assert poppler_kashida.kashida_glyph_codes(controls("واس⟨L⟩AA⟨P⟩توفت ") * 4) == set()
    assert poppler_kashida.kashida_glyph_codes(controls("واس⟨L⟩AA⟨P⟩توفت ") * 5) == {"A"}


def test_a_raised_reference_goes_into_the_line_below() -> None:
    # ga-res-78-72 × chromium, pdftotext: the superscript "(١)" of the second preambular
    # paragraph on a line of its own above it; left there it joined two paragraphs.
    text = (INPUTS / "chromium" / "pdftotext" / "ga-res-78-72.txt").read_text(encoding="utf-8")
    result = repair(text)
    lines = result.text.split("\n")
    start = "وإذ تشير إلى الوثيقة الختامية للدورة الاستثنائية العاشرة للجمعية العامة(1)، وهي"
    assert any(x.startswith(start) for x in lines)
    assert not any(x.strip() in ("(1)", "(2)") for x in lines)
    assert unparse.normalize(result.text) == result.text
    check_nothing_lost(text, result)
    preamble = unparse.parse_text(text).preamble
    assert preamble[4].text.startswith("وإذ تشير إلى الوثيقة الختامية")
    assert "الوثيقة الختامية" not in preamble[3].text


def test_raw_line_rebuilt_when_a_stop_cut_a_word_into_known_pieces() -> None:
    # hrc-res-53-18 × fpdf2, pdftotext -raw: "⟨R⟩ية؛⟨P⟩⟨R⟩الأولو⟨P⟩ ⟨R⟩سبيل⟨P⟩ ..." reads as
    # two pieces the word list holds ("ية", "الأولو"): one known word more than the whole
    # "الأولوية؛", no unknown letter fewer; the line is rebuilt.
    text = (INPUTS / "fpdf2" / "pdftotext-raw" / "hrc-res-53-18.txt").read_text(encoding="utf-8")
    result = repair(text)
    line = "الاختياري الملحق بها، أو لم تنضم إليهما، أن تنظر في القيام بذلك على سبيل الأولوية؛"
    assert line in result.text.split("\n")
    assert unparse.normalize(result.text) == result.text
    check_nothing_lost(text, result)


def test_one_word_lines_decide_neither_poppler_mode() -> None:
    # pdftotext -raw on LibreOffice (ga-res-78-96, dev): a part of the text where lines of one
    # word in one embedding outnumber the -raw lines; they counted as poppler's default mode,
    # whose lines were then left in visual order (a second pass reordered them).
    path = INPUTS / "libreoffice" / "pdftotext-raw" / "ga-res-78-96.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    start = next(i for i, t in enumerate(lines) if t.startswith(controls("⟨R⟩إلى⟨P⟩ ⟨R⟩الثقافية⟨P⟩")))
    assert lines[start - 2 : start] == [controls("⟨R⟩؛⟨P⟩"), "6"]
    part = "\n".join(lines[start - 2 : start + 23])
    fp = fingerprint(split_lines(part))
    assert fp.producer == "poppler-raw" and fp.one_word_lines >= 2
    text = unparse.normalize(part)
    assert "6 - تدعو الدول الأعضاء إلى تقديم تبرعات إلى الصندوق الدولي لإعادة الممتلكات الثقافية إلى" in text
    assert fingerprint(split_lines("\n".join(lines))).producer == "poppler-raw"


def test_a_label_held_apart_from_its_closing_bracket_is_closed_up() -> None:
    # pdftotext on LibreOffice: "(ii)" drawn with a gap after the narrow "ii" comes out
    # "( ) ii" in its run; read, "(ii )": the second-level point was not seen.
    line = "\u202b(\u202a ) ii\u202cالإمدادات المخصصة حصرا لقوات الأمن\u202c"
    assert unembed_line(line) == "(ii ) الإمدادات المخصصة حصرا لقوات الأمن"
    fixed = poppler.fix_run_brackets(unembed_line(line))
    assert fixed == "(ii) الإمدادات المخصصة حصرا لقوات الأمن"
    text = "1 - يقرر ما يلي:\n(أ) الأسلحة، ما عدا ما يلي:\n(i) الإمدادات المخصصة للبعثة؛\n" + fixed + "\n"
    doc = unparse.parse_text(text)
    [point] = doc.paragraphs[0].sub_items
    assert [(s.label, s.text) for s in point.sub_items] == [
        ("i", "الإمدادات المخصصة للبعثة؛"),
        ("ii", "الإمدادات المخصصة حصرا لقوات الأمن"),
    ]
    # Not inside a line, nor a bracket that holds words.
    assert poppler.fix_run_brackets("انظر (ii ) أعلاه") == "انظر (ii ) أعلاه"
    assert poppler.fix_run_brackets("(انظر أدناه ) النص") == "(انظر أدناه ) النص"


def test_raw_number_lines_leave_the_formula_on_its_own_line() -> None:
    # pdftotext -raw on LibreOffice (sc-res-2754, benchmark dev split): the adoption line
    # cut at each number, then the formula; joined into the adoption line, the formula was
    # lost and the seven preambular paragraphs with it.
    text = Path(__file__).resolve().parents[2] / "benchmarks/accuracy/inputs/text/libreoffice/pdftotext-raw"
    doc = unparse.parse_text((text / "sc-res-2754-2024.txt").read_text(encoding="utf-8"))
    assert doc.preamble_opening == "إن مجلس الأمن،"
    assert [p.lead for p in doc.preamble][:3] == ["إذ يشير", "وإذ يضع", "وإذ يعرب"]
    assert len(doc.preamble) == 7
    lines = [
        "الذي اتخذه مجلس الأمن في جلسته",
        "9768",
        "، المعقودة في",
        "5",
        "تشرين الثاني/نوفمبر",
        "2024",
        "إن مجلس الأمن،",
        "إذ يشير إلى قراراته",
    ]
    joined = poppler_raw.join_raw_number_lines(poppler_raw._raw_lines(*lines), poppler_raw._raw_context())
    assert [line.text for line in joined] == [
        "الذي اتخذه مجلس الأمن في جلسته 9768، المعقودة في 5 تشرين الثاني/نوفمبر 2024",
        "إن مجلس الأمن،",
        "إذ يشير إلى قراراته",
    ]


def test_raw_raised_references_go_back_to_their_paragraphs_last_line() -> None:
    # pdftotext -raw on Chromium (ga-res-77-231, dev split): the raised reference and the
    # comma after it come with the line above the paragraph's last line, or on a line of
    # their own; the paragraph then did not end, and the next one was joined to it.
    text = Path(__file__).resolve().parents[2] / "benchmarks/accuracy/inputs/text/chromium/pdftotext-raw"
    doc = unparse.parse_text((text / "ga-res-77-231.txt").read_text(encoding="utf-8"))
    assert [p.lead for p in doc.preamble] == [
        "إذ تشير", "وإذ تؤكد من جديد", "وإذ تشير", "وإذ يساورها", "وإذ تسلم", "وقد نظرت",
    ]  # fmt: skip
    ends = [(p.text.split()[-1], [r.marker for r in p.footnote_refs]) for p in doc.preamble[2:]]
    assert ends == [("الإنسان،", ["1"]), ("2030،", []), ("العذبة،", []), ("العقد،", ["2"])]
    moved = [(f.before, f.after) for f in doc.fixes if f.kind == "raw_reference" and f.after.endswith("،")]
    # Logged as the step saw the lines: Eastern digits, brackets as drawn.
    assert [after.split()[-1] for _, after in moved] == ["الإنسان)١(،", "العقد)٢(،"]


def test_raw_lead_set_apart_goes_back_before_its_line() -> None:
    # pdftotext -raw on fpdf2 (ctoc-cop-dec-10-4, dev split): the italic lead ends inside
    # "يستذكر" and comes below the rest of its line; the paragraph had no lead.
    text = Path(__file__).resolve().parents[2] / "benchmarks/accuracy/inputs/text/fpdf2/pdftotext-raw"
    doc = unparse.parse_text((text / "ctoc-cop-dec-10-4.txt").read_text(encoding="utf-8"))
    assert [p.lead for p in doc.preamble] == ["إذ يستذكر", "وإذ يستذكر أيضا", "وإذ يلاحظ", "وإذ يحيط علما"]
    assert doc.preamble[0].text.startswith("إذ يستذكر المادتين 29 و30 من اتفاقية الأمم المتحدة")
    joined = [f.after.split()[:3] for f in doc.fixes if f.kind == "raw_split_lead" and f.after]
    assert joined == [["إذ", "يستذكر", "المادتين"], ["وإذ", "يستذكر", "أيضا"]]


def test_raw_lead_cut_at_a_piece_that_is_a_rare_word_goes_back_too() -> None:
    # pdftotext -raw on Chromium (hrc-res-54-12, dev split): "إذ يؤ" below "كد من جديد ...";
    # "يؤ" is in the word list (Zipf 2.0), "يؤكد" a hundred times more (4.6).
    text = Path(__file__).resolve().parents[2] / "benchmarks/accuracy/inputs/text/chromium/pdftotext-raw"
    doc = unparse.parse_text((text / "hrc-res-54-12.txt").read_text(encoding="utf-8"))
    assert doc.preamble[0].lead == "إذ يؤكد من جديد"
    assert doc.preamble[0].text.startswith("إذ يؤكد من جديد جميع القرارات والمقررات السابقة")


def test_raw_verb_cut_before_its_marks_goes_back_whole() -> None:
    # pdftotext -raw on fpdf2 (sg-a-78-245, dev split): "1 - يقد" below "َّ م هذا التقرير ...",
    # the shadda and fatha of the cut letter apart at the start of the line above.
    text = Path(__file__).resolve().parents[2] / "benchmarks/accuracy/inputs/text/fpdf2/pdftotext-raw"
    doc = unparse.parse_text((text / "sg-a-78-245-road-safety.txt").read_text(encoding="utf-8"))
    first = "يقد\u0651\u064eم هذا التقرير عملا بقرار الجمعية العامة 76/294"
    assert doc.paragraphs[0].number == 1
    assert doc.paragraphs[0].text.startswith(first)
    assert (doc.summary or "").startswith(first)


def test_raw_star_note_in_visual_order_is_read() -> None:
    # pdftotext -raw on Chromium and fpdf2 (sg-a-79-168, dev split): the header asterisk's
    # note, a left-to-right line, given as drawn (".A/79/50 *").
    inputs = Path(__file__).resolve().parents[2] / "benchmarks/accuracy/inputs/text"
    for typesetter in ("chromium", "fpdf2"):
        path = inputs / typesetter / "pdftotext-raw"
        doc = unparse.parse_text((path / "sg-a-79-168-crime-programme.txt").read_text(encoding="utf-8"))
        assert [(f.marker, f.text) for f in doc.footnotes if f.marker == "*"] == [("*", "A/79/50.")]
        assert "footnote * is cited but its text is not in the input" not in doc.warnings
