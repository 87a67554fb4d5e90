"""The PDF reader on the variant documents (``tests/fixtures/variants/NAME.txt``) typeset by
the benchmark's typesetters (``scripts/make_variant_pdfs.py``): the layouts that broke it.
Each PDF's structure counts are its source's gold; then what each layout shows."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

import unparse
from unparse.read.layout.direction import read_pages
from unparse.read.layout.margins import far_margin
from unparse.read.params import DEFAULT_PARAMS, ReaderParams
from unparse.read.pdf import extract_pages, read_pdf_lines

ROOT = Path(__file__).resolve().parents[2]
VARIANTS = ROOT / "tests" / "fixtures" / "variants"
PDFS = sorted(p.name for p in (VARIANTS / "pdf").glob("*.pdf"))


def _source(name: str) -> Any:
    module_name = "_benchmark_source"
    if module_name not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            module_name, ROOT / "benchmarks" / "accuracy" / "source.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        spec.loader.exec_module(module)
    return sys.modules[module_name].load(VARIANTS / f"{name}.txt")


def _counts(
    paragraphs: list[Any], preamble: list[Any], summary: int, sections: int, annexes: int
) -> dict[str, int]:
    return {
        "preamble": len(preamble),
        "paragraphs": len(paragraphs),
        "summary": summary,
        "sections": sections,
        "annexes": annexes,
    }


def _script_keeps() -> list[str]:
    """The PDFs ``scripts/make_variant_pdfs.py`` keeps (its ``KEEP``): the one list of them."""
    spec = importlib.util.spec_from_file_location(
        "_make_variant_pdfs", ROOT / "scripts" / "make_variant_pdfs.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return sorted(module.KEEP)


def test_the_pdfs_are_there() -> None:
    # The committed PDFs are the script's list, and the layouts this file tests are among them.
    assert _script_keeps() == PDFS
    assert len(PDFS) == 13
    assert {"cop-var.fpdf2.amiri-packed.pdf", "ga-dec-oral.libreoffice.tight.pdf"} <= set(PDFS)


@pytest.mark.parametrize("name", PDFS)
def test_structure_counts_are_the_gold(name: str) -> None:
    g = _source(name.split(".")[0]).gold()
    d = unparse.parse_pdf(VARIANTS / "pdf" / name)
    gold = _counts(
        g["paragraphs"] + [p for a in g["annexes"] for p in a["paragraphs"]],
        g["preamble"],
        len(g["summary"]),
        len(g["sections"]) + sum(len(a["sections"]) for a in g["annexes"]),
        len(g["annexes"]),
    )
    got = _counts(
        d.paragraphs + [p for a in d.annexes for p in a.paragraphs],
        d.preamble,
        len(d.summary.split("\n")) if d.summary else 0,
        len(d.sections) + sum(len(a.sections) for a in d.annexes),
        len(d.annexes),
    )
    assert got == gold
    assert [p.text for p in d.preamble] == [p["text"] for p in g["preamble"]]
    assert (d.kind, d.symbol, d.title) == (g["kind"], g["symbol"], g["title"])


def test_a_first_line_indent_below_another_with_a_preambular_lead_opens_a_paragraph() -> None:
    # Chromium with first-line indents: "وقد نظر ... المستعمرة،" is one line, indented, that
    # ends a few points short of the margin; the next line, indented the same, opens with
    # "ورغبة منه". (fpdf2 packed, no indent, where such a line fills the measure, stays
    # ambiguous: a preambular paragraph may go on with "، وإذ" at a line's start.)
    d = unparse.parse_pdf(VARIANTS / "pdf" / "ecosoc-var.chromium.naskh-indent.pdf")
    assert [p.lead for p in d.preamble] == ["وقد نظر", "ورغبة منه", "وتقديرا منه", "واقتناعا منه"]


@pytest.mark.parametrize(
    "name", ["report-covering-note.fpdf2.amiri-spaced.pdf", "report-covering-note.libreoffice.tight.pdf"]
)
def test_a_summary_heading_below_a_full_title_line_and_the_covering_note(name: str) -> None:
    # The annexed report's title fills the measure, "موجز" centred right below it with no
    # space: the heading is a line of its own. The note's text above it opens the body.
    d = unparse.parse_pdf(VARIANTS / "pdf" / name)
    assert d.summary is not None and d.summary.startswith("يتناول المقرر الخاص في هذا التقرير")
    assert [p.number for p in d.paragraphs] == [None, 1, 2, 3, 4]
    assert d.paragraphs[0].text.startswith("يتشرف الأمين العام بأن يحيل إلى الجمعية العامة")
    assert d.paragraphs[0].text.endswith("المقدم وفقا لقرار مجلس حقوق الإنسان 52/10.")


def test_symbol_entries_and_a_draft_resolution_in_a_packed_pdf() -> None:
    d = unparse.parse_pdf(VARIANTS / "pdf" / "report-annex-resolution.fpdf2.amiri-packed.pdf")
    first, second = d.annexes
    assert [p.text.split(" - ")[0] for p in first.paragraphs] == [
        "E/CN.6/2024/1",
        "E/CN.6/2024/3",
        "E/CN.6/2024/L.1",
    ]
    assert [p.number for p in second.paragraphs] == [None, None, None, 1, 2]
    assert second.paragraphs[0].text == "إن الجمعية العامة،"


def test_a_resolution_adopted_in_two_parts_keeps_the_second() -> None:
    # Each part under its heading ("ألف -", "باء -") with its formula, its preamble and its
    # paragraphs numbered from 1: the second part's lines were all "not placed".
    d = unparse.parse_pdf(VARIANTS / "pdf" / "ga-res-two-parts.fpdf2.amiri-packed.pdf")
    assert [s.label for s in d.sections] == ["ألف", "باء"]
    assert [p.lead for p in d.preamble] == ["إذ تحيط علما", "وإذ تحيط علما", "إذ تؤكد من جديد", "وإذ تشدد"]
    assert [(p.number, p.lead) for p in d.paragraphs] == [(1, "تحث"), (2, "تطلب"), (1, "تطلب"), (2, "تقرر")]
    assert [p.id for p in d.paragraphs] == ["para_1", "para_2", "para_1_3", "para_2_4"]
    assert not any("not placed" in w for w in d.warnings)


def test_a_heading_after_the_preamble_opens_the_operative_part_in_a_pdf() -> None:
    d = unparse.parse_pdf(VARIANTS / "pdf" / "hrc-res-sections.libreoffice.tight.pdf")
    assert [(s.label, s.first_paragraph) for s in d.sections] == [("ألف", 1), ("باء", 3)]
    assert d.preamble[-1].text.endswith("الاعتبار الأول في جميع الإجراءات المتعلقة بالأطفال،")


def test_a_later_part_without_a_preamble_in_a_pdf() -> None:
    d = unparse.parse_pdf(VARIANTS / "pdf" / "ecosoc-res-parts-titled.fpdf2.amiri-packed.pdf")
    assert [(p.number, p.lead) for p in d.paragraphs] == [(1, "يحث"), (2, "يطلب"), (1, "يرحب"), (2, "يطلب")]
    assert [(s.label, s.first_paragraph) for s in d.sections] == [("ألف", 1), ("باء", 1)]
    assert not any("not placed" in w for w in d.warnings)


def test_a_decision_in_one_sentence_with_points_in_a_pdf() -> None:
    d = unparse.parse_pdf(VARIANTS / "pdf" / "ga-dec-oral.libreoffice.tight.pdf")
    [para] = d.paragraphs
    assert para.number is None
    assert para.text.startswith("في الجلسة العامة 108 المعقودة في 5 أيلول/سبتمبر 2024")
    assert para.text.endswith("ما يلي:")
    assert [(s.label, [x.label for x in s.sub_items]) for s in para.sub_items] == [
        ("أ", []),
        ("ب", ["i", "ii"]),
        ("ج", []),
    ]


def test_two_clipped_letters_a_little_apart_are_furniture() -> None:
    # Chromium: the two alefs of the next page's centred title ("الإعلان بشأن ...", 1.4 sizes
    # apart) drawn at the foot of the page that holds only "المرفق": they stood between the
    # annex heading and its title, which became a paragraph of the annex.
    name = "ga-res-annex-decl.chromium.amiri-spaced.pdf"
    _, facts = read_pdf_lines(VARIANTS / "pdf" / name)
    assert {"page": 2, "kind": "clipped_glyphs", "text": "أ أ"} in facts["furniture"]  # type: ignore[operator]
    d = unparse.parse_pdf(VARIANTS / "pdf" / name)
    [annex] = d.annexes
    assert (annex.label, annex.title) == ("المرفق", "الإعلان بشأن الأجيال المقبلة")
    assert [p.number for p in annex.paragraphs] == [None, 1, 2, 3]


@pytest.mark.parametrize(
    ("name", "leads"),
    [
        ("hrc-res-roman.fpdf2.amiri-packed.pdf", ["إذ يسترشد", "وإذ يشير", "وإذ يسلم"]),
        ("cop-var.fpdf2.amiri-packed.pdf", ["إذ يشير", "وإذ يحيط علما", "وتصميما منه"]),
    ],
)
def test_a_packed_one_line_paragraph_as_wide_as_the_text_ends_before_the_next_lead(
    name: str, leads: list[str]
) -> None:
    # fpdf2, packed, ragged: every paragraph fits on one line, so the widest line ("وإذ يشير
    # ..." starting 62 pt in from the 22 mm margin) was taken for the far margin, and the
    # next paragraph's lead seemed not to fit beside it. No other flush line comes near that
    # extent: the far margin is taken at the near one's mirror on the page.
    d = unparse.parse_pdf(VARIANTS / "pdf" / name)
    assert [p.lead for p in d.preamble] == leads


def test_the_far_margin_of_wrapped_text_is_its_extent() -> None:
    # A dev PDF whose paragraphs wrap: many lines reach the extent, which stays the margin.
    pages = extract_pages(ROOT / "benchmarks" / "accuracy" / "inputs" / "pdf" / "fpdf2" / "ga-res-78-72.pdf")
    lines = [p for page in read_pages(pages).pages for p in page]
    left, right = min(p.line.x0 for p in lines), max(p.line.x1 for p in lines)
    assert far_margin(lines, left, right, True, pages[0].width, 12.0, DEFAULT_PARAMS) == (left, right)
    # Taken for a short text (a bar no text reaches): never further in than the extent.
    strict = ReaderParams(margin_min_lines=10_000)
    mirrored = round(pages[0].width - right, 1)
    assert far_margin(lines, left + 50, right, True, pages[0].width, 12.0, strict) == (mirrored, right)
    assert far_margin(lines, mirrored - 5, right, True, pages[0].width, 12.0, strict) == (mirrored - 5, right)


@pytest.mark.parametrize(
    "name", ["dec-text-body.fpdf2.amiri-packed.pdf", "report-latin-notes.chromium.naskh-indent.pdf"]
)
def test_unnumbered_prose_is_paragraphs_in_a_pdf(name: str) -> None:
    # Prose with no number (a decision recorded as prose; a report's text under a heading)
    # is unnumbered paragraphs, their text whole; Latin footnotes keep marker and text.
    g = _source(name.split(".")[0]).gold()
    d = unparse.parse_pdf(VARIANTS / "pdf" / name)
    assert [(p.number, p.text) for p in d.paragraphs] == [(p["number"], p["text"]) for p in g["paragraphs"]]
    assert [(f.marker, f.text) for f in d.footnotes] == [(f["marker"], f["text"]) for f in g["footnotes"]]
    assert not [w for w in d.warnings if "not placed" in w]
