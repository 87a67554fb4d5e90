"""Each fixer: its docstring's real example, negative cases, and no harm to clean text."""

from __future__ import annotations

import random

import pytest

from builders import numbered_lines
from conftest import CLEAN_SAMPLES, sample_text
from unparse import Options
from unparse.lines import split_lines
from unparse.repair import STEPS, Step, repair
from unparse.repair.brackets import unmirror_brackets
from unparse.repair.chars import (
    fold_presentation_forms,
    normalize_spaces,
    remove_invisible_controls,
    remove_private_use,
    strip_diacritics,
    strip_tatweel,
)
from unparse.repair.digits import convert_digits, to_eastern_digits, to_western_digits
from unparse.repair.furniture import classify_furniture, remove_page_furniture
from unparse.repair.marks import attach_detached_marks
from unparse.repair.markup import (
    strip_emphasis_across_lines,
    strip_markdown_emphasis,
    strip_markdown_headings,
    superscript_refs_to_markers,
)
from unparse.repair.numbers import fix_number_order, pair_vote, swap_pairs
from unparse.repair.pipeline import Context, _union_re


def clean_lines() -> list[str]:
    """Lines of the samples that are in logical order, after the markup fixers (which are
    the damage in them)."""
    lines: list[str] = []
    for name in CLEAN_SAMPLES:
        for line in sample_text(name).splitlines():
            line = superscript_refs_to_markers(strip_markdown_emphasis(line)).strip()
            if line:
                lines.append(line)
    return lines


CLEAN = clean_lines()


@pytest.mark.parametrize(
    "fixer",
    [
        remove_invisible_controls,
        fold_presentation_forms,
        remove_private_use,
        strip_tatweel,
        to_western_digits,
        unmirror_brackets,
        strip_markdown_emphasis,
        superscript_refs_to_markers,
        normalize_spaces,
    ],
)
def test_fixer_leaves_clean_text_unchanged(fixer: object) -> None:
    assert callable(fixer)
    changed = [line for line in CLEAN if fixer(line) != line]
    assert changed == []


def test_invisible_controls() -> None:
    assert remove_invisible_controls("\u202bالجمعية العامة\u202c") == "الجمعية العامة"
    assert remove_invisible_controls("الأمم\u200f المتحدة\u200e") == "الأمم المتحدة"
    # ZWNJ shapes Persian words and a tab separates runs: both stay.
    assert remove_invisible_controls("می\u200cخواهم\tx") == "می\u200cخواهم\tx"


def test_presentation_forms() -> None:
    assert fold_presentation_forms("ﺍﻟﺠﻤﻌﻴﺔ ﺍﻟﻌﺎﻣﺔ") == "الجمعية العامة"
    assert fold_presentation_forms("ﻻ") == "لا"
    # NFKC, as the PDF reader folds it: the sign is the phrase it abbreviates.
    assert fold_presentation_forms("ﷺ") == "صلى الله عليه وسلم"


def test_private_use() -> None:
    assert remove_private_use("\uf02a الدورة السادسة") == " الدورة السادسة"


def test_tatweel() -> None:
    assert strip_tatweel("لمكافحـة") == "لمكافحة"
    assert strip_tatweel("نـوفمبر") == "نوفمبر"
    assert strip_tatweel("ديــسمبر / كــانون الأول") == "ديسمبر / كانون الأول"
    assert strip_tatweel("(هـ) تعتمد") == "(هـ) تعتمد"
    assert strip_tatweel("تنفيــذ هــذا القــرار") == "تنفيذ هذا القرار"
    assert strip_tatweel("(هــ) تعتمد") == "(هـ) تعتمد"
    # After a prefix before a number, a quotation or a Latin word: spelling, kept (unpc).
    assert strip_tatweel("التقارير الـ 16") == "التقارير الـ 16"
    assert strip_tatweel('بـ "السياسة" ولـ"اتخاذ" والـUNODC للـ') == 'بـ "السياسة" ولـ"اتخاذ" والـUNODC للـ'
    # Not a prefix (the word goes on, or a letter comes before): kashida, removed.
    assert strip_tatweel("الـتأهب لـمّا كتابـ 3") == "التأهب لمّا كتاب 3"


def test_diacritics_option() -> None:
    assert strip_diacritics("يلخِّص") == "يلخص"


