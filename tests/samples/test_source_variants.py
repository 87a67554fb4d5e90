"""Documents written for the structures and header lines the benchmark's dev documents do not
have (``tests/fixtures/variants/``, in the benchmark's source format,
``benchmarks/accuracy/source.py``): a report titled "تقرير ..." under a session line, a
working paper, preambles led by accusatives ("ورغبة منه", "وتقديرا منه"), a Council
resolution without a title, a decision of a Conference of the Parties, annexes with headings
and unnumbered paragraphs, a report whose headings are all of the second level (``ألف -``), a
resolution adopted in parts (its part's heading above its formula), a covering note above a
report's summary, a resolution whose operative part is in sections (a heading right after
the preamble), a list of documents labelled by their symbols and a draft resolution in the
annexes of a report (ordinals typed with the tanween before the alef, ``أولًا``), a decision
recorded as prose only (no number, no formula) and a report with unnumbered text under its
headings and footnotes in Latin script. Each document's clean
text goes through ``parse_text``; its structure counts and header are the source's gold."""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

import unparse

ROOT = Path(__file__).resolve().parents[2]
VARIANTS = ROOT / "tests" / "fixtures" / "variants"


def _source_module() -> Any:
    # Loaded by path under a name of its own: the benchmark folder is not put on sys.path
    # (its garble.py would shadow the tests' own).
    name = "_benchmark_source"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "accuracy" / "source.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def _subs(items: list[Any]) -> int:
    return sum(1 + _subs(i["sub_items"] if isinstance(i, dict) else i.sub_items) for i in items)


def _gold_counts(g: dict[str, Any]) -> dict[str, int]:
    paras = g["preamble"] + g["paragraphs"] + [p for a in g["annexes"] for p in a["paragraphs"]]
    return {
        "preamble": len(g["preamble"]),
        "paragraphs": len(g["paragraphs"]) + sum(len(a["paragraphs"]) for a in g["annexes"]),
        "sub_items": _subs([s for p in paras for s in p["sub_items"]]),
        "sections": len(g["sections"]) + sum(len(a["sections"]) for a in g["annexes"]),
        "summary": len(g["summary"]),
        "annexes": len(g["annexes"]),
    }


def _doc_counts(d: unparse.Document) -> dict[str, int]:
    paras = d.preamble + d.paragraphs + [p for a in d.annexes for p in a.paragraphs]
    return {
        "preamble": len(d.preamble),
        "paragraphs": len(d.paragraphs) + sum(len(a.paragraphs) for a in d.annexes),
        "sub_items": _subs([s for p in paras for s in p.sub_items]),
        "sections": len(d.sections) + sum(len(a.sections) for a in d.annexes),
        "summary": len(d.summary.split("\n")) if d.summary else 0,
        "annexes": len(d.annexes),
    }


NAMES = sorted(p.stem for p in VARIANTS.glob("*.txt"))


def test_the_variants_are_there() -> None:
    assert NAMES == [
        "annex-var",
        "cop-dec-nopre",
        "cop-dec-text-operative",
        "cop-var",
        "dec-text-body",
        "ecosoc-res-parts-titled",
        "ecosoc-var",
        "ga-dec-oral",
        "ga-res-annex-decl",
        "ga-res-parts",
        "ga-res-two-parts",
        "hrc-res-roman",
        "hrc-res-sections",
        "note-sec-plain",
        "report-annex-resolution",
        "report-covering-note",
        "report-latin-notes",
        "report-letters",
        "report-roman-annexlist",
        "report-var",
        "res-parts-roman",
        "res-pre-items-heading",
        "sc-res-chapter7",
        "sc-var",
    ]


@pytest.mark.parametrize("name", NAMES)
def test_structure_and_header_are_the_gold(name: str) -> None:
    src = _source_module().load(VARIANTS / f"{name}.txt")
    gold = src.gold()
    doc = unparse.parse_text(src.clean_text())
    assert _doc_counts(doc) == _gold_counts(gold)
    assert doc.kind == gold["kind"]
    assert doc.symbol == gold["symbol"]
    assert doc.title == gold["title"]
    assert [p.text for p in doc.preamble] == [p["text"] for p in gold["preamble"]]


