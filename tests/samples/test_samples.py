"""The exact structure of the five samples, by a careful reading of each."""

from __future__ import annotations

import datetime
from functools import cache

import pytest

import unparse
from conftest import SAMPLES
from unparse import Document


@cache
def doc(name: str) -> Document:
    return unparse.parse(SAMPLES / name)


# sample: kind, preambular, numbered, sub-items {owner: labels}, footnote markers, sections
EXPECTED = {
    "a-64-sg-report-trafficking.txt": ("report", 0, 17, {"p16": "أبجد"}, [], 3),
    "a-res-76-186.txt": (
        "resolution",
        43,
        28,
        {"pre10": "أبجدهـو"},
        [str(i) for i in range(1, 23) if i != 16],
        0,
    ),
    "cop-5-2-trafficking-protocol.txt": (
        "resolution",
        11,
        18,
        {"p7": "أبجدهـ", "p8": "أبجدهـ", "p9": "أب"},
        [str(i) for i in range(1, 8)],
        0,
    ),
    "ctoc-cop-2012-demand-report.txt": ("report", 0, 37, {}, ["*", "1", "2"], 8),
    "a-res-61-180.txt": ("resolution", 11, 19, {}, [str(i) for i in range(1, 8)], 0),
}


def _labels(spec: str) -> list[str]:
    out: list[str] = []
    for ch in spec:
        if ch == "ـ":
            out[-1] += ch
        else:
            out.append(ch)
    return out


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_structure(name: str) -> None:
    kind, n_pre, n_num, subs, markers, n_sections = EXPECTED[name]
    d = doc(name)
    assert d.kind == kind
    assert len(d.preamble) == n_pre
    assert [p.number for p in d.paragraphs] == list(range(1, n_num + 1))
    assert all(p.number is None for p in d.preamble)
    found = {}
    for i, p in enumerate(d.preamble, start=1):
        if p.sub_items:
            found[f"pre{i}"] = [s.label for s in p.sub_items]
    for p in d.paragraphs:
        if p.sub_items:
            found[f"p{p.number}"] = [s.label for s in p.sub_items]
    assert found == {k: _labels(v) for k, v in subs.items()}
    assert [f.marker for f in d.footnotes] == markers
    assert len(d.sections) == n_sections
    # Footnotes never leak into paragraphs.
    for p in d.preamble + d.paragraphs:
        for f in d.footnotes:
            if len(f.text) > 25:
                assert f.text not in p.text


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_spans_are_ordered_and_within_the_file(name: str) -> None:
    d = doc(name)
    n_lines = len((SAMPLES / name).read_text(encoding="utf-8").splitlines())
    last = 0
    for p in d.preamble + d.paragraphs:
        assert 1 <= p.span.start_line <= p.span.end_line <= n_lines
        assert p.span.start_line > last
        last = p.span.start_line
        for s in p.sub_items:
            assert p.span.start_line <= s.span.start_line <= s.span.end_line <= p.span.end_line
    for f in d.footnotes:
        assert 1 <= f.span.start_line <= f.span.end_line <= n_lines


