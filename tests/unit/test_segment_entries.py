"""Lists of documents labelled by their symbols (``CRPD/CSP/2023/1 - جدول الأعمال المؤقت``),
as the extractors give them: one line per entry or the symbol on a line of its own, with or
without blank lines; entries whose line before ends with no punctuation."""

from __future__ import annotations

import unparse

# The annex of a dev document (report-crpd-csp-2023-5-conference), as pdftotext gives it
# once repaired: no blank lines, the annex title below its label.
ENTRIES = """\
10 - واعتمد المؤتمر هذا التقرير في جلسته السادسة.

المرفق الأول
قائمة الوثائق
CRPD/CSP/2023/1 - جدول الأعمال المؤقت
CRPD/CSP/2023/2 - ورقة معلومات أساسية: الحلول المبتكرة لإتاحة التكنولوجيا المساعدة
بتكلفة ميسورة
CRPD/CSP/2023/L.1 - مشروع التقرير
المرفق الثاني
ملخص الرئيس للمنتدى غير الرسمي
"""

EXPECTED = [
    "CRPD/CSP/2023/1 - جدول الأعمال المؤقت",
    "CRPD/CSP/2023/2 - ورقة معلومات أساسية: الحلول المبتكرة لإتاحة التكنولوجيا المساعدة بتكلفة ميسورة",
    "CRPD/CSP/2023/L.1 - مشروع التقرير",
]


def _numbered(n: int) -> str:
    paragraph = "تقرر الجمعية العامة مواصلة النظر في هذه المسألة."
    return "".join(f"{i} - {paragraph}\n\n" for i in range(1, n))


def test_each_symbol_opens_an_entry() -> None:
    doc = unparse.parse_text(_numbered(10) + ENTRIES)
    first, second = doc.annexes
    assert (first.label, first.title) == ("المرفق الأول", "قائمة الوثائق")
    assert [(p.number, p.text) for p in first.paragraphs] == [(None, t) for t in EXPECTED]
    assert (second.label, second.title) == ("المرفق الثاني", "ملخص الرئيس للمنتدى غير الرسمي")


def test_a_symbol_on_its_own_line_opens_an_entry_when_its_dash_follows() -> None:
    # pdftotext -raw gives the symbol's run a line of its own, the dash opening the next.
    raw = ENTRIES.replace("CRPD/CSP/2023/1 - ", "CRPD/CSP/2023/1\n- ").replace(
        "CRPD/CSP/2023/L.1 - ", "CRPD/CSP/2023/L.1\n- "
    )
    doc = unparse.parse_text(_numbered(10) + raw)
    assert [p.text for p in doc.annexes[0].paragraphs] == EXPECTED


def test_a_symbol_inside_a_numbered_paragraph_goes_on_with_it() -> None:
    text = (
        "1 - تحيط علما بتقرير الأمين العام الوارد في الوثيقة\n"
        "A/78/320 - وتطلب إليه أن يقدم تقريرا آخر.\n\n"
        "2 - تقرر مواصلة النظر في هذه المسألة.\n"
    )
    doc = unparse.parse_text(text)
    assert [p.number for p in doc.paragraphs] == [1, 2]
    assert doc.paragraphs[0].text.endswith("A/78/320 - وتطلب إليه أن يقدم تقريرا آخر.")


def test_a_symbol_alone_without_its_dash_is_no_entry() -> None:
    annex = "المرفق\nقائمة الوثائق\nوترد الوثائق في ما يلي بحسب رموزها.\nA/78/320\nوثيقة أخرى\n"
    text = _numbered(10) + annex
    doc = unparse.parse_text(text)
    assert [p.text for p in doc.annexes[0].paragraphs] == [
        "وترد الوثائق في ما يلي بحسب رموزها. A/78/320 وثيقة أخرى"
    ]