def test_accusative_leads_open_preambular_paragraphs() -> None:
    src = _source_module().load(VARIANTS / "ecosoc-var.txt")
    doc = unparse.parse_text(src.clean_text())
    assert [p.lead for p in doc.preamble] == ["وقد نظر", "ورغبة منه", "وتقديرا منه", "واقتناعا منه"]


def test_a_part_heading_above_the_formula_keeps_the_preamble() -> None:
    src = _source_module().load(VARIANTS / "ga-res-parts.txt")
    doc = unparse.parse_text(src.clean_text())
    assert [(s.label, s.level, s.first_paragraph) for s in doc.sections] == [("ألف", 2, 1)]
    assert doc.preamble_opening == "إن الجمعية العامة،"
    assert [p.lead for p in doc.preamble] == ["إذ تشير", "وإذ تؤكد"]
    assert [p.number for p in doc.paragraphs] == [1, 2]
    assert not any("not placed" in w for w in doc.warnings)


def _wrapped(text: str, width: int = 70) -> str:
    """The text as extractors give it: lines wrapped, no blank line between blocks."""
    out: list[str] = []
    for line in text.splitlines():
        out.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False))
    return "\n".join(out)


@pytest.mark.parametrize("wrapped", [False, True])
def test_a_covering_note_above_the_summary_opens_the_body(wrapped: bool) -> None:
    src = _source_module().load(VARIANTS / "report-covering-note.txt")
    text = src.clean_text()
    doc = unparse.parse_text(_wrapped(text) if wrapped else text)
    assert [p.number for p in doc.paragraphs] == [None, 1, 2, 3, 4]
    assert " ".join(doc.paragraphs[0].text.split()) == src.gold()["paragraphs"][0]["text"]
    assert doc.summary is not None and doc.summary.startswith("يتناول المقرر الخاص")
    assert _doc_counts(doc) == _gold_counts(src.gold())


@pytest.mark.parametrize("wrapped", [False, True])
def test_symbol_entries_and_a_draft_resolution_in_the_annexes(wrapped: bool) -> None:
    src = _source_module().load(VARIANTS / "report-annex-resolution.txt")
    text = src.clean_text()
    doc = unparse.parse_text(_wrapped(text) if wrapped else text)
    assert [s.label for s in doc.sections] == ["أولًا", "ثانيًا"]
    first, second = doc.annexes
    assert [" ".join(p.text.split()) for p in first.paragraphs] == [
        p["text"] for p in src.gold()["annexes"][0]["paragraphs"]
    ]
    assert second.label == "المرفق الثاني"
    assert second.title == "مشروع قرار أوصت به اللجنة لتعتمده الجمعية العامة"
    assert [(p.number, p.text.split()[0]) for p in second.paragraphs] == [
        (None, "إن"),
        (None, "إذ"),
        (None, "وإذ"),
        (1, "تحث"),
        (2, "تطلب"),
    ]
    assert _doc_counts(doc) == _gold_counts(src.gold())


@pytest.mark.parametrize("heading", ["موجز", "الموجز", "ملخص", "الملخص", "موجز*"])
def test_the_summary_heading_with_its_article_or_a_note(heading: str) -> None:
    text = (VARIANTS / "report-var.txt").read_text(encoding="utf-8")
    assert "head: موجز\n" in text
    src = _source_module().parse_source(text.replace("head: موجز\n", f"head: {heading}\n"), "report-var")
    doc = unparse.parse_text(src.clean_text())
    assert doc.summary is not None and doc.summary.split("\n") == src.gold()["summary"]
    assert not any("not placed" in w for w in doc.warnings)


def test_a_heading_after_the_preamble_opens_the_operative_part() -> None:
    # 'ألف - ...' right after the last preambular paragraph (its comma): the operative
    # paragraphs are in sections; the heading was glued to that preambular paragraph.
    src = _source_module().load(VARIANTS / "hrc-res-sections.txt")
    doc = unparse.parse_text(src.clean_text())
    assert [(s.label, s.first_paragraph) for s in doc.sections] == [("ألف", 1), ("باء", 3)]
    assert doc.preamble[-1].text.endswith("الاعتبار الأول في جميع الإجراءات المتعلقة بالأطفال،")
    assert [p.number for p in doc.paragraphs] == [1, 2, 3, 4]