def test_76_186_metadata_and_text() -> None:
    d = doc("a-res-76-186.txt")
    assert d.symbol == "A/RES/76/186"
    assert d.organ == "الجمعية العامة"
    assert d.session == "الدورة السادسة والسبعون"
    assert d.agenda_item == "108"
    assert d.agenda_title == "منع الجريمة والعدالة الجنائية"
    assert d.date == datetime.date(2021, 12, 16)
    assert d.title == "تحسين تنسيق الجهود المبذولة لمكافحة الاتجار بالأشخاص"
    assert d.preamble_opening == "إن الجمعية العامة،"
    assert d.closing is not None and d.closing.startswith("الجلسة العامة 53")
    assert d.closing_date == datetime.date(2021, 12, 16)
    assert d.operative == d.paragraphs
    assert [p.text.split()[0] for p in d.paragraphs] == [
        "تحث",
        "تحث",
        "تهيب",
        "تشير",
        "تشير",
        "تطلب",
        "تشير",
        "تعرب",
        "تعرب",
        "تشجيع",
        "تحيط",
        "ترحب",
        "تدعو",
        "تحيط",
        "تدعو",
        "تهييب",
        "تدعو",
        "تؤكد",
        "تهييب",
        "تشجع",
        "تشجع",
        "تشجع",
        "تهييب",
        "تهييب",
        "تلاحظ",
        "تطلب",
        "ترحب",
        "تطلب",
    ]
    assert d.paragraphs[4].lead == "تشير أيضا"
    assert d.paragraphs[17].lead == "تؤكد من جديد"
    assert d.preamble[0].lead == "وإن تكرر"
    # The paragraph split by a page break (three blank lines) is one paragraph.
    p4 = d.preamble[3]
    assert "التفاوت الاقتصادي والاجتماعي داخل البلدان" in p4.text
    assert p4.span.start_line < p4.span.end_line
    # A footnote reference is taken out of the text and kept with its offset.
    p6 = d.preamble[5]
    assert [r.marker for r in p6.footnote_refs] == ["1", "2", "3", "4"]
    assert p6.text[: p6.footnote_refs[0].offset].endswith("لعام 2030")
    assert "(1)" not in p6.text
    # The sub-items of preambular paragraph 10 are its own, after an interleaved footnote block.
    p10 = d.preamble[9]
    assert p10.sub_items[0].text.startswith("تشجيع التصديق العالمي")
    assert d.footnotes[0].text == "القرار 70/1."
    assert d.footnotes[4].text == "United Nations, Treaty Series, vol. 2225, No. 39574."
    assert "footnote 16 is cited but its text is not in the input" in d.warnings
    # Numbers in their true order; Latin symbols untouched.
    assert "قراراتها 61/180 المؤرخ 20 كانون الأول/ديسمبر 2006" in d.text
    assert "المجلس الاقتصادي والاجتماعي 2017/18 المؤرخ" in d.text
    assert "قرار لجنة منع الجريمة والعدالة الجنائية 27/2" in d.text
    assert "(A/76/463، الفقرة 26)" in d.text
    assert "E/2018/30" in d.text and "2015-2018" in d.text


def test_cop_5_2_metadata_and_text() -> None:
    d = doc("cop-5-2-trafficking-protocol.txt")
    assert d.organ == "مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية"
    assert d.preamble_opening == (
        "إن مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية،"
    )
    assert d.title is not None and d.title.startswith("تنفيذ بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص")
    assert [" ".join(p.text.split()[:2]) for p in d.paragraphs] == [
        "يحثّ الدول", "يسلم بأن", "يرحب بقرار", "يحيط علماً", "يرحب بما", "يدعو الدول",
        "يؤكد مجدداً", "يشجّع الدول", "يشجّع الدول", "يطلب إلى", "يطلب أيضاً", "يتطلّع إلى",
        "يدعو الدول", "يقرّر أن", "يقرّر أيضاً", "يطلب إلى", "يطلب أيضاً", "يدعو الدول",
    ]  # fmt: skip
    assert [p.lead for p in d.preamble[:3]] == ["إذ يستذكر", "وإذ يستذكر أيضاً", "وإذ يرحب"]
    # Paragraph 1 is split by a footnote block and continues after it.
    p1 = d.paragraphs[0]
    assert "لاتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة، أو لم تنضم إليه" in p1.text
    assert [r.marker for r in p1.footnote_refs] == ["6"]
    # Paragraph 13 continues after paragraph 9's sub-items were interleaved in the source.
    assert d.paragraphs[12].text.endswith("وفقاً لما يرد وصفه في الفقرة 2 أعلاه؛")
    assert d.paragraphs[8].sub_items[1].text.startswith("النظر، ضمن إطار تشريعاتها الوطنية")
    assert "يرحب بقرار الجمعية العامة للأمم المتحدة 64/293، المؤرخ 30 تموز/يوليه 2010" in d.text
    assert "مقرره 4/4، المؤرخ 17 تشرين الأول/أكتوبر 2008" in d.text
    assert "قرار لجنة منع الجريمة والعدالة الجنائية 19/4" in d.text
    assert "E/CN.15/2006/10." in d.text


def test_json_round_trip() -> None:
    d = doc("cop-5-2-trafficking-protocol.txt")
    again = Document.model_validate_json(d.model_dump_json())
    assert again == d