def test_digits() -> None:
    assert to_western_digits("٦١/١٨٠ و۱۲") == "61/180 و12"
    assert to_eastern_digits("القرار 61/180") == "القرار ٦١/١٨٠"
    assert to_eastern_digits("A/61/444") == "A/61/444"
    assert convert_digits("٥", Options(digits="keep")) == "٥"
    assert convert_digits("٥", Options()) == "5"


def test_brackets() -> None:
    assert unmirror_brackets(")أ(") == "(أ)"
    assert unmirror_brackets(")٥٦ - د( ١٧") == "(٥٦ - د) ١٧"
    assert (
        unmirror_brackets("[)A/61/444( على تقرير اللجنة الثالثة بناء]")
        == "[(A/61/444) على تقرير اللجنة الثالثة بناء]"
    )
    # Negative cases: balanced brackets and lone closers stay.
    assert unmirror_brackets("(أ) نص (ب)") == "(أ) نص (ب)"
    assert unmirror_brackets("أ) ب) ج)") == "أ) ب) ج)"


def test_markdown_emphasis() -> None:
    assert strip_markdown_emphasis("1 - **تحث** الدول") == "1 - تحث الدول"
    assert (
        strip_markdown_emphasis("United Nations, *Treaty Series*, vol. 2225")
        == "United Nations, Treaty Series, vol. 2225"
    )
    assert strip_markdown_emphasis("* من القائمة الأولية") == "* من القائمة الأولية"
    assert strip_markdown_emphasis("2 * 3 * 4") == "2 * 3 * 4"


def test_superscript_refs() -> None:
    assert (
        superscript_refs_to_markers("لخطة التنمية المستدامة لعام 2030⁽¹⁾، وإذ")
        == "لخطة التنمية المستدامة لعام 2030(1)، وإذ"
    )
    assert superscript_refs_to_markers("الأشخاص⁽¹⁶⁾ و") == "الأشخاص(16) و"


def test_superscript_markup_refs() -> None:
    # The benchmark's markdown damage (A/RES/78/96, CRPD/CSP/2023/5): a converter's markup
    # for a superscript reference becomes the printed "(N)", whatever its digits.
    assert (
        superscript_refs_to_markers("بتقرير المدير العام لليونسكو<sup>5</sup>، الذي أحاله")
        == "بتقرير المدير العام لليونسكو(5)، الذي أحاله"
    )
    assert superscript_refs_to_markers("الإعاقة<SUP>١</SUP> على") == "الإعاقة(١) على"
    assert superscript_refs_to_markers("لعام 1954^12^ و") == "لعام 1954(12) و"
    assert superscript_refs_to_markers("الاتفاقية[^3]، و") == "الاتفاقية(3)، و"
    # Not references: a power, a markdown footnote definition, a long number, other HTML.
    for text in ("2^10 و 3^2^4", "[^3]: نص الحاشية", "<sup>2024</sup>", "<b>1</b>", "x^^1^^"):
        assert superscript_refs_to_markers(text) == text


def test_detached_marks() -> None:
    # Real lines of the benchmark's committed extractions (pdftotext on fpdf2 and LibreOffice
    # PDFs, pypdfium2 on Chromium PDFs): a heading and a paragraph number that segmentation
    # could not read until the marks were back on their letters.
    assert attach_detached_marks("أولا ً - مقدمة") == "أولاً - مقدمة"
    assert attach_detached_marks("ثانيا ً - الحالة العالمية للسلامة على الطرق") == (
        "ثانياً - الحالة العالمية للسلامة على الطرق"
    )
    assert attach_detached_marks("َّ1 -") == "1 -"
    assert attach_detached_marks("أول ًا- مقدمة") == "أولًا- مقدمة"
    assert attach_detached_marks("وقد ُأعد التقرير") == "وقد أُعد التقرير"
    assert attach_detached_marks("ان تقي ّ م") == "ان تقيّ م"
    # A letter alone, a gap, then marks glued to the next letter: one word (pdftotext on
    # LibreOffice, report-a-79-190 "تُصمم", sg-a-78-267 "عُقدت"); after a word, the marks
    # still go to the letter after them.
    assert attach_detached_marks("كثيرا ما ت ُصمم السياسات") == "كثيرا ما تُصمم السياسات"
    assert attach_detached_marks("ع ُقدت الدورة") == "عُقدت الدورة"
    assert attach_detached_marks("التي ُأبلغ") == "التي أُبلغ"
    assert attach_detached_marks("12 ُأبلغ") == "12 أُبلغ"
    # Marks on their letters, tatweel and presentation forms, and unmarked text: unchanged.
    for text in ("مُجدَّداً وأولاً", "مـَـحمد", "\ufefbً", "البند 12 من جدول الأعمال", ""):
        assert attach_detached_marks(text) == text
    # Nothing but marks and the spaces before them moves or goes: the letters and digits
    # are the same, in the same order.
    line = "ُأ  ً 12َّ ثم ّ و ُ"
    fixed = attach_detached_marks(line)
    assert fixed == "\u0623\u064f\u064b 12 \u062b\u0645\u0651 \u0648\u064f"
    assert [c for c in fixed if c.isalnum()] == [c for c in line if c.isalnum()]


