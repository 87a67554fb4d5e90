"""Numbered paragraphs read by their sequence where numbers were lost, and prose under a
heading told from a stray piece of a line, in texts with no blank lines (pdftotext -raw)."""

from __future__ import annotations

import unparse

P = "تقرر الجمعية العامة مواصلة النظر في هذه المسألة في دورتها المقبلة."


def _numbered(*numbers: int) -> str:
    return "".join(f"{n} - {P}\n" for n in numbers)


def test_paragraphs_after_two_lost_numbers_are_read_by_sequence() -> None:
    # 3 and 4 lost (their lines read without their numbers): 5, 6 and 7 follow each other.
    doc = unparse.parse_text(_numbered(1, 2) + f"{P}\n{P}\n" + _numbered(5, 6, 7))
    assert [p.number for p in doc.paragraphs] == [1, 2, 5, 6, 7]
    assert doc.paragraphs[1].text == f"{P} {P} {P}"
    assert doc.warnings == [
        "paragraphs 3 and 4 were not found before paragraph 5 (the numbers after it follow it)"
    ]


def test_the_first_number_lost_is_read_by_sequence() -> None:
    doc = unparse.parse_text(_numbered(2, 3, 4))
    assert [(p.number, p.text) for p in doc.paragraphs] == [(2, P), (3, P), (4, P)]
    assert doc.warnings == ["paragraph 1 was not found before paragraph 2 (the numbers after it follow it)"]


def test_a_number_the_next_ones_do_not_follow_stays_in_its_paragraph() -> None:
    # 5 after 2, then 9: no sequence goes on from 5, so neither is read as a paragraph.
    doc = unparse.parse_text(_numbered(1, 2, 5, 9))
    assert [p.number for p in doc.paragraphs] == [1, 2]
    assert doc.paragraphs[1].text == f"{P} 5 - {P} 9 - {P}"
    assert doc.warnings == []


def test_more_lost_numbers_than_the_bound_stay_a_break() -> None:
    doc = unparse.parse_text(_numbered(1, 2, 9, 10, 11))
    assert [p.number for p in doc.paragraphs] == [1, 2]


def test_a_piece_of_a_line_above_its_number_is_not_prose() -> None:
    # pdftotext -raw on Chromium (note-a-ac109-2024-5-tokelau): paragraph 9's first line
    # above its number, which kept a piece of its first word; no blank line anywhere. The
    # piece ends no sentence: it is left unplaced, not read as a paragraph of its own.
    text = (
        "رابعا - الحالة البيئية\n"
        "عد توكيلاو من أكثر الأقاليم تعرضا لآثار تغير المناخ وارتفاع مستوى سطح البحر."
        " واعتمد الإقليم استراتيجية\n"
        "9 - تُ\n"
        "«ليفو توكيلاو» للفترة 2017-2030، الرامية إلى التكيف مع تغير المناخ.\n"
        "10 - أكدت حكومة نيوزيلندا أنها ستواصل احترام رغبات شعب توكيلاو.\n"
    )
    doc = unparse.parse_text(_numbered(1, 2, 3, 4, 5, 6, 7, 8) + text)
    assert [p.number for p in doc.paragraphs] == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    assert doc.warnings == [
        "line 10: not placed in the structure: عد توكيلاو من أكثر الأقاليم تعرضا لآثار تغير المناخ"
        " وارتفاع مستوى سطح البحر. واع"
    ]


def test_prose_under_a_heading_before_the_first_number_is_a_paragraph() -> None:
    # The same with no blank lines: the prose ends its sentence before paragraph 1 opens.
    prose = "يعرض هذا الفرع الأنشطة التي اضطلع بها المكتب خلال الفترة المشمولة بالتقرير."
    doc = unparse.parse_text(f"أولا - مقدمة\n{prose}\n" + _numbered(1, 2))
    assert [(p.number, p.text) for p in doc.paragraphs] == [(None, prose), (1, P), (2, P)]