@pytest.mark.parametrize("wrapped", [False, True])
def test_a_later_part_without_a_preamble_counts_its_paragraphs_from_1(wrapped: bool) -> None:
    # Part "ألف" (its heading above the formula) has a preamble; part "باء" has only
    # paragraphs, numbered from 1 again: they were all "not placed".
    src = _source_module().load(VARIANTS / "ecosoc-res-parts-titled.txt")
    text = src.clean_text()
    doc = unparse.parse_text(_wrapped(text) if wrapped else text)
    assert [(p.number, p.lead) for p in doc.paragraphs] == [(1, "يحث"), (2, "يطلب"), (1, "يرحب"), (2, "يطلب")]
    assert [(s.label, s.first_paragraph) for s in doc.sections] == [("ألف", 1), ("باء", 1)]
    assert [p.lead for p in doc.preamble] == ["إذ يشير", "وإذ يساوره"]
    assert not any("1 - يرحب" in w or "2 - يطلب" in w for w in doc.warnings)


def test_a_paragraph_1_under_a_report_heading_is_no_new_part() -> None:
    # Without a part heading above the formula, a "1 -" after a heading breaks no sequence.
    text = (
        "أولاً - مقدمة\n\n1 - يقدم هذا التقرير عملا بالقرار 78/1.\n\n"
        "2 - ويغطي الفترة الماضية.\n\nثانياً - الحالة\n\n1 - وتشير التقديرات إلى ذلك.\n"
    )
    doc = unparse.parse_text(text)
    assert [p.number for p in doc.paragraphs] == [1, 2]


@pytest.mark.parametrize("wrapped", [False, True])
def test_a_decision_in_one_sentence_with_points(wrapped: bool) -> None:
    # "في الجلسة العامة 108 ...، قررت الجمعية العامة ... ما يلي:" then (أ), (ب) with (i), (ii),
    # (ج): no formula, no preamble; the sentence was left in the header, its points unplaced.
    src = _source_module().load(VARIANTS / "ga-dec-oral.txt")
    text = src.clean_text()
    doc = unparse.parse_text(_wrapped(text) if wrapped else text)
    [para] = doc.paragraphs
    gold = src.gold()["paragraphs"][0]
    assert para.number is None and " ".join(para.text.split()) == gold["text"]
    assert [(s.label, [x.label for x in s.sub_items]) for s in para.sub_items] == [
        ("أ", []),
        ("ب", ["i", "ii"]),
        ("ج", []),
    ]
    assert (doc.kind, doc.title) == ("decision", "تنشيط أعمال الجمعية العامة")
    assert not any("not placed" in w for w in doc.warnings)


def test_a_point_after_a_header_line_that_is_no_sentence_stays_unplaced() -> None:
    # "(أ)" under a short header line (no sentence announcing it with its colon) opens nothing.
    doc = unparse.parse_text("الجمعية العامة\n\nالدورة الثامنة والسبعون\n\n(أ) أن تحيط علما بالتقرير؛\n")
    assert doc.paragraphs == [] and doc.preamble == []


def test_the_announcing_sentence_cut_by_a_blank_line_under_the_title() -> None:
    # As pdftotext gives the fpdf2 packed PDF of ga-dec-oral: the adoption line, the title
    # and the sentence's first line in one block, a blank line inside the sentence.
    text = (
        "الجمعية العامة\n\nالدورة الثامنة والسبعون\n\n"
        "مقرر اتخذته الجمعية العامة في 5 أيلول/سبتمبر 2024\n"
        "78/555 - تنشيط أعمال الجمعية العامة\n"
        "في الجلسة العامة 108 المعقودة في 5 أيلول/سبتمبر 2024، قررت الجمعية العامة، "
        "بناء على توصية الفريق العامل\n\n"
        "المخصص المعني بتنشيط أعمال الجمعية العامة، ما يلي:\n\n"
        "(أ) أن تحيط علما بتقرير الفريق العامل المخصص عن أعماله خلال الدورة الثامنة والسبعين؛\n\n"
        "(ب) أن تدرج في جدول الأعمال المؤقت لدورتها التاسعة والسبعين البند المعنون.\n"
    )
    doc = unparse.parse_text(text)
    [para] = doc.paragraphs
    assert para.text.startswith("في الجلسة العامة 108") and para.text.endswith("الجمعية العامة، ما يلي:")
    assert [s.label for s in para.sub_items] == ["أ", "ب"]
    assert doc.title == "تنشيط أعمال الجمعية العامة"