def test_markdown_headings() -> None:
    text = "# أولاً - مقدمة\n\n## ألف - افتتاح الدورة\n### المرفق الأول ###"
    assert strip_markdown_headings(text) == "أولاً - مقدمة\n\nألف - افتتاح الدورة\nالمرفق الأول"
    # A "#" that does not open a heading stays: no space after it, nothing but marks, or a
    # title that is itself a heading mark (so one call reaches the fixed point).
    for text in ("#1 في القائمة", "###", "# 12", "العدد #5", "# # عنوان"):
        assert strip_markdown_headings(text) == text


def test_spaces() -> None:
    assert normalize_spaces("  إن الجمعية العامة ،   ") == "إن الجمعية العامة،"
    assert normalize_spaces("كانون  الأول") == "كانون الأول"


def test_furniture_classes() -> None:
    assert classify_furniture("A/RES/61/180 ") == "running_symbol"
    assert classify_furniture("4") == "page_number"
    assert classify_furniture("_______________ ") == "footnote_separator"
    assert classify_furniture("─────────────────") == "footnote_separator"
    assert classify_furniture("09-40424 (A)") == "job_number"
    # A footnote whose text is a symbol ends with a full stop: it is content.
    assert classify_furniture("CTOC/COP/2012/1.") is None
    assert classify_furniture("الجلسة العامة 82") is None


def test_number_pairs() -> None:
    assert swap_pairs("186/76 - تحسين تنسيق الجهود") == "76/186 - تحسين تنسيق الجهود"
    assert swap_pairs("18/2017 و 4/4") == "2017/18 و 4/4"
    assert swap_pairs("A/76/463 و E/2018/30 و 2015-2018") == "A/76/463 و E/2018/30 و 2015-2018"
    assert pair_vote("186", "76", 76) == 1
    assert pair_vote("61", "180", None) == -1
    assert pair_vote("18", "2017", None) == 1
    assert pair_vote("2006", "27", None) == -1
    assert pair_vote("2", "27", None) == 0


def _ctx() -> Context:
    return Context(Options())


def test_emphasis_across_lines() -> None:
    ctx = _ctx()
    out = strip_emphasis_across_lines(
        numbered_lines(
            "(5) Council of Europe, *Trafficking in Organs,", "Tissues and Cells", "of Organs* (X)"
        ),
        ctx,
    )
    assert [x.text for x in out] == [
        "(5) Council of Europe, Trafficking in Organs,",
        "Tissues and Cells",
        "of Organs (X)",
    ]
    assert [f.line for f in ctx.fixes] == [1, 3]
    # A lone asterisk (a footnote marker) with no closer nearby stays.
    same = numbered_lines("البند 103 من القائمة الأولية*", "منع الجريمة")
    assert strip_emphasis_across_lines(same, _ctx()) == same


