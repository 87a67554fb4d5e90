"""Structure counts on the extractors' texts (issue 12): each case is a kind of damage seen
in the benchmark's dev outputs, written here with wording of its own; each assertion fails
on the reading before the rule it tests."""

from __future__ import annotations

import unparse
from unparse.lines import join_wrapped
from unparse.repair.furniture import classify_furniture

HEADER = "الأمم المتحدة\nA/78/245{star}\nالجمعية العامة\nالدورة الثامنة والسبعون\n"
REPORT = (
    "تقرير الأمين العام\n1 - يقدم هذا التقرير عملا بقرار الجمعية العامة 77/121.\n"
    "2 - ويتضمن التقرير معلومات عن التقدم المحرز.\n"
)
NOTE = "أعيد إصدارها لأسباب فنية في 5 أيلول/سبتمبر 2023."


def _notes(doc: unparse.Document) -> list[tuple[str, str]]:
    return [(f.marker, f.text) for f in doc.footnotes]


def test_a_line_of_a_formula_sentence_still_cites_its_note() -> None:
    # The decision's one sentence is read ahead with its formula; the reference on its
    # second line must still open the footnote below it.
    doc = unparse.parse_text(
        "إن الجمعية العامة تقرر أن تدرج في جدول الأعمال المؤقت لدورتها التاسعة والسبعين\n"
        "البند المعنون «تقرير مجلس حقوق الإنسان»(1).\n\n"
        "(1) الوثائق الرسمية للجمعية العامة، الدورة الثامنة والسبعون، الملحق رقم 53 (A/78/53).\n"
    )
    note = "الوثائق الرسمية للجمعية العامة، الدورة الثامنة والسبعون، الملحق رقم 53 (A/78/53)."
    assert _notes(doc) == [("1", note)]
    assert doc.warnings == []


def test_an_asterisk_apart_from_its_note_takes_the_short_line_below() -> None:
    doc = unparse.parse_text(HEADER.format(star="*") + f"*\n{NOTE}\n" + REPORT)
    assert _notes(doc) == [("*", NOTE)]
    assert [p.number for p in doc.paragraphs] == [1, 2]
    assert doc.warnings == []


def test_the_notes_full_stop_alone_below_it_is_its_end() -> None:
    # pdftotext -raw draws the last full stop on a line of its own.
    doc = unparse.parse_text(HEADER.format(star="*") + f"*\n{NOTE[:-1]}\n.\n" + REPORT)
    assert _notes(doc) == [("*", NOTE)]
    assert doc.warnings == []


def test_a_symbol_above_a_lone_asterisk_is_its_note() -> None:
    # pdftotext's reading order: the note's symbol, then its asterisk; the symbol is taken
    # back from the header.
    head = HEADER.format(star="") + "البند 72 (ب) من جدول الأعمال المؤقت*\nA/78/150.\n*\n"
    doc = unparse.parse_text(head + REPORT)
    assert _notes(doc) == [("*", "A/78/150.")]
    assert doc.warnings == []


def test_a_lone_asterisk_with_neither_note_is_left_alone() -> None:
    head = HEADER.format(star="") + "البند 72 (ب) من جدول الأعمال المؤقت*\n*\n"
    doc = unparse.parse_text(head + REPORT)
    assert _notes(doc) == []
    assert "footnote * is cited but its text is not in the input" in doc.warnings


def test_a_note_broken_after_its_opening_bracket_goes_on_below() -> None:
    head = HEADER.format(star="") + "البند 72 (ب) من جدول الأعمال المؤقت*\n* (\nA/78/150).\n"
    doc = unparse.parse_text(head + REPORT)
    assert _notes(doc) == [("*", "(A/78/150).")]


def test_joined_lines_keep_brackets_and_stops_glued() -> None:
    assert join_wrapped(["* (", "A/78/150)."]) == "* (A/78/150)."
    assert join_wrapped(["«", "تقرير»"]) == "«تقرير»"
    assert join_wrapped(["المحرز", "."]) == "المحرز."
    assert join_wrapped(["المحرز", ".."]) == "المحرز .."


def test_a_council_resolution_running_symbol_is_page_furniture() -> None:
    # The running header of a Security Council resolution's pages carries its year.
    paragraph = "يطلب إلى الأمين العام أن يواصل تقديم تقارير منتظمة إلى المجلس عن تنفيذ هذا القرار،"
    text = (
        "الأمم المتحدة\nS/RES/2739 (2024)\nمجلس الأمن\nالقرار 2739 (2024)\n"
        "الذي اتخذه مجلس الأمن في جلسته 9650 المعقودة في 27 حزيران/يونيه 2024\n\n"
        "إن مجلس الأمن،\nإذ يشير إلى قراراته السابقة،\n"
    )
    for n in range(1, 7):
        text += f"{n} - {paragraph}\n" + ("\nS/RES/2739 (2024)\n\n" if n in (2, 4) else "")
    doc = unparse.parse_text(text + "7 - يقرر أن يبقي المسألة قيد نظره.\n")
    assert doc.symbol == "S/RES/2739 (2024)"
    assert [p.text for p in doc.paragraphs[:6]] == [paragraph] * 6
    assert doc.text.count("S/RES/2739") == 1
    assert classify_furniture("S/RES/2739 (2024)") == "running_symbol"
    assert classify_furniture("(2024)") is None