def test_the_agenda_title_stops_above_the_title_that_the_reporter_line_follows() -> None:
    # pdftotext of a report typeset with no space between the masthead's lines: the agenda
    # line, the title, "تقرير الأمين العام" and "موجز" in one block. They were all read as
    # the agenda item's title: no title, no kind, no summary.
    text = (
        "الدورة التاسعة والسبعون\n\n"
        "البند 71 من جدول الأعمال المؤقت\n"
        "حقوق الشعوب الأصلية\n"
        "تقرير الأمين العام\n"
        "موجز\n\n"
        "يقدم هذا التقرير عملا بقرار الجمعية العامة 78/190، ويتضمن معلومات عن التدابير المتخذة.\n\n"
        "أولاً - مقدمة\n\n"
        "1 - طلبت الجمعية العامة، في قرارها 78/190، إلى الأمين العام أن يقدم إليها تقريرا.\n"
    )
    doc = unparse.parse_text(text)
    assert (doc.kind, doc.title) == ("report", "حقوق الشعوب الأصلية")
    assert (doc.agenda_item, doc.agenda_title) == ("71", None)
    assert doc.summary is not None and doc.summary.startswith("يقدم هذا التقرير")
    # An agenda title above the document's title keeps its line.
    two = text.replace("حقوق الشعوب الأصلية\n", "الشعوب الأصلية\nحقوق الشعوب الأصلية\n")
    doc = unparse.parse_text(two)
    assert (doc.title, doc.agenda_title) == ("حقوق الشعوب الأصلية", "الشعوب الأصلية")


def test_a_summary_with_no_paragraph_after_it_stops_at_a_paragraph_no_summary_has() -> None:
    # A report too damaged for any paragraph to be read (pymupdf on Chromium: numbers and
    # headings out of place): the summary ran on to the first heading read, holding much of
    # the report. Its paragraphs up to one longer than 250 words are kept; a warning says so.
    body = " ".join(["طلب المجلس الاقتصادي والاجتماعي، في قراره-/12، إلى الأمين العام أن يقدم."] * 30)
    text = (
        "تقرير الأمين العام\n\nموجز\n\n"
        "يقدم هذا التقرير عملا بقرار المجلس ويتناول التقدم المحرز في تنفيذ خطة العمل.\n\n"
        f"مقدمة- أًول 1 {body}\n\n"
        "ثانياً - الحالة\n\nويستند التقرير إلى التقارير التي قدمها- في إطار خطة عمل 71 كيانا\n"
    )
    doc = unparse.parse_text(text)
    assert doc.summary == "يقدم هذا التقرير عملا بقرار المجلس ويتناول التقدم المحرز في تنفيذ خطة العمل."
    assert "the summary's end was not found (no paragraph after it): the rest not placed" in doc.warnings
    # Short, it is the summary's (a text whose paragraphs could not be read keeps it).
    doc = unparse.parse_text(text.replace(body, "طلب المجلس."))
    assert doc.summary is not None and len(doc.summary.split("\n")) == 2


@pytest.mark.parametrize("name", ["dec-text-body", "report-latin-notes"])
def test_unnumbered_prose_is_paragraphs_and_nothing_is_unplaced(name: str) -> None:
    # A decision recorded as prose, a report's text under its heading: unnumbered paragraphs
    # with their text and their footnote references, none of their lines left unplaced.
    src = _source_module().load(VARIANTS / f"{name}.txt")
    gold = src.gold()
    doc = unparse.parse_text(src.clean_text())
    assert [(p.number, p.text) for p in doc.paragraphs] == [
        (p["number"], p["text"]) for p in gold["paragraphs"]
    ]
    assert [(f.marker, f.text) for f in doc.footnotes] == [
        (f["marker"], f["text"]) for f in gold["footnotes"]
    ]
    assert not [w for w in doc.warnings if "not placed" in w]