def test_page_furniture_removed_and_recorded() -> None:
    ctx = _ctx()
    text = ("وتفاقم مظاهر التفاوت", "", "A/RES/61/180", "", "4", "", "والاجتماعي داخل البلدان")
    out = remove_page_furniture(numbered_lines(*text), ctx)
    assert [x.text for x in out if x.text] == ["وتفاقم مظاهر التفاوت", "والاجتماعي داخل البلدان"]
    assert [(f.kind, f.line) for f in ctx.fixes] == [("running_symbol", 3), ("page_number", 5)]
    assert ctx.facts["running_symbols"] == ["A/RES/61/180"]
    # A number between two text lines is content, not a page number.
    table = numbered_lines("عدد الدول", "4", "عدد المنظمات")
    assert [x.text for x in remove_page_furniture(table, _ctx())] == ["عدد الدول", "4", "عدد المنظمات"]


def test_page_headers_with_their_number_removed_where_they_run() -> None:
    # pdftotext -layout on LibreOffice (report-a-79-190): each page's header is its number
    # and the symbol, two columns of one line.
    ctx = _ctx()
    text = ("1 A/79/190", "يتشرف الأمين العام", "\f2 A/79/190", "بأن يحيل", "A/79/190 3", "التقرير")
    out = remove_page_furniture(numbered_lines(*text), ctx)
    assert [x.text for x in out] == ["يتشرف الأمين العام", "بأن يحيل", "التقرير"]
    assert [f.kind for f in ctx.fixes] == ["page_header"] * 3
    assert ctx.facts["running_symbols"] == ["A/79/190"]
    # Once, or numbered out of order, such a line is content.
    for lines in (("انظر", "A/79/190 12", "والفقرة"), ("12 A/79/190", "نص", "3 A/79/190")):
        assert [x.text for x in remove_page_furniture(numbered_lines(*lines), _ctx())] == list(lines)


def test_number_order_is_decided_per_document() -> None:
    ctx = _ctx()
    out = fix_number_order(numbered_lines("186/76 - تحسين تنسيق الجهود", "القرار 2/27 والقرار 4/4"), ctx)
    assert [x.text for x in out] == ["76/186 - تحسين تنسيق الجهود", "القرار 27/2 والقرار 4/4"]
    # Evidence both ways: nothing changes, and a warning says why.
    ctx = _ctx()
    mixed = numbered_lines("القرار 186/76", "القرار 61/180")
    assert fix_number_order(mixed, ctx) == mixed
    assert ctx.warnings and "number order" in ctx.warnings[0]
    # Already in order (e.g. a second pass): unchanged, so normalize is idempotent.
    assert fix_number_order(out, _ctx()) == out


# A step with triggers is skipped when none of its characters occurs in the text: the
# skip must never change a result, so each such step, gated and ungated, must agree.
_TRIGGER_ALPHABET = (
    "ابةتجدرسعلمنهوىي ، . * ( ) 12 ١٢\n\t\u00a0\u0640\u064e\u0651\u202b\ufeff"
    "\ufe8d\ufef5\ufe7c\ufe76\ufe71\ue02a⁽¹²⁾"
)


@pytest.mark.parametrize("step", [s for s in STEPS if s.triggers], ids=lambda s: s.name)
def test_trigger_gating_never_changes_a_result(step: Step) -> None:
    rng = random.Random(7)
    union = _union_re(tuple(s.triggers for s in STEPS if s.triggers))
    for _ in range(300):
        text = "".join(rng.choice(_TRIGGER_ALPHABET) for _ in range(rng.randint(0, 40)))
        gated, plain = Context(Options()), Context(Options())
        gated.trigger_re = union
        lines = split_lines(text)
        assert step.run(lines, gated) == step.run(lines, plain), repr(text)
        assert gated.fixes == plain.fixes


def test_trigger_gating_over_the_whole_pipeline_never_changes_a_result() -> None:
    # The trigger characters are tracked from step to step (only changed lines are
    # rescanned); the whole pipeline, gated, must give the ungated text and fixes.
    rng = random.Random(11)
    for k in range(600):
        options = Options(keep_diacritics=k % 2 == 0)
        text = "\n".join(
            "".join(rng.choice(_TRIGGER_ALPHABET) for _ in range(rng.randint(0, 25)))
            for _ in range(rng.randint(1, 6))
        )
        gated = repair(text, options)
        ctx = Context(options)
        lines = split_lines(text)
        for step in STEPS:
            if step.enabled(ctx.options):
                lines = step.run(lines, ctx)
        assert ctx.trigger_re is None
        assert gated.fixes == ctx.fixes, repr(text)
        assert [line.text for line in gated.lines] == [line.text for line in lines]
